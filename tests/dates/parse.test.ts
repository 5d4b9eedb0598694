import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate } from '@/utils/dates/calendar';
import { DATE_LIKE, parseDisplayDate } from '@/utils/dates/parse';
import { isoDate } from './arbitraries';

describe('parseDisplayDate', () => {
  it.each([
    ['12 Mar 2025', '2025-03-12'],
    ['12 March 2025', '2025-03-12'],
    ['12 Sept 2025', '2025-09-12'],
    ['12th March 2025', '2025-03-12'],
    ['1 Dec. 2025', '2025-12-01'],
    ['Mar 12, 2025', '2025-03-12'],
    ['March 12 2025', '2025-03-12'],
    ['September 3rd, 2025', '2025-09-03'],
    ['2025-03-12', '2025-03-12'],
    ['2025-3-2', '2025-03-02'],
    ['Completed on: 12 Mar 2025', '2025-03-12'],
    ['Completed\n  12   Mar\t2025 ', '2025-03-12'],
    ['Due: 29 Feb 2024', '2024-02-29'],
    // A weekday before the date and a time after it (issue 12: pages nobody here has seen).
    ['Tue, 12 Mar 2024 14:32', '2024-03-12'],
    ['Tuesday 12th March 2024', '2024-03-12'],
    ['Thurs. March 14, 2024, 09:15', '2024-03-14'],
  ])('%j → %s', (text, expected) => {
    expect(parseDisplayDate(text, 'day-first')).toBe(expected);
    expect(parseDisplayDate(text, 'month-first')).toBe(expected); // named months are unambiguous
  });

  it.each([
    ['12/03/2025', 'day-first', '2025-03-12'],
    ['12/03/2025', 'month-first', '2025-12-03'],
    ['03/12/2025', 'month-first', '2025-03-12'],
    ['12.03.2025', 'day-first', '2025-03-12'],
    ['12-03-2025', 'day-first', '2025-03-12'],
    ['1/2/25', 'day-first', '2025-02-01'],
    ['31/12/2025', 'day-first', '2025-12-31'],
    ['12/31/2025', 'month-first', '2025-12-31'],
    ['12/03/2024 09:15', 'day-first', '2024-03-12'],
    ['Wed 13/03/2024', 'day-first', '2024-03-13'],
  ] as const)('%s (%s) → %s', (text, order, expected) => {
    expect(parseDisplayDate(text, order)).toBe(expected);
  });

  it.each([
    ['31/02/2025', 'day-first'],
    ['02/31/2025', 'month-first'],
    ['31/12/2025', 'month-first'], // month 31
    ['29 Feb 2025', 'day-first'],
    ['2025-02-30', 'day-first'],
    ['2025-13-01', 'day-first'],
    ['32 Jan 2025', 'day-first'],
    ['', 'day-first'],
    ['Not started', 'day-first'],
    ['Marked 12 2025', 'day-first'], // a word that only starts like a month
    ['3 Decided 2025', 'day-first'],
  ] as const)('%j (%s) → null', (text, order) => {
    expect(parseDisplayDate(text, order)).toBeNull();
  });

  it('reads ISO timestamps: a zone gives the London day, no zone the written day', () => {
    expect(parseDisplayDate('2025-03-12T10:00:00', 'day-first')).toBe('2025-03-12');
    expect(parseDisplayDate('2025-03-12T10:00:00Z', 'day-first')).toBe('2025-03-12');
    expect(parseDisplayDate('2025-07-12T23:30:00Z', 'day-first')).toBe('2025-07-13'); // BST
    expect(parseDisplayDate('2025-01-12T23:30:00Z', 'day-first')).toBe('2025-01-12'); // GMT
    expect(parseDisplayDate('2025-07-13T00:30:00+02:00', 'day-first')).toBe('2025-07-12');
    expect(parseDisplayDate('2025-07-13T00:30:00+0200', 'day-first')).toBe('2025-07-12');
    expect(parseDisplayDate('2025-02-30T10:00:00Z', 'day-first')).toBeNull();
  });

  it('skips a number-word-year that is not a date to find the real one', () => {
    expect(parseDisplayDate('Score 3 Marks 2025, completed 12 Mar 2025', 'day-first')).toBe('2025-03-12');
  });

  it('reads back every date the UI prints', () => {
    fc.assert(
      fc.property(isoDate, fc.constantFrom('day-first', 'month-first') as fc.Arbitrary<'day-first' | 'month-first'>, (iso, order) => {
        expect(parseDisplayDate(formatDate(iso), order)).toBe(iso);
        expect(parseDisplayDate(iso, order)).toBe(iso);
      }),
    );
  });

  it('reads numeric dates in the profile order', () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        const [y, m, d] = iso.split('-');
        expect(parseDisplayDate(`${d}/${m}/${y}`, 'day-first')).toBe(iso);
        expect(parseDisplayDate(`${m}/${d}/${y}`, 'month-first')).toBe(iso);
      }),
    );
  });
});

describe('DATE_LIKE', () => {
  const found = (text: string) => Array.from(text.matchAll(DATE_LIKE), (m) => m[0]);

  it('takes a weekday before a date as part of it, so the label before stays the label', () => {
    expect(found('Completed: Tue, 12 Mar 2024 14:32')).toEqual(['Tue, 12 Mar 2024']);
    expect(found('Due Friday 1/11/2024 and Sat. Nov 2, 2024')).toEqual(['Friday 1/11/2024', 'Sat. Nov 2, 2024']);
  });

  it('takes no other word before a date, nor a weekday on its own', () => {
    expect(found('Completed, 12 Mar 2024')).toEqual(['12 Mar 2024']);
    expect(found('Monster 12 Mar 2024')).toEqual(['12 Mar 2024']);
    expect(found('Every Tuesday at 14:32')).toEqual([]);
  });
});
