// Reads the course entries on a page, keeps them as records, and mounts a renewal badge beside each
// catalogue course. Single-page apps re-render their lists: a mutation observer puts badges back.
// On another organisation's LearnUpon portal (docs/rules.md, "Which records count") what is read is kept
// as records that do not count, and no badge claims a status there.
import { createCourseMatcher } from '@/utils/catalogue/match';
import { isOtherOrganisationsPortal } from '@/utils/hosts';
import { makesClaim, type CourseReader, type PageCourse } from '@/utils/platforms/types';
import { mergeRecord, recordId, type CompletionRecord, type PageReading, type RecordSource } from '@/utils/records';
import { summariseCourses, type CourseSummary } from '@/utils/renewal/summary';
import { badgeMatches, renderBadge } from './badge';
import { fetchState, saveReadings } from './state';

export interface RenewalBadgeOptions {
  source: Extract<RecordSource, 'learnupon' | 'cybsafe'>;
  read: CourseReader;
  /** True where the page should list courses: finding none there means the site changed. */
  expectsCourses: (url: URL) => boolean;
  signal: AbortSignal;
}

const BADGE_SELECTOR = 'mtc-renewal[data-mtc="renewal"]';

/**
 * Performance marks read by `npm run bench` and the browser tests (the page can see them; they carry no
 * data): `read` after every read of the page (badges mounted, records handed over).
 */
export const MARKS = { start: 'mtc:renewal:start', mounted: 'mtc:renewal:mounted', run: 'mtc:renewal:run', read: 'mtc:renewal:read' } as const;

export async function initRenewalBadges(options: RenewalBadgeOptions): Promise<void> {
  performance.mark(MARKS.start);
  const { profile, records, today } = await fetchState();
  const held = records ?? [];
  if (options.signal.aborted) return;
  const match = createCourseMatcher(profile.courses);
  const courseKey = (title: string) => match(title)?.name ?? null;
  const otherPortal = options.source === 'learnupon' && isOtherOrganisationsPortal(location.hostname, profile);
  // What the background already holds needs no second saving: a repeat visit sends only what changed.
  const savedIds = new Map<string, string>(held.map((r) => [r.id, fingerprint(r)]));
  let lastFound = -1;

  const run = () => {
    const seenAt = new Date().toISOString();
    const entries = options.read(document, profile.dateOrder, { courseKey });
    const matched = entries.flatMap((entry) => {
      const course = match(entry.title);
      return course ? [{ entry, course: course.name }] : [];
    });
    // An entry with no status or date of its own makes no claim: it is not kept, and its badge shows what the records say.
    const pageRecords = matched
      .filter(({ entry }) => makesClaim(entry))
      .map(({ entry, course }) => toRecord(entry, course, options.source, seenAt))
      .map((r) => (otherPortal ? { ...r, countsForCompliance: false } : r));
    if (!otherPortal) {
      const summaries = new Map(
        summariseCourses(mergeById(held, pageRecords), profile, today).map((s) => [s.course.name, s] as const),
      );
      mountBadges(matched.map(({ entry, course }) => ({ entry, summary: summaries.get(course)! })));
    }
    persist(pageRecords, entries.length);
    performance.mark(MARKS.read);
  };

  const persist = (pageRecords: CompletionRecord[], found: number) => {
    const fresh = pageRecords.filter((r) => savedIds.get(r.id) !== fingerprint(r));
    const expects = options.expectsCourses(new URL(location.href));
    if (!fresh.length && (found === lastFound || !expects)) return;
    lastFound = found;
    for (const r of fresh) savedIds.set(r.id, fingerprint(r));
    void saveReadings(fresh.map(readingOf), expects ? found : Math.max(found, 1)).catch(() => undefined);
  };

  let scheduled = 0;
  const observer = new MutationObserver((mutations) => {
    if (mutations.every(isOwnMutation) || scheduled) return;
    scheduled = requestAnimationFrame(() => {
      scheduled = 0;
      run();
    });
  });
  const runStart = performance.now();
  run();
  performance.measure(MARKS.run, { start: runStart, end: performance.now() });
  performance.mark(MARKS.mounted);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  options.signal.addEventListener('abort', () => {
    observer.disconnect();
    cancelAnimationFrame(scheduled);
    document.querySelectorAll(BADGE_SELECTOR).forEach((b) => b.remove());
  });
}

function mountBadges(items: { entry: PageCourse; summary: CourseSummary }[]): void {
  const keep = new Set<Element>();
  for (const { entry, summary } of items) {
    const next = entry.anchor.nextElementSibling;
    if (next?.matches(BADGE_SELECTOR) && badgeMatches(next, summary)) {
      keep.add(next);
      continue;
    }
    if (next?.matches(BADGE_SELECTOR)) next.remove();
    const badge = renderBadge(summary);
    entry.anchor.after(badge);
    keep.add(badge);
  }
  document.querySelectorAll(BADGE_SELECTOR).forEach((b) => keep.has(b) || b.remove());
}

function isOwnMutation(m: MutationRecord): boolean {
  const ours = (n: Node) => n instanceof Element && n.matches(BADGE_SELECTOR);
  return m.type === 'childList' && [...m.addedNodes, ...m.removedNodes].every(ours);
}

/**
 * A record as this page would make it, to merge with the held ones for the badges. The background
 * makes the stored one from the readings alone (utils/background/page-records.ts): its source, address,
 * time and id never come from here.
 */
function toRecord(entry: PageCourse, course: string, source: RecordSource, seenAt: string): CompletionRecord {
  const base = {
    course,
    title: entry.title.slice(0, 500),
    status: entry.status,
    completedOn: entry.completedOn,
    dueOn: entry.dueOn,
    certExpiresOn: entry.certExpiresOn,
    enrollmentId: entry.enrollmentId,
    certificateUrl: entry.certificateUrl,
    source,
    sourceUrl: location.href.slice(0, 2000),
    seenAt,
    countsForCompliance: true,
  };
  return { ...base, id: recordId(base) };
}

function mergeById(held: CompletionRecord[], page: CompletionRecord[]): CompletionRecord[] {
  const byId = new Map(held.map((r) => [r.id, r]));
  for (const r of page) {
    const old = byId.get(r.id);
    byId.set(r.id, old ? mergeRecord(old, r) : r);
  }
  return [...byId.values()];
}

/** What the page read, and nothing the background works out for itself. */
function readingOf(r: CompletionRecord): PageReading {
  return { title: r.title, status: r.status, completedOn: r.completedOn, dueOn: r.dueOn, certExpiresOn: r.certExpiresOn, enrollmentId: r.enrollmentId, certificateUrl: r.certificateUrl };
}

const fingerprint = (r: CompletionRecord) => [r.status, r.completedOn, r.dueOn, r.certExpiresOn, r.certificateUrl].join('|');
