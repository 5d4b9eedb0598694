// Moving the dates in a text by a number of days while keeping how each is printed ("12 Mar 2025" stays
// "d Mon yyyy", "03/04/2025" stays "dd/mm/yyyy"): the page report (issue 12) hides real dates but keeps
// their shape, so a reader finds the same dates of the same kinds in it. Pure string rules.
import { addDays, fromYmd, isValidYmd } from './calendar';
import type { DateOrder } from './parse';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Every printed shape the readers know, each with its parts (digit boundaries, so "2025-03-12T10:00Z" counts). */
const SHAPES =
  /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)|\b(\d{1,2})(st|nd|rd|th)? ([A-Za-z]{3,9})(\.?)(,?) (\d{4})\b|\b([A-Za-z]{3,9})(\.?) (\d{1,2})(st|nd|rd|th)?(,?) (\d{4})\b|\b(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4}|\d{2})\b/g;

function monthOf(word: string): number | null {
  const w = word.toLowerCase();
  const i = MONTHS.findIndex((m) => m === w || (w.length >= 3 && m.startsWith(w) && (w.length === 3 || w === 'sept')));
  return i >= 0 ? i + 1 : null;
}

function sameCase(model: string, word: string): string {
  if (model === model.toUpperCase()) return word.toUpperCase();
  if (model === model.toLowerCase()) return word.toLowerCase();
  return word[0]!.toUpperCase() + word.slice(1).toLowerCase();
}

/** A month's name printed like `model` ("Mar", "March", "SEPT", "sept"). */
function monthLike(model: string, month: number): string {
  const full = MONTHS[month - 1]!;
  const isFull = MONTHS.includes(model.toLowerCase()) && model.length > 3;
  const name = isFull ? full : model.toLowerCase() === 'sept' && month === 9 ? 'sept' : full.slice(0, 3);
  return sameCase(model, name);
}

function ordinal(day: number, model: string): string {
  const suffix = day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th';
  return sameCase(model, suffix);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

interface Printed {
  iso: string;
  print(iso: string): string;
}

/** The date a matched shape names and how to print another date the same way; null when it is no real date. */
function read(m: RegExpExecArray, order: DateOrder): Printed | null {
  const ymd = (year: number, month: number, day: number) => (isValidYmd({ year, month, day }) ? fromYmd({ year, month, day }) : null);
  const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];
  if (m[1]) {
    const [y, mo, d] = [m[1], m[2]!, m[3]!];
    const iso = ymd(Number(y), Number(mo), Number(d));
    return iso ? { iso, print: (to) => { const [Y, M, D] = parts(to); return `${Y}-${pad(M, mo.length)}-${pad(D, d.length)}`; } } : null;
  }
  if (m[4]) {
    const [d, suffix, name, dot, comma, y] = [m[4], m[5], m[6]!, m[7], m[8], m[9]!];
    const month = monthOf(name);
    const iso = month ? ymd(Number(y), month, Number(d)) : null;
    return iso ? { iso, print: (to) => { const [Y, M, D] = parts(to); return `${pad(D, d.length === 2 && d.startsWith('0') ? 2 : 1)}${suffix ? ordinal(D, suffix) : ''} ${monthLike(name, M)}${dot}${comma} ${Y}`; } } : null;
  }
  if (m[10]) {
    const [name, dot, d, suffix, comma, y] = [m[10], m[11], m[12]!, m[13], m[14], m[15]!];
    const month = monthOf(name);
    const iso = month ? ymd(Number(y), month, Number(d)) : null;
    return iso ? { iso, print: (to) => { const [Y, M, D] = parts(to); return `${monthLike(name, M)}${dot} ${pad(D, d.length === 2 && d.startsWith('0') ? 2 : 1)}${suffix ? ordinal(D, suffix) : ''}${comma} ${Y}`; } } : null;
  }
  const [a, sep, b, sep2, y] = [m[16]!, m[17]!, m[18]!, m[19]!, m[20]!];
  const [d, mo] = order === 'day-first' ? [a, b] : [b, a];
  const year = y.length === 2 ? 2000 + Number(y) : Number(y);
  const iso = ymd(year, Number(mo), Number(d));
  // Padded when either part shows a leading zero, or both are two digits ("12/11/2025").
  const padded = d.startsWith('0') || mo.startsWith('0') || (d.length === 2 && mo.length === 2);
  return iso
    ? {
        iso,
        print: (to) => {
          const [Y, M, D] = parts(to);
          const [first, second] = order === 'day-first' ? [D, M] : [M, D];
          return `${pad(first, padded ? 2 : 1)}${sep}${pad(second, padded ? 2 : 1)}${sep2}${y.length === 2 ? pad(Y % 100, 2) : Y}`;
        },
      }
    : null;
}

/** Every real date printed in `text`, as `YYYY-MM-DD`, in order. */
export function datesInText(text: string, order: DateOrder): string[] {
  return /\d/.test(text) ? Array.from(text.matchAll(SHAPES), (m) => read(m, order)?.iso).filter((d): d is string => !!d) : [];
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** A weekday printed right before a date ("Tue, 12 Mar 2024"): it moves with the date. */
const WEEKDAY_BEFORE = /\b((?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?)(\.?,? )$/i;

/** The weekday of `iso`, printed like `model` ("Tue" → "Wed", "TUESDAY" → "WEDNESDAY"). */
function weekdayLike(model: string, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const name = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
  return sameCase(model, model.toLowerCase().endsWith('day') ? name : name.slice(0, 3));
}

/**
 * `text` with every real date moved by `days` and printed as it was, with the weekday before it if any;
 * `rest` rewrites the text between dates (the report's placeholders). A shape that is no real date
 * ("31/02/2025") is left to `rest`.
 */
export function shiftDatesInText(text: string, days: number, order: DateOrder, rest: (text: string) => string = (t) => t): string {
  let out = '';
  let at = 0;
  if (/\d/.test(text)) {
    for (const m of text.matchAll(SHAPES)) {
      const date = read(m, order);
      if (!date) continue;
      const moved = addDays(date.iso, days);
      const before = text.slice(at, m.index);
      const weekday = WEEKDAY_BEFORE.exec(before);
      out += weekday ? rest(before.slice(0, weekday.index)) + weekdayLike(weekday[1]!, moved) + weekday[2] : rest(before);
      out += date.print(moved);
      at = m.index + m[0].length;
    }
  }
  return out + rest(text.slice(at));
}
