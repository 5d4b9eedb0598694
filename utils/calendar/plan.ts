// Which calendar events the courses make (issue 17): one all-day event per course on its renewal due
// date ("Renew: UCL Fire Safety"); a course overdue or never completed gets one a week from today
// ("Overdue: …", "Not completed: …") so the time can be planned, and its description says so. Dates
// are Europe/London calendar dates (docs/rules.md): all-day events carry no time and no zone.
import type { Profile } from '@/utils/catalogue/profile';
import { addDays, formatDate } from '@/utils/dates/calendar';
import { courseLink } from '@/utils/evidence/subject';
import type { CourseLine } from '@/utils/renewal/summary';

export type CalendarEventKind = 'renew' | 'overdue' | 'not-completed';

export interface CalendarEventPlan {
  /** Catalogue name. */
  course: string;
  /** The same for a course in every export, so importing again updates the event. */
  uid: string;
  kind: CalendarEventKind;
  /** The event's day, `YYYY-MM-DD`. */
  date: string;
  /** The renewal due date the course line has, if any. */
  due: string | null;
  title: string;
  description: string;
  link: string;
  /** Alarms, in whole days before the event's day (0: on the day). */
  alarmDays: number[];
}

export interface CalendarSkip {
  course: string;
  /** Why no event, in words. */
  reason: string;
}

export type CalendarProfile = Pick<Profile, 'portalHost' | 'emailDomain' | 'dueSoonDays'>;

/** A week from today: overdue and never-completed courses get their event then. */
export const PLAN_AHEAD_DAYS = 7;
/** The second alarm, besides the due-soon window. */
export const LAST_ALARM_DAYS = 7;

/** FNV-1a, 32 bits: a short stable tag of the course name for its UID. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** `ucl-fire-safety`: a course name as ASCII letters, digits and dashes, at most 40 characters ('course' if none). */
export function courseSlug(course: string): string {
  return course.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 40) || 'course';
}

/** `renew-ucl-fire-safety-1a2b3c4d@mandatory-training-companion`: from the course name alone. */
export function courseUid(course: string): string {
  return `renew-${courseSlug(course)}-${fnv1a(course)}@mandatory-training-companion`;
}

/**
 * The due-soon window and 7 days before the event, those still to come after `today`; when both
 * have passed (an event within a week), one the day before, else on the day.
 */
export function alarmDaysFor(date: string, today: string, dueSoonDays: number): number[] {
  const ahead = (days: number) => addDays(date, -days) > today;
  const wanted = [...new Set([dueSoonDays, LAST_ALARM_DAYS])].filter((d) => d > 0 && ahead(d)).sort((a, b) => b - a);
  if (wanted.length) return wanted;
  return ahead(1) ? [1] : [0];
}

function kindOf(line: CourseLine): CalendarEventKind | CalendarSkip['reason'] {
  if (line.status === 'overdue') return 'overdue';
  if (line.status === 'not-completed' || (line.latest === null && line.due !== null)) return 'not-completed';
  if (line.due !== null) return 'renew';
  if (line.status === 'unknown') return `the renewal date is not known (${line.explanation})`;
  return 'a one-off course: it needs no renewal';
}

function describe(line: CourseLine, kind: CalendarEventKind, date: string, today: string, link: string): string {
  const name = line.course.name;
  const due = line.due ? formatDate(line.due) : null;
  const ahead = `This reminder is set a week after the day this calendar file was made (${formatDate(today)}), to plan time for it.`;
  const lines =
    kind === 'renew'
      ? [`${name} must be renewed by ${formatDate(date)}.`, `Where this date comes from: ${line.explanation}.`]
      : kind === 'overdue'
        ? [
            line.latest ? `${name} was due for renewal on ${due} and is overdue.` : `${name} was due on ${due} and no completion is on record.`,
            ahead,
            `Where the due date comes from: ${line.explanation}.`,
          ]
        : [`No completion of ${name} is on record${due ? `; it is due by ${due}` : ''}.`, ahead];
  return [...lines, `Course: ${link}`, 'If you complete it, the extension shows the new date and offers a new calendar file.'].join('\n');
}

const TITLE_PREFIX: Record<CalendarEventKind, string> = { renew: 'Renew', overdue: 'Overdue', 'not-completed': 'Not completed' };

/** The events for the course lines on London day `today`, and the courses that get none, with why. */
export function planCalendar(lines: readonly CourseLine[], profile: CalendarProfile, today: string): { events: CalendarEventPlan[]; skipped: CalendarSkip[] } {
  const events: CalendarEventPlan[] = [];
  const skipped: CalendarSkip[] = [];
  const inAWeek = addDays(today, PLAN_AHEAD_DAYS);
  for (const line of lines) {
    const kind = kindOf(line);
    if (kind !== 'renew' && kind !== 'overdue' && kind !== 'not-completed') {
      skipped.push({ course: line.course.name, reason: kind });
      continue;
    }
    // A due date inside the coming week is kept: a reminder after it would be too late.
    const date = kind === 'renew' ? line.due! : kind === 'not-completed' && line.due && line.due < inAWeek ? line.due : inAWeek;
    const link = courseLink(line.course, profile);
    events.push({
      course: line.course.name,
      uid: courseUid(line.course.name),
      kind,
      date,
      due: line.due,
      title: `${TITLE_PREFIX[kind]}: ${line.course.name}`,
      description: describe(line, kind, date, today, link),
      link,
      alarmDays: alarmDaysFor(date, today, profile.dueSoonDays),
    });
  }
  return { events, skipped };
}
