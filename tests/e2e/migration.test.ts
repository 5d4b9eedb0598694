// Existing users' data survives the update to this version, in real Chromium: the release before the
// declared data layer (tests/fixtures/release/chrome-mv3.zip) is installed and used — the demo sites
// read, settings saved, an alert dismissed (its content script wrote storage then), and the schema-2
// fixture database (tests/fixtures/db/v2.json) loaded into its IndexedDB — then the current build
// replaces it in the same folder (same extension id, as an update keeps) and everything is found again.
// Then the schema migrations: a schema-1 database (tests/fixtures/db/v1.json) is upgraded once, and
// never again at later starts; and a database of a later version than this build knows is refused in
// words, with nothing written and nothing deleted.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL } from '@/utils/data/local';
import { META } from '@/utils/data/meta';
import { STORES } from '@/utils/data/stores';
import { ProfileSchema } from '@/utils/data/profile';
import type { CompletionRecord } from '@/utils/records';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { londonDate } from '@/utils/dates/calendar';
import { summariseCourses } from '@/utils/renewal/summary';
import { startDemoServer, type DemoServer } from '../fixtures/server';
import type { FixtureFile } from '../fixtures/db/dump';
import { browserArgs, EXTENSION_DIR } from './harness';
import { DB_VERSION } from '@/utils/store/db';
// @ts-expect-error plain ESM helper shared with the demo script
import { findChromium } from '../../scripts/chromium.mjs';

const RELEASE_ZIP = join(import.meta.dirname, '../fixtures/release/chrome-mv3.zip');
const V2 = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/db/v2.json'), 'utf8')) as FixtureFile;
const V1 = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/db/v1.json'), 'utf8')) as FixtureFile;

const root = mkdtempSync(join(tmpdir(), 'mtc-migration-'));
/** Where the extension is loaded from: the release first, then the current build, as an update replaces it. */
const extensionDir = join(root, 'extension');
const profileDir = join(root, 'profile');
let server: DemoServer;

function installRelease(): void {
  for (const [path, bytes] of Object.entries(unzipSync(readFileSync(RELEASE_ZIP)))) {
    if (path.endsWith('/')) continue;
    mkdirSync(dirname(join(extensionDir, path)), { recursive: true });
    writeFileSync(join(extensionDir, path), bytes);
  }
}

/**
 * The current build in the release's place, with a later version number, as every real update has:
 * Chromium keeps running the service worker it has for a version it already installed.
 */
function installCurrentBuild(): void {
  rmSync(extensionDir, { recursive: true, force: true });
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { version: string };
  const release = JSON.parse(new TextDecoder().decode(unzipSync(readFileSync(RELEASE_ZIP), { filter: (f) => f.name === 'manifest.json' })['manifest.json'])) as { version: string };
  if (manifest.version === release.version) manifest.version = `${release.version}.1`;
  writeFileSync(join(extensionDir, 'manifest.json'), JSON.stringify(manifest));
}

interface Browser {
  context: BrowserContext;
  worker: Worker;
  page(name: string): Promise<Page>;
}

