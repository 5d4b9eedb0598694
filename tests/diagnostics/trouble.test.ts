// @vitest-environment jsdom
// Alerts only from the page's own signs of trouble (issue 12 item 4): never from the same words in course
// content, articles, quotes, descriptions or help text; an AADSTS error naming an outside account is the
// wrong account whatever its code; the table of codes; another organisation's portal.
import { describe, expect, it } from 'vitest';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { WRONG_ACCOUNT_CODES } from '@/utils/diagnostics/aad';
import { AADSTS_CODES } from '@/utils/diagnostics/aadsts';
import { MY_APPS_URL, type Diagnosis } from '@/utils/diagnostics/alerts';
import { diagnoseOtherPortal } from '@/utils/diagnostics/portal';
import { diagnoseSignInPage } from '@/utils/diagnostics/signin';
import { mentionsProblemIn, pageText } from '@/utils/diagnostics/trouble';
import { PERSONA } from '../fixtures/persona';
import { DEMO_AADSTS_CODES, PERSONAL_HOTMAIL, renderAadError } from '../fixtures/sites/microsoft/pages';
import { renderCybSafeHome } from '../fixtures/sites/cybsafe/pages';
import { renderDashboard } from '../fixtures/sites/learnupon/pages';
import {
  ERROR_TITLED_COURSE,
  NHS_PORTAL,
  QUOTED_ERRORS,
  renderErrorTitledCourse,
  renderNhsDashboard,
  renderQuotingLesson,
  renderSignInHelp,
  variantPaths,
} from '../fixtures/sites/learnupon/variants';
import { personaEnrollments } from '../fixtures/persona';
import { parsePage } from './dom';

const NOW = new Date('2026-11-28T10:41:12.345Z');
const profile = UCL_PROFILE;
const LU = 'https://ucl.learnupon.com';
const ERROR_URL = 'https://login.microsoftonline.com/error?code=';

function diagnose(html: string, url: string): Diagnosis | null {
  return diagnoseSignInPage(parsePage(html, url), new URL(url), profile);
}

/** A page wrapping `main` as a course or article page would. */
const coursePage = (main: string, title = 'IT Skills | UCL Staff Learning') => `<!doctype html><html><head><title>${title}</title></head><body><header role="banner"><a href="/dashboard">Home</a></header><main>${main}</main></body></html>`;

describe('course content quoting each error phrase', () => {
  it.each(QUOTED_ERRORS.map((q) => [q] as const))('“%s” in a lesson, a callout, a quote or a quiz raises nothing', (phrase) => {
    const lesson = `<h1>IT Skills: signing in</h1><p><a href="/enrollments/120553001/page/2">Resume</a></p>`;
    const places = [
      `<p>${phrase}</p>`,
      `<blockquote>${phrase}</blockquote>`,
      `<p>You may see: <q>${phrase}</q></p>`,
      `<figure><figcaption>${phrase}</figcaption></figure>`,
      `<article><h2>${phrase}</h2><p>What it means.</p></article>`,
      `<form><fieldset><legend>Which message?</legend><label><input type="radio" name="a"> ${phrase}</label></fieldset></form>`,
      `<details><summary>${phrase}</summary><p>Explained.</p></details>`,
    ];
    for (const place of places) {
      for (const url of [`${LU}/enrollments/120553001/details`, `${LU}${variantPaths.lesson}`, `${LU}/enrollments/120553001/page/2`]) {
        expect(diagnose(coursePage(lesson + place), url), `${place} at ${url}`).toBeNull();
      }
      expect(diagnose(coursePage(place), 'https://app.cybsafe.com/modules/signing-in-safely'), place).toBeNull();
    }
  });

  it('the demo lesson quoting them all, with troubleshooting ids, raises nothing', () => {
    expect(diagnose(renderQuotingLesson({ today: NOW }), LU + variantPaths.lesson)).toBeNull();
  });

  it('a help article listing AADSTS codes, with example ids, raises nothing on any host', () => {
    const html = renderSignInHelp({ today: NOW });
    for (const url of [LU + variantPaths.help, 'https://login.microsoftonline.com/help/errors', 'https://myapps.microsoft.com/help']) {
      expect(diagnose(html, url), url).toBeNull();
    }
  });

  it('a course titled with error words raises nothing: its details page, and as a card on the dashboard', () => {
    expect(diagnose(renderErrorTitledCourse({ today: NOW }), `${LU}/enrollments/${ERROR_TITLED_COURSE.id}/details`)).toBeNull();
    const withCard = renderDashboard({
      today: NOW,
      enrollments: [...personaEnrollments(NOW), { ...personaEnrollments(NOW)[6]!, id: ERROR_TITLED_COURSE.id, title: ERROR_TITLED_COURSE.title }, { ...personaEnrollments(NOW)[6]!, id: '120553003', title: 'Account not found? Signing in to CybSafe' }],
    });
    expect(diagnose(withCard, `${LU}/dashboard`)).toBeNull();
    // The same page at an address never seen: it shows a course (its Resume link), so it is not an error page.
    expect(diagnose(renderErrorTitledCourse({ today: NOW }), `${LU}/courses/what-the-error-means`)).toBeNull();
    const module = renderCybSafeHome({ today: NOW }).replace('>Phishing<', '>Account not found<');
    expect(diagnose(module, 'https://app.cybsafe.com/')).toBeNull();
  });
});

