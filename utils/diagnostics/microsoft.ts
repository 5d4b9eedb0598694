// Microsoft's sign-in and My Apps pages: the wrong account (a personal account, the wrong tile, the
// work-account notice, an address outside the organisation in the account menu) and AADSTS errors.
import type { Profile } from '@/utils/catalogue/profile';
import { findMessages } from '@/utils/dom/text';
import { isEmail } from '@/utils/platforms/email';
import { isMicrosoftLoginHost, isMyAppsHost } from '@/utils/platforms/microsoft/pages';
import { type AadError, isPickAnAccountPage, readAccountTiles, readMicrosoftAccountEmail } from '@/utils/platforms/microsoft/read';
import { MS_PHRASES } from '@/utils/platforms/microsoft/selectors';
import { isOrgEmail } from './accounts';
import { adviceFor, OTHER_AADSTS } from './aadsts';
import { type Diagnosis, MICROSOFT_SIGN_OUT_URL, courseForPage, orgUsername, step, wrongAccountSteps } from './alerts';
import { type TroubleContext, isOwnTrouble } from './trouble';

function aadDetails(error: AadError): Record<string, string> {
  const details: Record<string, string> = { code: `AADSTS${error.code}` };
  if (error.requestId) details.requestId = error.requestId;
  if (error.correlationId) details.correlationId = error.correlationId;
  if (error.timestamp) details.timestamp = error.timestamp;
  if (error.message) details.message = error.message;
  return details;
}

/** Whatever the code, an error naming an account outside the organisation's domains is the wrong account. */
export function diagnoseAadError(error: AadError, profile: Profile, url: URL): Diagnosis {
  const details = aadDetails(error);
  const course = courseForPage(url, profile);
  const advice = adviceFor(error.code);
  const outside = error.accounts.find((email) => !isOrgEmail(email, profile));
  if (outside) {
    return {
      kind: 'wrong-account',
      title: advice.kind === 'wrong-account' ? advice.title(profile) : `That is not your ${profile.organisation} account`,
      summary: `Microsoft refused ${outside} (AADSTS${error.code}): it is not your ${profile.organisation} account. Mandatory training only opens with your ${profile.organisation} account, ${orgUsername(profile)}.`,
      steps: wrongAccountSteps(profile, url, course),
      details: { ...details, account: outside },
      course,
    };
  }
  if (advice === OTHER_AADSTS) {
    return {
      kind: 'sso-error',
      title: `Microsoft sign-in failed (AADSTS${error.code})`,
      summary: `Microsoft could not sign you in and gave the code AADSTS${error.code}.`,
      steps: advice.steps(profile, url, course),
      details,
      course,
    };
  }
  return {
    kind: advice.kind,
    title: advice.title(profile),
    summary: `${advice.meaning(profile)} (AADSTS${error.code})`,
    steps: advice.steps(profile, url, course),
    details,
    course,
  };
}

/** A signed-in address outside the organisation's domain is the wrong account; no address, no verdict. */
export function diagnoseAccount(email: string | null, profile: Profile, pageUrl?: URL | string): Diagnosis | null {
  if (!email || !isEmail(email) || isOrgEmail(email, profile)) return null;
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
  const org = tiles.filter((email) => isOrgEmail(email, profile));
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

/** The page's own line opening with `phrase` (normalised text), if any. */
function ownLine(root: ParentNode, phrase: RegExp, context: TroubleContext): Element | null {
  return findMessages(root, (t) => phrase.test(t), 300).find((el) => isOwnTrouble(el, context)) ?? null;
}

export function diagnoseMicrosoft(root: ParentNode, profile: Profile, url: URL, context: TroubleContext): Diagnosis | null {
  const host = url.hostname.toLowerCase();
  if (isMicrosoftLoginHost(host) && ownLine(root, MS_PHRASES.personalAccountNotHere, context)) {
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
  if (isMyAppsHost(host) && ownLine(root, MS_PHRASES.workAccountOnly, context)) {
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