/** Chromium on a profile (by default the release's, updated in place) with the extension in `extension`. */
async function open(where: { profile: string; extension: string } = { profile: profileDir, extension: extensionDir }): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `node scripts/chromium.mjs` (installs Debian\'s chromium) or set CHROME_PATH.');
  const context = await chromium.launchPersistentContext(where.profile, {
    executablePath,
    headless: true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    args: [`--disable-extensions-except=${where.extension}`, `--load-extension=${where.extension}`, ...browserArgs(server)],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const id = new URL(worker.url()).host;
  return {
    context,
    worker,
    async page(name) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/${name}`);
      return page;
    },
  };
}

/**
 * Everything the extension keeps, read from one of its pages: every store (Blobs and buffers as their
 * bytes) and storage.local. The same function reads it before and after the update.
 */
async function everything(page: Page): Promise<{ stores: Record<string, { key: unknown; value: unknown }[]>; local: Record<string, unknown> }> {
  return page.evaluate(async () => {
    const plain = async (v: unknown): Promise<unknown> => {
      if (v instanceof Blob) return { blob: v.type, bytes: Array.from(new Uint8Array(await v.arrayBuffer())) };
      if (v instanceof ArrayBuffer) return { buffer: Array.from(new Uint8Array(v)) };
      if (Array.isArray(v)) return Promise.all(v.map(plain));
      if (v && typeof v === 'object') return Object.fromEntries(await Promise.all(Object.entries(v).map(async ([k, x]) => [k, await plain(x)])));
      return v;
    };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('mandatory-training-companion');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const stores: Record<string, { key: unknown; value: unknown }[]> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      const [keys, values] = await new Promise<[IDBValidKey[], unknown[]]>((resolve) => {
        const tx = db.transaction(name);
        const k = tx.objectStore(name).getAllKeys();
        const v = tx.objectStore(name).getAll();
        tx.oncomplete = () => resolve([k.result, v.result]);
      });
      stores[name] = await Promise.all(keys.map(async (key, i) => ({ key, value: await plain(values[i]) })));
    }
    db.close();
    const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome;
    return { stores, local: await c.storage.local.get(null) };
  });
}

/** The values a later version may rebuild, or that belong to the moment: left out when comparing. */
const derived = new Set(Object.entries(META).filter(([, d]) => d.backup !== 'carried').map(([k]) => k));
const comparable = (all: Awaited<ReturnType<typeof everything>>) => ({
  ...all,
  stores: { ...all.stores, meta: all.stores.meta!.filter((e) => !derived.has(e.key as string)) },
});

/** The side panel's courses (`name|status|due`) and how many completions their histories hold. */
async function sidePanel(b: Browser): Promise<{ courses: string[]; history: number; evidence: string[] }> {
  const panel = await b.page('sidepanel.html');
  await panel.waitForSelector('[role="tablist"], [data-mtc-list="courses"] li');
  const coursesView = panel.locator('[role="tab"][data-mtc-view="courses"]');
  if (await coursesView.count()) await coursesView.click();
  await panel.waitForSelector('[data-mtc-list="courses"] li');
  const courses = await panel.$$eval('[data-mtc-list="courses"] > li', (items) => items.map((li) => `${li.getAttribute('data-mtc-course')}|${li.getAttribute('data-mtc-status')}|${li.getAttribute('data-mtc-due')}`));
  for (const summary of await panel.locator('[data-mtc-list="courses"] details > summary').all()) await summary.click();
  await panel.waitForFunction(() => [...document.querySelectorAll('[data-mtc-list="courses"] details')].every((d) => (d as HTMLDetailsElement).open && d.children.length > 1));
  const history = await panel.$$eval('[data-mtc-list="courses"] details tbody tr', (rows) => rows.length);
  // Since the side panel has views by task (issue 13), the locker is under Evidence; the release before it had one page.
  const evidenceView = panel.locator('[role="tab"][data-mtc-view="evidence"]');
  if (await evidenceView.count()) await evidenceView.click();
  await panel.waitForSelector('[data-mtc-list="evidence"] tbody tr');
  // Each item and whether it counts (this version names the organisation from the settings, not “UCL”).
  const evidence = await panel.$$eval('[data-mtc-list="evidence"] tbody tr', (rows) => rows.map((r) => (r as HTMLElement).innerText.split('\t')[0]!.replace(/ \(does not count for .*\)$/, ' (does not count)')));
  await panel.close();
  return { courses, history, evidence };
}

/** The side panel's course lines as this version's rules make them from what the release stored. */
function courseLines(all: Awaited<ReturnType<typeof everything>>): string[] {
  const records = all.stores.records!.map((e) => e.value as CompletionRecord);
  const stored = ProfileSchema.safeParse(all.local.profile);
  return summariseCourses(records, stored.success ? stored.data : UCL_PROFILE, londonDate()).map((s) => `${s.course.name}|${s.status}|${s.due ?? ''}`);
}

let before: { all: Awaited<ReturnType<typeof everything>>; panel: Awaited<ReturnType<typeof sidePanel>>; organisation: string };

beforeAll(async () => {
  server = await startDemoServer();
  installRelease();
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

/** A browser on the shared profile (or `where`) for `work`, closed afterwards whatever happens. */
async function using<T>(work: (b: Browser) => Promise<T>, where?: { profile: string; extension: string }): Promise<T> {
  const b = await open(where);
  try {
    return await work(b);
  } finally {
    await b.context.close();
  }
}

/**
 * Installs what is now in the extension's folder as Chromium installs an update (the same id, a new
 * service worker): a browser started on the new files alone keeps running the worker it had.
 */
async function update(b: Browser): Promise<Browser> {
  const gone = new Promise<void>((resolve) => b.worker.once('close', () => resolve()));
  const next = b.context.waitForEvent('serviceworker', { timeout: 30_000 });
  const cdp = await b.context.browser()!.newBrowserCDPSession();
  await cdp.send('Extensions.loadUnpacked' as never, { path: extensionDir } as never);
  await cdp.detach();
  await gone;
  const worker = await next;
  expect(await worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string } } } }).chrome.runtime.getManifest().version)).not.toBe('0.1.0');
  const id = new URL(worker.url()).host;
  return {
    ...b,
    worker,
    async page(name) {
      // While it reloads, its pages are blocked for a moment: ask again until one opens.
      let page: Page | null = null;
      await expect
        .poll(async () => {
          page = await b.context.newPage();
          const ok = await page.goto(`chrome-extension://${id}/${name}`).then(() => true, () => false);
          if (!ok) await page.close();
          return ok;
        }, { timeout: 20_000, interval: 500 })
        .toBe(true);
      return page!;
    },
  };
}

