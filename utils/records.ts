import { z } from '@/utils/zod';

/** LearnUpon's enrollment statuses (docs/pages.md), plus unknown for text we could not read. */
export const EnrollmentStatusSchema = z.enum([
  'completed', 'passed', 'in-progress', 'not-started', 'failed', 'pending-review', 'unknown',
]);
export type EnrollmentStatus = z.infer<typeof EnrollmentStatusSchema>;

export const RecordSourceSchema = z.enum([
  'learnupon', // seen on a LearnUpon page
  'cybsafe', // seen on a CybSafe page
  'training-history', // a row of the LearnUpon training history spreadsheet
  'manual', // "I completed this on …" typed by the user
  'external', // MyLearning, Moodle, NHS trust: kept, but does not count for compliance
]);
export type RecordSource = z.infer<typeof RecordSourceSchema>;

/** A calendar date, `YYYY-MM-DD`, in the Europe/London calendar. */
export const IsoDateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const CompletionRecordSchema = z.object({
  /** Stable per source + enrollment + completion, so re-reading a page updates rather than duplicates. */
  id: z.string().check(z.minLength(1), z.maxLength(500)),
  /** Catalogue name when the title matched the catalogue, else the title as seen. */
  course: z.string().check(z.minLength(1), z.maxLength(500)),
  title: z.string().check(z.maxLength(500)),
  status: EnrollmentStatusSchema,
  completedOn: z.nullable(IsoDateSchema),
  dueOn: z.nullable(IsoDateSchema),
  certExpiresOn: z.nullable(IsoDateSchema),
  enrollmentId: z.nullable(z.string().check(z.maxLength(50))),
  certificateUrl: z.nullable(z.string().check(z.maxLength(2000))),
  source: RecordSourceSchema,
  sourceUrl: z.string().check(z.maxLength(2000)),
  /** ISO timestamp of when the extension saw or was told of it. */
  seenAt: z.string(),
  countsForCompliance: z.boolean(),
  note: z.optional(z.string().check(z.maxLength(2000))),
});
export type CompletionRecord = z.infer<typeof CompletionRecordSchema>;

export function recordId(r: Pick<CompletionRecord, 'source' | 'enrollmentId' | 'course' | 'completedOn'>): string {
  return [r.source, r.enrollmentId ?? r.course, r.completedOn ?? 'open'].join('|');
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
  };
}
