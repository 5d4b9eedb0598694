// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { diagnoseAccount, diagnoseSignInPage } from '@/utils/diagnostics/signin';
import { MICROSOFT_SIGN_OUT_URL, MY_APPS_URL, type Diagnosis } from '@/utils/diagnostics/alerts';
import { PERSONA } from '../fixtures/persona';
import { AAD_IDS, aadTimestamp, renderAadError, renderEmailEntry, renderMyApps, renderPickAccount, renderSignedOut } from '../fixtures/sites/microsoft/pages';
import { renderCybSafeHelpAccountNotFound, renderCybSafeHome, renderCybSafeLogin } from '../fixtures/sites/cybsafe/pages';
import { renderDashboard, renderProblemPage } from '../fixtures/sites/learnupon/pages';
import { parsePage } from './dom';

const NOW = new Date('2026-11-28T10:41:12.345Z');
const profile = UCL_PROFILE;
const MY_APPS = 'https://myapps.microsoft.com/';
const AUTHORIZE = 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=x';
const ERROR_URL = 'https://login.microsoftonline.com/error?code=';
const CS_LOGIN = 'https://app.cybsafe.com/login';
const LU_ERROR = 'https://ucl.learnupon.com/saml/consumer?error=1';

function diagnose(html: string, url: string): Diagnosis | null {
  return diagnoseSignInPage(parsePage(html, url), new URL(url), profile);
}

const hrefs = (d: Diagnosis | null) => d?.steps.map((s) => s.href ?? '') ?? [];
const texts = (d: Diagnosis | null) => d?.steps.map((s) => s.text).join('\n') ?? '';

describe('My Apps', () => {
  it('"You can only access this site with a work account" → wrong-account: sign out, sign in as username@ucl.ac.uk', () => {
    const d = diagnose(renderMyApps({ persona: 'personal' }), MY_APPS);
    expect(d?.kind).toBe('wrong-account');
    expect(hrefs(d)[0]).toBe(MICROSOFT_SIGN_OUT_URL);
    expect(texts(d)).toContain('username@ucl.ac.uk');
    expect(hrefs(d).at(-1)).toMatch(/^mailto:UCLmandatorystafflearning@ucl\.ac\.uk\?subject=Mandatory%20Training%20/);
  });

  it('the normal Apps page with the UCL account is fine', () => {
    expect(diagnose(renderMyApps({ persona: 'alex' }), MY_APPS)).toBeNull();
  });

  it('the Apps page with a personal address in the account menu → wrong-account naming it', () => {
    const html = renderMyApps({ persona: 'alex' }).replace(`>${PERSONA.email}<`, `>${PERSONA.personalEmail}<`);
    const d = diagnose(html, MY_APPS);
    expect(d).toMatchObject({ kind: 'wrong-account', details: { account: PERSONA.personalEmail } });
    expect(hrefs(d).slice(0, 3)).toEqual([MY_APPS_URL, MICROSOFT_SIGN_OUT_URL, MY_APPS_URL]);
  });

  it.each([
    ['upper case, extra spaces and line breaks', '<main><h1>  YOU   CAN ONLY ACCESS THIS SITE\n WITH A WORK ACCOUNT. </h1></main>'],
    ['split over inline elements', '<main><p>You can only access this site with a <b>work account</b></p></main>'],
  ])('work-account message variant: %s', (_, html) => {
    expect(diagnose(html, MY_APPS)?.kind).toBe('wrong-account');
  });

  it('the same sentence quoted in help text does not count', () => {
    const html = '<main><p>If you see the message “You can only access this site with a work account”, click Sign out and log in with your username@ucl.ac.uk account, which you can check at any time from the user icon.</p></main>';
    expect(diagnose(html, MY_APPS)).toBeNull();
  });
});

