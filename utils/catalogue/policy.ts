// The organisation's policy on top of the person's own settings. What the policy sets wins and cannot be
// changed in Settings; what it leaves out stays the person's. A value that cannot be used is left out,
// with a sentence saying so for the settings page, and the rest still applies. Pure: the managed storage
// is read by utils/store/policy.ts, the keys are declared in utils/data/policy.ts.
import { POLICY, type PolicyCourse, type PolicyKey } from '@/utils/data/policy';
import { organisationPortals } from '@/utils/hosts';
import type { z } from '@/utils/zod';
import { courseConflicts, droppedLinksText, issueReason } from './io';
import { createCourseMatcher } from './match';
import { withSafeCourseLinks, type CountingSource, type Course, type EffectiveProfile, type FeatureSwitches, type Profile } from './profile';

/** The profile fields a policy may replace. */
type Replaced = Partial<Pick<Profile, 'organisation' | 'emailDomain' | 'portalHost' | 'morePortalHosts' | 'mailbox' | 'subjectTemplate' | 'dateOrder' | 'dueSoonDays' | 'courses'>>;

/** What a policy sets that can be used, and a sentence for each value that cannot. */
export interface PolicyReading {
  values: Replaced & { features?: FeatureSwitches; countingOutsideSources?: CountingSource[] };
  problems: string[];
}

export const NO_POLICY: PolicyReading = { values: {}, problems: [] };

/** The person's settings with the policy applied, which keys the policy decides, and what it could not. */
export interface AppliedPolicy {
  profile: EffectiveProfile;
  locked: ReadonlySet<PolicyKey>;
  problems: string[];
}

/** What happens instead when a key's value is not used. */
const INSTEAD: Partial<Record<PolicyKey, string>> = {
  courses: 'your own course list applies',
  features: 'no feature is turned off',
  countingOutsideSources: 'no outside completions count',
};

function notUsed(key: PolicyKey, why: string): string {
  return `Your organisation’s setting “${POLICY[key].label}” (${key}) is not used: ${why}. Instead, ${INSTEAD[key] ?? 'your own setting applies'}.`;
}

function issuesText(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')} ${issueReason(issue)}` : issueReason(issue))).join('; ');
}

function isPolicyKey(key: string): key is PolicyKey {
  return Object.prototype.hasOwnProperty.call(POLICY, key);
}

/** A course as the catalogue holds it; a sentence when the policy's entry cannot be one. */
function catalogueCourse(c: PolicyCourse, index: number): Course | string {
  const which = `${index} (“${c.name}”)`;
  if (c.oneOff === true && c.cadenceMonths !== undefined) return `course ${which} gives both cadenceMonths and oneOff: give one`;
  if (c.oneOff !== true && c.cadenceMonths === undefined) return `course ${which} needs cadenceMonths (months between renewals) or oneOff: true`;
  return {
    name: c.name,
    aliases: c.aliases ?? [],
    platform: c.platform,
    cadenceMonths: c.oneOff === true ? null : c.cadenceMonths!,
    scope: c.scope ?? 'all-staff',
    ...(c.url !== undefined ? { url: c.url } : {}),
  };
}

/** Reads what Chrome's managed storage holds (`storage.managed.get()`), key by key. */
export function readPolicy(raw: unknown): PolicyReading {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return NO_POLICY;
  const values: PolicyReading['values'] = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (!isPolicyKey(key)) {
      problems.push(`Your organisation’s policy sets “${key}”, which this version of the extension does not know; it is not used.`);
      continue;
    }
    const parsed = POLICY[key].schema.safeParse(value, { reportInput: true });
    if (!parsed.success) {
      problems.push(notUsed(key, issuesText(parsed.error.issues)));
      continue;
    }
    if (key === 'courses') {
      const courses = (parsed.data as PolicyCourse[]).map(catalogueCourse);
      const wrong = courses.filter((c): c is string => typeof c === 'string');
      const conflicts = wrong.length ? [] : courseConflicts(courses as Course[]);
      if (wrong.length || conflicts.length) {
        problems.push(notUsed(key, [...wrong, ...conflicts].join('; ')));
        continue;
      }
      values.courses = courses as Course[];
      continue;
    }
    (values as Record<string, unknown>)[key] = parsed.data;
  }
  return { values, problems };
}

/**
 * The person's own settings with the policy on top. Also checked here, against the result: each course
 * link (`withSafeCourseLinks`), and each outside source (another organisation's portal, naming catalogue
 * courses).
 */
export function applyPolicy(own: Profile, policy: PolicyReading): AppliedPolicy {
  const { features, countingOutsideSources, ...replaced } = policy.values;
  const problems = [...policy.problems];
  const locked = new Set(Object.keys(policy.values) as PolicyKey[]);
  const merged: Profile = { ...own, ...replaced };
  if (features?.reminders === false) merged.remindersEnabled = false;

  const safe = withSafeCourseLinks(merged);
  // Links in the person's own list were checked when it was read; one the policy gives is the policy's to hear about.
  if (replaced.courses && safe.dropped.length) problems.push(`Your organisation’s course list: ${droppedLinksText(safe.dropped, merged)}`);

  const match = createCourseMatcher(safe.profile.courses);
  const ownPortals = organisationPortals(safe.profile);
  const counting: CountingSource[] = [];
  for (const entry of countingOutsideSources ?? []) {
    const host = entry.source.trim().toLowerCase();
    // The organisation's own portal: every completion there counts already.
    if (ownPortals.includes(host)) continue;
    const courses: string[] = [];
    for (const name of entry.courses) {
      const course = match(name);
      if (!course) problems.push(`Your organisation counts “${name}” from ${host}, but no course of that name is in the course list; it is not used.`);
      else if (!courses.includes(course.name)) courses.push(course.name);
    }
    const held = counting.find((c) => c.source === host);
    if (held) held.courses.push(...courses.filter((c) => !held.courses.includes(c)));
    else if (courses.length) counting.push({ source: host, courses });
  }
  return { profile: { ...safe.profile, features: features ?? {}, countingOutsideSources: counting }, locked, problems };
}

/** Whether a feature is on for this profile: only a policy's `false` turns one off. */
export function featureOn(profile: EffectiveProfile, feature: keyof FeatureSwitches): boolean {
  return profile.features?.[feature] !== false;
}
