// The words on a renewal badge. They say the same as data-mtc-status / data-mtc-due (docs/contract.md),
// with dates as "12 Mar 2027" so neither date order can misread them.
import { daysBetween, formatDate } from '@/utils/dates/calendar';
import type { DueBasis } from './due';
import type { CourseStatus } from './status';

function inDays(today: string, due: string): string {
  const n = daysBetween(today, due);
  if (n <= 0) return 'today';
  return n === 1 ? 'tomorrow' : `in ${n} days`;
}

/**
 * "Overdue since 3 Nov 2026", "Due soon: renew by 12 Mar 2027", "Up to date — renew by 12 Mar 2027",
 * "Not completed yet", "Complete — no renewal needed", "Date unknown". With `today`, a due-soon label
 * also says how near it is ("Due soon: renew by 12 Mar 2027 (in 5 days)"). A course never completed
 * whose platform set a due date (`basis` "assigned") is to be completed, not renewed, by that date.
 */
export function statusLabel(status: CourseStatus, due: string | null, today?: string, basis?: DueBasis): string {
  const verb = basis === 'assigned' ? 'complete' : 'renew';
  switch (status) {
    case 'overdue':
      return due ? `Overdue since ${formatDate(due)}` : 'Overdue';
    case 'due-soon':
      if (!due) return 'Due soon';
      return `Due soon: ${verb} by ${formatDate(due)}${today ? ` (${inDays(today, due)})` : ''}`;
    case 'current':
      return due ? `Up to date — renew by ${formatDate(due)}` : 'Complete — no renewal needed';
    case 'not-completed':
      return due ? `Not completed yet — due ${formatDate(due)}` : 'Not completed yet';
    case 'unknown':
      return 'Date unknown';
  }
}
