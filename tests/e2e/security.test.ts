// Security in the real browser, with the demo sites in hostile mode (names, a course title, Microsoft's
// error text and a file name carry HTML/script payloads that set window.__mtcPwned if they ever run):
// - web pages cannot message the extension at all;
// - page-supplied text never becomes markup: nothing runs, and the extension shows the text literally
//   (in-page alert, side panel, evidence locker, export summary);
// - a page cannot make the content script collect, download or wipe anything;
// - the content script itself has no downloads API and cannot reach the extension's database.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Dialog, Page } from 'playwright-core';
import { HOSTILE, PAYLOADS, PWNED_FLAG } from '../fixtures/hostile';
import { axeViolations } from './axe';
import { cspErrors, launch, realErrors, type Harness } from './harness';
import { doctorDone } from './settle';

let h: Harness;
const dialogs: string[] = [];
const downloads: string[] = [];

beforeAll(async () => {
  h = await launch({ mode: { hostile: true } });
  const watch = (p: Page) => {
    p.on('dialog', (d: Dialog) => {
      dialogs.push(`${p.url()}: ${d.message()}`);
      void d.dismiss();
    });
    p.on('download', (d) => downloads.push(d.suggestedFilename()));
  };
  h.context.pages().forEach(watch);
  h.context.on('page', watch);
});
afterAll(async () => {
  await h?.close();
});

/** The payload flag in the page's own (main) world, where an injected handler would run. */
const pwned = (page: Page) => page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag] ?? null, PWNED_FLAG);

