// The Team page's stored values: the imported compliance report, the manager's marks on people, and the
// column choice. One definition each (the schemas); utils/team/types.ts re-exports the types.
import { z } from '@/utils/zod';
import { EnrollmentStatusSchema, IsoDateSchema } from './record';

/** What the Team page reads from a compliance report (utils/team/fields.ts gives each its headings). */
export const TEAM_FIELDS = [
  'name',
  'firstName',
  'lastName',
  'email',
  'staffId',
  'department',
  'course',
  'status',
  'completedOn',
  'expiresOn',
  'absence',
  'employment',
] as const;
export type TeamField = (typeof TEAM_FIELDS)[number];

// No length limits on the report's own texts: they are what the manager's file holds.
const text = () => z.string();
const column = z._default(z.nullable(z.number().check(z.int(), z.gte(0))), null);

/** Column index per field, or null when the report has no such column (or the user said so; a field left out reads as null). */
export const ColumnMapSchema = z.object(Object.fromEntries(TEAM_FIELDS.map((f) => [f, column])) as Record<TeamField, typeof column>);
export type ColumnMap = z.infer<typeof ColumnMapSchema>;

/** One person × course line of the report, with the course matched to the catalogue. */
export const TeamRowSchema = z.object({
  /** Row number in the sheet as Excel shows it (1-based), for messages. */
  row: z.number().check(z.int(), z.gte(0)),
  /** Who this is: the email, else `id:<staff number>`, else `name:<name>` (lower case). */
  person: text(),
  name: text(),
  /** A checked address, or '' when the report has none (or one we would not put in a link). */
  email: text(),
  staffId: text(),
  department: text(),
  /** Catalogue name. */
  course: text(),
  status: EnrollmentStatusSchema,
  completedOn: z.nullable(IsoDateSchema),
  expiresOn: z.nullable(IsoDateSchema),
  /** The report's own words, shown beside the person. */
  absence: text(),
  employment: text(),
});
export type TeamRow = z.infer<typeof TeamRowSchema>;

export const CourseColumnSchema = z.object({ index: z.number().check(z.int(), z.gte(0)), header: text(), course: text() });
export type CourseColumn = z.infer<typeof CourseColumnSchema>;

export const UnrecognisedCourseSchema = z.object({ title: text(), rows: z.number().check(z.int(), z.gte(0)) });
export type UnrecognisedCourse = z.infer<typeof UnrecognisedCourseSchema>;

/** What reading a report yields, and what is kept of it. */
export const TeamReportSchema = z.object({
  headers: z.array(text()),
  columns: ColumnMapSchema,
  /** One row per person with a column per course, instead of a course column. */
  courseColumns: z.array(CourseColumnSchema),
  rows: z.array(TeamRowSchema),
  warnings: z.array(text()),
  unrecognised: z.array(UnrecognisedCourseSchema),
});
export type TeamReport = z.infer<typeof TeamReportSchema>;

const BufferSchema = z.custom<ArrayBuffer>((v) => v instanceof ArrayBuffer, 'must be the report file');

/** The imported report as kept on this device (store `teamReport`, key `current`: each month's replaces the last). */
export const StoredTeamReportSchema = z.object({
  ...TeamReportSchema.shape,
  fileName: text(),
  importedAt: z.string(),
  /** The file itself, so a changed column choice can be applied without importing again. */
  file: BufferSchema,
});
export type StoredTeamReport = z.infer<typeof StoredTeamReportSchema>;

export const AvailabilitySchema = z.enum(['active', 'on-leave', 'not-working']);
export type Availability = z.infer<typeof AvailabilitySchema>;

/** The manager's own word on someone, which wins over the report's (FAQ 13: the report cannot tell). Store `teamPeople`. */
export const PersonMarkSchema = z.object({
  person: z.string().check(z.minLength(1)),
  availability: AvailabilitySchema,
  updatedAt: z.string(),
});
export type PersonMark = z.infer<typeof PersonMarkSchema>;

/** What is saved between imports (store `teamSettings`, key `mapping`): the heading chosen per field, or null for "not in the report". */
export const SavedMappingSchema = z.object({
  version: z.literal(1),
  fields: z.partialRecord(z.enum(TEAM_FIELDS), z.nullable(z.string().check(z.maxLength(500)))),
});
export type SavedMapping = z.infer<typeof SavedMappingSchema>;
