// "What I read on this page" (issue 12 items 5 and 6), in real Chromium on the demo variants: the side
// panel lists what the reader read with its words and what it did not count; "Show on page" outlines come
// and go; "This isn't right" prefills a manual entry that then shows in the course list; the page report
// is shown in full before it is copied or saved, holds nothing of the persona, and reads back the same.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createCourseMatcher, createTitlePieceTest } from '@/utils/catalogue/match';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { addDays, addMonths, londonDate } from '@/utils/dates/calendar';
import { datesInText } from '@/utils/dates/shift';
import { textNodes } from '@/utils/dom/text';
import { explainReading } from '@/utils/platforms/explain';
import { readLearnUponCourses } from '@/utils/platforms/learnupon/courses';
import type { PageCourse } from '@/utils/platforms/types';
import { PERSONA, personaEnrollments } from '../fixtures/persona';
import { portalDate } from '../fixtures/sites/learnupon/model';
import { NHS_PORTAL, nhsEnrollments, slugOf, variantPaths } from '../fixtures/sites/learnupon/variants';
import { UNCOVERED_HOST } from '../fixtures/sites/uncovered';
import { loadPage } from '../platforms/learnupon/jsdom';
import { axeViolations } from './axe';
import { cspErrors, launch, realErrors, type Harness } from './harness';

const LU = 'https://ucl.learnupon.com';
const SECTION = '[data-mtc-section="page-reading"]';
const OUTLINES = '[data-mtc="outlines"]';
type Chrome = typeof import('wxt/browser').browser;

const match = createCourseMatcher(UCL_PROFILE.courses);
// As the content script reads: texts no title can hold are not looked at.
const titlePiece = createTitlePieceTest(UCL_PROFILE.courses);
const courseKey = (title: string) => match(title)?.name ?? null;
const fire = personaEnrollments().find((e) => e.catalogueName === 'UCL Fire Safety')!;

const VARIANTS: [string, string][] = [
  ['the dashboard', `${LU}/dashboard`],
  ['a learning path', LU + variantPaths.learningPath],
  ['course details as a definition list', LU + variantPaths.courseDetails(slugOf(fire.title))],
  ['the NHS trust’s portal', `https://${NHS_PORTAL.host}/dashboard`],
  ['a lesson quoting sign-in errors', LU + variantPaths.lesson],
];

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

/** The side panel's page in a window of its own: the browser window's active tab stays the site, as beside a real side panel. */
async function openPanel(): Promise<Page> {
  const url = h.extensionUrl('sidepanel.html');
  const opened = h.context.waitForEvent('page', (p) => p.url().startsWith(url));
  await h.worker.evaluate((u) => (globalThis as unknown as { chrome: Chrome }).chrome.windows.create({ url: u, type: 'popup', width: 520, height: 900 }), url);
  const panel = await opened;
  await panel.waitForLoadState();
  // "What I read on this page" is in the Help view.
  await panel.click('[role="tab"][data-mtc-view="help"]');
  await panel.waitForSelector(SECTION, { state: 'visible' });
  return panel;
}

/**
 * Chrome's own side panel beside the site's window, opened as the popup's "Open full view" does (an
 * extension page's call with the user's gesture). Playwright does not attach to side panels: its page is
 * driven through the DevTools protocol.
 */
async function openChromeSidePanel(site: Page) {
  const opener = await h.openExtensionPage('options.html');
  await site.bringToFront();
  await opener.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: Chrome }).chrome;
    const win = await c.windows.getLastFocused({ windowTypes: ['normal'] });
    await c.sidePanel.open({ windowId: win.id! });
  });
  await opener.close();
  const cdp = await h.context.browser()!.newBrowserCDPSession();
  let targetId: string | undefined;
  for (let i = 0; i < 100 && !targetId; i++) {
    const { targetInfos } = (await cdp.send('Target.getTargets' as never)) as { targetInfos: { targetId: string; url: string }[] };
    targetId = targetInfos.find((t) => t.url.startsWith(h.extensionUrl('sidepanel.html')))?.targetId;
    if (!targetId) await new Promise((r) => setTimeout(r, 100));
  }
  const { sessionId } = (await cdp.send('Target.attachToTarget' as never, { targetId, flatten: false } as never)) as { sessionId: string };
  const answers = new Map<number, (value: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget' as never, ((e: { message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: { result?: { value?: unknown } } };
    if (m.id !== undefined) answers.get(m.id)?.(m.result?.result?.value);
  }) as never);
  let next = 0;
  const evaluate = async (expression: string): Promise<unknown> => {
    const id = ++next;
    const answer = new Promise((resolve) => answers.set(id, resolve));
    const params = { expression, returnByValue: true, awaitPromise: true, userGesture: true };
    await cdp.send('Target.sendMessageToTarget' as never, { sessionId, message: JSON.stringify({ id, method: 'Runtime.evaluate', params }) } as never);
    return answer;
  };
  return {
    evaluate,
    async close() {
      await cdp.send('Target.closeTarget' as never, { targetId } as never);
      await cdp.detach();
    },
  };
}

