// The Microsoft demo site's routes and query switches (handler driven directly, no server).
import { describe, expect, it } from 'vitest';
// The server module first: it imports every site, and a site imported first would meet it half-loaded.
import { fetchDemo } from '../fixtures/fake-request';
import { microsoftSite } from '../fixtures/sites/microsoft';
import { AAD_IDS } from '../fixtures/sites/microsoft/pages';
import { PERSONA } from '../fixtures/persona';

const LOGIN = 'https://login.microsoftonline.com';
const MY_APPS = 'https://myapps.microsoft.com';
const tilesOf = (html: string) => [...html.matchAll(/data-test-id="([^"]+)"/g)].map((m) => m[1]!.replace(/&#64;/g, '@'));

describe('Microsoft demo site', () => {
  it('My Apps: the Apps page for alex, the work-account notice for personal', async () => {
    const apps = await fetchDemo(microsoftSite, `${MY_APPS}/`);
    expect(apps.text).toContain('id="mectrl_currentAccount_secondary">a.taylor@ucl.ac.uk<');
    expect(apps.text).toContain('LearnUpon');
    expect(apps.text).toContain('CybSafe');
    const personal = await fetchDemo(microsoftSite, `${MY_APPS}/`, { persona: 'personal' });
    expect(personal.text).toContain('You can only access this site with a work account.');
    expect(personal.text).toContain('Sign out to log in with another account.');
    const signout = await fetchDemo(microsoftSite, `${MY_APPS}/signout`);
    expect(signout.headers.location).toMatch(/^https:\/\/login\.microsoftonline\.com\/common\/oauth2\/v2\.0\/logout\?post_logout_redirect_uri=/);
  });

  it('Pick an account: tiles by persona, or by the tiles= switch', async () => {
    const authorize = `${LOGIN}/common/oauth2/v2.0/authorize?client_id=x`;
    expect(tilesOf((await fetchDemo(microsoftSite, authorize)).text)).toEqual([PERSONA.personalEmail, PERSONA.email]);
    expect(tilesOf((await fetchDemo(microsoftSite, authorize, { persona: 'personal' })).text)).toEqual([PERSONA.personalEmail]);
    expect(tilesOf((await fetchDemo(microsoftSite, `${authorize}&tiles=work`)).text)).toEqual([PERSONA.email]);
    const page = (await fetchDemo(microsoftSite, authorize)).text;
    expect(page).toContain('id="otherTile"');
    expect(page).toContain('Use another account');
    expect((await fetchDemo(microsoftSite, `${authorize}&prompt=login`)).text).toContain('id="i0116"');
  });

  it('choosing: the UCL account returns to the app; a personal tile gives AADSTS50020; a typed personal address the inline error', async () => {
    const back = encodeURIComponent('https://app.cybsafe.com/sso/callback');
    expect((await fetchDemo(microsoftSite, `${LOGIN}/common/login?login_hint=${PERSONA.email}&redirect_uri=${back}`)).headers.location).toBe('https://app.cybsafe.com/sso/callback');
    expect((await fetchDemo(microsoftSite, `${LOGIN}/common/login?login_hint=${PERSONA.email}&redirect_uri=https%3A%2F%2Fevil.example%2F`)).headers.location).toBe('https://myapps.microsoft.com/');
    expect((await fetchDemo(microsoftSite, `${LOGIN}/common/login?login_hint=${PERSONA.personalEmail}&redirect_uri=${back}`)).headers.location).toBe('/error?code=50020&app=cybsafe');
    const typed = await fetchDemo(microsoftSite, `${LOGIN}/common/login?loginfmt=${PERSONA.personalEmail}`);
    expect(typed.text).toContain("You can't sign in here with a personal account. Use your work or school account instead.");
  });

  it.each(['50020', '500200', '50105'])('error page AADSTS%s', async (code) => {
    const page = (await fetchDemo(microsoftSite, `${LOGIN}/error?code=${code}`)).text;
    expect(page).toContain('Sorry, but we’re having trouble signing you in.');
    expect(page).toContain(`AADSTS${code}: `);
    expect(page).toContain('Troubleshooting details');
    expect(page).toContain(AAD_IDS[code]!.requestId);
    expect(page).toContain(AAD_IDS[code]!.correlationId);
    expect(page).toMatch(/Timestamp: <\/span><span>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/);
  });

  it('logout', async () => {
    const out = await fetchDemo(microsoftSite, `${LOGIN}/common/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent('https://myapps.microsoft.com/')}`);
    expect(out.text).toContain('You signed out of your account');
    expect(out.text).toContain('href="https://myapps.microsoft.com/"');
  });
});
