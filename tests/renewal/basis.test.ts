// The popup draws its course lines from the summary basis: they must be the lines all records give.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import type { CompletionRecord } from '@/utils/records';
import { summaryBasis } from '@/utils/renewal/basis';
import { summariseCourses, type CourseSummary } from '@/utils/renewal/summary';
import { isoDate } from '../dates/arbitraries';
import { record } from './records';

const lines = (summaries: CourseSummary[]) => summaries.map(({ history: _history, ...line }) => line);

// Names as records carry them: catalogue names, aliases and spellings that merge into one course, and strangers.
const courseName = fc.constantFrom(
  'UCL Fire Safety', 'Fire Safety', 'fire safety awareness', 'Data Protection and Freedom of Information', 'Data Protection & Freedom of Information',
  'Data Protection', 'UCL Safety Induction', 'Information Security Training', 'CCSA', 'Moodle basics',
);
const fewDates = fc.constantFrom('2023-05-01', '2024-05-01', '2025-05-01', '2025-06-30');
const arbitraryRecord = fc
  .record({
    course: courseName,
    status: fc.constantFrom('completed', 'passed', 'in-progress', 'not-started', 'failed', 'pending-review', 'unknown') as fc.Arbitrary<CompletionRecord['status']>,
    completedOn: fc.option(fc.oneof(fewDates, isoDate), { nil: null }),
    certExpiresOn: fc.option(fc.oneof(fewDates, isoDate), { freq: 3, nil: null }),
    dueOn: fc.option(fc.oneof(fewDates, isoDate), { freq: 2, nil: null }),
    source: fc.constantFrom('learnupon', 'cybsafe', 'training-history', 'manual', 'external') as fc.Arbitrary<CompletionRecord['source']>,
    seenAt: fc.constantFrom('2026-01-01T09:00:00.000Z', '2026-02-01T09:00:00.000Z'),
    // Another organisation's portal: a LearnUpon record that does not count.
    otherPortal: fc.boolean(),
  })
  .map(({ otherPortal, ...fields }) => record({ ...fields, ...(otherPortal && fields.source === 'learnupon' ? { countsForCompliance: false } : {}) }));

describe('summaryBasis', () => {
  it('gives the same course lines as every record, on any day', () => {
    fc.assert(
      fc.property(fc.array(arbitraryRecord, { maxLength: 40 }), isoDate, (records, today) => {
        expect(lines(summariseCourses(summaryBasis(records), UCL_PROFILE, today))).toEqual(lines(summariseCourses(records, UCL_PROFILE, today)));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps only the newest completions of thousands', () => {
    const old = Array.from({ length: 2000 }, (_, i) => record({ course: 'UCL Fire Safety', completedOn: `20${10 + (i % 14)}-03-01`, status: i % 3 ? 'completed' : 'not-started' }));
    const newest = [record({ course: 'Fire Safety', completedOn: '2025-04-02' }), record({ course: 'Fire Safety', completedOn: '2025-04-02', certExpiresOn: '2028-04-02', source: 'training-history' })];
    expect(summaryBasis([...old.slice(0, 1000), ...newest, ...old.slice(1000)]).filter((r) => r.course === 'Fire Safety')).toEqual(newest);
    expect(summaryBasis(old).length).toBeLessThan(200);
  });

  it('keeps other-source completions only for a course with no counting completion', () => {
    const moodle = record({ course: 'Prevent at UCL', source: 'external', completedOn: '2025-01-01' });
    const done = record({ course: 'UCL Fire Safety', completedOn: '2025-01-01' });
    const nhs = record({ course: 'UCL Fire Safety', source: 'external', completedOn: '2025-02-01' });
    const open = record({ course: 'UCL Fire Safety', status: 'in-progress' });
    expect(summaryBasis([moodle, done, nhs, open])).toEqual([moodle, done]);
  });

  it('keeps, for a course never completed, its failed and pending attempts and the due dates its platform set', () => {
    const failed = record({ course: 'Prevent at UCL', status: 'failed', completedOn: '2025-01-01' });
    const assigned = record({ course: 'Prevent at UCL', status: 'not-started', dueOn: '2026-12-20' });
    const started = record({ course: 'Prevent at UCL', status: 'in-progress' });
    expect(summaryBasis([failed, assigned, started])).toEqual([failed, assigned]);
  });
});
