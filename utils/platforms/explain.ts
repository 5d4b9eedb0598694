// What the reader read on a page, as plain data for the side panel's "What I read on this page" (issue 12
// item 5): each entry with the words it went by (title as shown → catalogue name, the status word, each
// date with its label) and the entries seen but not counted, with why. JSON-safe: no elements; `index` is
// the entry's place in the page's list, for "Show on page".
import type { EnrollmentStatus } from '@/utils/records';
import { makesClaim, type DateReading, type PageCourse } from './types';

/** Why an entry read on the page does not count towards a course's status. */
export type NotCounted = 'not-mandatory' | 'other-portal' | 'failed-attempt' | 'awaiting-review';

export interface ReadEntry {
  index: number;
  /** The title as the page shows it. */
  titleShown: string;
  /** The catalogue course it names, or null (not a mandatory course). */
  course: string | null;
  status: EnrollmentStatus;
  /** The status word as shown, or null when the entry shows none. */
  statusShown: string | null;
  /** No status word: the status came from a completion date ("completed"). */
  statusFromDate: boolean;
  dates: DateReading[];
  enrollmentId: string | null;
  foundBy: 'enrollment-link' | 'catalogue-title' | 'page';
  /** False when the entry shows no status or date: its badge shows what the records say. */
  claims: boolean;
  /** Why it does not count, when it does not. */
  notCounted: NotCounted | null;
}

export interface PageReading {
  /** Entries that count (a catalogue course on the organisation's portal, not a failed or pending attempt). */
  counted: ReadEntry[];
  /** Entries seen but not counted, with the reason. */
  notCounted: ReadEntry[];
}

function whyNot(course: string | null, status: EnrollmentStatus, otherPortal: boolean): NotCounted | null {
  if (course === null) return 'not-mandatory';
  if (otherPortal) return 'other-portal';
  if (status === 'failed') return 'failed-attempt';
  if (status === 'pending-review') return 'awaiting-review';
  return null;
}

/** What was read on a page: `courseOf` names the catalogue course a title is; `otherPortal` for another organisation's portal. */
export function explainReading(entries: readonly PageCourse[], options: { courseOf: (title: string) => string | null; otherPortal: boolean }): PageReading {
  const read = entries.map((entry, index): ReadEntry => {
    const course = options.courseOf(entry.title);
    return {
      index,
      titleShown: entry.title,
      course,
      status: entry.status,
      statusShown: entry.reading?.statusText ?? null,
      statusFromDate: entry.reading?.statusFromDate ?? false,
      dates: entry.reading?.dates.map((d) => ({ ...d })) ?? [],
      enrollmentId: entry.enrollmentId,
      foundBy: entry.reading?.foundBy ?? 'page',
      claims: makesClaim(entry),
      notCounted: whyNot(course, entry.status, options.otherPortal),
    };
  });
  return { counted: read.filter((e) => e.notCounted === null), notCounted: read.filter((e) => e.notCounted !== null) };
}
