import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  formatDate,
  isValidYmd,
  londonDate,
  toYmd,
} from '@/utils/dates/calendar';
import { isoDate } from './arbitraries';

describe('addMonths', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-03-31', 1, '2025-04-30'],
    ['2025-08-31', 1, '2025-09-30'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-12-31', 1, '2026-01-31'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-03-12', 36, '2028-03-12'],
    ['2025-03-12', 12, '2026-03-12'],
    ['2025-03-12', 0, '2025-03-12'],
    ['2026-01-31', -2, '2025-11-30'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it('always lands on a real date in the right month', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 240 }), (from, months) => {
        const result = toYmd(addMonths(from, months));
        const start = toYmd(from);
        expect(isValidYmd(result)).toBe(true);
        expect(result.year * 12 + result.month - (start.year * 12 + start.month)).toBe(months);
        expect(result.day).toBe(Math.min(start.day, daysInMonth(result.year, result.month)));
      }),
    );
  });

  it('is never earlier than the start and keeps order', () => {
    fc.assert(
      fc.property(isoDate, isoDate, fc.integer({ min: 0, max: 240 }), (a, b, months) => {
        expect(addMonths(a, months) >= a).toBe(true);
        if (a <= b) expect(addMonths(a, months) <= addMonths(b, months)).toBe(true);
      }),
    );
  });

  it('adding in two steps never overshoots adding at once, and agrees up to month-end clamping', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 120 }), (from, m, n) => {
        const once = addMonths(from, m + n);
        const twice = addMonths(addMonths(from, m), n);
        expect(twice <= once).toBe(true);
        expect(toYmd(twice).month).toBe(toYmd(once).month);
        if (toYmd(from).day <= 28) expect(twice).toBe(once);
      }),
    );
  });

  it('is undone by subtracting, for days every month has', () => {
    fc.assert(
      fc.property(isoDate.filter((d) => toYmd(d).day <= 28), fc.integer({ min: -240, max: 240 }), (from, months) => {
        expect(addMonths(addMonths(from, months), -months)).toBe(from);
      }),
    );
  });
});

describe('addDays and daysBetween', () => {
  it.each([
    ['2025-12-31', 1, '2026-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2026-03-28', 2, '2026-03-30'], // across the spring clock change
    ['2026-10-24', 2, '2026-10-26'], // across the autumn clock change
    ['2026-01-01', -1, '2025-12-31'],
  ])('%s + %i days = %s', (from, days, expected) => {
    expect(addDays(from, days)).toBe(expected);
    expect(daysBetween(from, expected)).toBe(days);
  });

  it('are inverse', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -5000, max: 5000 }), (from, days) => {
        expect(daysBetween(from, addDays(from, days))).toBe(days);
      }),
    );
  });
});

describe('londonDate', () => {
  it.each([
    // Spring forward: 2026-03-29 01:00 GMT becomes 02:00 BST.
    ['2026-03-29T00:30:00Z', '2026-03-29'],
    ['2026-03-29T01:30:00Z', '2026-03-29'],
    ['2026-03-28T23:30:00Z', '2026-03-28'], // still GMT: 23:30 in London
    ['2026-03-29T23:30:00Z', '2026-03-30'], // BST: already 00:30 tomorrow
    // Fall back: 2026-10-25 02:00 BST becomes 01:00 GMT.
    ['2026-10-24T23:30:00Z', '2026-10-25'], // BST: 00:30 on the 25th
    ['2026-10-25T00:30:00Z', '2026-10-25'],
    ['2026-10-25T23:30:00Z', '2026-10-25'], // GMT again: 23:30 the same day
    // Summer evenings: late UTC is already tomorrow.
    ['2026-07-14T22:59:59Z', '2026-07-14'],
    ['2026-07-14T23:00:00Z', '2026-07-15'],
    // Winter: London is UTC.
    ['2026-01-14T23:59:59Z', '2026-01-14'],
    ['2026-01-15T00:00:00Z', '2026-01-15'],
    // Year end.
    ['2025-12-31T23:59:59Z', '2025-12-31'],
    ['2026-01-01T00:00:00Z', '2026-01-01'],
    ['2026-06-30T23:30:00Z', '2026-07-01'],
  ])('%s is %s in London', (instant, expected) => {
    expect(londonDate(new Date(instant))).toBe(expected);
  });

  it('is the UTC date or the next one, never another', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }), (instant) => {
        const utc = instant.toISOString().slice(0, 10);
        expect([0, 1]).toContain(daysBetween(utc, londonDate(instant)));
      }),
    );
  });
});

describe('formatDate', () => {
  it.each([
    ['2027-03-12', '12 Mar 2027'],
    ['2026-11-03', '3 Nov 2026'],
    ['2025-01-01', '1 Jan 2025'],
    ['2025-12-31', '31 Dec 2025'],
  ])('%s reads %s', (iso, expected) => {
    expect(formatDate(iso)).toBe(expected);
  });

  it('rejects what is not a date', () => {
    expect(() => formatDate('12/03/2025')).toThrow(RangeError);
  });
});
