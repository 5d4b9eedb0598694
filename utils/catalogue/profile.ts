// The profile's shape is declared with the other stored values (utils/data/profile.ts); the catalogue
// code and the pages import it from here. Also which catalogue links may be offered: decided here, at
// the bottom, so the profile loader (utils/store/profile.ts), the import and every link drawn agree.
import { siteOfUrl } from '@/utils/hosts';
import type { Course, Profile } from '@/utils/data/profile';

export {
  CountingSourceSchema,
  CourseSchema,
  FeatureSwitchesSchema,
  PlatformSchema,
  ProfileSchema,
  type CountingSource,
  type Course,
  type EffectiveProfile,
  type FeatureSwitches,
  type Platform,
  type Profile,
} from '@/utils/data/profile';

/** The organisation's own site (`ucl.ac.uk` and its subdomains), where the catalogue's course pages live. */
function onOrganisationSite(url: URL, emailDomain: string): boolean {
  const host = url.hostname.toLowerCase();
  const domain = emailDomain.toLowerCase();
  return host === domain || host.endsWith(`.${domain}`);
}

/** A catalogue link we may offer: `https:` on a covered site or the organisation's own, no credentials. */
export function safeCourseUrl(url: string | undefined, profile: Pick<Profile, 'emailDomain'>): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.username || u.password) return null;
  const site = siteOfUrl(u);
  return site === 'learnupon' || site === 'cybsafe' || onOrganisationSite(u, profile.emailDomain) ? u.href : null;
}

/**
 * The profile with every course link `safeCourseUrl` refuses left out (`javascript:`, `data:`, `http:`,
 * another host), and the names of the courses that lost theirs. Applied where profiles come in (the
 * settings file, what is stored, the organisation's policy), so nothing drawn from a profile ever holds
 * such a link.
 */
export function withSafeCourseLinks<P extends Profile>(profile: P): { profile: P; dropped: string[] } {
  const dropped: string[] = [];
  const courses = profile.courses.map((course): Course => {
    if (course.url === undefined) return course;
    if (safeCourseUrl(course.url, profile) !== null) return course;
    dropped.push(course.name);
    const { url: _unsafe, ...rest } = course;
    return rest;
  });
  return dropped.length ? { profile: { ...profile, courses }, dropped } : { profile, dropped };
}
