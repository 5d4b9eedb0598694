// Which notifications the daily alarm should show: one per course when it becomes due soon and one
// when it becomes overdue. The key includes the due date, so renewing and later falling due again
// notifies afresh, while the same state on the next day does not.
import type { Course } from '@/utils/catalogue/profile';
import { formatDate } from '@/utils/dates/calendar';
import type { DueBasis } from './due';
import type { CourseStatus } from './status';
import type { CourseSummary } from './summary';

export type ReminderStatus = Extract<CourseStatus, 'due-soon' | 'overdue'>;

export interface Reminder {
  course: Course;
  status: ReminderStatus;
  due: string;
  /** `assigned`: never completed, due on the date the platform set (to complete, not renew). */
  basis: DueBasis;
  key: string;
}

export function reminderKey(course: Course | string, status: CourseStatus, due: string | null): string {
  return [typeof course === 'string' ? course : course.name, status, due ?? ''].join('|');
}

/** Reminders not yet sent, worst first; the caller records their keys once shown. */
export function dueReminders(summaries: readonly CourseSummary[], alreadySent: ReadonlySet<string>): Reminder[] {
  const reminders: Reminder[] = [];
  for (const { course, status, due, basis } of summaries) {
    if ((status !== 'due-soon' && status !== 'overdue') || due === null) continue;
    const key = reminderKey(course, status, due);
    if (!alreadySent.has(key)) reminders.push({ course, status, due, basis, key });
  }
  return reminders;
}

/** The notification's words: a course never completed is to be completed, not renewed. */
export function reminderText(reminder: Reminder): { title: string; message: string } {
  const when = formatDate(reminder.due);
  if (reminder.status === 'overdue') {
    return { title: `Overdue: ${reminder.course.name}`, message: `This course was due on ${when}. Click to open it.` };
  }
  const verb = reminder.basis === 'assigned' ? 'Complete' : 'Renew';
  return { title: `Due soon: ${reminder.course.name}`, message: `${verb} by ${when}. Click to open the course.` };
}
