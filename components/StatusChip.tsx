import type { CourseStatus } from '@/utils/renewal/status';

const WORDS: Record<CourseStatus, string> = {
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  current: 'Up to date',
  'not-completed': 'Not completed',
  unknown: 'Unknown',
};

/** Colour plus words, never colour alone. */
export function StatusChip({ status }: { status: CourseStatus }) {
  return <span class={`status ${status}`}>{WORDS[status]}</span>;
}
