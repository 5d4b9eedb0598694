// Dates as portals print them: `12 Mar 2025`, `12 March 2025`, `12/03/2025`, `2025-03-12`, `Mar 12, 2025`,
// any of them after a weekday ("Tue, 12 Mar 2024 14:32": the weekday belongs to the date, not to its label).
// Numeric dates are read in the profile's order (UCL is day-first); named months are unambiguous.
import { fromYmd, isValidYmd, londonDate, type YMD } from './calendar';

export type DateOrder = 'day-first' | 'month-first';

/** Substrings that may be dates, in the shapes below, with the weekday before one if any; parseDisplayDate decides. */
export const DATE_LIKE =
  /(?:\b(?:[Mm]on|[Tt]ues?|[Ww]ed(?:nes)?|[Tt]hu(?:rs?)?|[Ff]ri|[Ss]at(?:ur)?|[Ss]un)(?:day)?\.?,? )?(?:\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)? [A-Za-z]{3,9}\.?,? \d{4}\b|\b[A-Za-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}\b|\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b)/g;

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "Mar", "March", "Sept"; not any word that merely starts like a month ("Marked", "Decided"). */
function monthFromName(name: string): number | undefined {
  const key = name.toLowerCase().replace(/\.$/, '');
  const month = MONTHS[key] ?? MONTHS[key.slice(0, 3)];
  return month && MONTH_NAMES[month - 1]!.startsWith(key === 'sept' ? 'sep' : key) ? month : undefined;
}

function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

function toParts(iso: string): YMD {
  const [year, month, day] = iso.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
}

function checked(ymd: YMD): string | null {
  return isValidYmd(ymd) ? fromYmd(ymd) : null;
}

/** Finds the first date in `text` and returns it as `YYYY-MM-DD`, or null when there is none or it is not a real date. */
export function parseDisplayDate(text: string, order: DateOrder): string | null {
  const s = text.replace(/\s+/g, ' ').trim();
  // A timestamp with a zone names an instant; its day is the London one (23:30Z in summer is tomorrow).
  let m = /\b(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})(?!\d)/i.exec(s);
  if (m) {
    const date = checked(toParts(m[1]!));
    const zone = m[3]!.toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    const instant = new Date(`${m[1]}T${m[2]}${zone}`);
    return date && !Number.isNaN(instant.getTime()) ? londonDate(instant) : null;
  }
  // `(?!\d)` rather than `\b`: a zone-less timestamp "2025-03-12T10:00" has no word break before the T.
  m = /\b(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/.exec(s);
  if (m) return checked({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  // Every candidate, not just the first: "3 Marks 2025, completed 12 Mar 2025" must still find the date.
  for (const n of s.matchAll(/\b(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]{3,9})\.?,? (\d{4})\b/g)) {
    const month = monthFromName(n[2]!);
    if (month) return checked({ year: Number(n[3]), month, day: Number(n[1]) });
  }
  for (const n of s.matchAll(/\b([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b/g)) {
    const month = monthFromName(n[1]!);
    if (month) return checked({ year: Number(n[3]), month, day: Number(n[2]) });
  }
  m = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/.exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [day, month] = order === 'day-first' ? [a, b] : [b, a];
    return checked({ year: fullYear(m[3]!), month, day });
  }
  return null;
}
