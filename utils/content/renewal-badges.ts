// Reads the course entries on a page, keeps them as records, and mounts a renewal badge beside each
// catalogue course. Single-page apps re-render their lists: a mutation observer puts badges back, in a
// task of its own (not inside the page's own rendering), and the records go to the background after the
// badges are up.
// On another organisation's LearnUpon portal (docs/rules.md, "Which records count") what is read is kept
// as records that do not count, and no badge claims a status there.
import { createCourseMatcher } from '@/utils/catalogue/match';
import type { Course } from '@/utils/catalogue/profile';
import { timedKey } from '@/utils/data/session';
import { isOtherOrganisationsPortal } from '@/utils/hosts';
import { makesClaim, type CourseReader, type PageCourse } from '@/utils/platforms/types';
import { mergeRecord, recordId, type CompletionRecord, type PageReading, type RecordSource } from '@/utils/records';
import { summariseCourses, type CourseSummary } from '@/utils/renewal/summary';
import { badgeMatches, renderBadge } from './badge';
import { samePageMemo } from './same-page';
import { fetchState, saveReadings } from './state';
import { afterThisTask } from './tasks';

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
  const state = await fetchState();
  const { profile, today } = state;
  const held = state.records ?? [];
  if (options.signal.aborted) return;
  const courseOf = memoisedMatcher(profile.courses);
  const courseKey = (title: string) => courseOf(title)?.name ?? null;
  const otherPortal = options.source === 'learnupon' && isOtherOrganisationsPortal(location.hostname, profile);
  // What the background already holds needs no second saving: a repeat visit sends only what changed.
  const sent = new Set<string>();
  let lastFound = -1;
  const memo = samePageMemo();
  const mountBadges = badgeKeeper();

  /**
   * Reads the page and mounts its badges; returns what to hand the background, which waits for a task of
   * its own. `sameOnly`: only when the page's markup is the one last read (else nothing done, null).
   */
  const run = (sameOnly?: boolean) => {
    const seenAt = new Date().toISOString();
    const url = new URL(location.href);
    // A list drawn again from the same markup reads the same: only its anchors are found again.
    const recalled = memo.recall();
    if (!recalled && sameOnly) return null;
    const entries = recalled ?? options.read(document, profile.dateOrder, { courseKey });
    const readAt = changes;
    const matched = entries.flatMap((entry) => {
      const course = courseOf(entry.title);
      return course ? [{ entry, course: course.name }] : [];
    });
    // An entry with no status or date of its own makes no claim: it is not kept, and its badge shows what the records say.
    const pageRecords = matched
      .filter(({ entry }) => makesClaim(entry))
      .map(({ entry, course }) => toRecord(entry, course, options.source, seenAt, url))
      .map((r) => (otherPortal ? { ...r, countsForCompliance: false } : r));
    if (!otherPortal) {
      const summaries = new Map(
        summariseCourses(mergeById(held, pageRecords), profile, today).map((s) => [s.course.name, s] as const),
      );
      mountBadges(matched.map(({ entry, course }) => ({ entry, summary: summaries.get(course)! })));
    }
    return () => {
      // Not before the badges: copying the page's markup costs a few milliseconds a page. A change since the
      // read leaves the last pair of markup and reading in place, still true of each other.
      if (!recalled && changes === readAt) memo.remember(entries);
      persist(pageRecords, entries.length, url);
      performance.mark(MARKS.read);
    };
  };

  const persist = (pageRecords: CompletionRecord[], found: number, url: URL) => {
    const fresh = pageRecords.filter((r) => !state.holds(r) && !sent.has(timedKey(r)));
    const expects = options.expectsCourses(url);
    if (!fresh.length && (found === lastFound || !expects)) return;
    lastFound = found;
    for (const r of fresh) sent.add(timedKey(r));
    void saveReadings(fresh.map(readingOf), expects ? found : Math.max(found, 1)).catch(() => undefined);
  };

  let scheduled: (() => void) | null = null;
  /** The page's own changes heard so far: a reading is remembered only if none came after it. */
  let changes = 0;
  const observer = new MutationObserver((mutations) => {
    if (mutations.every(isOwnMutation)) return;
    changes++;
    if (scheduled) return;
    // The page changed its list: read it again once its own task is over, then hand over what changed.
    // The same list drawn again costs little to put right, so that is tried before the frame that draws
    // it (badges then never blink); a real read never runs inside the page's frame.
    const task = afterThisTask(() => {
      cancelAnimationFrame(frame);
      scheduled = null;
      afterThisTask(run()!);
    });
    const frame = requestAnimationFrame(() => {
      const handOver = run(true);
      if (!handOver) return;
      task();
      scheduled = null;
      afterThisTask(handOver);
    });
    scheduled = () => (task(), cancelAnimationFrame(frame));
  });
  const runStart = performance.now();
  const handOver = run()!;
  performance.measure(MARKS.run, { start: runStart, end: performance.now() });
  performance.mark(MARKS.mounted);
  afterThisTask(handOver);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  options.signal.addEventListener('abort', () => {
    observer.disconnect();
    scheduled?.();
    document.querySelectorAll(BADGE_SELECTOR).forEach((b) => b.remove());
  });
}

