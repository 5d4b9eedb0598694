// Records survive an extension reload (what an update does) and a browser restart (a persistent
// profile, closed and opened again); and backup and restore work from the settings page, end to end.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync } from 'node:fs';
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
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('restore-heading');
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
    // Once the page has read the browser's estimate (the section says so), there is no warning to come.
    await calm.waitForSelector('[data-mtc-section="backup"][data-mtc-storage-read]');
    expect(await calm.$('[data-mtc-notice="storage"]')).toBeNull();
    await calm.close();
  });

  /**
   * A restore cut short after its stores were replaced, as the settings page leaves it when closed then:
   * the journal with the settings to put in place, and the mark written with the stores (utils/backup/journal.ts).
   */
  async function leaveRestoreHalfDone(page: Page, id: string, organisation: string): Promise<void> {
    await page.evaluate(
      async ({ id, organisation }) => {
        const c = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
        const db = await new Promise<IDBDatabase>((resolve) => {
          const req = indexedDB.open('mandatory-training-companion');
          req.onsuccess = () => resolve(req.result);
        });
        const tx = db.transaction('meta', 'readwrite');
        tx.objectStore('meta').put({ id }, 'restore-committed');
        await new Promise((resolve) => (tx.oncomplete = resolve));
        db.close();
        const { profile } = await c.storage.local.get('profile');
        if (!profile) throw new Error('expected a saved profile to start from');
        await c.storage.local.set({ 'restore-journal': { id, fileName: `${id}.zip`, startedAt: new Date().toISOString(), settings: { profile: { ...(profile as object), organisation } } } });
      },
      { id, organisation },
    );
  }

  it('a restore cut short is finished when the settings page opens, and it says so', async () => {
    const page = await options();
    // Something to restore over: a saved profile.
    await page.fill('#organisation', 'UCL (before)');
    await page.click('button[type="submit"]');
    await expect.poll(() => page.locator('[data-mtc-options-message="ok"]').innerText().catch(() => '')).toMatch(/Saved/);
    await leaveRestoreHalfDone(page, 'cut-short', 'UCL (from the backup)');
    await page.close();

    const again = await options();
    await expect.poll(() => again.locator('[data-mtc-backup-status]').innerText()).toMatch(/The restore of “cut-short\.zip” was interrupted .* It has now been finished: everything is as in that backup\./);
    await expect.poll(() => again.inputValue('#organisation')).toBe('UCL (from the backup)');
    expect(await axeViolations(again, '[data-mtc-section="backup"]')).toEqual([]);
    await again.close();
  });

  it('a restore cut short is finished by the extension itself when it starts again (an update, a browser restart)', async () => {
    const page = await options();
    await leaveRestoreHalfDone(page, 'cut-before-restart', 'UCL (restored at start)');
    await page.close();
    // Restart the extension as an update does (see "an extension reload" above).
    const gone = new Promise<void>((resolve) => h!.worker.once('close', () => resolve()));
    const cdp = await h!.context.browser()!.newBrowserCDPSession();
    await cdp.send('Extensions.loadUnpacked' as never, { path: EXTENSION_DIR } as never);
    await cdp.detach();
    await gone;
    const worker = await h!.context.waitForEvent('serviceworker', { timeout: 30_000 });
    const local = () => worker.evaluate(() => (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.storage.local.get(null));
    // The worker finished it on its own, and left the outcome for the settings page to say.
    await expect.poll(local, { timeout: 20_000 }).toMatchObject({ profile: { organisation: 'UCL (restored at start)' }, 'restore-outcome': { outcome: 'finished', fileName: 'cut-before-restart.zip' } });
    expect(Object.keys(await local())).not.toContain('restore-journal');
    // While it reloads, its pages are blocked for a moment: ask again until one opens.
    let again: Page | null = null;
    await expect.poll(async () => (again = await options().catch(() => null)) !== null, { timeout: 20_000, interval: 500 }).toBe(true);
    await expect.poll(() => again!.locator('[data-mtc-backup-status]').innerText()).toMatch(/The restore of “cut-before-restart\.zip” was interrupted .* finished/);
    await again!.close();
  });

  it('a settings or backup file far too large is refused by its size, each with its own message', async () => {
    // Sparse files: as large as they say, and taking no room on disk.
    const big = (name: string, bytes: number) => {
      const path = join(profileDir, '..', `${Date.now()}-${name}`);
      closeSync(openSync(path, 'w'));
      truncateSync(path, bytes);
      return path;
    };
    const page = await options();
    const settings = big('training-profile.json', 600 * 1024 * 1024);
    await page.setInputFiles('input[aria-label="Settings file to import"]', settings);
    // Once, this was "The file is empty".
    await expect.poll(() => page.locator('[data-mtc-options-message="error"]').innerText().catch(() => '')).toMatch(
      /“.*training-profile\.json” was not imported; your current settings are unchanged\.\s+The file is too large to be a training profile \(600 MB; a profile is at most 1 MB\)\./,
    );
    const backup = big('backup.zip', 3 * 1024 ** 3);
    await page.setInputFiles('[data-mtc-input="backup"]', backup);
    await expect.poll(() => page.locator('[data-mtc-backup-result="error"]').innerText().catch(() => '')).toMatch(
      /“.*backup\.zip” was not restored\. The file is 3\.0 GB, too large to be a backup \(a backup is at most 2\.0 GB\)\. Nothing was changed\./,
    );
    await page.close();
    rmSync(settings);
    rmSync(backup);
  });

  it('leaves no CSP or console errors', () => {
    const all = [...errors, ...h!.consoleErrors];
    expect(cspErrors(all)).toEqual([]);
    expect(realErrors(all)).toEqual([]);
  });
});
