// The organisation profile lives in storage.local (small JSON) so content scripts can read it too.
// Whatever is stored is parsed on read: a damaged value falls back to the UCL defaults.
import { browser } from 'wxt/browser';
import { ProfileSchema, type Profile } from '@/utils/catalogue/profile';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';

/** storage.local key of the profile (the backup reads it too). */
export const PROFILE_KEY = 'profile';

export async function loadProfile(): Promise<Profile> {
  const stored = (await browser.storage.local.get(PROFILE_KEY))[PROFILE_KEY];
  if (stored === undefined) return UCL_PROFILE;
  const parsed = ProfileSchema.safeParse(stored);
  return parsed.success ? parsed.data : UCL_PROFILE;
}

export async function saveProfile(profile: Profile): Promise<void> {
  await browser.storage.local.set({ [PROFILE_KEY]: ProfileSchema.parse(profile) });
}

export async function resetProfile(): Promise<void> {
  await browser.storage.local.remove(PROFILE_KEY);
}
