// The evidence locker and pack on the demo sites: fetch the history through the dashboard's own button,
// collect the persona's certificates, keep a screenshot, then the completion-issue flow from the side
// panel's Evidence view for several courses, and check the downloaded pack end to end.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import PostalMime from 'postal-mime';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDate } from '../../utils/dates/calendar';
import { personaEnrollments } from '../fixtures/persona';
import { axeViolations } from './axe';
import { cspErrors, launch, realErrors, type Harness } from './harness';
import { collected, nextFlowPage } from './flow-helpers';

let h: Harness;
beforeAll(async () => {
  h = await launch();
  const dashboard = await h.context.newPage();
  await dashboard.goto('https://ucl.learnupon.com/dashboard');
  await dashboard.waitForSelector('[data-mtc="renewal"]');
  // As a learner would: CybSafe seen once, so Information Security is on record before the export.
  const cybsafe = await h.context.newPage();
  await cybsafe.goto('https://app.cybsafe.com/');
  await cybsafe.waitForSelector('[data-mtc="renewal"]');
  await cybsafe.close();
});
afterAll(async () => {
  await h?.close();
});

describe('evidence locker and pack', () => {
  it('fetches the training history and certificates through the dashboard, then the CybSafe certificate', async () => {
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.click('[role="tab"][data-mtc-view="evidence"]');
    await panel.click('[data-mtc-action="fetch-learnupon"]');
    await panel.waitForSelector('[data-mtc-locker-status] .ok', { timeout: 45_000 });
    const status = await panel.locator('[data-mtc-locker-status]').innerText();
    expect(status).toMatch(/Training history read: \d+ course records/);
    expect(status).toMatch(/4 certificates saved/);
    expect(status).not.toMatch(/not saved/);
    await panel.click('[data-mtc-action="fetch-cybsafe"]');
    await expect.poll(() => panel.locator('[data-mtc-locker-status]').innerText(), { timeout: 45_000 }).toMatch(/1 certificate saved/);
    const kinds = await panel.$$eval('[data-mtc-list="evidence"] tbody tr', (rows) => rows.map((r) => r.getAttribute('data-mtc-evidence-kind')));
    expect(kinds.filter((k) => k === 'certificate')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'history')).toHaveLength(1);
    expect(await axeViolations(panel)).toEqual([]);
    await panel.close();
  });

  it('captures the page in front as evidence from the popup, after the toolbar button is pressed', async () => {
    const dashboard = h.context.pages().find((p) => p.url().includes('/dashboard'))!;
    await h.pressToolbarButton(dashboard);
    const popup = await h.openInPopupWindow('popup.html');
    await popup.click('[data-mtc-action="capture"]');
    await expect.poll(() => popup.locator('.ok').innerText().catch(() => ''), { timeout: 10_000 }).toMatch(/Saved “.*\.png” in your evidence locker/);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.waitForSelector('[data-mtc-evidence-kind="screenshot"]');
    expect(await panel.locator('[data-mtc-evidence-kind="screenshot"]').innerText()).toContain('ucl.learnupon.com');
    await panel.close();
  });

  it('the flow for several courses, from the Evidence view, downloads a pack whose email, attachments, history and manifest all check out', async () => {
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.waitForSelector('[data-mtc-action="start-flow"]');
    const opened = nextFlowPage(h);
    await panel.click('[data-mtc-action="start-flow"]');
    const flow = await opened;
    await collected(flow);
    // The screenshot taken before the flow started: used as evidence for Prevent at UCL.
    const prevent = flow.locator('[data-mtc-review="Prevent at UCL"]');
    await prevent.locator('[data-mtc-fix="use-kept"] > summary').click();
    await prevent.locator('[data-mtc-fix="use-kept"] button').first().click();
    await expect.poll(() => prevent.locator('[data-mtc-found="screenshot"]').count()).toBe(1);
    expect(await axeViolations(flow)).toEqual([]);
    const [download] = await Promise.all([flow.waitForEvent('download'), flow.click('[data-mtc-action="download-pack"]')]);
    expect(download.suggestedFilename()).toBe(`mandatory-training-evidence-${londonDate()}.zip`);
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    expect(names).toEqual(expect.arrayContaining(['completion-issue.eml', 'training-history.xlsx', 'training-history.csv', 'summary.html', 'manifest.json']));
    expect(names.filter((n) => /^certificates\/[\x20-\x7e]+\.pdf$/.test(n)).length).toBeGreaterThanOrEqual(3);
    const shots = names.filter((n) => /^screenshots\/[\x20-\x7e]+\.png$/.test(n));
    expect(shots).toHaveLength(1);
    expect([...(await zip.file(shots[0]!)!.async('uint8array')).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { files: { path: string; size: number; sha256: string }[]; missing: unknown[] };
    for (const entry of manifest.files) {
      const bytes = await zip.file(entry.path)!.async('uint8array');
      expect(bytes.length).toBe(entry.size);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256);
    }
    expect(manifest.missing).toEqual([]);

    const eml = await zip.file('completion-issue.eml')!.async('string');
    expect(eml).toMatch(/^X-Unsent: 1\r$/m);
    expect(eml).not.toMatch(/^(Message-ID|Date):/im);
    const mail = await PostalMime.parse(eml);
    expect(mail.to?.[0]?.address).toBe('UCLmandatorystafflearning@ucl.ac.uk');
    // The default courses: overdue ones with a completion, and the re-enrolled one.
    expect(mail.subject).toBe('Mandatory Training (Information Security Training; Prevent at UCL; Data Protection and Freedom of Information) completion issue');
    expect(mail.text).toContain('Prevent at UCL');
    expect(mail.text).not.toMatch(/none attached|not attached/);
    const pdfs = mail.attachments.filter((a) => a.mimeType === 'application/pdf');
    expect(pdfs.length).toBeGreaterThanOrEqual(3);
    for (const pdf of pdfs) expect(new TextDecoder().decode(new Uint8Array(pdf.content as ArrayBuffer).subarray(0, 5))).toBe('%PDF-');

    // The platform's own file, unchanged, readable by SheetJS.
    const xlsx = XLSX.read(await zip.file('training-history.xlsx')!.async('uint8array'));
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(xlsx.Sheets[xlsx.SheetNames[0]!]!);
    expect(rows.length).toBe(personaEnrollments().length);
    await flow.close();
    await panel.close();
  });

  it('gives the same pack from the popup as from the side panel (every record in the CSV, the same subject)', async () => {
    const packOf = async (start: () => Promise<void>) => {
      const opened = nextFlowPage(h);
      await start();
      const flow = await opened;
      await collected(flow);
      const [download] = await Promise.all([flow.waitForEvent('download'), flow.click('[data-mtc-action="download-pack"]')]);
      const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
      await flow.close();
      return { csv: await zip.file('training-history.csv')!.async('string'), eml: (await PostalMime.parse(await zip.file('completion-issue.eml')!.async('string'))).subject };
    };
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.waitForSelector('[data-mtc-action="start-flow"]');
    // Only Prevent at UCL ticked.
    const ticked = panel.locator('[data-mtc-section="report"] input[type="checkbox"]:checked');
    while ((await ticked.count()) > 0) await ticked.first().uncheck();
    await panel.check('input[id="report-Prevent at UCL"]');
    const fromPanel = await packOf(() => panel.click('[data-mtc-action="start-flow"]'));
    await panel.close();
    const popup = await h.openInPopupWindow('popup.html');
    expect(await axeViolations(popup)).toEqual([]);
    const fromPopup = await packOf(() => popup.click('[data-mtc-action="report-issue"][data-mtc-course="Prevent at UCL"]'));
    expect(fromPopup.csv.split('\n').length).toBeGreaterThan(personaEnrollments().length);
    expect(fromPopup).toEqual(fromPanel);
  });

  it('leaves no CSP or console errors', () => {
    expect(cspErrors(h.consoleErrors)).toEqual([]);
    expect(realErrors(h.consoleErrors)).toEqual([]);
  });
});
