// Dates moved by a number of days, each printed as it was (the page report's date rule).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '@/utils/dates/calendar';
import { parseDisplayDate } from '@/utils/dates/parse';
import { datesInText, shiftDatesInText } from '@/utils/dates/shift';
import { portalDate } from '../fixtures/sites/learnupon/model';
import { isoDate } from './arbitraries';

describe('shiftDatesInText', () => {
  it.each([
    ['Completed: 11/11/2025', 'day-first', 10, 'Completed: 21/11/2025'],
    ['Due date 20 Dec 2026', 'day-first', 12, 'Due date 1 Jan 2027'],
    ['Certificate valid until 03/04/2025', 'day-first', -3, 'Certificate valid until 31/03/2025'],
    ['Expires 1/2/25', 'day-first', 1, 'Expires 2/2/25'],
    ['March 12th, 2025 and Sept 3 2025', 'day-first', 1, 'March 13th, 2025 and Sept 4 2025'],
    ['12 MARCH 2025', 'day-first', 31, '12 APRIL 2025'],
    ['Mar. 31, 2025', 'month-first', 1, 'Apr. 1, 2025'],
    ['12/31/2025', 'month-first', 1, '01/01/2026'],
    ['2025-3-2', 'day-first', 30, '2025-4-1'],
    ['at 2025-03-12T10:00:00Z', 'day-first', 1, 'at 2025-03-13T10:00:00Z'],
    ['no date 31/02/2025 here', 'day-first', 5, 'no date 31/02/2025 here'],
    // The weekday before a date moves with it, printed the same way.
    ['Completed: Tue, 12 Mar 2024 14:32', 'day-first', 1, 'Completed: Wed, 13 Mar 2024 14:32'],
    ['SATURDAY 16/03/2024', 'day-first', 2, 'MONDAY 18/03/2024'],
    ['Thurs. March 14, 2024', 'month-first', -1, 'Wed. March 13, 2024'],
  ] as const)('%s (%s, %d days) → %s', (text, order, days, expected) => {
    expect(shiftDatesInText(text, days, order)).toBe(expected);
  });

  it('rewrites only the text between dates with `rest`', () => {
    expect(shiftDatesInText('Done 1 Mar 2025, score 90', 1, 'day-first', (t) => t.replace(/[a-z0-9]/gi, '_'))).toBe('____ 2 Mar 2025, _____ __');
  });

  it('keeps each portal style and moves the date by exactly the offset', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -800, max: 800 }), fc.constantFrom('day-first', 'month-first') as fc.Arbitrary<'day-first' | 'month-first'>, fc.constantFrom('numeric', 'short', 'long') as fc.Arbitrary<'numeric' | 'short' | 'long'>, (iso, days, order, style) => {
        // "May" is both the short and the long name: which style it was cannot be told from it alone.
        fc.pre(style === 'numeric' || iso.slice(5, 7) !== '05');
        const printed = portalDate(iso, order, style);
        const moved = shiftDatesInText(printed, days, order);
        expect(parseDisplayDate(moved, order)).toBe(addDays(iso, days));
        expect(moved).toBe(portalDate(addDays(iso, days), order, style));
        expect(datesInText(`x ${printed} y`, order)).toEqual([iso]);
      }),
    );
  });
});
