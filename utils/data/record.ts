// A training record: one completion (or enrollment) of one course, from one source. The schema is the
// one definition; the type is inferred from it. Content scripts import only the types (`import type`).
import { z } from '@/utils/zod';
import { LIMITS } from './keys';

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

/** A course's duration in whole minutes, as a page gave it: at most a day. */
export const MinutesSchema = z.nullable(z.number().check(z.int(), z.gte(1), z.lte(24 * 60)));

export const CompletionRecordSchema = z.object({
  /** Stable per source + enrollment + completion (utils/records.ts `recordId`), so re-reading a page updates rather than duplicates. */
  id: z.string().check(z.minLength(1), z.maxLength(500)),
  /** Catalogue name when the title matched the catalogue, else the title as seen. */
  course: z.string().check(z.minLength(1), z.maxLength(500)),
  title: z.string().check(z.maxLength(LIMITS.title)),
  status: EnrollmentStatusSchema,
  completedOn: z.nullable(IsoDateSchema),
  dueOn: z.nullable(IsoDateSchema),
  certExpiresOn: z.nullable(IsoDateSchema),
  enrollmentId: z.nullable(z.string().check(z.maxLength(LIMITS.enrollmentId))),
  certificateUrl: z.nullable(z.string().check(z.maxLength(LIMITS.url))),
  source: RecordSourceSchema,
  sourceUrl: z.string().check(z.maxLength(LIMITS.url)),
  /** ISO timestamp of when the extension saw or was told of it. */
  seenAt: z.string(),
  countsForCompliance: z.boolean(),
  note: z.optional(z.string().check(z.maxLength(2000))),
  /** Minutes the course takes (or still needs) where the page said (utils/platforms/duration.ts); absent: not shown. */
  minutes: z.optional(MinutesSchema),
});
export type CompletionRecord = z.infer<typeof CompletionRecordSchema>;

/**
 * What a content script may say about one course entry on its page: the readings only. The background
 * adds the rest (utils/background/page-records.ts): the course (matched again), the source and address
 * (from the sender), the time, whether it counts, and the id.
 */
export const PageReadingSchema = z.object({
  title: z.string().check(z.minLength(1), z.maxLength(LIMITS.title)),
  status: EnrollmentStatusSchema,
  completedOn: z.nullable(IsoDateSchema),
  dueOn: z.nullable(IsoDateSchema),
  certExpiresOn: z.nullable(IsoDateSchema),
  enrollmentId: z.nullable(z.string().check(z.maxLength(LIMITS.enrollmentId))),
  certificateUrl: z.nullable(z.string().check(z.maxLength(LIMITS.url))),
  minutes: z.optional(MinutesSchema),
});
export type PageReading = z.infer<typeof PageReadingSchema>;
