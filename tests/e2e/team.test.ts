// The Team page in the built extension: a sample compliance report imported, its columns adjusted,
// the chase list, reminder emails, CSV export and deletion; then the PGTA time log fed by the
// LearnUpon content script on the demo course player.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../utils/evidence/csv';
import { personaEnrollments } from '../fixtures/persona';
import { firstPageId, paths } from '../fixtures/sites/learnupon/model';
import { sampleTeam, teamReportXlsx } from '../fixtures/team-report';
import { axeViolations } from './axe';
import { cspErrors, launch, realErrors, type Harness } from './harness';

let h: Harness;
let page: Page;
/** How long the simulated person uses the course page (the log must show at least 3 s of it). */
const ACTIVE_MS = 5_000;
beforeAll(async () => {
  h = await launch();
  page = await h.context.newPage();
  await page.goto(h.extensionUrl('team.html'));
  await page.waitForSelector('[data-mtc-action="team-import"]:not([disabled])');
});
afterAll(async () => {
  await h?.close();
});

/** The table's rows as person | course | status. */
async function rows(p: Page): Promise<string[]> {
  return p.$$eval('[data-mtc-team="table"] tbody tr', (trs) =>
    trs.map((tr) => `${tr.getAttribute('data-mtc-person')} | ${tr.getAttribute('data-mtc-course')} | ${tr.getAttribute('data-mtc-status')}`).sort(),
  );
}

function decodeMailto(href: string): { to: string; params: Record<string, string> } {
  const [to, query] = href.replace(/^mailto:/, '').split('?');
  return { to: decodeURIComponent(to!), params: Object.fromEntries(query!.split('&').map((kv) => kv.split('=').map(decodeURIComponent) as [string, string])) };
}

