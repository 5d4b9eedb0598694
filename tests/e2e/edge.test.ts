// Microsoft Edge: `npm run zip:edge` (`wxt zip -b edge`, run by npm run test:e2e before these tests)
// builds .output/edge-mv3 from the same code and MV3 APIs. Edge is Chromium underneath, so Chromium
// stands in for it here: the Edge build loads, marks the dashboard's courses, counts them on the
// toolbar and fills its popup. With no Edge build it fails, it never skips.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personaEnrollments } from '../fixtures/persona';
import { cspErrors, EXTENSION_DIR, launch, realErrors, type Harness } from './harness';

const EDGE_DIR = resolve(import.meta.dirname, '../../.output/edge-mv3');

let h: Harness;
beforeAll(async () => {
  if (!existsSync(join(EDGE_DIR, 'manifest.json'))) throw new Error(`No Edge build at ${EDGE_DIR}: run \`npm run zip:edge\` first (npm run test:e2e does). This test does not skip.`);
  h = await launch({ extensionDir: EDGE_DIR });
});
afterAll(async () => {
  await h?.close();
});

describe('the Edge build', () => {
  it('asks for the same permissions and runs on the same sites as the Chrome build', () => {
    const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    const edge = read(EDGE_DIR);
    const chrome = read(EXTENSION_DIR);
    for (const key of ['manifest_version', 'version', 'default_locale', 'permissions', 'host_permissions', 'content_scripts', 'background', 'action', 'side_panel', 'icons']) {
      expect(edge[key], key).toEqual(chrome[key]);
    }
  });

  it('shows renewal badges on the LearnUpon dashboard, the count on the toolbar, and the popup', async () => {
    const dashboard = await h.context.newPage();
    await dashboard.goto('https://ucl.learnupon.com/dashboard');
    // Each mandatory course of the demo persona, with the status and date the rules give it (polled:
    // the demo dashboard redraws its list once after loading, badges and all, as LearnUpon's app does).
    const expected = personaEnrollments()
      .filter((e) => e.expected)
      .map((e) => `${e.catalogueName}: ${e.expected!.status} ${e.expected!.due}`)
      .sort();
    await expect
      .poll(() => dashboard.$$eval('[data-mtc="renewal"]', (els) => els.map((e) => `${e.getAttribute('data-mtc-course')}: ${e.getAttribute('data-mtc-status')} ${e.getAttribute('data-mtc-due')}`).sort()))
      .toEqual(expected);
    await expect
      .poll(() => h.worker.evaluate(() => (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.action.getBadgeText({})))
      .toMatch(/^[1-9]\d*$/);

    const popup = await h.openExtensionPage('popup.html');
    await popup.waitForSelector('[data-mtc-list="courses"] li');
    const courses = await popup.$$eval('[data-mtc-list="courses"] > li', (els) => els.map((e) => e.getAttribute('data-mtc-course')));
    expect(courses).toContain('Data Protection and Freedom of Information');
    expect(cspErrors(h.consoleErrors)).toEqual([]);
    expect(realErrors(h.consoleErrors)).toEqual([]);
  });
});
