// Single-page apps draw their list again from the same data (the demo dashboard does, ~300 ms after load):
// when the page's markup is what was read last time, the reading is the same too, and only the anchors
// need finding in the new nodes. Anything else (a character of markup different, an anchor not found
// again, a change this cannot follow) means a full read, so no reader's tolerance of unknown markup depends
// on this.
//
// The page is not copied when it is read: that cost 6–9 ms at 100 courses and 35–60 ms in one task at 500,
// on every page, redrawn or not. The changes since are watched instead, and a redraw is judged by what it
// took out against what it put in: a list drawn again (its element's children all replaced, then perhaps
// added to) is the same when the children it took out have the markup of those it holds now.
import type { PageCourse } from '@/utils/platforms/types';
import { ELEMENT_NODE, OURS_ATTRIBUTE, TEXT_NODE } from '@/utils/dom/text';
import { BADGE_SELECTOR } from './badge';
import { isPageChange } from './page-changes';

/**
 * A node's markup, white space between tags left out: a list drawn by script often lacks the server's
 * line breaks. Readers read text collapsed and skip white-space-only text, so this changes no reading
 * (at most a text length at the edge of a reader's limit, such as an 80-character status line).
 */
function markup(node: Node): string {
  if (node.nodeType === ELEMENT_NODE) return (node as Element).outerHTML.replace(BADGES, '').replace(/>\s+</g, '><');
  if (node.nodeType === TEXT_NODE) return `t:${(node as Text).data}`;
  return `${node.nodeType}:${(node as CharacterData).data ?? ''}`;
}

/**
 * Our badges, taken out of the markup: a redraw takes them off with the old list. A badge's host has no
 * children of its own (its content is in its shadow root); one that serialises otherwise stays in, and the
 * redraw is then read in full.
 */
const BADGES = /<mtc-renewal data-mtc="renewal"[^>]*><\/mtc-renewal>/g;

/** Our bare badges, as BADGES finds them in markup. */
const BARE_BADGE = `${BADGE_SELECTOR}:empty`;

/**
 * Whether a node a redraw took out has the markup of the one in its place. Most redraws draw the very same
 * nodes again: the browser's own comparison (isEqualNode, which serialises nothing) settles those once our
 * badges are off the old node, which is out of the page (the badges' feature moves them to the new one
 * anyway). Any other pair (white space between tags not as it was, attributes in another order) is
 * compared as markup. Serialising 500 cards twice took longer than a redraw's check may take at once.
 */
function sameMarkup(old: Node, now: Node): boolean {
  if (old.nodeType === ELEMENT_NODE && !old.isConnected) {
    for (const badge of (old as Element).querySelectorAll(BARE_BADGE)) badge.remove();
    if (old.isEqualNode(now)) return true;
  }
  return markup(old) === markup(now);
}

/**
 * Changes kept at most between a read and a redraw: a list drawn again item by item makes one per item
 * and a few more. Past it, the next change means a full read, and nothing more is kept.
 */
const MAX_RECORDS = 5_000;

/** The nodes that count: not white space between tags (markup() leaves it out inside them too), not our own UI. */
const counted = (nodes: Iterable<Node>) =>
  [...nodes].filter((n) => (n.nodeType === TEXT_NODE ? /\S/.test((n as Text).data) : n.nodeType !== ELEMENT_NODE || !(n as Element).hasAttribute(OURS_ATTRIBUTE)));

export interface SamePageMemo {
  /**
   * After a full read, while the page is still as read (badges aside): in the task after the read, as long
   * as nothing changed the page in between (the caller knows: its mutation observer has heard of every
   * change by then). From then on the page's changes are watched.
   */
  remember(entries: readonly PageCourse[]): void;
  /** The last reading, its anchors found again, when the page's markup is the one remembered; else null. */
  recall(): PageCourse[] | null;
  /**
   * How long the last check took (ms; 0 until a second one): what the next one may cost. The first check's
   * time is mostly the engine compiling its code on first call, no guide to the next: 14.1 ms against 2.9
   * for the next at 100 courses, on a 2-core machine kept busy (tests/e2e/renewal.test.ts).
   */
  cost(): number;
}

/** A parent whose children were all replaced since the page was remembered, and what it held. */
interface Redrawn {
  parent: Node;
  before: Node[];
}

