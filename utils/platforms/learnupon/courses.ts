// LearnUpon page → course entries, on any page of the portal: dashboard cards, table rows, learning
// paths, catalogue and search results, the one course of a details page. Each entry says what it was read
// by (`reading`), so the extension can show the user what it read. Pure DOM: no browser APIs.
import type { DateOrder } from '@/utils/dates/parse';
import { createTextReader, isSkipped, type TextReader } from '@/utils/dom/text';
import type { CourseReadOptions, PageCourse } from '@/utils/platforms/types';
import { datesIn, firstOfKind } from './dates';
import { type Anchor, type PageIndex, catalogueTitles, createAlikeIndex, findEntries, indexPage, pageAnchors, statusMarkIn } from './entries';
import { enrollmentLinks, hrefOf, pathOf } from './links';
import { enrollmentIdFromUrl } from './pages';
import { ACTION_TEXT, CERTIFICATE_TEXT, LU_SELECTORS as S, normalise, statusFromText } from './selectors';
import { statusMarks } from './status';

/** What one read needs at hand: the page's index and this read's text memo (never kept between reads). */
interface Read {
  index: PageIndex;
  text: TextReader;
  order: DateOrder;
}

function inFurniture(el: Element, scope: Element, furniture: ReadonlySet<Element>): boolean {
  for (let e: Element | null = el; e && e !== scope; e = e.parentElement) if (furniture.has(e)) return true;
  return false;
}

function isActionText(text: string): boolean {
  const t = normalise(text);
  return !t || ACTION_TEXT.test(t) || CERTIFICATE_TEXT.test(t);
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
    const around = a.closest(S.headings);
    if (around && entry.contains(around)) return around;
    const inside = Array.from(a.querySelectorAll(S.headings)).find((h) => read.text.clean(h));
    if (inside) return inside;
    if (read.text.clean(a).length <= 200) return a;
  }
  const titled = mine.find((a) => a.course && a.key === key);
  if (titled) return titled.el;
  return (
    Array.from(entry.querySelectorAll(S.headings)).find((h) => {
      const t = read.text.clean(h);
      return t && !isSkipped(h) && !inFurniture(h, entry, read.index.furniture) && !statusFromText(t);
    }) ?? null
  );
}

function certificateUrl(entry: Element, read: Read): string | null {
  for (const a of Array.from(entry.querySelectorAll(S.links))) {
    if (isSkipped(a) || inFurniture(a, entry, read.index.furniture)) continue;
    const label = [read.text.clean(a), a.getAttribute('aria-label') ?? '', a.getAttribute('title') ?? ''].join(' ');
    const href = hrefOf(a);
    if (href && CERTIFICATE_TEXT.test(label)) return href;
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
  const course = mine.find((l) => /\/details\/?$/.test(pathOf(l.href))) ?? mine.find((l) => l.href !== certificate);
  const dates = datesIn(entry, read.order, read.index.furniture, read.text);
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
    anchor,
    reading: { foundBy: id ? 'enrollment-link' : 'catalogue-title', statusText: mark?.text ?? null, statusFromDate, dates },
  };
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
  const text = createTextReader();
  const links = enrollmentLinks(root);
  const furniture = new Set(root.querySelectorAll(S.furniture));
  const titles = options.courseKey ? catalogueTitles(root, options.courseKey, furniture, text) : [];
  if (!links.length && !titles.length) return [];
  const alike = createAlikeIndex();
  const anchors = pageAnchors(links, titles, alike);
  const read: Read = { index: indexPage(root, anchors, statusMarks(root, text), alike), text, order };
  // In page order: links were looked at before titles, but the page lists them mixed.
  const found = [...findEntries(anchors, read.index)].sort(([a], [b]) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
  const courses = found.flatMap(([el, key]) => readEntry(el, key, read) ?? []);
  // A details or player page found by its title alone is still that enrollment's page.
  const fromUrl = pageUrl(root);
  const id = fromUrl ? enrollmentIdFromUrl(fromUrl) : null;
  if (id && courses.length === 1 && courses[0]!.enrollmentId === null) courses[0] = { ...courses[0]!, enrollmentId: id };
  return courses;
}