/** Page titles repeat, and every read after a redraw asks again: each text is matched once per page. */
function memoisedMatcher(courses: Course[]): (title: string) => Course | null {
  const match = createCourseMatcher(courses);
  const known = new Map<string, Course | null>();
  return (title) => {
    let course = known.get(title);
    if (course === undefined) {
      if (known.size > 10_000) known.clear(); // a page that keeps making new texts
      course = match(title) ?? null;
      known.set(title, course);
    }
    return course;
  };
}

/**
 * Mounts each entry's badge after its anchor, keeping a badge already there when it is still right. A
 * redraw takes the badges off with the list: those still right are put back rather than drawn again
 * (a shadow root and its buttons cost more than a move).
 */
function badgeKeeper(): (items: { entry: PageCourse; summary: CourseSummary }[]) => void {
  let drawn: Element[] = [];
  return (items) => {
    const spare = new Map<string, Element>();
    for (const b of drawn) if (!b.isConnected) spare.set((b as HTMLElement).dataset.mtcCourse!, b);
    const keep = new Set<Element>();
    for (const { entry, summary } of items) {
      let badge = entry.anchor.nextElementSibling;
      if (!badge?.matches(BADGE_SELECTOR) || !badgeMatches(badge, summary)) {
        if (badge?.matches(BADGE_SELECTOR)) badge.remove();
        const old = spare.get(summary.course.name);
        badge = old && badgeMatches(old, summary) ? old : renderBadge(summary);
        spare.delete(summary.course.name);
        entry.anchor.after(badge);
      }
      keep.add(badge);
    }
    document.querySelectorAll(BADGE_SELECTOR).forEach((b) => keep.has(b) || b.remove());
    drawn = [...keep];
  };
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
function toRecord(entry: PageCourse, course: string, source: RecordSource, seenAt: string, url: URL): CompletionRecord {
  const base = { course, ...readingOf(entry), source, sourceUrl: url.href.slice(0, 2000), seenAt, countsForCompliance: true };
  return { ...base, id: recordId(base) };
}

/** Held records with this page's read over them (a later sighting never erases what an earlier one established). */
export function mergeById(held: readonly CompletionRecord[], page: readonly CompletionRecord[]): CompletionRecord[] {
  const byId = new Map(held.map((r) => [r.id, r]));
  for (const r of page) {
    const old = byId.get(r.id);
    byId.set(r.id, old ? mergeRecord(old, r) : r);
  }
  return [...byId.values()];
}

/** What the page read (an entry, or the record made of it), and nothing the background works out for itself. */
function readingOf(r: PageCourse | CompletionRecord): PageReading {
  return { title: r.title.slice(0, 500), status: r.status, completedOn: r.completedOn, dueOn: r.dueOn, certExpiresOn: r.certExpiresOn, enrollmentId: r.enrollmentId, certificateUrl: r.certificateUrl, ...(r.minutes ? { minutes: r.minutes } : {}) };
}
