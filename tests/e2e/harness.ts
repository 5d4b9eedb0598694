// End-to-end harness: the built extension in real Chromium, the demo sites on loopback with the
// real hostnames mapped to them, and every console error collected.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { startDemoServer, type DemoMode, type DemoServer } from '../fixtures/server';
// @ts-expect-error plain ESM helper shared with the demo script
import { findChromium } from '../../scripts/chromium.mjs';

// MTC_EXTENSION_DIR: a private copy of the build, so a rebuild by someone else mid-run cannot pull files away.
export const EXTENSION_DIR = resolve(process.env.MTC_EXTENSION_DIR || resolve(import.meta.dirname, '../../.output/chrome-mv3'));

export interface Harness {
  context: BrowserContext;
  server: DemoServer;
  extensionId: string;
  worker: Worker;
  consoleErrors: string[];
  extensionUrl(page: string): string;
  openExtensionPage(page: 'popup.html' | 'sidepanel.html' | 'options.html' | 'team.html'): Promise<Page>;
  /** Presses the extension's toolbar button for the tab showing `page`, as a user's click would (grants activeTab). */
  pressToolbarButton(page: Page): Promise<void>;
  /** Opens an extension page in its own popup window, so the browser window's active tab stays the site. */
  openInPopupWindow(name: 'popup.html'): Promise<Page>;
  /** Resolves once one of the extension's content scripts has been injected into `page` (its isolated world exists). */
  waitForContentScript(page: Page): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  mode?: Partial<DemoMode>;
  today?: Date;
  /** Keep the profile directory (browser restart tests). */
  userDataDir?: string;
  /** Another build to load (e.g. `.output/edge-mv3`); by default EXTENSION_DIR. */
  extensionDir?: string;
  /**
   * Leave the welcome tab an install opens. By default the harness waits for it and closes it, so every
   * test starts with the same tabs as before the welcome page existed.
   */
  keepWelcome?: boolean;
}

/** The extension page a first install opens (utils/background/welcome.ts). */
export const WELCOME_PAGE = 'welcome.html';

/** The welcome tab an install opens, once it has its address; null if none opens within `timeout` ms. */
export async function welcomeTab(context: BrowserContext, url: string, timeout = 15_000): Promise<Page | null> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const tab = context.pages().find((p) => p.url() === url);
    if (tab) return tab;
    // A new tab, or a short while for one that opened blank to reach its address.
    await context.waitForEvent('page', { timeout: 250 }).catch(() => undefined);
  }
  return null;
}

/** Chromium's switches for the demo sites, apart from loading the extension (the bench launches one without it). */
export function browserArgs(server: Pick<DemoServer, 'hostResolverRules'>): string[] {
  return [
    `--host-resolver-rules=${server.hostResolverRules}, EXCLUDE localhost`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Lets a test press the toolbar button (CDP Extensions.triggerAction), which grants activeTab as a click does.
    '--enable-unsafe-extension-debugging',
  ];
}

export async function launch(options: LaunchOptions = {}): Promise<Harness> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first (npm run test:e2e does).`);
  }
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `node scripts/chromium.mjs` (installs Debian\'s chromium) or set CHROME_PATH.');
  const server = await startDemoServer({ mode: options.mode, today: options.today });
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'mtc-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...browserArgs(server)],
  });
  const consoleErrors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(`${page.url()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => consoleErrors.push(`${page.url()}: ${err.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  worker.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(`service worker: ${msg.text()}`);
  });
  const extensionId = new URL(worker.url()).host;
  const extensionUrl = (page: string) => `chrome-extension://${extensionId}/${page}`;
  // Chromium reports an extension loaded with --load-extension as installed at every start (a reused
  // profile too), so the welcome tab opens at every launch: wait for it and close it.
  // If none opens, carry on: the welcome test fails then, not every test.
  if (!options.keepWelcome && existsSync(join(extensionDir, WELCOME_PAGE))) await (await welcomeTab(context, extensionUrl(WELCOME_PAGE)))?.close();
  return {
    context,
    server,
    extensionId,
    worker,
    consoleErrors,
    extensionUrl,
    async openExtensionPage(name) {
      const page = await context.newPage();
      await page.goto(extensionUrl(name));
      return page;
    },
    async pressToolbarButton(page) {
      await page.bringToFront();
      const cdp = await context.browser()!.newBrowserCDPSession();
      const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as { targetInfos: { targetId: string; url: string }[] };
      const tab = targetInfos.find((t) => t.url === page.url());
      if (!tab) throw new Error(`no tab target for ${page.url()}`);
      await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
      await cdp.detach();
    },
    async openInPopupWindow(name) {
      const opened = context.waitForEvent('page', (p) => p.url().startsWith(extensionUrl(name)));
      await worker.evaluate((url) => (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.windows.create({ url, type: 'popup', width: 420, height: 700 }), extensionUrl(name));
      const page = await opened;
      await page.waitForLoadState();
      return page;
    },
    async waitForContentScript(page) {
      // The DevTools protocol reports every script world of the page, those already there included.
      const cdp = await context.newCDPSession(page);
      const origin = `chrome-extension://${extensionId}`;
      const injected = new Promise<void>((resolve) => {
        cdp.on('Runtime.executionContextCreated', (e: { context: { origin: string; auxData?: { type?: string } } }) => {
          if (e.context.origin === origin && e.context.auxData?.type === 'isolated') resolve();
        });
      });
      await cdp.send('Runtime.enable');
      await injected;
      await cdp.detach();
    },
    async close() {
      await context.close();
      await server.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Console errors that are not the demo sites' own missing favicons and the like. */
export function realErrors(errors: string[]): string[] {
  return errors.filter((e) => !/favicon\.ico/.test(e));
}

export function cspErrors(errors: string[]): string[] {
  return errors.filter((e) => /Content Security Policy|unsafe-eval|EvalError/i.test(e));
}
