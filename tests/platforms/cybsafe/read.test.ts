// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readCybSafeAccount, readCybSafeCompletion } from '@/utils/platforms/cybsafe/read';
import { cybSafePageKind, isCybSafeUrl } from '@/utils/platforms/cybsafe/pages';
import { PERSONA, personaCybsafe } from '../../fixtures/persona';
import {
  cybsafeModules,
  renderCybSafeAccount,
  renderCybSafeHelpAccountNotFound,
  renderCybSafeHome,
  renderCybSafeLogin,
} from '../../fixtures/sites/cybsafe/pages';
import { parsePage } from '../../diagnostics/dom';

const NOW = new Date('2026-11-28T10:00:00Z');
const HOME = 'https://app.cybsafe.com/';
const completedOn = personaCybsafe(NOW).completedOn; // 2025-10-28

describe('cybSafePageKind', () => {
  it.each([
    ['https://app.cybsafe.com/', 'home'],
    ['https://app.cybsafe.com/home', 'home'],
    ['https://app.cybsafe.com/dashboard/', 'home'],
    ['https://app.cybsafe.com/login', 'login'],
    ['https://app.cybsafe.com/login?error=account_not_found', 'login'],
    ['https://app.cybsafe.com/login/original', 'login'],
    ['https://app.cybsafe.com/account', 'account'],
    ['https://app.cybsafe.com/certificates/ccsa.pdf', 'certificate'],
    ['https://app.cybsafe.com/modules/passphrases', 'module'],
    ['https://app.cybsafe.com/help/account-not-found', 'other'],
  ])('%s → %s', (url, kind) => {
    expect(cybSafePageKind(url)).toBe(kind);
  });

  it('is null off CybSafe and for plain http', () => {
    expect(cybSafePageKind('https://ucl.learnupon.com/dashboard')).toBeNull();
    expect(cybSafePageKind('http://app.cybsafe.com/')).toBeNull();
    expect(cybSafePageKind('https://app.cybsafe.com.evil.example/')).toBeNull();
    expect(isCybSafeUrl('not a url')).toBe(false);
  });
});

describe('readCybSafeCompletion on the demo home page', () => {
  it('reads the completed CCSA: title, date, certificate link, anchor by the heading', () => {
    const doc = parsePage(renderCybSafeHome({ today: NOW, complete: true }), HOME);
    const courses = readCybSafeCompletion(doc, 'day-first');
    expect(courses).toHaveLength(1);
    const [course] = courses;
    expect(course).toMatchObject({
      title: 'Information Security Training',
      status: 'completed',
      completedOn,
      certificateUrl: 'https://app.cybsafe.com/certificates/ccsa.pdf',
      dueOn: null,
      certExpiresOn: null,
      enrollmentId: null,
    });
    expect(completedOn).toBe('2025-10-28');
    expect(course!.anchor.textContent).toBe('Information Security Training');
    expect(/^H[1-6]$/.test(course!.anchor.tagName)).toBe(true);
  });

  it('reads the to-do state as in progress with no completion', () => {
    const doc = parsePage(renderCybSafeHome({ today: NOW, complete: false }), HOME);
    const [course] = readCybSafeCompletion(doc, 'day-first');
    expect(course).toMatchObject({ title: 'Information Security Training', status: 'in-progress', completedOn: null, certificateUrl: null });
  });

  it('reads the time still needed from the to-do list: the modules not yet done, summed (issue 17)', () => {
    const options = { today: NOW, complete: false };
    const doc = parsePage(renderCybSafeHome(options), HOME);
    const toDo = cybsafeModules(options).filter((m) => !m.done).reduce((sum, m) => sum + m.minutes, 0);
    expect(toDo).toBeGreaterThan(0);
    expect(readCybSafeCompletion(doc, 'day-first')[0]!.minutes).toBe(toDo);
    // Every module done: renewing means doing them all again.
    const all = cybsafeModules({ today: NOW, complete: true }).reduce((sum, m) => sum + m.minutes, 0);
    expect(readCybSafeCompletion(parsePage(renderCybSafeHome({ today: NOW, complete: true }), HOME), 'day-first')[0]!.minutes).toBe(all);
  });

  it('is the same in either date order (the month is named)', () => {
    const doc = parsePage(renderCybSafeHome({ today: NOW, complete: true }), HOME);
    expect(readCybSafeCompletion(doc, 'month-first')[0]!.completedOn).toBe(completedOn);
  });

  it('finds nothing on the login page or the account page', () => {
    expect(readCybSafeCompletion(parsePage(renderCybSafeLogin(), 'https://app.cybsafe.com/login'), 'day-first')).toEqual([]);
    expect(readCybSafeCompletion(parsePage(renderCybSafeHelpAccountNotFound(), 'https://app.cybsafe.com/help/x'), 'day-first')).toEqual([]);
  });

  it('the demo modules take 6–13 minutes and come from the persona', () => {
    const modules = cybsafeModules({ today: NOW, complete: false });
    expect(modules.map((m) => m.title)).toEqual(personaCybsafe(NOW).modules);
    for (const m of modules) expect(m.minutes).toBeGreaterThanOrEqual(6), expect(m.minutes).toBeLessThanOrEqual(13);
    expect(modules.filter((m) => m.done).length / modules.length).toBe(0.5);
  });
});

