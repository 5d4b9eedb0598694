// The subject and course links built from the organisation profile, one way for every email and link
// the extension prepares: the evidence email, the team reminders, the compose links and the calendar.
import type { Course, Profile } from '@/utils/catalogue/profile';
import { CYBSAFE_HOME, portalDashboardUrl, siteOfUrl } from '@/utils/hosts';

/** The FAQ's placeholder when no course is named: the reader fills it in. */
export const UNKNOWN_COURSE = 'course name';

/**
 * The profile's subject template with every `{course}` replaced by the course names joined with `; `
 * (docs/contract.md, "Evidence pack"), or by "course name" when there are none. Split and join, not
 * `replace`: a course name holding `$&` must stay as it is.
 */
export function mailSubject(template: string, courseNames: readonly string[] = []): string {
  const names = courseNames.length ? courseNames.join('; ') : UNKNOWN_COURSE;
  return template.split('{course}').join(names);
}

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
 * Where to do a course: its catalogue link when `safeCourseUrl` allows it, else the organisation's
 * LearnUpon dashboard or CybSafe. A link of any other kind (`javascript:`, `data:`, `http:`, another
 * host) is never offered.
 */
export function courseLink(course: Pick<Course, 'url' | 'platform'>, profile: Pick<Profile, 'portalHost' | 'emailDomain'>): string {
  return safeCourseUrl(course.url, profile) ?? (course.platform === 'cybsafe' ? CYBSAFE_HOME : portalDashboardUrl(profile.portalHost));
}