/** Elements a payload would have created, anywhere in the document or inside our shadow roots. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const scan = (root: Document | ShadowRoot, where: string) => {
      for (const el of Array.from(root.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]'))) found.push(`${where}: ${el.outerHTML.slice(0, 80)}`);
      // A script element holding a payload (the sites' own JSON data blocks are inert and escaped).
      for (const el of Array.from(root.querySelectorAll('script:not([src]):not([type="application/json"])'))) if (/__mtcPwned/.test(el.textContent ?? '')) found.push(`${where}: inline script`);
      for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) scan(el.shadowRoot, `${where} > ${el.tagName.toLowerCase()}`);
    };
    scan(document, 'page');
    return found;
  });
}

async function sitePage(url: string, ready: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  await page.waitForSelector(ready, { timeout: 20_000 });
  // The doctor looks again after 0.8 and 2.5 s (the dashboard re-renders at 0.3 s, before its last look).
  await doctorDone(page);
  return page;
}

describe('web pages cannot reach the extension', () => {
  it.each(['https://www.example.org/', 'https://ucl.learnupon.com/dashboard'])('%s has no chrome.runtime to message us with (no externally_connectable)', async (url) => {
    const page = await h.context.newPage();
    await page.goto(url);
    const probe = await page.evaluate((id) => {
      const c = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown; connect?: unknown } } }).chrome;
      let attempt = 'no error';
      try {
        (c as unknown as { runtime: { sendMessage(id: string, m: unknown): void } }).runtime.sendMessage(id, { type: 'get-state' });
      } catch (error) {
        attempt = (error as Error).name;
      }
      return { sendMessage: typeof c?.runtime?.sendMessage, connect: typeof c?.runtime?.connect, attempt };
    }, h.extensionId);
    expect(probe).toEqual({ sendMessage: 'undefined', connect: 'undefined', attempt: 'TypeError' });
    await page.close();
  });
});

describe('page text never becomes markup (hostile sites)', () => {
  it('(control) the payloads do run, and are seen, when something does turn them into markup', async () => {
    const page = await h.context.newPage();
    await page.goto('https://www.example.org/');
    await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), PAYLOADS.img);
    await expect.poll(() => pwned(page)).toBe('img');
    expect((await injected(page)).length).toBeGreaterThan(0);
    await page.close();
  });

  it('LearnUpon dashboard and course page: the payloads stay text, badges still work, nothing runs', async () => {
    const page = await sitePage('https://ucl.learnupon.com/dashboard', '[data-mtc="renewal"]');
    // The site itself shows the payload as text (it escapes its own HTML)...
    expect(await page.locator('#lu-course-list').innerText()).toContain('Research Data Management <script>');
    // ...and nothing ran, in the page or in our badges.
    expect(await pwned(page)).toBeNull();
    expect(await injected(page)).toEqual([]);
    expect(await page.$$eval('[data-mtc="renewal"]', (b) => b.map((x) => x.getAttribute('data-mtc-course')))).not.toContain(HOSTILE.courseTitle);
    await page.close();

    const details = await sitePage('https://ucl.learnupon.com/enrollments/113480025/details', 'h1');
    expect(await details.title()).toContain(HOSTILE.courseTitle);
    expect(await pwned(details)).toBeNull();
    await details.close();
  });

  it('Microsoft error text with payloads: the alert quotes it as text, nothing runs', async () => {
    // 700016 has a short message: the doctor quotes up to 500 characters of it, payloads included.
    const page = await sitePage('https://login.microsoftonline.com/error?code=700016', '[data-mtc="alert"]');
    const text = await page.locator('[data-mtc="alert"]').evaluate((e) => e.shadowRoot?.textContent ?? '');
    expect(text).toContain(PAYLOADS.img);
    expect(text).toContain(PAYLOADS.svg);
    expect(await pwned(page)).toBeNull();
    expect(await injected(page)).toEqual([]);
    await page.close();
  });

  it('CybSafe: the account name with a payload, and an address typed into the URL, stay text', async () => {
    const home = await sitePage('https://app.cybsafe.com/', '[data-mtc="renewal"]');
    expect(await home.locator('.cs-menu__name').textContent()).toBe(HOSTILE.name);
    expect(await pwned(home)).toBeNull();
    expect(await injected(home)).toEqual([]);
    await home.close();
    // Anyone can send a link with a crafted address; the login page echoes it and our alert reads the page.
    const login = await sitePage(`https://app.cybsafe.com/login?error=account_not_found&email=${encodeURIComponent(`${PAYLOADS.svg}@ucl.ac.uk`)}`, '[data-mtc="alert"]');
    expect(await pwned(login)).toBeNull();
    expect(await injected(login)).toEqual([]);
    await login.close();
  });

  it('fetched evidence and a captured page keep their hostile names as text in the side panel', async () => {
    const dashboard = await sitePage('https://ucl.learnupon.com/dashboard', '[data-mtc="renewal"]');
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.click('[role="tab"][data-mtc-view="evidence"]');
    await panel.click('[data-mtc-action="fetch-learnupon"]');
    await panel.waitForSelector('[data-mtc-locker-status] .ok', { timeout: 45_000 });
    await panel.click('[data-mtc-action="fetch-cybsafe"]');
    await expect.poll(() => panel.locator('[data-mtc-locker-status]').innerText(), { timeout: 45_000 }).toMatch(/1 certificate saved/);
    await panel.close();

    // A screenshot is named after the page title, which the course page sets from its (hostile) title.
    const course = await sitePage('https://ucl.learnupon.com/enrollments/113480025/details', 'h1');
    await h.pressToolbarButton(course);
    const popup = await h.openInPopupWindow('popup.html');
    await popup.click('[data-mtc-action="capture"]');
    await expect.poll(() => popup.locator('.ok').innerText().catch(() => ''), { timeout: 10_000 }).toMatch(/Saved “Research Data Management <script>/);
    expect(await pwned(popup)).toBeNull();
    expect(await injected(popup)).toEqual([]);
    await popup.close();
    await course.close();
    await dashboard.close();

    const view = await h.openExtensionPage('sidepanel.html');
    await view.waitForSelector('[data-mtc-evidence-kind="screenshot"]');
    const rows = await view.locator('[data-mtc-list="evidence"]').innerText();
    expect(rows).toContain(`Training history: ${HOSTILE.historyFileName}`);
    expect(rows).toContain(`Screenshot: ${HOSTILE.courseTitle}`);
    expect(await pwned(view)).toBeNull();
    expect(await injected(view)).toEqual([]);
    expect(await axeViolations(view, '[data-mtc-section="locker"]')).toEqual([]);

    // The export (the completion-issue flow's pack): summary.html escapes every page-supplied string.
    // Opened as a page, it shows them as text.
    const flow = await h.context.newPage();
    await flow.goto(h.extensionUrl('report.html?course=Prevent+at+UCL&from=panel'));
    await flow.waitForSelector('[data-mtc-flow-status="ready"]', { timeout: 90_000 });
    // The account name with a payload does not look like a name: the readers drop it rather than keep it.
    expect(await flow.inputValue('#sender-name')).toBe('');
    expect(await pwned(flow)).toBeNull();
    expect(await injected(flow)).toEqual([]);
    const [download] = await Promise.all([flow.waitForEvent('download'), flow.click('[data-mtc-action="download-pack"]')]);
    await flow.close();
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const html = await zip.file('summary.html')!.async('string');
    expect(html).toContain('Research Data Management &lt;script&gt;window.__mtcPwned=&#39;script&#39;&lt;/script&gt; Essentials');
    expect(html).not.toMatch(/<(img|svg|script)\b/i);
    const shown = await h.context.newPage();
    await shown.setContent(html);
    expect(await shown.locator('main').innerText()).toContain(HOSTILE.courseTitle);
    expect(await pwned(shown)).toBeNull();
    expect(await injected(shown)).toEqual([]);
    await shown.close();
    await view.close();
  });

  it('the popup shows nothing from the pages as markup either', async () => {
    const popup = await h.openExtensionPage('popup.html');
    await popup.waitForSelector('[data-mtc-list="courses"] li');
    expect(await pwned(popup)).toBeNull();
    expect(await injected(popup)).toEqual([]);
    await popup.close();
  });
});

describe('a page cannot drive the content script', () => {
  async function storeCounts(): Promise<{ records: number; evidence: number }> {
    const page = await h.openExtensionPage('options.html');
    const counts = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const req = indexedDB.open('mandatory-training-companion');
        req.onsuccess = () => resolve(req.result);
      });
      const count = (name: string) => new Promise<number>((resolve) => {
        const req = db.transaction(name).objectStore(name).count();
        req.onsuccess = () => resolve(req.result);
      });
      const result = { records: await count('records'), evidence: await count('evidence') };
      db.close();
      return result;
    });
    await page.close();
    return counts;
  }

  const collectRequest = (url: string) => /\/certificate$|training_history_exports|\/exports\/[0-9a-f]+\//.test(url);

  it('messages, events and synthetic clicks from the page: no collection, no download, no email, nothing deleted', async () => {
    const page = await sitePage('https://ucl.learnupon.com/dashboard', '[data-mtc="renewal"]');
    const before = await storeCounts();
    // Every tab, not just this one: a collection anywhere would show here.
    const requests: string[] = [];
    const watch = (r: { url(): string }) => void (collectRequest(r.url()) && requests.push(r.url()));
    h.context.on('request', watch);
    const pagesBefore = h.context.pages().length;
    const downloadsBefore = downloads.length;
    await page.evaluate(() => {
      const command = { type: 'collect-evidence', history: true };
      window.postMessage(command, '*');
      window.postMessage(JSON.stringify(command), '*');
      document.dispatchEvent(new CustomEvent('collect-evidence', { detail: command }));
      window.dispatchEvent(new MessageEvent('message', { data: command, origin: location.origin }));
      // Our in-page UI sits in open shadow roots: a page can reach in and click every control.
      for (const host of Array.from(document.querySelectorAll('[data-mtc]'))) {
        for (const el of Array.from(host.shadowRoot?.querySelectorAll('button, a') ?? [])) {
          el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
          (el as HTMLElement).click();
        }
      }
    });
    // Nothing must happen, and nothing signals that nothing did: give it the time a click's work takes.
    await page.waitForTimeout(3_000);
    expect(requests).toEqual([]);
    expect(downloads.length).toBe(downloadsBefore);
    expect(h.context.pages().length).toBe(pagesBefore); // no mail client or new tab opened
    expect(await storeCounts()).toEqual(before);
    expect(await pwned(page)).toBeNull();

    // The control: the same command from one of our extension pages does collect (so the watch above would
    // have seen it), once the page asked has the collector, which comes only when an extension page puts it
    // in (utils/data/on-request.ts).
    const panel = await h.openExtensionPage('sidepanel.html');
    const answer = await panel.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      const [tab] = await c.tabs.query({ url: 'https://ucl.learnupon.com/dashboard*' });
      await c.scripting.executeScript({ target: { tabId: tab!.id! }, files: ['/content-scripts/learnupon-on-request.js'] });
      return (await c.tabs.sendMessage(tab!.id!, { type: 'collect-evidence', history: false })) as { certificates: unknown[] };
    });
    expect(answer.certificates.length).toBeGreaterThan(0);
    expect(requests.length).toBeGreaterThan(0);
    h.context.off('request', watch);
    await panel.close();
    await page.close();
  });

  it('our content script has no downloads API and cannot open the extension’s database', async () => {
    const page = await sitePage('https://ucl.learnupon.com/dashboard', '[data-mtc="renewal"]');
    const cdp: CDPSession = await h.context.newCDPSession(page);
    const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; name: string; auxData?: { type?: string } } }) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    await expect.poll(() => contexts.some((c) => c.auxData?.type === 'isolated' && c.name === 'Mandatory Training Companion')).toBe(true);
    const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Mandatory Training Companion')!;
    const { result } = (await cdp.send('Runtime.evaluate', {
      contextId: isolated.id,
      awaitPromise: true,
      returnByValue: true,
      expression: `(async () => ({
        downloads: typeof chrome.downloads,
        tabs: typeof chrome.tabs,
        origin: location.origin,
        databases: (await indexedDB.databases()).map((d) => d.name),
      }))()`,
    })) as { result: { value: { downloads: string; tabs: string; origin: string; databases: string[] } } };
    expect(result.value.downloads).toBe('undefined');
    expect(result.value.tabs).toBe('undefined');
    // It runs with the page's origin: the extension's records and evidence live under chrome-extension://, out of reach.
    expect(result.value.origin).toBe('https://ucl.learnupon.com');
    expect(result.value.databases).not.toContain('mandatory-training-companion');
    await cdp.detach();
    await page.close();
  });
});

describe('console', () => {
  it('no dialogs, no CSP refusals (an injected inline handler in our pages would be one), no errors', () => {
    expect(dialogs).toEqual([]);
    expect(cspErrors(h.consoleErrors)).toEqual([]);
    // The control's broken image on example.org is the only error expected.
    expect(realErrors(h.consoleErrors).filter((e) => !e.startsWith('https://www.example.org/'))).toEqual([]);
  });
});