describe('Microsoft error pages (AADSTS)', () => {
  it.each(['50020', '500200'])('AADSTS%s → wrong-account with the troubleshooting ids', (code) => {
    const d = diagnose(renderAadError({ code, now: NOW }), ERROR_URL + code);
    expect(d).toMatchObject({
      kind: 'wrong-account',
      details: { code: `AADSTS${code}`, requestId: AAD_IDS[code]!.requestId, correlationId: AAD_IDS[code]!.correlationId, timestamp: aadTimestamp(NOW) },
    });
    expect(hrefs(d).slice(0, 3)).toEqual([MY_APPS_URL, MICROSOFT_SIGN_OUT_URL, MY_APPS_URL]);
    expect(texts(d)).toContain('username@ucl.ac.uk');
  });

  it('AADSTS50105 → sso-error: not assigned, contact the service desk with the ids', () => {
    const d = diagnose(renderAadError({ code: '50105', now: NOW, app: 'cybsafe' }), ERROR_URL + '50105');
    expect(d?.kind).toBe('sso-error');
    expect(d?.title).toMatch(/access/i);
    expect(d?.details).toMatchObject({ code: 'AADSTS50105', requestId: AAD_IDS['50105']!.requestId, correlationId: AAD_IDS['50105']!.correlationId });
    expect(d?.details?.message).toMatch(/^Your administrator has configured the application CybSafe/);
    expect(d?.steps[0]).toMatchObject({ href: 'https://www.ucl.ac.uk/isd/help-support' });
    expect(d?.steps[0]?.text).toMatch(/Request Id.*Correlation Id/);
  });

  it('another code → sso-error naming the code, with generic steps', () => {
    const d = diagnose(renderAadError({ code: '700016', now: NOW }), ERROR_URL + '700016');
    expect(d).toMatchObject({ kind: 'sso-error', details: { code: 'AADSTS700016' } });
    expect(d?.title).toContain('AADSTS700016');
    expect(hrefs(d)).toContain(MICROSOFT_SIGN_OUT_URL);
  });

  it('counts on any host (the code and the ids make it unambiguous)', () => {
    expect(diagnose(renderAadError({ code: '50020', now: NOW }), 'https://ucl.learnupon.com/saml/consumer')?.kind).toBe('wrong-account');
  });

  it('a help page that mentions AADSTS codes is not an error page', () => {
    const help = `<main><h1>Sign-in errors explained</h1>
      <p>If you see AADSTS50020 or AADSTS500200, you signed in with a personal account. Send the Request Id and Correlation Id to the service desk.</p>
      <pre>AADSTS50020: User account 'someone@outlook.com' from identity provider 'live.com' does not exist in tenant.</pre>
      <p>Troubleshooting details are at the bottom of the error page.</p></main>`;
    expect(diagnose(help, 'https://login.microsoftonline.com/help')).toBeNull();
    expect(diagnose(help, 'https://ucl.learnupon.com/help')).toBeNull();
  });

  it('error strings inside the page config script are not shown, so they do not count', () => {
    // Every demo login page carries them; the Pick-an-account page with only the UCL tile must stay quiet.
    const html = renderPickAccount({ tiles: [PERSONA.email], carry: new URLSearchParams() });
    expect(html).toContain('AADSTS50020');
    expect(diagnose(html, AUTHORIZE)).toBeNull();
  });

  it('reads the ids whatever the layout: definition list, upper case, no colon', () => {
    const html = `<div role="alert">AADSTS50105: The signed in user is not assigned to a role for the application.</div>
      <dl><dt>REQUEST ID</dt><dd>9B1D7E4C-3A62-4F08-8D5B-0C7E2A1F6D00</dd><dt>Correlation Id</dt><dd>6d2f8a1c-4b93-4e57-a6c0-3e1b9d7f2c48</dd></dl>`;
    expect(diagnose(html, ERROR_URL)?.details).toMatchObject({ requestId: '9b1d7e4c-3a62-4f08-8d5b-0c7e2a1f6d00', correlationId: '6d2f8a1c-4b93-4e57-a6c0-3e1b9d7f2c48' });
  });
});