/** A demo page, once the extension has read it (and the dashboard has redrawn its list, as LearnUpon's app does). */
async function openSite(url: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => {
    const redrawn = document.querySelector('#lu-course-list') ? performance.getEntriesByName('demo:dashboard:redrawn')[0] : { startTime: 0 };
    return !!redrawn && performance.getEntriesByName('mtc:renewal:read').some((m) => m.startTime >= redrawn.startTime);
  });
  return page;
}

/** The page as it is now, read by the reader outside the browser: what the panel must list. */
async function readOutside(page: Page): Promise<{ entries: PageCourse[]; reading: ReturnType<typeof explainReading>; doc: Document }> {
  const doc = loadPage(await page.content(), page.url());
  const entries = readLearnUponCourses(doc, 'day-first', { courseKey, titlePiece });
  return { entries, doc, reading: explainReading(entries, { courseOf: courseKey, otherPortal: new URL(page.url()).host !== 'ucl.learnupon.com' }) };
}

async function panelEntries(panel: Page) {
  return panel.$$eval(`${SECTION} li[data-mtc-read-entry]`, (els) =>
    els.map((e) => ({
      index: Number(e.getAttribute('data-mtc-read-entry')),
      course: e.getAttribute('data-mtc-course') || null,
      reason: e.getAttribute('data-mtc-reason') || null,
      text: (e as HTMLElement).innerText,
    })),
  );
}

const shape = (list: { index: number; course: string | null; reason: string | null }[]) => list.map(({ index, course, reason }) => ({ index, course, reason }));
const expectedShape = (r: ReturnType<typeof explainReading>) => [...r.counted, ...r.notCounted].map((e) => ({ index: e.index, course: e.course, reason: e.notCounted }));

/** The facts a report must keep: each entry's course, status, how it was found, and the kinds of its dates. */
function facts(entries: PageCourse[]) {
  return entries.map((c) => ({ course: courseKey(c.title), status: c.status, found: c.reading?.foundBy, kinds: c.reading?.dates.map((d) => d.kind) }));
}

function printedDates(doc: Document): string[] {
  return textNodes(doc.body)
    .flatMap((t) => datesInText(t.nodeValue ?? '', 'day-first'))
    .flatMap((iso) => [iso, portalDate(iso, 'day-first', 'numeric'), portalDate(iso, 'day-first', 'short'), portalDate(iso, 'day-first', 'long')]);
}

const whole = (s: string) => new RegExp(`(?<!\\d)${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\d)`);
const PERSONA_STRINGS = [PERSONA.name, PERSONA.email, PERSONA.personalEmail, 'Alex', 'Taylor', NHS_PORTAL.email, ...personaEnrollments().map((e) => e.id), ...nhsEnrollments(new Date()).map((e) => e.id)];

