// The Team page's data: rows read from a compliance report, kept apart from the manager's own records.
// The stored shapes are declared once, in utils/data/team.ts; this module names them for the Team code.
import type { ColumnMap, TeamReport } from '@/utils/data/team';

export type {
  Availability,
  ColumnMap,
  CourseColumn,
  PersonMark,
  SavedMapping,
  StoredTeamReport,
  TeamReport,
  TeamRow,
  UnrecognisedCourse,
} from '@/utils/data/team';

export type TeamReadResult =
  | ({ ok: true } & TeamReport)
  | {
      ok: false;
      error: string;
      /** Present when the file was read but columns are missing: the page offers the mapping. */
      headers?: string[];
      columns?: ColumnMap;
    };
