import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/utils/evidence/csv';
import { buildTimesheet, formatMinutes, timesheetCsv } from '@/utils/timelog/timesheet';
import type { TimeEntry } from '@/utils/timelog/types';

const M = 60_000;
const entry = (day: string, course: string, minutes: number, corrected: number | null = null): TimeEntry => ({
  id: `${day}|${course}`, day, course, trackedMs: minutes * M + 20_000, correctedMs: corrected === null ? null : corrected * M, updatedAt: '',
});

describe('timesheet', () => {
  it('counts corrections over logged time and fills the 4-hour cap oldest first', () => {
    const sheet = buildTimesheet([
      entry('2026-10-03', 'UCL Fire Safety', 50),
      entry('2026-10-01', 'Prevent at UCL', 100),
      entry('2026-10-02', 'Data Protection and Freedom of Information', 10, 120),
    ]);
    expect(sheet.rows.map((r) => [r.entry.day, r.loggedMinutes, r.countedMinutes, r.claimableMinutes])).toEqual([
      ['2026-10-01', 100, 100, 100],
      ['2026-10-02', 10, 120, 120],
      ['2026-10-03', 50, 50, 20],
    ]);
    expect(sheet).toMatchObject({ totalMinutes: 270, claimableMinutes: 240, overCapMinutes: 30 });
  });

  it('shows whole minutes that add up to the total', () => {
    const sheet = buildTimesheet([entry('2026-10-01', 'A', 0), entry('2026-10-01', 'B', 0), entry('2026-10-01', 'C', 0)]);
    expect(sheet.rows.map((r) => r.countedMinutes)).toEqual([0, 0, 0]);
    expect(sheet.totalMinutes).toBe(0);
  });

  it.each([
    [0, '0 min'],
    [25, '25 min'],
    [60, '1 h'],
    [125, '2 h 05 min'],
    [240, '4 h'],
  ])('writes %i minutes as “%s”', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });

  it('writes a CSV timesheet with the name, range, cap and a total', () => {
    const sheet = buildTimesheet([entry('2026-10-01', 'Prevent at UCL', 200), entry('2026-10-02', 'UCL Fire Safety', 30, 60)]);
    const rows = parseCsv(timesheetCsv(sheet, { from: '2026-10-01', to: '2026-10-31', name: 'Sam Lee' }));
    expect(rows).toEqual([
      ['Mandatory training timesheet'],
      ['Name', 'Sam Lee'],
      ['From', '2026-10-01', 'To', '2026-10-31'],
      ['Paid up to (hours)', '4'],
      [''],
      ['Date', 'Course', 'Logged (minutes)', 'Corrected (minutes)', 'Counted (minutes)', 'Within the 4-hour cap (minutes)'],
      ['2026-10-01', 'Prevent at UCL', '200', '', '200', '200'],
      ['2026-10-02', 'UCL Fire Safety', '30', '60', '60', '40'],
      ['Total', '', '', '', '260', '240'],
    ]);
  });
});
