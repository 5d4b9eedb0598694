// Keyboard use of what the extension draws on the sites: an alert is a few Tab presses from the page
// start without taking focus, Escape from inside dismisses it and focus goes back to the page; Escape
// closes an expanded renewal badge and leaves focus on its button.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe';
import { launch, type Harness } from './harness';
import { dashboardSettled, doctorDone } from './settle';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  h.server.setMode({ persona: 'alex', delayMs: 0, stallVideo: false });
});

const ALERT = '[data-mtc="alert"]';
const BADGE = '[data-mtc="renewal"]';

/** What has focus, in words: the alert, the body (nothing), or the page element (tag and text). */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    if (el.closest('[data-mtc="alert"]')) return 'alert';
    return `${el.tagName.toLowerCase()}: ${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}`;
  });
}

/** Presses Tab from the page start until focus is in the alert; the number of presses, or 0 if not within `max`. */
async function tabsToAlert(page: Page, max: number): Promise<{ presses: number; before: string }> {
  let before = 'body';
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now === 'alert') return { presses, before };
    before = now;
  }
  return { presses: 0, before };
}

async function alertPage(url: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  await page.waitForSelector(ALERT, { timeout: 20_000 });
  // The doctor's last look at the page (2.5 s after load) could bring another alert: let it pass.
  await doctorDone(page);
  return page;
}

describe('in-page alerts by keyboard', () => {
  it('demo dashboard signed in with a personal account: reached within 3 Tab presses, Escape dismisses, focus goes back', async () => {
    h.server.setMode({ persona: 'personal' });
    const page = await alertPage('https://ucl.learnupon.com/dashboard');
    expect(await page.getAttribute(ALERT, 'data-mtc-alert')).toBe('wrong-account');
    // Shown without taking focus.
    expect(await focused(page)).toBe('body');
    // Early in the page, but still a fixed card in a corner of the window, not in the flow of the page.
    const box = await page.locator(ALERT).evaluate((e) => {
      const r = e.getBoundingClientRect();
      return { position: getComputedStyle(e).position, bottom: innerHeight - r.bottom, top: r.top, width: r.width };
    });
    expect(box.position).toBe('fixed');
    expect(Math.min(Math.abs(box.bottom - 16), Math.abs(box.top - 16))).toBeLessThanOrEqual(1);
    expect(box.width).toBeGreaterThan(200);
    // Screen readers hear it as it appears.
    expect(await page.locator(ALERT).evaluate((e) => e.shadowRoot?.querySelector('[role="alert"]') !== null)).toBe(true);
    // The page's skip link keeps its place at the start.
    const { presses, before } = await tabsToAlert(page, 3);
    expect(presses).toBeGreaterThan(0);
    expect(presses).toBeLessThanOrEqual(3);
    expect(before).toMatch(/^a: Skip to main content/);
    expect(await axeViolations(page, ALERT)).toEqual([]);
    // Now inside <body>: the page's own text still never carries the alert's (the doctor reads that text).
    const title = await page.locator(ALERT).evaluate((e) => e.shadowRoot!.querySelector('h2')!.textContent!);
    expect(await page.evaluate(() => document.body.innerText)).not.toContain(title);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.$$(ALERT).then((a) => a.length)).toBe(0);
    expect(await focused(page)).toBe(before);
    await page.close();
  });

  it('Microsoft sign-in error page: reached within 3 Tab presses, Escape dismisses, focus stays on the page', async () => {
    const page = await alertPage('https://login.microsoftonline.com/error?code=50105');
    expect(await page.getAttribute(ALERT, 'data-mtc-alert')).toBe('sso-error');
    expect(await focused(page)).toBe('body');
    const { presses } = await tabsToAlert(page, 3);
    expect(presses).toBeGreaterThan(0);
    expect(presses).toBeLessThanOrEqual(3);
    // Further in: the Dismiss button, then Escape from there.
    await page.locator(ALERT).locator('button').focus();
    expect(await axeViolations(page, ALERT)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.$$(ALERT).then((a) => a.length)).toBe(0);
    // Focus came from the page start: it lands on the page's next control, not back at the start.
    const after = await focused(page);
    expect(after).not.toBe('body');
    expect(after).not.toBe('alert');
    await page.close();
  });

  it('focus goes back to the sign-in field it came from', async () => {
    h.server.setMode({ persona: 'personal' });
    const page = await alertPage('https://login.microsoftonline.com/common/login?loginfmt=alex.taylor1987%40outlook.com');
    await page.locator('input[type="email"]').focus();
    // Shift+Tab from the first field reaches the alert, which sits early in the page.
    for (let i = 0; i < 3 && (await focused(page)) !== 'alert'; i++) await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('alert');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.$$(ALERT).then((a) => a.length)).toBe(0);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('email');
    await page.close();
  });
});

