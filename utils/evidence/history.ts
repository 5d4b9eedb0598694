// Reads the LearnUpon "Download training history" spreadsheet (.xlsx, .xls, .csv, or an HTML table
// saved as .xls). Its columns are a guess (docs/pages.md), so they are found by header name, in any
// order, with aliases; every failure becomes a plain-words message rather than an exception.
import * as XLSX from '@e965/xlsx';
import { fromYmd, isValidYmd } from '@/utils/dates/calendar';
import { parseDisplayDate, type DateOrder } from '@/utils/dates/parse';
import { recordId, type CompletionRecord, type EnrollmentStatus } from '@/utils/records';
import { parseCsv, sniffDelimiter } from './csv';
import { errorText } from '@/utils/errors';

export interface HistoryRow {
  /** Row number in the sheet as Excel shows it (1-based), for messages. */
  row: number;
  course: string;
  status: EnrollmentStatus;
  completedOn: string | null;
  certExpiresOn: string | null;
  accessExpiresOn: string | null;
  createdOn: string | null;
  /** The platform's (advisory) due date. */
  dueOn: string | null;
  login: string | null;
  score: string | null;
  enrollmentId: string | null;
}

export type HistoryResult =
  | { ok: true; rows: HistoryRow[]; warnings: string[] }
  | { ok: false; error: string };

type Field =
  | 'course' | 'completedOn' | 'status' | 'certExpiresOn' | 'accessExpiresOn' | 'createdOn' | 'startedOn'
  | 'dueOn' | 'login' | 'score' | 'enrollmentId';

/** Header aliases, compared after lower-casing and dropping everything but letters and digits. */
const ALIASES: Record<Field, string[]> = {
  course: ['Course Name', 'Course', 'Course Title', 'Learning Object Name'],
  completedOn: ['Enrollment Completed Date', 'Date Completed', 'Completed', 'Completed Date', 'Completion Date', 'Completed At', 'Date Completed At', 'date_completed'],
  status: ['Enrollment Status', 'Status', 'Completion Status'],
  certExpiresOn: ['Certificate Expires Date', 'cert_expires_at', 'Certificate Expiry Date', 'Certificate Expiry', 'Certificate Expires', 'Cert Expires Date'],
  accessExpiresOn: ['Enrollment Access Expires Date', 'Access Expires Date', 'Access Expiry Date'],
  createdOn: ['Enrollment Created Date', 'Created Date', 'Enrolled Date', 'Enrollment Date'],
  startedOn: ['Enrollment Started Date', 'Started Date'],
  dueOn: ['Due Date', 'Enrollment Due Date', 'due_date'],
  login: ['Login ID', 'Email', 'Email Address', 'Username', 'Login'],
  score: ['Enrollment Score', 'Score'],
  enrollmentId: ['Enrollment ID', 'Enrollment Id', 'enrollment_id'],
};

const DATE_FIELDS: readonly Field[] = ['completedOn', 'certExpiresOn', 'accessExpiresOn', 'createdOn', 'startedOn', 'dueOn'];

const DATE_LABEL: Partial<Record<Field, string>> = {
  completedOn: 'completion date',
  certExpiresOn: 'certificate expiry date',
  accessExpiresOn: 'access expiry date',
  createdOn: 'enrolment date',
  startedOn: 'start date',
  dueOn: 'due date',
};

const normalizeHeader = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

const HEADER_TO_FIELD = new Map<string, Field>();
for (const [field, names] of Object.entries(ALIASES) as [Field, string[]][]) {
  for (const n of names) HEADER_TO_FIELD.set(normalizeHeader(n), field);
}

/** Bigger than any personal training history by orders of magnitude; stops a wrong file freezing the page. */
const MAX_BYTES = 25 * 1024 * 1024;
const MAX_ROWS = 20_000;
const MAX_WARNINGS = 20;

export type Cell = string | number | boolean | Date | null | undefined;

const AGAIN = 'Download the training history from LearnUpon again (the “Download training history” button, top right of the dashboard) and import that file.';

function fail(error: string): HistoryResult {
  return { ok: false, error };
}

