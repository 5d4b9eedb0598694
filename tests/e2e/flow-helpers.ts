// Shared steps of the completion-issue flow's browser tests: open the flow from where the user starts
// it, wait for the collection, download the pack, and read the pack back with independent readers
// (jszip, postal-mime).
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import PostalMime, { type Email } from 'postal-mime';
import type { Download, Page } from 'playwright-core';
import type { Harness } from './harness';

/** Counts the user's clicks and typed fields as the test goes, to compare with the issue's budget. */
export class UserEffort {
  clicks = 0;
  typed = 0;
  async click(page: Page, selector: string): Promise<void> {
    this.clicks++;
    await page.click(selector);
  }
}

export const FLOW_PAGE = /\/report\.html\?/;

/**
 * The flow page the next action opens (a new tab, or the flow tab reused). Call before the action. A new
 * tab can be announced before it has its address, so the open pages are watched rather than the event.
 */
export function nextFlowPage(h: Harness): Promise<Page> {
  const before = new Map(h.context.pages().map((p) => [p, p.url()]));
  return (async () => {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const page = h.context.pages().find((p) => FLOW_PAGE.test(p.url()) && before.get(p) !== p.url());
      if (page) {
        await page.waitForLoadState();
        return page;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('no flow page opened');
  })();
}

/** Collection done: the download is offered. */
export async function collected(flow: Page): Promise<void> {
  await flow.waitForSelector('[data-mtc-flow-status="ready"]', { timeout: 90_000 });
  await flow.waitForSelector('[data-mtc-action="download-pack"]:not([disabled])');
}

export async function downloadPack(flow: Page, effort?: UserEffort): Promise<{ download: Download; zip: JSZip }> {
  const [download] = await Promise.all([
    flow.waitForEvent('download', { timeout: 30_000 }),
    effort ? effort.click(flow, '[data-mtc-action="download-pack"]') : flow.click('[data-mtc-action="download-pack"]'),
  ]);
  return { download, zip: await JSZip.loadAsync(readFileSync((await download.path())!)) };
}

export interface PackContents {
  names: string[];
  manifest: { missing: { course: string; evidence: string; reason: string }[]; files: { path: string }[]; person: { name: string; email: string }; mailbox: string };
  mail: Email;
  summary: string;
}

export async function readPack(zip: JSZip): Promise<PackContents> {
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  return {
    names,
    manifest: JSON.parse(await zip.file('manifest.json')!.async('string')) as PackContents['manifest'],
    mail: await PostalMime.parse(await zip.file('completion-issue.eml')!.async('string')),
    summary: await zip.file('summary.html')!.async('string'),
  };
}

/** The page has no horizontal scrolling (WCAG 1.4.10 reflow). */
export function scrollsSideways(page: Page): Promise<{ scroll: number; client: number; wide: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 && el.getClientRects().length > 0)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`);
    return { scroll: root.scrollWidth, client: root.clientWidth, wide };
  });
}
