// The shortcuts that spare a content script compiling Unicode property classes (utils/dom/text.ts isSymbol,
// hasLetter; utils/platforms/learnupon/selectors.ts trimSymbols) must answer as the classes would.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasLetter, isSymbol } from '@/utils/dom/text';
import { trimSymbols } from '@/utils/platforms/learnupon/selectors';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** Characters pages put beside words, and ones that look alike but are letters or digits. */
const CHARS = [
  'a', 'Z', '7', ' ', '-', '(', ')', ':', '.', '_', '\u00a0', 'é', 'ß', 'Ł', 'ж', 'λ', '中', 'ا', '²', '½', 'µ', 'ª',
  '✓', '✔', '✗', '⬇', '•', '…', '→', '↓', '●', '○', '★', '■', '❶', '➀', '①', '⑴', '™', '\u200d', '\ufe0f', '✅', '🔥', '👍🏽', '\u0301',
];
const texts = fc.array(fc.constantFrom(...CHARS), { maxLength: 10 }).map((parts) => parts.join(''));

describe('isSymbol', () => {
  it('holds no letter or digit, alone or folded', () => {
    for (let c = 0; c <= 0xffff; c++) {
      if (!isSymbol(c)) continue;
      const ch = String.fromCharCode(c);
      expect(LETTER_OR_DIGIT.test(ch) || LETTER_OR_DIGIT.test(ch.normalize('NFKD')), `U+${c.toString(16)}`).toBe(false);
    }
  });
});

describe('without the Unicode classes, the same answers', () => {
  it('hasLetter', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(hasLetter(text)).toBe(/\p{L}/u.test(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('trimSymbols, on text outside ASCII', () => {
    fc.assert(
      fc.property(texts, (text) => {
        if (/^[\x00-\x7f]*$/.test(text)) return;
        expect(trimSymbols(text)).toBe(text.replace(EDGES, ''));
      }),
      { numRuns: 3000 },
    );
    expect(trimSymbols('✓ completed')).toBe('completed');
    expect(trimSymbols('⬇ ✔ passed •')).toBe('passed');
    expect(trimSymbols('★ terminé ★')).toBe('terminé');
  });
});
