// The calendar file for the pages: what the last file held (the `calendar-state` meta value), whether
// it is out of date against the course lines now, and making a new one (saved as a download, its state
// stored so the next file updates the same events). utils/calendar/ does the planning and the format.
import { useCallback, useMemo, useState } from 'preact/hooks';
import type { CalendarFile } from '@/utils/calendar/ics';
import { readCalendarState, type CalendarState } from '@/utils/calendar/state';
import { calendarStatus } from '@/utils/calendar/status';
import { META_KEYS } from '@/utils/data/keys';
import { errorText } from '@/utils/errors';
import { readMeta, writeMeta } from '@/utils/store/meta';
import type { CourseLines } from '../useOverview';
import { downloadBlob } from '../download';
import { useRead } from '../useRead';

const readState = async (): Promise<CalendarState | null> => readCalendarState(await readMeta(META_KEYS.calendarState));

export interface CalendarDone {
  /** Which export: all courses, or one course's name. */
  course: string | null;
  file: Pick<CalendarFile, 'fileName' | 'events' | 'skipped'>;
}

export function useCalendar(courses: CourseLines) {
  const { value: previous, error: readFailed, reload } = useRead(readState, { what: 'What your last calendar file held' });
  const [done, setDone] = useState<CalendarDone | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const input = useMemo(() => ({ lines: courses.lines, profile: courses.profile }), [courses]);
  const status = useMemo(() => (previous ? calendarStatus({ ...input, now: new Date(), previous }) : null), [input, previous]);

  const save = useCallback(
    async (course?: string) => {
      setFailed(null);
      try {
        // Read again: another page may have made a file since this one opened (SEQUENCE must only rise).
        // The file writer (ical-generator) loads only when a file is asked for: the popup opens fast.
        const { buildCalendar } = await import('@/utils/calendar/ics');
        const file = buildCalendar({ ...input, now: new Date(), previous: await readState(), course });
        downloadBlob(new Blob([file.ics], { type: 'text/calendar' }), file.fileName);
        await writeMeta(META_KEYS.calendarState, file.state);
        setDone({ course: course ?? null, file });
        await reload();
      } catch (e) {
        setFailed(`The calendar file could not be made (${errorText(e)}). Nothing was changed; try again, and if it keeps happening, restart Chrome.`);
      }
    },
    [input, reload],
  );
  return { previous, status, done, failed: failed ?? readFailed, save };
}