/** Runs `expression` in our content script's isolated world on `page`. */
async function inContentScript(b: Browser, page: Page, expression: string): Promise<unknown> {
  const cdp = await b.context.newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; name: string; auxData?: { type?: string } } }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const ours = () => contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Mandatory Training Companion');
  await expect.poll(() => ours() !== undefined).toBe(true);
  const { result } = (await cdp.send('Runtime.evaluate', { contextId: ours()!.id, awaitPromise: true, returnByValue: true, expression })) as { result: { value: unknown } };
  await cdp.detach();
  return result.value;
}

/** The fixture database, as plain data for the page (its binary parts as base64 in `files`). */
type Fixture = { files: Record<string, string>; stores: { name: string; keyPath: unknown; entries: { key?: unknown; value: unknown }[] }[] };

/** Adds every entry of the fixture database to the extension's own, from one of its pages. */
async function loadFixture(page: Page, fixture: Fixture): Promise<void> {
  await page.evaluate(async (fixture: Fixture) => {
    const bytes = (ref: string) => Uint8Array.from(atob(fixture.files[ref]!), (ch) => ch.charCodeAt(0));
    const decode = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(decode);
      if (!v || typeof v !== 'object') return v;
      const o = v as Record<string, unknown>;
      if (o.$mtc === 'blob') return new Blob([bytes(o.file as string)], { type: o.type as string });
      if (o.$mtc === 'buffer') return bytes(o.file as string).buffer;
      if (o.$mtc) throw new Error(`fixture value not handled: ${String(o.$mtc)}`);
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decode(x)]));
    };
    const db = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open('mandatory-training-companion');
      req.onsuccess = () => resolve(req.result);
    });
    const tx = db.transaction(fixture.stores.map((s) => s.name), 'readwrite');
    for (const s of fixture.stores) {
      for (const e of s.entries) {
        // The dashboard's own note (it did list courses) stays the release's.
        if (s.name === 'meta' && e.key === 'empty-page:learnupon') continue;
        if (s.keyPath === null) tx.objectStore(s.name).put(decode(e.value), e.key as IDBValidKey);
        else tx.objectStore(s.name).put(decode(e.value));
      }
    }
    // Records written behind the records store's back: its copies derived from them go, as the release's
    // own store does on every change, so its pages show the records that are really there.
    for (const key of ['records-cache', 'records-basis']) tx.objectStore('meta').delete(key);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, fixture);
}

const SIGN_IN_ERROR = 'https://login.microsoftonline.com/error?code=50020';