describe('the panel lists what the reader read, with its words', () => {
  it.each(VARIANTS)('%s', async (_, url) => {
    const page = await openSite(url);
    const panel = await openPanel();
    const { reading } = await readOutside(page);
    await expect.poll(async () => shape(await panelEntries(panel)), { timeout: 15_000 }).toEqual(expectedShape(reading));
    const shown = await panelEntries(panel);
    for (const entry of [...reading.counted, ...reading.notCounted]) {
      const text = shown.find((s) => s.index === entry.index)!.text;
      expect(text).toContain(`Shown as “${entry.titleShown}”`);
      if (entry.course) expect(text).toContain(`→ the catalogue’s “${entry.course}”`);
      if (entry.statusShown) expect(text).toContain(`Status shown: “${entry.statusShown}”`);
      for (const d of entry.dates) expect(text).toContain(`“${d.label}” ${d.text}`);
    }
    const total = reading.counted.length + reading.notCounted.length;
    // Polled: with no entries the list above matches at once, before the panel has its answer.
    await expect
      .poll(() => panel.locator(`${SECTION} [data-mtc-reading]`).innerText(), { timeout: 15_000 })
      .toContain(total ? `I read ${total} course ${total === 1 ? 'entry' : 'entries'} on this page` : 'I found no course entries on this page.');
    if (url.includes(NHS_PORTAL.host)) {
      expect(reading.counted).toEqual([]);
      expect(reading.notCounted.length).toBeGreaterThan(0);
      expect(await panel.locator(SECTION).innerText()).toContain('This is another organisation’s LearnUpon portal: nothing on it counts for UCL.');
      // Its catalogue courses are another portal's; the rest are not mandatory anywhere.
      expect(reading.notCounted.some((e) => e.notCounted === 'other-portal')).toBe(true);
      for (const s of shown.filter((e) => e.course)) expect(s.text).toContain(`Not counted: ${NHS_PORTAL.host} is another organisation’s portal, and its completions do not count for UCL`);
    }
    await panel.close();
    await page.close();
  });

  it('CybSafe: its one course, with the date it took', async () => {
    const page = await h.context.newPage();
    await page.goto('https://app.cybsafe.com/');
    const panel = await openPanel();
    await panel.waitForSelector(`${SECTION} li[data-mtc-read-entry]`);
    const [entry] = await panelEntries(panel);
    expect(entry).toMatchObject({ index: 0, course: 'Information Security Training', reason: null });
    expect(entry!.text).toMatch(/Completed on \d{1,2} \w{3} \d{4}, read from the page’s text/);
    await panel.close();
    await page.close();
  });
});

describe('in Chrome’s own side panel', () => {
  it('reads the tab beside it, outlines it, and the outlines go when the side panel closes', async () => {
    const page = await openSite(`${LU}/dashboard`);
    const { reading } = await readOutside(page);
    const panel = await openChromeSidePanel(page);
    // "What I read on this page" is in the Help view.
    await expect.poll(() => panel.evaluate(`(() => { const tab = document.querySelector('[role="tab"][data-mtc-view="help"]'); tab?.click(); const section = document.querySelector('${SECTION}'); return !!tab && !!section && !section.closest('[hidden]'); })()`), { timeout: 15_000 }).toBe(true);
    const entries = () => panel.evaluate(`[...document.querySelectorAll('${SECTION} li[data-mtc-read-entry]')].map((e) => ({ index: Number(e.dataset.mtcReadEntry), course: e.dataset.mtcCourse || null, reason: e.dataset.mtcReason || null }))`);
    await expect.poll(entries, { timeout: 15_000 }).toEqual(expectedShape(reading));
    await panel.evaluate(`document.querySelector('[data-mtc-action="show-on-page"]').click()`);
    await page.waitForSelector(OUTLINES, { state: 'attached' });
    await panel.close();
    await page.waitForSelector(OUTLINES, { state: 'detached' });
    await page.close();
  });
});

describe('it follows the active tab', () => {
  it('says in one line when the tab is not a covered site, and reads again on switching back and when the page changes', async () => {
    const dashboard = await openSite(`${LU}/dashboard`);
    const panel = await openPanel();
    const count = () => panelEntries(panel).then((list) => list.length);
    await expect.poll(count, { timeout: 15_000 }).toBe(7);
    const other = await h.context.newPage();
    await other.goto(`https://${UNCOVERED_HOST}/`);
    await other.bringToFront();
    await expect.poll(() => panel.locator(SECTION).innerText()).toContain('This tab is not LearnUpon or CybSafe, so there is nothing on it for me to read.');
    expect(await count()).toBe(0);
    await dashboard.bringToFront();
    await expect.poll(count, { timeout: 15_000 }).toBe(7);
    // The dashboard's "Completed" tab redraws the list: the panel reads it again.
    await dashboard.getByRole('tab', { name: /completed/i }).first().click();
    const completed = personaEnrollments().filter((e) => e.status === 'completed' || e.status === 'passed').length;
    await expect.poll(count, { timeout: 15_000 }).toBe(completed);
    await other.close();
    await panel.close();
    await dashboard.close();
  });
});

