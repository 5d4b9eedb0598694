// LearnUpon page → course entries, on any page of the portal: dashboard cards, table rows, learning
// paths, catalogue and search results, the one course of a details page. Each entry says what it was read
// by (`reading`), so the extension can show the user what it read. Pure DOM: no browser APIs.
import type { DateOrder } from '@/utils/dates/parse';
import { createTextReader, type TextReader } from '@/utils/dom/text';
import { atOnce, LONG_STEP, type Steps } from '@/utils/platforms/steps';
import type { CourseReadOptions, PageCourse } from '@/utils/platforms/types';
import { datesIn, digitsByEntry, firstOfKind } from './dates';
import { type Anchor, type PageIndex, catalogueTitles, createAlikeIndex, findEntries, indexPage, pageAnchors, statusMarkIn } from './entries';
import { createLinkReader, enrollmentLinks, type LinkReader } from './links';
import { minutesIn } from './minutes';
import { enrollmentIdFromUrl } from './pages';
import { scanText } from './scan';
import { CERTIFICATE_TEXT, LU_SELECTORS as S, isActionText, statusFromText } from './selectors';
import { statusMarks } from './status';

/** What one read needs at hand: the page's index and this read's text and link memos (never kept between reads). */
interface Read {
  index: PageIndex;
  /** Each entry's text nodes with a digit. */
  digits: Map<Element, Text[]>;
  text: TextReader;
  links: LinkReader;
  order: DateOrder;
}

function inFurniture(el: Element, scope: Element, furniture: ReadonlySet<Element>): boolean {
  for (let e: Element | null = el; e && e !== scope; e = e.parentElement) if (furniture.has(e)) return true;
  return false;
}

function anchorsIn(entry: Element, read: Read): Anchor[] {
  return (read.index.anchorsUnder.get(entry) ?? []).filter((a) => !inFurniture(a.el, entry, read.index.furniture));
}

/** The course title element: the heading around (or inside) a title link, a title link, a catalogue title, or the entry's first heading. */
function titleElement(entry: Element, key: string, read: Read): Element | null {
  const mine = anchorsIn(entry, read);
  for (const { link } of mine) {
    if (!link) continue;
    const a = link.a;
    if (isActionText(read.text.clean(a))) continue;
    // The heading around the link, within the entry (closest() would look on up to the page's root).
    let around: Element | null = null;
    for (let e: Element | null = a; e && !around; e = e === entry ? null : e.parentElement) if (e.matches(S.headings)) around = e;
    if (around) return around;
    const inside = Array.from(a.querySelectorAll(S.headings)).find((h) => read.text.clean(h));
    if (inside) return inside;
    if (read.text.clean(a).length <= 200) return a;
  }
  const titled = mine.find((a) => a.course && a.key === key);
  if (titled) return titled.el;
  return (
    Array.from(entry.querySelectorAll(S.headings)).find((h) => {
      const t = read.text.clean(h);
      return t && !read.text.skipped(h) && !inFurniture(h, entry, read.index.furniture) && !statusFromText(t);
    }) ?? null
  );
}

function certificateUrl(entry: Element, read: Read): string | null {
  for (const a of entry.querySelectorAll(S.links)) {
    // The words first: most links are not the certificate's.
    const label = [read.text.clean(a), a.getAttribute('aria-label') ?? '', a.getAttribute('title') ?? ''].join(' ');
    if (!CERTIFICATE_TEXT.test(label) || read.text.skipped(a) || inFurniture(a, entry, read.index.furniture)) continue;
    const href = read.links(a)?.href;
    if (href) return href;
  }
  return null;
}