describe('Pick an account and the email step', () => {
  const carry = new URLSearchParams('client_id=x');
  it('only personal tiles → wrong-account: choose "Use another account"', () => {
    const d = diagnose(renderPickAccount({ tiles: [PERSONA.personalEmail], carry }), AUTHORIZE);
    expect(d?.kind).toBe('wrong-account');
    expect(d?.steps[0]?.text).toMatch(/Use another account/);
    expect(d?.steps[0]?.text).toContain('username@ucl.ac.uk');
  });

  it('several tiles including the UCL one → points at the UCL one', () => {
    const d = diagnose(renderPickAccount({ tiles: [PERSONA.personalEmail, PERSONA.email], carry }), AUTHORIZE);
    expect(d).toMatchObject({ kind: 'wrong-account', details: { account: PERSONA.email } });
    expect(d?.title).toContain(PERSONA.email);
    expect(d?.steps[0]?.text).toContain(PERSONA.email);
  });

  it('only the UCL tile → nothing to say', () => {
    expect(diagnose(renderPickAccount({ tiles: [PERSONA.email], carry }), AUTHORIZE)).toBeNull();
  });

  it('"You can\'t sign in here with a personal account" → wrong-account', () => {
    const d = diagnose(renderEmailEntry({ carry, value: PERSONA.personalEmail, error: 'personal' }), 'https://login.microsoftonline.com/common/login');
    expect(d?.kind).toBe('wrong-account');
    expect(texts(d)).toContain('username@ucl.ac.uk');
  });

  it.each([
    ['curly apostrophe', 'You can’t sign in here with a personal account. Use your work or school account instead.'],
    ['upper case and spaces', '  YOU CAN\'T   SIGN IN HERE WITH A PERSONAL ACCOUNT.\n Use your work or school account instead.'],
  ])('personal-account message variant: %s', (_, message) => {
    expect(diagnose(`<form><div id="usernameError">${message}</div><input id="i0116"></form>`, AUTHORIZE)?.kind).toBe('wrong-account');
  });

  it('the email step without an error, the hidden error slot, and the signed-out page are fine', () => {
    expect(diagnose(renderEmailEntry({ carry }), AUTHORIZE)).toBeNull();
    expect(diagnose(`<form><div id="usernameError" style="display: none">You can't sign in here with a personal account.</div></form>`, AUTHORIZE)).toBeNull();
    expect(diagnose(renderSignedOut(MY_APPS), 'https://login.microsoftonline.com/common/oauth2/v2.0/logout')).toBeNull();
  });
});

describe('LearnUpon "There was a problem processing your request"', () => {
  it('the demo error page → sso-error with the FAQ steps in order', () => {
    const d = diagnose(renderProblemPage(), LU_ERROR);
    expect(d?.kind).toBe('sso-error');
    expect(hrefs(d)).toEqual([
      MY_APPS_URL,
      MICROSOFT_SIGN_OUT_URL,
      'https://ucl.learnupon.com/saml/init?redirect_uri=/dashboard?display=my_courses',
      expect.stringMatching(/^mailto:UCLmandatorystafflearning@ucl\.ac\.uk\?subject=Mandatory%20Training%20\(course%20name\)%20completion%20issue$/),
    ]);
  });

  it('variants: upper case, extra spaces, a trailing full stop, inside an alert', () => {
    expect(diagnose('<div role="alert">  THERE WAS A PROBLEM\n   PROCESSING YOUR REQUEST. </div>', LU_ERROR)?.kind).toBe('sso-error');
  });

  it('the dashboard, and a course description quoting the sentence, are fine', () => {
    expect(diagnose(renderDashboard({ today: NOW }), 'https://ucl.learnupon.com/dashboard')).toBeNull();
    const html = '<main><h2>Getting started</h2><p>If you see “There was a problem processing your request”, check your account at myapps.microsoft.com.</p></main>';
    expect(diagnose(html, 'https://ucl.learnupon.com/enrollments/104837261/details')).toBeNull();
  });

  it('only on LearnUpon', () => {
    expect(diagnose(renderProblemPage(), 'https://example.org/')).toBeNull();
  });
});

