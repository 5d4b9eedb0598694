// The sign-in doctor: reads a sign-in or error page and says what went wrong and what to do, in the FAQ's
// words. Pure: a DOM root, the page URL and the org profile in; a Diagnosis (or null: nothing wrong) out.
import type { Profile } from '@/utils/catalogue/profile';
import { cybSafePageKind } from '@/utils/platforms/cybsafe/pages';
import { CS_SELECTORS, CS_TEXT } from '@/utils/platforms/cybsafe/selectors';
import {
  CYBSAFE_LOGIN_URL,
  type Diagnosis,
  MICROSOFT_SIGN_OUT_URL,
  courseForPage,
  cybsafeCourseName,
  isCybSafeHost,
  isLearnUponHost,
  orgUsername,
  step,
  wrongAccountSteps,
} from './alerts';
import {
  type AadError,
  MS_PHRASES,
  hasPhrase,
  isMicrosoftLoginHost,
  isMyAppsHost,
  isPickAnAccountPage,
  readAadError,
  readAccountTiles,
  readMicrosoftAccountEmail,
} from './microsoft';
import { findMessages, isEmail, isOrgEmail, normalizeText } from './text';

/** AADSTS codes that mean "that is not your organisation's account" (docs/pages.md). */
const WRONG_ACCOUNT_CODES = new Set(['50020', '500200']);
/** Signed in fine, but not assigned to the app: only an administrator can fix it. */
const NOT_ASSIGNED_CODE = '50105';

/** LearnUpon's error (wording from the FAQ; its layout is a guess, so only the sentence opening a line counts). */
const LEARNUPON_PROBLEM = /^(?:error\s*:?\s*)?"?there was a problem processing your request\b/;

function aadDetails(error: AadError): Record<string, string> {
  const details: Record<string, string> = { code: `AADSTS${error.code}` };
  if (error.requestId) details.requestId = error.requestId;
  if (error.correlationId) details.correlationId = error.correlationId;
  if (error.timestamp) details.timestamp = error.timestamp;
  if (error.message) details.message = error.message;
  return details;
}

function diagnoseAadError(error: AadError, profile: Profile, url: URL): Diagnosis {
  const details = aadDetails(error);
  const course = courseForPage(url, profile);
  if (WRONG_ACCOUNT_CODES.has(error.code)) {
    const personal = error.code === '500200';
    return {
      kind: 'wrong-account',
      title: personal ? 'A personal Microsoft account can’t open the training' : `That is not your ${profile.organisation} account`,
      summary: `Microsoft refused the account you signed in with (AADSTS${error.code}). Mandatory training only opens with your ${profile.organisation} account, ${orgUsername(profile)}.`,
      steps: wrongAccountSteps(profile, url, course),
      details,
      course,
    };
  }
  if (error.code === NOT_ASSIGNED_CODE) {
    return {
      kind: 'sso-error',
      title: 'Your account has not been given access to this training yet',
      summary: 'Microsoft signed you in, but your account is not assigned to this training app (AADSTS50105). Signing in again will not fix it: an administrator has to give you access.',
      steps: [step.serviceDesk(profile), step.mailbox(profile, course)],
      details,
      course,
    };
  }
  return {
    kind: 'sso-error',
    title: `Microsoft sign-in failed (AADSTS${error.code})`,
    summary: `Microsoft could not sign you in and gave the code AADSTS${error.code}.`,
    steps: [step.signOut(), step.signInAs(profile, url), step.serviceDesk(profile), step.mailbox(profile, course)],
    details,
    course,
  };
}

/** A signed-in address outside the organisation's domain is the wrong account; no address, no verdict. */
export function diagnoseAccount(email: string | null, profile: Profile, pageUrl?: URL | string): Diagnosis | null {
  if (!email || !isEmail(email) || isOrgEmail(email, profile.emailDomain)) return null;
  const course = courseForPage(pageUrl, profile);
  return {
    kind: 'wrong-account',
    title: `You are signed in with an account that is not your ${profile.organisation} account`,
    summary: `This page shows you are signed in as ${email.trim()}. Mandatory training only works with your ${profile.organisation} account, ${orgUsername(profile)}.`,
    steps: wrongAccountSteps(profile, pageUrl, course),
    details: { account: email.trim() },
    course,
  };
}