describe('the page’s own signs of trouble still count', () => {
  it('an error banner in an alert or live region on any LearnUpon page', () => {
    for (const region of ['<div role="alert">There was a problem processing your request. Please try again.</div>', '<p aria-live="assertive">Error: There was a problem processing your request</p>', '<div role="status">There was a problem processing your request</div>']) {
      expect(diagnose(renderDashboard({ today: NOW }).replace('<main', `${region}<main`), `${LU}/dashboard`)?.kind, region).toBe('sso-error');
    }
  });

  it('an error page at an address never seen: its main heading, or its title', () => {
    const page = (title: string, main: string) => `<!doctype html><html><head><title>${title}</title></head><body><main>${main}</main></body></html>`;
    expect(diagnose(page('Error', '<h2>There was a problem processing your request</h2><p>Please try again later.</p><a href="/users/sign_in">Back to sign in</a>'), `${LU}/errors/422`)?.kind).toBe('sso-error');
    expect(diagnose(page('There was a problem processing your request | UCL Staff Learning', '<h1>Sorry</h1><p>Something went wrong. <a href="/dashboard">Home</a></p>'), `${LU}/oops`)?.kind).toBe('sso-error');
  });

  it('the line beside a sign-in form', () => {
    const html = `<main><h1>Sign in</h1><div>There was a problem processing your request</div><form><input type="email" name="user[email]"><input type="password"></form></main>`;
    expect(diagnose(html, `${LU}/login`)?.kind).toBe('sso-error');
  });
});

