// The timesheet for a date range: time per course and day in whole minutes (so the rows add up to the
// total a payroll clerk checks), and how much of it fits the 4 paid hours (FAQ 13), oldest first.
import { formatDate } from '@/utils/dates/calendar';
import { toCsv } from '@/utils/evidence/csv';
import type { TimeEntry } from './types';

/** PGTAs are paid for up to 4 hours of mandatory training (FAQ 13). */
export const PAID_CAP_MINUTES = 4 * 60;

export interface TimesheetRow {
  entry: TimeEntry;
  loggedMinutes: number;
  /** The correction when there is one, else the logged time. */
  countedMinutes: number;
  /** The part of it within the cap, counting earlier rows first. */
  claimableMinutes: number;
}

export interface Timesheet {
  rows: TimesheetRow[];
  totalMinutes: number;
  claimableMinutes: number;
  overCapMinutes: number;
}

export const toMinutes = (ms: number) => Math.round(ms / 60_000);

export function buildTimesheet(entries: readonly TimeEntry[], capMinutes = PAID_CAP_MINUTES): Timesheet {
  const sorted = [...entries].sort((a, b) => a.day.localeCompare(b.day) || a.course.localeCompare(b.course));
  let used = 0;
  const rows = sorted.map((entry) => {
    const loggedMinutes = toMinutes(entry.trackedMs);
    const countedMinutes = entry.correctedMs === null ? loggedMinutes : toMinutes(entry.correctedMs);
    const claimableMinutes = Math.max(0, Math.min(countedMinutes, capMinutes - used));
    used += claimableMinutes;
    return { entry, loggedMinutes, countedMinutes, claimableMinutes };
  });
  const totalMinutes = rows.reduce((sum, r) => sum + r.countedMinutes, 0);
  return { rows, totalMinutes, claimableMinutes: used, overCapMinutes: totalMinutes - used };
}

/** "2 h 05 min", "25 min", "4 h". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${String(m).padStart(2, '0')} min` : `${h} h`;
}

export interface TimesheetHeading {
  from: string;
  to: string;
  name: string;
}

export function timesheetCsv(sheet: Timesheet, heading: TimesheetHeading): string {
  return toCsv([
    ['Mandatory training timesheet'],
    ['Name', heading.name],
    ['From', heading.from, 'To', heading.to],
    ['Paid up to (hours)', String(PAID_CAP_MINUTES / 60)],
    [''],
    ['Date', 'Course', 'Logged (minutes)', 'Corrected (minutes)', 'Counted (minutes)', 'Within the 4-hour cap (minutes)'],
    ...sheet.rows.map((r) => [
      r.entry.day,
      r.entry.course,
      String(r.loggedMinutes),
      r.entry.correctedMs === null ? '' : String(r.countedMinutes),
      String(r.countedMinutes),
      String(r.claimableMinutes),
    ]),
    ['Total', '', '', '', String(sheet.totalMinutes), String(sheet.claimableMinutes)],
  ]);
}

/** "From 1 Oct 2026 to 28 Nov 2026". */
export function rangeWords(from: string, to: string): string {
  return `From ${formatDate(from)} to ${formatDate(to)}`;
}