function diagnosePickAnAccount(root: ParentNode, profile: Profile, url: URL): Diagnosis | null {
  if (!isPickAnAccountPage(root)) return null;
  const tiles = readAccountTiles(root);
  const org = tiles.filter((email) => isOrgEmail(email, profile.emailDomain));
  if (org.length === 0) {
    return {
      kind: 'wrong-account',
      title: `None of these accounts is your ${profile.organisation} account`,
      summary: `Microsoft only offers accounts outside ${profile.emailDomain}. Mandatory training needs your ${profile.organisation} account, ${orgUsername(profile)}.`,
      steps: [step.useAnotherAccount(profile), { text: 'If Microsoft keeps choosing the wrong account, sign out first.', href: MICROSOFT_SIGN_OUT_URL }, step.mailbox(profile, courseForPage(url, profile))],
      details: { accounts: tiles.join(', ') },
    };
  }
  if (tiles.length > org.length) {
    const target = org[0]!;
    return {
      kind: 'wrong-account',
      title: `Pick your ${profile.organisation} account: ${target}`,
      summary: `This browser remembers more than one account. Only your ${profile.organisation} account (${target}) opens the training.`,
      steps: [{ text: `Choose ${target}, not a personal account.` }, step.mailbox(profile, courseForPage(url, profile))],
      details: { account: target },
    };
  }
  return null;
}

function diagnoseMicrosoft(root: ParentNode, profile: Profile, url: URL): Diagnosis | null {
  const host = url.hostname.toLowerCase();
  if (isMicrosoftLoginHost(host) && hasPhrase(root, MS_PHRASES.personalAccountNotHere)) {
    return {
      kind: 'wrong-account',
      title: 'A personal account can’t be used here',
      summary: `Microsoft says this sign-in needs a work or school account. Use your ${profile.organisation} account, ${orgUsername(profile)}.`,
      steps: [{ text: `Clear the address and type your ${orgUsername(profile)} address instead.` }, step.signOut(), step.mailbox(profile)],
    };
  }
  if (isMicrosoftLoginHost(host)) {
    const picked = diagnosePickAnAccount(root, profile, url);
    if (picked) return picked;
  }
  if (isMyAppsHost(host) && hasPhrase(root, MS_PHRASES.workAccountOnly)) {
    return {
      kind: 'wrong-account',
      title: `My Apps says you are not signed in with your ${profile.organisation} account`,
      summary: `“You can only access this site with a work account” means this browser is signed in with a personal Microsoft account.`,
      steps: [step.signOut(), step.signInAs(profile, url), step.mailbox(profile)],
    };
  }
  if (isMyAppsHost(host) || isMicrosoftLoginHost(host)) return diagnoseAccount(readMicrosoftAccountEmail(root), profile, url);
  return null;
}

function diagnoseLearnUpon(root: ParentNode, profile: Profile, url: URL): Diagnosis | null {
  if (!isLearnUponHost(url.hostname.toLowerCase(), profile)) return null;
  if (findMessages(root, (t) => LEARNUPON_PROBLEM.test(t), 300).length === 0) return null;
  return {
    kind: 'sso-error',
    title: 'LearnUpon could not sign you in',
    summary: `“There was a problem processing your request” usually means the browser is signed in to Microsoft with an account that is not your ${profile.organisation} account.`,
    steps: wrongAccountSteps(profile, url),
    details: { message: 'There was a problem processing your request' },
  };
}

function diagnoseCybSafe(root: ParentNode, profile: Profile, url: URL): Diagnosis | null {
  if (!isCybSafeHost(url.hostname.toLowerCase())) return null;
  const onLogin = cybSafePageKind(url) === 'login';
  // Only the page's own error counts: in an alert/live region or the login form, or a line on the login page.
  const errors = findMessages(root, (t) => CS_TEXT.accountNotFound.test(t), 200).filter(
    (el) => onLogin || el.closest(CS_SELECTORS.errorContext) !== null,
  );
  if (errors.length === 0) return null;
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
  return ((node.nodeType === 9 ? (node as Document).documentElement : node)?.textContent ?? '');
}

/** What is wrong on this sign-in or error page, or null when the page shows no problem. */
export function diagnoseSignInPage(root: ParentNode, url: URL, profile: Profile): Diagnosis | null {
  const host = url.hostname.toLowerCase();
  // A cheap first look: a large dashboard is checked several times as it loads, and the probes walk
  // the whole tree. Microsoft's pages are small, and they also show the account, so they always get the full look.
  if (!isMyAppsHost(host) && !isMicrosoftLoginHost(host) && !PROBLEM_WORDS.test(normalizeText(pageText(root)))) return null;
  // Microsoft's error page can appear under any flow; its code and troubleshooting ids make it unambiguous.
  const aad = readAadError(root);
  if (aad) return diagnoseAadError(aad, profile, url);
  return diagnoseMicrosoft(root, profile, url) ?? diagnoseLearnUpon(root, profile, url) ?? diagnoseCybSafe(root, profile, url);
}
