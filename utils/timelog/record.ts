// The background's side of the time log: a content script's report becomes time on the log, only
// when the user opted in (checked here, whatever the content script thinks), the slice is sane, and its
// time was not counted already.
import { createCourseMatcher } from '@/utils/catalogue/match';
import type { Profile } from '@/utils/catalogue/profile';
import type { Site } from '@/utils/hosts';
import { loadProfile } from '@/utils/store/profile';
import { featureOn } from '@/utils/catalogue/policy';
import { loadTimeLogSettings } from './settings';
import { sliceProblem } from './slice';
import { addSlice } from './store';
import type { TimeSlice } from './types';

/**
 * The course a page is about: the catalogue name when its title matches; on CybSafe, every module is
 * part of the CybSafe course (FAQ 2); otherwise the title as shown.
 */
export function courseForPage(site: Site, title: string, profile: Profile): string | null {
  const matched = createCourseMatcher(profile.courses)(title);
  if (matched) return matched.name;
  if (site === 'cybsafe') return profile.courses.find((c) => c.platform === 'cybsafe')?.name ?? 'CybSafe training';
  const shown = title.replace(/\s+/g, ' ').trim().slice(0, 200);
  return site === 'learnupon' ? shown || 'LearnUpon course' : null;
}

/**
 * True when time was logged. The slice is checked against the clock (utils/timelog/slice.ts) and against
 * the time already counted (utils/timelog/store.ts `addSlice`): a replayed or overlapping slice adds nothing.
 */
export async function logTimeSlice(site: Site, title: string, slice: TimeSlice, now = Date.now()): Promise<boolean> {
  if (!(await loadTimeLogSettings()).enabled) return false;
  if (sliceProblem(slice, now)) return false;
  const profile = await loadProfile();
  // The organisation's policy may turn the time log off for everyone (utils/catalogue/policy.ts).
  if (!featureOn(profile, 'timeLog')) return false;
  const course = courseForPage(site, title, profile);
  if (!course) return false;
  return (await addSlice(slice, course)) > 0;
}
