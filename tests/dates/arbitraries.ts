// Shared fast-check generators for calendar dates.
import fc from 'fast-check';
import { daysInMonth, fromYmd } from '@/utils/dates/calendar';

/** Any real calendar date 1990–2100 as YYYY-MM-DD. */
export const isoDate = fc
  .record({ year: fc.integer({ min: 1990, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => fromYmd({ year, month, day: Math.min(day, daysInMonth(year, month)) }));
