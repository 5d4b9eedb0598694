// Status lines ("Completed", "Status: Not started") on a LearnUpon page, found once per read.
import { isAscii, type TextReader } from '@/utils/dom/text';
import { pauseAt, type Steps } from '@/utils/platforms/steps';
import type { EnrollmentStatus } from '@/utils/records';
import { MAX_STATUS_LINE } from './scan';
import { startsWithDate } from './dates';
import { LU_SELECTORS as S, normalise, statusFromText } from './selectors';

/**
 * Elements (not scripts or our own UI) whose whole text is at most `maxLength` characters and holds a
 * status-like word, in document order: found from the text nodes with such a word (`hints`, in document
 * order, from scanText) up, never by visiting every element of a 500-course dashboard in script.
 */
function* statusCandidates(root: ParentNode, hints: readonly Text[], maxLength: number, skipped: (el: Element) => boolean): Steps<Element[]> {
  const start = root as Node;
  const found = new Set<Element>();
  // Each element's textContent length, asked once (the browser builds the string: cheaper than visiting its nodes from script).
  const lengths = new Map<Node, number>();
  const textLength = (node: Node): number => {
    let length = lengths.get(node);
    if (length === undefined) {
      length = (node.textContent ?? '').length;
      lengths.set(node, length);
    }
    return length;
  };
  for (let i = 0; i < hints.length; i++) {
    if (pauseAt(i, 32)) yield;
    const node = hints[i]!;
    if (node.data.length > maxLength) continue;
    const chain: Element[] = [];
    for (let el = node.parentElement; el && el !== start && !found.has(el); el = el.parentElement) {
      if (textLength(el) > maxLength) break;
      chain.push(el);
    }
    for (let i = chain.length - 1; i >= 0; i--) found.add(chain[i]!);
  }
  // Already in document order: text nodes come in order and each adds its new ancestors outermost first.
  return [...found].filter((el) => !skipped(el));
}

function wordsOnly(text: string): string {
  const t = normalise(text);
  return (isAscii(t) ? t.replace(/[^a-z]+/g, ' ') : t.replace(/[^\p{L}]+/gu, ' ')).trim();
}

/** A status line on the page, with what might disqualify it inside a given entry. */
export interface StatusMark {
  el: Element;
  status: EnrollmentStatus;
  /** The line as shown ("Not started"). */
  text: string;
  /** Nav, tabs, widget… around it: inside an entry, furniture is not the course's. */
  furniture: Element | null;
  /** A control or caption whose words are this word, or none ("Completed" tab, a "Completed" column header, an icon-only filter). */
  caption: Element | null;
}

/**
 * Elements whose whole text is a status word, innermost only, minus date labels ("Completed" followed by
 * a date). Found once per read: the container search asks about many scopes.
 */
export function* statusMarks(root: ParentNode, hints: readonly Text[], read: TextReader): Steps<StatusMark[]> {
  const marks: StatusMark[] = [];
  // Most texts asked about here are short: built from the parts, not the whole (see TextReader.short).
  const textOf = (node: Node) => read.short(node, 600) ?? read.clean(node);
  // A control or caption whose words are this word, or none (an icon-only "Completed" filter), is no course's status.
  const add = (el: Element, status: EnrollmentStatus, text: string) => {
    const host = el.closest(S.notStatusHost);
    const words = host && wordsOnly(textOf(host));
    return marks.push({ el, status, text, furniture: el.closest(S.furniture), caption: host && (!words || words === wordsOnly(text)) ? host : null });
  };
  const candidates = yield* statusCandidates(root, hints, MAX_STATUS_LINE, read.skipped);
  for (let i = 0; i < candidates.length; i++) {
    if (pauseAt(i, 16)) yield;
    const el = candidates[i]!;
    const text = textOf(el);
    const status = text.length <= 40 ? statusFromText(text) : null;
    if (!status) continue;
    let inner = false;
    for (let c = el.firstElementChild; c && !inner; c = c.nextElementSibling) inner = textOf(c) === text;
    if (inner) continue;
    // A table cell is a value: its label is the header, so only other elements can be labels.
    let next = el.matches(S.cells) ? null : el.nextSibling;
    while (next && !textOf(next)) next = next.nextSibling;
    if (next && startsWithDate(textOf(next))) continue;
    add(el, status, text);
  }
  // A status shown by an icon alone, by its accessible name or tooltip (<span role="img" aria-label="Completed">,
  // <i title="Passed">✓</i>, <img alt="Completed">): no words of its own, a status word for a name.
  let icons = false;
  yield;
  for (const el of root.querySelectorAll('[aria-label], [title], img[alt]')) {
    const name = el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.getAttribute('alt')!;
    const status = name.length <= 40 ? statusFromText(name) : null;
    if (status && !wordsOnly(textOf(el)) && !read.skipped(el)) icons = !!add(el, status, name.trim());
  }
  // In document order, as the entries expect (the text marks already are).
  return icons ? marks.sort((a, b) => (a.el.compareDocumentPosition(b.el) & 4 /* FOLLOWING */ ? -1 : 1)) : marks;
}
