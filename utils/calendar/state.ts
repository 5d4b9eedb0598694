// What the last calendar export held, so the next one updates the same events (same UIDs, a higher
// SEQUENCE where an event changed, RFC 5545 §3.8.7.4) and the popup can say when the file the user
// imported is out of date. Stored by the page that exports (a `meta` value); read back with
// `readCalendarState`, which treats anything malformed as no export at all.
import type { CalendarEventKind, CalendarEventPlan } from './plan';

export interface CalendarEventState {
  uid: string;
  sequence: number;
  kind: CalendarEventKind;
  date: string;
  due: string | null;
  title: string;
  /** The last export of every course held this event; false once a full export no longer does. */
  active: boolean;
}

export interface CalendarState {
  version: 1;
  /** London day of the last export. */
  exportedOn: string;
  /** By catalogue course name; courses no longer exported keep their entry so SEQUENCE never goes back. */
  events: Record<string, CalendarEventState>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isEventState(v: unknown): v is CalendarEventState {
  if (!v || typeof v !== 'object') return false;
  const e = v as Record<string, unknown>;
  return (
    typeof e.uid === 'string' &&
    Number.isInteger(e.sequence) && (e.sequence as number) >= 0 &&
    (e.kind === 'renew' || e.kind === 'overdue' || e.kind === 'not-completed') &&
    typeof e.date === 'string' && DAY.test(e.date) &&
    (e.due === null || (typeof e.due === 'string' && DAY.test(e.due))) &&
    typeof e.title === 'string' &&
    typeof e.active === 'boolean'
  );
}

/** A stored value as a CalendarState, or null when it is missing or not one. */
export function readCalendarState(value: unknown): CalendarState | null {
  if (!value || typeof value !== 'object') return null;
  const s = value as Record<string, unknown>;
  if (s.version !== 1 || typeof s.exportedOn !== 'string' || !DAY.test(s.exportedOn) || !s.events || typeof s.events !== 'object') return null;
  const events = Object.entries(s.events as Record<string, unknown>);
  if (!events.every(([, e]) => isEventState(e))) return null;
  return { version: 1, exportedOn: s.exportedOn, events: Object.fromEntries(events) as Record<string, CalendarEventState> };
}

/** The event as the calendar shows it changed: a client updates it only when SEQUENCE rises. */
const changed = (before: CalendarEventState, now: CalendarEventPlan) => before.date !== now.date || before.kind !== now.kind || before.title !== now.title;

/**
 * The state after exporting `events`, with each event's SEQUENCE. `everyCourse`: the export was of all
 * courses, so one it left out no longer has an event; an export of one course leaves the others be.
 */
export function nextCalendarState(previous: CalendarState | null, events: readonly CalendarEventPlan[], exportedOn: string, everyCourse: boolean): CalendarState {
  const next: CalendarState = { version: 1, exportedOn, events: {} };
  for (const [course, before] of Object.entries(previous?.events ?? {})) next.events[course] = everyCourse ? { ...before, active: false } : before;
  for (const e of events) {
    const before = previous?.events[e.course];
    const sequence = !before ? 0 : changed(before, e) || !before.active ? before.sequence + 1 : before.sequence;
    next.events[e.course] = { uid: e.uid, sequence, kind: e.kind, date: e.date, due: e.due, title: e.title, active: true };
  }
  return next;
}

export interface CalendarChanges {
  /** Courses whose event says something the records no longer do: a renewal date that moved (a new
   * completion was seen), or a course that became overdue, or was completed. */
  changed: string[];
  /** Courses with an event in the calendar that should have none now (e.g. its date can no longer be read). */
  removed: string[];
  /** Courses with an event now that the calendar has never had. */
  added: string[];
  /** The file the user imported is out of date: `changed` or `removed` is not empty. */
  outOfDate: boolean;
}

/**
 * How the last export differs from what the records say now. An overdue course's "a week from today"
 * reminder moving by itself is no change. Nothing is out of date when nothing was exported yet.
 */
export function calendarChanges(previous: CalendarState | null, events: readonly CalendarEventPlan[]): CalendarChanges {
  const now = new Map(events.map((e) => [e.course, e]));
  const changed: string[] = [];
  const added: string[] = [];
  for (const e of events) {
    const before = previous?.events[e.course];
    if (!before?.active) added.push(e.course);
    else if (before.kind !== e.kind || before.due !== e.due) changed.push(e.course);
  }
  const removed = Object.entries(previous?.events ?? {})
    .filter(([course, before]) => before.active && !now.has(course))
    .map(([course]) => course);
  return { changed, removed, added, outOfDate: changed.length + removed.length > 0 };
}
