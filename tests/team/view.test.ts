import { describe, expect, it } from 'vitest';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { parseCsv } from '@/utils/sheets/csv';
import type { CourseStatus } from '@/utils/renewal/summary';
import { CHASE_CSV_HEADER, chaseListCsv } from '@/utils/team/chase-csv';
import type { TeamEntry } from '@/utils/team/entries';
import { CHASE_LIST, DEFAULT_SORT, departmentsOf, filterEntries, sortEntries } from '@/utils/team/view';

function entry(name: string, course: string, status: CourseStatus, due: string | null, patch: Partial<TeamEntry> = {}): TeamEntry {
  return {
    person: `${name.toLowerCase()}@ucl.ac.uk`, name, email: `${name.toLowerCase()}@ucl.ac.uk`, staffId: name.length.toString(), department: 'Physics',
    reportAvailability: 'active', availability: 'active', availabilityByYou: false, leaveText: '',
    course: UCL_PROFILE.courses.find((c) => c.name === course)!, status, due, basis: due ? 'computed' : 'none', completedOn: null, ...patch,
  };
}

const ENTRIES = [
  entry('Cat', 'Prevent at UCL', 'current', '2028-01-01', { completedOn: '2025-01-01' }),
  entry('Ana', 'UCL Fire Safety', 'not-completed', null),
  entry('Ben', 'Prevent at UCL', 'overdue', '2026-02-01', { completedOn: '2023-02-01', department: 'History' }),
  entry('Ana', 'Prevent at UCL', 'overdue', '2026-01-01', { completedOn: '2023-01-01' }),
  entry('Dee', 'UCL Fire Safety', 'due-soon', '2026-12-01', { completedOn: '2023-12-01', availability: 'on-leave' }),
];

const names = (list: TeamEntry[]) => list.map((e) => `${e.name}/${e.course.name}`);

describe('team table view', () => {
  it('starts on the chase list: needs action, working people, worst and earliest first', () => {
    expect(names(sortEntries(filterEntries(ENTRIES, CHASE_LIST), DEFAULT_SORT))).toEqual(['Ana/Prevent at UCL', 'Ben/Prevent at UCL', 'Ana/UCL Fire Safety']);
  });

  it('filters by status, course, department and a search', () => {
    const all = { ...CHASE_LIST, status: 'all' as const, includeAway: true };
    expect(filterEntries(ENTRIES, { ...all, status: 'due-soon' }).map((e) => e.name)).toEqual(['Dee']);
    expect(filterEntries(ENTRIES, { ...all, course: 'UCL Fire Safety' }).map((e) => e.name)).toEqual(['Ana', 'Dee']);
    expect(filterEntries(ENTRIES, { ...all, department: 'History' }).map((e) => e.name)).toEqual(['Ben']);
    expect(filterEntries(ENTRIES, { ...all, search: ' CAT@ ' }).map((e) => e.name)).toEqual(['Cat']);
    expect(departmentsOf(ENTRIES)).toEqual(['History', 'Physics']);
  });

  it('sorts by any column, either way, with missing dates last', () => {
    const all = filterEntries(ENTRIES, { ...CHASE_LIST, status: 'all', includeAway: true });
    expect(names(sortEntries(all, { key: 'person', descending: false }))).toEqual(['Ana/Prevent at UCL', 'Ana/UCL Fire Safety', 'Ben/Prevent at UCL', 'Cat/Prevent at UCL', 'Dee/UCL Fire Safety']);
    expect(sortEntries(all, { key: 'person', descending: true })[0]!.name).toBe('Dee');
    expect(names(sortEntries(all, { key: 'due', descending: false }))).toEqual(['Ana/Prevent at UCL', 'Ben/Prevent at UCL', 'Dee/UCL Fire Safety', 'Cat/Prevent at UCL', 'Ana/UCL Fire Safety']);
    expect(names(sortEntries(all, { key: 'due', descending: true }))).toEqual(['Cat/Prevent at UCL', 'Dee/UCL Fire Safety', 'Ben/Prevent at UCL', 'Ana/Prevent at UCL', 'Ana/UCL Fire Safety']);
    expect(sortEntries(all, { key: 'completed', descending: true }).map((e) => e.completedOn)).toEqual(['2025-01-01', '2023-12-01', '2023-02-01', '2023-01-01', null]);
    expect(names(sortEntries(all, { key: 'course', descending: false })).slice(0, 3)).toEqual(['Ana/Prevent at UCL', 'Ben/Prevent at UCL', 'Cat/Prevent at UCL']);
  });

  it('exports the rows as CSV in plain words, with the formula guard on', () => {
    const rows = [entry('=HYPERLINK("x")', 'Prevent at UCL', 'overdue', '2026-01-01', { leaveText: 'Sick leave', availability: 'on-leave', availabilityByYou: true })];
    const csv = parseCsv(chaseListCsv(rows));
    expect(csv[0]).toEqual([...CHASE_CSV_HEADER]);
    expect(csv[1]).toEqual([
      `'=HYPERLINK("x")`, `'=hyperlink("x")@ucl.ac.uk`, '15', 'Physics', 'Prevent at UCL', 'Overdue since 1 Jan 2026', '', '2026-01-01',
      'completion date + renewal period', 'On leave (set by you)', 'Sick leave',
    ]);
  });

  it('quotes names and leave text holding ; so a semicolon-splitting spreadsheet sees no formula', () => {
    const rows = [entry('Smith;=cmd|calc', 'Prevent at UCL', 'overdue', '2026-01-01', { leaveText: 'Leave;+1', department: 'Physics; -2' })];
    const text = chaseListCsv(rows);
    for (const row of parseCsv(text, ';')) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(parseCsv(text)[1]!.slice(0, 4)).toEqual(["Smith;'=cmd|calc", expect.any(String), expect.any(String), 'Physics; -2']);
    expect(text).toContain(`"Smith;'=cmd|calc"`);
  });
});
