import { describe, expect, it } from 'vitest';
import { timeNeededText } from '@/utils/renewal/time-needed';

const line = (name: string, status: 'overdue' | 'due-soon' | 'current' | 'not-completed', minutes: number | null) => ({ course: { name }, status, minutes }) as never;

describe('the time the urgent courses need', () => {
  it('sums the courses overdue or due soon, in hours and minutes', () => {
    expect(timeNeededText([line('A', 'overdue', 53), line('B', 'due-soon', 30), line('C', 'due-soon', 17), line('D', 'current', 45)])).toBe('3 courses to renew soon or overdue, about 1 h 40 min.');
  });
  it('says which times are unknown rather than guessing them', () => {
    expect(timeNeededText([line('A', 'overdue', 53), line('Prevent at UCL', 'overdue', null)])).toBe(
      '2 courses to renew soon or overdue. About 53 min for A; the other one does not show how long it takes.',
    );
    expect(timeNeededText([line('A', 'overdue', 53), line('B', 'overdue', 7), line('C', 'due-soon', null), line('D', 'due-soon', null)])).toBe(
      '4 courses to renew soon or overdue. About 1 h for 2 of them; the other 2 do not show how long they take.',
    );
    expect(timeNeededText([line('A', 'overdue', null), line('B', 'due-soon', null)])).toBe('2 courses to renew soon or overdue.');
  });
  it('is nothing when nothing is urgent', () => {
    expect(timeNeededText([line('A', 'current', 20), line('B', 'not-completed', 10)])).toBeNull();
  });
});
