// One walk over a page's text nodes for a whole read. Each part of the reader looks at a few kinds of
// text (short ones with a letter for titles, status-like words, digits for dates); walking the page once
// for all of them, instead of once per part and once per entry, is most of what reading a long list costs.
import { SHOW_TEXT } from '@/utils/dom/text';

/** Longest text node that can be (part of) a course title. */
export const MAX_TITLE = 200;
/** Longest status line, and the longest text node in one. */
export const MAX_STATUS_LINE = 80;
/** A word that can be part of a status line; text without one cannot make an element a status line. */
export const STATUS_HINT = /complet|pass|progress|start|fail|pending|awaiting|review|approv|status|attempt/i;

export interface TextScan {
  /** Text nodes of at most MAX_TITLE characters with a letter: where titles may be. */
  titles: Text[];
  /** Text nodes of at most MAX_STATUS_LINE characters with a status-like word. */
  statuses: Text[];
  /** Text nodes with a digit (every date has one). */
  digits: Text[];
}

/** Every text node under root (scripts and our own UI included: each part decides), sorted out in document order. */
export function scanText(root: ParentNode): TextScan {
  const start = root as Node;
  const doc = start.ownerDocument ?? (start as Document);
  const walker = doc.createTreeWalker(start, SHOW_TEXT);
  const scan: TextScan = { titles: [], statuses: [], digits: [] };
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const value = node.data;
    // Most text nodes are the white space between tags: none of the three.
    if (!/\S/.test(value)) continue;
    if (value.length <= MAX_TITLE && /\p{L}/u.test(value)) scan.titles.push(node);
    if (value.length <= MAX_STATUS_LINE && STATUS_HINT.test(value)) scan.statuses.push(node);
    if (/\d/.test(value)) scan.digits.push(node);
  }
  return scan;
}
