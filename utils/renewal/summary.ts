// One line per catalogue course: its status today, the due date and why, and the records behind it.
import { createCourseMatcher, type CourseMatcher } from '@/utils/catalogue/match';
import type { Course, Profile } from '@/utils/catalogue/profile';
import type { CompletionRecord } from '@/utils/records';
import { renewalDue, type DueBasis } from './due';
import {
  EXPLAIN_UNDATED,
  explainAssigned,
  explainCertificate,
  explainComputed,
  explainImplausible,
  explainNotCompleted,
  explainOneOff,
  type DateWhat,
} from './explain';
import { isPlausibleDate } from './plausible';
import { courseStatus, statusRank, type CourseStatus } from './status';

// Callers reach the whole renewal API through this module.
export { renewalDue, type DueBasis, type DueInput, type RenewalDue } from './due';
export { courseStatus, worstStatus, statusRank, STATUS_ORDER, type CourseStatus } from './status';
export { statusLabel } from './label';
export { dueReminders, reminderKey, type Reminder, type ReminderStatus } from './reminders';

export interface CourseSummary {
  course: Course;
  status: CourseStatus;
  /** `YYYY-MM-DD`, or null when there is none (one-off, unknown, never completed and no due date set). */
  due: string | null;
  basis: DueBasis;
  /** The completion that counts: latest dated one, else an undated one, else null. */
  latest: CompletionRecord | null;
  /** Every record for the course, from any source, newest completion first. */
  history: CompletionRecord[];
  explanation: string;
  /** The time the course takes (or still needs), from the page that last showed it; null: not shown (never guessed). */
  minutes: number | null;
}

/** A course's line in a list: everything but its history (the popup draws these from the summary basis). */
export type CourseLine = Omit<CourseSummary, 'history'>;

/**
 * A record that says the course was done and may count for compliance: only a pass completes a course
 * (`completed`, `passed`; a manual entry is the user's word that it was done), and only records from the
 * organisation's own portals count (docs/rules.md, "Renewal rules" and "Which records count").
 */
export function isComplianceCompletion(r: CompletionRecord): boolean {
  return r.countsForCompliance && (r.status === 'completed' || r.status === 'passed' || r.source === 'manual');
}

/** A completion from a source that does not count (MyLearning, Moodle, NHS, another organisation's portal): only counted in explanations. */
export function isOtherCompletion(r: CompletionRecord): boolean {
  return !r.countsForCompliance && (r.status === 'completed' || r.status === 'passed' || r.completedOn !== null);
}

/** A failed attempt or one awaiting review: it has a date but completes nothing ("seen but not counted"). */
export function isUncountedAttempt(r: CompletionRecord): boolean {
  return r.countsForCompliance && r.source !== 'manual' && (r.status === 'failed' || r.status === 'pending-review');
}

/** An enrollment the organisation's platform set a due date for, that is not a completion. */
export function isAssignment(r: CompletionRecord): boolean {
  return r.countsForCompliance && r.dueOn !== null && !isComplianceCompletion(r);
}

