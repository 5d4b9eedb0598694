// RFC 4180 CSV: a writer for the files we make (training-history.csv, the chase list, the time sheet)
// and a parser for the .csv spreadsheets people import.
import { SheetLimitError } from './limits';

export type CsvSeparator = ',' | ';' | '\t';

export interface ToCsvOptions {
  /**
   * Formula-injection guard (OWASP "CSV injection"), on by default: a cell starting with
   * `=`, `+`, `-`, `@`, tab or CR would be run as a formula by Excel/LibreOffice/Sheets, and record
   * titles come from web pages, so such a cell gets a leading apostrophe (`'=1+1`). Spreadsheets show
   * the apostrophe-prefixed text as text; a CSV reader sees the apostrophe as part of the value.
   */
  guardFormulas?: boolean;
  /** Comma by default (RFC 4180). */
  separator?: CsvSeparator;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const FORMULA_AFTER_SEMICOLON = /;(?="*[=+\-@\t\r])/g;

/**
 * The cell as written (before quoting): with the formula guard applied. Quotes protect a `;` only in
 * a file's first column, since a reader that splits a comma file on `;` does so inside quotes too
 * (`a,"x;=1"` gives it `=1"`), so a formula start right after a `;` is guarded as well (`x;'=1`).
 */
export function guardCell(cell: string): string {
  const inner = cell.replace(FORMULA_AFTER_SEMICOLON, ";'");
  return FORMULA_START.test(inner) ? `'${inner}` : inner;
}

/**
 * Quoted when the cell holds the separator, a quote, CR or LF (RFC 4180), and also a comma or
 * semicolon whatever the separator: Excel in locales with a decimal comma splits CSV on `;`, and an
 * unquoted `a;=1+1` would give it a cell starting with `=`, past the formula guard.
 */
const NEEDS_QUOTES: Record<CsvSeparator, RegExp> = { ',': /[",;\r\n]/, ';': /[",;\r\n]/, '\t': /[",;\t\r\n]/ };

function quoteCell(cell: string, separator: CsvSeparator): string {
  return NEEDS_QUOTES[separator].test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * Rows to CSV text: fields separated by commas (or `separator`), records ended by CRLF (the last one
 * too), fields quoted as `quoteCell` says. A row that is a single empty field is written as `""` so
 * that it reads back as a row rather than a blank line.
 */
export function toCsv(rows: string[][], options: ToCsvOptions = {}): string {
  const guard = options.guardFormulas ?? true;
  const separator = options.separator ?? ',';
  return rows
    .map((row) => {
      if (row.length === 1 && row[0] === '') return '""';
      return row.map((cell) => quoteCell(guard ? guardCell(cell) : cell, separator)).join(separator);
    })
    .map((line) => `${line}\r\n`)
    .join('');
}

export interface ParseCsvLimits {
  /** Rows kept; parsing stops after this many. */
  maxRows?: number;
  /** A row with more fields than this throws a SheetLimitError. */
  maxColumns?: number;
}

/**
 * CSV text to rows. Accepts CRLF, LF or CR line ends, a leading byte-order mark, quoted fields with
 * doubled quotes and line breaks, and a missing final line end. A blank line is a row with one empty
 * field. `delimiter` may be `;` or tab for spreadsheets saved in other locales.
 */
export function parseCsv(text: string, delimiter = ',', limits: ParseCsvLimits = {}): string[][] {
  const maxRows = limits.maxRows ?? Infinity;
  const maxColumns = limits.maxColumns ?? Infinity;
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false; // inside a quoted field
  let atFieldStart = true;
  const pushField = () => {
    row.push(field);
    field = '';
    if (row.length > maxColumns) {
      throw new SheetLimitError(`Row ${rows.length + 1} has more than ${maxColumns.toLocaleString('en-GB')} columns.`);
    }
  };
  while (i < s.length && rows.length < maxRows) {
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
      pushField();
      atFieldStart = true;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      pushField();
      rows.push(row);
      row = [];
      atFieldStart = true;
      i += ch === '\r' && s[i + 1] === '\n' ? 2 : 1;
    } else {
      // Lenient: a stray quote inside an unquoted field is kept as text.
      field += ch;
      atFieldStart = false;
      i++;
    }
  }
  if (rows.length < maxRows && (!atFieldStart || row.length > 0)) {
    pushField();
    rows.push(row);
  }
  return rows;
}

/** The delimiter of the first line: comma unless semicolons or tabs clearly dominate (European Excel). */
export function sniffDelimiter(text: string): CsvSeparator {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const count = (c: string) => unquoted.split(c).length - 1;
  const [comma, semi, tab] = [count(','), count(';'), count('\t')];
  if (tab > comma && tab >= semi) return '\t';
  if (semi > comma) return ';';
  return ',';
}
