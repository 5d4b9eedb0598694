// Status lines ("Completed", "Status: Not started") on a LearnUpon page, found once per read.
import { SHOW_TEXT, isSkipped, type TextReader } from '@/utils/dom/text';
import type { EnrollmentStatus } from '@/utils/records';
import { DATE_LIKE, LU_SELECTORS as S, normalise, statusFromText } from './selectors';

/** A word that can be part of a status line; text without one cannot make an element a status line. */
const STATUS_HINT = /complet|pass|progress|start|fail|pending|awaiting|review|approv|status|attempt/i;
const STARTS_WITH_DATE = new RegExp(`^\\s*(?:${DATE_LIKE.source})`);

/**
 * Elements (not scripts or our own UI) whose whole text is at most `maxLength` characters and holds a
 * status-like word, in document order. Found from the text nodes up, with the browser's own tree walker:
 * visiting every element of a 500-course dashboard in script would cost more than all the rest.
 */
function statusCandidates(root: ParentNode, maxLength: number): Element[] {
  const start = root as Node;
  const doc = start.ownerDocument ?? (start as Document);
  const walker = doc.createTreeWalker(start, SHOW_TEXT);
  const found = new Set<Element>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    if (value.length > maxLength || !STATUS_HINT.test(value)) continue;
    const chain: Element[] = [];
    for (let el = node.parentElement; el && el !== start && !found.has(el); el = el.parentElement) {
      if ((el.textContent ?? '').length > maxLength) break;
      chain.push(el);
    }
    for (let i = chain.length - 1; i >= 0; i--) found.add(chain[i]!);
  }
  // Already in document order: text nodes come in order and each adds its new ancestors outermost first.
  return [...found].filter((el) => !isSkipped(el));
}

function wordsOnly(text: string): string {
  return normalise(text).replace(/[^\p{L}]+/gu, ' ').trim();
}

/** A status line on the page, with what might disqualify it inside a given entry. */
export interface StatusMark {
  el: Element;
  status: EnrollmentStatus;
  /** The line as shown ("Not started"). */
  text: string;
  /** Nav, tabs, widget… around it: inside an entry, furniture is not the course's. */
  furniture: Element | null;
  /** A control or caption whose whole text is this word ("Completed 5" tab, a "Completed" column header). */
  caption: Element | null;
}

/**
 * Elements whose whole text is a status word, innermost only, minus date labels ("Completed" followed by
 * a date). Found once per read: the container search asks about many scopes.
 */
export function statusMarks(root: ParentNode, read: TextReader): StatusMark[] {
  const marks: StatusMark[] = [];
  for (const el of statusCandidates(root, 80)) {
    const text = read.clean(el);
    const status = text.length <= 40 ? statusFromText(text) : null;
    if (!status) continue;
    if (Array.from(el.children).some((c) => read.clean(c) === text)) continue;
    // A table cell is a value: its label is the header, so only other elements can be labels.
    let next = el.matches(S.cells) ? null : el.nextSibling;
    while (next && !read.clean(next)) next = next.nextSibling;
    if (next && STARTS_WITH_DATE.test(read.clean(next))) continue;
    const host = el.closest(S.notStatusHost);
    marks.push({
      el,
      status,
      text,
      furniture: el.closest(S.furniture),
      caption: host && wordsOnly(read.clean(host)) === wordsOnly(text) ? host : null,
    });
  }
  return marks;
}
