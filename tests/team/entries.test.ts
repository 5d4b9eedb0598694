import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { addDays } from '@/utils/dates/calendar';
import type { CompletionRecord } from '@/utils/records';
import { summariseCourses } from '@/utils/renewal/summary';
import { buildTeamEntries, isOutstanding } from '@/utils/team/entries';
import { readTeamReport } from '@/utils/team/read';
import type { TeamRow } from '@/utils/team/types';
import { sampleTeam, teamReportXlsx } from '../fixtures/team-report';

const NOW = new Date('2026-11-28T12:00:00Z');
const TODAY = '2026-11-28';

function sampleRows(): TeamRow[] {
  const result = readTeamReport(teamReportXlsx(sampleTeam(NOW)), 'r.xlsx', { dateOrder: 'day-first', courses: UCL_PROFILE.courses, saved: null });
  if (!result.ok) throw new Error(result.error);
  return result.rows;
}

describe('team entries', () => {
  it('gives each person the courses the report lists for them, with status and due date by the usual rules', () => {
    const entries = buildTeamEntries(sampleRows(), UCL_PROFILE, TODAY);
    const jane = entries.filter((e) => e.person === 'jane.smith@ucl.ac.uk').map((e) => [e.course.name, e.status, e.due, e.basis]);
    expect(jane).toEqual([
      ['Prevent at UCL', 'overdue', '2026-10-28', 'computed'],
      ['Information Security Training', 'due-soon', '2026-12-08', 'computed'],
      ['UCL Fire Safety', 'not-completed', null, 'none'],
      ['Data Protection and Freedom of Information', 'current', '2027-09-28', 'computed'],
    ]);
    expect(entries.filter((e) => e.person === 't.brown@ucl.ac.uk').map((e) => e.course.name)).toEqual(['UCL Fire Safety']);
    expect(entries.find((e) => e.person === 'jane.smith@ucl.ac.uk')).toMatchObject({ name: 'Jane Smith', department: 'Physics', availability: 'active' });
    expect(entries.filter((e) => isOutstanding(e.status)).length).toBe(6);
  });

  it('lets a certificate expiry in the report win over the computed date', () => {
    const row: TeamRow = {
      row: 2, person: 'a@ucl.ac.uk', name: 'A', email: 'a@ucl.ac.uk', staffId: '', department: '', course: 'UCL Fire Safety',
      status: 'completed', completedOn: '2025-01-10', expiresOn: '2026-12-01', absence: '', employment: '',
    };
    expect(buildTeamEntries([row], UCL_PROFILE, TODAY)[0]).toMatchObject({ due: '2026-12-01', basis: 'certificate', status: 'due-soon' });
  });

  it('takes the latest completion when a person has several rows for a course', () => {
    const base: TeamRow = {
      row: 2, person: 'a@ucl.ac.uk', name: 'A', email: 'a@ucl.ac.uk', staffId: '', department: '', course: 'Prevent at UCL',
      status: 'completed', completedOn: '2020-01-10', expiresOn: null, absence: '', employment: '',
    };
    const entries = buildTeamEntries([base, { ...base, row: 3, completedOn: '2025-06-01' }, { ...base, row: 4, status: 'not-started', completedOn: null }], UCL_PROFILE, TODAY);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ completedOn: '2025-06-01', due: '2028-06-01', status: 'current' });
  });

  it('agrees with summariseCourses on the whole catalogue for any one person', () => {
    const courses = UCL_PROFILE.courses.map((c) => c.name);
    const day = fc.integer({ min: -2000, max: 400 }).map((n) => addDays(TODAY, n));
    const rowArb = fc.record({
      course: fc.constantFrom(...courses),
      status: fc.constantFrom('completed', 'passed', 'not-started', 'in-progress', 'failed', 'unknown' as const),
      completedOn: fc.option(day, { nil: null }),
      expiresOn: fc.option(day, { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 12 }), (raw) => {
        const rows: TeamRow[] = raw.map((r, i) => ({ ...r, row: i + 2, person: 'p', name: 'P', email: '', staffId: '', department: '', absence: '', employment: '' }));
        const records: CompletionRecord[] = rows.map((r) => ({
          id: `r${r.row}`, course: r.course, title: r.course, status: r.status, completedOn: r.completedOn, dueOn: null, certExpiresOn: r.expiresOn,
          enrollmentId: null, certificateUrl: null, source: 'training-history', sourceUrl: '', seenAt: '', countsForCompliance: true,
        }));
        const listed = new Set(rows.map((r) => r.course));
        const expected = summariseCourses(records, UCL_PROFILE, TODAY)
          .filter((s) => listed.has(s.course.name))
          .map((s) => [s.course.name, s.status, s.due, s.basis, s.latest?.completedOn ?? null]);
        const actual = buildTeamEntries(rows, UCL_PROFILE, TODAY).map((e) => [e.course.name, e.status, e.due, e.basis, e.completedOn]);
        expect(actual).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
