// Where each course entry is on a LearnUpon page. The markup is a guess (platforms.md), so an entry is
// found by structure: the largest element around an anchor that holds no other entry's anchor, with a
// status word, a title and labelled dates inside. Anchors are links to `/enrollments/<id>/…` and, on any
// page, titles naming a catalogue course (learning paths, catalogue and search results, details pages).
import { hasLetter, type TextReader } from '@/utils/dom/text';
import { pauseAt, type Steps } from '@/utils/platforms/steps';
import type { EnrollmentStatus } from '@/utils/records';
import { ENROLLMENT_LINKS, type EnrollmentLink } from './links';
import { MAX_TITLE } from './scan';
import { LU_SELECTORS as S } from './selectors';
import type { StatusMark } from './status';

/** What makes an entry: an enrollment link, or a title naming a catalogue course. */
export interface Anchor {
  el: Element;
  /** Entries are told apart by key: `id:<enrollment>` for a link and the titles it owns, `course:<name>#<list item>` for a title alone. */
  key: string;
  link?: EnrollmentLink;
  /** The catalogue name a title anchor names. */
  course?: string;
}

/** Elements whose text is never a course's title (form options, labels, headers of a column of titles). */
const NOT_TITLE = 'option, select, datalist, label, legend, th, [role="columnheader"], [role="option"], [role="tab"], [role="menuitem"], button[aria-haspopup]';
/** Inline wrappers: a title split over them ("UCL <b>Fire</b> Safety") is read from the element around them. */
const INLINE = new Set(['B', 'I', 'EM', 'STRONG', 'SMALL', 'SPAN', 'MARK', 'ABBR', 'SUB', 'SUP', 'b', 'i', 'em', 'strong', 'small', 'span', 'mark', 'abbr', 'sub', 'sup']);

/**
 * Elements whose whole text names a catalogue course, outside page furniture and form controls, from the
 * text nodes that may be part of a title (`texts`: short, with a letter, in document order; scanText).
 */
export function* catalogueTitles(root: ParentNode, texts: readonly Text[], courseKey: (title: string) => string | null, furniture: ReadonlySet<Element>, read: TextReader): Steps<Anchor[]> {
  const start = root as Node;
  const tested = new Map<Element, string | null>();
  // Only short texts can be titles: `short` never assembles a longer one (a card, a list) to find it too long.
  const keyOf = (el: Element): string | null => {
    let key = tested.get(el);
    if (key === undefined) {
      const text = read.short(el, MAX_TITLE);
      key = text !== null && text.length >= 2 && hasLetter(text) ? courseKey(text) : null;
      tested.set(el, key);
    }
    return key;
  };
  const found = new Map<Element, string>();
  for (let i = 0; i < texts.length; i++) {
    if (pauseAt(i, 16)) yield;
    let el = texts[i]!.parentElement;
    while (el && INLINE.has(el.tagName) && el.parentElement && read.short(el.parentElement, MAX_TITLE) !== null) el = el.parentElement;
    if (!el || el === start || found.has(el)) continue;
    const key = keyOf(el);
    if (!key) continue;
    // Of the elements with the same text: a heading, else a link, else the outermost (a badge beside a
    // table cell's link stays inside the cell).
    let best = el;
    let heading: Element | null = el.matches(S.headings) ? el : null;
    let link: Element | null = el.matches(S.links) ? el : null;
    const text = read.short(el, MAX_TITLE);
    for (let up = el.parentElement; up && up !== start && read.short(up, MAX_TITLE) === text; up = up.parentElement) {
      best = up;
      if (!heading && up.matches(S.headings)) heading = up;
      if (!link && up.matches(S.links)) link = up;
    }
    const chosen = heading ?? link ?? best;
    if (!found.has(chosen)) found.set(chosen, key);
  }
  const titles: Anchor[] = [];
  const items = new Map<Element | null, number>();
  // The titles taken, and every element above one: a title inside or around a taken one is found by
  // walking up from it once, not by comparing it with every title (a 500-course page has hundreds).
  const taken = new Set<Element>();
  const aboveTaken = new Set<Element>();
  const insideTaken = (el: Element) => {
    for (let e: Element | null = el; e; e = e.parentElement) if (taken.has(e)) return true;
    return false;
  };
  let i = 0;
  for (const [el, course] of found) {
    if (pauseAt(i++, 16)) yield;
    if (read.skipped(el) || el.closest(NOT_TITLE) || inFurniture(el, furniture)) continue;
    // Nested titles (a heading inside a titled link): one anchor.
    if (aboveTaken.has(el) || insideTaken(el)) continue;
    // The same course in two items of a list (a course and its re-enrollment) is two entries; twice in one item, one.
    const item = listItemOf(el);
    if (!items.has(item)) items.set(item, items.size);
    titles.push({ el, key: `course:${course}#${items.get(item)}`, course });
    taken.add(el);
    for (let up = el.parentElement; up && !aboveTaken.has(up); up = up.parentElement) aboveTaken.add(up);
  }
  return titles;
}

