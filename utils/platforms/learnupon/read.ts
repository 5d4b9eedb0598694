// LearnUpon page → course entries and the signed-in account. The markup is a guess (docs/pages.md), so
// an entry is found by structure: the largest element around a link to /enrollments/<id>/… that holds
// no other enrollment, with a status word, a title and labelled dates inside. Works on the dashboard
// (many entries), on a details page (one) and on tables. Pure DOM: textContent only, no browser APIs.
import { parseDisplayDate, type DateOrder } from '@/utils/dates/parse';
import type { PageAccount, PageCourse } from '@/utils/platforms/types';
import type { EnrollmentStatus } from '@/utils/records';
import {
  ACTION_TEXT,
  CERTIFICATE_TEXT,
  DATE_LIKE,
  EMAIL,
  ENROLLMENT_PATH,
  INITIALS,
  LU_SELECTORS as S,
  MENU_ACTION_TEXT,
  PERSON_NAME,
  PROFILE_LINK_HREF,
  PROFILE_LINK_TEXT,
  TRAINING_HISTORY_BUTTON,
  TRAINING_HISTORY_FILE,
  TRAINING_HISTORY_LINK_TEXT,
  dateKindFromLabel,
  normalise,
  statusFromText,
  type DateKind,
} from './selectors';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
/** Never page content: scripts and the like, and our own badges and alerts (tag checks: cheaper than selectors). */
/** Both cases: HTML documents report upper case, XML ones lower (no toUpperCase on this hot path). */
const INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'script', 'style', 'noscript', 'template', 'head']);
const OURS_ATTRIBUTE = 'data-mtc';

function isOwnOrInvisible(el: Element): boolean {
  return INVISIBLE_TAGS.has(el.tagName) || el.hasAttribute(OURS_ATTRIBUTE);
}

function isSkipped(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (isOwnOrInvisible(e)) return true;
  return false;
}

// ---------------------------------------------------------------- text

/** textContent without our own badges and scripts, with a space at element edges so words never run together. */
function textOf(node: Node): string {
  if (node.nodeType === TEXT_NODE) return node.nodeValue ?? '';
  if (node.nodeType !== ELEMENT_NODE || isOwnOrInvisible(node as Element)) return '';
  const known = textMemo?.get(node);
  if (known !== undefined) return known;
  let out = ' ';
  for (let child = node.firstChild; child; child = child.nextSibling) out += textOf(child);
  out += ' ';
  textMemo?.set(node, out);
  return out;
}

function cleanText(node: Node): string {
  const known = cleanMemo?.get(node);
  if (known !== undefined) return known;
  const clean = textOf(node).replace(/\s+/g, ' ').trim();
  cleanMemo?.set(node, clean);
  return clean;
}

/**
 * Text of elements already read, during one read only (the page changes between reads): the status,
 * title and date probes ask for the same small elements' text many times over.
 */
let textMemo: WeakMap<Node, string> | null = null;
let cleanMemo: WeakMap<Node, string> | null = null;

function withTextMemo<T>(read: () => T): T {
  textMemo = new WeakMap();
  cleanMemo = new WeakMap();
  try {
    return read();
  } finally {
    textMemo = null;
    cleanMemo = null;
  }
}

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, spelled out: the reader also runs where NodeFilter is not a global
/** A word that can be part of a status line; text without one cannot make an element a status line. */
const STATUS_HINT = /complet|pass|progress|start|fail|pending|awaiting|review|approv|status/i;

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

/** Inside page furniture (nav, tabs, menus…) that is itself inside `scope`. */
function inFurniture(el: Element, scope: Element, furniture: ReadonlySet<Element>): boolean {
  for (let e: Element | null = el; e && e !== scope; e = e.parentElement) if (furniture.has(e)) return true;
  return false;
}

const DATES = new RegExp(DATE_LIKE.source, 'g');
const STARTS_WITH_DATE = new RegExp(`^\\s*(?:${DATE_LIKE.source})`);

function dateMatches(text: string): RegExpExecArray[] {
  // Every date has a digit: most text nodes are skipped without running the big pattern.
  return /\d/.test(text) ? Array.from(text.matchAll(DATES)) : [];
}

function startsWithDate(text: string): boolean {
  return STARTS_WITH_DATE.test(text);
}

// ---------------------------------------------------------------- links

interface EnrollmentLink {
  a: Element;
  id: string;
  href: string;
}