describe('readCybSafeCompletion on other layouts (the real DOM is a guess)', () => {
  const read = (body: string, order: 'day-first' | 'month-first' = 'day-first') =>
    readCybSafeCompletion(parsePage(`<!doctype html><html><body>${body}</body></html>`, HOME), order);

  it('durations in a table of modules, with a tick for the done ones; all done: the whole course', () => {
    const table = (done: boolean[]) =>
      `<div role="progressbar" aria-label="Progress" aria-valuenow="50"></div><table>${[12, 7, 9]
        .map((m, i) => `<tr><td>Module ${i + 1}</td><td>Approx. ${m} mins</td><td>${done[i] ? '✓ Done' : 'Start'}</td></tr>`)
        .join('')}</table>`;
    expect(read(table([true, false, false]))[0]!.minutes).toBe(16);
    expect(read(table([true, true, true]))[0]!.minutes).toBe(28);
    expect(read('<div role="progressbar" aria-valuenow="0"></div><p>Time limit: 30 days</p>')[0]!.minutes).toBeNull();
  });

  it('a CCSA card with a numeric date, a native progress bar and a "View certificate" link', () => {
    const [course] = read(`
      <header><progress value="1" max="1"></progress></header>
      <div class="x1"><h3>CCSA certificate</h3><span>Awarded: 03/11/2025</span><a href="/api/cert/99">View certificate</a></div>`);
    expect(course).toMatchObject({ title: 'CCSA certificate', status: 'completed', completedOn: '2025-11-03', certificateUrl: 'https://app.cybsafe.com/api/cert/99' });
  });

  it('reads numeric dates in the profile order', () => {
    const body = `<section><h2>Certificate</h2><p>Completed on 03/11/2025</p></section>`;
    expect(read(body, 'day-first')[0]!.completedOn).toBe('2025-11-03');
    expect(read(body, 'month-first')[0]!.completedOn).toBe('2025-03-11');
  });

  it('a percentage line without a progress bar; 0% is not started', () => {
    expect(read('<div><span>Your progress</span> <span>0%</span></div><ul><li>Passphrases</li></ul>')[0]).toMatchObject({ status: 'not-started', title: 'Information Security Training' });
    expect(read('<div><b>35 %</b></div>')[0]).toMatchObject({ status: 'in-progress' });
  });

  it('prefers the overall progress bar over a module one', () => {
    const [course] = read(`
      <div role="progressbar" aria-valuenow="100" aria-label="Passphrases"></div>
      <div role="progressbar" aria-valuenow="40" aria-label="Overall progress"></div>`);
    expect(course!.status).toBe('in-progress');
  });

  it('module dates count only when everything is done', () => {
    const modules = `<ul><li>Phishing — completed on 2 Oct 2025</li><li>Passphrases — completed on 9 Oct 2025</li></ul>`;
    expect(read(`<div role="progressbar" aria-valuenow="50" aria-label="Your progress"></div>${modules}`)[0]).toMatchObject({ status: 'in-progress', completedOn: null });
    expect(read(`<div role="progressbar" aria-valuenow="100" aria-label="Your progress"></div>${modules}`)[0]).toMatchObject({ status: 'completed', completedOn: '2025-10-09' });
  });

  it('a completion beside the certificate wins over a reset progress (anniversary reset)', () => {
    const [course] = read(`
      <div role="progressbar" aria-valuenow="0" aria-label="Your progress"></div>
      <section><h2>Information Security Training</h2><p>Certificate: CCSA</p><p>Completed on 28 October 2025</p></section>`);
    expect(course).toMatchObject({ status: 'completed', completedOn: '2025-10-28' });
  });

  it('ignores script text and nothing-to-see pages', () => {
    expect(read('<script>var s = "Completed on 28 October 2025 certificate 50%";</script><p>Hello</p>')).toEqual([]);
  });
});

describe('readCybSafeAccount', () => {
  it('reads My Account (name and email)', () => {
    const doc = parsePage(renderCybSafeAccount({ today: NOW }), 'https://app.cybsafe.com/account');
    expect(readCybSafeAccount(doc)).toEqual({ name: PERSONA.name, email: PERSONA.email });
  });

  it('reads the closed three-dots menu on the home page, personal persona too', () => {
    expect(readCybSafeAccount(parsePage(renderCybSafeHome({ today: NOW }), HOME))).toEqual({ name: PERSONA.name, email: PERSONA.email });
    expect(readCybSafeAccount(parsePage(renderCybSafeHome({ today: NOW, persona: 'personal' }), HOME))).toEqual({
      name: PERSONA.name,
      email: PERSONA.personalEmail,
    });
  });

  it('reads form fields and ignores mailto support links', () => {
    const doc = parsePage(
      `<form><label for="f">First name</label><input id="f" value="Alex"><label for="l">Last name</label><input id="l" value="Taylor">
       <label for="e">Email address</label><input id="e" type="email" value="a.taylor@ucl.ac.uk"></form>
       <footer><a href="mailto:support@cybsafe.com">support@cybsafe.com</a></footer>`,
      'https://app.cybsafe.com/account',
    );
    expect(readCybSafeAccount(doc)).toEqual({ name: 'Alex Taylor', email: 'a.taylor@ucl.ac.uk' });
  });

  it('is empty when the page shows nobody', () => {
    const doc = parsePage(`<p>Contact <a href="mailto:support@cybsafe.com">support@cybsafe.com</a></p>`, HOME);
    expect(readCybSafeAccount(doc)).toEqual({ name: null, email: null });
    expect(readCybSafeAccount(parsePage(renderCybSafeLogin(), 'https://app.cybsafe.com/login'))).toEqual({ name: null, email: null });
    // After "Account not found" the form is refilled with the address that failed: not a signed-in account.
    const refilled = parsePage(renderCybSafeLogin({ error: 'account_not_found', email: PERSONA.personalEmail }), 'https://app.cybsafe.com/login');
    expect(readCybSafeAccount(refilled)).toEqual({ name: null, email: null });
  });
});
