// "Add to my calendar" (issue 17): the popup's section for all courses, and the controls beside each
// course (its own file, or Outlook on the web's compose page filled in). The course list is passed in
// as a render function so the popup keeps its own list and gets the per-course controls for it.
import { useMemo } from 'preact/hooks';
import { planCalendar, type CalendarEventPlan } from '@/utils/calendar/plan';
import { outlookCalendarUrl } from '@/utils/calendar/outlook';
import { formatDate } from '@/utils/dates/calendar';
import { andList } from '@/utils/words';
import type { CourseLine } from '@/utils/renewal/summary';
import type { CourseLines } from '../useOverview';
import { useCalendar, type CalendarDone } from './useCalendar';

function DoneText({ done }: { done: CalendarDone }) {
  const { events, skipped, fileName } = done.file;
  return (
    <div role="status" data-mtc-calendar="saved">
      <p>
        {events.length
          ? `Saving ${fileName} to your downloads, with ${events.length === 1 ? `one event (${events[0]!.title})` : `${events.length} events`}. Open the file to add ${events.length === 1 ? 'it' : 'them'} to your calendar: opening a newer file later updates the same events.`
          : `No calendar file was made: ${done.course ?? 'none of your courses'} has no date to put in a calendar.`}
      </p>
      {skipped.length > 0 && (
        <p class="muted">Not in the file: {skipped.map((s) => `${s.course} (${s.reason})`).join('; ')}.</p>
      )}
      {events.length > 0 && (
        <p class="muted">Outlook: open the file, then Save &amp; Close. Outlook on the web: Calendar, Add calendar, Upload from file. Google Calendar: Settings, Import.</p>
      )}
    </div>
  );
}

/** The section, then the popup's course list with each course's calendar controls. */
export function PopupCalendar({ courses, list }: { courses: CourseLines; list: (controls: (line: CourseLine) => preact.ComponentChildren) => preact.ComponentChildren }) {
  const { previous, status, done, failed, save } = useCalendar(courses);
  const events = useMemo(() => {
    const byCourse = new Map<string, CalendarEventPlan>();
    for (const e of planCalendar(courses.lines, courses.profile, courses.today).events) byCourse.set(e.course, e);
    return byCourse;
  }, [courses]);
  const stale = status?.outOfDate ? [...status.changed, ...status.removed] : [];

  const controls = (line: CourseLine) => {
    const event = events.get(line.course.name);
    if (!event) return null;
    return (
      <div class="row" data-mtc-calendar-course={line.course.name}>
        <button type="button" class="link" style={{ display: "inline", padding: 0 }} onClick={() => void save(line.course.name)}>
          Add to calendar<span class="visually-hidden"> ({event.title}, {formatDate(event.date)})</span>
        </button>{' '}
        <a href={outlookCalendarUrl(event)} target="_blank" rel="noopener noreferrer">
          Add to Outlook calendar<span class="visually-hidden"> ({event.title})</span>
        </a>
      </div>
    );
  };

  return (
    <>
      {list(controls)}
      <section aria-labelledby="mtc-calendar-heading" data-mtc-section="calendar" style={{ marginTop: '12px' }}>
        <h2 id="mtc-calendar-heading">Your calendar</h2>
        {stale.length > 0 && previous && (
          <p class="notice" role="status" data-mtc-calendar="out-of-date">
            The calendar file you made on {formatDate(previous.exportedOn)} is out of date: {andList(stale)}{' '}
            {stale.length === 1 ? 'has' : 'have'} changed. Add the new file to your calendar: it updates the same events.
          </p>
        )}
        <button type="button" onClick={() => void save()} data-mtc-action="calendar">
          {stale.length ? 'Get the new calendar file' : 'Add to my calendar'}
        </button>
        {!previous && !done && <p class="muted">One all-day event per course on its renewal date, with reminders before it.</p>}
        {done && <DoneText done={done} />}
        {failed && (
          <p class="error" role="alert">
            {failed}
          </p>
        )}
      </section>
    </>
  );
}