// ---------- format sniffing ----------

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Excel on Windows saves "CSV" in the ANSI code page.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Text files have no NULs and few control characters; random or damaged binaries have many. */
export function looksLikeText(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.includes('\u0000')) return false;
  // eslint-disable-next-line no-control-regex
  const controls = sample.match(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
  return controls <= sample.length / 100;
}

export const isMarkup = (text: string) => /^\s*</.test(text.replace(/^\uFEFF/, ''));
const isHtml = (text: string) => /<(!doctype\s+html|html|head|body|script|div|title)\b/i.test(text.slice(0, 8192));

// ---------- sheets to rows ----------

export interface Grid {
  name: string;
  rows: Cell[][];
  /** Sheet row number of rows[0]. */
  firstRow: number;
  date1904: boolean;
}

export function workbookGrids(wb: XLSX.WorkBook): Grid[] {
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  return wb.SheetNames.flatMap((name) => {
    const ws = wb.Sheets[name];
    if (!ws || !ws['!ref']) return [];
    const range = XLSX.utils.decode_range(ws['!ref']);
    const rows = XLSX.utils.sheet_to_json<Cell[]>(ws, { header: 1, raw: true, defval: null, blankrows: true });
    return [{ name, rows, firstRow: range.s.r + 1, date1904 }];
  });
}

export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
  return String(cell).replace(/\s+/g, ' ').trim();
}

type Mapping = Partial<Record<Field, number>>;

function mapHeaders(row: Cell[]): Mapping {
  const mapping: Mapping = {};
  row.forEach((cell, index) => {
    const field = HEADER_TO_FIELD.get(normalizeHeader(cellText(cell)));
    if (field && mapping[field] === undefined) mapping[field] = index;
  });
  return mapping;
}

const hasRequired = (m: Mapping) => m.course !== undefined && (m.completedOn !== undefined || m.status !== undefined);

interface DateRead {
  date: string | null;
  /** The text that could not be read as a date, when there was text. */
  unreadable?: string;
  /** Parses only in the other day/month order. */
  otherOrder?: boolean;
}

/** A spreadsheet date cell is a serial day count; SSF turns it into a calendar date with no time zone involved. */
function serialToDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const parsed = XLSX.SSF.parse_date_code(serial, { date1904 }) as { y: number; m: number; d: number } | null;
  if (!parsed) return null;
  const ymd = { year: parsed.y, month: parsed.m, day: parsed.d };
  return isValidYmd(ymd) ? fromYmd(ymd) : null;
}

export function readDate(cell: Cell, order: DateOrder, date1904: boolean): DateRead {
  if (cell === null || cell === undefined || cell === '') return { date: null };
  if (typeof cell === 'number') {
    const date = serialToDate(cell, date1904);
    return date ? { date } : { date: null, unreadable: String(cell) };
  }
  if (cell instanceof Date) {
    // Only from formats that carry real dates; midnight UTC means a date stored as UTC, else use local.
    if (Number.isNaN(cell.getTime())) return { date: null };
    const utcMidnight = cell.getUTCHours() === 0 && cell.getUTCMinutes() === 0 && cell.getUTCSeconds() === 0;
    const ymd = utcMidnight
      ? { year: cell.getUTCFullYear(), month: cell.getUTCMonth() + 1, day: cell.getUTCDate() }
      : { year: cell.getFullYear(), month: cell.getMonth() + 1, day: cell.getDate() };
    return isValidYmd(ymd) ? { date: fromYmd(ymd) } : { date: null, unreadable: cell.toISOString() };
  }
  const text = cellText(cell);
  if (!text || /^(-+|n\/?a|none|null)$/i.test(text)) return { date: null };
  const date = parseDisplayDate(text, order);
  if (date) return { date };
  const other = parseDisplayDate(text, order === 'day-first' ? 'month-first' : 'day-first');
  return { date: null, unreadable: text, otherOrder: other !== null };
}

