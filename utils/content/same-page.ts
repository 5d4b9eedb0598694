// Single-page apps draw their list again from the same data (the demo dashboard does, ~300 ms after load):
// when the page's markup is what was read last time, the reading is the same too, and only the anchors
// need finding in the new nodes. Anything else (a character of markup different, an anchor not found
// again) means a full read, so no reader's tolerance of unknown markup depends on this.
import type { PageCourse } from '@/utils/platforms/types';

/**
 * The page's markup, white space between tags left out: a list drawn by script often lacks the server's
 * line breaks. Readers read text collapsed and skip white-space-only text, so this changes no reading
 * (at most a text length at the edge of a reader's limit, such as an 80-character status line).
 */
const markup = (body: Element) => body.innerHTML.replace(BADGES, '').replace(/>\s+</g, '><');

/**
 * Our badges, taken out of the markup: they are remembered with the page once mounted, and a redraw takes
 * them off. A badge's host has no children of its own (its content is in its shadow root); one that
 * serialises otherwise stays in, and the next redraw is then read in full.
 */
const BADGES = /<mtc-renewal data-mtc="renewal"[^>]*><\/mtc-renewal>/g;

export interface SamePageMemo {
  /**
   * After a full read, while the page is still as read (badges aside): in the task after the read, so the
   * read and its badges are not held up by copying the page's markup, as long as nothing changed the page in
   * between (the caller knows: its mutation observer has heard of every change by then).
   */
  remember(entries: readonly PageCourse[]): void;
  /** The last reading, its anchors found again, when the page's markup is the one remembered; else null. */
  recall(): PageCourse[] | null;
  /** How long copying the page's markup took last time (ms; Infinity before): what a recall costs. */
  cost(): number;
}

export function samePageMemo(body: Element = document.body): SamePageMemo {
  let html = '';
  // Each anchor as the n-th element of its tag: the same markup has the same elements in the same order.
  let saved: [PageCourse, string, number][] = [];
  let cost = Infinity;
  /** The markup, timed. */
  const copy = () => {
    const start = performance.now();
    const value = markup(body);
    cost = performance.now() - start;
    return value;
  };
  return {
    cost: () => cost,
    remember(entries) {
      const byTag = new Map<string, Element[]>();
      const ofTag = (t: string) => byTag.get(t) ?? byTag.set(t, [...body.getElementsByTagName(t)]).get(t)!;
      saved = entries.map((e) => [e, e.anchor.tagName, ofTag(e.anchor.tagName).indexOf(e.anchor)]);
      html = saved.every(([, , i]) => i >= 0) ? copy() : '';
    },
    recall() {
      if (!html || copy() !== html) return null;
      const found: PageCourse[] = [];
      for (const [entry, tag, i] of saved) {
        const anchor = body.getElementsByTagName(tag)[i];
        if (!anchor) return null;
        found.push({ ...entry, anchor });
      }
      return found;
    },
  };
}
