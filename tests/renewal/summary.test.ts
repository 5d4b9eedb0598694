import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Profile } from '@/utils/catalogue/profile';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { addDays } from '@/utils/dates/calendar';
import type { CompletionRecord } from '@/utils/records';
import { statusRank, summariseCourses, type CourseSummary } from '@/utils/renewal/summary';
import { isPlausibleDate } from '@/utils/renewal/plausible';
import { isoDate } from '../dates/arbitraries';
import { record } from './records';

const TODAY = '2026-03-10';
const FIRE = 'UCL Fire Safety'; // 36 months
const DP = 'Data Protection and Freedom of Information'; // 12 months
const INDUCTION = 'UCL Safety Induction'; // one-off
const PREVENT = 'Prevent at UCL';

function summaryOf(records: CompletionRecord[], course: string, profile: Profile = UCL_PROFILE, today = TODAY): CourseSummary {
  const found = summariseCourses(records, profile, today).find((s) => s.course.name === course);
  if (!found) throw new Error(`no summary for ${course}`);
  return found;
}

describe('summariseCourses', () => {
  it('has one entry per catalogue course, all not completed when nothing is known', () => {
    const summaries = summariseCourses([], UCL_PROFILE, TODAY);
    expect(summaries.map((s) => s.course.name).sort()).toEqual(UCL_PROFILE.courses.map((c) => c.name).sort());
    for (const s of summaries) {
      expect(s).toMatchObject({ status: 'not-completed', due: null, basis: 'none', latest: null, history: [], explanation: 'No completion on record' });
    }
    // Equal status and no due dates: catalogue order.
    expect(summaries.map((s) => s.course)).toEqual(UCL_PROFILE.courses);
  });

  it('computes completion + cadence and says so', () => {
    const done = record({ course: FIRE, completedOn: '2025-03-03' });
    const s = summaryOf([done], FIRE);
    expect(s).toMatchObject({ status: 'current', due: '2028-03-03', basis: 'computed', latest: done, history: [done] });
    expect(s.explanation).toBe('Completed 3 Mar 2025 + 3 years (date shown by LearnUpon)');
  });

  it('says where the completion date came from', () => {
    expect(summaryOf([record({ course: DP, completedOn: '2025-03-03', source: 'manual', status: 'unknown' })], DP).explanation).toBe(
      'Completed 3 Mar 2025 + 1 year (date you entered)',
    );
    expect(summaryOf([record({ course: DP, completedOn: '2025-03-03', source: 'training-history', status: 'passed' })], DP).explanation).toBe(
      'Completed 3 Mar 2025 + 1 year (date from the LearnUpon training history)',
    );
  });

  it('uses the latest completion across all sources', () => {
    const old = record({ course: DP, completedOn: '2024-01-10', source: 'training-history' });
    const manual = record({ course: DP, completedOn: '2025-06-01', source: 'manual' });
    const middle = record({ course: DP, completedOn: '2025-02-01', source: 'learnupon' });
    const s = summaryOf([old, manual, middle], DP);
    expect(s.latest).toBe(manual);
    expect(s.due).toBe('2026-06-01');
    expect(s.status).toBe('current');
    expect(s.history).toEqual([manual, middle, old]);
  });

  it('lets a certificate expiry shown by the platform win', () => {
    const done = record({ course: FIRE, completedOn: '2025-03-03', certExpiresOn: '2026-03-20' });
    const s = summaryOf([done], FIRE);
    expect(s).toMatchObject({ status: 'due-soon', due: '2026-03-20', basis: 'certificate' });
    expect(s.explanation).toBe('Certificate expiry shown by LearnUpon (completed 3 Mar 2025)');
  });

  it('ignores an old certificate once there is a newer completion', () => {
    const old = record({ course: DP, completedOn: '2024-03-01', certExpiresOn: '2025-03-01' });
    const renewed = record({ course: DP, completedOn: '2025-12-01', source: 'cybsafe' });
    const s = summaryOf([old, renewed], DP);
    expect(s).toMatchObject({ due: '2026-12-01', basis: 'computed', status: 'current', latest: renewed });
  });

  it('takes a certificate another source shows for the same completion', () => {
    const history = record({ course: DP, completedOn: '2025-05-01', source: 'training-history', certExpiresOn: '2026-04-01' });
    const dashboard = record({ course: DP, completedOn: '2025-05-01', source: 'learnupon', seenAt: '2026-03-01T00:00:00Z' });
    const s = summaryOf([dashboard, history], DP);
    expect(s).toMatchObject({ due: '2026-04-01', basis: 'certificate', status: 'due-soon' });
    expect(s.explanation).toBe('Certificate expiry shown in the LearnUpon training history (completed 1 May 2025)');
  });

  it('does not count completions elsewhere, but keeps them in the history', () => {
    const moodle = record({ course: FIRE, completedOn: '2025-09-01', source: 'external', countsForCompliance: false });
    const s = summaryOf([moodle], FIRE);
    expect(s).toMatchObject({ status: 'not-completed', due: null, latest: null, history: [moodle] });
    expect(s.explanation).toBe('No completion on record that counts; 1 record from elsewhere is kept for reference only');
  });

  it('does not count enrollments that are not completions', () => {
    const records = (['in-progress', 'not-started', 'failed', 'pending-review', 'unknown'] as const).map((status) =>
      record({ course: PREVENT, status, completedOn: null }),
    );
    expect(summaryOf(records, PREVENT)).toMatchObject({ status: 'not-completed', latest: null, due: null });
    expect(summaryOf(records, PREVENT).history).toHaveLength(5);
    // With the platform's due date (2026-01-01, passed on 2026-03-10) they are still no completion: the course is overdue.
    const assigned = records.map((r) => ({ ...r, dueOn: '2026-01-01' }));
    expect(summaryOf(assigned, PREVENT)).toMatchObject({ status: 'overdue', latest: null, due: '2026-01-01', basis: 'assigned' });
    expect(summaryOf(assigned, PREVENT).history).toHaveLength(5);
  });

  describe('a failed attempt or one pending review', () => {
    it('has a date but completes nothing, and is listed as seen but not counted', () => {
      const failed = record({ course: FIRE, status: 'failed', completedOn: '2026-02-01' });
      const pending = record({ course: FIRE, status: 'pending-review', completedOn: '2026-03-01' });
      const s = summaryOf([failed, pending], FIRE);
      expect(s).toMatchObject({ status: 'not-completed', due: null, latest: null, basis: 'none' });
      expect(s.history).toEqual([pending, failed]);
      expect(s.explanation).toBe('No completion on record that counts; 1 failed attempt is not counted; 1 attempt awaiting review is not counted yet');
    });

    it('never outranks an earlier pass', () => {
      const passed = record({ course: DP, status: 'passed', completedOn: '2025-06-01' });
      const failed = record({ course: DP, status: 'failed', completedOn: '2026-02-01' });
      expect(summaryOf([failed, passed], DP)).toMatchObject({ latest: passed, due: '2026-06-01', basis: 'computed', status: 'current' });
    });
  });

  describe('a course never completed whose platform set a due date', () => {
    const assigned = (dueOn: string, fields: Partial<CompletionRecord> = {}) =>
      record({ course: 'Introduction to Equality, Diversity, and Inclusion', status: 'not-started', dueOn, ...fields });
    const EDI = 'Introduction to Equality, Diversity, and Inclusion';

    it('is not completed, showing the date, while it is far off', () => {
      const s = summaryOf([assigned('2026-12-20')], EDI);
      expect(s).toMatchObject({ status: 'not-completed', due: '2026-12-20', basis: 'assigned', latest: null });
      expect(s.explanation).toBe('Not completed yet: due date 20 Dec 2026 set by LearnUpon');
    });

    it('is due soon inside the window and overdue once it has passed', () => {
      expect(summaryOf([assigned('2026-04-09')], EDI)).toMatchObject({ status: 'due-soon', due: '2026-04-09', basis: 'assigned' });
      expect(summaryOf([assigned('2026-03-10')], EDI)).toMatchObject({ status: 'due-soon', due: '2026-03-10' });
      expect(summaryOf([assigned('2026-03-09')], EDI)).toMatchObject({ status: 'overdue', due: '2026-03-09' });
      expect(summaryOf([assigned('2026-04-10')], EDI)).toMatchObject({ status: 'not-completed', due: '2026-04-10' });
    });

    it('takes the latest reading of the platform, and of one reading the later date', () => {
      const old = assigned('2025-01-01', { seenAt: '2025-01-01T09:00:00Z' });
      const renewed = assigned('2027-01-01', { seenAt: '2026-03-01T09:00:00Z' });
      const earlier = assigned('2026-12-01', { seenAt: '2026-03-01T09:00:00Z' });
      expect(summaryOf([old, earlier, renewed], EDI).due).toBe('2027-01-01');
      expect(summaryOf([old], EDI).due).toBe('2025-01-01');
    });

    it('gives way to any completion', () => {
      const done = record({ course: EDI, completedOn: '2025-01-01' });
      expect(summaryOf([assigned('2026-03-20'), done], EDI)).toMatchObject({ status: 'current', due: '2028-01-01', basis: 'computed' });
    });

    it('ignores due dates from records that do not count (another organisation\'s portal, Moodle)', () => {
      const nhs = assigned('2026-03-01', { countsForCompliance: false, sourceUrl: 'https://nhs-trust.learnupon.com/dashboard' });
      expect(summaryOf([nhs], EDI)).toMatchObject({ status: 'not-completed', due: null, basis: 'none' });
    });
  });

  describe('a date that cannot be right', () => {
    it('a certificate expiry of 2999-12-31 makes the status unknown, saying the date looked wrong', () => {
      const s = summaryOf([record({ course: FIRE, completedOn: '2025-03-03', certExpiresOn: '2999-12-31' })], FIRE);
      expect(s).toMatchObject({ status: 'unknown', due: null, basis: 'none' });
      expect(s.explanation).toBe('The certificate expiry shown by LearnUpon (31 Dec 2999) looks wrong, so it was not used');
    });

    it.each([
      ['completion date before 1970', { completedOn: '1969-12-31' }, 'completion date'],
      ['completion date more than 10 years ahead', { completedOn: '2036-03-11' }, 'completion date'],
    ] as const)('%s', (_, fields, what) => {
      const s = summaryOf([record({ course: FIRE, ...fields })], FIRE);
      expect(s).toMatchObject({ status: 'unknown', due: null, basis: 'none' });
      expect(s.explanation).toContain(`The ${what} shown by LearnUpon`);
    });

    it('a due date more than 10 years ahead', () => {
      const s = summaryOf([record({ course: PREVENT, status: 'not-started', dueOn: '2099-01-01', source: 'training-history' })], PREVENT);
      expect(s).toMatchObject({ status: 'unknown', due: null });
      expect(s.explanation).toBe('The due date in the LearnUpon training history (1 Jan 2099) looks wrong, so it was not used');
    });

    it('the edges: 1 Jan 1970 and exactly 10 years ahead are used', () => {
      expect(summaryOf([record({ course: INDUCTION, completedOn: '1970-01-01' })], INDUCTION).status).toBe('current');
      expect(summaryOf([record({ course: FIRE, completedOn: '2025-03-03', certExpiresOn: '2036-03-10' })], FIRE)).toMatchObject({ status: 'current', due: '2036-03-10' });
    });
  });

  it('an older completion still counts while a renewal is in progress', () => {
    const done = record({ course: DP, completedOn: '2025-02-01' });
    const again = record({ course: DP, status: 'in-progress' });
    const s = summaryOf([again, done], DP);
    expect(s).toMatchObject({ status: 'overdue', due: '2026-02-01', latest: done });
    expect(s.history).toEqual([done, again]);
  });

  it('treats a completed one-off course as current with no due date', () => {
    const s = summaryOf([record({ course: INDUCTION, completedOn: '2019-10-01' })], INDUCTION);
    expect(s).toMatchObject({ status: 'current', due: null, basis: 'one-off', explanation: 'One-off course: no renewal (completed 1 Oct 2019)' });
    expect(summaryOf([record({ course: INDUCTION })], INDUCTION)).toMatchObject({
      status: 'current',
      basis: 'one-off',
      explanation: 'One-off course: no renewal (marked completed)',
    });
  });

  it('is unknown when a renewable course is marked completed but its date could not be read', () => {
    const undated = record({ course: FIRE, completedOn: null });
    const s = summaryOf([undated], FIRE);
    expect(s).toMatchObject({ status: 'unknown', due: null, basis: 'none', latest: undated });
    expect(s.explanation).toBe('Marked completed, but the completion date could not be read');
  });

  it('uses a certificate expiry even when the completion date could not be read', () => {
    const s = summaryOf([record({ course: FIRE, certExpiresOn: '2026-03-01', source: 'cybsafe' })], FIRE);
    expect(s).toMatchObject({ status: 'overdue', due: '2026-03-01', basis: 'certificate', explanation: 'Certificate expiry shown by CybSafe' });
  });

  it('a dated completion outranks an undated one', () => {
    const dated = record({ course: DP, completedOn: '2025-12-01' });
    const undated = record({ course: DP, certExpiresOn: '2026-03-01' });
    expect(summaryOf([undated, dated], DP)).toMatchObject({ latest: dated, due: '2026-12-01', basis: 'computed' });
  });

  it('ignores records for courses outside the catalogue, and accepts aliases', () => {
    const other = record({ course: 'Preventing falls in the lab', completedOn: '2025-01-01' });
    const alias = record({ course: 'Prevent', completedOn: '2025-01-01' });
    const summaries = summariseCourses([other, alias], UCL_PROFILE, TODAY);
    expect(summaries.flatMap((s) => s.history)).toEqual([alias]);
    expect(summaries.find((s) => s.course.name === PREVENT)!.due).toBe('2028-01-01');
  });

  it('uses the profile window and cadence', () => {
    const profile: Profile = {
      ...UCL_PROFILE,
      dueSoonDays: 60,
      courses: UCL_PROFILE.courses.map((c) => (c.name === FIRE ? { ...c, cadenceMonths: 13 } : c)),
    };
    const s = summaryOf([record({ course: FIRE, completedOn: '2025-03-31' })], FIRE, profile);
    expect(s).toMatchObject({ due: '2026-04-30', status: 'due-soon' });
    expect(s.explanation).toBe('Completed 31 Mar 2025 + 13 months (date shown by LearnUpon)');
  });

  it('sorts worst first, then by due date', () => {
    const records = [
      record({ course: 'Information Security Training', completedOn: '2025-04-01' }), // due 2026-04-01: due soon
      record({ course: DP, completedOn: '2025-01-01' }), // overdue since 2026-01-01
      record({ course: FIRE, completedOn: '2023-03-01' }), // overdue since 2026-03-01
      record({ course: PREVENT, completedOn: '2025-01-01' }), // current, 2028
      record({ course: 'Change Possible: Sustainable UCL', completedOn: '2024-01-01' }), // current, 2027
      record({ course: 'Introduction to Equality, Diversity, and Inclusion' }), // unknown
      record({ course: INDUCTION, completedOn: '2020-01-01' }), // current, no due date
    ];
    const order = summariseCourses(records, UCL_PROFILE, TODAY).map((s) => [s.course.name, s.status]);
    expect(order).toEqual([
      [DP, 'overdue'],
      [FIRE, 'overdue'],
      ['Information Security Training', 'due-soon'],
      ['Disclosing and managing conflicts of interests at UCL', 'not-completed'],
      ['Introduction to Equality, Diversity, and Inclusion', 'unknown'],
      ['Change Possible: Sustainable UCL', 'current'],
      [PREVENT, 'current'],
      [INDUCTION, 'current'],
    ]);
  });

  it('crosses the window edges on the right days', () => {
    const done = [record({ course: DP, completedOn: '2025-04-09' })]; // due 2026-04-09
    expect(summaryOf(done, DP, UCL_PROFILE, '2026-03-09').status).toBe('current'); // 31 days before
    expect(summaryOf(done, DP, UCL_PROFILE, '2026-03-10').status).toBe('due-soon'); // 30 days before
    expect(summaryOf(done, DP, UCL_PROFILE, '2026-04-09').status).toBe('due-soon'); // due today
    expect(summaryOf(done, DP, UCL_PROFILE, '2026-04-10').status).toBe('overdue'); // due yesterday
  });

  describe('properties', () => {
    const course = fc.constantFrom(...UCL_PROFILE.courses.map((c) => c.name), 'Moodle basics');
    const arbitraryRecord = fc
      .record({
        course,
        status: fc.constantFrom('completed', 'passed', 'in-progress', 'not-started', 'failed', 'unknown') as fc.Arbitrary<CompletionRecord['status']>,
        completedOn: fc.option(isoDate, { nil: null }),
        certExpiresOn: fc.option(isoDate, { freq: 3, nil: null }),
        source: fc.constantFrom('learnupon', 'cybsafe', 'training-history', 'manual', 'external') as fc.Arbitrary<CompletionRecord['source']>,
      })
      .map((fields) => record(fields));

    it('due is never before the latest completion, and the latest is the newest counting completion', () => {
      fc.assert(
        fc.property(fc.array(arbitraryRecord, { maxLength: 20 }), isoDate, (records, today) => {
          for (const s of summariseCourses(records, UCL_PROFILE, today)) {
            if (s.due && s.latest?.completedOn) expect(s.due >= s.latest.completedOn).toBe(true);
            const counting = s.history.filter((r) => r.countsForCompliance && r.completedOn && (r.status === 'completed' || r.status === 'passed' || r.source === 'manual'));
            if (counting.length) expect(s.latest?.completedOn).toBe(counting.map((r) => r.completedOn!).sort().at(-1));
            if (s.status === 'not-completed') expect(s.due).toBeNull();
            if (s.due === null) expect(['not-completed', 'unknown', 'current']).toContain(s.status);
          }
        }),
      );
    });

    it('status never improves as today advances', () => {
      // A date more than 10 years ahead is not used (unknown) until today comes within 10 years of it:
      // that is the one way time can change a status for the better, so here every date is usable from the start.
      fc.assert(
        fc.property(fc.array(arbitraryRecord, { maxLength: 12 }), isoDate, fc.integer({ min: 0, max: 2000 }), (records, today, step) => {
          fc.pre(records.every((r) => [r.completedOn, r.certExpiresOn, r.dueOn].every((d) => d === null || isPlausibleDate(d, today))));
          const before = new Map(summariseCourses(records, UCL_PROFILE, today).map((s) => [s.course.name, s.status]));
          for (const s of summariseCourses(records, UCL_PROFILE, addDays(today, step))) {
            expect(statusRank(s.status)).toBeLessThanOrEqual(statusRank(before.get(s.course.name)!));
          }
        }),
      );
    });

    it('does not depend on the order records arrive in, even when sources report the same completion', () => {
      const fewDates = fc.constantFrom('2024-05-01', '2025-05-01', '2025-06-30');
      const clashing = fc
        .record({
          course: fc.constantFrom(DP, FIRE),
          completedOn: fc.option(fewDates, { nil: null }),
          certExpiresOn: fc.option(fc.constantFrom('2026-01-01', '2026-05-01', '2027-01-01'), { nil: null }),
          source: fc.constantFrom('learnupon', 'training-history', 'manual') as fc.Arbitrary<CompletionRecord['source']>,
        })
        .map((fields) => record(fields));
      fc.assert(
        fc.property(fc.array(fc.oneof(arbitraryRecord, clashing), { maxLength: 12 }), isoDate, (records, today) => {
          const strip = (list: CourseSummary[]) => list.map((s) => [s.course.name, s.status, s.due, s.basis, s.latest?.completedOn ?? null]);
          expect(strip(summariseCourses([...records].reverse(), UCL_PROFILE, today))).toEqual(strip(summariseCourses(records, UCL_PROFILE, today)));
        }),
      );
    });
  });
});