function readStatus(text: string, completedOn: string | null): EnrollmentStatus {
  const key = text.toLowerCase().replace(/[^a-z]/g, '');
  if (!key) return completedOn ? 'completed' : 'unknown';
  if (key === 'completed' || key === 'complete') return 'completed';
  if (key === 'passed' || key === 'pass') return 'passed';
  if (key === 'inprogress' || key === 'started' || key === 'incomplete') return 'in-progress';
  if (key === 'notstarted' || key === 'notattempted' || key === 'enrolled') return 'not-started';
  if (key === 'failed' || key === 'fail') return 'failed';
  if (key === 'pendingreview') return 'pending-review';
  return 'unknown';
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function describeMissing(best: { mapping: Mapping; headers: string[] } | null): string {
  const mapping = best?.mapping ?? {};
  const missing: string[] = [];
  if (mapping.course === undefined) missing.push(`course name column (${ALIASES.course.slice(0, 3).map((h) => `“${h}”`).join(', ')})`);
  if (mapping.completedOn === undefined && mapping.status === undefined) {
    missing.push(
      `completion date or status column (${[...ALIASES.completedOn.slice(0, 3), ...ALIASES.status.slice(0, 2)].map((h) => `“${h}”`).join(', ')})`,
    );
  }
  const headers = (best?.headers ?? []).filter(Boolean);
  const found = headers.length
    ? `Columns found: ${headers.slice(0, 20).map((h) => `“${clip(h, 40)}”`).join(', ')}${headers.length > 20 ? `, and ${headers.length - 20} more` : ''}.`
    : 'No column headings were found.';
  return `This doesn’t look like a LearnUpon training history: it has no ${missing.join(' and no ')}. ${found}`;
}

function gridsToRows(grids: Grid[], order: DateOrder): HistoryResult & { matched: boolean } {
  let best: { mapping: Mapping; headers: string[]; score: number } | null = null;
  for (const grid of grids) {
    const limit = Math.min(grid.rows.length, 30);
    for (let h = 0; h < limit; h++) {
      const headerRow = grid.rows[h] ?? [];
      const mapping = mapHeaders(headerRow);
      const headers = headerRow.map(cellText);
      const score = Object.keys(mapping).length;
      if (!hasRequired(mapping)) {
        if (headers.some(Boolean) && (!best || score > best.score)) best = { mapping, headers, score };
        continue;
      }
      return { ...readBody(grid, h, mapping, order), matched: true };
    }
  }
  return { ok: false, error: describeMissing(best), matched: false };
}

function readBody(grid: Grid, headerIndex: number, mapping: Mapping, order: DateOrder): HistoryResult {
  const rows: HistoryRow[] = [];
  const warnings: string[] = [];
  let otherOrderCount = 0;
  let otherOrderExample = '';
  const text = (cells: Cell[], f: Field) => (mapping[f] === undefined ? '' : cellText(cells[mapping[f]]));

  for (let i = headerIndex + 1; i < grid.rows.length; i++) {
    const cells = grid.rows[i] ?? [];
    const rowNumber = grid.firstRow + i;
    if (cells.every((c) => cellText(c) === '')) continue;
    const course = text(cells, 'course');
    if (!course) {
      warnings.push(`Row ${rowNumber}: no course name, so the row was skipped.`);
      continue;
    }
    const dates: Partial<Record<Field, string | null>> = {};
    let completionUnreadable = false;
    for (const f of DATE_FIELDS) {
      const index = mapping[f];
      if (index === undefined) continue;
      const read = readDate(cells[index], order, grid.date1904);
      dates[f] = read.date;
      if (read.unreadable !== undefined) {
        if (f === 'completedOn') completionUnreadable = true;
        warnings.push(`Row ${rowNumber} (${clip(course, 60)}): could not read the ${DATE_LABEL[f]} “${clip(read.unreadable, 40)}”.`);
        if (read.otherOrder) {
          otherOrderCount++;
          otherOrderExample ||= read.unreadable;
        }
      }
    }
    const completedOn = dates.completedOn ?? null;
    const status = readStatus(text(cells, 'status'), completedOn);
    if ((status === 'completed' || status === 'passed') && !completedOn && mapping.completedOn !== undefined && !completionUnreadable) {
      warnings.push(`Row ${rowNumber} (${clip(course, 60)}): marked ${status} but has no completion date.`);
    }
    rows.push({
      row: rowNumber,
      course: clip(course, 500),
      status,
      completedOn,
      certExpiresOn: dates.certExpiresOn ?? null,
      accessExpiresOn: dates.accessExpiresOn ?? null,
      createdOn: dates.createdOn ?? null,
      dueOn: dates.dueOn ?? null,
      login: text(cells, 'login') || null,
      score: text(cells, 'score') || null,
      enrollmentId: text(cells, 'enrollmentId').slice(0, 50) || null,
    });
  }

  const shown = warnings.slice(0, MAX_WARNINGS);
  if (warnings.length > MAX_WARNINGS) shown.push(`…and ${warnings.length - MAX_WARNINGS} more rows with problems.`);
  if (otherOrderCount > 0) {
    const settingNow = order === 'day-first' ? 'day first (31/12/2025)' : 'month first (12/31/2025)';
    shown.unshift(
      `${otherOrderCount} date(s) such as “${clip(otherOrderExample, 20)}” only make sense the other way round. The date order setting is ${settingNow}; check it matches your LearnUpon portal.`,
    );
  }
  if (rows.length === 0) shown.push('The training history has column headings but no course rows.');
  return { ok: true, rows, warnings: shown };
}

// ---------- entry point ----------

const WEB_PAGE =
  'This file is a web page, not a spreadsheet — usually a sign-in or error page saved in place of the training history. Sign in to LearnUpon, then ' +
  AGAIN.charAt(0).toLowerCase() + AGAIN.slice(1);

export function readWorkbook(bytes: Uint8Array, opts: XLSX.ParsingOptions = {}): XLSX.WorkBook {
  return XLSX.read(bytes, {
    type: 'array',
    cellDates: false, // dates stay serial numbers: converting to JS Date would involve the local time zone
    cellFormula: false,
    cellHTML: false,
    cellStyles: false,
    raw: true, // do not guess dates in text (SheetJS would read 03/04/2025 month-first)
    sheetRows: MAX_ROWS,
    ...opts,
  });
}

export function isPasswordError(e: unknown): boolean {
  return /password|encrypt/i.test(errorText(e));
}

const PASSWORD =
  'This spreadsheet is password-protected (encrypted), so it can’t be read. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, clear the box), save it, and import it again — or ' +
  AGAIN.charAt(0).toLowerCase() + AGAIN.slice(1);

/**
 * Reads a training history file. Never throws: an unreadable file gives `{ok: false, error}` with a
 * sentence for the user; rows that are only partly readable give warnings.
 */
export function parseTrainingHistory(bytes: Uint8Array, fileName: string, order: DateOrder): HistoryResult {
  try {
    return parseUnsafe(bytes, fileName, order);
  } catch (e) {
    // Belt and braces: SheetJS can throw on inputs we did not foresee.
    if (isPasswordError(e)) return fail(PASSWORD);
    return fail(`The file “${clip(fileName, 60)}” could not be read as a spreadsheet; it may be damaged. ${AGAIN}`);
  }
}

function parseUnsafe(bytes: Uint8Array, fileName: string, order: DateOrder): HistoryResult {
  const name = clip(fileName || 'the file', 60);
  if (bytes.length === 0) return fail(`The file “${name}” is empty (0 bytes) — the download probably failed. ${AGAIN}`);
  if (bytes.length > MAX_BYTES) {
    return fail(`The file “${name}” is ${Math.round(bytes.length / 1048576)} MB, far larger than a training history; it is probably a different file.`);
  }

  if (startsWith(bytes, ZIP) || startsWith(bytes, ZIP_EMPTY)) {
    let wb: XLSX.WorkBook;
    try {
      wb = readWorkbook(bytes);
    } catch {
      // A password-protected .xlsx is never a plain zip (Office wraps it in a compound file, below): a zip
      // that SheetJS calls "encrypted" is garbage read as zip flags, i.e. a cut-short download.
      return fail(`The file “${name}” looks like an Excel workbook but is damaged or incomplete (perhaps the download was interrupted), or it is a different kind of zip file. ${AGAIN}`);
    }
    return finish(workbookGrids(wb), order, name);
  }

  if (startsWith(bytes, CFB)) {
    // Office "Encrypt with Password" wraps an .xlsx in an OLE compound file with these streams.
    let container: unknown;
    try {
      container = XLSX.CFB.read(bytes, { type: 'array' });
    } catch {
      return fail(`The file “${name}” looks like an old-style Excel file (.xls) but is damaged. ${AGAIN}`);
    }
    if (XLSX.CFB.find(container, 'EncryptedPackage') || XLSX.CFB.find(container, 'EncryptionInfo')) return fail(PASSWORD);
    let wb: XLSX.WorkBook;
    try {
      wb = readWorkbook(bytes);
    } catch (e) {
      if (isPasswordError(e)) return fail(PASSWORD);
      return fail(`The file “${name}” is an Office file but not an Excel workbook we can read (or it is damaged). ${AGAIN}`);
    }
    return finish(workbookGrids(wb), order, name);
  }

  const text = decodeText(bytes);
  if (!looksLikeText(text)) {
    return fail(`The file “${name}” is not a spreadsheet we can read (.xlsx, .xls or .csv), or it is damaged. ${AGAIN}`);
  }
  if (isMarkup(text)) {
    // Some systems save an HTML table or SpreadsheetML as ".xls"; an error page has no matching table.
    const html = isHtml(text);
    if (/<table\b/i.test(text) || /urn:schemas-microsoft-com:office:spreadsheet/i.test(text)) {
      try {
        const result = gridsToRows(workbookGrids(readWorkbook(new TextEncoder().encode(text))), order);
        if (result.matched) return strip(result);
      } catch {
        // fall through to the message below
      }
    }
    return fail(html ? WEB_PAGE : `The file “${name}” is not a training history spreadsheet. ${AGAIN}`);
  }
  const rows = parseCsv(text, sniffDelimiter(text));
  const grid: Grid = { name: 'csv', rows: rows.slice(0, MAX_ROWS), firstRow: 1, date1904: false };
  return finish([grid], order, name);
}

function strip(result: HistoryResult & { matched: boolean }): HistoryResult {
  const { matched: _matched, ...rest } = result;
  return rest as HistoryResult;
}

function finish(grids: Grid[], order: DateOrder, name: string): HistoryResult {
  if (grids.every((g) => g.rows.every((r) => r.every((c) => cellText(c) === '')))) {
    return fail(`The spreadsheet “${name}” has no data in it. ${AGAIN}`);
  }
  return strip(gridsToRows(grids, order));
}

// ---------- rows to records ----------

export interface HistoryToRecordsOptions {
  /** The URL the file was downloaded from, or e.g. `file:training-history.xlsx` for a user's file. */
  sourceUrl: string;
  /** ISO timestamp of the import. */
  seenAt: string;
  /** Catalogue name for a title, or null when the course is not in the catalogue. */
  matcher: (title: string) => string | null;
}

const INFO_SCORE = (r: CompletionRecord) =>
  (r.certExpiresOn ? 4 : 0) + (r.enrollmentId ? 2 : 0) + (r.completedOn ? 1 : 0);

/**
 * One record per distinct enrollment/completion (rows that would get the same id are merged,
 * keeping the most informative). History rows count for compliance: LearnUpon is the source of truth.
 */
export function historyRowsToRecords(rows: readonly HistoryRow[], options: HistoryToRecordsOptions): CompletionRecord[] {
  const byId = new Map<string, CompletionRecord>();
  for (const row of rows) {
    const title = row.course.slice(0, 500);
    const course = (options.matcher(title) ?? title).slice(0, 500);
    const base = {
      source: 'training-history' as const,
      enrollmentId: row.enrollmentId,
      course,
      completedOn: row.completedOn,
    };
    const record: CompletionRecord = {
      id: recordId(base).slice(0, 500),
      course,
      title,
      status: row.status,
      completedOn: row.completedOn,
      dueOn: row.dueOn,
      certExpiresOn: row.certExpiresOn,
      enrollmentId: row.enrollmentId,
      certificateUrl: null,
      source: 'training-history',
      sourceUrl: options.sourceUrl.slice(0, 2000),
      seenAt: options.seenAt,
      countsForCompliance: true,
    };
    const existing = byId.get(record.id);
    if (!existing || INFO_SCORE(record) > INFO_SCORE(existing)) byId.set(record.id, record);
  }
  return [...byId.values()];
}
