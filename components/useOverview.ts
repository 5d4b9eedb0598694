// Extension pages read the store directly (same origin as the background) and recompute statuses.
import { useCallback, useLayoutEffect, useState } from 'preact/hooks';
import type { Profile } from '@/utils/catalogue/profile';
import { londonDate } from '@/utils/dates/calendar';
import type { CompletionRecord } from '@/utils/records';
import { summariseCourses, type CourseLine, type CourseSummary } from '@/utils/renewal/summary';
import { listRecords, readRecordsBasis } from '@/utils/store/records';
import { loadProfile } from '@/utils/store/profile';
import { errorText } from '@/utils/errors';

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

function useStoreRead<T>(read: () => Promise<T>): { value: T | null; error: string | null; reload: () => Promise<void> } {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setValue(await read());
      setError(null);
    } catch (e) {
      setError(`Your training records could not be read (${errorText(e)}). Close and reopen this panel; if it keeps happening, restart Chrome.`);
    }
  }, [read]);
  // A layout effect starts the read right after the first render, not a frame later as an effect would.
  useLayoutEffect(() => {
    void reload();
  }, [reload]);
  return { value, error, reload };
}

export function useOverview(): { overview: Overview | null; error: string | null; reload: () => Promise<void> } {
  const { value, error, reload } = useStoreRead(readOverview);
  return { overview: value, error, reload };
}

export function useCourseLines(): { courses: CourseLines | null; error: string | null } {
  const { value, error } = useStoreRead(readCourseLines);
  return { courses: value, error };
}