/** The link's absolute URL when the document has a base to resolve against, else the attribute as written. */
function hrefOf(a: Element): string | null {
  const raw = a.getAttribute('href')?.trim();
  if (!raw || raw.startsWith('#') || /^javascript:/i.test(raw)) return null;
  try {
    return new URL(raw, a.ownerDocument?.baseURI).href;
  } catch {
    return raw;
  }
}

function pathOf(href: string): string {
  try {
    return new URL(href, 'https://portal.invalid').pathname;
  } catch {
    return href;
  }
}

function enrollmentLinks(root: ParentNode): EnrollmentLink[] {
  return Array.from(root.querySelectorAll(S.links)).flatMap((a) => {
    // Most links on a page are not enrollments: a plain substring test before resolving the URL.
    if (!a.getAttribute('href')?.includes('/enrollments/')) return [];
    const href = hrefOf(a);
    const id = href && !isSkipped(a) ? ENROLLMENT_PATH.exec(pathOf(href))?.[1] : undefined;
    return href && id ? [{ a, id, href }] : [];
  });
}

// ---------------------------------------------------------------- status

function wordsOnly(text: string): string {
  return normalise(text).replace(/[^\p{L}]+/gu, ' ').trim();
}

/** A status line on the page, with what might disqualify it inside a given entry. */
interface StatusMark {
  el: Element;
  status: EnrollmentStatus;
  /** Nav, tabs, widget… around it: inside an entry, furniture is not the course's. */
  furniture: Element | null;
  /** A control or caption whose whole text is this word ("Completed 5" tab, a "Completed" column header). */
  caption: Element | null;
}

/**
 * Elements whose whole text is a status word, innermost only, minus date labels ("Completed" followed by
 * a date). Found once per read: the container search asks about many scopes.
 */
function statusMarks(root: ParentNode): StatusMark[] {
  const marks: StatusMark[] = [];
  for (const el of statusCandidates(root, 80)) {
    const text = cleanText(el);
    const status = text.length <= 40 ? statusFromText(text) : null;
    if (!status) continue;
    if (Array.from(el.children).some((c) => cleanText(c) === text)) continue;
    // A table cell is a value: its label is the header, so only other elements can be labels.
    let next = el.matches(S.cells) ? null : el.nextSibling;
    while (next && !cleanText(next)) next = next.nextSibling;
    if (next && startsWithDate(cleanText(next))) continue;
    const host = el.closest(S.notStatusHost);
    marks.push({
      el,
      status,
      furniture: el.closest(S.furniture),
      caption: host && wordsOnly(cleanText(host)) === wordsOnly(text) ? host : null,
    });
  }
  return marks;
}

/**
 * Which enrollment links and status lines lie under each element, built once per read by walking up from
 * each of them. The container search asks "what is inside this element?" for every ancestor of every
 * link; answering from this index keeps a 500-course dashboard linear instead of quadratic.
 */
interface PageIndex {
  /** Every furniture element on the page, found once (matching selectors per element is the slow part). */
  furniture: ReadonlySet<Element>;
  linksUnder: Map<Element, EnrollmentLink[]>;
  /** Status lines strictly inside each element, in document order. */
  marksUnder: Map<Element, StatusMark[]>;
}

function indexPage(root: ParentNode, links: EnrollmentLink[], marks: StatusMark[]): PageIndex {
  const linksUnder = new Map<Element, EnrollmentLink[]>();
  for (const link of links) {
    for (let el: Element | null = link.a; el; el = el.parentElement) {
      const list = linksUnder.get(el);
      if (list) list.push(link);
      else linksUnder.set(el, [link]);
    }
  }
  const marksUnder = new Map<Element, StatusMark[]>();
  for (const mark of marks) {
    for (let el = mark.el.parentElement; el; el = el.parentElement) {
      const list = marksUnder.get(el);
      if (list) list.push(mark);
      else marksUnder.set(el, [mark]);
    }
  }
  return { furniture: new Set(root.querySelectorAll(S.furniture)), linksUnder, marksUnder };
}

/** The first status line that belongs to `scope` (furniture and captions inside it do not). */
function statusIn(scope: Element, index: PageIndex): EnrollmentStatus | null {
  const within = (el: Element | null) => !!el && el !== scope && scope.contains(el);
  const mark = index.marksUnder.get(scope)?.find((m) => !within(m.furniture) && !within(m.caption) && m.caption !== m.el);
  return mark?.status ?? null;
}

