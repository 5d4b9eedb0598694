// Microsoft's sign-in and My Apps pages: the wrong account (a personal account, the wrong tile, the
// work-account notice, an address outside the organisation in the account menu) and AADSTS errors.
import type { Profile } from '@/utils/catalogue/profile';
import { findMessages } from '@/utils/dom/text';
import { isMicrosoftLoginHost, isMyAppsHost } from '@/utils/platforms/microsoft/pages';
import { isPickAnAccountPage, readAccountTiles, readMicrosoftAccountEmail } from '@/utils/platforms/microsoft/read';
import { MS_PHRASES } from '@/utils/platforms/microsoft/selectors';
import { diagnoseAadError, readOwnAadError } from './aad';
import { AADSTS_CODES } from './aadsts';
import { diagnoseAccount, isOrgEmail } from './accounts';
import { type Diagnosis, MICROSOFT_SIGN_OUT_URL, courseForPage, orgUsername, step } from './alerts';
import { type TroubleContext, isOwnTrouble } from './trouble';

/** Every Microsoft page is a sign-in step: its own lines count, quotations never do. */
const MICROSOFT_CONTEXT: TroubleContext = { signInStep: true, mayBeErrorPage: true };

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

/** What is wrong on a Microsoft sign-in or My Apps page, or null. */
export function diagnoseMicrosoftPage(root: ParentNode, url: URL, profile: Profile): Diagnosis | null {
  const host = url.hostname.toLowerCase();
  const context = MICROSOFT_CONTEXT;
  const aad = readOwnAadError(root, context);
  if (aad) return diagnoseAadError(aad, profile, url, AADSTS_CODES);
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
