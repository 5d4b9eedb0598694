// `npm run demo`: builds the extension, starts the demo sites on loopback, and opens Chromium with the
// extension loaded and the real hostnames mapped to the demo server, on the LearnUpon dashboard.
// With no display (or --headless) it runs headless, saves screenshots into demo-output/, prints what
// the extension found, and exits. With --store-assets it makes the Chrome Web Store's pictures instead
// (scripts/store-assets.ts), into store-assets/.
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startDemoServer } from '../tests/fixtures/server';
import { WELCOME_PAGE, welcomeTab } from '../tests/e2e/harness';
import { makeStoreAssets } from './store-assets';
// @ts-expect-error plain ESM helper
import { ensureChromium } from './chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const extensionDir = join(root, '.output/chrome-mv3');
const outDir = join(root, 'demo-output');
const storeAssets = process.argv.includes('--store-assets');
const headless = process.argv.includes('--headless') || storeAssets || !process.env.DISPLAY;

async function main() {
  const executablePath: string = ensureChromium();
  if (!process.argv.includes('--no-build')) {
    console.log('Building the extension…');
    try {
      execSync('npx wxt build', { cwd: root, stdio: 'pipe' });
    } catch (error) {
      // Rollup's chatter about third-party comments is noise; a failed build's output is not.
      const e = error as { stdout?: Buffer; stderr?: Buffer };
      console.error(`${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`);
      throw new Error('The extension did not build (see above).');
    }
  }
  const server = await startDemoServer({ port: Number(process.env.DEMO_PORT ?? 0) || undefined });
  console.log(`Demo sites on https://127.0.0.1:${server.port} (ucl.learnupon.com, app.cybsafe.com, myapps.microsoft.com, login.microsoftonline.com)`);
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'mtc-demo-')), {
    executablePath,
    headless,
    ignoreHTTPSErrors: true,
    viewport: headless ? { width: 1280, height: 900 } : null,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${server.hostResolverRules}, EXCLUDE localhost`,
      '--ignore-certificate-errors',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // The install opens the welcome page: left open behind the dashboard for a person, closed otherwise.
  const welcome = await welcomeTab(context, `chrome-extension://${extensionId}/${WELCOME_PAGE}`);
  if (headless) await welcome?.close();

  if (storeAssets) {
    const written = await makeStoreAssets(context, server, extensionId, join(root, 'store-assets'));
    console.log(`Store assets: ${written.map((n) => `store-assets/${n}`).join(', ')}`);
    await context.close();
    await server.close();
    return;
  }

  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('https://ucl.learnupon.com/dashboard');
  await page.bringToFront();

  if (!headless) {
    console.log('Chromium is open on the demo LearnUpon dashboard. Also try https://app.cybsafe.com/ and https://myapps.microsoft.com/. Close the browser to stop.');
    await new Promise<void>((r) => context.on('close', () => r()));
    await server.close();
    return;
  }

  mkdirSync(outDir, { recursive: true });
  await page.waitForSelector('[data-mtc="renewal"]', { timeout: 15_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(outDir, 'dashboard.png'), fullPage: true });
  const found = await page.$$eval('[data-mtc="renewal"]', (els) =>
    els.map((e) => `${e.getAttribute('data-mtc-course')}: ${e.getAttribute('data-mtc-status')}${e.getAttribute('data-mtc-due') ? ` (due ${e.getAttribute('data-mtc-due')})` : ''}`),
  );
  const cyb = await context.newPage();
  await cyb.goto('https://app.cybsafe.com/');
  await cyb.waitForSelector('[data-mtc="renewal"]', { timeout: 15_000 }).catch(() => undefined);
  await cyb.screenshot({ path: join(outDir, 'cybsafe.png') });
  const alertPage = await context.newPage();
  server.setMode({ persona: 'personal' });
  await alertPage.goto('https://myapps.microsoft.com/');
  await alertPage.waitForSelector('[data-mtc="alert"]', { timeout: 10_000 }).catch(() => undefined);
  await alertPage.screenshot({ path: join(outDir, 'wrong-account.png') });
  server.setMode({ persona: 'alex' });

  const shoot = async (name: string, width: number): Promise<Page> => {
    const p = await context.newPage();
    await p.setViewportSize({ width, height: 800 });
    await p.goto(`chrome-extension://${extensionId}/${name}.html`);
    await p.waitForSelector('[data-mtc-list="courses"] li', { timeout: 10_000 }).catch(() => undefined);
    await p.screenshot({ path: join(outDir, `${name}.png`), fullPage: true });
    return p;
  };
  const popup = await shoot('popup', 400);
  await shoot('sidepanel', 460);
  // The completion-issue flow as the popup's "My completion isn't recorded" opens it (README): collected,
  // reviewed and downloaded, with the ways to open the email.
  const flow = await context.newPage();
  await flow.setViewportSize({ width: 760, height: 900 });
  await flow.goto(`chrome-extension://${extensionId}/report.html?course=UCL+Fire+Safety&from=popup`);
  await flow.waitForSelector('[data-mtc-flow-status="ready"]', { timeout: 90_000 }).catch(() => undefined);
  await Promise.all([flow.waitForEvent('download', { timeout: 30_000 }).catch(() => undefined), flow.click('[data-mtc-action="download-pack"]').catch(() => undefined)]);
  await flow.waitForSelector('[data-mtc-export="done"]', { timeout: 30_000 }).catch(() => undefined);
  await flow.screenshot({ path: join(outDir, 'completion-flow.png'), fullPage: true });
  const summary = await popup.$$eval('[data-mtc-list="courses"] > li', (els) =>
    els.map((e) => `${e.getAttribute('data-mtc-course')}: ${e.getAttribute('data-mtc-status')}${e.getAttribute('data-mtc-due') ? ` (due ${e.getAttribute('data-mtc-due')})` : ''}`),
  );
  console.log(`\nBadges on the LearnUpon dashboard (${found.length}):\n  ${found.join('\n  ')}`);
  console.log(`\nThe popup's picture of all mandatory courses (${summary.length}):\n  ${summary.join('\n  ')}`);
  console.log(`\nScreenshots: ${['dashboard', 'cybsafe', 'wrong-account', 'popup', 'sidepanel', 'completion-flow'].map((n) => `demo-output/${n}.png`).join(', ')}`);
  await context.close();
  await server.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
