// The sign-in doctor: reads a sign-in or error page and says what went wrong and what to do, in the FAQ's
// words. Pure: a DOM root, the page URL and the org profile in; a Diagnosis (or null: nothing wrong) out.
// Only the page's own signs of trouble count (trouble.ts), never the same words quoted in its content.
import type { Profile } from '@/utils/catalogue/profile';
import { findMessages, normalizeText } from '@/utils/dom/text';
import { isOtherOrganisationsPortal, siteOfHost, type Site } from '@/utils/hosts';
import { cybSafePageKind } from '@/utils/platforms/cybsafe/pages';
import { CS_TEXT } from '@/utils/platforms/cybsafe/selectors';
import { learnUponPageKind } from '@/utils/platforms/learnupon/pages';
import { ENROLLMENT_PATH } from '@/utils/platforms/learnupon/selectors';
import { readAadError } from '@/utils/platforms/microsoft/read';
import { ERROR_LINE, MS_PHRASES } from '@/utils/platforms/microsoft/selectors';
import { type Diagnosis, CYBSAFE_LOGIN_URL, cybsafeCourseName, orgUsername, step, wrongAccountSteps } from './alerts';
import { diagnoseAadError, diagnoseMicrosoft } from './microsoft';
import { type TroubleContext, isOwnTrouble, isShortPage, saysItIsAnErrorPage, titleParts } from './trouble';

export { diagnoseAccount } from './microsoft';

/** LearnUpon's error (wording from the FAQ; its layout is a guess): the sentence opens the line. */
const LEARNUPON_PROBLEM = /^(?:error\s*:?\s*)?"?there was a problem processing your request\b/;
/** The same sentence as a whole title ("There was a problem processing your request | Portal"). */
const LEARNUPON_PROBLEM_TITLE = /^(?:error\s*:?\s*)?"?there was a problem processing your request[."!]*$/;
/** What a course page offers and an error page does not. */
const COURSE_ACTION = /^(start( course)?|resume( course)?|retake|launch|enrol+( now)?|re-?enrol+|go to course|view course|begin( course)?)$/;

function pageHasCourse(root: ParentNode): boolean {
  for (const a of Array.from(root.querySelectorAll('a[href*="/enrollments/"]'))) {
    if (ENROLLMENT_PATH.test(a.getAttribute('href') ?? '')) return true;
  }
  return Array.from(root.querySelectorAll('a[href], button, [role="button"]')).some((el) => COURSE_ACTION.test(normalizeText(el.textContent ?? '')));
}

/** Every problem the doctor knows, by the words that open its line. */
const KNOWN_PROBLEMS = [LEARNUPON_PROBLEM, CS_TEXT.accountNotFound, MS_PHRASES.workAccountOnly, MS_PHRASES.personalAccountNotHere, MS_PHRASES.troubleSigningIn, ERROR_LINE];

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
function troubleContext(root: ParentNode, url: URL, site: Site | null): TroubleContext {
  if (site === 'microsoft') return { signInStep: true, mayBeErrorPage: true };
  if (site === 'cybsafe') return { signInStep: cybSafePageKind(url) === 'login', mayBeErrorPage: false };
  const kind = learnUponPageKind(url);
  return {
    signInStep: kind === 'sign-in' || kind === 'error',
    mayBeErrorPage:
      !['dashboard', 'details', 'player'].includes(kind) && isShortPage(root) && !pageHasCourse(root) && saysItIsAnErrorPage(root) && !namesSeveralProblems(root),
  };
}

function diagnoseLearnUpon(root: ParentNode, profile: Profile, url: URL, context: TroubleContext): Diagnosis | null {
  const own = findMessages(root, (t) => LEARNUPON_PROBLEM.test(t), 300).some((el) => isOwnTrouble(el, context));
  if (!own && !(context.mayBeErrorPage && titleParts(root).some((t) => LEARNUPON_PROBLEM_TITLE.test(t)))) return null;
  return {
    kind: 'sso-error',
    title: 'LearnUpon could not sign you in',
    summary: `“There was a problem processing your request” usually means the browser is signed in to Microsoft with an account that is not your ${profile.organisation} account.`,
    steps: wrongAccountSteps(profile, url),
    details: { message: 'There was a problem processing your request' },
  };
}

function diagnoseCybSafe(root: ParentNode, profile: Profile, context: TroubleContext): Diagnosis | null {
  if (!findMessages(root, (t) => CS_TEXT.accountNotFound.test(t), 200).some((el) => isOwnTrouble(el, context))) return null;
  const course = cybsafeCourseName(profile);
  return {
    kind: 'sso-error',
    title: 'CybSafe could not find your account',
    summary: `CybSafe knows you by your main ${profile.organisation} address. An email alias or a personal address is “not found”.`,
    steps: [
      { text: `Choose “Sign in with SSO” and enter ${orgUsername(profile)} (the address you sign in to Microsoft with), not an alias or a personal address.`, href: CYBSAFE_LOGIN_URL },
      { text: `Don’t use “I have an original CybSafe Login”: ${profile.organisation} accounts sign in with SSO.` },
      step.checkAccount(profile),
      step.mailbox(profile, course),
    ],
    details: { message: 'Account not found' },
    course,
  };
}

/** Words without which no LearnUpon or CybSafe page shows a sign-in problem (checked before any probe). */
const PROBLEM_WORDS = /aadsts\d|problem processing your request|account not found/;

function pageText(root: ParentNode): string {
  const node = root as Node;
  return (node.nodeType === 9 ? (node as Document).documentElement : node)?.textContent ?? '';
}

/** A page listing several AADSTS codes explains them (a help article); an error page shows one. */
function listsSeveralCodes(root: ParentNode, context: TroubleContext): boolean {
  const codes = new Set<string>();
  for (const line of findMessages(root, (t) => ERROR_LINE.test(t), 2000)) {
    if (!isOwnTrouble(line, context)) continue;
    const code = /aadsts\s*(\d+)/i.exec(line.textContent ?? '')?.[1];
    if (code) codes.add(code);
  }
  return codes.size > 1;
}

/** What is wrong on this sign-in or error page, or null when the page shows no problem. */
export function diagnoseSignInPage(root: ParentNode, url: URL, profile: Profile): Diagnosis | null {
  const host = url.hostname.toLowerCase();
  const site = siteOfHost(host);
  // Another organisation's portal signs in its own people: the organisation's account rules do not apply there.
  if (site === 'learnupon' && isOtherOrganisationsPortal(host, profile)) return null;
  // A cheap first look: a large dashboard is checked several times as it loads, and the probes walk
  // the whole tree. Microsoft's pages are small, and they also show the account, so they always get the full look.
  if (site !== 'microsoft' && !PROBLEM_WORDS.test(normalizeText(pageText(root)))) return null;
  const context = troubleContext(root, url, site);
  // Microsoft's error page can appear under any flow; its code and troubleshooting ids make it unambiguous.
  const aad = readAadError(root, (line) => isOwnTrouble(line, context));
  if (aad && !listsSeveralCodes(root, context)) return diagnoseAadError(aad, profile, url);
  if (site === 'microsoft') return diagnoseMicrosoft(root, profile, url, context);
  if (site === 'learnupon') return diagnoseLearnUpon(root, profile, url, context);
  if (site === 'cybsafe') return diagnoseCybSafe(root, profile, context);
  return null;
}
