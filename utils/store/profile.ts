// The organisation profile, in storage.local (utils/data/local.ts). Whatever is stored is parsed on
// read: a damaged value falls back to the UCL defaults. Content scripts get it from the background.
import type { Profile } from '@/utils/data/profile';
import { LOCAL_KEYS } from '@/utils/data/keys';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { readLocal, removeLocal, writeLocal } from './local';

/** storage.local key of the profile. */
export const PROFILE_KEY = LOCAL_KEYS.profile;

export async function loadProfile(): Promise<Profile> {
  return (await readLocal(PROFILE_KEY)) ?? UCL_PROFILE;
}

export async function saveProfile(profile: Profile): Promise<void> {
  await writeLocal(PROFILE_KEY, profile);
}

export async function resetProfile(): Promise<void> {
  await removeLocal(PROFILE_KEY);
}
