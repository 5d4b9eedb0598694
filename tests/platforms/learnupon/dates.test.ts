// startsWithDate (utils/platforms/learnupon/dates.ts) asks the page's one date pattern where a text's first
// word starts, instead of compiling a second pattern `^\s*(?:DATE_LIKE)`: the answers must be the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATE_LIKE } from '@/utils/dates/parse';
import { startsWithDate } from '@/utils/platforms/learnupon/dates';

const ANCHORED = new RegExp(`^\\s*(?:${DATE_LIKE.source})`);
const PIECES = ['12 Mar 2025', '2025-03-12', 'Mar 12, 2025', '12/03/25', 'Tue, ', 'Completed', ' ', '\u00a0', '\n', '15', '/', '-', 'March', ',', 'x', '2024', '.'];

describe('startsWithDate', () => {
  it('answers as the anchored pattern would', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        expect(startsWithDate(text)).toBe(ANCHORED.test(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a date after white space, and none behind a word', () => {
    expect(startsWithDate('  12 Mar 2025')).toBe(true);
    expect(startsWithDate('\u00a015/12/2025 (expires)')).toBe(true);
    expect(startsWithDate('Due 12 Mar 2025')).toBe(false);
    expect(startsWithDate('')).toBe(false);
  });
});
