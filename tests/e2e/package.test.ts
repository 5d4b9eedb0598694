// The Chrome Web Store upload, as `npm run zip` makes it (npm run test:e2e does, before these tests):
// read back with an independent zip reader, checked file by file against its manifest, then unpacked
// and loaded in Chromium like a store install. With no zip it fails, it never skips.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { cspErrors, EXTENSION_DIR, launch, realErrors, type Harness } from './harness';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { version: string; packages: Record<string, { version?: string }> };
const ZIP = join(root, '.output', `${pkg.name}-${pkg.version}-chrome.zip`);

interface Manifest {
  name: string;
  description: string;
  version: string;
  default_locale?: string;
  icons?: Record<string, string>;
  action?: { default_popup?: string; default_icon?: Record<string, string>; default_title?: string };
  options_ui?: { page: string };
  side_panel?: { default_path: string };
  background?: { service_worker: string };
  content_scripts?: { js?: string[]; css?: string[] }[];
}

let files: Map<string, Uint8Array>;
let manifest: Manifest;
const unpacked = mkdtempSync(join(tmpdir(), 'mtc-zip-'));

/** Width and height from a PNG's header. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Every file under `dir`, as a path relative to `base` with forward slashes. */
function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, base) : [relative(base, full).split('\\').join('/')];
  });
}

beforeAll(async () => {
  if (!existsSync(ZIP)) throw new Error(`No store zip at ${ZIP}: run \`npm run zip\` first (npm run test:e2e does). This test does not skip.`);
  const zip = await JSZip.loadAsync(readFileSync(ZIP));
  files = new Map();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    files.set(entry.name, await entry.async('uint8array'));
  }
  manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json'))) as Manifest;
  for (const [name, bytes] of files) {
    mkdirSync(dirname(join(unpacked, name)), { recursive: true });
    writeFileSync(join(unpacked, name), bytes);
  }
});
afterAll(() => rmSync(unpacked, { recursive: true, force: true }));

