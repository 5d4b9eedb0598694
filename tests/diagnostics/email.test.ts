import { describe, expect, it } from 'vitest';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { mailSubject, mailtoHref, type Diagnosis } from '@/utils/diagnostics/alerts';
import { pageAddress, troubleshootEmail, troubleshootMailto, troubleshootMailtoFor } from '@/utils/diagnostics/email';
import { diagnoseAccount } from '@/utils/diagnostics/signin';

const sso: Diagnosis = {
  kind: 'sso-error',
  title: 'Your account has not been given access to this training yet',
  summary: 'Microsoft signed you in, but your account is not assigned.',
  steps: [{ text: 'Contact the service desk.', href: 'https://www.ucl.ac.uk/isd/help-support' }, { text: 'Email the mailbox', href: 'mailto:x@ucl.ac.uk' }],
  details: { code: 'AADSTS50105', requestId: '9b1d7e4c-3a62-4f08-8d5b-0c7e2a1f6d00', correlationId: '6d2f8a1c-4b93-4e57-a6c0-3e1b9d7f2c48' },
};

describe('troubleshootEmail', () => {
  it('goes to the mailbox with the FAQ subject and the problem details', () => {
    const mail = troubleshootEmail(sso, UCL_PROFILE, 'https://login.microsoftonline.com/common/login?login_hint=a.taylor%40ucl.ac.uk&state=secret#x');
    expect(mail.to).toBe('UCLmandatorystafflearning@ucl.ac.uk');
    expect(mail.subject).toBe('Mandatory Training (course name) completion issue');
    expect(mail.body).toContain('Error code: AADSTS50105');
    expect(mail.body).toContain('Request Id: 9b1d7e4c-3a62-4f08-8d5b-0c7e2a1f6d00');
    expect(mail.body).toContain('Correlation Id: 6d2f8a1c-4b93-4e57-a6c0-3e1b9d7f2c48');
    expect(mail.body).toContain('Page: https://login.microsoftonline.com/common/login\n');
    expect(mail.body).not.toMatch(/secret|login_hint/);
    expect(mail.body).toContain('- Contact the service desk.');
    expect(mail.body).not.toContain('Email the mailbox');
  });

  it('names the course when known, in the subject and the body', () => {
    const d = diagnoseAccount('alex@outlook.com', UCL_PROFILE, 'https://app.cybsafe.com/')!;
    const mail = troubleshootEmail(d, UCL_PROFILE, 'https://app.cybsafe.com/');
    expect(mail.subject).toBe('Mandatory Training (Information Security Training) completion issue');
    expect(mail.body).toContain('Signed in as: alex@outlook.com');
    expect(troubleshootEmail(d, UCL_PROFILE, 'https://app.cybsafe.com/', 'Prevent at UCL').subject).toBe('Mandatory Training (Prevent at UCL) completion issue');
  });

  it('fits in a mailto link', () => {
    const long = { ...sso, details: { ...sso.details, message: 'x'.repeat(5000) } };
    const href = troubleshootMailtoFor(long, UCL_PROFILE, 'https://ucl.learnupon.com/dashboard');
    expect(href.startsWith('mailto:UCLmandatorystafflearning@ucl.ac.uk?subject=Mandatory%20Training%20')).toBe(true);
    expect(href).not.toContain('+');
    expect(href.length).toBeLessThan(2000);
  });
});

describe('mail helpers', () => {
  it('subject from the profile template; %20 not +', () => {
    expect(mailSubject(UCL_PROFILE, 'UCL Fire Safety')).toBe('Mandatory Training (UCL Fire Safety) completion issue');
    expect(mailtoHref('a@b.c', 'a b', 'c d')).toBe('mailto:a@b.c?subject=a%20b&body=c%20d');
  });

  it('pageAddress drops the query and fragment', () => {
    expect(pageAddress('https://ucl.learnupon.com/saml/consumer?SAMLResponse=abc#x')).toBe('https://ucl.learnupon.com/saml/consumer');
    expect(pageAddress('nonsense')).toBe('');
  });

  it('troubleshootMailto: the latest logged problem, or a blank form', () => {
    const href = troubleshootMailto(UCL_PROFILE, { at: '2026-11-28T10:00:00.000Z', kind: 'sso-error', title: 'CybSafe could not find your account', pageUrl: 'https://app.cybsafe.com/login?error=account_not_found&email=x' });
    const body = decodeURIComponent(href.split('body=')[1]!);
    expect(href).toContain('subject=Mandatory%20Training%20(Information%20Security%20Training)%20completion%20issue');
    expect(body).toContain('What happened: CybSafe could not find your account');
    expect(body).toContain('Page: https://app.cybsafe.com/login\n');
    expect(body).toContain('When: 2026-11-28T10:00:00Z');
    expect(troubleshootMailto(UCL_PROFILE, null)).toContain('subject=Mandatory%20Training%20(course%20name)%20completion%20issue');
  });
});
