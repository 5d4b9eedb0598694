// The completion-issue flow (issue 13; docs/contract.md, "Completion-issue flow") driven as a user in
// real Chromium on the demo sites: from the popup's "My completion isn't recorded" for UCL Fire Safety,
// with nothing fetched beforehand, to a downloaded pack; then the same from a renewal badge, where the
// collection of a few minutes before is reused. Each pack is read back with jszip and postal-mime.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDate } from '../../utils/dates/calendar';
import { PERSONA, personaEnrollments } from '../fixtures/persona';
import { axeViolations } from './axe';
import { cspErrors, launch, realErrors, type Harness } from './harness';
import { dashboardSettled } from './settle';
import { collected, downloadPack, nextFlowPage, readPack, UserEffort } from './flow-helpers';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

const FIRE = 'UCL Fire Safety';
const fire = personaEnrollments().find((e) => e.catalogueName === FIRE)!;

describe('from the popup, with nothing fetched beforehand', () => {
  it('reaches a downloaded pack with the certificate and the history in 2 clicks and no typing, From the address LearnUpon showed', async () => {
    const effort = new UserEffort();
    const popup = await h.openExtensionPage('popup.html');
    await popup.waitForSelector(`[data-mtc-action="report-issue"][data-mtc-course="${FIRE}"]`);
    expect(await axeViolations(popup)).toEqual([]);
    const opened = nextFlowPage(h);
    await effort.click(popup, `[data-mtc-action="report-issue"][data-mtc-course="${FIRE}"]`);
    const flow = await opened;
    // The collection starts by itself, with visible progress per step.
    await flow.waitForSelector('[data-mtc-step="learnupon-certificates"]');
    expect(await flow.locator('[data-mtc-step]').evaluateAll((els) => els.map((e) => e.getAttribute('data-mtc-step')))).toEqual([
      'learnupon-certificates',
      'learnupon-history',
      'completion',
    ]);
    expect(await axeViolations(flow)).toEqual([]);
    await collected(flow);
    expect(await flow.locator('[data-mtc-step]').evaluateAll((els) => els.map((e) => e.getAttribute('data-mtc-step-state')))).toEqual(['done', 'done', 'done']);
    // The dashboard tab it opened in the background is closed again.
    expect(h.context.pages().some((p) => p.url().includes('learnupon.com'))).toBe(false);

    // The review tells what was found and where from.
    const card = flow.locator(`[data-mtc-review="${FIRE}"]`);
    expect(await card.locator('[data-mtc-found="completion-record"]').getAttribute('data-mtc-state')).toBe('found');
    expect(await card.locator('[data-mtc-found="completion-record"]').innerText()).toMatch(/shown by LearnUpon and the LearnUpon training history file/);
    expect(await card.locator('[data-mtc-found="certificate"]').getAttribute('data-mtc-state')).toBe('found');
    expect(await card.locator('[data-mtc-found="training-history"]').getAttribute('data-mtc-state')).toBe('found');
    // Who is writing: filled in from what the LearnUpon page showed.
    expect(await flow.inputValue('#sender-name')).toBe(PERSONA.name);
    expect(await flow.inputValue('#sender-email')).toBe(PERSONA.email);
    expect(await flow.locator('[data-mtc-flow="to"]').innerText()).toContain('UCLmandatorystafflearning@ucl.ac.uk');
    expect(await axeViolations(flow)).toEqual([]);

    const { download, zip } = await downloadPack(flow, effort);
    expect(effort.clicks).toBeLessThanOrEqual(3);
    expect(effort.clicks).toBe(2);
    expect(effort.typed).toBe(0);
    expect(download.suggestedFilename()).toBe(`mandatory-training-evidence-${londonDate()}.zip`);
    const pack = await readPack(zip);
    expect(pack.names).toEqual(expect.arrayContaining(['completion-issue.eml', 'training-history.xlsx', 'training-history.csv', 'summary.html', 'manifest.json']));
    expect(pack.names.filter((n) => /^certificates\/.+\.pdf$/.test(n))).toEqual([`certificates/UCL-Fire-Safety-${fire.completedOn}.pdf`]);
    expect(pack.manifest.missing).toEqual([]);
    expect(pack.mail.from?.address).toBe(PERSONA.email);
    expect(pack.mail.to?.[0]?.address).toBe('UCLmandatorystafflearning@ucl.ac.uk');
    expect(pack.mail.subject).toBe(`Mandatory Training (${FIRE}) completion issue`);
    expect(pack.mail.attachments.map((a) => a.mimeType).sort()).toEqual(['application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(pack.mail.text).not.toMatch(/none attached|not attached|\(not known\)/);
    expect(pack.mail.text).toMatch(/Kind regards,\nAlex Taylor/);
    // Then "Open a new email": the result has focus, the two links are offered.
    await flow.waitForSelector('[data-mtc-export="done"]');
    await expect.poll(() => flow.evaluate(() => document.activeElement?.getAttribute('data-mtc-flow'))).toBe('result');
    const outlook = await flow.getAttribute('[data-mtc-action="open-outlook-web"]', 'href');
    expect(outlook).toMatch(/^https:\/\/outlook\.office\.com\/mail\/deeplink\/compose\?to=UCLmandatorystafflearning%40ucl\.ac\.uk&subject=Mandatory%20Training%20\(UCL%20Fire%20Safety\)%20completion%20issue&body=/);
    expect(await flow.getAttribute('[data-mtc-action="open-mailto"]', 'href')).toMatch(/^mailto:UCLmandatorystafflearning@ucl\.ac\.uk\?subject=/);
    expect(await axeViolations(flow)).toEqual([]);
    await flow.close();
  });
});

describe('from a renewal badge, a few minutes later', () => {
  it('reuses the collection of the last hour and downloads the same pack in 3 clicks', async () => {
    const effort = new UserEffort();
    const dashboard = await h.context.newPage();
    await dashboard.goto('https://ucl.learnupon.com/dashboard');
    await dashboardSettled(dashboard); // past the demo dashboard's own redraw
    const badge = dashboard.locator(`[data-mtc="renewal"][data-mtc-course="${FIRE}"]`).first();
    effort.clicks++;
    await badge.locator('button[aria-expanded]').click();
    const report = badge.locator(`[data-mtc-action="report-issue"][data-mtc-course="${FIRE}"]`);
    await report.waitFor();
    expect(await axeViolations(dashboard, '[data-mtc="renewal"]')).toEqual([]);
    const opened = nextFlowPage(h);
    effort.clicks++;
    await report.click();
    const flow = await opened;
    await collected(flow);
    expect(await flow.locator('[data-mtc-step="learnupon-certificates"]').getAttribute('data-mtc-step-state')).toBe('reused');
    expect(await flow.locator('[data-mtc-step="learnupon-history"]').innerText()).toMatch(/Collected (just now|\d+ minutes? ago): kept, not fetched again/);
    const { zip } = await downloadPack(flow, effort);
    expect(effort.clicks).toBe(3);
    const pack = await readPack(zip);
    expect(pack.names).toEqual(expect.arrayContaining(['training-history.xlsx', `certificates/UCL-Fire-Safety-${fire.completedOn}.pdf`]));
    expect(pack.manifest.missing).toEqual([]);
    expect(pack.mail.from?.address).toBe(PERSONA.email);
    await flow.close();
    await dashboard.close();
  });

  it('a page script clicking the badge’s control opens nothing', async () => {
    const dashboard = await h.context.newPage();
    await dashboard.goto('https://ucl.learnupon.com/dashboard');
    await dashboardSettled(dashboard);
    const before = h.context.pages().length;
    await dashboard.evaluate((course) => {
      const host = document.querySelector(`[data-mtc="renewal"][data-mtc-course="${course}"]`)!;
      (host.shadowRoot!.querySelector('[data-mtc-action="report-issue"]') as HTMLButtonElement).click();
    }, FIRE);
    // Nothing must open, and nothing signals that nothing did: give it the time opening a tab takes.
    await dashboard.waitForTimeout(1500);
    expect(h.context.pages().length).toBe(before);
    await dashboard.close();
  });
});

describe('console', () => {
  it('no CSP or console errors', () => {
    expect(cspErrors(h.consoleErrors)).toEqual([]);
    expect(realErrors(h.consoleErrors)).toEqual([]);
  });
});