// ---------------------------------------------------------------- the entry container

function hasOtherEnrollment(el: Element, id: string, index: PageIndex): boolean {
  return index.linksUnder.get(el)?.some((l) => l.id !== id) ?? false;
}

/**
 * The entry around one enrollment link: first the smallest ancestor with a status word (never one that
 * holds another enrollment), then as far up as stays one entry — not into a list (a lone card must not
 * swallow its list), not past <main>, never to <body>.
 */
function entryContainer(link: EnrollmentLink, index: PageIndex): Element {
  let entry: Element = link.a;
  for (let el = link.a.parentElement; el && !el.matches('html, body'); el = el.parentElement) {
    if (hasOtherEnrollment(el, link.id, index)) break;
    if (statusIn(el, index)) {
      entry = el;
      break;
    }
  }
  while (!entry.matches('main, [role="main"]')) {
    const parent: Element | null = entry.parentElement;
    if (!parent || parent.matches('html, body') || parent.matches(S.list) || hasOtherEnrollment(parent, link.id, index)) break;
    entry = parent;
  }
  return entry;
}

// ---------------------------------------------------------------- dates

/** The header of a table or grid cell's column, when the table has a header row. */
function columnHeader(cell: Element): string | null {
  const row = cell.parentElement;
  if (!row?.matches(S.rows)) return null;
  const index = Array.from(row.children).filter((c) => c.matches(S.cells)).indexOf(cell);
  const table = row.closest('table, [role="table"], [role="grid"]');
  if (index < 0 || !table) return null;
  const rows = Array.from(table.querySelectorAll(S.rows));
  const headerRow =
    table.querySelector('thead tr') ??
    rows.find((r) => {
      const cells = Array.from(r.children).filter((c) => c.matches(S.cells));
      return cells.length > 1 && cells.every((c) => c.matches(S.columnHeaders));
    });
  if (!headerRow || headerRow === row) return null;
  const header = Array.from(headerRow.children).filter((c) => c.matches(S.cells))[index];
  return header ? cleanText(header) : null;
}

/** Text of `parent`'s children before `child`. */
function textBefore(parent: Element, child: Node): string {
  let out = '';
  for (const node of Array.from(parent.childNodes)) {
    if (node === child) break;
    out += textOf(node);
  }
  return out;
}

/** undefined: nothing before the date yet (look further up); null: unlabelled; else the label's kind. */
function labelAtEnd(prefix: string): DateKind | null | undefined {
  const dates = dateMatches(prefix);
  const last = dates[dates.length - 1];
  const tail = last ? prefix.slice(last.index + last[0].length) : prefix;
  if (!normalise(tail).replace(/[\s:\-–—·|,(]+$/, '')) return undefined;
  return dateKindFromLabel(tail);
}

/** What the date at `index` in `text` is: by the words right before it, its column header or an aria-label. */
function dateKind(text: Text, index: number, scope: Element): DateKind | null {
  let prefix = (text.nodeValue ?? '').slice(0, index);
  let kind = labelAtEnd(prefix);
  let child: Node = text;
  for (let el = text.parentElement; kind === undefined && el && scope.contains(el); el = el.parentElement) {
    if (el.matches(S.cells)) {
      const header = columnHeader(el);
      const fromHeader = header ? dateKindFromLabel(header) : null;
      if (fromHeader) return fromHeader;
    }
    const labelled = el.getAttribute('aria-label') ?? el.getAttribute('title');
    const fromAttribute = labelled ? dateKindFromLabel(labelled) : null;
    if (fromAttribute) return fromAttribute;
    prefix = textBefore(el, child) + prefix;
    kind = labelAtEnd(prefix);
    child = el;
  }
  return kind ?? null;
}

/** Text nodes in document order, outside scripts and our own UI (the account menu is furniture, so no furniture filter). */
function textNodes(scope: Element): Text[] {
  const out: Text[] = [];
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) out.push(child as Text);
      else if (child.nodeType === ELEMENT_NODE) {
        const el = child as Element;
        if (!isOwnOrInvisible(el)) walk(el);
      }
    }
  };
  walk(scope);
  return out;
}

type Dates = Partial<Record<DateKind, string>>;

