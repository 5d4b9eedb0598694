// The renewal rules issue 12 changed (docs/rules.md): only a pass completes; records that do not count
// (another organisation's portal, Moodle, NHS) never change a status; a course never completed is due on
// the date its platform set; a date that cannot be right is not used. Properties over random records.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { addMonths, daysBetween } from '@/utils/dates/calendar';
import type { CompletionRecord } from '@/utils/records';
import { isPlausibleDate } from '@/utils/renewal/plausible';
import { isAssignment, summariseCourses, type CourseSummary } from '@/utils/renewal/summary';
import { isoDate } from '../dates/arbitraries';
import { record } from './records';

const course = fc.constantFrom(...UCL_PROFILE.courses.map((c) => c.name), 'Fire Safety', 'Moodle basics');
const status = fc.constantFrom('completed', 'passed', 'in-progress', 'not-started', 'failed', 'pending-review', 'unknown') as fc.Arbitrary<CompletionRecord['status']>;
const source = fc.constantFrom('learnupon', 'cybsafe', 'training-history', 'manual', 'external') as fc.Arbitrary<CompletionRecord['source']>;
const anyDate = fc.oneof(isoDate, fc.constantFrom('2999-12-31', '1900-01-01', '1969-12-31', '1970-01-01'));
const seenAt = fc.constantFrom('2026-01-01T09:00:00.000Z', '2026-02-01T09:00:00.000Z');

const anyRecord = fc
  .record({
    course,
    status,
    source,
    seenAt,
    completedOn: fc.option(anyDate, { nil: null }),
    certExpiresOn: fc.option(anyDate, { freq: 3, nil: null }),
    dueOn: fc.option(anyDate, { freq: 2, nil: null }),
  })
  .map((fields) => record(fields));

/** A record read on another organisation's LearnUpon portal: the background marks it as not counting. */
const otherPortalRecord = anyRecord.map((r) => ({ ...r, source: 'learnupon' as const, sourceUrl: 'https://nhs-trust.learnupon.com/dashboard', countsForCompliance: false }));

const decision = (list: CourseSummary[]) => list.map((s) => [s.course.name, s.status, s.due, s.basis, s.latest?.id ?? null]);

describe('records that do not count', () => {
  it('never change a status, a due date or the completion that counts', () => {
    fc.assert(
      fc.property(fc.array(anyRecord, { maxLength: 15 }), fc.array(otherPortalRecord, { minLength: 1, maxLength: 8 }), isoDate, (records, foreign, today) => {
        expect(decision(summariseCourses([...records, ...foreign], UCL_PROFILE, today))).toEqual(decision(summariseCourses(records, UCL_PROFILE, today)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('failed attempts and attempts awaiting review', () => {
  it('complete nothing: adding them (without a due date) changes no decision', () => {
    const attempt = fc
      .record({ course, status: fc.constantFrom('failed', 'pending-review') as fc.Arbitrary<CompletionRecord['status']>, completedOn: fc.option(anyDate, { nil: null }), seenAt, source: fc.constantFrom('learnupon', 'cybsafe', 'training-history') as fc.Arbitrary<CompletionRecord['source']> })
      .map((fields) => record(fields));
    fc.assert(
      fc.property(fc.array(anyRecord, { maxLength: 15 }), fc.array(attempt, { minLength: 1, maxLength: 5 }), isoDate, (records, attempts, today) => {
        expect(decision(summariseCourses([...records, ...attempts], UCL_PROFILE, today))).toEqual(decision(summariseCourses(records, UCL_PROFILE, today)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('every decision', () => {
  it('uses only dates that can be right, and a platform due date only for a course never completed', () => {
    fc.assert(
      fc.property(fc.array(anyRecord, { maxLength: 20 }), isoDate, (records, today) => {
        for (const s of summariseCourses(records, UCL_PROFILE, today)) {
          // Dates the platform showed (a computed date may run past the window: completion + cadence).
          if (s.due !== null && (s.basis === 'certificate' || s.basis === 'assigned')) expect(isPlausibleDate(s.due, today)).toBe(true);
          if (s.status !== 'unknown' && s.latest?.completedOn) expect(isPlausibleDate(s.latest.completedOn, today)).toBe(true);
          if (s.basis === 'assigned') {
            expect(s.latest).toBeNull();
            expect(s.history.filter(isAssignment).map((r) => r.dueOn)).toContain(s.due);
            const left = daysBetween(today, s.due!);
            expect(s.status).toBe(left < 0 ? 'overdue' : left <= UCL_PROFILE.dueSoonDays ? 'due-soon' : 'not-completed');
          }
          if (s.latest === null && s.status !== 'unknown' && s.history.some(isAssignment)) expect(s.basis).toBe('assigned');
          if (s.status === 'not-completed' && s.due === null) expect(s.history.some(isAssignment)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a date more than 10 years ahead, or before 1970, on the deciding record makes the course unknown', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 5000 }), (today, extra) => {
        const far = addMonths(today, 120 + Math.ceil(extra / 30));
        const fire = summariseCourses([record({ course: 'UCL Fire Safety', completedOn: today, certExpiresOn: far })], UCL_PROFILE, today).find((x) => x.course.name === 'UCL Fire Safety')!;
        expect(fire).toMatchObject({ status: 'unknown', due: null });
        expect(fire.explanation).toMatch(/looks wrong/);
      }),
    );
  });
});