describe('Show on page', () => {
  /** The page's own elements' look, to prove the outlines change none of it. */
  const ownLook = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => !e.closest('[data-mtc]'))
        .map((e) => `${e.tagName}|${e.getAttribute('style') ?? ''}|${e.getAttribute('class') ?? ''}|${getComputedStyle(e).outline}`)
        .join('\n'),
    );

  /** Each outline's number, and whether the page under its middle shows that entry's title. */
  const outlined = (page: Page, titles: string[]) =>
    page.evaluate((titles) => {
      const root = document.querySelector('[data-mtc="outlines"]')?.shadowRoot;
      return [...(root?.querySelectorAll<HTMLElement>('[data-mtc-entry]') ?? [])].map((box) => {
        const index = Number(box.dataset.mtcEntry);
        box.scrollIntoView({ block: 'center' });
        const r = box.getBoundingClientRect();
        const under = document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return { index, label: box.textContent, onTitle: under.some((e) => e.textContent?.includes(titles[index]!) && !e.matches('html, body')) };
      });
    }, titles);

  it('outlines each entry read, and the outlines go when turned off and when the panel closes', async () => {
    const page = await openSite(`${LU}/dashboard`);
    const before = await ownLook(page);
    const panel = await openPanel();
    const { reading } = await readOutside(page);
    const all = [...reading.counted, ...reading.notCounted].sort((a, b) => a.index - b.index);
    const button = panel.getByRole('button', { name: 'Show on page' });
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    await page.waitForSelector(OUTLINES, { state: 'attached' });
    expect(await outlined(page, all.map((e) => e.titleShown))).toEqual(
      all.map((e) => ({ index: e.index, label: e.notCounted ? `${e.index + 1} · not counted` : `${e.index + 1}`, onTitle: true })),
    );
    expect(await ownLook(page)).toBe(before);
    expect(await axeViolations(page, OUTLINES)).toEqual([]);
    expect(await panel.locator(SECTION).innerText()).toContain(`Outlined ${all.length} entries on the page, numbered as listed here.`);

    await button.click();
    await page.waitForSelector(OUTLINES, { state: 'detached' });
    expect(await button.getAttribute('aria-pressed')).toBe('false');

    await button.click();
    await page.waitForSelector(OUTLINES, { state: 'attached' });
    await panel.close();
    await page.waitForSelector(OUTLINES, { state: 'detached' });
    expect(await ownLook(page)).toBe(before);
    await page.close();
  });

  it('goes with a navigation, and the panel reads the new page with "Show on page" off', async () => {
    const page = await openSite(`${LU}/dashboard`);
    const panel = await openPanel();
    const button = panel.getByRole('button', { name: 'Show on page' });
    await button.click();
    await page.waitForSelector(OUTLINES, { state: 'attached' });
    await page.goto(LU + variantPaths.learningPath);
    await page.waitForFunction(() => performance.getEntriesByName('mtc:renewal:read').length > 0);
    const { reading } = await readOutside(page);
    await expect.poll(async () => shape(await panelEntries(panel)), { timeout: 15_000 }).toEqual(expectedShape(reading));
    expect(await page.$(OUTLINES)).toBeNull();
    expect(await panel.getByRole('button', { name: 'Show on page' }).getAttribute('aria-pressed')).toBe('false');
    await panel.close();
    await page.close();
  });

  it('works from the keyboard alone', async () => {
    const page = await openSite(LU + variantPaths.learningPath);
    const panel = await openPanel();
    await panel.waitForSelector(`${SECTION} li[data-mtc-read-entry]`);
    await panel.getByRole('button', { name: 'Refresh' }).focus();
    await panel.keyboard.press('Tab');
    await expect.poll(() => panel.evaluate(() => document.activeElement?.getAttribute('data-mtc-action'))).toBe('show-on-page');
    await panel.keyboard.press('Enter');
    await page.waitForSelector(OUTLINES, { state: 'attached' });
    await panel.keyboard.press('Space');
    await page.waitForSelector(OUTLINES, { state: 'detached' });
    await panel.close();
    await page.close();
  });
});