/** Text nodes with a digit (every date has one), in document order, outside furniture and our own UI. */
function textNodesWithDigits(scope: Element, furniture: ReadonlySet<Element>): Text[] {
  const walker = scope.ownerDocument.createTreeWalker(scope, SHOW_TEXT);
  const out: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/\d/.test(node.nodeValue ?? '')) continue;
    let ok = true;
    for (let el = node.parentElement; el && ok; el = el === scope ? null : el.parentElement) ok = !isOwnOrInvisible(el) && (el === scope || !furniture.has(el));
    if (ok) out.push(node as Text);
  }
  return out;
}

function datesIn(scope: Element, order: DateOrder, furniture: ReadonlySet<Element>): Dates {
  const found: Dates = {};
  for (const text of textNodesWithDigits(scope, furniture)) {
    for (const m of dateMatches(text.nodeValue ?? '')) {
      const iso = parseDisplayDate(m[0], order);
      const kind = iso ? dateKind(text, m.index, scope) : null;
      if (iso && kind && !found[kind]) found[kind] = iso;
    }
  }
  return found;
}

// ---------------------------------------------------------------- title, links

function isActionText(text: string): boolean {
  const t = normalise(text);
  return !t || ACTION_TEXT.test(t) || CERTIFICATE_TEXT.test(t);
}

/** The course title element: the heading around (or inside) a title link, a title link, or the entry's first heading. */
function titleElement(entry: Element, index: PageIndex): Element | null {
  const mine = (index.linksUnder.get(entry) ?? []).filter((l) => !inFurniture(l.a, entry, index.furniture));
  for (const { a } of mine) {
    if (isActionText(cleanText(a))) continue;
    const around = a.closest(S.headings);
    if (around && entry.contains(around)) return around;
    const inside = Array.from(a.querySelectorAll(S.headings)).find((h) => cleanText(h));
    if (inside) return inside;
    if (cleanText(a).length <= 200) return a;
  }
  return (
    Array.from(entry.querySelectorAll(S.headings)).find((h) => {
      const t = cleanText(h);
      return t && !isSkipped(h) && !inFurniture(h, entry, index.furniture) && !statusFromText(t);
    }) ?? null
  );
}

function certificateUrl(entry: Element, furniture: ReadonlySet<Element>): string | null {
  for (const a of Array.from(entry.querySelectorAll(S.links))) {
    if (isSkipped(a) || inFurniture(a, entry, furniture)) continue;
    const label = [cleanText(a), a.getAttribute('aria-label') ?? '', a.getAttribute('title') ?? ''].join(' ');
    const href = hrefOf(a);
    if (href && CERTIFICATE_TEXT.test(label)) return href;
  }
  return null;
}

function readEntry(entry: Element, id: string, index: PageIndex, order: DateOrder): PageCourse | null {
  const anchor = titleElement(entry, index);
  const title = anchor ? cleanText(anchor) : '';
  if (!anchor || !title) return null;
  const mine = (index.linksUnder.get(entry) ?? []).filter((l) => l.id === id);
  const certificate = certificateUrl(entry, index.furniture);
  const course = mine.find((l) => /\/details\/?$/.test(pathOf(l.href))) ?? mine.find((l) => l.href !== certificate);
  const dates = datesIn(entry, order, index.furniture);
  return {
    title,
    status: statusIn(entry, index) ?? 'unknown',
    completedOn: dates.completed ?? null,
    dueOn: dates.due ?? null,
    certExpiresOn: dates['cert-expires'] ?? null,
    enrollmentId: id,
    certificateUrl: certificate,
    courseUrl: course?.href ?? null,
    anchor,
  };
}

/** Every course entry the page shows (dashboard cards, table rows, or the one course of a details page). */
export function readLearnUponCourses(root: ParentNode, order: DateOrder): PageCourse[] {
  return withTextMemo(() => readCourses(root, order));
}

function readCourses(root: ParentNode, order: DateOrder): PageCourse[] {
  const links = enrollmentLinks(root);
  if (!links.length) return [];
  const index = indexPage(root, links, statusMarks(root));
  // Entry element → its enrollment id, in the order found. Entries never nest, so the entry holding a
  // node is the first one met walking up from it.
  const entries = new Map<Element, string>();
  const entryAbove = (node: Element): Element | null => {
    for (let e: Element | null = node; e; e = e.parentElement) if (entries.has(e)) return e;
    return null;
  };
  for (const link of links) {
    const holder = entryAbove(link.a);
    if (holder && entries.get(holder) === link.id) continue;
    const el = entryContainer(link, index);
    if (entryAbove(el)) continue;
    // An entry inside the new, larger one gives way to it (each entry holds its own link, so look from the links).
    for (const inner of index.linksUnder.get(el) ?? []) {
      const held = entryAbove(inner.a);
      if (held) entries.delete(held);
    }
    entries.set(el, link.id);
  }
  return [...entries].flatMap(([el, id]) => readEntry(el, id, index, order) ?? []);
}

