// "What I read on this page" in plain words: each entry's lines say the title as shown and the catalogue
// name, the status word, each date with the label it was read from, how it was found, and why it does
// not count when it does not.
import { describe, expect, it } from 'vitest';
import type { ReadEntryAnswer } from '@/utils/data/messages';
import { correctionStart, dateLines, entryLines, reasonLine, statusLine, summaryLine, titleLine } from '@/components/reading/words';

function entry(patch: Partial<ReadEntryAnswer> = {}): ReadEntryAnswer {
  return {
    index: 3,
    titleShown: 'Prevent at UCL (2024)',
    course: 'Prevent at UCL',
    status: 'completed',
    statusShown: 'Completed',
    statusFromDate: false,
    dates: [{ kind: 'completed', iso: '2023-10-30', text: '30/10/2023', label: 'Completed' }],
    enrollmentId: '96310458',
    foundBy: 'enrollment-link',
    claims: true,
    notCounted: null,
    used: { completedOn: '2023-10-30', dueOn: null, certExpiresOn: null },
    ...patch,
  };
}

describe('entry lines', () => {
  it('say the title as shown → the catalogue name, the status word, each date with its label, and how it was found', () => {
    expect(entryLines(entry(), 'ucl.learnupon.com', 'UCL')).toEqual([
      'Shown as “Prevent at UCL (2024)” → the catalogue’s “Prevent at UCL”',
      'Status shown: “Completed” → completed',
      '“Completed” 30/10/2023 → completed on 30 Oct 2023',
      'Found by its link to your enrollment',
    ]);
  });

  it('mark which date of a kind is used (the first), and dates of other kinds as not used', () => {
    const lines = dateLines(
      entry({
        dates: [
          { kind: 'due', iso: '2026-12-20', text: '20 Dec 2026', label: 'Due date' },
          { kind: 'other', iso: '2026-10-21', text: '21/10/2026', label: 'Enrolled' },
          { kind: 'due', iso: '2027-01-05', text: '5 Jan 2027', label: 'Deadline' },
        ],
        used: { completedOn: null, dueOn: '2026-12-20', certExpiresOn: null },
      }),
    );
    expect(lines).toEqual([
      '“Due date” 20 Dec 2026 → due by 20 Dec 2026',
      '“Enrolled” 21/10/2026 → another kind of date (not used)',
      '“Deadline” 5 Jan 2027 → due by 5 Jan 2027 (not used: the first one is)',
    ]);
  });

  it('still say the dates taken when the reader listed no labelled dates (CybSafe’s)', () => {
    const cybsafe = entry({ titleShown: 'Information Security Training', course: 'Information Security Training', statusShown: null, dates: [], foundBy: 'page', used: { completedOn: '2025-10-28', dueOn: null, certExpiresOn: null } });
    expect(dateLines(cybsafe)).toEqual(['Completed on 28 Oct 2025, read from the page’s text']);
    expect(statusLine(cybsafe)).toBe('No status word: read as completed from its progress and completion date');
    expect(entryLines(cybsafe, 'app.cybsafe.com', 'UCL')).toContain('Found as the one course this page shows');
  });

  it('say when the status came from a completion date, or when there is none', () => {
    expect(statusLine(entry({ statusShown: null, statusFromDate: true }))).toBe('No status shown: its completion date means it is completed');
    expect(statusLine(entry({ statusShown: null, status: 'unknown' }))).toBe('No status shown');
  });

  it('say that an entry making no claim shows what the records say', () => {
    const bare = entry({ status: 'unknown', statusShown: null, dates: [], claims: false, foundBy: 'catalogue-title', used: { completedOn: null, dueOn: null, certExpiresOn: null } });
    expect(entryLines(bare, 'ucl.learnupon.com', 'UCL')).toEqual([
      'Shown as “Prevent at UCL (2024)” → the catalogue’s “Prevent at UCL”',
      'No status shown',
      'Found by its title, which names a course in your catalogue',
      'It shows no status or date of its own: its badge shows what your records say',
    ]);
  });

  it('give each reason an entry is not counted in plain words', () => {
    expect(reasonLine(entry({ notCounted: 'not-mandatory', course: null }), 'ucl.learnupon.com', 'UCL')).toBe('Not counted: it is not one of your mandatory courses');
    expect(reasonLine(entry({ notCounted: 'other-portal' }), 'nhs-trust.learnupon.com', 'UCL')).toBe(
      'Not counted: nhs-trust.learnupon.com is another organisation’s portal, and its completions do not count for UCL',
    );
    expect(reasonLine(entry({ notCounted: 'failed-attempt', status: 'failed' }), 'x', 'UCL')).toBe('Not counted: a failed attempt does not complete the course');
    expect(reasonLine(entry({ notCounted: 'awaiting-review', status: 'pending-review' }), 'x', 'UCL')).toBe('Not counted yet: it is waiting for review, and counts once it is approved');
    expect(reasonLine(entry(), 'x', 'UCL')).toBeNull();
    expect(titleLine(entry({ course: null, titleShown: 'Research Data Management Essentials' }))).toBe('Shown as “Research Data Management Essentials”: not a course in your catalogue');
  });
});

describe('the correction', () => {
  it('starts from the completion date the page showed, never from a date after today', () => {
    expect(correctionStart(entry(), '2026-11-28')).toBe('2023-10-30');
    expect(correctionStart(entry({ used: { completedOn: '2026-12-01', dueOn: null, certExpiresOn: null } }), '2026-11-28')).toBe('');
    expect(correctionStart(entry({ used: { completedOn: null, dueOn: '2026-12-20', certExpiresOn: null } }), '2026-11-28')).toBe('');
  });
});

describe('the summary', () => {
  it('counts what was read, counted and not', () => {
    expect(summaryLine(0, 0)).toBe('I found no course entries on this page.');
    expect(summaryLine(1, 0)).toBe('I read 1 course entry on this page, and it counts.');
    expect(summaryLine(0, 1)).toBe('I read 1 course entry on this page, and it does not count.');
    expect(summaryLine(0, 4)).toBe('I read 4 course entries on this page, and none of them count.');
    expect(summaryLine(6, 1)).toBe('I read 7 course entries on this page: 6 count, 1 I saw but did not count.');
  });
});
