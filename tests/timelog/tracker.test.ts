import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IDLE_MS, createTracker } from '@/utils/timelog/tracker';

const S = 1000;
const M = 60 * S;
const total = (slices: { start: number; end: number }[]) => slices.reduce((n, s) => n + s.end - s.start, 0);

describe('active time', () => {
  it('counts time between activity while the page is in front', () => {
    const t = createTracker();
    t.setActive(true, 0);
    for (let at = 10 * S; at <= 4 * M; at += 10 * S) t.activity(at);
    expect(t.take(4 * M + 5 * S)).toEqual([{ start: 0, end: 4 * M }]);
    // Taking again gives only what is new.
    t.activity(5 * M);
    expect(t.take(5 * M)).toEqual([{ start: 4 * M, end: 5 * M }]);
  });

  it('counts a quiet stretch shorter than the cut-off (reading a page)', () => {
    const t = createTracker();
    t.setActive(true, 0);
    t.activity(4 * M + 59 * S);
    expect(total(t.take(5 * M))).toBe(4 * M + 59 * S);
  });

  it('drops the time after the last activity when the person was idle longer than the cut-off', () => {
    const t = createTracker();
    t.setActive(true, 0);
    t.activity(2 * M);
    // Away for 20 minutes, then back.
    t.activity(22 * M);
    t.activity(23 * M);
    expect(t.take(23 * M)).toEqual([
      { start: 0, end: 2 * M },
      { start: 22 * M, end: 23 * M },
    ]);
  });

  it('stops counting when idle even with no further events, and does not count the idle wait', () => {
    const t = createTracker();
    t.setActive(true, 0);
    t.activity(M);
    expect(t.take(M + IDLE_MS + 1)).toEqual([{ start: 0, end: M }]);
    expect(t.take(60 * M)).toEqual([]);
  });

  it('stops at a tab switch and starts again on return, not counting the time away', () => {
    const t = createTracker();
    t.setActive(true, 0);
    t.activity(30 * S);
    t.setActive(false, 90 * S); // another tab: the minute of reading before it counts
    t.activity(100 * S); // input cannot arrive while away, but is ignored if it does
    t.setActive(true, 10 * M);
    t.activity(11 * M);
    expect(t.take(11 * M)).toEqual([
      { start: 0, end: 90 * S },
      { start: 10 * M, end: 11 * M },
    ]);
  });

  it('ends a tab switch after a long idle at the last activity', () => {
    const t = createTracker();
    t.setActive(true, 0);
    t.activity(M);
    t.setActive(false, 30 * M);
    expect(t.take(30 * M)).toEqual([{ start: 0, end: M }]);
  });

  it('never counts more than the time in front, and never the same moment twice', () => {
    type Event = { kind: 'input' | 'show' | 'hide' | 'take'; gap: number };
    const event = fc.record({ kind: fc.constantFrom('input', 'input', 'input', 'show', 'hide', 'take'), gap: fc.integer({ min: 0, max: 12 * M }) }) as fc.Arbitrary<Event>;
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        const t = createTracker();
        let at = 0;
        let shownSince: number | null = null;
        let shownTotal = 0;
        const slices = [];
        for (const e of events) {
          at += e.gap;
          if (e.kind === 'input') t.activity(at);
          if (e.kind === 'show') {
            t.setActive(true, at);
            shownSince ??= at;
          }
          if (e.kind === 'hide') {
            t.setActive(false, at);
            if (shownSince !== null) shownTotal += at - shownSince;
            shownSince = null;
          }
          if (e.kind === 'take') slices.push(...t.take(at));
        }
        slices.push(...t.take(at));
        if (shownSince !== null) shownTotal += at - shownSince;
        for (let i = 0; i < slices.length; i++) {
          expect(slices[i]!.end).toBeGreaterThan(slices[i]!.start);
          if (i > 0) expect(slices[i]!.start).toBeGreaterThanOrEqual(slices[i - 1]!.end);
        }
        expect(total(slices)).toBeLessThanOrEqual(shownTotal);
      }),
      { numRuns: 500 },
    );
  });
});
