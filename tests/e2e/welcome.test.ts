// The first-run welcome in the built extension: an install opens it once, it is readable and usable by
// keyboard, its links lead to the organisation's portal (from the stored profile) and to CybSafe; an
// update of the same profile opens nothing.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UCL_PROFILE } from '../../utils/catalogue/ucl';
import { axeViolations } from './axe';
import { cspErrors, EXTENSION_DIR, launch, realErrors, WELCOME_PAGE, type Harness } from './harness';

// A copy of the build this test may change (the update bumps its version), so .output stays untouched.
const extensionDir = mkdtempSync(join(tmpdir(), 'mtc-welcome-ext-'));
let h: Harness;
let welcome: Page;

const welcomeTabs = () => h.context.pages().filter((p) => p.url() === h.extensionUrl(WELCOME_PAGE));

beforeAll(async () => {
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  h = await launch({ extensionDir, keepWelcome: true });
});
afterAll(async () => {
  await h?.close();
  rmSync(extensionDir, { recursive: true, force: true });
});

describe('first-run welcome', () => {
  it('opens by itself on install, once', async () => {
    // Wait for the tab; never open it here.
    await expect.poll(() => welcomeTabs().length, { timeout: 30_000 }).toBe(1);
    welcome = welcomeTabs()[0]!;
    await welcome.waitForSelector('[data-mtc-welcome] h1');
    expect(welcomeTabs()).toHaveLength(1);
  });

  it('says what the extension does, how to pin it, the privacy promise, and links to both sites', async () => {
    const text = await welcome.locator('[data-mtc-welcome]').innerText();
    expect(text).toMatch(/Welcome to Mandatory Training Companion/);
    expect(text).toMatch(/when you must renew/);
    expect(text).toMatch(/Pin it to the toolbar/);
    expect(text).toMatch(/Open your LearnUpon dashboard and CybSafe once/);
    const privacy = (await welcome.locator('[data-mtc-welcome-privacy]').innerText()).split('\n').filter((l) => l.trim());
    expect(privacy).toHaveLength(2);
    expect(privacy[0]).toMatch(/stays in this browser, on this computer/);
    expect(privacy[1]).toMatch(/Nothing is sent anywhere/);
    expect(await welcome.locator('[data-mtc-welcome-link="learnupon"]').getAttribute('href')).toBe('https://ucl.learnupon.com/dashboard');
    expect(await welcome.locator('[data-mtc-welcome-link="cybsafe"]').getAttribute('href')).toBe('https://app.cybsafe.com/');
    expect(await axeViolations(welcome)).toEqual([]);
  });

  it('works by keyboard alone: Tab reaches each link, Enter opens the LearnUpon dashboard where the dates appear', async () => {
    await welcome.bringToFront();
    const focused: string[] = [];
    for (let i = 0; i < 6; i++) {
      await welcome.keyboard.press('Tab');
      focused.push(await welcome.evaluate(() => document.activeElement?.getAttribute('data-mtc-welcome-link') ?? document.activeElement?.textContent?.trim() ?? ''));
    }
    expect(focused.slice(0, 3)).toEqual(['learnupon', 'cybsafe', 'Change the settings']);

    await welcome.focus('[data-mtc-welcome-link="learnupon"]');
    const [dashboard] = await Promise.all([h.context.waitForEvent('page'), welcome.keyboard.press('Enter')]);
    await dashboard.waitForURL('https://ucl.learnupon.com/dashboard');
    await dashboard.waitForSelector('[data-mtc="renewal"]');
    await dashboard.close();
  });

  it('links to the portal named in the stored profile', async () => {
    await welcome.evaluate(
      (profile) => (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.storage.local.set({ profile }),
      { ...UCL_PROFILE, organisation: 'Example University', portalHost: 'example.learnupon.com' },
    );
    await welcome.reload();
    await expect.poll(() => welcome.locator('[data-mtc-welcome-link="learnupon"]').getAttribute('href')).toBe('https://example.learnupon.com/dashboard');
    expect(await welcome.locator('[data-mtc-welcome]').innerText()).toContain('Set up for Example University’s courses');
  });

  it('opens nothing when the extension is updated', async () => {
    await welcome.close();
    const manifestPath = join(extensionDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
    const next = `${manifest.version.split('.').slice(0, 2).join('.')}.${Number(manifest.version.split('.')[2] ?? 0) + 1}`;
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: next }));
    // Loading the same folder again with a higher version is an update (runtime.onInstalled reason "update").
    const cdp = await h.context.browser()!.newBrowserCDPSession();
    const { id } = (await cdp.send('Extensions.loadUnpacked' as never, { path: extensionDir } as never)) as { id: string };
    await cdp.detach();
    expect(id).toBe(h.extensionId);

    // The updated extension answers a page's message: its events before it (the update's onInstalled
    // among them) have been handled. A tab that page opens afterwards lands after any tab they opened.
    const page = await h.context.newPage();
    await page.goto(h.extensionUrl('options.html'));
    const answer = await page.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      await chrome.runtime.sendMessage({ type: 'profile-changed' });
      return chrome.runtime.getManifest().version;
    });
    expect(answer).toBe(next);
    const [probe] = await Promise.all([
      h.context.waitForEvent('page', (p) => p.url().endsWith('#after-update')),
      page.evaluate(() => (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.tabs.create({ url: 'about:blank#after-update' })),
    ]);
    expect(welcomeTabs()).toEqual([]);
    await probe.close();
    await page.close();
  });

  it('leaves no CSP or console errors', () => {
    expect(cspErrors(h.consoleErrors)).toEqual([]);
    expect(realErrors(h.consoleErrors)).toEqual([]);
  });
});
