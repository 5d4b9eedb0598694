// The subject and course links built from the organisation profile, one way for every email and link
// the extension prepares: the evidence email, the team reminders, the compose links and the calendar.
import { safeCourseUrl, type Course, type Profile } from '@/utils/catalogue/profile';
import { CYBSAFE_HOME, portalDashboardUrl } from '@/utils/hosts';

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

// Which catalogue links may be offered is decided with the profile (utils/catalogue/profile.ts).
export { safeCourseUrl };

/**
 * Where to do a course: its catalogue link when `safeCourseUrl` allows it, else the organisation's
 * LearnUpon dashboard or CybSafe. A link of any other kind (`javascript:`, `data:`, `http:`, another
 * host) is never offered.
 */
export function courseLink(course: Pick<Course, 'url' | 'platform'>, profile: Pick<Profile, 'portalHost' | 'emailDomain'>): string {
  return safeCourseUrl(course.url, profile) ?? (course.platform === 'cybsafe' ? CYBSAFE_HOME : portalDashboardUrl(profile.portalHost));
}