describe('renewal badges by keyboard', () => {
  it('Escape closes an expanded badge and leaves focus on its button', async () => {
    const page = await h.context.newPage();
    await page.goto('https://ucl.learnupon.com/dashboard');
    // The demo dashboard redraws its list 300 ms after loading, badges included.
    await dashboardSettled(page);
    const badge = page.locator(BADGE).first();
    const button = badge.locator('button').first();
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    expect(await axeViolations(page, BADGE)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    expect(await badge.evaluate((e) => (e.shadowRoot?.querySelector('[role="note"]') as HTMLElement).hidden)).toBe(true);
    expect(await badge.evaluate((e) => document.activeElement === e && e.shadowRoot?.activeElement === e.shadowRoot?.querySelector('button'))).toBe(true);
    await page.close();
  });
});

describe('settings page: focus lands on what came of each action', () => {
  /** The element with focus, by the data attribute that names it (or its id). */
  const focusedBy = (page: Page, attribute: string) => page.evaluate((a) => document.activeElement?.getAttribute(a) ?? null, attribute);

  it('save, a refused import and reset each move focus to their message', async () => {
    const page = await h.openExtensionPage('options.html');
    await page.waitForSelector('form');
    await page.locator('#dueSoonDays').fill('45');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => focusedBy(page, 'data-mtc-options-message')).toBe('ok');
    expect(await page.locator('[data-mtc-options-message]').innerText()).toMatch(/Saved/);

    await page.setInputFiles('input[type="file"][aria-label="Settings file to import"]', { name: 'profile.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1}') });
    await expect.poll(() => focusedBy(page, 'data-mtc-options-message')).toBe('error');

    await page.getByRole('button', { name: 'Reset to UCL defaults' }).click();
    await expect.poll(() => page.locator('[data-mtc-options-message]').innerText()).toMatch(/Reset to the UCL defaults/);
    // Focus moves a moment after the message shows (after the render): wait for it, as above.
    await expect.poll(() => focusedBy(page, 'data-mtc-options-message')).toBe('ok');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('a restore says plainly what it deletes; cancel changes nothing; focus follows backup, cancel and restore', async () => {
    const page = await h.openExtensionPage('options.html');
    await page.waitForSelector('[data-mtc-section="backup"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-mtc-action="backup"]')]);
    const backup = (await download.path())!;
    await expect.poll(() => focusedBy(page, 'data-mtc-backup-status')).not.toBeNull();
    expect(await page.locator('[data-mtc-backup-status]').innerText()).toMatch(/Downloaded mandatory-training-backup-/);

    await page.setInputFiles('[data-mtc-input="backup"]', backup);
    const preview = page.locator('[data-mtc-restore-preview]');
    await preview.waitFor();
    // The records the badge test read from the dashboard are held now: the question counts them.
    expect(await preview.locator('[data-mtc-restore-loses]').innerText()).toMatch(/deleted and replaced: \d[\d,]* training records?.*, and your settings\. Cancel changes nothing\./);
    // A backup of what is held now can be made from the question itself, which stays open.
    const [first] = await Promise.all([page.waitForEvent('download'), page.click('[data-mtc-action="backup-first"]')]);
    expect(first.suggestedFilename()).toMatch(/^mandatory-training-backup-/);
    await expect.poll(() => focusedBy(page, 'data-mtc-backup-status')).not.toBeNull();
    expect(await preview.count()).toBe(1);
    expect(await axeViolations(page, '[data-mtc-section="backup"]')).toEqual([]);

    await page.locator('[data-mtc-action="restore-cancel"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-mtc-backup-status]').innerText()).toMatch(/Restore cancelled\. Nothing was changed\./);
    await expect.poll(() => focusedBy(page, 'data-mtc-backup-status')).not.toBeNull();

    await page.setInputFiles('[data-mtc-input="backup"]', backup);
    await preview.waitFor();
    await page.locator('[data-mtc-action="restore-confirm"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-mtc-backup-status]').innerText()).toMatch(/Restored “/);
    await expect.poll(() => focusedBy(page, 'data-mtc-backup-status')).not.toBeNull();
    await page.close();
  });
});
