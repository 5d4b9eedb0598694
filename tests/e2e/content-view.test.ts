// The content scripts' view of the state in storage.session (utils/data/session.ts), in real Chromium:
// - a content script reads it there (storage.session is opened to content scripts; storage.local is not),
//   and it carries no titles, links or notes;
// - a page's badges come from it with the service worker stopped, and a page with nothing new to say does
//   not wake the worker;
// - it is a hint: a content script that writes another view misleads only the badges it draws itself,
//   and the records the background keeps (and everything drawn from them) stay as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, realErrors, type Harness } from './harness';
import { inContentScript as runIsolated } from './isolated-world';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

type Chrome = typeof import('wxt/browser').browser;

const DASHBOARD = 'https://ucl.learnupon.com/dashboard';
// UCL Fire Safety, passed (tests/fixtures/persona.ts).
const DETAILS = 'https://ucl.learnupon.com/enrollments/109552810/details';

/** Runs `expression` in our content scripts' isolated world on `page` (./isolated-world.ts). */
const inContentScript = <T>(page: Page, expression: string) => runIsolated<T>(h.context, page, expression);

/** A page whose badges are up and whose readings have been handed to the background. */
async function read(url: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('mtc:renewal:read').length > 0, undefined, { timeout: 20_000 });
  return page;
}

async function badges(page: Page): Promise<Record<string, string>> {
  const list = await page.$$eval('[data-mtc="renewal"]', (els) => els.map((e) => [e.getAttribute('data-mtc-course')!, e.getAttribute('data-mtc-status')!]));
  return Object.fromEntries(list);
}

async function sidePanelStatuses(): Promise<Record<string, string>> {
  const panel = await h.openExtensionPage('sidepanel.html');
  await panel.waitForSelector('[data-mtc-list="courses"] li');
  const lines = await panel.$$eval('[data-mtc-list="courses"] > li', (items) => items.map((li) => [li.getAttribute('data-mtc-course')!, li.getAttribute('data-mtc-status')!]));
  await panel.close();
  return Object.fromEntries(lines);
}

describe('the view in storage.session', () => {
  it('is what a content script reads, with no titles, links or notes; storage.local stays closed to it', async () => {
    const page = await read(DASHBOARD);
    await page.close();
    // The page marks its read when it hands the readings over, not when the background has saved them and
    // written the view: a fresh page waits for them to be there.
    const again = await read(DASHBOARD);
    const view = () =>
      inContentScript<{ version: number; courses: string[]; held: number; text: string; local: string }>(
        again,
        `await (async () => {
          const view = (await chrome.storage.session.get('content-view'))['content-view'];
          const local = await chrome.storage.local.get(null).then(() => 'read', (e) => e.message);
          return { version: view.version, courses: [...new Set(view.records.map((r) => r.course))].sort(), held: view.held.length, text: JSON.stringify(view.records), local };
        })()`,
      );
    await expect.poll(async () => (await view()).courses, { timeout: 10_000 }).toEqual(expect.arrayContaining(['Prevent at UCL', 'UCL Fire Safety']));
    const seen = await view();
    expect(seen.version).toBe(1);
    expect(seen.courses).toEqual(expect.arrayContaining(['Prevent at UCL', 'UCL Fire Safety']));
    expect(seen.held).toBeGreaterThan(0);
    expect(seen.text).not.toMatch(/"title":"[^"]|"sourceUrl":"[^"]|"certificateUrl":"|"note"/);
    expect(seen.local).toBe('Access to storage is not allowed from this context.');
    await again.close();
  });

  it('gives a page its badges with the service worker stopped, and a page with nothing new does not wake it', async () => {
    // A first visit hands the details page's readings over: it says what the dashboard did not (the course's
    // "about 30 minutes"), so its save must be in the view before the worker is stopped, or the second visit
    // rightly has something new to say.
    const held = () =>
      h.worker.evaluate(async () => {
        const view = (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.session.get('content-view'))['content-view'] as { held: string[]; timed?: string[] };
        return JSON.stringify([view.held, view.timed]);
      });
    const before = await held();
    const first = await read(DETAILS);
    const expected = await badges(first);
    expect(expected['UCL Fire Safety']).toBe('current');
    await expect.poll(held).not.toBe(before);
    await first.close();

    // The worker's state as DevTools reports it: any version of ours starting or running after the stop.
    const page = await h.context.newPage();
    const cdp = await h.context.newCDPSession(page);
    const running: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { scriptURL: string; runningStatus: string }[] }) => {
      for (const v of e.versions) if (v.scriptURL.startsWith(`chrome-extension://${h.extensionId}/`) && v.runningStatus !== 'stopped') running.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable' as never);
    await cdp.send('ServiceWorker.stopAllWorkers' as never);
    await expect.poll(() => running.length === 0 || running.at(-1) === 'stopping').toBe(true);
    running.length = 0;
    await page.goto(DETAILS);
    await page.waitForFunction(() => performance.getEntriesByName('mtc:renewal:read').length > 0, undefined, { timeout: 20_000 });
    await page.waitForFunction(() => performance.getEntriesByName('mtc:doctor:checked').length > 0);
    expect(await badges(page)).toEqual(expected);
    expect(running).toEqual([]);
    await cdp.detach();
    await page.close();
  });

  it('is a hint: a content script writing another view misleads only its own badges, never the records', async () => {
    const page = await read(DASHBOARD);
    // The forged record is made from one the view holds: wait for the dashboard's save to reach it.
    await expect
      .poll(() => inContentScript<number>(page, `await (async () => (await chrome.storage.session.get('content-view'))['content-view']?.records.length ?? 0)()`), { timeout: 10_000 })
      .toBeGreaterThan(0);
    const before = await sidePanelStatuses();
    expect(before['Prevent at UCL']).toBe('overdue');
    await inContentScript(
      page,
      `await (async () => {
        const view = (await chrome.storage.session.get('content-view'))['content-view'];
        await chrome.storage.session.set({ 'content-view': { ...view, records: [{ ...view.records[0], id: 'forged', course: 'Prevent at UCL', status: 'completed', completedOn: view.today, certExpiresOn: null, dueOn: null, source: 'manual', countsForCompliance: true }] } });
      })()`,
    );
    await page.close();
    // A page drawn from the forged view believes it (it is only a hint) …
    const misled = await read('https://ucl.learnupon.com/dashboard?display=my_courses');
    expect((await badges(misled))['Prevent at UCL']).toBe('current');
    await misled.close();
    // … the records, the side panel and the toolbar count do not: the background never reads the view.
    expect(await sidePanelStatuses()).toEqual(before);
    expect(realErrors(h.consoleErrors)).toEqual([]);
  });
});
