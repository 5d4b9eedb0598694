// Which LearnUpon page a URL is. The paths are known (docs/pages.md); pure functions of the URL, each
// with the URLs it must recognise beside it (tests/platforms/learnupon/pages.test.ts runs them all).
import { siteOfUrl } from '@/utils/hosts';

export type LearnUponPageKind =
  | 'dashboard' // the learner home with the course list
  | 'details' // one enrollment's summary page
  | 'player' // a page inside the course player
  | 'sign-in' // local login form or the start of SSO
  | 'error' // SAML endpoints: the browser only stays on one when sign-in went wrong
  | 'other';

/** `https://<org>.learnupon.com/…`; the portal may also sit on a custom domain, which we cannot know. */
export function isLearnUponUrl(url: URL | string): boolean {
  return siteOfUrl(url) === 'learnupon';
}

function toUrl(url: URL | string): URL | null {
  try {
    return new URL(String(url));
  } catch {
    return null;
  }
}

function pathOf(url: URL): string {
  return url.pathname.replace(/\/+$/, '').toLowerCase() || '/';
}

export function isDashboard(url: URL): boolean {
  return /^\/dashboard(\/|$)/.test(pathOf(url));
}

export function isEnrollmentDetails(url: URL): boolean {
  return /^\/enrollments\/\d{6,10}(\/details)?$/.test(pathOf(url));
}

export function isCoursePlayer(url: URL): boolean {
  return /^\/enrollments\/\d{6,10}\/page\/\d+$/.test(pathOf(url));
}

export function isSignIn(url: URL): boolean {
  return /^\/(users\/sign_in|saml\/init)$/.test(pathOf(url));
}

export function isSamlLanding(url: URL): boolean {
  return /^\/saml\/(consumer|error|acs)$/.test(pathOf(url));
}

/** The enrollment id a details or player URL is about. */
export function enrollmentIdFromUrl(url: URL): string | null {
  return /^\/enrollments\/(\d{6,10})(\/|$)/.exec(pathOf(url))?.[1] ?? null;
}

export function learnUponPageKind(url: URL | string): LearnUponPageKind {
  const u = toUrl(url);
  if (!u || !isLearnUponUrl(u)) return 'other';
  if (isDashboard(u)) return 'dashboard';
  if (isEnrollmentDetails(u)) return 'details';
  if (isCoursePlayer(u)) return 'player';
  if (isSignIn(u)) return 'sign-in';
  if (isSamlLanding(u)) return 'error';
  return 'other';
}

/** The dashboard or a course's details page: where the signed-in account and the evidence are read. */
export function showsOwnEnrollments(url: URL | string): boolean {
  const kind = learnUponPageKind(url);
  return kind === 'dashboard' || kind === 'details';
}

/** URLs each kind must recognise (and no other kind may). */
export const TEST_URLS: Record<LearnUponPageKind, string[]> = {
  dashboard: [
    'https://ucl.learnupon.com/dashboard',
    'https://ucl.learnupon.com/dashboard?display=my_courses',
    'https://ucl.learnupon.com/dashboard?display=my_courses&filter=completed',
    'https://ucl.learnupon.com/dashboard/',
    'https://acme.learnupon.com/dashboard#courses',
  ],
  details: [
    'https://ucl.learnupon.com/enrollments/104837261/details',
    'https://ucl.learnupon.com/enrollments/96310458/details/',
    'https://ucl.learnupon.com/enrollments/104837261',
  ],
  player: [
    'https://ucl.learnupon.com/enrollments/104837261/page/3104837',
    'https://ucl.learnupon.com/enrollments/96310458/page/1?autoplay=1',
  ],
  'sign-in': [
    'https://ucl.learnupon.com/users/sign_in',
    'https://ucl.learnupon.com/users/sign_in?no_sso=true',
    'https://ucl.learnupon.com/saml/init?redirect_uri=/dashboard?display=my_courses',
  ],
  error: ['https://ucl.learnupon.com/saml/consumer', 'https://ucl.learnupon.com/saml/consumer?error=1', 'https://ucl.learnupon.com/saml/error'],
  other: [
    'https://ucl.learnupon.com/catalog',
    'https://ucl.learnupon.com/',
    'https://ucl.learnupon.com/users/profile',
    'https://ucl.learnupon.com/enrollments/104837261/certificate',
    'https://ucl.learnupon.com/scorm/104837261/index.html',
    'https://ucl.learnupon.com/dashboards',
    'https://learnupon.com/dashboard',
    'http://ucl.learnupon.com/dashboard',
    'https://ucl.learnupon.com.evil.example/dashboard',
    'https://app.cybsafe.com/dashboard',
  ],
};
