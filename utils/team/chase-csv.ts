// The chase list as CSV: the rows the manager is looking at, in plain words, dates as YYYY-MM-DD
// (no locale misreads them). Names come from a spreadsheet, so toCsv's formula guard stays on.
import { toCsv } from '@/utils/sheets/csv';
import { statusLabel } from '@/utils/renewal/summary';
import { AVAILABILITY_WORDS } from './availability';
import type { TeamEntry } from './entries';

export const CHASE_CSV_HEADER = [
  'Name',
  'Email',
  'Staff number',
  'Department',
  'Course',
  'Status',
  'Completed on',
  'Renew by',
  'Renewal date from',
  'Working now',
  'Leave or working status in the report',
] as const;

const BASIS_WORDS = { certificate: 'certificate expiry in the report', computed: 'completion date + renewal period', 'one-off': 'one-off course', assigned: 'due date in the report', none: '' } as const;

export function chaseListCsv(entries: readonly TeamEntry[]): string {
  const rows = entries.map((e) => [
    e.name,
    e.email,
    e.staffId,
    e.department,
    e.course.name,
    statusLabel(e.status, e.due),
    e.completedOn ?? '',
    e.due ?? '',
    BASIS_WORDS[e.basis],
    `${AVAILABILITY_WORDS[e.availability]}${e.availabilityByYou ? ' (set by you)' : ''}`,
    e.leaveText,
  ]);
  return toCsv([[...CHASE_CSV_HEADER], ...rows]);
}
