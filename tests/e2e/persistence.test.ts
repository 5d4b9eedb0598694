// Records survive an extension reload (what an update does) and a browser restart (a persistent
// profile, closed and opened again); and backup and restore work from the settings page, end to end.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe';
import { cspErrors, EXTENSION_DIR, launch, realErrors, type Harness } from './harness';

const profileDir = mkdtempSync(join(tmpdir(), 'mtc-persist-'));
let h: Harness | null = null;
const errors: string[] = [];

beforeAll(async () => {
  h = await launch({ userDataDir: profileDir });
});
afterAll(async () => {
  await h?.close();
  rmSync(profileDir, { recursive: true, force: true });
});

/** What the side panel lists: each course with its status and due date, and how many completions its history holds. */
async function sidePanelView(harness: Harness) {
  const panel = await harness.openExtensionPage('sidepanel.html');
  await panel.waitForSelector('[data-mtc-list="courses"] li');
  const courses = await panel.$$eval('[data-mtc-list="courses"] > li', (items) =>
    items.map((li) => `${li.getAttribute('data-mtc-course')}|${li.getAttribute('data-mtc-status')}|${li.getAttribute('data-mtc-due')}`),
  );
  // Open every course's history (drawn on first opening) and count the completions listed.
  for (const summary of await panel.locator('[data-mtc-list="courses"] details > summary').all()) await summary.click();
  // Each history is drawn after its toggle event: wait until every one is there, not just the first.
  await panel.waitForFunction(() => [...document.querySelectorAll('[data-mtc-list="courses"] details')].every((d) => (d as HTMLDetailsElement).open && d.children.length > 1));
  const history = await panel.$$eval('[data-mtc-list="courses"] details tbody tr', (rows) => rows.length);
  await panel.close();
  return { courses, history };
}

