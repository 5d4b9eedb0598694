// Page text read the way a person sees it, for every site's readers and the sign-in doctor. Pure DOM
// (no browser APIs, works on detached documents): text nodes only, never innerHTML; never script or style
// content; never our own badges and alerts (`data-mtc`). Each walk visits the tree once: a dashboard has
// thousands of elements, and asking each for its whole text would be quadratic.

import { onFirstUse } from '@/utils/patterns';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
/** NodeFilter.SHOW_TEXT, spelled out: readers also run where NodeFilter is not a global. */
export const SHOW_TEXT = 4;

/** Marks our own in-page UI (contract: data-mtc="renewal" | "alert"): never page content. */
export const OURS_ATTRIBUTE = 'data-mtc';

/** Both cases: HTML documents report upper case, XML ones lower (no toUpperCase on this hot path). */
const INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'script', 'style', 'noscript', 'template', 'head']);
/** Never shown; unlike INVISIBLE_TAGS, the head is kept (its <title> is the page title). */
const NEVER_SHOWN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'script', 'style', 'noscript', 'template']);

/** Scripts, styles, the head, and our own UI. */
export function isOwnOrInvisible(el: Element): boolean {
  return INVISIBLE_TAGS.has(el.tagName) || el.hasAttribute(OURS_ATTRIBUTE);
}

/** The element or an ancestor is not page content (see isOwnOrInvisible). */
export function isSkipped(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (isOwnOrInvisible(e)) return true;
  return false;
}

const SPACES = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]+/g;

/** Lower case, straight quotes, single spaces: so "You Can’t  sign in" and "you can't sign in" compare equal. */
export function normalizeText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(SPACES, ' ')
    .trim()
    .toLowerCase();
}

/** Only ASCII characters: the reader's Unicode patterns then have plain ASCII equivalents. */
export function isAscii(text: string): boolean {
  return !/[^\x00-\x7f]/.test(text);
}

/**
 * Punctuation, arrows, shapes and pictographs ("⬇ Download", "✓ Completed", "• Start", "…"): no letter or
 * digit, alone or folded (NFKD). A subset of all such characters, the ones pages put beside words: with
 * it the readers settle most non-ASCII texts without compiling a Unicode property class. The circled
 * digits among the dingbats are numbers: not these.
 */
export function isSymbol(c: number): boolean {
  return c === 0xa0 || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2190 && c <= 0x21ff) || (c >= 0x2500 && c <= 0x2775) || (c >= 0x2794 && c <= 0x27bf) || (c >= 0x2b00 && c <= 0x2bff);
}

/** Every character outside ASCII is one of isSymbol's. */
export function onlySymbolsBeyondAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f && !isSymbol(c)) return false;
  }
  return true;
}

/** Any letter, in any script. */
const LETTER = onFirstUse('\\p{L}', 'u');

/**
 * The text has a letter (any script). ASCII letters and known symbols are looked at first: compiling a
 * Unicode property class costs milliseconds on every page, and most texts ("✓", "⬇") settle it without one.
 */
export function hasLetter(text: string): boolean {
  return /[A-Za-z]/.test(text) || (!isAscii(text) && !onlySymbolsBeyondAscii(text) && LETTER().test(text));
}

// ---------------------------------------------------------------- one read's text, remembered

/** Longest text `short` assembles: every reader's question about a short text asks for less. */
const SHORT_LIMIT = 600;

/** Runs of white space as one space, trimmed; most short texts need nothing done, which one test finds. */
const NEEDS_COLLAPSE = /[^\S ]| {2}|^ | $/;
const collapse = (text: string) => (NEEDS_COLLAPSE.test(text) ? text.replace(/\s+/g, ' ').trim() : text);
const NOT_SPACE = /\S/;
const SPACE_FIRST = /^\s/;
const SPACE_LAST = /\s$/;

/**
 * Text of nodes during one read. A reader asks for the same small elements' text many times over
 * (status, title and date probes); the page changes between reads, so each read makes its own.
 */
export interface TextReader {
  /** textContent without our UI and scripts, with a space at element edges so words never run together. */
  text(node: Node): string;
  /** The same, with runs of white space as one space and trimmed. */
  clean(node: Node): string;
  /**
   * `clean(node)` when it is at most `max` characters long (at most 600), else null: found from the children's
   * short texts, so a long text (a whole list) is never assembled to learn that it is long.
   */
  short(node: Node, max: number): string | null;
  /** `isSkipped(el)`, remembered for the read (most questions are about the same few ancestors). */
  skipped(el: Element): boolean;
}

