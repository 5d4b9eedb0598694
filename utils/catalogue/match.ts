// Which catalogue course a title on a page names. Portals decorate titles ("Prevent at UCL (2024)",
// "Data Protection & Freedom of Information"), so both sides are normalised and then compared whole:
// substring matching would let the alias "Prevent" claim "Preventing falls in the lab".
import { isSymbol } from '@/utils/dom/text';
import { onFirstUse } from '@/utils/patterns';
import { remembered } from '@/utils/remembered';
import type { Course } from './profile';

// A year, a year range or a version in brackets at the end: "(2024)", "[2024/25]", "(v2)", "{Version 2.1}".
const TRAILING_TAG =
  /[([{]\s*(?:(?:19|20)\d\d(?:\s*[-/–—]\s*(?:19|20)?\d\d)?|v(?:ersion)?\.?\s*\d+(?:\.\d+)*)\s*[)\]}]\s*$/iu;

/** Combining marks, which NFKD splits from their letters (utils/patterns.ts). */
const MARKS = onFirstUse('\\p{M}+', 'gu');

// Latin letters that NFKD does not split into base letter + mark.
const UNDECOMPOSED: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th' };

/**
 * Lower-case words separated by single spaces: diacritics folded, `&` read as "and", apostrophes
 * dropped ("UCL's" → "ucls"), other punctuation a word break, a trailing bracketed year or version removed.
 */
export function normaliseTitle(title: string): string {
  return /[^\x00-\x7f]/.test(title) ? normaliseAnyTitle(title) : normaliseAsciiTitle(title);
}

/**
 * The same for a title in ASCII, where each step reduces to a plain ASCII pattern: no Unicode property
 * classes, whose compiling costs a content script milliseconds on every page (tests/catalogue/match.test.ts
 * checks both ways agree).
 */
function normaliseAsciiTitle(title: string): string {
  let s = title.toLowerCase().replace(/\s+/g, ' ').trim();
  for (let previous = ''; previous !== s; ) {
    previous = s;
    s = s.replace(/[^a-z0-9)\]}]+$/, '').replace(TRAILING_TAG, '').trim();
  }
  return s.replace(/&/g, ' and ').replace(/['`]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** normaliseTitle for any title (exported for the test that holds the ASCII way to it). */
export function normaliseAnyTitle(title: string): string {
  let s = title
    .toLowerCase()
    .normalize('NFKD') // also splits ligatures and maps full-width forms to ASCII
    .replace(MARKS(), '')
    .replace(/[øłđıßæœþ]/g, (c) => UNDECOMPOSED[c] ?? c)
    .replace(/[\s\u200b-\u200d\ufeff]+/gu, ' ')
    .trim();
  for (let previous = ''; previous !== s; ) {
    previous = s;
    // Trailing punctuation first, so "Prevent at UCL (2024)." loses its tag too.
    s = s.replace(/[^\p{L}\p{N})\]}]+$/u, '').replace(TRAILING_TAG, '').trim();
  }
  return s
    .replace(/&/g, ' and ')
    .replace(/['’‘ʼ`´]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The comparison key: spaces dropped too, so "FireSafety" and "Fire - Safety" agree. */
export function titleKey(title: string): string {
  return normaliseTitle(title).replace(/ /g, '');
}

export type CourseMatcher = (title: string) => Course | null;

/**
 * Builds the name/alias index once; use it when matching many titles (a dashboard may list hundreds).
 * When two courses claim the same key the first in catalogue order wins (io.ts refuses such profiles).
 */
export function createCourseMatcher(courses: readonly Course[]): CourseMatcher {
  const index = new Map<string, Course>();
  // A name or alias exactly as written (records carry the catalogue name) is answered without normalising:
  // with the course its key gives, which the first course to claim the key keeps.
  const exact = new Map<string, Course>();
  for (const course of courses) {
    for (const label of [course.name, ...course.aliases]) {
      const key = titleKey(label);
      if (key && !index.has(key)) index.set(key, course);
      const owner = index.get(key);
      if (owner) exact.set(label, owner);
    }
  }
  const heads = new Set<string>();
  const shortKeys: string[] = [];
  for (const key of index.keys()) {
    if (key.length >= HEAD) heads.add(key.slice(0, HEAD));
    else shortKeys.push(key);
  }
  return (title) => {
    const known = exact.get(title);
    if (known) return known;
    // A page asks about every short text it shows (dates, statuses, buttons): most share no key's first
    // letters and are refused before being normalised.
    const head = asciiHead(title);
    if (head !== null && !heads.has(head) && !shortKeys.some((k) => head.startsWith(k))) return null;
    const key = titleKey(title);
    return key ? (index.get(key) ?? null) : null;
  };
}

/** How many of a key's first characters the quick refusal compares. */
const HEAD = 5;

/**
 * The first HEAD characters of an ASCII title's key (fewer when its key is shorter), without normalising it:
 * a key is the title's letters and digits in lower case, `&` read as "and", less a tag at the end, so it
 * starts with these whenever it is at least HEAD long. Null when a character outside ASCII comes first
 * (folding it needs the full normalisation), unless it is a symbol that folds to nothing.
 */
export function asciiHead(title: string): string | null {
  let head = '';
  for (let i = 0; i < title.length && head.length < HEAD; i++) {
    const c = title.charCodeAt(i);
    if (c > 0x7f) {
      if (isSymbol(c)) continue;
      return null;
    }
    if (c >= 0x61 && c <= 0x7a) head += title[i];
    else if (c >= 0x41 && c <= 0x5a) head += String.fromCharCode(c + 0x20);
    else if (c >= 0x30 && c <= 0x39) head += title[i];
    else if (c === 0x26) head += 'and';
  }
  return head.slice(0, HEAD);
}

/**
 * A test of one piece of a page's text (a text node): false only when no title that names a course can
 * hold it, so a reader need not look at the elements around it (most pieces of a dashboard are dates,
 * statuses and buttons). A title's key is its letters and digits in lower case, `&` read as "and", less a
 * bracketed year or version at its end (titleKey): an ASCII piece with no digit and no bracket holds, in
 * order, only letters of that key or of the word "version". Anything else is let through.
 */
export function createTitlePieceTest(courses: readonly Course[]): (piece: string) => boolean {
  const keys = new Set<string>();
  for (const course of courses) for (const label of [course.name, ...course.aliases]) keys.add(titleKey(label));
  keys.delete('');
  // One string to search: a newline never falls inside a piece's letters.
  const all = `\n${[...keys].join('\n')}\n`;
  // A dashboard shows the same few words on every card: each is tested once.
  return remembered((piece) => {
    if (/[\d()[\]{}]|[^\x00-\x7f]/.test(piece)) return true;
    const letters = piece.toLowerCase().replace(/&/g, 'and').replace(/[^a-z]+/g, '');
    return all.includes(letters) || 'version'.includes(letters);
  });
}

/** One-off match; prefer createCourseMatcher in loops. */
export function matchCourse(title: string, courses: readonly Course[]): Course | null {
  return createCourseMatcher(courses)(title);
}
