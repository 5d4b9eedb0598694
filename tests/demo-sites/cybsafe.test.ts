// The CybSafe demo site's routes and modes (handler driven directly, no server).
import { describe, expect, it } from 'vitest';
// The server module first: it imports every site, and a site imported first would meet it half-loaded.
import { fetchDemo } from '../fixtures/fake-request';
import { cybsafeSite } from '../fixtures/sites/cybsafe';
import { PERSONA } from '../fixtures/persona';

const CS = 'https://app.cybsafe.com';

describe('CybSafe demo site', () => {
  it('home: completed with the certificate, or the to-do list at 50%', async () => {
    const done = await fetchDemo(cybsafeSite, `${CS}/`, { cybsafeComplete: true });
    expect(done.status).toBe(200);
    expect(done.text).toContain('Completed on 28 October 2025');
    expect(done.text).toContain('aria-valuenow="100"');
    expect(done.text).toContain('Download certificate');
    const todo = await fetchDemo(cybsafeSite, `${CS}/home`, { cybsafeComplete: false });
    expect(todo.text).toContain('aria-valuenow="50"');
    expect(todo.text).not.toContain('Download certificate');
    expect(todo.text).toContain('Your to-do list');
  });

  it('the certificate is a real PDF with an exact xref, only when complete', async () => {
    const pdf = await fetchDemo(cybsafeSite, `${CS}/certificates/ccsa.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('CCSA-certificate.pdf');
    expect(pdf.text.startsWith('%PDF-1.')).toBe(true);
    expect(pdf.text.trimEnd().endsWith('%%EOF')).toBe(true);
    const xref = Number(/startxref\n(\d+)/.exec(pdf.text)![1]);
    expect(pdf.text.slice(xref, xref + 4)).toBe('xref');
    const offsets = [...pdf.text.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((offset, i) => expect(pdf.text.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true));
    expect(pdf.text).toContain('(CybSafe Certified Security Awareness \\(CCSA\\))');
    expect((await fetchDemo(cybsafeSite, `${CS}/certificates/ccsa.pdf`, { cybsafeComplete: false })).handled).toBe(false);
  });

  it('My Account shows the persona', async () => {
    expect((await fetchDemo(cybsafeSite, `${CS}/account`)).text).toContain(PERSONA.email);
    expect((await fetchDemo(cybsafeSite, `${CS}/account`, { persona: 'personal' })).text).toContain(PERSONA.personalEmail);
  });

  it('login: SSO with the held address goes to Microsoft; any other address is "Account not found"', async () => {
    const login = await fetchDemo(cybsafeSite, `${CS}/login`);
    expect(login.text).toContain('Sign in with SSO');
    expect(login.text).toContain('I have an original CybSafe Login');
    const ok = await fetchDemo(cybsafeSite, `${CS}/login/sso?email=${encodeURIComponent(PERSONA.email)}`);
    expect(ok.status).toBe(302);
    expect(ok.headers.location).toMatch(/^https:\/\/login\.microsoftonline\.com\/common\/oauth2\/v2\.0\/authorize\?/);
    const alias = await fetchDemo(cybsafeSite, `${CS}/login/sso?email=alex.taylor%40ucl.ac.uk`);
    expect(alias.headers.location).toBe('/login?error=account_not_found&email=alex.taylor%40ucl.ac.uk');
    const error = await fetchDemo(cybsafeSite, `${CS}/login?error=account_not_found`);
    expect(error.text).toContain('role="alert"');
    expect(error.text).toContain('Account not found');
    expect((await fetchDemo(cybsafeSite, `${CS}/sso/callback`)).headers.location).toBe('/');
  });

  it('modules, help and unknown paths', async () => {
    expect((await fetchDemo(cybsafeSite, `${CS}/modules/public-wi-fi`)).text).toContain('Public Wi-Fi');
    expect((await fetchDemo(cybsafeSite, `${CS}/help/account-not-found`)).text).toContain('Account not found?');
    expect((await fetchDemo(cybsafeSite, `${CS}/modules/nope`)).handled).toBe(false);
    expect((await fetchDemo(cybsafeSite, `${CS}/nope`)).handled).toBe(false);
  });
});
