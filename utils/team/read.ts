// Reads a monthly compliance report (.xlsx, .xls, .csv, or an HTML table saved as .xls) into person ×
// course rows. Columns are found by heading (fields.ts) or by the user's saved choice; a report with a
// column per course (headings that are catalogue course names) works too. Never throws: a file that
// cannot be read gives a sentence for the user. Runs in a worker (worker.ts), so no DOM here.
import { createCourseMatcher } from '@/utils/catalogue/match';
import type { Course } from '@/utils/catalogue/profile';
import type { DateOrder } from '@/utils/dates/parse';
import { cellText, readDate, readSheets, type Cell, type Grid, type SheetLimits, type SheetProblem } from '@/utils/sheets/read';
import type { EnrollmentStatus } from '@/utils/records';
import type { TeamField } from './fields';
import { hasPerson, headingScore, resolveColumns } from './mapping';
import type { ColumnMap, CourseColumn, SavedMapping, TeamReadResult, TeamRow, UnrecognisedCourse } from './types';

export interface TeamReadOptions {
  dateOrder: DateOrder;
  courses: readonly Course[];
  saved: SavedMapping | null;
}

/** Far more than a department's report; stops a wrong file freezing the page. */
export const MAX_ROWS = 60_000;
const MAX_WARNINGS = 20;
/** The heading row is near the top; reports often have a title block above it. */
const HEADING_SEARCH_ROWS = 30;

export const TEAM_LIMITS: SheetLimits = {
  maxBytes: 60 * 1024 * 1024,
  // A 60,000-row report unpacks to ~25 MB (tests/fixtures/team-report.ts); four times that is refused.
  maxInflatedBytes: 100 * 1024 * 1024,
  maxEntries: 1000,
  maxRows: MAX_ROWS + HEADING_SEARCH_ROWS,
  maxColumns: 500,
};

const AGAIN = 'Save the compliance report again as .xlsx or .csv and import that file.';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

