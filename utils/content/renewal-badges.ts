// Reads the course entries on a page, keeps them as records, and mounts a renewal badge beside each
// catalogue course. A long list is read in slices of a few milliseconds, the page taking its turn between
// them (utils/content/slices.ts). Single-page apps re-render their lists: a mutation observer puts badges
// back, at once when the markup is the one read (same-page.ts), else by reading again in tasks of their own,
// and the records go to the background after the badges are up.
// On another organisation's LearnUpon portal (docs/rules.md, "Which records count") what is read is kept
// as records that do not count, and no badge claims a status there.
import { createCourseMatcher, createTitlePieceTest } from '@/utils/catalogue/match';
import type { Course } from '@/utils/catalogue/profile';
import { timedKey } from '@/utils/data/session';
import { isOtherOrganisationsPortal } from '@/utils/hosts';
import { atOnce, LONG_STEP, type Steps } from '@/utils/platforms/steps';
import { makesClaim, type CourseReader, type PageCourse } from '@/utils/platforms/types';
import { mergeRecord, recordId, type CompletionRecord, type PageReading, type RecordSource } from '@/utils/records';
import { summariseCourses, type CourseSummary } from '@/utils/renewal/summary';
import { BADGE_SELECTOR, badgeMatches, renderBadge } from './badge';
import { isPageChange } from './page-changes';
import { samePageMemo } from './same-page';
import { fetchState, saveReadings } from './state';
import { inSlices, pageTurn, SLICE_MS } from './slices';
import { afterThisTask } from './tasks';

export interface RenewalBadgeOptions {
  source: Extract<RecordSource, 'learnupon' | 'cybsafe'>;
  read: CourseReader;
  /** The same reader as steps, when it has them: a full read then runs in slices (utils/content/slices.ts). */
  readInSteps?: (...args: Parameters<CourseReader>) => Steps<PageCourse[]>;
  /** True where the page should list courses: finding none there means the site changed. */
  expectsCourses: (url: URL) => boolean;
  signal: AbortSignal;
}

/**
 * Performance marks read by `npm run bench` and the browser tests (the page can see them; they carry no
 * data): `run` is the script time of the first read (its slices, not the page's turns between them);
 * `read` after every read of the page (badges mounted, records handed over).
 */
export const MARKS = { start: 'mtc:renewal:start', mounted: 'mtc:renewal:mounted', run: 'mtc:renewal:run', read: 'mtc:renewal:read' } as const;

/**
 * Longest check of a redrawn list's markup made at once, in the page's own task (see the observer below),
 * judged by how long the last one took (the first two are made at once: the first one's time is mostly
 * compiling, see same-page.ts): the page's rendering of the redrawn list, which a task of our own would
 * wait for, takes over 100 ms at 500 courses.
 */
const AT_ONCE_CHECK_MS = 12;
/** Longest check made again before the page's frame, when the one made at once did not find the same markup. */
const FRAME_CHECK_MS = 4;

/** A read that saw the page change under it, tried again in slices this many times before reading at once. */
const SLICED_TRIES = 2;

