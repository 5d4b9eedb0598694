// Whose account an address is: the organisation's (exactly its email domain) or someone else's.
import type { Profile } from '@/utils/catalogue/profile';
import { emailDomain } from '@/utils/platforms/email';

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
