// Microsoft's AADSTS error, wherever it shows: the page's own error line (not a quotation, not a list of
// codes in a help article), what its code means, and the wrong account whatever the code when it names an
// address outside the organisation. The advice for each code (aadsts.ts) goes with Microsoft's own pages,
// where these errors show; a portal relaying one gets the general advice, so its script stays small.
import type { Profile } from '@/utils/catalogue/profile';
import { findMessages } from '@/utils/dom/text';
import { type AadError, readAadError } from '@/utils/platforms/microsoft/read';
import { ERROR_LINE } from '@/utils/platforms/microsoft/selectors';
import { isOrgEmail } from './accounts';
import type { AadCodeAdvice } from './aadsts';
import { type Diagnosis, courseForPage, orgUsername, step, wrongAccountSteps } from './alerts';
import { type TroubleContext, isOwnTrouble } from './trouble';

/** Codes that mean "not the organisation's account" (docs/pages.md); aadsts.ts words each of them. */
export const WRONG_ACCOUNT_CODES: ReadonlySet<string> = new Set(['50020', '500200', '90072']);

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

/** The page's own AADSTS error, if it shows one. */
export function readOwnAadError(root: ParentNode, context: TroubleContext): AadError | null {
  const error = readAadError(root, (line) => isOwnTrouble(line, context));
  return error && !listsSeveralCodes(root, context) ? error : null;
}

function aadDetails(error: AadError): Record<string, string> {
  const details: Record<string, string> = { code: `AADSTS${error.code}` };
  if (error.requestId) details.requestId = error.requestId;
  if (error.correlationId) details.correlationId = error.correlationId;
  if (error.timestamp) details.timestamp = error.timestamp;
  if (error.message) details.message = error.message;
  return details;
}

/**
 * Whatever the code, an error naming an account outside the organisation's domains is the wrong account;
 * otherwise the code's advice from `codes` (aadsts.ts), or the general advice.
 */
export function diagnoseAadError(error: AadError, profile: Profile, url: URL, codes: Readonly<Record<string, AadCodeAdvice>> = {}): Diagnosis {
  const details = aadDetails(error);
  const course = courseForPage(url, profile);
  const advice = codes[error.code];
  const org = profile.organisation;
  const outside = error.accounts.find((email) => !isOrgEmail(email, profile));
  if (outside || (!advice && WRONG_ACCOUNT_CODES.has(error.code))) {
    return {
      kind: 'wrong-account',
      title: advice?.kind === 'wrong-account' ? advice.title(profile) : `That is not your ${org} account`,
      summary: `Microsoft refused ${outside ?? 'the account you signed in with'} (AADSTS${error.code})${outside ? `: it is not your ${org} account` : ''}. Mandatory training only opens with your ${org} account, ${orgUsername(profile)}.`,
      steps: wrongAccountSteps(profile, url, course),
      details: outside ? { ...details, account: outside } : details,
      course,
    };
  }
  if (!advice) {
    return {
      kind: 'sso-error',
      title: `Microsoft sign-in failed (AADSTS${error.code})`,
      summary: `Microsoft could not sign you in and gave the code AADSTS${error.code}.`,
      steps: [step.signOut(), step.signInAs(profile, url), step.serviceDesk(profile), step.mailbox(profile, course)],
      details,
      course,
    };
  }
  return { kind: advice.kind, title: advice.title(profile), summary: `${advice.meaning(profile)} (AADSTS${error.code})`, steps: advice.steps(profile, url, course), details, course };
}