// Addresses go into mailto: links: nothing that could smuggle in a second recipient or a header.
const EMAIL = /^[^\s@<>,;:"'()[\]\\]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i;

// ---------- file to grids ----------

function problemText(problem: SheetProblem, name: string): string {
  switch (problem.problem) {
    case 'empty':
      return `The file “${name}” is empty (0 bytes). ${AGAIN}`;
    case 'too-large':
      return `The file “${name}” is ${problem.size}, too large for a compliance report.`;
    case 'limit':
      return `The file “${name}” is too big inside to be a compliance report, so it was not read. ${problem.message} ${AGAIN}`;
    case 'password':
      return `“${name}” is password-protected, so it can’t be read. Open it in Excel, remove the password, save it and import it again.`;
    case 'damaged-zip':
    case 'damaged-ole':
    case 'not-excel':
      return `The file “${name}” looks like an Excel workbook but is damaged or not one we can read. ${AGAIN}`;
    case 'web-page':
      return `The file “${name}” is a web page, not a spreadsheet. ${AGAIN}`;
    case 'not-spreadsheet':
      return `The file “${name}” is not a spreadsheet we can read (.xlsx, .xls or .csv). ${AGAIN}`;
  }
}

function readGrids(bytes: Uint8Array, name: string): Grid[] | string {
  const read = readSheets(bytes, TEAM_LIMITS);
  return read.ok ? read.grids : problemText(read, name);
}

// ---------- headings ----------

interface Heading {
  grid: Grid;
  index: number;
  headers: string[];
}

function findHeading(grids: Grid[], saved: SavedMapping | null, isCourse: (h: string) => boolean): Heading | null {
  let best: (Heading & { score: number }) | null = null;
  for (const grid of grids) {
    for (let i = 0; i < Math.min(grid.rows.length, HEADING_SEARCH_ROWS); i++) {
      const headers = (grid.rows[i] ?? []).map(cellText);
      if (!headers.some(Boolean)) continue;
      const score = headingScore(headers, saved, isCourse);
      if (!best || score > best.score) best = { grid, index: i, headers, score };
    }
  }
  return best && best.score >= 2 ? best : null;
}

// ---------- cells ----------

/** The report's status words, with what a completion date says when the words do not. */
export function readTeamStatus(text: string, completedOn: string | null): EnrollmentStatus {
  const k = text.toLowerCase().replace(/[^a-z]/g, '');
  if (k === 'inprogress' || k === 'started' || k === 'incomplete') return 'in-progress';
  if (k === 'failed' || k === 'fail') return 'failed';
  if (k === 'passed' || k === 'pass') return 'passed';
  // "Expired" or "Non-compliant" with a date: done once, and the renewal rules say when it lapsed.
  if (completedOn) return 'completed';
  if (['completed', 'complete', 'compliant', 'yes', 'y', 'done'].includes(k)) return 'completed';
  if (['', 'notstarted', 'notattempted', 'enrolled', 'noncompliant', 'notcompliant', 'no', 'n', 'overdue', 'expired', 'outstanding'].includes(k)) return 'not-started';
  return 'unknown';
}

function personKey(email: string, staffId: string, name: string): string {
  if (email) return email;
  if (staffId) return `id:${staffId.toLowerCase()}`;
  return name ? `name:${name.toLowerCase().replace(/\s+/g, ' ')}` : '';
}

function courseColumnsOf(headers: string[], columns: ColumnMap, match: (t: string) => Course | null): CourseColumn[] {
  if (columns.course !== null) return [];
  const used = new Set(Object.values(columns));
  return headers.flatMap((header, index) => {
    const course = !used.has(index) && header ? match(header) : null;
    return course ? [{ index, header, course: course.name }] : [];
  });
}

function describeMissing(columns: ColumnMap, headers: string[]): string {
  const missing: string[] = [];
  if (!hasPerson(columns)) missing.push('who each row is about (a name, email or staff number column)');
  if (columns.course === null) missing.push('the course (a course name column, or a column per course named like your course list)');
  else if (columns.completedOn === null && columns.status === null) missing.push('whether the course was done (a completion date or status column)');
  const found = headers.filter(Boolean);
  return `Some columns could not be found: ${missing.join('; ')}. Choose them under “Columns used from the report”. Columns in this file: ${found
    .slice(0, 25)
    .map((h) => `“${clip(h, 40)}”`)
    .join(', ')}${found.length > 25 ? `, and ${found.length - 25} more` : ''}.`;
}

// ---------- entry point ----------

export function readTeamReport(bytes: Uint8Array, fileName: string, options: TeamReadOptions): TeamReadResult {
  const name = clip(fileName || 'the file', 60);
  try {
    return readUnsafe(bytes, name, options);
  } catch {
    // SheetJS can throw on inputs nobody foresaw.
    return { ok: false, error: `The file “${name}” could not be read; it may be damaged. ${AGAIN}` };
  }
}

function readUnsafe(bytes: Uint8Array, name: string, options: TeamReadOptions): TeamReadResult {
  const grids = readGrids(bytes, name);
  if (typeof grids === 'string') return { ok: false, error: grids };
  const matchTitle = createCourseMatcher(options.courses);
  // Titles repeat on every row; normalising each one again would cost a third of the import.
  const known = new Map<string, Course | null>();
  const matcher = (title: string) => {
    let course = known.get(title);
    if (course === undefined) known.set(title, (course = matchTitle(title)));
    return course;
  };
  const heading = findHeading(grids, options.saved, (h) => matcher(h) !== null);
  if (!heading) {
    const first = grids.flatMap((g) => g.rows.slice(0, 1).map((r) => r.map(cellText)))[0] ?? [];
    const columns = resolveColumns(first, options.saved);
    return first.some(Boolean)
      ? { ok: false, error: describeMissing(columns, first), headers: first, columns }
      : { ok: false, error: `The file “${name}” has no data in it. ${AGAIN}` };
  }
  const { headers } = heading;
  const columns = resolveColumns(headers, options.saved);
  const courseColumns = courseColumnsOf(headers, columns, matcher);
  const wide = columns.course === null && courseColumns.length > 0;
  const enough = hasPerson(columns) && (wide || (columns.course !== null && (columns.completedOn !== null || columns.status !== null)));
  if (!enough) return { ok: false, error: describeMissing(columns, headers), headers, columns };
  return { ok: true, headers, columns, courseColumns: wide ? courseColumns : [], ...readBody(heading, columns, wide ? courseColumns : [], matcher, options.dateOrder) };
}

function readBody(
  heading: Heading,
  columns: ColumnMap,
  courseColumns: CourseColumn[],
  match: (t: string) => Course | null,
  order: DateOrder,
): { rows: TeamRow[]; warnings: string[]; unrecognised: UnrecognisedCourse[] } {
  const { grid } = heading;
  const rows: TeamRow[] = [];
  const warnings: string[] = [];
  const unrecognised = new Map<string, number>();
  let otherOrder = 0;
  const text = (cells: Cell[], f: TeamField) => {
    const i = columns[f];
    return i === null ? '' : cellText(cells[i]);
  };
  const date = (cell: Cell, rowNumber: number, what: string): string | null => {
    const read = readDate(cell, order, grid.date1904);
    if (read.unreadable !== undefined) {
      warnings.push(`Row ${rowNumber}: could not read the ${what} “${clip(read.unreadable, 30)}”.`);
      if (read.otherOrder) otherOrder++;
    }
    return read.date;
  };
  const cell = (cells: Cell[], f: TeamField): Cell => {
    const i = columns[f];
    return i === null ? null : cells[i];
  };

  const end = Math.min(grid.rows.length, heading.index + 1 + MAX_ROWS);
  for (let i = heading.index + 1; i < end; i++) {
    const cells = grid.rows[i] ?? [];
    const rowNumber = grid.firstRow + i;
    if (cells.every((c) => cellText(c) === '')) continue;
    const rawEmail = text(cells, 'email').toLowerCase();
    const email = EMAIL.test(rawEmail) ? rawEmail : '';
    if (rawEmail && !email) warnings.push(`Row ${rowNumber}: “${clip(rawEmail, 40)}” is not an email address we can use in a reminder.`);
    const staffId = text(cells, 'staffId');
    const name = text(cells, 'name') || [text(cells, 'firstName'), text(cells, 'lastName')].filter(Boolean).join(' ');
    const person = personKey(email, staffId, name);
    if (!person) {
      warnings.push(`Row ${rowNumber}: no name, email or staff number, so the row was skipped.`);
      continue;
    }
    const base = {
      row: rowNumber,
      person,
      name: clip(name || email || staffId, 200),
      email,
      staffId: clip(staffId, 50),
      department: clip(text(cells, 'department'), 200),
      absence: clip(text(cells, 'absence'), 200),
      employment: clip(text(cells, 'employment'), 200),
    };
    const add = (title: string, status: string, completedCell: Cell, expiresCell: Cell) => {
      const course = match(title);
      if (!course) {
        unrecognised.set(title, (unrecognised.get(title) ?? 0) + 1);
        return;
      }
      const completedOn = date(completedCell, rowNumber, 'completion date');
      rows.push({
        ...base,
        course: course.name,
        status: readTeamStatus(status, completedOn),
        completedOn,
        expiresOn: date(expiresCell, rowNumber, 'expiry date'),
      });
    };
    if (courseColumns.length) {
      // A column per course: a date there is the completion date, words are a status.
      for (const c of courseColumns) {
        const value = cells[c.index];
        const read = readDate(value, order, grid.date1904);
        add(c.header, read.date ? '' : cellText(value), read.date ? value : null, null);
      }
      continue;
    }
    const title = text(cells, 'course');
    if (!title) {
      warnings.push(`Row ${rowNumber}: no course name, so the row was skipped.`);
      continue;
    }
    add(title, text(cells, 'status'), cell(cells, 'completedOn'), cell(cells, 'expiresOn'));
  }

  const shown = warnings.slice(0, MAX_WARNINGS);
  if (warnings.length > MAX_WARNINGS) shown.push(`…and ${warnings.length - MAX_WARNINGS} more rows with problems.`);
  if (otherOrder > 0) {
    shown.unshift(`${otherOrder} date(s) only make sense with day and month the other way round. Check the date order in Settings matches the report.`);
  }
  if (grid.truncated || grid.rows.length > heading.index + 1 + MAX_ROWS) shown.unshift(`Only the first ${MAX_ROWS.toLocaleString('en-GB')} rows were read.`);
  if (rows.length === 0 && unrecognised.size === 0) shown.push('The report has column headings but no rows under them.');
  return {
    rows,
    warnings: shown,
    unrecognised: [...unrecognised].map(([title, n]) => ({ title: clip(title, 200), rows: n })).sort((a, b) => b.rows - a.rows),
  };
}

