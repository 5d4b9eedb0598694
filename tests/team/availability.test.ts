import { describe, expect, it } from 'vitest';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { fromAbsence, fromEmployment, reportAvailability } from '@/utils/team/availability';
import { applyMarks, buildTeamEntries } from '@/utils/team/entries';
import type { PersonMark, TeamRow } from '@/utils/team/types';
import { CHASE_LIST, filterEntries } from '@/utils/team/view';

describe('reading leave and working status', () => {
  it.each([
    ['', 'active'],
    ['None', 'active'],
    ['No', 'active'],
    ['N/A', 'active'],
    ['No absence', 'active'],
    ['Not on leave', 'active'],
    ['Maternity Leave', 'on-leave'],
    ['Shared parental leave', 'on-leave'],
    ['Long-term sick', 'on-leave'],
    ['Annual leave', 'on-leave'],
    ['Yes', 'on-leave'],
    ['Jury service', 'on-leave'], // named in an absence column: some absence, even if the words are new
    ['Inactive - zero hours (PGTA)', 'not-working'],
    ['Not yet started', 'not-working'],
    ['Pending start', 'not-working'],
  ] as const)('absence column “%s” → %s', (text, expected) => {
    expect(fromAbsence(text)).toBe(expected);
  });

  it.each([
    ['Active', 'active'],
    ['Yes', 'active'],
    ['', 'active'],
    ['Inactive', 'not-working'],
    ['No', 'not-working'],
    ['Active - on maternity leave', 'on-leave'],
    ['Zero hours', 'not-working'],
  ] as const)('working-status column “%s” → %s', (text, expected) => {
    expect(fromEmployment(text)).toBe(expected);
  });

  it('takes not working over on leave over working', () => {
    expect(reportAvailability('Sick leave', 'Inactive')).toBe('not-working');
    expect(reportAvailability('Sick leave', 'Active')).toBe('on-leave');
    expect(reportAvailability('', 'Active')).toBe('active');
  });
});

function row(person: string, patch: Partial<TeamRow> = {}): TeamRow {
  return {
    row: 2, person, name: person, email: `${person}@ucl.ac.uk`, staffId: '', department: '', course: 'Prevent at UCL',
    status: 'not-started', completedOn: null, expiresOn: null, absence: '', employment: '', ...patch,
  };
}

describe('leave filtering', () => {
  const entries = buildTeamEntries(
    [row('ana'), row('ben', { absence: 'Parental leave' }), row('cat', { employment: 'Inactive' }), row('dev', { absence: 'Sick' })],
    UCL_PROFILE,
    '2026-11-28',
  );

  it('leaves people on leave or not working out of the chase list, and shows them when asked', () => {
    expect(filterEntries(entries, CHASE_LIST).map((e) => e.person)).toEqual(['ana']);
    const all = filterEntries(entries, { ...CHASE_LIST, includeAway: true });
    expect(all.map((e) => [e.person, e.availability])).toEqual([
      ['ana', 'active'],
      ['ben', 'on-leave'],
      ['cat', 'not-working'],
      ['dev', 'on-leave'],
    ]);
    expect(all.find((e) => e.person === 'ben')?.leaveText).toBe('Parental leave');
  });

  it('lets the manager’s mark win over the report, either way', () => {
    const marks = new Map<string, PersonMark>([
      ['ana', { person: 'ana', availability: 'not-working', updatedAt: '' }],
      ['dev', { person: 'dev', availability: 'active', updatedAt: '' }],
    ]);
    const marked = applyMarks(entries, marks);
    expect(filterEntries(marked, CHASE_LIST).map((e) => e.person)).toEqual(['dev']);
    expect(marked.find((e) => e.person === 'dev')).toMatchObject({ availability: 'active', availabilityByYou: true, reportAvailability: 'on-leave' });
    // Unchanged entries are the same objects, so a mark does not re-create 20,000 rows.
    expect(marked.find((e) => e.person === 'ben')).toBe(entries.find((e) => e.person === 'ben'));
  });
});
