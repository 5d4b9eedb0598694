// RFC 4180 CSV: a writer for `training-history.csv` and a parser for importing a `.csv` history.
import type { CompletionRecord } from '@/utils/records';

export interface ToCsvOptions {
  /**
   * Formula-injection guard (OWASP "CSV injection"), on by default: a cell starting with
   * `=`, `+`, `-`, `@`, tab or CR would be run as a formula by Excel/LibreOffice/Sheets, and record
   * titles come from web pages, so such a cell gets a leading apostrophe (`'=1+1`). Spreadsheets show
   * the apostrophe-prefixed text as text; a CSV reader sees the apostrophe as part of the value.
   */
  guardFormulas?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as written (before quoting): with the formula guard applied. */
export function guardCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function quoteCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * Rows to CSV text: fields separated by commas, records ended by CRLF (the last one too), fields
 * quoted when they hold a comma, quote, CR or LF. A row that is a single empty field is written as
 * `""` so that it reads back as a row rather than a blank line.
 */
export function toCsv(rows: string[][], options: ToCsvOptions = {}): string {
  const guard = options.guardFormulas ?? true;
  return rows
    .map((row) => {
      if (row.length === 1 && row[0] === '') return '""';
      return row.map((cell) => quoteCell(guard ? guardCell(cell) : cell)).join(',');
    })
    .map((line) => `${line}\r\n`)
    .join('');
}

/**
 * CSV text to rows. Accepts CRLF, LF or CR line ends, a leading byte-order mark, quoted fields with
 * doubled quotes and line breaks, and a missing final line end. A blank line is a row with one empty
 * field. `delimiter` may be `;` or tab for spreadsheets saved in other locales.
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false; // inside a quoted field
  let atFieldStart = true;
  while (i < s.length) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
      i++;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
      atFieldStart = true;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      atFieldStart = true;
      i += ch === '\r' && s[i + 1] === '\n' ? 2 : 1;
    } else {
      // Lenient: a stray quote inside an unquoted field is kept as text.
      field += ch;
      atFieldStart = false;
      i++;
    }
  }
  if (!atFieldStart || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The delimiter of the first line: comma unless semicolons or tabs clearly dominate (European Excel). */
export function sniffDelimiter(text: string): ',' | ';' | '\t' {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const count = (c: string) => unquoted.split(c).length - 1;
  const [comma, semi, tab] = [count(','), count(';'), count('\t')];
  if (tab > comma && tab >= semi) return '\t';
  if (semi > comma) return ';';
  return ',';
}

export const RECORDS_CSV_HEADER = [
  'Course',
  'Title as shown',
  'Status',
  'Completed on',
  'Renewal due',
  'Certificate expires',
  'Platform due date',
  'Counts for compliance',
  'Source',
  'Source URL',
  'Seen at',
  'Enrollment ID',
  'Certificate URL',
  'Note',
] as const;

/**
 * `training-history.csv`: every record the extension holds, with its source and computed renewal
 * date (`renewalFor` comes from the renewal module, passed in to keep this file independent of it).
 * Sorted by course, newest completion first; dates stay `YYYY-MM-DD`, which no locale misreads.
 */
export function recordsCsv(records: readonly CompletionRecord[], renewalFor: (record: CompletionRecord) => string | null): string {
  const sorted = [...records].sort(
    (a, b) =>
      a.course.localeCompare(b.course, 'en') ||
      (b.completedOn ?? '').localeCompare(a.completedOn ?? '') ||
      a.id.localeCompare(b.id),
  );
  const rows = sorted.map((r) => [
    r.course,
    r.title,
    r.status,
    r.completedOn ?? '',
    renewalFor(r) ?? '',
    r.certExpiresOn ?? '',
    r.dueOn ?? '',
    r.countsForCompliance ? 'yes' : 'no',
    r.source,
    r.sourceUrl,
    r.seenAt,
    r.enrollmentId ?? '',
    r.certificateUrl ?? '',
    r.note ?? '',
  ]);
  return toCsv([[...RECORDS_CSV_HEADER], ...rows]);
}
