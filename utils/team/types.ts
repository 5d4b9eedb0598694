// The Team page's data: rows read from a compliance report, kept apart from the manager's own records.
import type { EnrollmentStatus } from '@/utils/records';
import type { TeamField } from './fields';

/** One person × course line of the report, with the course matched to the catalogue. */
export interface TeamRow {
  /** Row number in the sheet as Excel shows it (1-based), for messages. */
  row: number;
  /** Who this is: the email, else `id:<staff number>`, else `name:<name>` (lower case). */
  person: string;
  name: string;
  /** A checked address, or '' when the report has none (or one we would not put in a link). */
  email: string;
  staffId: string;
  department: string;
  /** Catalogue name. */
  course: string;
  status: EnrollmentStatus;
  completedOn: string | null;
  expiresOn: string | null;
  /** The report's own words, shown beside the person. */
  absence: string;
  employment: string;
}

/** Column index per field, or null when the report has no such column (or the user said so). */
export type ColumnMap = Record<TeamField, number | null>;

/** What is saved between imports: the heading chosen per field, or null for "not in the report". */
export interface SavedMapping {
  version: 1;
  fields: Partial<Record<TeamField, string | null>>;
}

export interface CourseColumn {
  index: number;
  header: string;
  course: string;
}

export interface UnrecognisedCourse {
  title: string;
  rows: number;
}

/** What reading a report yields, and what is kept of it. */
export interface TeamReport {
  headers: string[];
  columns: ColumnMap;
  /** One row per person with a column per course, instead of a course column. */
  courseColumns: CourseColumn[];
  rows: TeamRow[];
  warnings: string[];
  unrecognised: UnrecognisedCourse[];
}

export type TeamReadResult =
  | ({ ok: true } & TeamReport)
  | {
      ok: false;
      error: string;
      /** Present when the file was read but columns are missing: the page offers the mapping. */
      headers?: string[];
      columns?: ColumnMap;
    };

/** The imported report as kept on this device (one at a time: each month's replaces the last). */
export interface StoredTeamReport extends TeamReport {
  fileName: string;
  importedAt: string;
  /** The file itself, so a changed column choice can be applied without importing again. */
  file: ArrayBuffer;
}

export type Availability = 'active' | 'on-leave' | 'not-working';

/** The manager's own word on someone, which wins over the report's (FAQ 13: the report cannot tell). */
export interface PersonMark {
  person: string;
  availability: Availability;
  updatedAt: string;
}
