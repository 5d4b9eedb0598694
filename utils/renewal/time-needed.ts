// The popup's headline: how many courses are overdue or due soon, and the time they take where the pages
// said (issue 17). An unknown time is said to be unknown, never guessed.
import { formatMinutes } from '@/utils/platforms/duration';
import type { CourseLine } from './summary';

const listed = (names: string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** "3 courses to renew soon or overdue, about 1 h 40 min." — or null when none is. */
export function timeNeededText(lines: readonly Pick<CourseLine, 'status' | 'minutes' | 'course'>[]): string | null {
  const urgent = lines.filter((l) => l.status === 'overdue' || l.status === 'due-soon');
  if (!urgent.length) return null;
  const head = `${urgent.length} course${urgent.length > 1 ? 's' : ''} to renew soon or overdue`;
  const timed = urgent.filter((l) => l.minutes);
  const total = timed.reduce((sum, l) => sum + l.minutes!, 0);
  const unknown = urgent.filter((l) => !l.minutes).map((l) => l.course.name);
  if (!timed.length) return `${head}.`;
  if (!unknown.length) return `${head}, ${formatMinutes(total)}.`;
  return `${head}: ${formatMinutes(total)} for ${timed.length === 1 ? timed[0]!.course.name : `${timed.length} of them`}; the time for ${listed(unknown)} is not shown on ${unknown.length === 1 ? 'its page' : 'their pages'}.`;
}
