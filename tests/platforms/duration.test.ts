import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { durationInSentence, durationOf, formatMinutes } from '@/utils/platforms/duration';

describe('durations as pages write them', () => {
  it.each([
    ['8 minutes', 8],
    ['1 minute', 1],
    ['45 mins', 45],
    ['About 30 minutes', 30],
    ['approx. 20 min', 20],
    ['1 hour 20 minutes', 80],
    ['1 h 30 min', 90],
    ['1.5 hours', 90],
    ['2 hrs', 120],
    ['Takes about 1 hour, 5 minutes', 65],
  ])('%s → %i', (text, minutes) => {
    expect(durationOf(text)).toBe(minutes);
  });

  it.each(['Completed', '8 modules', '30', 'minutes', '12 Mar 2024', 'Due in 3 months', '0 minutes', '3000 minutes', 'Room 8 m from the lift, 2nd floor'])('not a duration: %s', (text) => {
    expect(durationOf(text)).toBeNull();
  });

  it('finds one in a sentence, and none in sentences about other things', () => {
    expect(durationInSentence('This course is part of UCL’s mandatory training. It takes about 30 minutes and can be paused.')).toBe(30);
    expect(durationInSentence('Self-paced course · about 30 minutes')).toBe(30);
    expect(durationInSentence('Complete within 30 days of starting')).toBeNull();
    expect(durationInSentence('The session times out after 20 minutes of inactivity')).toBeNull();
  });

  it('writes totals in hours and minutes', () => {
    expect(formatMinutes(100)).toBe('about 1 h 40 min');
    expect(formatMinutes(25)).toBe('about 25 min');
    expect(formatMinutes(120)).toBe('about 2 h');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1440 }), (n) => {
        const text = formatMinutes(n).replace(/^about /, '');
        expect(durationOf(text)).toBe(n);
      }),
    );
  });
});
