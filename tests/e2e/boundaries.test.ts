// What a content script (which runs beside web pages, so a compromised page's best foothold) can do to
// the extension's data, tried from inside its own isolated world in real Chromium:
// - storage.local is for the extension's pages and worker only (setAccessLevel TRUSTED_CONTEXTS): a
//   content script can neither read it nor write it (one write redirected the evidence email before);
// - a LearnUpon message cannot replace the CybSafe record or a manual entry;
// - the Microsoft sign-in pages are told no records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cspErrors, launch, realErrors, type Harness } from './harness';
import { inContentScript as runIsolated } from './isolated-world';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

/** Runs `expression` in our content scripts' isolated world on `page` (./isolated-world.ts). */
const inContentScript = <T>(page: Page, expression: string) => runIsolated<T>(h.context, page, expression);

async function site(url: string, ready: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  await page.waitForSelector(ready, { timeout: 20_000 });
  return page;
}

/** What the side panel says of each course: `name|status`. */
async function courseStatuses(): Promise<Record<string, string>> {
  const panel = await h.openExtensionPage('sidepanel.html');
  await panel.waitForSelector('[data-mtc-list="courses"] li');
  const lines = await panel.$$eval('[data-mtc-list="courses"] > li', (items) => items.map((li) => [li.getAttribute('data-mtc-course')!, li.getAttribute('data-mtc-status')!]));
  await panel.close();
  return Object.fromEntries(lines);
}

describe('open pages hear of changes', () => {
  it('an open side panel shows records as soon as a page saves them (records-changed), with no reload', async () => {
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.waitForSelector('[data-mtc-list="courses"] li');
    expect(await panel.locator('main').innerText()).toMatch(/Nothing seen yet/);
    // A mark on this very document: a reload would lose it.
    await panel.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const dashboard = await site('https://ucl.learnupon.com/dashboard', '[data-mtc="renewal"]');
    await expect.poll(() => panel.locator('[data-mtc-list="courses"] > li[data-mtc-course="Prevent at UCL"]').getAttribute('data-mtc-status'), { timeout: 15_000 }).toBe('overdue');
    expect(await panel.locator('main').innerText()).not.toMatch(/Nothing seen yet/);
    expect(await panel.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await dashboard.close();
    await panel.close();
  });
});

describe('a content script and extension storage', () => {
  it('cannot read or write storage.local, though the API is there; the extension’s pages still can', async () => {
    const page = await site('https://ucl.learnupon.com/dashboard', '[data-mtc="renewal"]');
    const tried = await inContentScript<{ api: string; read: string; write: string }>(
      page,
      `{
        api: typeof chrome.storage.local.get,
        read: await chrome.storage.local.get(null).then((v) => 'read: ' + JSON.stringify(v), (e) => e.message),
        write: await chrome.storage.local.set({ profile: { mailbox: 'attacker@evil.example' } }).then(() => 'written', (e) => e.message),
      }`,
    );
    expect(tried).toEqual({ api: 'function', read: 'Access to storage is not allowed from this context.', write: 'Access to storage is not allowed from this context.' });
    await page.close();

    // Nothing was written; the settings page (an extension page, which may read it) shows the real mailbox.
    expect(JSON.stringify(await h.worker.evaluate(() => (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.storage.local.get(null)))).not.toContain('attacker');
    const options = await h.openExtensionPage('options.html');
    await options.waitForSelector('#mailbox');
    expect(await options.inputValue('#mailbox')).toBe('UCLmandatorystafflearning@ucl.ac.uk');
    await options.close();
  });

  it('a LearnUpon message cannot turn the CybSafe record or a manual entry into “not completed”', async () => {
    // Records from both sites, and a manual entry for a course neither site lists.
    const dashboard = await site('https://ucl.learnupon.com/dashboard', '[data-mtc="renewal"]');
    const cybsafe = await site('https://app.cybsafe.com/', '[data-mtc="renewal"]');
    await cybsafe.close();
    const course = 'Change Possible: Sustainable UCL';
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.waitForSelector('[data-mtc-list="courses"] li');
    const line = panel.locator(`[data-mtc-list="courses"] > li[data-mtc-course="${course}"]`);
    await line.locator('details > summary').click();
    await line.locator('input[type="date"]').fill(new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10));
    await line.locator('button[type="submit"]').click();
    await expect.poll(() => line.locator('[role="status"]').innerText().catch(() => '')).toMatch(/Saved as a manual entry/);
    await panel.close();
    await expect.poll(courseStatuses, { timeout: 15_000 }).toMatchObject({ 'Information Security Training': 'overdue', [course]: 'current' });
    const before = await courseStatuses();

    // The page's script, knowing every record (it is told them), says both are not started: as whole
    // records with their real ids (the old message), and as readings with the ids and sources added.
    const answers = await inContentScript<unknown[]>(
      dashboard,
      `await (async () => {
        const { records } = await chrome.runtime.sendMessage({ type: 'get-state' });
        const targets = records.filter((r) => r.source === 'cybsafe' || r.source === 'manual');
        if (targets.length !== 2) throw new Error('expected the CybSafe record and the manual entry, got ' + targets.length);
        const forged = targets.map((r) => ({ ...r, status: 'not-started', completedOn: null, certExpiresOn: null }));
        return [
          await chrome.runtime.sendMessage({ type: 'save-page-records', pageUrl: location.href, found: 2, records: forged }),
          await chrome.runtime.sendMessage({ type: 'save-page-records', found: 2, readings: forged }),
        ];
      })()`,
    );
    // The old shape gets no answer at all (null once through DevTools); the readings are kept as LearnUpon's own.
    expect(answers).toEqual([null, { saved: 2 }]);
    expect(await courseStatuses()).toEqual(before);
    await dashboard.close();
  });
});

describe('what each content script is told', () => {
  it('the Microsoft sign-in page gets the settings and no records; the LearnUpon dashboard gets the records', async () => {
    const microsoft = await site('https://login.microsoftonline.com/common/oauth2/v2.0/authorize', 'body');
    const there = await inContentScript<{ records: unknown; organisation: string }>(microsoft, `await chrome.runtime.sendMessage({ type: 'get-state' }).then((s) => ({ records: s.records, organisation: s.profile.organisation }))`);
    expect(there).toEqual({ records: null, organisation: 'UCL' });
    await microsoft.close();
    const dashboard = await site('https://ucl.learnupon.com/dashboard', '[data-mtc="renewal"]');
    const count = await inContentScript<number>(dashboard, `(await chrome.runtime.sendMessage({ type: 'get-state' })).records.length`);
    expect(count).toBeGreaterThan(0);
    await dashboard.close();
  });

  it('leaves no CSP or console errors', () => {
    expect(cspErrors(h.consoleErrors)).toEqual([]);
    expect(realErrors(h.consoleErrors)).toEqual([]);
  });
});