describe('an update from the release before the data layer', () => {
  it('the release is used as a person would: sites read, settings saved, an alert dismissed, and the schema-2 database', async () => {
    before = await using(async (b) => {
      // The sites, read by the release's content scripts.
      for (const url of ['https://ucl.learnupon.com/dashboard', 'https://app.cybsafe.com/']) {
        const page = await b.context.newPage();
        await page.goto(url);
        await page.waitForSelector('[data-mtc="renewal"]');
        await page.close();
      }
      // An alert dismissed: the release's content script wrote that to storage.local itself.
      const signIn = await b.context.newPage();
      await signIn.goto(SIGN_IN_ERROR);
      await signIn.waitForSelector('[data-mtc="alert"][data-mtc-alert="wrong-account"]');
      await signIn.locator('[data-mtc="alert"] >> button', { hasText: 'Dismiss' }).click();
      const local = () => b.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('dismissed-alerts'));
      await expect.poll(local).toMatchObject({ 'dismissed-alerts': { 'https://login.microsoftonline.com/error|wrong-account': expect.any(Number) } });
      await signIn.close();
      // Settings saved on the settings page.
      const options = await b.page('options.html');
      await options.waitForSelector('#organisation');
      await options.fill('#organisation', 'UCL (Physics)');
      await options.click('button[type="submit"]');
      await expect.poll(() => options.locator('[data-mtc-options-message="ok"]').innerText().catch(() => '')).toMatch(/Saved/);
      // The schema-2 fixture database's every store, added through the release's own origin.
      await loadFixture(options, V2 as unknown as Fixture);
      await options.reload();
      await options.waitForSelector('#organisation');
      const seen = { all: await everything(options), panel: await sidePanel(b), organisation: await options.inputValue('#organisation') };
      await options.close();
      return seen;
    });
    expect(before.panel.history).toBeGreaterThanOrEqual(5);
    expect(before.panel.evidence).toHaveLength(2);
    expect(before.all.stores.teamReport).toHaveLength(1);
    expect(before.all.stores.timeLog).toHaveLength(2);
  });

  it('after the update, everything the release kept is found: records, evidence, settings, Team data, time log, dismissals', async () => {
    installCurrentBuild();
    await using(async (opened) => {
      const b = await update(opened);
      const options = await b.page('options.html');
      await options.waitForSelector('#organisation');
      expect(comparable(await everything(options))).toEqual(comparable(before.all));
      expect(await options.inputValue('#organisation')).toBe(before.organisation);
      // The same records, judged by this version's rules (which may differ from the release's: a course
      // never completed is now due on the date its platform set).
      expect(await sidePanel(b)).toEqual({ ...before.panel, courses: courseLines(before.all) });
      // The dismissal the release's content script wrote is honoured by this version's background.
      const signIn = await b.context.newPage();
      await signIn.goto(SIGN_IN_ERROR);
      expect(await inContentScript(b, signIn, `chrome.runtime.sendMessage({ type: 'is-alert-dismissed', kind: 'wrong-account' })`)).toEqual({ dismissed: true });
      await signIn.close();
      // The Team page shows the report the fixture held.
      const team = await b.page('team.html');
      await expect.poll(() => team.locator('[data-mtc-team-report]').innerText().catch(() => '')).toMatch(/Report “team-report\.xlsx”/);
      await team.close();
      // Everything held is declared in this version's utils/data/ (the guard, in a real profile).
      const now = await everything(options);
      expect(Object.keys(now.stores).sort()).toEqual(Object.keys(STORES).sort());
      for (const e of now.stores.meta!) expect(Object.keys(META), `meta “${String(e.key)}”`).toContain(e.key);
      for (const key of Object.keys(now.local)) expect(Object.keys(LOCAL), `storage.local “${key}”`).toContain(key);
      await options.close();
    });
  });
});

/**
 * Replaces the extension's database, from one of its pages, by one at `version` holding `fixture`: the
 * stores that version had (utils/data/stores.ts, `since`), filled in the same upgrade transaction, so no
 * other open can come between. The extension's own connections close when asked (utils/store/db.ts).
 */
async function plantDatabase(page: Page, version: number, fixture: Fixture): Promise<number> {
  const stores = Object.entries(STORES)
    .filter(([, d]) => d.since <= version)
    .map(([name, d]) => ({ name, keyPath: d.keyPath, autoIncrement: d.autoIncrement, indexes: d.indexes as Record<string, string> }));
  return page.evaluate(
    async ({ version, fixture, stores }) => {
      const bytes = (ref: string) => Uint8Array.from(atob(fixture.files[ref]!), (ch) => ch.charCodeAt(0));
      const decode = (v: unknown): unknown => {
        if (Array.isArray(v)) return v.map(decode);
        if (!v || typeof v !== 'object') return v;
        const o = v as Record<string, unknown>;
        if (o.$mtc === 'blob') return new Blob([bytes(o.file as string)], { type: o.type as string });
        if (o.$mtc === 'buffer') return bytes(o.file as string).buffer;
        if (o.$mtc) throw new Error(`fixture value not handled: ${String(o.$mtc)}`);
        return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decode(x)]));
      };
      const name = 'mandatory-training-companion';
      // Queued one after the other: nothing can open the database between the delete and the new one.
      indexedDB.deleteDatabase(name);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name, version);
        req.onupgradeneeded = () => {
          const tx = req.transaction!;
          for (const s of stores) {
            const store = req.result.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
            for (const [index, path] of Object.entries(s.indexes)) store.createIndex(index, path);
          }
          for (const s of fixture.stores) {
            for (const e of s.entries) {
              if (s.keyPath === null) tx.objectStore(s.name).put(decode(e.value), e.key as IDBValidKey);
              else tx.objectStore(s.name).put(decode(e.value));
            }
          }
        };
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      db.close();
      return db.version;
    },
    { version, fixture, stores },
  );
}