describe('Team page: compliance report', () => {
  it('imports a report whose absence column has an unknown heading, and lets the column be chosen', async () => {
    // "HR Note" is no heading we know: the import works, but nobody is seen as on leave yet.
    const file = teamReportXlsx(sampleTeam(), { headers: { 'Absence Status': 'HR Note' } });
    await page.setInputFiles('[data-mtc-input="team-report"]', { name: 'compliance-report.xlsx', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from(file) });
    await page.waitForSelector('[data-mtc-team-count]');
    expect(await page.locator('[data-mtc-team-report]').innerText()).toContain('5 people');
    expect(await page.locator('[data-mtc-team-unrecognised]').innerText()).toContain('Lab Safety for Chemists');
    expect(await rows(page)).toEqual([
      'jane.smith@ucl.ac.uk | Information Security Training | due-soon',
      'jane.smith@ucl.ac.uk | Prevent at UCL | overdue',
      'jane.smith@ucl.ac.uk | UCL Fire Safety | not-completed',
      'lee.chen@ucl.ac.uk | Data Protection and Freedom of Information | overdue',
      'p.patel@ucl.ac.uk | Prevent at UCL | overdue',
      't.brown@ucl.ac.uk | UCL Fire Safety | not-completed',
    ]);

    await page.click('[data-mtc-team-mapping] summary');
    await page.selectOption('[data-mtc-team-field="absence"]', { label: 'HR Note' });
    await page.click('[data-mtc-action="team-apply-columns"]');
    await expect.poll(() => rows(page)).toEqual([
      'jane.smith@ucl.ac.uk | Information Security Training | due-soon',
      'jane.smith@ucl.ac.uk | Prevent at UCL | overdue',
      'jane.smith@ucl.ac.uk | UCL Fire Safety | not-completed',
      'lee.chen@ucl.ac.uk | Data Protection and Freedom of Information | overdue',
    ]);
    expect(await page.locator('[data-mtc-team-count]').innerText()).toContain('2 people on leave or not working now are left out');
  });

  it('shows people on leave or not working when asked, marked as such', async () => {
    await page.check('[data-mtc-team-filter="include-away"]');
    await expect.poll(() => page.locator('[data-mtc-person="p.patel@ucl.ac.uk"]').getAttribute('data-mtc-availability')).toBe('on-leave');
    expect(await page.locator('[data-mtc-person="t.brown@ucl.ac.uk"]').getAttribute('data-mtc-availability')).toBe('not-working');
    expect(await page.locator('[data-mtc-person="p.patel@ucl.ac.uk"]').innerText()).toContain('On leave');
    await page.selectOption('[data-mtc-team-filter="status"]', 'all');
    expect((await rows(page)).length).toBe(11);
    await page.uncheck('[data-mtc-team-filter="include-away"]');
    await page.selectOption('[data-mtc-team-filter="status"]', 'outstanding');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('prefills a reminder per person, and one to everyone in BCC', async () => {
    const jane = page.locator('[data-mtc-person="jane.smith@ucl.ac.uk"][data-mtc-course="Prevent at UCL"]');
    const mail = decodeMailto((await jane.locator('[data-mtc-remind="mailto"]').getAttribute('href'))!);
    expect(mail.to).toBe('jane.smith@ucl.ac.uk');
    expect(mail.params.subject).toBe('Mandatory training: 3 courses to complete');
    expect(mail.params.body).toMatch(/^Hello Jane,/);
    expect(mail.params.body).toMatch(/- Prevent at UCL: Overdue since \d{1,2} \w{3} \d{4}/);
    expect(mail.params.body).toContain('- UCL Fire Safety: Not completed yet');
    expect(mail.params.body).toMatch(/- Information Security Training: Due soon: renew by/);
    expect(mail.params.body).toContain('https://app.cybsafe.com/');
    expect(mail.params.body).toContain('https://www.ucl.ac.uk/human-resources/learning-development/mandatory-learning');
    expect(mail.params.body).not.toContain('Data Protection');
    const outlook = new URL((await jane.locator('[data-mtc-remind="outlook"]').getAttribute('href'))!);
    expect(outlook.origin + outlook.pathname).toBe('https://outlook.office.com/mail/deeplink/compose');
    expect(outlook.searchParams.get('to')).toBe('jane.smith@ucl.ac.uk');
    expect(outlook.searchParams.get('body')).toContain('Prevent at UCL: Overdue since');

    const all = decodeMailto((await page.locator('[data-mtc-remind-all="mailto"]').getAttribute('href'))!);
    expect(all.to).toBe('');
    expect(all.params.bcc!.split(',').sort()).toEqual(['jane.smith@ucl.ac.uk', 'lee.chen@ucl.ac.uk']);
    expect(all.params.body).toContain('- Data Protection and Freedom of Information');
    const allOutlook = new URL((await page.locator('[data-mtc-remind-all="outlook"]').getAttribute('href'))!);
    expect(allOutlook.searchParams.get('bcc')!.split(';').sort()).toEqual(['jane.smith@ucl.ac.uk', 'lee.chen@ucl.ac.uk']);
  });

  it('keeps a manager’s mark and the column choice after the page is reopened', async () => {
    await page.selectOption('[data-mtc-person="lee.chen@ucl.ac.uk"] select', 'on-leave');
    await expect.poll(() => page.locator('[data-mtc-person="lee.chen@ucl.ac.uk"]').count()).toBe(0);
    await page.reload();
    await page.waitForSelector('[data-mtc-team-count]');
    expect(await rows(page)).toEqual([
      'jane.smith@ucl.ac.uk | Information Security Training | due-soon',
      'jane.smith@ucl.ac.uk | Prevent at UCL | overdue',
      'jane.smith@ucl.ac.uk | UCL Fire Safety | not-completed',
    ]);
  });

  it('exports the chase list as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-mtc-action="team-export"]')]);
    expect(download.suggestedFilename()).toMatch(/^team-chase-list-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = parseCsv(readFileSync((await download.path())!, 'utf8'));
    expect(csv[0]).toEqual(expect.arrayContaining(['Name', 'Email', 'Course', 'Status', 'Renew by']));
    expect(csv.slice(1).filter((r) => r.length > 1).map((r) => r[4]).sort()).toEqual(['Information Security Training', 'Prevent at UCL', 'UCL Fire Safety']);
  });

  it('asks before deleting the team data, naming what goes; cancel keeps everything', async () => {
    const before = await rows(page);
    await page.click('[data-mtc-action="team-delete"]');
    const question = page.locator('[data-mtc-confirm="team-delete"]');
    await question.waitFor();
    // Focus is on the question; it names the report, its size and the marks made.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('team-delete-heading');
    const text = await question.innerText();
    expect(text).toContain('“compliance-report.xlsx”');
    expect(text).toMatch(/5 people, 11 course rows/);
    expect(text).toMatch(/\(1 person\)/);
    expect(text).toMatch(/Cancel changes nothing/);
    expect(await axeViolations(page, '[data-mtc-section="team"]')).toEqual([]);
    // Escape is a cancel too.
    await page.keyboard.press('Escape');
    await expect.poll(() => question.count()).toBe(0);
    expect(await page.locator('[data-mtc-team-status]').innerText()).toContain('Nothing was deleted.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-mtc-team-status'))).toBe(true);
    await page.click('[data-mtc-action="team-delete"]');
    await page.click('[data-mtc-action="team-delete-cancel"]');
    expect(await rows(page)).toEqual(before);
    await page.reload();
    await page.waitForSelector('[data-mtc-team-count]');
    expect(await rows(page)).toEqual(before);
  });

  it('deletes the team data once confirmed, and says so where focus lands', async () => {
    await page.click('[data-mtc-action="team-delete"]');
    await page.click('[data-mtc-action="team-delete-confirm"]');
    await expect.poll(() => page.locator('[data-mtc-team="table"]').count()).toBe(0);
    expect(await page.locator('[data-mtc-team-status]').innerText()).toContain('Team data deleted from this computer');
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-mtc-team-status'))).toBe(true);
    await page.reload();
    await page.waitForSelector('[data-mtc-action="team-import"]:not([disabled])');
    expect(await page.locator('[data-mtc-team-report]').count()).toBe(0);
  });

  it('moves focus to the result after an import, good or bad', async () => {
    await page.setInputFiles('[data-mtc-input="team-report"]', { name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('nothing,here\n1,2\n') });
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-mtc-team-status'))).toBe(true);
    expect(await page.locator('[data-mtc-team-status]').innerText()).toMatch(/not imported|could not|no /i);
    await page.setInputFiles('[data-mtc-input="team-report"]', { name: 'compliance-report.xlsx', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from(teamReportXlsx(sampleTeam())) });
    await expect.poll(() => page.locator('[data-mtc-team-status]').innerText()).toMatch(/Imported “compliance-report\.xlsx”: 5 people/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-mtc-team-status'))).toBe(true);
    // Clean up for what follows.
    await page.click('[data-mtc-action="team-delete"]');
    await page.click('[data-mtc-action="team-delete-confirm"]');
    await expect.poll(() => page.locator('[data-mtc-team="table"]').count()).toBe(0);
  });
});

