// Splits active time at midnight in Europe/London, so each day gets its own share. UK clocks change
// at 01:00 UTC, never at midnight, so each London midnight is one well-defined instant.
import { addDays, londonDate, toYmd } from '@/utils/dates/calendar';
import type { TimeSlice } from './types';

/** The instant the London day `day` begins. */
export function londonMidnight(day: string): number {
  const { year, month, day: d } = toYmd(day);
  const bst = Date.UTC(year, month - 1, d) - 3_600_000; // 00:00 BST is 23:00 UTC the evening before
  return londonDate(new Date(bst)) === day ? bst : Date.UTC(year, month - 1, d);
}

export interface DayShare {
  day: string;
  ms: number;
}

export function splitByLondonDay(slice: TimeSlice): DayShare[] {
  const shares: DayShare[] = [];
  let start = slice.start;
  while (start < slice.end) {
    const day = londonDate(new Date(start));
    const next = londonMidnight(addDays(day, 1));
    const end = Math.min(next, slice.end);
    shares.push({ day, ms: end - start });
    start = end;
  }
  return shares;
}