/** Newest completion first (undated after dated); then those showing a certificate; then the most recently seen. */
export function compareNewestFirst(a: CompletionRecord, b: CompletionRecord): number {
  if (a.completedOn !== b.completedOn) {
    if (a.completedOn === null) return 1;
    if (b.completedOn === null) return -1;
    return a.completedOn < b.completedOn ? 1 : -1;
  }
  if ((a.certExpiresOn === null) !== (b.certExpiresOn === null)) return a.certExpiresOn === null ? 1 : -1;
  if (a.seenAt !== b.seenAt) return a.seenAt < b.seenAt ? 1 : -1;
  // Total order, so the result never depends on the order records were stored in; of two
  // disagreeing expiries read at once, the earlier is the safer one to show.
  if (a.certExpiresOn !== b.certExpiresOn) return a.certExpiresOn! < b.certExpiresOn! ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The due date the platform shows now for a course never completed: the most recently seen assignment,
 * and of those seen together the later date (a re-enrollment replaces the old one). Total order.
 */
function currentAssignment(history: readonly CompletionRecord[]): CompletionRecord | null {
  let best: CompletionRecord | null = null;
  for (const r of history) {
    if (!isAssignment(r)) continue;
    if (
      best === null ||
      r.seenAt > best.seenAt ||
      (r.seenAt === best.seenAt && (r.dueOn! > best.dueOn! || (r.dueOn === best.dueOn && r.id < best.id)))
    ) {
      best = r;
    }
  }
  return best;
}

type Line = Omit<CourseSummary, 'course' | 'latest' | 'history' | 'minutes'>;

function unknownBecause(what: DateWhat, record: CompletionRecord, date: string): Line {
  return { status: 'unknown', due: null, basis: 'none', explanation: explainImplausible(what, date, record.source) };
}

/** No completion that counts: due on the date the platform set, if it set one (docs/rules.md). */
function notCompleted(history: readonly CompletionRecord[], today: string, dueSoonDays: number): Line {
  const assignment = currentAssignment(history);
  if (assignment) {
    const due = assignment.dueOn!;
    if (!isPlausibleDate(due, today)) return unknownBecause('due date', assignment, due);
    const status = courseStatus(due, null, today, dueSoonDays, null);
    return { status: status === 'current' ? 'not-completed' : status, due, basis: 'assigned', explanation: explainAssigned(due, assignment.source) };
  }
  return {
    status: 'not-completed',
    due: null,
    basis: 'none',
    explanation: explainNotCompleted({
      elsewhere: history.filter(isOtherCompletion).length,
      failed: history.filter((r) => isUncountedAttempt(r) && r.status === 'failed').length,
      pendingReview: history.filter((r) => isUncountedAttempt(r) && r.status === 'pending-review').length,
    }),
  };
}

function completed(course: Course, latest: CompletionRecord, completions: readonly CompletionRecord[], today: string, dueSoonDays: number): Line {
  const cadence = course.cadenceMonths;
  if (latest.completedOn !== null && !isPlausibleDate(latest.completedOn, today)) return unknownBecause('completion date', latest, latest.completedOn);
  // Only a certificate of the latest completion counts: an old certificate's expiry must not
  // override a newer completion. Several sources may report the same completion; an expiry any of
  // them shows belongs to it (sorting put those first, newest reading first). Undated records only
  // speak when there is no dated completion at all.
  const certRecord =
    completions.find(
      (r) => r.completedOn === latest.completedOn && r.certExpiresOn !== null && (r.completedOn === null || r.certExpiresOn >= r.completedOn),
    ) ?? null;
  if (certRecord && !isPlausibleDate(certRecord.certExpiresOn!, today)) return unknownBecause('certificate expiry', certRecord, certRecord.certExpiresOn!);
  const { due, basis } = renewalDue({
    completedOn: latest.completedOn,
    certExpiresOn: certRecord?.certExpiresOn ?? null,
    cadenceMonths: cadence,
  });

  if (basis === 'certificate') {
    return {
      status: courseStatus(due, latest.completedOn, today, dueSoonDays, cadence),
      due,
      basis,
      explanation: explainCertificate(certRecord!.source, latest.completedOn),
    };
  }
  if (cadence === null) return { status: 'current', due: null, basis: 'one-off', explanation: explainOneOff(latest.completedOn) };
  if (latest.completedOn === null || due === null) return { status: 'unknown', due: null, basis: 'none', explanation: EXPLAIN_UNDATED };
  return {
    status: courseStatus(due, latest.completedOn, today, dueSoonDays, cadence),
    due,
    basis,
    explanation: explainComputed(latest.completedOn, cadence, latest.source),
  };
}

/** Of a course's records, the one seen last that says how long the course takes. */
export function newestTimed(records: readonly CompletionRecord[]): CompletionRecord | null {
  let newest: CompletionRecord | null = null;
  // Ties go to the longer time, so the answer does not depend on the records' order.
  for (const r of records) if (r.minutes && (newest === null || r.seenAt > newest.seenAt || (r.seenAt === newest.seenAt && r.minutes > newest.minutes!))) newest = r;
  return newest;
}

function summariseCourse(course: Course, history: CompletionRecord[], today: string, dueSoonDays: number): CourseSummary {
  const completions = history.filter(isComplianceCompletion); // already newest first
  const latest = completions[0] ?? null;
  const line = latest === null ? notCompleted(history, today, dueSoonDays) : completed(course, latest, completions, today, dueSoonDays);
  return { course, latest, history, ...line, minutes: newestTimed(history)?.minutes ?? null };
}

/** Worst first, then the earliest due date (none last), then catalogue order. */
function compareSummaries(a: CourseSummary & { order: number }, b: CourseSummary & { order: number }): number {
  return (
    statusRank(a.status) - statusRank(b.status) ||
    (a.due === b.due ? 0 : a.due === null ? 1 : b.due === null ? -1 : a.due < b.due ? -1 : 1) ||
    a.order - b.order
  );
}

/**
 * One entry per catalogue course on the London day `today`. A record belongs to a course when its
 * `course` is that course's name or one of its aliases (after normalisation, so a record stored
 * before an alias was added still counts); other records are ignored. A caller that matches titles against
 * the same `profile.courses` already hands its matcher in (the badges do, on every read of a page).
 */
export function summariseCourses(
  records: readonly CompletionRecord[],
  profile: Profile,
  today: string,
  matcher: CourseMatcher = createCourseMatcher(profile.courses),
): CourseSummary[] {
  // Thousands of records share a handful of course names: normalise each name once.
  const matched = new Map<string, Course | null>();
  const match = (name: string) => {
    if (!matched.has(name)) matched.set(name, matcher(name) ?? null);
    return matched.get(name)!;
  };
  const byCourse = new Map<Course, CompletionRecord[]>(profile.courses.map((c) => [c, []]));
  for (const record of records) {
    const course = match(record.course);
    if (course) byCourse.get(course)!.push(record);
  }
  return profile.courses
    .map((course, order) => {
      const history = byCourse.get(course)!.slice().sort(compareNewestFirst);
      return { ...summariseCourse(course, history, today, profile.dueSoonDays), order };
    })
    .sort(compareSummaries)
    .map(({ order: _order, ...summary }) => summary);
}
