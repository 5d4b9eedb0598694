// Which courses a completion issue is most likely about, for the side panel's Evidence view to tick
// before the user starts the completion-issue flow (flow-tab.ts) for several courses at once.
import type { CourseSummary } from '@/utils/renewal/summary';

/**
 * The courses a completion issue is most likely about: overdue ones with a completion on record, and
 * ones re-enrolled while a valid completion is on record (the FAQ's "still being asked to redo it").
 */
export function defaultIssueCourses(summaries: readonly Pick<CourseSummary, 'course' | 'latest' | 'status' | 'history'>[]): string[] {
  return summaries
    .filter((s) => {
      const reEnrolled = s.latest && s.status !== 'overdue' && s.history.some((r) => !r.completedOn && (r.status === 'not-started' || r.status === 'in-progress'));
      return (s.status === 'overdue' && s.latest) || reEnrolled;
    })
    .map((s) => s.course.name);
}