/**
 * The parents redrawn since the page was remembered, or null when a change is not one this can follow.
 * A parent is redrawn when its first change took out all of its children at once (innerHTML, textContent,
 * replaceChildren): whatever it holds now is new, and is judged against what it held. Anything else is
 * not followed: children put in or taken out beside others, or text or an attribute outside a redrawn
 * parent not as it was. (What a redraw took out and changed after is judged as it is now, so it differs
 * from what the parent holds; put back, it is not followed: see recall.)
 */
function redrawnParents(records: readonly MutationRecord[]): Redrawn[] | null {
  const redrawn = new Map<Node, Redrawn>();
  for (const r of records) {
    if (r.type !== 'childList' || redrawn.has(r.target)) continue;
    if (r.previousSibling || r.nextSibling) return null;
    redrawn.set(r.target, { parent: r.target, before: [...r.removedNodes] });
  }
  const parents = [...redrawn.values()];
  const inRedrawn = (node: Node) => parents.some(({ parent }) => parent !== node && parent.contains(node));
  // What each text or attribute changed outside them was at its first change: it must be that again.
  const first = new Map<Node, Map<string, string | null>>();
  for (const r of records) {
    if (r.type === 'childList' || inRedrawn(r.target)) continue;
    const name = r.type === 'characterData' ? '#text' : r.attributeNamespace ? `${r.attributeNamespace}|${r.attributeName}` : r.attributeName!;
    const was = first.get(r.target) ?? first.set(r.target, new Map()).get(r.target)!;
    if (!was.has(name)) was.set(name, r.oldValue);
  }
  for (const [node, was] of first) {
    for (const [name, old] of was) {
      const now = name === '#text' ? (node as CharacterData).data : attributeOf(node as Element, name);
      if (now !== old) return null;
    }
  }
  // A parent inside another redrawn one is judged with it.
  return parents.filter(({ parent }) => !inRedrawn(parent));
}

function attributeOf(el: Element, key: string): string | null {
  const bar = key.indexOf('|');
  return bar < 0 ? el.getAttribute(key) : el.getAttributeNS(key.slice(0, bar), key.slice(bar + 1));
}

export function samePageMemo(body: Element = document.body): SamePageMemo {
  // Each anchor as the n-th element of its tag: the same markup has the same elements in the same order.
  let saved: [PageCourse, string, number][] | null = null;
  let records: MutationRecord[] = [];
  /** More changes than a redraw makes came since: the page is read again, and nothing more is kept. */
  let lost = false;
  let cost = 0;
  let checks = 0;
  const keep = (list: MutationRecord[]) => {
    if (lost) return;
    for (const r of list) if (isPageChange(r)) records.push(r);
    if (records.length > MAX_RECORDS) {
      lost = true;
      records = [];
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(keep);
  return {
    cost: () => cost,
    remember(entries) {
      const byTag = new Map<string, Element[]>();
      const ofTag = (t: string) => byTag.get(t) ?? byTag.set(t, [...body.getElementsByTagName(t)]).get(t)!;
      saved = entries.map((e) => [e, e.anchor.tagName, ofTag(e.anchor.tagName).indexOf(e.anchor)]);
      observer.disconnect();
      records = [];
      lost = false;
      if (saved.some(([, , i]) => i < 0)) {
        saved = null;
        return;
      }
      observer.observe(body, { childList: true, subtree: true, characterData: true, characterDataOldValue: true, attributes: true, attributeOldValue: true });
    },
    recall() {
      keep(observer.takeRecords()); // made in this task, not handed over yet
      if (!saved || lost) return null;
      const start = performance.now();
      const parents = redrawnParents(records);
      if (!parents) return null;
      for (const { parent, before } of parents) {
        const was = counted(before);
        const now = counted(parent.childNodes);
        // A node taken out and put back may have changed while out of the page, unseen: not followed.
        const out = new Set(before);
        if (was.length !== now.length || now.some((n) => out.has(n))) return null;
        for (let i = 0; i < was.length; i++) if (!sameMarkup(was[i]!, now[i]!)) return null;
      }
      const took = performance.now() - start;
      if (checks++ > 0) cost = took;
      const found: PageCourse[] = [];
      for (const [entry, tag, i] of saved) {
        const anchor = body.getElementsByTagName(tag)[i];
        if (!anchor) return null;
        found.push({ ...entry, anchor });
      }
      // The page is the one remembered again: the next change is judged from here.
      records = [];
      return found;
    },
  };
}