export function createTextReader(): TextReader {
  // Maps, not WeakMaps: a reader lives for one read, and Map lookups are the cheaper.
  const raw = new Map<Node, string>();
  const cleaned = new Map<Node, string>();
  const shorts = new Map<Node, string | null>();
  const skippedMemo = new Map<Element, boolean>();
  const text = (node: Node): string => {
    if (node.nodeType === TEXT_NODE) return node.nodeValue ?? '';
    if (node.nodeType !== ELEMENT_NODE || isOwnOrInvisible(node as Element)) return '';
    const known = raw.get(node);
    if (known !== undefined) return known;
    let out = ' ';
    for (let child = node.firstChild; child; child = child.nextSibling) out += text(child);
    out += ' ';
    raw.set(node, out);
    return out;
  };
  const clean = (node: Node): string => {
    const known = cleaned.get(node);
    if (known !== undefined) return known;
    const value = collapse(text(node));
    cleaned.set(node, value);
    return value;
  };
  // clean(node) is the collapsed concatenation of its children's own texts, each element child's cleaned
  // text standing between spaces: so a child too long makes its parent too long, and nothing longer is built.
  const shortOf = (node: Node): string | null => {
    const known = shorts.get(node);
    if (known !== undefined) return known;
    let value = cleaned.get(node) ?? null;
    if (value === null) {
      if (node.nodeType === TEXT_NODE) value = collapse(node.nodeValue ?? '');
      else if (node.nodeType !== ELEMENT_NODE || isOwnOrInvisible(node as Element)) value = '';
      else value = shortElement(node);
    }
    if (value !== null && value.length > SHORT_LIMIT) value = null;
    shorts.set(node, value);
    return value;
  };
  // Built already collapsed: an element child stands between spaces, a text child keeps a space where its
  // value starts or ends with white space, an element of our own or a script adds nothing (not even a space).
  const shortElement = (el: Node): string | null => {
    let out = '';
    let gap = false;
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        const value = (child as Text).data;
        if (!value) continue;
        // White space between tags (most text nodes): a gap, nothing to collapse.
        if (!NOT_SPACE.test(value)) {
          gap = true;
          continue;
        }
        const piece = collapse(value);
        if (out && (gap || SPACE_FIRST.test(value))) out += ' ';
        out += piece;
        gap = SPACE_LAST.test(value);
      } else if (child.nodeType === ELEMENT_NODE) {
        if (isOwnOrInvisible(child as Element)) continue;
        const inner = shortOf(child);
        if (inner === null) return null;
        if (inner) {
          if (out) out += ' ';
          out += inner;
        }
        gap = true;
      }
      if (out.length > SHORT_LIMIT) return null;
    }
    return out;
  };
  const skipped = (el: Element): boolean => {
    let known = skippedMemo.get(el);
    if (known === undefined) {
      const parent = el.parentElement;
      known = isOwnOrInvisible(el) || (parent !== null && skipped(parent));
      skippedMemo.set(el, known);
    }
    return known;
  };
  return {
    text,
    clean,
    short: (node, max) => {
      const value = shortOf(node);
      return value !== null && value.length <= max ? value : null;
    },
    skipped,
  };
}

// ---------------------------------------------------------------- text nodes

/** Text nodes in document order, outside scripts and our own UI. */
export function textNodes(scope: Node): Text[] {
  const out: Text[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) out.push(child as Text);
      else if (child.nodeType === ELEMENT_NODE && !isOwnOrInvisible(child as Element)) walk(child);
    }
  };
  walk(scope);
  return out;
}

/** Text nodes with a digit (every date has one), in document order, outside `skip` elements, scripts and our UI. */
export function textNodesWithDigits(scope: Element, skip: ReadonlySet<Element>): Text[] {
  const walker = scope.ownerDocument.createTreeWalker(scope, SHOW_TEXT);
  const out: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/\d/.test(node.nodeValue ?? '')) continue;
    let ok = true;
    for (let el = node.parentElement; el && ok; el = el === scope ? null : el.parentElement) ok = !isOwnOrInvisible(el) && (el === scope || !skip.has(el));
    if (ok) out.push(node as Text);
  }
  return out;
}

// ---------------------------------------------------------------- visible text

function isNeverShown(el: Element): boolean {
  return NEVER_SHOWN.has(el.tagName) || el.hasAttribute(OURS_ATTRIBUTE);
}

/** The element's own markup hides it (not its ancestors'). */
function hidesItself(el: Element): boolean {
  if (isNeverShown(el) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = (el.getAttribute('style') ?? '').toLowerCase().replace(/\s/g, '');
  return style.includes('display:none') || style.includes('visibility:hidden');
}

/**
 * True when the element (or an ancestor) is out of sight by markup alone. No computed style: the probes
 * must work on detached documents too, and pages hide error slots with `hidden`/`display:none` inline.
 */
export function isHiddenByMarkup(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) if (hidesItself(node)) return true;
  return false;
}