/** The item that holds `el`: of a repeating container (list, table, grid), or a section or article of its own. */
function listItemOf(el: Element): Element | null {
  for (let e: Element | null = el; e?.parentElement; e = e.parentElement) if (e.parentElement.matches(S.list) || e.matches(S.items)) return e;
  return null;
}

/**
 * Whether `parent` lists things like `child`: another child of the same kind whose title heading is of the
 * same level (sibling cards, sections of a learning path). Such a parent is a list even without list
 * markup, so an entry never grows into it. Remembered per parent for one read.
 */
export type AlikeIndex = (parent: Element, child: Element) => boolean;

export function createAlikeIndex(): AlikeIndex {
  const levels = new Map<Element, number | null>();
  /** Per parent: per tag name, how many children of each heading level. */
  const groups = new Map<Element, Map<string, Map<number, number>>>();
  const level = (el: Element): number | null => {
    let found = levels.get(el);
    if (found === undefined) {
      const h = el.matches(S.headings) ? el : el.firstElementChild ? el.querySelector(S.headings) : null;
      const aria = h?.getAttribute('aria-level');
      found = h ? Number(aria ?? (/^h([1-6])$/i.exec(h.tagName)?.[1] ?? 2)) : null;
      levels.set(el, found);
    }
    return found;
  };
  return (parent, child) => {
    const own = level(child);
    if (own === null) return false;
    let group = groups.get(parent);
    if (!group) {
      group = new Map();
      for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
        const l = level(c);
        if (l === null) continue;
        let byLevel = group.get(c.tagName);
        if (!byLevel) group.set(c.tagName, (byLevel = new Map()));
        byLevel.set(l, (byLevel.get(l) ?? 0) + 1);
      }
      groups.set(parent, group);
    }
    return (group.get(child.tagName)?.get(own) ?? 0) > 1;
  };
}

function inFurniture(el: Element, furniture: ReadonlySet<Element>): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (furniture.has(e)) return true;
  return false;
}

/**
 * Which anchors and status lines lie under each element, built once per read by walking up from each of
 * them. The container search asks "what is inside this element?" for every ancestor of every anchor;
 * answering from this index keeps a 500-course dashboard linear instead of quadratic.
 */
export interface PageIndex {
  /** Every furniture element on the page, found once (matching selectors per element is the slow part). */
  furniture: ReadonlySet<Element>;
  alike: AlikeIndex;
  anchorsUnder: Map<Element, Anchor[]>;
  /** Status lines strictly inside each element, in document order. */
  marksUnder: Map<Element, StatusMark[]>;
}

function under<T>(map: Map<Element, T[]>, from: Element | null, item: T): void {
  for (let el = from; el; el = el.parentElement) {
    const list = map.get(el);
    if (list) list.push(item);
    else map.set(el, [item]);
  }
}

/**
 * A title beside an enrollment link is that enrollment's (a card with a heading and a "Start" link): it
 * joins the first link it shares an element with, unless that element also holds another enrollment or
 * another entry's title, or is past the title's list item. Otherwise it stands alone.
 */
function ownTitles(links: EnrollmentLink[], titles: Anchor[], alike: AlikeIndex): Anchor[] {
  if (!links.length) return titles;
  // The enrollments under an element, asked of the few elements a title's walk passes (the page finds its
  // links under each, once): cheaper than listing every link under every one of its ancestors.
  const linkOf = new Map(links.map((link) => [link.a, link] as const));
  const idsUnder = new Map<Element, Set<string>>();
  const enrollmentsUnder = (el: Element): Set<string> => {
    let ids = idsUnder.get(el);
    if (!ids) {
      ids = new Set();
      const own = linkOf.get(el);
      if (own) ids.add(own.id);
      for (const a of el.querySelectorAll(ENROLLMENT_LINKS)) {
        const link = linkOf.get(a);
        if (link) ids.add(link.id);
      }
      idsUnder.set(el, ids);
    }
    return ids;
  };
  const titlesUnder = new Map<Element, Anchor[]>();
  for (const title of titles) under(titlesUnder, title.el, title);
  return titles.map((title) => {
    for (let el: Element | null = title.el; el && !el.matches('html, body'); el = el.parentElement) {
      const others = (titlesUnder.get(el) ?? []).some((t) => t.key !== title.key);
      if (others) break;
      const ids = enrollmentsUnder(el);
      if (ids.size > 1) break;
      if (ids.size === 1) return { ...title, key: `id:${[...ids][0]}` };
      // An item of a list is one entry: a link in another item is another entry's.
      if (el.matches(S.items) || (el.parentElement && (el.parentElement.matches(S.list) || alike(el.parentElement, el)))) break;
    }
    return title;
  });
}

