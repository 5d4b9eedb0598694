// `npm run bench` row: a 20,000-row compliance report imported on the Team page of the built
// extension in Chromium, from the file being chosen to the table painted (the page's own performance
// marks, so the test tool's work of handing over the file is not counted). Also notes the longest
// main-thread task meanwhile: the work is in a worker, so the page should stay responsive.
import { launch } from '../tests/e2e/harness';
import { largeTeam, teamReportXlsx } from '../tests/fixtures/team-report';
import { IMPORT_MARKS } from '../utils/team/marks';

export interface TeamBench {
  rows: number;
  ms: number;
  /** Longest main-thread task during the import (Long Tasks API: 50 ms and over), 0 when none. */
  longestTaskMs: number;
}

export async function benchTeamImport(rows = 20_000): Promise<TeamBench[]> {
  const file = Buffer.from(teamReportXlsx(largeTeam(rows)));
  const h = await launch();
  try {
    const page = await h.context.newPage();
    await page.goto(h.extensionUrl('team.html'));
    await page.waitForSelector('[data-mtc-action="team-import"]:not([disabled])');
    await page.evaluate(() => {
      const w = window as unknown as { tasks: { start: number; duration: number }[] };
      w.tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask' });
    });
    await page.setInputFiles('[data-mtc-input="team-report"]', { name: 'compliance-report.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await page.waitForFunction((done) => performance.getEntriesByName(done).length > 0, IMPORT_MARKS.done, { timeout: 60_000 });
    const { ms, longestTaskMs } = await page.evaluate((marks) => {
      const start = performance.getEntriesByName(marks.start)[0]!.startTime;
      const done = performance.getEntriesByName(marks.done)[0]!.startTime;
      const tasks = (window as unknown as { tasks: { start: number; duration: number }[] }).tasks.filter((t) => t.start >= start);
      return { ms: done - start, longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)) };
    }, IMPORT_MARKS);
    console.log(`  ${rows.toLocaleString('en-GB')} rows: ${ms.toFixed(0)} ms; longest main-thread task ${longestTaskMs.toFixed(0)} ms`);
    return [{ rows, ms, longestTaskMs }];
  } finally {
    await h.close();
  }
}
