// Whose account an address is: the organisation's (exactly its email domain) or someone else's; a page
// showing someone else's signed in is the wrong account.
import type { Profile } from '@/utils/catalogue/profile';
import { emailDomain, isEmail } from '@/utils/platforms/email';
import { type Diagnosis, courseForPage, orgUsername, wrongAccountSteps } from './alerts';

/** The organisation's email domains, lower case (the profile names one today). */
export function orgDomains(profile: Pick<Profile, 'emailDomain'>): string[] {
  return [profile.emailDomain.trim().toLowerCase()];
}

/**
 * Exactly one of the organisation's domains. Sub-domains do not count: at UCL `live.ucl.ac.uk` is a student
 * mailbox, and the FAQ asks staff for `username@ucl.ac.uk`.
 */
export function isOrgEmail(email: string, profile: Pick<Profile, 'emailDomain'>): boolean {
  const domain = emailDomain(email);
  return domain !== null && orgDomains(profile).includes(domain);
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
