// LearnUpon's own sign-in trouble: "There was a problem processing your request" (the FAQ's words) on the
// organisation's portal, as an error page, an error banner or the sign-in step, never quoted in a course.
import type { Profile } from '@/utils/catalogue/profile';
import { findMessages, normalizeText } from '@/utils/dom/text';
import { isOtherOrganisationsPortal } from '@/utils/hosts';
import { ACCOUNT_NOT_FOUND } from '@/utils/platforms/cybsafe/selectors';
import { learnUponPageKind } from '@/utils/platforms/learnupon/pages';
import { ENROLLMENT_PATH } from '@/utils/platforms/learnupon/selectors';
import { ERROR_LINE, MS_PHRASES } from '@/utils/platforms/microsoft/selectors';
import { diagnoseAadError, readOwnAadError } from './aad';
import { type Diagnosis, wrongAccountSteps } from './alerts';
import { type TroubleContext, isOwnTrouble, isShortPage, mentionsProblem, saysItIsAnErrorPage, titleSays } from './trouble';

/** LearnUpon's error (wording from the FAQ; its layout is a guess): the sentence opens the line. */
const LEARNUPON_PROBLEM = /^(?:error\s*:?\s*)?"?there was a problem processing your request\b/;
/** The same sentence as a whole title ("There was a problem processing your request | Portal"). */
const LEARNUPON_PROBLEM_TITLE = /^(?:error\s*:?\s*)?"?there was a problem processing your request[."!]*$/;
/** What a course page offers and an error page does not. */
const COURSE_ACTION = /^(start( course)?|resume( course)?|retake|launch|enrol+( now)?|re-?enrol+|go to course|view course|begin( course)?)$/;
/** Every problem the doctor knows, by the words that open its line. */
const KNOWN_PROBLEMS = [LEARNUPON_PROBLEM, ACCOUNT_NOT_FOUND, MS_PHRASES.workAccountOnly, MS_PHRASES.personalAccountNotHere, MS_PHRASES.troubleSigningIn, ERROR_LINE];

function pageHasCourse(root: ParentNode): boolean {
  for (const a of Array.from(root.querySelectorAll('a[href*="/enrollments/"]'))) {
    if (ENROLLMENT_PATH.test(a.getAttribute('href') ?? '')) return true;
  }
  return Array.from(root.querySelectorAll('a[href], button, [role="button"]')).some((el) => COURSE_ACTION.test(normalizeText(el.textContent ?? '')));
}

/** A page naming several different problems explains them (a lesson, a help article); an error page has one. */
function namesSeveralProblems(root: ParentNode): boolean {
  const seen = new Set<RegExp>();
  for (const line of findMessages(root, (t) => KNOWN_PROBLEMS.some((p) => p.test(t)), 600)) {
    const t = normalizeText(line.textContent ?? '');
    for (const p of KNOWN_PROBLEMS) if (p.test(t)) seen.add(p);
    if (seen.size > 1) return true;
  }
  return false;
}

/**
 * Where on this page a problem's words count as its own (trouble.ts). An error page at an address we do not
 * know calls itself one (title or main heading), is short, offers no course, and names one problem.
 */
function learnUponContext(root: ParentNode, url: URL): TroubleContext {
  const kind = learnUponPageKind(url);
  return {
    signInStep: kind === 'sign-in' || kind === 'error',
    mayBeErrorPage:
      !['dashboard', 'details', 'player'].includes(kind) && isShortPage(root) && !pageHasCourse(root) && saysItIsAnErrorPage(root) && !namesSeveralProblems(root),
  };
}

/** What is wrong on a page of the organisation's LearnUpon portal, or null. */
export function diagnoseLearnUponPage(root: ParentNode, url: URL, profile: Profile): Diagnosis | null {
  // Another organisation's portal signs in its own people: the organisation's account rules do not apply there.
  if (isOtherOrganisationsPortal(url.hostname, profile) || !mentionsProblem(root)) return null;
  const context = learnUponContext(root, url);
  // Microsoft's error, when the portal relays it; its code and troubleshooting ids make it unambiguous.
  const aad = readOwnAadError(root, context);
  if (aad) return diagnoseAadError(aad, profile, url);
  const own = findMessages(root, (t) => LEARNUPON_PROBLEM.test(t), 300).some((el) => isOwnTrouble(el, context));
  if (!own && !titleSays(root, (t) => LEARNUPON_PROBLEM_TITLE.test(t), context)) return null;
  return {
    kind: 'sso-error',
    title: 'LearnUpon could not sign you in',
    summary: `“There was a problem processing your request” usually means the browser is signed in to Microsoft with an account that is not your ${profile.organisation} account.`,
    steps: wrongAccountSteps(profile, url),
    details: { message: 'There was a problem processing your request' },
  };
}
