// One row per completion for the pack's CSV and summary: the dashboard, the training history and
// CybSafe often show the same completion, and listing it once per source reads as several completions.
import type { CompletionRecord, EnrollmentStatus, RecordSource } from '@/utils/records';

export interface CompletionRow {
  course: string;
  /** Every title the sources showed it under, first seen first. */
  titles: string[];
  status: EnrollmentStatus;
  completedOn: string | null;
  /** The renewal date of this completion: a certificate expiry any source showed wins. */
  renewalDue: string | null;
  certExpiresOn: string | null;
  /** The platform's own due date, when a source showed one. */
  dueOn: string | null;
  countsForCompliance: boolean;
  /** Every source that showed it, in a fixed order. */
  sources: RecordSource[];
  sourceUrls: string[];
  /** The latest time any source showed it. */
  seenAt: string;
  enrollmentIds: string[];
  certificateUrls: string[];
  notes: string[];
  records: CompletionRecord[];
}

const SOURCE_ORDER: readonly RecordSource[] = ['learnupon', 'cybsafe', 'training-history', 'manual', 'external'];

const done = (r: CompletionRecord) => r.status === 'completed' || r.status === 'passed';

/**
 * The same completion: same course, same completion date, both passes (or both the same other
 * status), and both counting or both not (a completion that does not count stays apart, so the row
 * of one that does is never taken from it). Records without a date are one row per course and status.
 */
function key(r: CompletionRecord): string {
  return JSON.stringify([r.course, r.countsForCompliance, r.completedOn, done(r) ? 'done' : r.status]);
}

const distinct = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];

/**
 * Records grouped into completions, sorted by course, newest completion first. `renewalFor` gives each
 * record's renewal date; the row takes the one from a record with a certificate expiry (the earlier of
 * two, as the renewal rules do), else the first.
 */
export function completionRows(records: readonly CompletionRecord[], renewalFor: (record: CompletionRecord) => string | null): CompletionRow[] {
  const groups = new Map<string, CompletionRecord[]>();
  for (const r of records) {
    const k = key(r);
    const group = groups.get(k);
    if (group) group.push(r);
    else groups.set(k, [r]);
  }
  const rows = [...groups.values()].map((group): CompletionRow => {
    const ordered = [...group].sort((a, b) => SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source) || a.id.localeCompare(b.id));
    const first = ordered[0]!;
    const withExpiry = ordered.filter((r) => r.certExpiresOn).sort((a, b) => a.certExpiresOn!.localeCompare(b.certExpiresOn!))[0];
    const renewals = ordered.map((r) => renewalFor(r));
    return {
      course: first.course,
      titles: distinct(ordered.map((r) => r.title)),
      status: ordered.find(done)?.status ?? first.status,
      completedOn: first.completedOn,
      renewalDue: withExpiry ? renewalFor(withExpiry) : (renewals.find((d) => d !== null) ?? null),
      certExpiresOn: withExpiry?.certExpiresOn ?? null,
      dueOn: ordered.find((r) => r.dueOn)?.dueOn ?? null,
      countsForCompliance: first.countsForCompliance,
      sources: distinct(ordered.map((r) => r.source)) as RecordSource[],
      sourceUrls: distinct(ordered.map((r) => r.sourceUrl)),
      seenAt: ordered.map((r) => r.seenAt).sort().at(-1) ?? '',
      enrollmentIds: distinct(ordered.map((r) => r.enrollmentId)),
      certificateUrls: distinct(ordered.map((r) => r.certificateUrl)),
      notes: distinct(ordered.map((r) => r.note)),
      records: ordered,
    };
  });
  return rows.sort(
    (a, b) =>
      a.course.localeCompare(b.course, 'en') ||
      (b.completedOn ?? '').localeCompare(a.completedOn ?? '') ||
      Number(b.countsForCompliance) - Number(a.countsForCompliance) ||
      key(a.records[0]!).localeCompare(key(b.records[0]!)),
  );
}
