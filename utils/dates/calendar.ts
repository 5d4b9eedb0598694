// Calendar dates as `YYYY-MM-DD` strings. Renewal is a matter of calendar days in Europe/London,
// so no Date arithmetic across time zones: we only convert "now" to a London date once.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface YMD {
  year: number;
  month: number; // 1–12
  day: number;
}

export function toYmd(iso: string): YMD {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function fromYmd({ year, month, day }: YMD): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * True for a real calendar date with a four-digit year (rejects 2025-02-30). Whether a date can be right
 * for a course (not 2999-12-31) is a renewal rule, not a calendar one: utils/renewal/plausible.ts.
 */
export function isValidYmd({ year, month, day }: YMD): boolean {
  return year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Calendar months later; a day the target month lacks becomes its last day (29 Feb + 12 months = 28 Feb). */
export function addMonths(iso: string, months: number): string {
  const { year, month, day } = toYmd(iso);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return fromYmd({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

export function addDays(iso: string, days: number): string {
  const { year, month, day } = toYmd(iso);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return fromYmd({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  const x = toYmd(a);
  const y = toYmd(b);
  return Math.round((Date.UTC(y.year, y.month - 1, y.day) - Date.UTC(x.year, x.month - 1, x.day)) / 86_400_000);
}

const londonFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Europe/London calendar date of an instant ("today" in the product rules). */
export function londonDate(instant: Date = new Date()): string {
  const parts = Object.fromEntries(londonFormatter.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "12 Mar 2027": unambiguous in either date order, so the UI always uses it. */
export function formatDate(iso: string): string {
  const { year, month, day } = toYmd(iso);
  return `${day} ${MONTHS_SHORT[month - 1]} ${year}`;
}
