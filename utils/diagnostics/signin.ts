// The sign-in doctor: reads a sign-in or error page and says what went wrong and what to do, in the FAQ's
// words. Pure: a DOM root, the page URL and the org profile in; a Diagnosis (or null: nothing wrong) out.
// Only the page's own signs of trouble count (trouble.ts), never the same words quoted in its content.
// Each site's diagnoser is its own module, so each content script carries only its site's.
import type { Profile } from '@/utils/catalogue/profile';
import { siteOfHost } from '@/utils/hosts';
import type { Diagnosis } from './alerts';
import { diagnoseCybSafePage } from './cybsafe';
import { diagnoseLearnUponPage } from './learnupon';
import { diagnoseMicrosoftPage } from './microsoft';

export { diagnoseAccount } from './accounts';

export type PageDiagnoser = (root: ParentNode, url: URL, profile: Profile) => Diagnosis | null;

/** What is wrong on this sign-in or error page, on any covered site, or null when the page shows no problem. */
export function diagnoseSignInPage(root: ParentNode, url: URL, profile: Profile): Diagnosis | null {
  switch (siteOfHost(url.hostname)) {
    case 'microsoft':
      return diagnoseMicrosoftPage(root, url, profile);
    case 'learnupon':
      return diagnoseLearnUponPage(root, url, profile);
    case 'cybsafe':
      return diagnoseCybSafePage(root, url, profile);
    default:
      return null;
  }
}
