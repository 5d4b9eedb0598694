// @vitest-environment node
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { toCsv } from '@/utils/sheets/csv';
import { readTeamReport, readTeamStatus, type TeamReadOptions } from '@/utils/team/read';
import type { TeamReadResult } from '@/utils/team/types';
import { sampleTeam, teamReportCsv, teamReportXlsx } from '../fixtures/team-report';

const NOW = new Date('2026-11-28T12:00:00Z');
const OPTIONS: TeamReadOptions = { dateOrder: 'day-first', courses: UCL_PROFILE.courses, saved: null };

function ok(result: TeamReadResult) {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result;
}

const csvBytes = (text: string) => new TextEncoder().encode(text);

describe('reading a compliance report', () => {
  it('reads an .xlsx with a title block above the headings, matching course titles to the catalogue', () => {
    const result = ok(readTeamReport(teamReportXlsx(sampleTeam(NOW)), 'report.xlsx', OPTIONS));
    expect(result.rows).toHaveLength(11);
    const jane = result.rows.filter((r) => r.person === 'jane.smith@ucl.ac.uk');
    expect(jane.map((r) => r.course)).toEqual(['Prevent at UCL', 'UCL Fire Safety', 'Information Security Training', 'Data Protection and Freedom of Information']);
    expect(jane[0]).toMatchObject({ row: 5, name: 'Jane Smith', staffId: '1000001', department: 'Physics', status: 'completed', completedOn: '2023-10-28' });
    expect(jane[1]).toMatchObject({ status: 'not-started', completedOn: null });
    expect(result.rows.find((r) => r.person === 'p.patel@ucl.ac.uk')?.absence).toBe('Maternity Leave');
    expect(result.unrecognised).toEqual([{ title: 'Lab Safety for Chemists', rows: 1 }]);
    expect(result.warnings).toEqual([]);
  });

  it('reads the same report saved as CSV with day-first dates', () => {
    const xlsx = ok(readTeamReport(teamReportXlsx(sampleTeam(NOW)), 'report.xlsx', OPTIONS));
    const csv = ok(readTeamReport(csvBytes(teamReportCsv(sampleTeam(NOW))), 'report.csv', OPTIONS));
    expect(csv.rows.map(({ row: _r, ...rest }) => rest)).toEqual(xlsx.rows.map(({ row: _r, ...rest }) => rest));
  });

  it('reads a report with a column per course, headed with the course names', () => {
    const text = toCsv([
      ['Name', 'Email', 'UCL Fire Safety', 'Prevent at UCL (2024)', 'Absence'],
      ['Ana Silva', 'a.silva@ucl.ac.uk', '03/02/2025', 'Not started', ''],
      ['Ben Ode', 'b.ode@ucl.ac.uk', '', 'Completed', 'Sick leave'],
    ]);
    const result = ok(readTeamReport(csvBytes(text), 'wide.csv', OPTIONS));
    expect(result.courseColumns.map((c) => c.course)).toEqual(['UCL Fire Safety', 'Prevent at UCL']);
    expect(result.rows.map((r) => [r.name, r.course, r.status, r.completedOn])).toEqual([
      ['Ana Silva', 'UCL Fire Safety', 'completed', '2025-02-03'],
      ['Ana Silva', 'Prevent at UCL', 'not-started', null],
      ['Ben Ode', 'UCL Fire Safety', 'not-started', null],
      ['Ben Ode', 'Prevent at UCL', 'completed', null],
    ]);
  });

  it('says which columns are missing, with the headings found, so they can be chosen', () => {
    const text = toCsv([['Who', 'Training', 'When'], ['Ana Silva', 'UCL Fire Safety', '03/02/2025']]);
    const result = readTeamReport(csvBytes(text), 'odd.csv', OPTIONS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/who each row is about/);
    expect(result.error).toContain('“Who”, “Training”, “When”');
    expect(result.headers).toEqual(['Who', 'Training', 'When']);
    const chosen = ok(readTeamReport(csvBytes(text), 'odd.csv', { ...OPTIONS, saved: { version: 1, fields: { name: 'Who', course: 'Training', completedOn: 'When' } } }));
    expect(chosen.rows).toMatchObject([{ person: 'name:ana silva', course: 'UCL Fire Safety', completedOn: '2025-02-03', email: '' }]);
  });

  it('never puts an address that could add recipients into a reminder', () => {
    const text = toCsv([
      ['Name', 'Email', 'Course', 'Completed'],
      ['Ana', 'a@ucl.ac.uk,evil@example.com', 'UCL Fire Safety', ''],
      ['Ben', 'b@ucl.ac.uk?bcc=x@example.com', 'UCL Fire Safety', ''],
      ['Cat', 'C.Smith@UCL.ac.uk', 'UCL Fire Safety', ''],
    ]);
    const result = ok(readTeamReport(csvBytes(text), 'r.csv', OPTIONS));
    expect(result.rows.map((r) => [r.name, r.email, r.person])).toEqual([
      ['Ana', '', 'name:ana'],
      ['Ben', '', 'name:ben'],
      ['Cat', 'c.smith@ucl.ac.uk', 'c.smith@ucl.ac.uk'],
    ]);
    expect(result.warnings.filter((w) => /not an email address/.test(w))).toHaveLength(2);
  });

  it('warns about rows it skips and dates it cannot read', () => {
    const text = toCsv([
      ['Name', 'Course', 'Completion Date'],
      ['', 'UCL Fire Safety', ''],
      ['Ana', '', ''],
      ['Ben', 'UCL Fire Safety', 'last spring'],
      ['Cat', 'UCL Fire Safety', '12/31/2025'],
    ]);
    const result = ok(readTeamReport(csvBytes(text), 'r.csv', OPTIONS));
    expect(result.rows.map((r) => r.name)).toEqual(['Ben', 'Cat']);
    expect(result.warnings[0]).toMatch(/only make sense with day and month the other way round/);
    expect(result.warnings.join('\n')).toMatch(/Row 2: no name, email or staff number/);
    expect(result.warnings.join('\n')).toMatch(/Row 3: no course name/);
    expect(result.warnings.join('\n')).toMatch(/Row 4: could not read the completion date “last spring”/);
  });

  it('refuses empty, damaged and non-spreadsheet files in plain words', () => {
    const fail = (bytes: Uint8Array, name: string) => {
      const r = readTeamReport(bytes, name, OPTIONS);
      return r.ok ? '' : r.error;
    };
    expect(fail(new Uint8Array(), 'a.xlsx')).toMatch(/is empty/);
    expect(fail(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'a.xlsx')).toMatch(/damaged/);
    expect(fail(new Uint8Array(Array.from({ length: 500 }, (_, i) => i % 7)), 'a.bin')).toMatch(/not a spreadsheet/);
    expect(fail(csvBytes('\n\n'), 'a.csv')).toMatch(/no data/);
  });

  it('reads an old-style .xls and an HTML table saved as .xls', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Name', 'Course', 'Status'], ['Ana', 'Prevent at UCL', 'Completed']]), 'S');
    const xls = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
    expect(ok(readTeamReport(xls, 'r.xls', OPTIONS)).rows).toMatchObject([{ name: 'Ana', status: 'completed' }]);
    const html = csvBytes('<html><body><table><tr><th>Name</th><th>Course</th><th>Status</th></tr><tr><td>Ben</td><td>UCL Fire Safety</td><td>Not Started</td></tr></table></body></html>');
    expect(ok(readTeamReport(html, 'r.xls', OPTIONS)).rows).toMatchObject([{ name: 'Ben', status: 'not-started' }]);
  });
});

describe('status words', () => {
  it.each([
    ['Completed', null, 'completed'],
    ['Compliant', null, 'completed'],
    ['Expired', '2022-01-01', 'completed'],
    ['Non-compliant', null, 'not-started'],
    ['Not Started', null, 'not-started'],
    ['In Progress', null, 'in-progress'],
    ['In Progress', '2024-01-01', 'in-progress'],
    ['', '2024-01-01', 'completed'],
    ['', null, 'not-started'],
    ['Mystery', null, 'unknown'],
  ] as const)('“%s” with completion %s → %s', (text, completedOn, expected) => {
    expect(readTeamStatus(text, completedOn)).toBe(expected);
  });
});
