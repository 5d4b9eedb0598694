// One walk over a page's text nodes for a whole read. Each part of the reader looks at a few kinds of
// text (short ones with a letter for titles, status-like words, digits for dates); walking the page once
// for all of them, instead of once per part and once per entry, is most of what reading a long list costs.
import { SHOW_TEXT, hasLetter } from '@/utils/dom/text';
import { pauseAt, type Steps } from '@/utils/platforms/steps';

/** Longest text node that can be (part of) a course title. */
export const MAX_TITLE = 200;
/** Longest status line, and the longest text node in one. */
export const MAX_STATUS_LINE = 80;
/** A word that can be part of a status line; text without one cannot make an element a status line. */
export const STATUS_HINT = /complet|pass|progress|start|fail|pending|awaiting|review|approv|status|attempt/i;

export interface TextScan {
  /** Text nodes of at most MAX_TITLE characters with a letter that `titlePiece` lets through: where titles may be. */
  titles: Text[];
  /** Text nodes of at most MAX_STATUS_LINE characters with a status-like word. */
  statuses: Text[];
  /** Text nodes with a digit (every date has one). */
  digits: Text[];
}

/** XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, spelled out: readers also run where XPathResult is not a global. */
const ORDERED_SNAPSHOT = 7;

/**
 * The text nodes under root that are not only white space, in document order. Most text nodes are the
 * white space between tags; the browser's XPath leaves those out without handing each one to script (in a
 * content script every node handed over costs a wrapper of its own). XPath's white space is narrower than
 * \s (no no-break space), so some of those handed over are still blank: the caller tests each one again.
 */
function inkedTextNodes(root: Node, doc: Document): Text[] {
  if (typeof doc.evaluate === 'function') {
    try {
      const result = doc.evaluate('.//text()[normalize-space()]', root, null, ORDERED_SNAPSHOT, null);
      const nodes: Text[] = new Array(result.snapshotLength);
      for (let i = 0; i < nodes.length; i++) nodes[i] = result.snapshotItem(i) as Text;
      return nodes;
    } catch {
      // Not an XPath this document can run: walk it.
    }
  }
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/**
 * Every text node under root (scripts and our own UI included: each part decides), sorted out in document
 * order. `titlePiece` refuses texts no title can hold (CourseReadOptions), so the titles' pass never
 * looks at the elements around them.
 */
export function* scanText(root: ParentNode, titlePiece: (piece: string) => boolean = () => true): Steps<TextScan> {
  const start = root as Node;
  const doc = start.ownerDocument ?? (start as Document);
  const scan: TextScan = { titles: [], statuses: [], digits: [] };
  const nodes = inkedTextNodes(start, doc);
  for (let i = 0; i < nodes.length; i++) {
    if (pauseAt(i, 128)) yield;
    const node = nodes[i]!;
    const value = node.data;
    if (!/\S/.test(value)) continue;
    if (value.length <= MAX_TITLE && hasLetter(value) && titlePiece(value)) scan.titles.push(node);
    if (value.length <= MAX_STATUS_LINE && STATUS_HINT.test(value)) scan.statuses.push(node);
    if (/\d/.test(value)) scan.digits.push(node);
  }
  return scan;
}
