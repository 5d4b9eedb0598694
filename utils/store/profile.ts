// The organisation profile lives in storage.local (small JSON) so content scripts can read it too.
// Whatever is stored is parsed on read: a damaged value falls back to the UCL defaults.
import { browser } from 'wxt/browser';
import { ProfileSchema, type Profile } from '@/utils/catalogue/profile';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';

const KEY = 'profile';

export async function loadProfile(): Promise<Profile> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  if (stored === undefined) return UCL_PROFILE;
  const parsed = ProfileSchema.safeParse(stored);
  return parsed.success ? parsed.data : UCL_PROFILE;
}

export async function saveProfile(profile: Profile): Promise<void> {
  await browser.storage.local.set({ [KEY]: ProfileSchema.parse(profile) });
}

export async function resetProfile(): Promise<void> {
  await browser.storage.local.remove(KEY);
}