describe('AADSTS: an outside account named is the wrong account, whatever the code', () => {
  it.each(DEMO_AADSTS_CODES.map((c) => [c] as const))('AADSTS%s', (code) => {
    const d = diagnose(renderAadError({ code, now: NOW }), ERROR_URL + code);
    const named = [PERSONA.personalEmail, PERSONAL_HOTMAIL].find((e) => renderAadError({ code, now: NOW }).includes(e.replace('@', '@')));
    if (named) {
      expect(d).toMatchObject({ kind: 'wrong-account', details: { code: `AADSTS${code}`, account: named } });
      expect(d?.steps[0]?.href).toBe(MY_APPS_URL);
    } else {
      expect(d).toMatchObject({ kind: AADSTS_CODES[code]!.kind, details: { code: `AADSTS${code}` } });
      expect(d?.summary).toContain(AADSTS_CODES[code]!.meaning(profile));
    }
  });

  it('AADSTS90072 naming a personal hotmail.co.uk account and AADSTS50034 naming an outlook.com one are the wrong account', () => {
    expect(diagnose(renderAadError({ code: '90072', now: NOW }), ERROR_URL + '90072')).toMatchObject({ kind: 'wrong-account', details: { account: PERSONAL_HOTMAIL } });
    expect(diagnose(renderAadError({ code: '50034', now: NOW }), ERROR_URL + '50034')).toMatchObject({ kind: 'wrong-account', details: { account: PERSONA.personalEmail } });
  });

  it('AADSTS50034 naming a mistyped UCL address is not the wrong account: check the spelling', () => {
    const html = renderAadError({ code: '50034', now: NOW }).replaceAll(PERSONA.personalEmail, 'a.tayler@ucl.ac.uk');
    const d = diagnose(html, ERROR_URL + '50034');
    expect(d).toMatchObject({ kind: 'sso-error', title: 'Microsoft does not know that username' });
    expect(d?.steps[0]?.text).toContain('username@ucl.ac.uk');
  });

  it('AADSTS50105 names the UCL account: still "not assigned", not the wrong account', () => {
    expect(diagnose(renderAadError({ code: '50105', now: NOW }), ERROR_URL + '50105')?.kind).toBe('sso-error');
  });

  it('relayed by the portal on its sign-in step: the wrong-account rule and the general advice', () => {
    const at = `${LU}/saml/consumer`;
    expect(diagnose(renderAadError({ code: '90072', now: NOW }), at)).toMatchObject({ kind: 'wrong-account', details: { account: PERSONAL_HOTMAIL } });
    expect(diagnose(renderAadError({ code: '53003', now: NOW }), at)).toMatchObject({ kind: 'sso-error', title: 'Microsoft sign-in failed (AADSTS53003)' });
    // Quoted in a course, never.
    expect(diagnose(renderQuotingLesson({ today: NOW }), `${LU}/enrollments/120553001/details`)).toBeNull();
  });

  it('an unknown code names any outside account as wrong-account too', () => {
    const html = renderAadError({ code: '9002313', now: NOW }).replace('An error occurred while processing your sign-in request.', `User ${PERSONA.personalEmail} could not be signed in.`);
    expect(diagnose(html, ERROR_URL + '9002313')).toMatchObject({ kind: 'wrong-account', details: { code: 'AADSTS9002313', account: PERSONA.personalEmail } });
  });
});

describe('the table of codes', () => {
  it('covers the codes a staff member meets, each with what it means and the FAQ step that fixes it', () => {
    for (const code of ['50020', '500200', '90072', '50034', '50105', '53003', '50058', '700082', '50076', '50079']) {
      const advice = AADSTS_CODES[code];
      expect(advice, code).toBeDefined();
      expect(advice!.meaning(profile).length).toBeGreaterThan(30);
      expect(advice!.faqStep(profile).length).toBeGreaterThan(20);
      expect(advice!.steps(profile, new URL(ERROR_URL + code)).length).toBeGreaterThan(1);
      expect(advice!.title(profile)).not.toMatch(/undefined/);
    }
    expect(['50020', '500200', '90072'].map((c) => AADSTS_CODES[c]!.kind)).toEqual(['wrong-account', 'wrong-account', 'wrong-account']);
    expect(AADSTS_CODES['53003']!.steps(profile, new URL(ERROR_URL)).map((s) => s.text).join(' ')).toMatch(/supports|supported/);
    // The wrong-account codes known without the table (a portal relaying an error) are the table's.
    expect([...WRONG_ACCOUNT_CODES].sort()).toEqual(Object.keys(AADSTS_CODES).filter((c) => AADSTS_CODES[c]!.kind === 'wrong-account').sort());
  });

  it('speaks of the profile’s organisation, not UCL', () => {
    const other = { ...profile, organisation: 'Example University', emailDomain: 'example.ac.uk', mailbox: 'training@example.ac.uk' };
    for (const advice of Object.values(AADSTS_CODES)) {
      expect(`${advice.title(other)} ${advice.meaning(other)} ${advice.faqStep(other)}`).not.toMatch(/\bUCL\b|ucl\.ac\.uk/);
    }
  });
});

