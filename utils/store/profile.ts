// The organisation profile: the person's own settings in storage.local (utils/data/local.ts) with the
// organisation's policy on top (utils/catalogue/policy.ts). Whatever is stored is parsed on read: a
// damaged value falls back to the UCL defaults, and a course link the extension would never offer is
// left out. Every context works with `loadProfile`'s result; content scripts get it from the background.
import type { EffectiveProfile, Profile } from '@/utils/data/profile';
import { LOCAL_KEYS } from '@/utils/data/keys';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { applyPolicy, type AppliedPolicy } from '@/utils/catalogue/policy';
import { withSafeCourseLinks } from '@/utils/catalogue/profile';
import { readLocal, removeLocal, writeLocal } from './local';
import { readManagedPolicy } from './policy';

/** storage.local key of the profile. */
export const PROFILE_KEY = LOCAL_KEYS.profile;

/** The person's own settings (the UCL defaults when none are saved), without the policy. */
export async function loadOwnProfile(): Promise<Profile> {
  return withSafeCourseLinks((await readLocal(PROFILE_KEY)) ?? UCL_PROFILE).profile;
}

/** What the settings page shows: the person's own settings, and the policy applied to them. */
export interface Settings extends AppliedPolicy {
  own: Profile;
}

export async function loadSettings(): Promise<Settings> {
  const [own, policy] = await Promise.all([loadOwnProfile(), readManagedPolicy()]);
  return { own, ...applyPolicy(own, policy) };
}

/** The profile in force: the person's own settings with whatever the organisation's policy sets. */
export async function loadProfile(): Promise<EffectiveProfile> {
  return (await loadSettings()).profile;
}

/** Saves the person's own settings (what the policy sets stays the policy's). */
export async function saveProfile(profile: Profile): Promise<void> {
  await writeLocal(PROFILE_KEY, profile);
}

export async function resetProfile(): Promise<void> {
  await removeLocal(PROFILE_KEY);
}
