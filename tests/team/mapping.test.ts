import { describe, expect, it } from 'vitest';
import { TEAM_FIELDS } from '@/utils/team/fields';
import { headingScore, resolveColumns, toSavedMapping } from '@/utils/team/mapping';

const HEADERS = ['Employee Number', 'Full Name', 'E-mail Address', 'Department', 'Course Name', 'Enrollment Status', 'Completion Date', 'Certificate Expiry Date', 'Absence Status'];

describe('column mapping', () => {
  it('finds the known headings whatever their case, spacing and punctuation', () => {
    const columns = resolveColumns(HEADERS, null);
    expect(columns).toMatchObject({ staffId: 0, name: 1, email: 2, department: 3, course: 4, status: 5, completedOn: 6, expiresOn: 7, absence: 8 });
    expect(columns.firstName).toBeNull();
    expect(columns.employment).toBeNull();
    expect(Object.keys(columns).sort()).toEqual([...TEAM_FIELDS].sort());
  });

  it('uses the saved heading before the known names, and keeps a field the user said is missing missing', () => {
    const headers = ['Name', 'Login', 'Work Email', 'Course', 'Date Completed', 'Absence'];
    const columns = resolveColumns(headers, { version: 1, fields: { email: 'Work Email', absence: null } });
    expect(columns.email).toBe(2);
    expect(columns.absence).toBeNull();
    expect(columns.completedOn).toBe(4);
  });

  it('follows a saved heading to its new position when next month’s report moves the columns', () => {
    const saved = toSavedMapping(['Person', 'Training', 'When', 'HR Note'], {
      ...resolveColumns([], null),
      name: 0,
      course: 1,
      completedOn: 2,
      absence: 3,
    });
    expect(saved.fields).toMatchObject({ name: 'Person', course: 'Training', completedOn: 'When', absence: 'HR Note', email: null });
    const moved = resolveColumns(['HR NOTE', 'when', 'Training', 'Person', 'Email'], saved);
    expect(moved).toMatchObject({ absence: 0, completedOn: 1, course: 2, name: 3 });
    // Saved as "not in the report", so a new Email column is not picked up behind the user's back.
    expect(moved.email).toBeNull();
  });

  it('falls back to the known names when a saved heading is gone', () => {
    const columns = resolveColumns(['Full Name', 'Course Name', 'Completion Date'], { version: 1, fields: { name: 'Employee', completedOn: 'Finished' } });
    expect(columns).toMatchObject({ name: 0, course: 1, completedOn: 2 });
  });

  it('never gives one column to two fields', () => {
    const columns = resolveColumns(['Email', 'Course', 'Completed'], { version: 1, fields: { name: 'Email' } });
    expect(columns.name).toBe(0);
    expect(columns.email).toBeNull();
  });

  it('scores a heading row above a title row', () => {
    const isCourse = (h: string) => h === 'UCL Fire Safety';
    expect(headingScore(['Mandatory training compliance report'], null, isCourse)).toBe(0);
    expect(headingScore(HEADERS, null, isCourse)).toBe(9);
    expect(headingScore(['Name', 'UCL Fire Safety'], null, isCourse)).toBe(2);
  });
});