describe("another organisation's portal", () => {
  const url = new URL(`https://${NHS_PORTAL.host}/dashboard`);
  it('one calm other-portal alert: whose portal, that it does not count, the way back to UCL’s portal', () => {
    const d = diagnoseOtherPortal(url, profile, parsePage(renderNhsDashboard({ today: NOW }), url.href));
    expect(d?.kind).toBe('other-portal');
    expect(d?.summary).toContain(`${NHS_PORTAL.name} (${NHS_PORTAL.host})`);
    expect(d?.summary).toMatch(/does not count for UCL/);
    expect(d?.steps[0]?.href).toBe('https://ucl.learnupon.com/dashboard');
  });

  it('names the courses the organisation’s policy accepts from that portal, and only for that portal', () => {
    const accepting = { ...profile, countingOutsideSources: [{ source: NHS_PORTAL.host, courses: ['Data Protection and Freedom of Information', 'Prevent at UCL'] }] };
    const d = diagnoseOtherPortal(url, accepting, parsePage(renderNhsDashboard({ today: NOW }), url.href));
    expect(d?.summary).toMatch(/UCL accepts completions of Data Protection and Freedom of Information, Prevent at UCL from here; other training completed here does not count for UCL/);
    expect(d?.steps[1]?.text).toMatch(/^If you complete Data Protection and Freedom of Information, Prevent at UCL here, the extension counts it for UCL/);
    const elsewhere = diagnoseOtherPortal(new URL('https://other-trust.learnupon.com/dashboard'), accepting);
    expect(elsewhere?.summary).toMatch(/Training completed here does not count for UCL/);
  });

  it('not on the organisation’s own portals, nor on other sites', () => {
    expect(diagnoseOtherPortal(new URL(`${LU}/dashboard`), profile)).toBeNull();
    expect(diagnoseOtherPortal(new URL('https://ucl2.learnupon.com/dashboard'), { ...profile, morePortalHosts: ['ucl2.learnupon.com'] })).toBeNull();
    expect(diagnoseOtherPortal(new URL('https://app.cybsafe.com/'), profile)).toBeNull();
  });

  it('its own accounts and sign-in pages are none of the doctor’s business', () => {
    const html = renderNhsDashboard({ today: NOW }).replace('<main', '<div role="alert">There was a problem processing your request</div><main');
    expect(diagnose(html, url.href)).toBeNull();
  });
});

describe('the first look’s text (pageText)', () => {
  /** The text a diagnoser could read: the page's, with its scripts and styles taken out first. */
  const withoutCode = (doc: Document) => {
    const copy = doc.cloneNode(true) as Document;
    copy.querySelectorAll('script, style, noscript').forEach((el) => el.remove());
    return copy.documentElement.textContent;
  };

  it('is the page’s text but for its scripts and styles, title included, on every demo page', () => {
    const pages = [renderDashboard({ today: NOW }), renderQuotingLesson({ today: NOW }), renderSignInHelp({ today: NOW }), renderErrorTitledCourse({ today: NOW }), renderNhsDashboard({ today: NOW }), renderCybSafeHome({ today: NOW })];
    for (const html of pages) {
      const doc = parsePage(html, `${LU}/dashboard`);
      expect(pageText(doc)).toBe(withoutCode(doc));
      expect(pageText(doc)).toContain(doc.title);
    }
  });

  it('leaves out a script, style or noscript at any depth, and keeps the text around them in order', () => {
    const doc = parsePage(
      `<!doctype html><html><head><title>Error | Portal</title><style>p { color: red }</style><script>var errors = ["Account not found"];</script></head>` +
        `<body><div>one <b>two</b><script>window.x = "AADSTS50020";</script> three<section><p>four</p><style>.a{}</style><noscript>problem processing your request</noscript>five</section></div>six<script>1</script></body></html>`,
      `${LU}/dashboard`,
    );
    expect(pageText(doc)).toBe('Error | Portalone two threefourfivesix');
    expect(mentionsProblemIn(pageText(doc))).toBe(false);
    // The same words shown on the page are found.
    doc.querySelector('section p')!.textContent = 'Account not found';
    expect(mentionsProblemIn(pageText(doc))).toBe(true);
    expect(pageText(doc.querySelector('section')!)).toBe('Account not foundfive');
  });
});