describe('"This isn’t right"', () => {
  it('opens a manual entry for that course, prefilled, and saving it shows in the course list (keyboard only)', async () => {
    const prevent = personaEnrollments().find((e) => e.catalogueName === 'Prevent at UCL')!;
    const page = await openSite(`${LU}/dashboard`);
    const panel = await openPanel();
    const row = () => panel.locator('[data-mtc-list="courses"] > li[data-mtc-course="Prevent at UCL"]');
    await expect.poll(() => row().getAttribute('data-mtc-status')).toBe('overdue');
    const entry = panel.locator(`${SECTION} li[data-mtc-read-entry][data-mtc-course="Prevent at UCL"]`);
    const notRight = entry.getByRole('button', { name: /This isn’t right/ });
    await notRight.focus();
    await panel.keyboard.press('Enter');
    expect(await notRight.getAttribute('aria-expanded')).toBe('true');
    const date = entry.getByLabel('I completed this on');
    expect(await date.inputValue()).toBe(prevent.completedOn);
    const right = addDays(londonDate(), -10);
    await date.fill(right);
    // Enter in the date field saves the form.
    await date.focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => entry.getByRole('status').innerText()).toContain('Saved as a manual entry.');
    await expect.poll(() => row().getAttribute('data-mtc-status')).toBe('current');
    expect(await row().getAttribute('data-mtc-due')).toBe(addMonths(right, 36));
    // The course list is in the Courses view.
    await panel.click('[role="tab"][data-mtc-view="courses"]');
    await row().locator('summary').click();
    expect(await row().locator('table').innerText()).toMatch(/Entered by you \(manual\)/);
    expect(await axeViolations(panel)).toEqual([]);
    await panel.close();
    await page.close();
  });
});

describe('the page report', () => {
  it.each(VARIANTS)('%s: shown in full before it is copied or saved, nothing of the persona in it, and read back the same', async (_, url) => {
    // Playwright takes no chrome-extension: origin; the DevTools protocol does (for as long as its session lasts).
    const cdp = await h.context.browser()!.newBrowserCDPSession();
    for (const name of ['clipboard-read', 'clipboard-write']) {
      await cdp.send('Browser.setPermission' as never, { permission: { name }, setting: 'granted', origin: `chrome-extension://${h.extensionId}` } as never);
    }
    const page = await openSite(url);
    const panel = await openPanel();
    await panel.waitForSelector(`${SECTION} [data-mtc-reading="read"]`);
    // The clipboard is read from the focused page only.
    await panel.bringToFront();
    await panel.evaluate(() => navigator.clipboard.writeText('nothing yet'));
    await panel.getByRole('button', { name: /Copy a page report for the extension’s maintainers/ }).click();
    const shown = panel.getByLabel(/The whole report/);
    await shown.waitFor();
    const report = await shown.inputValue();
    // Shown, not yet copied: the user reads it first.
    expect(await panel.evaluate(() => navigator.clipboard.readText())).toBe('nothing yet');
    expect(await panel.locator(SECTION).innerText()).toMatch(/It keeps the page’s layout .* It replaces all other text/s);

    const { entries, doc } = await readOutside(page);
    for (const s of [...PERSONA_STRINGS, ...printedDates(doc)]) expect(whole(s).test(report), `“${s}” survived`).toBe(false);
    const again = readLearnUponCourses(loadPage(report, page.url()), 'day-first', { courseKey, titlePiece });
    expect(facts(again)).toEqual(facts(entries));
    expect(await panel.locator('[data-mtc-report-check]').getAttribute('data-mtc-report-check')).toBe('same');

    await panel.getByRole('button', { name: 'Copy the report' }).click();
    await expect.poll(() => panel.evaluate(() => navigator.clipboard.readText())).toBe(report);
    const download = panel.waitForEvent('download');
    await panel.getByRole('button', { name: 'Save it as a file' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`page-report-learnupon-${londonDate()}.html`);
    expect(readFileSync((await file.path())!, 'utf8')).toBe(report);
    expect(await axeViolations(panel)).toEqual([]);
    await cdp.detach();
    await panel.close();
    await page.close();
  });

  it('no CSP or console errors anywhere', () => {
    expect(cspErrors(h.consoleErrors)).toEqual([]);
    expect(realErrors(h.consoleErrors)).toEqual([]);
  });
});
