// The pages' view of the records: read through the store (same origin as the background), statuses
// recomputed here, and read again when records or settings change anywhere (records-changed,
// profile-changed).
import type { Profile } from '@/utils/catalogue/profile';
import { londonDate } from '@/utils/dates/calendar';
import type { CompletionRecord } from '@/utils/records';
import { summariseCourses, type CourseLine, type CourseSummary } from '@/utils/renewal/summary';
import { listRecords, readRecordsBasis } from '@/utils/store/records';
import { loadProfile } from '@/utils/store/profile';
import { errorText } from '@/utils/errors';
import { useRead } from './useRead';

/** Everything: each course's line and history, and every record (side panel, export). */
export interface Overview {
  profile: Profile;
  records: CompletionRecord[];
  summaries: CourseSummary[];
  today: string;
}

/** Just the course lines and how many records there are (the popup, opened many times a day). */
export interface CourseLines {
  profile: Profile;
  recordCount: number;
  lines: CourseLine[];
  today: string;
}

async function readOverview(): Promise<Overview> {
  const [profile, records] = await Promise.all([loadProfile(), listRecords()]);
  const today = londonDate();
  return { profile, records, today, summaries: summariseCourses(records, profile, today) };
}

async function readCourseLines(): Promise<CourseLines> {
  const [profile, basis] = await Promise.all([loadProfile(), readRecordsBasis()]);
  const today = londonDate();
  const lines = summariseCourses(basis.records, profile, today).map(({ history: _partial, ...line }) => line);
  return { profile, recordCount: basis.count, today, lines };
}

const failure = (e: unknown) => `Your training records could not be read (${errorText(e)}). Close and reopen this panel; if it keeps happening, restart Chrome.`;
const CHANGES = ['records-changed', 'profile-changed'] as const;

export function useOverview(): { overview: Overview | null; error: string | null; reload: () => Promise<void> } {
  const { value, error, reload } = useRead(readOverview, { what: 'Your training records', on: CHANGES, failure });
  return { overview: value, error, reload };
}

export function useCourseLines(): { courses: CourseLines | null; error: string | null } {
  const { value, error } = useRead(readCourseLines, { what: 'Your training records', on: CHANGES, failure });
  return { courses: value, error };
}
