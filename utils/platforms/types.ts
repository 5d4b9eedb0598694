import type { DateOrder } from '@/utils/dates/parse';
import type { EnrollmentStatus } from '@/utils/records';

/** What a date on a page is: a completion, a due date, a certificate expiry, or another date (enrolled, access…). */
export type DateKind = 'completed' | 'due' | 'cert-expires' | 'other';

/** One labelled date as read: what the page showed and the words it was read by. */
export interface DateReading {
  kind: DateKind;
  /** `YYYY-MM-DD`, in the profile's date order. */
  iso: string;
  /** The date as the page printed it ("20 Dec 2026"). */
  text: string;
  /** The label it was read from ("Due date", a column header, an aria-label). */
  label: string;
}

/** The words a reader went by for one entry, so it can say what it read (issue 12, "What I read on this page"). */
export interface EntryReading {
  /** A link to the entry's enrollment, or a title naming a catalogue course. */
  foundBy: 'enrollment-link' | 'catalogue-title';
  /** The status line as shown ("Not started"), or null when the entry shows none. */
  statusText: string | null;
  /** True when no status word was shown and a completion date made it "completed". */
  statusFromDate: boolean;
  /** Every labelled date in the entry, in page order (the first of each kind is the one used). */
  dates: DateReading[];
}

/** One course entry as a page reader found it. Dates are ISO `YYYY-MM-DD` (already parsed in the profile's date order). */
export interface PageCourse {
  title: string;
  status: EnrollmentStatus;
  completedOn: string | null;
  dueOn: string | null;
  certExpiresOn: string | null;
  enrollmentId: string | null;
  certificateUrl: string | null;
  courseUrl: string | null;
  /** Minutes the course takes (or still needs), where the page says; absent or null: not shown (utils/platforms/duration.ts). */
  minutes?: number | null;
  /** The element the renewal badge is mounted next to. */
  anchor: Element;
  /** What it was read by (the LearnUpon reader fills it in). */
  reading?: EntryReading;
}

/** Who the page says is signed in, when it shows it. */
export interface PageAccount {
  name: string | null;
  email: string | null;
}

/** A reader of course entries. `courseKey` names the catalogue course a title is (or null), so entries found by title alone are read too. */
export interface CourseReadOptions {
  courseKey?: (title: string) => string | null;
  /**
   * False only for a piece of text (a text node) that no title courseKey names can hold
   * (createTitlePieceTest): the reader then looks no further at it. Without it, every piece is looked at.
   */
  titlePiece?: (piece: string) => boolean;
}

export type CourseReader = (root: ParentNode, order: DateOrder, options?: CourseReadOptions) => PageCourse[];

/** True when an entry says anything of its own: a status word or a date. */
export function makesClaim(course: PageCourse): boolean {
  return course.status !== 'unknown' || course.completedOn !== null || course.dueOn !== null || course.certExpiresOn !== null;
}
