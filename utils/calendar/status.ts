// "Your calendar file is out of date": what the last file held against the course lines now. Apart from
// the file writer (ics.ts) so the popup can say it without loading the writer.
import { londonDate } from '@/utils/dates/calendar';
import type { CourseLine } from '@/utils/renewal/summary';
import { planCalendar, type CalendarProfile } from './plan';
import { calendarChanges, type CalendarChanges, type CalendarState } from './state';

export function calendarStatus(input: { lines: readonly CourseLine[]; profile: CalendarProfile; now: Date; previous: CalendarState | null }): CalendarChanges {
  return calendarChanges(input.previous, planCalendar(input.lines, input.profile, londonDate(input.now)).events);
}
