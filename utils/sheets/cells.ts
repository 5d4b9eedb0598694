// What a spreadsheet cell holds, as text and as a calendar date. Shared by the training history and
// the team report readers: dates in sheets are serial day counts or text in the profile's order.
import { SSF } from '@e965/xlsx';
import { fromYmd, isValidYmd } from '@/utils/dates/calendar';
import { parseDisplayDate, type DateOrder } from '@/utils/dates/parse';

export type Cell = string | number | boolean | Date | null | undefined;

export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
  return String(cell).replace(/\s+/g, ' ').trim();
}

export interface DateRead {
  date: string | null;
  /** The text that could not be read as a date, when there was text. */
  unreadable?: string;
  /** Parses only in the other day/month order. */
  otherOrder?: boolean;
}

/** A spreadsheet date cell is a serial day count; SSF turns it into a calendar date with no time zone involved. */
function serialToDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const parsed = SSF.parse_date_code(serial, { date1904 }) as { y: number; m: number; d: number } | null;
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
