// The popup's headline: how many courses are overdue or due soon, and the time they take where the pages
// said (issue 17). An unknown time is said to be unknown, never guessed.
import { formatMinutes } from '@/utils/platforms/duration';
import type { CourseLine } from './summary';

/** "3 courses to renew soon or overdue, about 1 h 40 min." — or null when none is. */
export function timeNeededText(lines: readonly Pick<CourseLine, 'status' | 'minutes' | 'course'>[]): string | null {
  const urgent = lines.filter((l) => l.status === 'overdue' || l.status === 'due-soon');
  if (!urgent.length) return null;
  const head = `${urgent.length} course${urgent.length > 1 ? 's' : ''} to renew soon or overdue`;
  const timed = urgent.filter((l) => l.minutes);
  const total = timed.reduce((sum, l) => sum + l.minutes!, 0);
  const unknown = urgent.length - timed.length;
  if (!timed.length) return `${head}.`;
  if (!unknown) return `${head}, ${formatMinutes(total)}.`;
  const which = timed.length === 1 ? timed[0]!.course.name : `${timed.length} of them`;
  const rest = unknown === 1 ? 'the other one does not show how long it takes' : `the other ${unknown} do not show how long they take`;
  return `${head}. About ${formatMinutes(total).replace(/^about /, '')} for ${which}; ${rest}.`;
}
