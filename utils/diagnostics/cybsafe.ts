// CybSafe's own sign-in trouble: "Account not found" on the login page, in an alert or in a sign-in form;
// never a help article, a module title or a lesson quoting it.
import type { Profile } from '@/utils/catalogue/profile';
import { findMessages } from '@/utils/dom/text';
import { cybSafePageKind } from '@/utils/platforms/cybsafe/pages';
import { CS_TEXT } from '@/utils/platforms/cybsafe/selectors';
import { diagnoseAadError, readOwnAadError } from './aad';
import { type Diagnosis, CYBSAFE_LOGIN_URL, cybsafeCourseName, orgUsername, step } from './alerts';
import { type TroubleContext, isOwnTrouble, mentionsProblem } from './trouble';

/** What is wrong on a CybSafe page, or null. */
export function diagnoseCybSafePage(root: ParentNode, url: URL, profile: Profile): Diagnosis | null {
  if (!mentionsProblem(root)) return null;
  const context: TroubleContext = { signInStep: cybSafePageKind(url) === 'login', mayBeErrorPage: false };
  const aad = readOwnAadError(root, context);
  if (aad) return diagnoseAadError(aad, profile, url);
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