describe('the store zip', () => {
  it('holds the build exactly: no source maps, tests, sources or stray files', () => {
    const names = [...files.keys()].sort();
    expect(names).toContain('manifest.json');
    expect(names).toEqual(listFiles(EXTENSION_DIR).sort());
    for (const name of names) {
      expect(name, name).not.toMatch(/\.map$|\.test\.|(^|\/)tests?\/|\.tsx?$|(^|\/)\.|node_modules|\.svg$/);
    }
    for (const [name, bytes] of files) {
      if (/\.(js|css|html)$/.test(name)) expect(new TextDecoder().decode(bytes), name).not.toMatch(/sourceMappingURL/);
    }
  });

  it('has the version of package.json, the one place `npm version` bumps', () => {
    expect(manifest.version).toBe(pkg.version);
    expect(lock.version).toBe(pkg.version);
    expect(lock.packages['']?.version).toBe(pkg.version);
  });

  it('takes its name and description from _locales/en_GB, within the store’s limits', () => {
    expect(manifest.default_locale).toBe('en_GB');
    const messages = JSON.parse(new TextDecoder().decode(files.get('_locales/en_GB/messages.json'))) as Record<string, { message: string }>;
    const resolveMessage = (value: string) => value.replace(/^__MSG_(\w+)__$/, (_, key: string) => messages[key]?.message ?? `missing message ${key}`);
    expect(resolveMessage(manifest.name)).toBe('Mandatory Training Companion');
    expect(resolveMessage(manifest.name).length).toBeLessThanOrEqual(75);
    const description = resolveMessage(manifest.description);
    expect(description).toMatch(/LearnUpon and CybSafe/);
    expect(description.length).toBeLessThanOrEqual(132);
  });

  it('holds every file the manifest and its pages name, and icons of the sizes they claim', () => {
    const named = [
      manifest.background?.service_worker,
      manifest.action?.default_popup,
      manifest.options_ui?.page,
      manifest.side_panel?.default_path,
      ...(manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
    ];
    for (const name of named) expect(files.has(name!), `${name}`).toBe(true);
    for (const page of ['popup.html', 'sidepanel.html', 'options.html', 'team.html', 'welcome.html']) {
      const html = new TextDecoder().decode(files.get(page));
      for (const [, ref] of html.matchAll(/(?:src|href)="\/([^"]+)"/g)) expect(files.has(ref!), `${page} → ${ref}`).toBe(true);
    }
    const icons = { ...manifest.icons, ...Object.fromEntries(Object.entries(manifest.action?.default_icon ?? {}).map(([k, v]) => [`action ${k}`, v])) };
    expect(Object.keys(manifest.icons ?? {}).sort()).toEqual(['128', '16', '32', '48']);
    for (const [size, path] of Object.entries(icons)) {
      const px = Number(size.replace('action ', ''));
      expect(pngSize(files.get(path)!), path).toEqual({ width: px, height: px });
    }
    for (const px of [16, 32]) expect(pngSize(files.get(`icon/attention/${px}.png`)!)).toEqual({ width: px, height: px });
  });
});

describe('the store zip, installed in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ extensionDir: unpacked });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('runs: badges on the dashboard, the toolbar count, and the popup', async () => {
    const dashboard = await h.context.newPage();
    await dashboard.goto('https://ucl.learnupon.com/dashboard');
    await dashboard.waitForSelector('[data-mtc="renewal"]');
    await expect
      .poll(() => h.worker.evaluate(() => (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.action.getBadgeText({})))
      .toMatch(/^[1-9]\d*$/);
    const popup = await h.openExtensionPage('popup.html');
    await popup.waitForSelector('[data-mtc-list="courses"] li');
    expect(await popup.locator('[data-mtc-list="courses"] > li').count()).toBeGreaterThan(0);
    // The package's locale file works: Chrome filled the manifest's __MSG_extName__ from it at install.
    // (Not chrome.i18n.getMessage: in this Chromium it answers '' for the whole life of some launches, the
    // same build answering right in the next: seen for main's build and this one alike.)
    expect(await popup.evaluate(() => (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.runtime.getManifest().name)).toBe('Mandatory Training Companion');
  });

  it('draws its 16 px icons crisply: the states differ, in solid colours a toolbar can show', async () => {
    const page: Page = await h.context.newPage();
    const colours = async (path: string) => {
      await page.goto(h.extensionUrl(path));
      return page.evaluate(() => {
        const img = document.querySelector('img')!;
        const canvas = Object.assign(document.createElement('canvas'), { width: 16, height: 16 });
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const data = ctx.getImageData(0, 0, 16, 16).data;
        const count = { opaque: 0, blue: 0, green: 0, red: 0 };
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
          if (a < 250) continue;
          count.opaque++;
          if (b > 110 && r < 60 && g < 90) count.blue++;
          if (g > 100 && r < 60 && b < 100) count.green++;
          if (r > 150 && g < 70 && b < 70) count.red++;
        }
        return count;
      });
    };
    const normal = await colours('icon/16.png');
    const attention = await colours('icon/attention/16.png');
    // Most of the square is solid (a legible shape, not a faint smudge), with the state's own colour.
    expect(normal.opaque).toBeGreaterThanOrEqual(160);
    expect(normal.blue).toBeGreaterThan(20);
    expect(normal.green).toBeGreaterThan(6);
    expect(normal.red).toBe(0);
    expect(attention.opaque).toBeGreaterThanOrEqual(160);
    expect(attention.red).toBeGreaterThan(30);
    expect(attention.green).toBe(0);
    await page.close();
  });

  it('opens its pages accessibly and without CSP or console errors', async () => {
    const welcome = await h.context.newPage();
    await welcome.goto(h.extensionUrl('welcome.html'));
    await welcome.waitForSelector('[data-mtc-welcome] h1');
    expect(await axeViolations(welcome)).toEqual([]);
    await welcome.close();
    expect(cspErrors(h.consoleErrors)).toEqual([]);
    expect(realErrors(h.consoleErrors)).toEqual([]);
  });
});
