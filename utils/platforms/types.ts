import type { EnrollmentStatus } from '@/utils/records';

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
  /** The element the renewal badge is mounted next to. */
  anchor: Element;
}

/** Who the page says is signed in, when it shows it. */
export interface PageAccount {
  name: string | null;
  email: string | null;
}
