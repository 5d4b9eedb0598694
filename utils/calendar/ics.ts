// The `.ics` file (RFC 5545) of the renewal events, written by ical-generator (a well-kept library:
// escaping, line folding and the property rules are its job, not ours). All-day events are DATE
// values: no time and no zone, so a date is the same day wherever the file is opened.
import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventTransparency } from 'ical-generator';
import { addDays, londonDate, toYmd } from '@/utils/dates/calendar';
import type { CourseLine } from '@/utils/renewal/summary';
import { courseSlug, planCalendar, type CalendarEventPlan, type CalendarProfile, type CalendarSkip } from './plan';
import { nextCalendarState, type CalendarState } from './state';

export interface CalendarInput {
  /** The course lines as the popup has them (utils/renewal/summary.ts). */
  lines: readonly CourseLine[];
  profile: CalendarProfile & { organisation: string };
  /** The moment of export: its London date is "today"; it is also the file's DTSTAMP. */
  now: Date;
  /** The state returned by the last export (stored by the page), or null. */
  previous: CalendarState | null;
  /** One course's name, for "Add to my calendar" beside a course; all courses when absent. */
  course?: string;
}

export interface CalendarFile {
  ics: string;
  fileName: string;
  /** To store: the next export reads it as `previous`. */
  state: CalendarState;
  events: CalendarEventPlan[];
  /** Courses that get no event, and why (for the popup to say). */
  skipped: CalendarSkip[];
}

/** An all-day date as a Date at UTC midnight: ical-generator writes DATE values from its UTC fields when no zone is set. */
function utcDay(day: string): Date {
  const { year, month, day: d } = toYmd(day);
  return new Date(Date.UTC(year, month - 1, d));
}

export function buildCalendar(input: CalendarInput): CalendarFile {
  const today = londonDate(input.now);
  const lines = input.course === undefined ? input.lines : input.lines.filter((l) => l.course.name === input.course);
  const { events, skipped } = planCalendar(lines, input.profile, today);
  const state = nextCalendarState(input.previous, events, today, input.course === undefined);
  const calendar = ical({
    prodId: { company: 'Mandatory Training Companion', product: 'Renewal calendar', language: 'EN' },
    name: `${input.profile.organisation} mandatory training`,
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const e of events) {
    const event = calendar.createEvent({
      id: e.uid,
      sequence: state.events[e.course]!.sequence,
      stamp: input.now,
      start: utcDay(e.date),
      end: utcDay(addDays(e.date, 1)), // DTEND of an all-day event is the next day (exclusive)
      allDay: true,
      summary: e.title,
      description: e.description,
      url: e.link,
      transparency: ICalEventTransparency.TRANSPARENT, // a reminder, not a meeting: the day stays free
    });
    for (const days of e.alarmDays) {
      event.createAlarm({ type: ICalAlarmType.display, trigger: days * 86_400, description: e.title });
    }
  }
  const fileName = input.course === undefined ? `mandatory-training-renewals-${today}.ics` : `renew-${courseSlug(input.course)}-${today}.ics`;
  return { ics: calendar.toString(), fileName, state, events, skipped };
}
