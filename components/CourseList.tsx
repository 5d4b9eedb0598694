import { formatDate } from '@/utils/dates/calendar';
import type { CourseLine } from '@/utils/renewal/summary';
import { StatusChip } from './StatusChip';
import { formatMinutes } from '@/utils/platforms/duration';

/**
 * Every catalogue course, worst first, with its due date and a way to open it; `action` adds a control at
 * the end of the course's line (the flow's "My completion isn't recorded"), `children` a block below it.
 */
export function CourseList<S extends CourseLine>({ summaries, action, children }: { summaries: S[]; action?: (s: S) => preact.ComponentChildren; children?: (s: S) => preact.ComponentChildren }) {
  return (
    <ul class="courses" data-mtc-list="courses">
      {summaries.map((s) => (
        <li key={s.course.name} data-mtc-course={s.course.name} data-mtc-status={s.status} data-mtc-due={s.due ?? ''}>
          <div class="row">
            <StatusChip status={s.status} />
            <span class="course-name">{s.course.name}</span>
          </div>
          <div class="muted">
            {s.due ? `${s.status === 'overdue' ? 'Was due' : 'Renew by'} ${formatDate(s.due)}. ` : ''}
            {s.explanation}.{' '}
            {s.minutes ? <span data-mtc-minutes={s.minutes}>Time needed: {formatMinutes(s.minutes)}. </span> : null}
            {s.course.url && (
              <a href={s.course.url} target="_blank" rel="noopener noreferrer">
                Open {s.course.platform === 'cybsafe' ? 'CybSafe' : 'the course'}
                <span class="visually-hidden"> for {s.course.name}</span>
              </a>
            )}
            {action && <> {action(s)}</>}
          </div>
          {children?.(s)}
        </li>
      ))}
    </ul>
  );
}