/** The database's own log of its upgrades (utils/store/db.ts), as `from→to`, and its version on disk. */
async function upgrades(page: Page): Promise<{ version: number; log: string[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('mandatory-training-companion');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const log = await new Promise<{ from: number; to: number }[] | undefined>((resolve) => {
      const req = db.transaction('meta').objectStore('meta').get('schema-upgrades');
      req.onsuccess = () => resolve(req.result as never);
    });
    db.close();
    return { version: db.version, log: (log ?? []).map((u) => `${u.from}→${u.to}`) };
  });
}

describe('schema migrations in a real profile', () => {
  const where = { profile: join(root, 'profile-v1'), extension: join(root, 'current') };
  const v1 = V1 as unknown as Fixture;
  const v1Records = v1.stores.find((s) => s.name === 'records')!.entries.length;
  let afterUpgrade: Awaited<ReturnType<typeof everything>>;

  it('a schema-1 database is brought up to date once, keeping everything it held', async () => {
    cpSync(EXTENSION_DIR, where.extension, { recursive: true });
    afterUpgrade = await using(async (b) => {
      const page = await b.page('welcome.html');
      // Made at version 1 (the delete before it leaves no later version to refuse it).
      expect(await plantDatabase(page, 1, v1)).toBe(1);
      // The side panel opens the database (if the worker has not already): the upgrade runs, once, and
      // the schema-1 records are there.
      const panel = await b.page('sidepanel.html');
      await panel.waitForSelector('[data-mtc-list="courses"] li');
      expect(await upgrades(page)).toEqual({ version: DB_VERSION, log: [`1→${DB_VERSION}`] });
      const all = await everything(page);
      expect(all.stores.records).toHaveLength(v1Records);
      expect(Object.keys(all.stores).sort()).toEqual(Object.keys(STORES).sort());
      return all;
    }, where);
  });

  it('later starts upgrade nothing and change nothing', async () => {
    for (let start = 0; start < 2; start++) {
      await using(async (b) => {
        const panel = await b.page('sidepanel.html');
        await panel.waitForSelector('[data-mtc-list="courses"] li');
        expect(await upgrades(panel)).toEqual({ version: DB_VERSION, log: [`1→${DB_VERSION}`] });
        expect(comparable(await everything(panel))).toEqual(comparable(afterUpgrade));
      }, where);
    }
  });

  it('a database of a later version is refused in words: nothing written, nothing deleted', async () => {
    let planted: Awaited<ReturnType<typeof everything>>;
    await using(async (b) => {
      const page = await b.page('welcome.html');
      // What a later version's migration would do: its schema number, and a store this build does not know.
      await page.evaluate(async (version) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('mandatory-training-companion', version);
          req.onupgradeneeded = () => req.result.createObjectStore('laterVersion').put({ kept: true }, 'k');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        db.close();
      }, DB_VERSION + 1);
      planted = await everything(page);
      expect(comparable({ ...planted, stores: { ...planted.stores, laterVersion: [] } })).toEqual(comparable({ ...afterUpgrade, stores: { ...afterUpgrade.stores, laterVersion: [] } }));
      expect(planted.stores.laterVersion).toEqual([{ key: 'k', value: { kept: true } }]);
    }, where);
    // A fresh start on it: the worker, the pages, the toolbar.
    await using(async (b) => {
      const panel = await b.page('sidepanel.html');
      await expect.poll(() => panel.locator('body').innerText(), { timeout: 15_000 }).toMatch(/saved by a newer version of Mandatory Training Companion than this one, so this version cannot show them\. Nothing has been changed or deleted\. Update the extension/);
      const popup = await b.page('popup.html');
      await expect.poll(() => popup.locator('body').innerText(), { timeout: 15_000 }).toMatch(/saved by a newer version of Mandatory Training Companion/);
      const options = await b.page('options.html');
      await options.waitForSelector('[data-mtc-newer-data]');
      expect(await options.locator('button[type="submit"]').isDisabled()).toBe(true);
      expect(await options.locator('#organisation').isDisabled()).toBe(true);
      expect(await options.locator('[data-mtc-section="backup"], [data-mtc-action="backup"]').count()).toBe(0);
      const title = () => b.worker.evaluate(() => (globalThis as unknown as { chrome: { action: { getTitle(d: object): Promise<string> } } }).chrome.action.getTitle({}));
      await expect.poll(title, { timeout: 15_000 }).toMatch(/update the extension to see your training records/);
      expect(await everything(options)).toEqual(planted);
      for (const p of [panel, popup, options]) await p.close();
    }, where);
  });
});
