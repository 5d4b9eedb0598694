// Filtering and sorting the team table. The default view is the chase list: courses that need doing,
// for people who are working now (FAQ 12–13: people on leave stay in the report, but are not chased).
import { statusRank, type CourseStatus } from '@/utils/renewal/summary';
import { isOutstanding, type TeamEntry } from './entries';

export interface TeamFilter {
  /** Part of a name, email or staff number. */
  search: string;
  status: 'outstanding' | 'all' | CourseStatus;
  /** Catalogue name, or '' for all. */
  course: string;
  department: string;
  /** Show people on leave or not working now too. */
  includeAway: boolean;
}

export const CHASE_LIST: TeamFilter = { search: '', status: 'outstanding', course: '', department: '', includeAway: false };

export function filterEntries(entries: readonly TeamEntry[], filter: TeamFilter): TeamEntry[] {
  const needle = filter.search.trim().toLowerCase();
  return entries.filter(
    (e) =>
      (filter.includeAway || e.availability === 'active') &&
      (filter.status === 'all' || (filter.status === 'outstanding' ? isOutstanding(e.status) : e.status === filter.status)) &&
      (!filter.course || e.course.name === filter.course) &&
      (!filter.department || e.department === filter.department) &&
      (!needle || e.name.toLowerCase().includes(needle) || e.email.includes(needle) || e.staffId.toLowerCase().includes(needle)),
  );
}

export type SortKey = 'person' | 'course' | 'status' | 'completed' | 'due';
export interface Sort {
  key: SortKey;
  descending: boolean;
}

/** Worst first, then the earliest due date: who to chase first. */
export const DEFAULT_SORT: Sort = { key: 'status', descending: false };

/** Missing dates sort last whichever way. */
function compareDates(a: string | null, b: string | null, sign: number): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a < b ? -1 : 1) * sign;
}

// One collator for the whole sort: localeCompare would build one per comparison.
const byText = new Intl.Collator('en', { sensitivity: 'base' }).compare;

export function sortEntries(entries: readonly TeamEntry[], sort: Sort): TeamEntry[] {
  const sign = sort.descending ? -1 : 1;
  const tie = (a: TeamEntry, b: TeamEntry) => byText(a.name, b.name) || byText(a.person, b.person) || byText(a.course.name, b.course.name);
  const primary: Record<SortKey, (a: TeamEntry, b: TeamEntry) => number> = {
    person: (a, b) => sign * (byText(a.name, b.name) || byText(a.person, b.person)),
    course: (a, b) => sign * byText(a.course.name, b.course.name),
    status: (a, b) => sign * (statusRank(a.status) - statusRank(b.status)) || compareDates(a.due, b.due, 1),
    completed: (a, b) => compareDates(a.completedOn, b.completedOn, sign),
    due: (a, b) => compareDates(a.due, b.due, sign),
  };
  const compare = primary[sort.key];
  return [...entries].sort((a, b) => compare(a, b) || tie(a, b));
}

/** Departments named in the report, for the filter. */
export function departmentsOf(entries: readonly TeamEntry[]): string[] {
  return [...new Set(entries.map((e) => e.department).filter(Boolean))].sort(byText);
}
