// Dates as portals print them: `12 Mar 2025`, `12 March 2025`, `12/03/2025`, `2025-03-12`, `Mar 12, 2025`.
// Numeric dates are read in the profile's order (UCL is day-first); named months are unambiguous.
import { fromYmd, isValidYmd, type YMD } from './calendar';

export type DateOrder = 'day-first' | 'month-first';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function monthFromName(name: string): number | undefined {
  const key = name.toLowerCase().replace(/\.$/, '');
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)];
}

function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

function checked(ymd: YMD): string | null {
  return isValidYmd(ymd) ? fromYmd(ymd) : null;
}

/** Finds the first date in `text` and returns it as `YYYY-MM-DD`, or null when there is none or it is not a real date. */
export function parseDisplayDate(text: string, order: DateOrder): string | null {
  const s = text.replace(/\s+/g, ' ').trim();
  let m = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(s);
  if (m) return checked({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  m = /\b(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]{3,9})\.?,? (\d{4})\b/.exec(s);
  if (m) {
    const month = monthFromName(m[2]!);
    if (month) return checked({ year: Number(m[3]), month, day: Number(m[1]) });
  }
  m = /\b([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b/.exec(s);
  if (m) {
    const month = monthFromName(m[1]!);
    if (month) return checked({ year: Number(m[3]), month, day: Number(m[2]) });
  }
  m = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/.exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [day, month] = order === 'day-first' ? [a, b] : [b, a];
    return checked({ year: fullYear(m[3]!), month, day });
  }
  return null;
}