describe('Team page: training time log', () => {
  it('logs active time on a LearnUpon course player once opted in, and shows it on the timesheet', async () => {
    await page.check('[data-mtc-time-log="enabled"]');
    await expect.poll(() => h.worker.evaluate(() => (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.storage.local.get('timeLog'))).toMatchObject({ timeLog: { enabled: true } });

    const prevent = personaEnrollments().find((e) => e.catalogueName === 'Prevent at UCL')!;
    const player = await h.context.newPage();
    const started = Date.now();
    await player.goto(`https://ucl.learnupon.com${paths.player(prevent.id, firstPageId(prevent.id))}`);
    await player.bringToFront();
    // Input counts once the time-log script is in the page; then someone uses it for a few seconds of
    // real time (the log measures real time), a little input every half second. Closing the tab makes
    // the script report.
    await h.waitForContentScript(player);
    const activeFrom = Date.now();
    for (let i = 0; Date.now() - activeFrom < ACTIVE_MS; i++) {
      await player.mouse.move(100 + (i % 20) * 10, 200);
      await player.waitForTimeout(500);
    }
    await player.close();
    const elapsed = Date.now() - started;

    await page.bringToFront();
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.locator('[data-mtc-time-entry="Prevent at UCL"]').getAttribute('data-mtc-tracked-ms', { timeout: 2000 }).catch(() => null);
        },
        { timeout: 30_000, interval: 2000 },
      )
      .not.toBeNull();
    const tracked = Number(await page.locator('[data-mtc-time-entry="Prevent at UCL"]').getAttribute('data-mtc-tracked-ms'));
    expect(tracked).toBeGreaterThanOrEqual(3000);
    expect(tracked).toBeLessThanOrEqual(elapsed + 1000);
    expect(await page.locator('[data-mtc-time-log="total"]').innerText()).toMatch(/Up to 4 hours are paid/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('adds time by hand, with focus on what was added', async () => {
    await page.selectOption('#add-time-course', 'UCL Fire Safety');
    await page.fill('#add-time-minutes', '30');
    await page.press('#add-time-minutes', 'Enter');
    await expect.poll(() => page.locator('[data-mtc-time-log-notice]').innerText()).toMatch(/Added 30 min to UCL Fire Safety/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-mtc-time-log-notice'))).toBe(true);
    expect(await page.locator('[data-mtc-time-entry="UCL Fire Safety"]').count()).toBe(1);
  });

  it('asks before deleting the whole time log, naming what goes, with a backup and a timesheet to keep first', async () => {
    const entries = () => page.locator('[data-mtc-time-log="table"] tbody tr').count();
    expect(await entries()).toBe(2);
    await page.click('[data-mtc-action="time-log-delete"]');
    const question = page.locator('[data-mtc-confirm="time-log-delete"]');
    await question.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('time-log-delete-heading');
    expect(await question.innerText()).toMatch(/2 entries from \d{1,2} \w{3} \d{4} to \d{1,2} \w{3} \d{4}/);
    expect(await axeViolations(page, '#time-log')).toEqual([]);

    // The backup offered first holds the time log, read back from the zip.
    const [backup] = await Promise.all([page.waitForEvent('download'), page.click('[data-mtc-confirm="time-log-delete"] [data-mtc-action="backup-first"]')]);
    expect(backup.suggestedFilename()).toMatch(/^mandatory-training-backup-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = await JSZip.loadAsync(readFileSync((await backup.path())!));
    const log = JSON.parse(await zip.file('stores/timeLog.json')!.async('string')) as { value: { course: string } }[];
    expect(log.map((e) => e.value.course).sort()).toEqual(['Prevent at UCL', 'UCL Fire Safety']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-mtc-backup-first'))).toBe('ok');
    // And the whole log as a timesheet.
    const [sheet] = await Promise.all([page.waitForEvent('download'), page.click('[data-mtc-action="time-log-csv-all"]')]);
    const csv = parseCsv(readFileSync((await sheet.path())!, 'utf8').replace(/^\uFEFF/, ''));
    expect(csv.flat().join(' ')).toContain('Prevent at UCL');

    await page.click('[data-mtc-action="time-log-delete-cancel"]');
    await expect.poll(() => question.count()).toBe(0);
    expect(await page.locator('[data-mtc-time-log-notice]').innerText()).toBe('Nothing was deleted.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-mtc-time-log-notice'))).toBe(true);
    await page.reload();
    await page.waitForSelector('[data-mtc-time-log="table"]');
    expect(await entries()).toBe(2);

    await page.click('[data-mtc-action="time-log-delete"]');
    await page.click('[data-mtc-action="time-log-delete-confirm"]');
    await expect.poll(() => page.locator('[data-mtc-time-log="empty"]').count()).toBe(1);
    expect(await page.locator('[data-mtc-time-log-notice]').innerText()).toBe('The whole time log was deleted.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-mtc-time-log-notice'))).toBe(true);
    await page.reload();
    await page.waitForSelector('[data-mtc-time-log="empty"]');
  });

  it('leaves no CSP or console errors', () => {
    expect(cspErrors(h.consoleErrors)).toEqual([]);
    expect(realErrors(h.consoleErrors)).toEqual([]);
  });
});