function startOf(root: ParentNode): Element | null {
  const node = root as Node;
  if (node.nodeType === 9) return (root as Document).documentElement;
  if (node.nodeType === ELEMENT_NODE) return root as Element;
  return null; // a DocumentFragment: walk its children
}

/** Children of a Document/DocumentFragment root, or the element itself. */
function topElements(root: ParentNode): Element[] {
  const start = startOf(root);
  return start ? [start] : Array.from(root.children);
}

function piece(text: string | null): string {
  return (text ?? '').replace(SPACES, ' ').trim();
}

/**
 * The text under root as it reads: text nodes joined by spaces (so `<h2>Certificate</h2><p>Completed…` does
 * not become "CertificateCompleted"), never script or style content; with `visibleOnly`, nothing hidden by markup.
 */
export function readableText(root: ParentNode, visibleOnly = false): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === TEXT_NODE) {
      const p = piece(node.textContent);
      if (p) parts.push(p);
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as Element;
    if (isNeverShown(el) || (visibleOnly && hidesItself(el))) return;
    for (let child = el.firstChild; child; child = child.nextSibling) visit(child);
  };
  const start = startOf(root);
  if (start && visibleOnly && start.parentElement && isHiddenByMarkup(start.parentElement)) return '';
  if (start) visit(start);
  else for (let child = (root as Node).firstChild; child; child = child.nextSibling) visit(child);
  return parts.join(' ');
}

/** The visible text under root (see readableText). */
export function visibleText(root: ParentNode): string {
  return readableText(root, true);
}

export interface ShortText {
  element: Element;
  /** Readable text, spaced (not normalised). */
  text: string;
}

/**
 * Every element under root (root included) whose readable text is at most `maxLength` characters, with that
 * text, in document order. One walk: an element's text is only assembled when it is short, so the cost is
 * linear in the page plus the short texts.
 */
export function shortTexts(root: ParentNode, maxLength: number, visibleOnly = false): ShortText[] {
  const out: ShortText[] = [];
  // Returns the element's pieces, or null when its text is longer than maxLength.
  const visit = (el: Element): string[] | null => {
    const slot = out.length;
    out.push(null as unknown as ShortText); // reserve the slot: parent before children, document order
    let parts: string[] | null = [];
    let length = -1;
    for (let child = el.firstChild; child; child = child.nextSibling) {
      let childParts: string[] | null;
      if (child.nodeType === TEXT_NODE) {
        const p = piece(child.textContent);
        childParts = p ? [p] : [];
      } else if (child.nodeType === ELEMENT_NODE) {
        const c = child as Element;
        if (isNeverShown(c) || (visibleOnly && hidesItself(c))) continue;
        childParts = visit(c);
      } else continue;
      if (parts === null) continue;
      if (childParts === null) {
        parts = null;
        continue;
      }
      for (const p of childParts) {
        length += p.length + 1;
        parts.push(p);
      }
      if (length > maxLength) parts = null;
    }
    if (parts !== null && parts.length > 0) out[slot] = { element: el, text: parts.join(' ') };
    return parts;
  };
  for (const start of topElements(root)) {
    if (isNeverShown(start) || (visibleOnly && isHiddenByMarkup(start))) continue;
    visit(start);
  }
  return out.filter(Boolean);
}

/** Visible elements under root (not root itself), document order. */
export function visibleElements(root: ParentNode, selector = '*'): Element[] {
  return Array.from(root.querySelectorAll(selector)).filter((el) => !isHiddenByMarkup(el));
}

/** Every visible element whose whole normalised text matches `test` and is at most `maxLength` long. */
export function findMessages(root: ParentNode, test: (normalized: string) => boolean, maxLength = 300): Element[] {
  return shortTexts(root, maxLength, true)
    .filter(({ text }) => test(normalizeText(text)))
    .map(({ element }) => element);
}

/**
 * The tightest visible element whose whole normalised text matches `test`: a message is a line of its own
 * (a heading, an alert, a paragraph), not a phrase quoted inside a longer help text. `maxLength` bounds it.
 */
export function findMessage(root: ParentNode, test: (normalized: string) => boolean, maxLength = 300): Element | null {
  let best: ShortText | null = null;
  for (const hit of shortTexts(root, maxLength, true)) {
    if (test(normalizeText(hit.text)) && (!best || hit.text.length < best.text.length)) best = hit;
  }
  return best?.element ?? null;
}