export async function initRenewalBadges(options: RenewalBadgeOptions): Promise<void> {
  performance.mark(MARKS.start);
  const state = await fetchState();
  const { profile, today } = state;
  const held = state.records ?? [];
  if (options.signal.aborted) return;
  const courseOf = memoisedMatcher(profile.courses);
  const courseKey = (title: string) => courseOf(title)?.name ?? null;
  const titlePiece = createTitlePieceTest(profile.courses);
  const otherPortal = options.source === 'learnupon' && isOtherOrganisationsPortal(location.hostname, profile);
  // What the background already holds needs no second saving: a repeat visit sends only what changed.
  const sent = new Set<string>();
  let lastFound = -1;
  const memo = samePageMemo();
  const mountBadges = badgeKeeper();
  /** The page's own changes heard so far: a read in slices that saw one is not used, and a reading is remembered only if none came after it. */
  let changes = 0;

  /**
   * Reads the page and mounts its badges; returns what to hand the background, which waits for a task of
   * its own. `recalled`: the entries of the last read, found again in the same markup (see same-page.ts).
   * Null when the page changed during the read (its parts may not belong together): read it again.
   */
  function* run(recalled: PageCourse[] | null): Steps<(() => void) | null> {
    const readAt = changes;
    const seenAt = new Date().toISOString();
    const url = new URL(location.href);
    const entries = recalled ?? (options.readInSteps ? yield* options.readInSteps(document, profile.dateOrder, { courseKey, titlePiece }) : options.read(document, profile.dateOrder, { courseKey, titlePiece }));
    if (changes !== readAt || options.signal.aborted) return null;
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
        summariseCourses(mergeById(held, pageRecords), profile, today, courseOf).map((s) => [s.course.name, s] as const),
      );
      // All in one step, so in one slice: badges mounted over several would each cost the page a layout.
      yield LONG_STEP;
      mountBadges(matched.map(({ entry, course }) => ({ entry, summary: summaries.get(course)! })));
    }
    return () => {
      // Not before the badges: copying the page's markup costs a few milliseconds a page. A change since the
      // read leaves the last pair of markup and reading in place, still true of each other.
      if (!recalled && changes === readAt) memo.remember(entries);
      persist(pageRecords, entries.length, url);
      performance.mark(MARKS.read);
    };
  }

  const persist = (pageRecords: CompletionRecord[], found: number, url: URL) => {
    const fresh = pageRecords.filter((r) => !state.holds(r) && !sent.has(timedKey(r)));
    const expects = options.expectsCourses(url);
    if (!fresh.length && (found === lastFound || !expects)) return;
    lastFound = found;
    for (const r of fresh) sent.add(timedKey(r));
    void saveReadings(fresh.map(readingOf), expects ? found : Math.max(found, 1)).catch(() => undefined);
  };

  /** A full read is under way (in slices): a change heard meanwhile asks for another when it ends. */
  let reading = false;
  let again = false;
  /** The first read's script time, until its badges are all up (then marked for the bench). */
  let firstScript = 0;
  let mounted = false;
  const runStart = performance.now();
  /** Full reads, one at a time, in slices, until one has read a page that stayed as it was. */
  const readInSlices = async (): Promise<void> => {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      let tries = 0;
      do {
        again = false;
        // A page that keeps changing is read at once in the end: nothing can change it within one task.
        const done = await inSlices(run(null), tries < SLICED_TRIES ? SLICE_MS : Infinity);
        if (options.signal.aborted) return;
        if (!mounted) firstScript += done.script;
        if (!done.value) {
          tries++;
          again = true;
          continue;
        }
        tries = 0;
        afterThisTask(done.value);
        if (!mounted) {
          mounted = true;
          performance.measure(MARKS.run, { start: runStart, duration: firstScript });
          performance.mark(MARKS.mounted);
        }
      } while (again);
    } finally {
      reading = false;
    }
  };

  let scheduled: (() => void) | null = null;
  const observer = new MutationObserver((mutations) => {
    // Our own badges and alerts coming and going are not the page changing (one rule with the doctor's).
    if (!mutations.some(isPageChange)) return;
    changes++;
    if (reading) again = true;
    if (scheduled || reading) return;
    // The page changed its list. The same list drawn again costs little to put right, so it is put right at
    // once, before the page draws it (badges never blink). A page that redraws in several steps may not be
    // done yet: where the check costs a frame little, it is made again before the frame. Any other change
    // is read again in slices once the page's task is over, and what changed is handed over after.
    const recallNow = () => {
      if (reading) return false;
      const recalled = memo.recall();
      const handOver = recalled && atOnce(run(recalled));
      if (handOver) afterThisTask(handOver);
      return !!handOver;
    };
    if (memo.cost() <= AT_ONCE_CHECK_MS && recallNow()) return;
    let tried = false;
    const task = afterThisTask(() => {
      cancelAnimationFrame(frame);
      scheduled = null;
      if (!reading && (tried || !recallNow())) void readInSlices();
    });
    const frame =
      memo.cost() <= FRAME_CHECK_MS
        ? requestAnimationFrame(() => {
            tried = true;
            if (!recallNow()) return;
            task();
            scheduled = null;
          })
        : 0;
    scheduled = () => (task(), cancelAnimationFrame(frame));
  });
  options.signal.addEventListener('abort', () => {
    observer.disconnect();
    scheduled?.();
    document.querySelectorAll(BADGE_SELECTOR).forEach((b) => b.remove());
  });
  // Watching from the start: a change during the first read (in slices) is heard, and read again.
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  // The first slice in a task of its own: the task that brought the state has done the setting up above,
  // whose first run (code compiled on first call) would otherwise make that task one slice too long.
  await pageTurn();
  if (options.signal.aborted) return;
  await readInSlices();
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
    // Per course: a list often shows one course many times (each enrollment, each year).
    const spare = new Map<string, Element[]>();
    for (const b of drawn) {
      if (b.isConnected) continue;
      const course = (b as HTMLElement).dataset.mtcCourse!;
      (spare.get(course) ?? spare.set(course, []).get(course)!).push(b);
    }
    const keep = new Set<Element>();
    for (const { entry, summary } of items) {
      let badge = entry.anchor.nextElementSibling;
      if (!badge?.matches(BADGE_SELECTOR) || !badgeMatches(badge, summary)) {
        if (badge?.matches(BADGE_SELECTOR)) badge.remove();
        const olds = spare.get(summary.course.name);
        const i = olds ? olds.findIndex((b) => badgeMatches(b, summary)) : -1;
        badge = i >= 0 ? olds!.splice(i, 1)[0]! : renderBadge(summary);
        entry.anchor.after(badge);
      }
      keep.add(badge);
    }
    document.querySelectorAll(BADGE_SELECTOR).forEach((b) => keep.has(b) || b.remove());
    drawn = [...keep];
  };
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
