// A course's renewal status on a given London day, and the worst of several (the toolbar badge).
import { daysBetween } from '@/utils/dates/calendar';

export type CourseStatus = 'overdue' | 'due-soon' | 'not-completed' | 'unknown' | 'current';

/** Worst first: the order of the summary list and of the badge. */
export const STATUS_ORDER: readonly CourseStatus[] = ['overdue', 'due-soon', 'not-completed', 'unknown', 'current'];

export function statusRank(status: CourseStatus): number {
  return STATUS_ORDER.indexOf(status);
}

/**
 * overdue: due < today; due-soon: today ≤ due ≤ today + window; current: later, or a completed
 * one-off (no due date); not-completed: no completion and no due date; unknown: completed with a
 * cadence but no due date could be worked out.
 */
export function courseStatus(
  due: string | null,
  completedOn: string | null,
  today: string,
  dueSoonDays: number,
  cadenceMonths: number | null,
): CourseStatus {
  if (due !== null) {
    const daysLeft = daysBetween(today, due);
    if (daysLeft < 0) return 'overdue';
    return daysLeft <= dueSoonDays ? 'due-soon' : 'current';
  }
  if (completedOn === null) return 'not-completed';
  return cadenceMonths === null ? 'current' : 'unknown';
}

/** The most urgent status, or null when there are none (no badge). */
export function worstStatus(statuses: Iterable<CourseStatus>): CourseStatus | null {
  let worst: CourseStatus | null = null;
  for (const status of statuses) {
    if (worst === null || statusRank(status) < statusRank(worst)) worst = status;
  }
  return worst;
}
