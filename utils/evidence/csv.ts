// `training-history.csv`: every completion the extension holds, one row each with every source that
// showed it. The CSV writer and parser themselves live in utils/sheets/csv.ts.
import type { CompletionRecord } from '@/utils/records';
import { toCsv } from '@/utils/sheets/csv';
import { completionRows } from './completions';

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
  'Sources',
  'Source URL',
  'Seen at',
  'Enrollment ID',
  'Certificate URL',
  'Note',
] as const;

/** Several values in one cell (titles, sources, links): `; ` between them; the writer quotes the cell. */
const several = (values: readonly string[]) => values.join('; ');

/**
 * `training-history.csv`: one row per completion (completions.ts), naming every source that showed it,
 * with its computed renewal date (`renewalFor` comes from the renewal module, passed in to keep this
 * file independent of it). Sorted by course, newest completion first; dates stay `YYYY-MM-DD`, which
 * no locale misreads.
 */
export function recordsCsv(records: readonly CompletionRecord[], renewalFor: (record: CompletionRecord) => string | null): string {
  const rows = completionRows(records, renewalFor).map((r) => [
    r.course,
    several(r.titles),
    r.status,
    r.completedOn ?? '',
    r.renewalDue ?? '',
    r.certExpiresOn ?? '',
    r.dueOn ?? '',
    r.countsForCompliance ? 'yes' : 'no',
    several(r.sources),
    several(r.sourceUrls),
    r.seenAt,
    several(r.enrollmentIds),
    several(r.certificateUrls),
    several(r.notes),
  ]);
  return toCsv([[...RECORDS_CSV_HEADER], ...rows]);
}
