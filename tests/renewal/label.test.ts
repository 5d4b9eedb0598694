import { describe, expect, it } from 'vitest';
import { statusLabel } from '@/utils/renewal/label';

describe('statusLabel', () => {
  it.each([
    ['overdue', '2026-11-03', 'Overdue since 3 Nov 2026'],
    ['due-soon', '2027-03-12', 'Due soon: renew by 12 Mar 2027'],
    ['current', '2027-03-12', 'Up to date — renew by 12 Mar 2027'],
    ['current', null, 'Complete — no renewal needed'],
    ['not-completed', null, 'Not completed yet'],
    ['unknown', null, 'Date unknown'],
  ] as const)('%s %s → %s', (status, due, expected) => {
    expect(statusLabel(status, due)).toBe(expected);
  });

  it('says how near a due-soon date is when told today', () => {
    expect(statusLabel('due-soon', '2027-03-12', '2027-03-12')).toBe('Due soon: renew by 12 Mar 2027 (today)');
    expect(statusLabel('due-soon', '2027-03-12', '2027-03-11')).toBe('Due soon: renew by 12 Mar 2027 (tomorrow)');
    expect(statusLabel('due-soon', '2027-03-12', '2027-02-10')).toBe('Due soon: renew by 12 Mar 2027 (in 30 days)');
    expect(statusLabel('current', '2027-03-12', '2026-02-10')).toBe('Up to date — renew by 12 Mar 2027');
  });
});

describe('statusLabel for a course never completed whose platform set a due date', () => {
  it.each([
    ['not-completed', '2026-12-20', 'Not completed yet — due 20 Dec 2026'],
    ['due-soon', '2026-12-20', 'Due soon: complete by 20 Dec 2026'],
    ['overdue', '2026-12-20', 'Overdue since 20 Dec 2026'],
  ] as const)('%s %s → %s', (status, due, expected) => {
    expect(statusLabel(status, due, undefined, 'assigned')).toBe(expected);
  });
});
