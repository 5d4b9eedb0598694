import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '@/utils/dates/calendar';
import { courseStatus, statusRank, worstStatus, type CourseStatus } from '@/utils/renewal/status';
import { isoDate } from '../dates/arbitraries';

const TODAY = '2026-03-10';

describe('courseStatus', () => {
  it.each([
    [addDays(TODAY, -1), 'overdue'],
    [addDays(TODAY, -400), 'overdue'],
    [TODAY, 'due-soon'],
    [addDays(TODAY, 1), 'due-soon'],
    [addDays(TODAY, 30), 'due-soon'],
    [addDays(TODAY, 31), 'current'],
    [addDays(TODAY, 1000), 'current'],
  ])('due %s with today %s → %s', (due, expected) => {
    expect(courseStatus(due, '2025-01-01', TODAY, 30, 12)).toBe(expected);
  });

  it('window edges across a year end and a leap day', () => {
    expect(courseStatus('2027-01-30', '2024-01-30', '2026-12-31', 30, 36)).toBe('due-soon');
    expect(courseStatus('2027-01-31', '2024-01-31', '2026-12-31', 30, 36)).toBe('current');
    // 29 Feb 2028 lies between: 31 Jan → 1 Mar is 30 days.
    expect(courseStatus('2028-03-01', '2025-03-01', '2028-01-30', 30, 36)).toBe('current');
    expect(courseStatus('2028-03-01', '2025-03-01', '2028-01-31', 30, 36)).toBe('due-soon');
    expect(courseStatus('2025-12-31', '2024-12-31', '2026-01-01', 30, 12)).toBe('overdue');
  });

  it('a zero window: due-soon only on the day itself', () => {
    expect(courseStatus(TODAY, '2025-01-01', TODAY, 0, 12)).toBe('due-soon');
    expect(courseStatus(addDays(TODAY, 1), '2025-01-01', TODAY, 0, 12)).toBe('current');
  });

  it('without a due date', () => {
    expect(courseStatus(null, null, TODAY, 30, 12)).toBe('not-completed');
    expect(courseStatus(null, null, TODAY, 30, null)).toBe('not-completed');
    expect(courseStatus(null, '2020-01-01', TODAY, 30, null)).toBe('current'); // a completed one-off
    expect(courseStatus(null, '2020-01-01', TODAY, 30, 12)).toBe('unknown');
  });

  it('a certificate expiry without a completion date still gives a status', () => {
    expect(courseStatus(addDays(TODAY, -1), null, TODAY, 30, 12)).toBe('overdue');
  });

  it('never improves as today advances', () => {
    const lifecycle: CourseStatus[] = ['current', 'due-soon', 'overdue'];
    fc.assert(
      fc.property(isoDate, isoDate, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 365 }), (due, today, step, window) => {
        const before = courseStatus(due, null, today, window, 12);
        const after = courseStatus(due, null, addDays(today, step), window, 12);
        expect(lifecycle.indexOf(after)).toBeGreaterThanOrEqual(lifecycle.indexOf(before));
        expect(statusRank(after)).toBeLessThanOrEqual(statusRank(before));
      }),
    );
  });

  it('a wider window never makes a course look better', () => {
    fc.assert(
      fc.property(isoDate, isoDate, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 65 }), (due, today, window, extra) => {
        expect(statusRank(courseStatus(due, null, today, window + extra, 12))).toBeLessThanOrEqual(
          statusRank(courseStatus(due, null, today, window, 12)),
        );
      }),
    );
  });
});

describe('worstStatus', () => {
  it.each([
    [[], null],
    [['current'], 'current'],
    [['current', 'unknown'], 'unknown'],
    [['unknown', 'not-completed', 'current'], 'not-completed'],
    [['current', 'due-soon', 'not-completed'], 'due-soon'],
    [['due-soon', 'overdue', 'current'], 'overdue'],
  ] as [CourseStatus[], CourseStatus | null][])('%j → %s', (statuses, expected) => {
    expect(worstStatus(statuses)).toBe(expected);
  });

  it('is one of the inputs and no input is worse', () => {
    const status = fc.constantFrom<CourseStatus>('overdue', 'due-soon', 'not-completed', 'unknown', 'current');
    fc.assert(
      fc.property(fc.array(status, { minLength: 1 }), (statuses) => {
        const worst = worstStatus(statuses)!;
        expect(statuses).toContain(worst);
        for (const s of statuses) expect(statusRank(s)).toBeGreaterThanOrEqual(statusRank(worst));
      }),
    );
  });
});