function readEntry(entry: Element, key: string, read: Read): PageCourse | null {
  const anchor = titleElement(entry, key, read);
  const title = anchor ? read.text.clean(anchor) : '';
  if (!anchor || !title) return null;
  const id = key.startsWith('id:') ? key.slice(3) : null;
  const mine = anchorsIn(entry, read).flatMap((a) => (a.link && a.link.id === id ? [a.link] : []));
  const certificate = certificateUrl(entry, read);
  const course = mine.find((l) => /\/details\/?$/.test(l.path)) ?? mine.find((l) => l.href !== certificate);
  const digits = read.digits.get(entry) ?? [];
  const dates = datesIn(entry, digits, read.order, read.text);
  const minutes = minutesIn(entry, digits, read.text);
  const mark = statusMarkIn(entry, read.index);
  const completedOn = firstOfKind(dates, 'completed');
  // "Completed 12 Mar 2025" with no status word of its own is a completion.
  const statusFromDate = !mark && completedOn !== null;
  return {
    title,
    status: mark?.status ?? (statusFromDate ? 'completed' : 'unknown'),
    completedOn,
    dueOn: firstOfKind(dates, 'due'),
    certExpiresOn: firstOfKind(dates, 'cert-expires'),
    enrollmentId: id,
    certificateUrl: certificate,
    courseUrl: course?.href ?? null,
    ...(minutes ? { minutes } : {}),
    anchor,
    reading: { foundBy: id ? 'enrollment-link' : 'catalogue-title', statusText: mark?.text ?? null, statusFromDate, dates },
  };
}

/** `b` comes after `a` in the page. */
const follows = (a: Node, b: Node) => (a.compareDocumentPosition(b) & 4) /* FOLLOWING */ !== 0;

function inPageOrder(els: readonly Element[]): boolean {
  for (let i = 1; i < els.length; i++) if (!follows(els[i - 1]!, els[i]!)) return false;
  return true;
}

/** The page's own address, when the root is a whole document. */
function pageUrl(root: ParentNode): URL | null {
  const doc = (root as Node).nodeType === 9 ? (root as Document) : null;
  try {
    return doc ? new URL(doc.URL) : null;
  } catch {
    return null;
  }
}

/**
 * Every course entry the page shows. Without `courseKey`, entries are found by their enrollment links only;
 * with it, titles naming a catalogue course are entries too, wherever they are.
 */
export function readLearnUponCourses(root: ParentNode, order: DateOrder, options: CourseReadOptions = {}): PageCourse[] {
  return atOnce(readLearnUponSteps(root, order, options));
}

/**
 * readLearnUponCourses as steps (utils/platforms/steps.ts): it pauses between its passes over the page and
 * every few items inside them, so the badges can read a long list without one long task. Run at once, it
 * reads the same.
 */
export function* readLearnUponSteps(root: ParentNode, order: DateOrder, options: CourseReadOptions = {}): Steps<PageCourse[]> {
  const text = createTextReader();
  const linkReader = createLinkReader();
  const links = yield* enrollmentLinks(root, linkReader, text.skipped);
  if (!links.length && !options.courseKey) return [];
  yield;
  const scan = yield* scanText(root, options.titlePiece);
  const furniture = new Set(root.querySelectorAll(S.furniture));
  const titles = options.courseKey ? yield* catalogueTitles(root, scan.titles, options.courseKey, furniture, text) : [];
  if (!links.length && !titles.length) return [];
  // Joining titles to links is one pass of a few milliseconds: a slice of its own, so no slice runs long.
  yield LONG_STEP;
  const alike = createAlikeIndex();
  const anchors = pageAnchors(links, titles, alike);
  yield;
  const marks = yield* statusMarks(root, scan.statuses, text);
  yield;
  const index = indexPage(furniture, anchors, marks, alike);
  yield;
  const entries = yield* findEntries(anchors, index);
  yield;
  const read: Read = { index, digits: digitsByEntry(scan.digits, entries, furniture), text, links: linkReader, order };
  yield;
  // In page order: links were looked at before titles, but the page lists them mixed. A page of links alone
  // is in order already, which one look at each neighbour finds (sorting asks the page n·log n times).
  const found = [...entries];
  if (!inPageOrder(found.map(([el]) => el))) found.sort(([a], [b]) => (follows(a, b) ? -1 : 1));
  const courses: PageCourse[] = [];
  for (const [el, key] of found) {
    yield;
    const course = readEntry(el, key, read);
    if (course) courses.push(course);
  }
  // A details or player page found by its title alone is still that enrollment's page.
  const fromUrl = pageUrl(root);
  const id = fromUrl ? enrollmentIdFromUrl(fromUrl) : null;
  if (id && courses.length === 1 && courses[0]!.enrollmentId === null) courses[0] = { ...courses[0]!, enrollmentId: id };
  return courses;
}
