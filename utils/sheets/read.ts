// Any spreadsheet file to grids of cells: .xlsx (measured first, zip.ts), .xls, an HTML table or
// SpreadsheetML saved as ".xls", or CSV in any delimiter and encoding Excel uses. The training history
// and the team report readers both start here and put the problems into their own words. Never
// throws: every way a file can fail is a `problem` the reader explains. No DOM: runs in workers.
import * as XLSX from '@e965/xlsx';
import { cellText, type Cell } from './cells';
import { parseCsv, sniffDelimiter } from './csv';
import { megabytes, SheetLimitError, type SheetLimits } from './limits';
import { decodeText, holdsTable, isHtml, isMarkup, looksLikeText } from './text';
import { ZipDamagedError } from '@/utils/zip-directory';
import { checkZipWorkbook } from './zip';
import { errorText } from '@/utils/errors';

export { cellText, readDate, type Cell, type DateRead } from './cells';
export { SheetLimitError, type SheetLimits } from './limits';

export interface Grid {
  name: string;
  rows: Cell[][];
  /** Sheet row number of rows[0]. */
  firstRow: number;
  date1904: boolean;
  /** More rows than `maxRows` were in the sheet: only the first were read. */
  truncated: boolean;
}

export type SheetKind = 'xlsx' | 'xls' | 'markup' | 'csv';

/** Why a file gave no grids; each reader says it in words that fit its file. */
export type SheetProblem =
  | { problem: 'empty' }
  /** The file itself is over `maxBytes`. */
  | { problem: 'too-large'; size: string }
  /** Inside, it is beyond a limit (inflated size, parts, columns): `message` says which, for the user. */
  | { problem: 'limit'; message: string }
  /** A zip that is cut short or is not a workbook. */
  | { problem: 'damaged-zip' }
  | { problem: 'password' }
  /** An old-style (compound) file that is damaged. */
  | { problem: 'damaged-ole' }
  /** A compound Office file that is not an Excel workbook (a Word document, say). */
  | { problem: 'not-excel' }
  /** Markup without a table: a web page (`html`) or other XML saved in place of the spreadsheet. */
  | { problem: 'web-page'; html: boolean }
  | { problem: 'not-spreadsheet' };

export type SheetsRead = ({ ok: true; kind: SheetKind; grids: Grid[] }) | ({ ok: false } & SheetProblem);

