// Dates that cannot be right for a course are not used (docs/rules.md, "Renewal rules"): a portal's
// "never expires" placeholder (2999-12-31), a misread year, a sentinel from before records were kept.
import { addMonths } from '@/utils/dates/calendar';

export const EARLIEST_PLAUSIBLE_DATE = '1970-01-01';
export const PLAUSIBLE_YEARS_AHEAD = 10;

/** Not before 1970 and not more than 10 years after `today` (both `YYYY-MM-DD`). */
export function isPlausibleDate(iso: string, today: string): boolean {
  return iso >= EARLIEST_PLAUSIBLE_DATE && iso <= addMonths(today, PLAUSIBLE_YEARS_AHEAD * 12);
}
