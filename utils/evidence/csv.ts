// `training-history.csv`: every completion the extension holds, one row each with every source that
// showed it. The CSV writer and parser themselves live in utils/sheets/csv.ts.
import type { CompletionRecord } from '@/utils/records';
import { toCsv } from '@/utils/sheets/csv';

// Re-exported for the time log (utils/timelog/timesheet.ts) until it imports utils/sheets/csv itself.
export { guardCell, parseCsv, sniffDelimiter, toCsv, type ToCsvOptions } from '@/utils/sheets/csv';

export const RECORDS_CSV_HEADER = [
  'Course',
  'Title as shown',
  'Status',
  'Completed on',
  'Renewal due',
  'Certificate expires',
  'Platform due date',
  'Counts for compliance',
  'Source',
  'Source URL',
  'Seen at',
  'Enrollment ID',
  'Certificate URL',
  'Note',
] as const;

/**
 * `training-history.csv`: every record the extension holds, with its source and computed renewal
 * date (`renewalFor` comes from the renewal module, passed in to keep this file independent of it).
 * Sorted by course, newest completion first; dates stay `YYYY-MM-DD`, which no locale misreads.
 */
export function recordsCsv(records: readonly CompletionRecord[], renewalFor: (record: CompletionRecord) => string | null): string {
  const sorted = [...records].sort(
    (a, b) =>
      a.course.localeCompare(b.course, 'en') ||
      (b.completedOn ?? '').localeCompare(a.completedOn ?? '') ||
      a.id.localeCompare(b.id),
  );
  const rows = sorted.map((r) => [
    r.course,
    r.title,
    r.status,
    r.completedOn ?? '',
    renewalFor(r) ?? '',
    r.certExpiresOn ?? '',
    r.dueOn ?? '',
    r.countsForCompliance ? 'yes' : 'no',
    r.source,
    r.sourceUrl,
    r.seenAt,
    r.enrollmentId ?? '',
    r.certificateUrl ?? '',
    r.note ?? '',
  ]);
  return toCsv([[...RECORDS_CSV_HEADER], ...rows]);
}