const startsWith = (bytes: Uint8Array, sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isPasswordError(e: unknown): boolean {
  return /password|encrypt/i.test(errorText(e));
}

function readWorkbook(bytes: Uint8Array, limits: SheetLimits): XLSX.WorkBook {
  return XLSX.read(bytes, {
    type: 'array',
    cellDates: false, // dates stay serial numbers: converting to JS Date would involve the local time zone
    cellFormula: false,
    cellHTML: false,
    cellStyles: false,
    cellText: false, // only raw values are read
    raw: true, // do not guess dates in text (SheetJS would read 03/04/2025 month-first)
    dense: true, // a third faster on big sheets, and the used columns can be counted per row
    sheetRows: limits.maxRows + 1, // one more, to know when a sheet was cut short
  });
}

/** The range that holds data: a sheet's declared `!ref` can claim far more than it has. */
function usedRange(ws: XLSX.WorkSheet): XLSX.Range | null {
  if (!ws['!ref']) return null;
  const range = XLSX.utils.decode_range(ws['!ref']);
  const data = (ws as { '!data'?: (unknown[] | undefined)[] })['!data'];
  if (data) {
    let lastColumn = -1;
    let lastRow = -1;
    data.forEach((row, r) => {
      if (row && row.length) {
        lastColumn = Math.max(lastColumn, row.length - 1);
        lastRow = r;
      }
    });
    if (lastRow < range.s.r || lastColumn < range.s.c) return null;
    range.e.c = Math.min(range.e.c, lastColumn);
    range.e.r = Math.min(range.e.r, lastRow);
  }
  return range;
}

function workbookGrids(wb: XLSX.WorkBook, limits: SheetLimits): Grid[] {
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  return wb.SheetNames.flatMap((name) => {
    const ws = wb.Sheets[name];
    const range = ws && usedRange(ws);
    if (!ws || !range) return [];
    const columns = range.e.c - range.s.c + 1;
    if (columns > limits.maxColumns) {
      throw new SheetLimitError(
        `Its sheet “${name.slice(0, 40)}” uses ${columns.toLocaleString('en-GB')} columns; at most ${limits.maxColumns.toLocaleString('en-GB')} can be read.`,
      );
    }
    const rows = XLSX.utils.sheet_to_json<Cell[]>(ws, { header: 1, raw: true, defval: null, blankrows: true, range });
    const truncated = rows.length > limits.maxRows;
    return [{ name, rows: truncated ? rows.slice(0, limits.maxRows) : rows, firstRow: range.s.r + 1, date1904, truncated }];
  });
}

function limitProblem(error: unknown): SheetsRead | null {
  return error instanceof SheetLimitError ? { ok: false, problem: 'limit', message: error.message } : null;
}

function readZip(bytes: Uint8Array, limits: SheetLimits): SheetsRead {
  try {
    checkZipWorkbook(bytes, limits);
  } catch (error) {
    if (error instanceof ZipDamagedError) return { ok: false, problem: 'damaged-zip' };
    return limitProblem(error) ?? { ok: false, problem: 'damaged-zip' };
  }
  let wb: XLSX.WorkBook;
  try {
    wb = readWorkbook(bytes, limits);
  } catch {
    // A password-protected .xlsx is never a plain zip (Office wraps it in a compound file): a zip
    // that SheetJS calls "encrypted" is garbage read as zip flags, i.e. a cut-short download.
    return { ok: false, problem: 'damaged-zip' };
  }
  return { ok: true, kind: 'xlsx', grids: workbookGrids(wb, limits) };
}

function readCompound(bytes: Uint8Array, limits: SheetLimits): SheetsRead {
  // Office "Encrypt with Password" wraps an .xlsx in an OLE compound file with these streams.
  let container: unknown;
  try {
    container = XLSX.CFB.read(bytes, { type: 'array' });
  } catch {
    return { ok: false, problem: 'damaged-ole' };
  }
  if (XLSX.CFB.find(container, 'EncryptedPackage') || XLSX.CFB.find(container, 'EncryptionInfo')) return { ok: false, problem: 'password' };
  let wb: XLSX.WorkBook;
  try {
    wb = readWorkbook(bytes, limits);
  } catch (e) {
    return { ok: false, problem: isPasswordError(e) ? 'password' : 'not-excel' };
  }
  return { ok: true, kind: 'xls', grids: workbookGrids(wb, limits) };
}

function readText(bytes: Uint8Array, limits: SheetLimits): SheetsRead {
  const text = decodeText(bytes);
  if (!looksLikeText(text)) return { ok: false, problem: 'not-spreadsheet' };
  if (isMarkup(text)) {
    // Some systems save an HTML table or SpreadsheetML as ".xls"; an error page has no table.
    if (holdsTable(text)) {
      try {
        return { ok: true, kind: 'markup', grids: workbookGrids(readWorkbook(new TextEncoder().encode(text), limits), limits) };
      } catch (error) {
        const limit = limitProblem(error);
        if (limit) return limit;
      }
    }
    return { ok: false, problem: 'web-page', html: isHtml(text) };
  }
  const rows = parseCsv(text, sniffDelimiter(text), { maxRows: limits.maxRows + 1, maxColumns: limits.maxColumns });
  const truncated = rows.length > limits.maxRows;
  return { ok: true, kind: 'csv', grids: [{ name: 'csv', rows: truncated ? rows.slice(0, limits.maxRows) : rows, firstRow: 1, date1904: false, truncated }] };
}

/** Reads a spreadsheet file within `limits`. */
export function readSheets(bytes: Uint8Array, limits: SheetLimits): SheetsRead {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (bytes.length > limits.maxBytes) return { ok: false, problem: 'too-large', size: megabytes(bytes.length) };
  try {
    if (startsWith(bytes, ZIP) || startsWith(bytes, ZIP_EMPTY)) return readZip(bytes, limits);
    if (startsWith(bytes, CFB)) return readCompound(bytes, limits);
    return readText(bytes, limits);
  } catch (error) {
    // Limits found while turning sheets into rows; anything else SheetJS throws on inputs nobody foresaw.
    return limitProblem(error) ?? { ok: false, problem: startsWith(bytes, CFB) ? 'not-excel' : startsWith(bytes, ZIP) ? 'damaged-zip' : 'not-spreadsheet' };
  }
}

/** True when no sheet has anything in it. */
export function gridsEmpty(grids: readonly Grid[]): boolean {
  return grids.every((g) => g.rows.every((r) => r.every((c) => cellText(c) === '')));
}