describe('CybSafe "Account not found"', () => {
  it('the login error → sso-error: use SSO with the work address, not an alias', () => {
    const d = diagnose(renderCybSafeLogin({ error: 'account_not_found' }), `${CS_LOGIN}?error=account_not_found`);
    expect(d?.kind).toBe('sso-error');
    expect(d?.steps[0]).toMatchObject({ href: 'https://app.cybsafe.com/login' });
    expect(d?.steps[0]?.text).toMatch(/Sign in with SSO.*username@ucl\.ac\.uk.*alias/);
    expect(d?.course).toBe('Information Security Training');
    expect(hrefs(d).at(-1)).toContain('subject=Mandatory%20Training%20(Information%20Security%20Training)%20completion%20issue');
  });

  it('the plain login page (with its "Account not found?" help link) is fine', () => {
    expect(diagnose(renderCybSafeLogin(), CS_LOGIN)).toBeNull();
  });

  it('a help article and a module titled "Account not found?" are not the error', () => {
    expect(diagnose(renderCybSafeHelpAccountNotFound(), 'https://app.cybsafe.com/help/account-not-found')).toBeNull();
    const home = renderCybSafeHome({ today: NOW }).replace('>Phishing<', '>Account not found?<');
    expect(home).toContain('Account not found?');
    expect(diagnose(home, 'https://app.cybsafe.com/')).toBeNull();
    // Without the question mark, a module title on the home page is still not a login error.
    expect(diagnose(renderCybSafeHome({ today: NOW }).replace('>Phishing<', '>Account not found<'), 'https://app.cybsafe.com/')).toBeNull();
  });

  it('variants: upper case in an alert off the login path; curly punctuation after it', () => {
    expect(diagnose('<div role="alert"><b>ACCOUNT  NOT FOUND</b></div>', 'https://app.cybsafe.com/sso/callback')?.kind).toBe('sso-error');
    expect(diagnose('<form><p>Account not found — please check your email.</p></form>', 'https://app.cybsafe.com/anything')?.kind).toBe('sso-error');
  });

  it('the home page and My Account are fine', () => {
    expect(diagnose(renderCybSafeHome({ today: NOW }), 'https://app.cybsafe.com/')).toBeNull();
  });
});

describe('diagnoseAccount', () => {
  it.each([null, '', PERSONA.email, '  A.Taylor@UCL.AC.UK ', 'not an email'])('%j → null', (email) => {
    expect(diagnoseAccount(email, profile)).toBeNull();
  });

  it.each([PERSONA.personalEmail, 'a.taylor@gmail.com', 'ab123@live.ucl.ac.uk', 'a.taylor@ucl.ac.uk.evil.com'])('%s → wrong-account', (email) => {
    const d = diagnoseAccount(email, profile, 'https://app.cybsafe.com/');
    expect(d).toMatchObject({ kind: 'wrong-account', details: { account: email }, course: 'Information Security Training' });
    expect(hrefs(d)).toEqual([MY_APPS_URL, MICROSOFT_SIGN_OUT_URL, 'https://app.cybsafe.com/login', expect.stringContaining('mailto:')]);
  });

  it('follows the profile domain', () => {
    const other = { ...profile, organisation: 'Example', emailDomain: 'example.ac.uk' };
    expect(diagnoseAccount(PERSONA.email, other)?.kind).toBe('wrong-account');
    expect(diagnoseAccount('x@example.ac.uk', other)).toBeNull();
  });
});

describe('cost on a big page', () => {
  it('a dashboard with thousands of elements is read in one pass, not element by element', () => {
    const one = renderDashboard({ today: NOW });
    const main = one.slice(one.indexOf('<main'), one.indexOf('</main>'));
    const big = one.replace('</main>', `${main.repeat(30)}</main>`);
    const doc = parsePage(big, 'https://ucl.learnupon.com/dashboard');
    expect(doc.querySelectorAll('*').length).toBeGreaterThan(3000);
    const started = performance.now();
    expect(diagnoseSignInPage(doc, new URL('https://ucl.learnupon.com/dashboard'), profile)).toBeNull();
    // Quadratic text reading took over 30 s here; one pass takes a fraction of a second even in jsdom.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
