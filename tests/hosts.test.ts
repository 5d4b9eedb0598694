import { describe, expect, it } from 'vitest';
import { COVERED_MATCHES, isOtherOrganisationsPortal, organisationPortals, siteOfUrl } from '@/utils/hosts';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';

describe('hosts', () => {
  it('covers exactly the four sites of the contract', () => {
    expect(COVERED_MATCHES).toEqual(['https://*.learnupon.com/*', 'https://app.cybsafe.com/*', 'https://myapps.microsoft.com/*', 'https://login.microsoftonline.com/*']);
  });

  it('knows a covered https URL, and nothing else', () => {
    expect(siteOfUrl('https://ucl.learnupon.com/dashboard')).toBe('learnupon');
    expect(siteOfUrl('https://app.cybsafe.com/')).toBe('cybsafe');
    expect(siteOfUrl('https://login.microsoftonline.com/common')).toBe('microsoft');
    for (const bad of ['http://ucl.learnupon.com/', 'javascript:alert(1)', 'data:text/html,x', 'https://ucl.learnupon.com.evil.example/', 'https://user:pw@ucl.learnupon.com/', 'not a url']) {
      expect(siteOfUrl(bad)).toBeNull();
    }
  });

  it("tells the organisation's portal from another organisation's", () => {
    expect(organisationPortals(UCL_PROFILE)).toEqual(['ucl.learnupon.com']);
    expect(isOtherOrganisationsPortal('UCL.learnupon.com', UCL_PROFILE)).toBe(false);
    expect(isOtherOrganisationsPortal('nhs-trust.learnupon.com', UCL_PROFILE)).toBe(true);
    expect(isOtherOrganisationsPortal('nhs-trust.learnupon.com', { ...UCL_PROFILE, morePortalHosts: ['NHS-Trust.learnupon.com'] })).toBe(false);
    expect(isOtherOrganisationsPortal('app.cybsafe.com', UCL_PROFILE)).toBe(false);
  });
});