/** Anchors in the order entries are built: enrollment links first (as the page lists them), then titles that stand alone. */
export function pageAnchors(links: EnrollmentLink[], titles: Anchor[], alike: AlikeIndex): Anchor[] {
  return [...links.map((link): Anchor => ({ el: link.a, key: `id:${link.id}`, link })), ...ownTitles(links, titles, alike)];
}

export function indexPage(furniture: ReadonlySet<Element>, anchors: Anchor[], marks: StatusMark[], alike: AlikeIndex): PageIndex {
  const anchorsUnder = new Map<Element, Anchor[]>();
  for (const anchor of anchors) under(anchorsUnder, anchor.el, anchor);
  const marksUnder = new Map<Element, StatusMark[]>();
  for (const mark of marks) under(marksUnder, mark.el.parentElement, mark);
  return { furniture, alike, anchorsUnder, marksUnder };
}

/** The first status line that belongs to `scope` (furniture and captions inside it do not). */
export function statusMarkIn(scope: Element, index: PageIndex): StatusMark | null {
  const within = (el: Element | null) => !!el && el !== scope && scope.contains(el);
  return index.marksUnder.get(scope)?.find((m) => !within(m.furniture) && !within(m.caption) && m.caption !== m.el) ?? null;
}

export function statusIn(scope: Element, index: PageIndex): EnrollmentStatus | null {
  return statusMarkIn(scope, index)?.status ?? null;
}

function hasOtherEntry(el: Element, key: string, index: PageIndex): boolean {
  return index.anchorsUnder.get(el)?.some((a) => a.key !== key) ?? false;
}

/**
 * The entry around one anchor: first the smallest ancestor with a status word (never one that holds
 * another entry's anchor), then as far up as stays one entry — not into a list, marked up or not (a lone
 * card must not swallow its list), not past <main>, never to <body>.
 */
export function entryContainer(anchor: Anchor, index: PageIndex): Element {
  let entry: Element = anchor.el;
  for (let child = anchor.el, el = anchor.el.parentElement; el && !el.matches('html, body'); child = el, el = el.parentElement) {
    // A status found only at the level of a list belongs to one of its items, not to this one.
    if (hasOtherEntry(el, anchor.key, index) || el.matches(S.list) || index.alike(el, child)) break;
    if (statusIn(el, index)) {
      entry = el;
      break;
    }
  }
  while (!entry.matches('main, [role="main"]')) {
    const parent: Element | null = entry.parentElement;
    if (!parent || parent.matches('html, body') || parent.matches(S.list) || index.alike(parent, entry) || hasOtherEntry(parent, anchor.key, index)) break;
    entry = parent;
  }
  return entry;
}

/** Entry element → its key, in the order found. Entries never nest; a smaller entry of the same key gives way to a larger one. */
export function* findEntries(anchors: Anchor[], index: PageIndex): Steps<Map<Element, string>> {
  const entries = new Map<Element, string>();
  // The entry holding a node is the first one met walking up from it.
  const entryAbove = (node: Element): Element | null => {
    for (let e: Element | null = node; e; e = e.parentElement) if (entries.has(e)) return e;
    return null;
  };
  for (let i = 0; i < anchors.length; i++) {
    if (pauseAt(i, 8)) yield;
    const anchor = anchors[i]!;
    const holder = entryAbove(anchor.el);
    if (holder && entries.get(holder) === anchor.key) continue;
    const el = entryContainer(anchor, index);
    if (entryAbove(el)) continue;
    // An entry inside the new, larger one gives way to it (each entry holds its own anchor, so look from the anchors).
    for (const inner of index.anchorsUnder.get(el) ?? []) {
      const held = entryAbove(inner.el);
      if (held) entries.delete(held);
    }
    entries.set(el, anchor.key);
  }
  return entries;
}
