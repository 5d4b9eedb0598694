import { describe, expect, it } from 'vitest';
import { onFirstUse } from '@/utils/patterns';

describe('onFirstUse', () => {
  it('builds the pattern once and hands back the same one after', () => {
    const letter = onFirstUse('\\p{L}+', 'gu');
    const first = letter();
    expect(letter()).toBe(first);
    expect('Łódź 12 Zoë'.match(first)).toEqual(['Łódź', 'Zoë']);
  });
});