async function seenDashboard(harness: Harness): Promise<void> {
  const page = await harness.context.newPage();
  await page.goto('https://ucl.learnupon.com/dashboard');
  await page.waitForSelector('[data-mtc="renewal"]');
  const cybsafe = await harness.context.newPage();
  await cybsafe.goto('https://app.cybsafe.com/');
  await cybsafe.waitForSelector('[data-mtc="renewal"]');
  // The records reach the store through the background: wait until the side panel sees them.
  await expect.poll(async () => (await sidePanelView(harness)).history, { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
  await page.close();
  await cybsafe.close();
}

describe('records survive', () => {
  let before: Awaited<ReturnType<typeof sidePanelView>>;

  it('are kept after visiting the sites', async () => {
    await seenDashboard(h!);
    before = await sidePanelView(h!);
    expect(before.courses.some((c) => /\|(current|due-soon|overdue)\|/.test(c))).toBe(true);
  });

  it('an extension reload (as an update does)', async () => {
    // Loading the same folder again is chrome://extensions' "Reload": the extension is torn down and
    // started afresh with the same id (chrome.runtime.reload() leaves a command-line extension unloaded).
    const gone = new Promise<void>((resolve) => h!.worker.once('close', () => resolve()));
    const cdp = await h!.context.browser()!.newBrowserCDPSession();
    const { id } = (await cdp.send('Extensions.loadUnpacked' as never, { path: EXTENSION_DIR } as never)) as { id: string };
    await cdp.detach();
    expect(id).toBe(h!.extensionId);
    await gone;
    // While it reloads, its pages are blocked for a moment: ask again until they open.
    await expect.poll(() => sidePanelView(h!).catch(() => null), { timeout: 20_000, interval: 500 }).toEqual(before);
  });

  it('a browser restart with the same profile', async () => {
    errors.push(...h!.consoleErrors);
    await h!.close();
    h = await launch({ userDataDir: profileDir });
    expect(await sidePanelView(h)).toEqual(before);
  });
});

describe('backup and restore from the settings page', () => {
  let backupPath = '';

  async function options(): Promise<Page> {
    const page = await h!.openExtensionPage('options.html');
    await page.waitForSelector('[data-mtc-section="backup"]');
    return page;
  }

  it('backs up everything to one file', async () => {
    const page = await options();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-mtc-action="backup"]')]);
    expect(download.suggestedFilename()).toMatch(/^mandatory-training-backup-\d{4}-\d{2}-\d{2}\.zip$/);
    backupPath = join(profileDir, '..', `${download.suggestedFilename()}-${Date.now()}`);
    await download.saveAs(backupPath);
    await expect.poll(() => page.locator('[data-mtc-backup-result="ok"]').innerText()).toMatch(/Downloaded mandatory-training-backup-.*training records/);
    expect(await axeViolations(page, '[data-mtc-section="backup"]')).toEqual([]);
    await page.close();
  });

  it('refuses a file that is not a backup, saying so, and changes nothing', async () => {
    const before = await sidePanelView(h!);
    const page = await options();
    await page.setInputFiles('[data-mtc-input="backup"]', { name: 'holiday.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\u0003\u0004 not really a zip, though it starts like one') });
    const error = page.locator('[data-mtc-backup-result="error"]');
    await expect.poll(() => error.innerText()).toMatch(/“holiday\.zip” was not restored\. .*damaged or incomplete.* Nothing was changed\./);
    expect(await page.$('[data-mtc-restore-preview]')).toBeNull();
    expect(await axeViolations(page, '[data-mtc-section="backup"]')).toEqual([]);
    await page.close();
    expect(await sidePanelView(h!)).toEqual(before);
  });

  it('shows what a restore replaces, and restores only when confirmed (by keyboard)', async () => {
    const before = await sidePanelView(h!);
    // Lose the records, as a reinstall would.
    const page = await options();
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const req = indexedDB.open('mandatory-training-companion');
        req.onsuccess = () => resolve(req.result);
      });
      const tx = db.transaction(['records', 'meta'], 'readwrite');
      tx.objectStore('records').clear();
      tx.objectStore('meta').clear();
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    });
    expect((await sidePanelView(h!)).history).toBe(0);

    await page.setInputFiles('[data-mtc-input="backup"]', { name: 'my-backup.zip', mimeType: 'application/zip', buffer: readFileSync(backupPath) });
    const preview = page.locator('[data-mtc-restore-preview]');
    await preview.waitFor();
    // Focus moves to the question, for keyboard and screen-reader users.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('restore-heading');
    const records = await preview.locator('[data-mtc-restore-row="records"]').innerText();
    expect(records).toMatch(/^Training records\s+0\s+\d+ \(latest \d{1,2} \w{3} \d{4}\)$/);
    expect(await preview.innerText()).toMatch(/replaces everything held now/);
    expect(await axeViolations(page, '[data-mtc-section="backup"]')).toEqual([]);

    await page.locator('[data-mtc-action="restore-confirm"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-mtc-backup-result="ok"]').innerText().catch(() => '')).toMatch(/Restored “my-backup\.zip”/);
    expect(await page.$('[data-mtc-restore-preview]')).toBeNull();
    await page.close();
    expect(await sidePanelView(h!)).toEqual(before);
  });

  it('cancel changes nothing', async () => {
    const page = await options();
    await page.setInputFiles('[data-mtc-input="backup"]', { name: 'my-backup.zip', mimeType: 'application/zip', buffer: readFileSync(backupPath) });
    await page.locator('[data-mtc-restore-preview]').waitFor();
    await page.click('[data-mtc-action="restore-cancel"]');
    await expect.poll(() => page.locator('[data-mtc-backup-result="ok"]').innerText()).toMatch(/Restore cancelled\. Nothing was changed\./);
    await page.close();
  });

  it('warns before storage runs out (above 90% of what the browser allows)', async () => {
    for (const name of ['options.html', 'sidepanel.html']) {
      const page = await h!.context.newPage();
      // The browser's own estimate, made to say 95% full: the pages read nothing else to decide.
      await page.addInitScript(() => {
        Object.defineProperty(navigator.storage, 'estimate', { value: async () => ({ usage: 950 * 2 ** 20, quota: 1000 * 2 ** 20 }) });
      });
      await page.goto(h!.extensionUrl(name));
      const notice = page.locator('[data-mtc-notice="storage"]');
      await expect.poll(() => notice.innerText().catch(() => '')).toMatch(/Storage is nearly full: 95% .* Make a backup/);
      expect(await axeViolations(page, '[data-mtc-notice="storage"]')).toEqual([]);
      await page.close();
    }
    const calm = await options();
    await calm.waitForTimeout(500);
    expect(await calm.$('[data-mtc-notice="storage"]')).toBeNull();
    await calm.close();
  });

  it('leaves no CSP or console errors', () => {
    const all = [...errors, ...h!.consoleErrors];
    expect(cspErrors(all)).toEqual([]);
    expect(realErrors(all)).toEqual([]);
  });
});