// ---------------------------------------------------------------- account

/** Text pieces in document order (one per text node), outside buttons (the initials badge) and our UI. */
function pieces(scope: Element): string[] {
  return textNodes(scope)
    .filter((t) => {
      const button = t.parentElement?.closest('button, [role="button"]');
      return !button || !scope.contains(button);
    })
    .map((t) => (t.nodeValue ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function looksLikeName(piece: string): boolean {
  return PERSON_NAME.test(piece) && !INITIALS.test(piece) && !MENU_ACTION_TEXT.test(normalise(piece));
}

function identity(scope: Element, strict: boolean): PageAccount {
  const list = pieces(scope);
  const at = list.findIndex((p) => EMAIL.test(p));
  const email = at >= 0 ? (EMAIL.exec(list[at]!)?.[0] ?? null) : null;
  const before = at > 0 ? list[at - 1]! : null;
  let name = before && looksLikeName(before) ? before : null;
  // In the profile menu a lone name (a username instead of an email) is still the user's.
  if (!name && !strict) name = list.find(looksLikeName) ?? null;
  return { name, email };
}

/** The profile menu: around its "My Profile" link, or the element the initials badge controls. */
function profileMenu(root: ParentNode): Element | null {
  for (const a of Array.from(root.querySelectorAll(S.links))) {
    if (isSkipped(a)) continue;
    const href = hrefOf(a);
    if (!PROFILE_LINK_TEXT.test(normalise(cleanText(a))) && !(href && PROFILE_LINK_HREF.test(pathOf(href)))) continue;
    let el: Element | null = a.parentElement;
    for (let i = 0; el && i < 5 && !el.matches('html, body'); i++, el = el.parentElement) {
      if (pieces(el).some((p) => EMAIL.test(p) || looksLikeName(p))) return el;
    }
  }
  for (const button of Array.from(root.querySelectorAll(S.menuButtons))) {
    const id = button.getAttribute('aria-controls');
    const menu = id ? button.ownerDocument.getElementById(id) : button.nextElementSibling;
    if (menu && pieces(menu).some((p) => EMAIL.test(p))) return menu;
  }
  return null;
}

/** Who is signed in, from the profile menu (read even while it is closed) or, failing that, the page header. */
export function readLearnUponAccount(root: ParentNode): PageAccount {
  const menu = profileMenu(root);
  if (menu) return identity(menu, false);
  for (const header of Array.from(root.querySelectorAll(S.header))) {
    const found = identity(header, true);
    if (found.email) return found;
  }
  return { name: null, email: null };
}

// ---------------------------------------------------------------- training history

function controlText(el: Element): string {
  return normalise([cleanText(el), el.getAttribute('value') ?? '', el.getAttribute('aria-label') ?? ''].join(' '));
}

/** The "Download training history" button (top right of the dashboard). */
export function findTrainingHistoryButton(root: ParentNode): HTMLElement | null {
  const all = Array.from(root.querySelectorAll<HTMLElement>(S.buttons)).filter((el) => !isSkipped(el));
  return all.find((el) => TRAINING_HISTORY_BUTTON.test(controlText(el))) ?? null;
}

/** The link the portal shows once the file is ready: an .xlsx address, or words saying it is the history. */
export function findTrainingHistoryLink(root: ParentNode): HTMLAnchorElement | null {
  const links = Array.from(root.querySelectorAll<HTMLAnchorElement>(S.links)).filter((a) => !isSkipped(a) && hrefOf(a));
  return (
    links.find((a) => TRAINING_HISTORY_FILE.test(pathOf(hrefOf(a)!))) ??
    links.find((a) => {
      const text = controlText(a);
      return TRAINING_HISTORY_LINK_TEXT.test(text) && !TRAINING_HISTORY_BUTTON.test(text);
    }) ??
    null
  );
}
