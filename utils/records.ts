// Training records: the shape is declared once (utils/data/record.ts); this module holds what every
// context may do with one. No schema library: content scripts import it.
import type { CompletionRecord } from '@/utils/data/record';

export type { CompletionRecord, EnrollmentStatus, PageReading, RecordSource } from '@/utils/data/record';

/**
 * Stable per source, enrollment and completion, so re-reading a page updates a record rather than
 * adding another. Records from another organisation's LearnUpon portal carry that portal's host, so they
 * can never replace one of the organisation's own (docs/rules.md, "Which records count").
 */
export function recordId(r: Pick<CompletionRecord, 'source' | 'enrollmentId' | 'course' | 'completedOn'>, otherPortalHost?: string): string {
  const source = otherPortalHost ? `${r.source}@${otherPortalHost}` : r.source;
  return [source, r.enrollmentId ?? r.course, r.completedOn ?? 'open'].join('|');
}

/** A later sighting updates a record but never erases what an earlier one established. */
export function mergeRecord(held: CompletionRecord, next: CompletionRecord): CompletionRecord {
  return {
    ...next,
    completedOn: next.completedOn ?? held.completedOn,
    certExpiresOn: next.certExpiresOn ?? held.certExpiresOn,
    certificateUrl: next.certificateUrl ?? held.certificateUrl,
    dueOn: next.dueOn ?? held.dueOn,
    note: next.note ?? held.note,
    ...((next.minutes ?? held.minutes) ? { minutes: next.minutes ?? held.minutes } : {}),
  };
}
