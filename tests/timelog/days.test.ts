import { describe, expect, it } from 'vitest';
import { londonMidnight, splitByLondonDay } from '@/utils/timelog/days';

const H = 3_600_000;
const M = 60_000;
const at = (iso: string) => Date.parse(iso);

describe('splitting at London midnight', () => {
  it('knows when a London day starts in winter (GMT) and summer (BST)', () => {
    expect(londonMidnight('2026-01-15')).toBe(at('2026-01-15T00:00:00Z'));
    expect(londonMidnight('2026-07-15')).toBe(at('2026-07-14T23:00:00Z'));
    // Clock-change days: midnight is before the change.
    expect(londonMidnight('2026-03-29')).toBe(at('2026-03-29T00:00:00Z'));
    expect(londonMidnight('2026-10-25')).toBe(at('2026-10-24T23:00:00Z'));
  });

  it('leaves time within one day whole', () => {
    expect(splitByLondonDay({ start: at('2026-01-15T10:00:00Z'), end: at('2026-01-15T10:30:00Z') })).toEqual([{ day: '2026-01-15', ms: 30 * M }]);
  });

  it('splits across midnight in winter', () => {
    expect(splitByLondonDay({ start: at('2026-01-15T23:50:00Z'), end: at('2026-01-16T00:05:00Z') })).toEqual([
      { day: '2026-01-15', ms: 10 * M },
      { day: '2026-01-16', ms: 5 * M },
    ]);
  });

  it('splits at London midnight in summer, which is 23:00 UTC', () => {
    expect(splitByLondonDay({ start: at('2026-07-15T22:50:00Z'), end: at('2026-07-15T23:05:00Z') })).toEqual([
      { day: '2026-07-15', ms: 10 * M },
      { day: '2026-07-16', ms: 5 * M },
    ]);
    // 23:30 UTC on 15 July is already the 16th in London.
    expect(splitByLondonDay({ start: at('2026-07-15T23:30:00Z'), end: at('2026-07-15T23:40:00Z') })).toEqual([{ day: '2026-07-16', ms: 10 * M }]);
  });

  it('gives the short and long clock-change days their real lengths', () => {
    const spring = splitByLondonDay({ start: londonMidnight('2026-03-29'), end: londonMidnight('2026-03-30') });
    expect(spring).toEqual([{ day: '2026-03-29', ms: 23 * H }]);
    const autumn = splitByLondonDay({ start: londonMidnight('2026-10-25'), end: londonMidnight('2026-10-26') });
    expect(autumn).toEqual([{ day: '2026-10-25', ms: 25 * H }]);
  });

  it('covers several days and loses no time', () => {
    const slice = { start: at('2026-10-24T20:00:00Z'), end: at('2026-10-27T01:00:00Z') };
    const shares = splitByLondonDay(slice);
    expect(shares.map((s) => s.day)).toEqual(['2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27']);
    expect(shares.reduce((n, s) => n + s.ms, 0)).toBe(slice.end - slice.start);
  });
});
