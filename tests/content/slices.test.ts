// @vitest-environment jsdom
// Work in slices (utils/content/slices.ts): the same result as all at once, the page given its turn
// between slices, and a long step put at the start of a slice of its own.
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inSlices } from '@/utils/content/slices';
import { atOnce, LONG_STEP, type Steps } from '@/utils/platforms/steps';
import { readLearnUponCourses, readLearnUponSteps } from '@/utils/platforms/learnupon/courses';
import { createCourseMatcher, createTitlePieceTest } from '@/utils/catalogue/match';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { benchEnrollments } from '../fixtures/bench-enrollments';
import { renderDashboard } from '../fixtures/sites/learnupon/pages';

const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string, options: { url: string }) => { window: Window } };

/** Keeps the clock busy for `ms`, as a step of real work would. */
function busy(ms: number) {
  for (const end = performance.now() + ms; performance.now() < end; );
}

/** The page's turns, counted (and taken at once). */
function countTurns() {
  const turns = vi.fn(() => Promise.resolve());
  vi.stubGlobal('scheduler', { yield: turns });
  return turns;
}

afterEach(() => vi.unstubAllGlobals());

describe('work in slices', () => {
  it('gives the page its turn between slices and returns what the steps return', async () => {
    const turns = countTurns();
    const order: string[] = [];
    function* steps(): Steps<number> {
      for (let i = 0; i < 10; i++) {
        busy(2);
        order.push(`step ${i}`);
        yield;
      }
      return 42;
    }
    const done = await inSlices(steps(), 5);
    expect(done.value).toBe(42);
    expect(order).toHaveLength(10);
    // About 20 ms of steps in slices of at most ~5 ms (a step runs whole): a few turns, never none.
    expect(turns.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(turns.mock.calls.length).toBeLessThanOrEqual(9);
    expect(done.script).toBeGreaterThanOrEqual(19);
  });

  it('runs everything in one slice when the slice is endless', async () => {
    const turns = countTurns();
    function* steps(): Steps<string> {
      for (let i = 0; i < 5; i++) {
        busy(2);
        yield;
      }
      return 'read';
    }
    expect((await inSlices(steps(), Infinity)).value).toBe('read');
    expect(turns).not.toHaveBeenCalled();
  });

  it('starts a long step in a slice of its own once the slice is under way', async () => {
    const turns = countTurns();
    const seen: string[] = [];
    turns.mockImplementation(() => (seen.push('turn'), Promise.resolve()));
    function* steps(): Steps<void> {
      busy(3);
      seen.push('short');
      yield LONG_STEP;
      seen.push('long');
      busy(8);
    }
    await inSlices(steps(), 8);
    expect(seen).toEqual(['short', 'turn', 'long']);
  });

  it('lets a long step first in its slice run there', async () => {
    const turns = countTurns();
    function* steps(): Steps<void> {
      yield LONG_STEP;
      busy(8);
    }
    await inSlices(steps(), 8);
    expect(turns).not.toHaveBeenCalled();
  });
});

describe('the LearnUpon reader as steps', () => {
  it('reads the same in slices as at once, on a long dashboard', async () => {
    countTurns();
    const today = new Date('2026-11-28T09:00:00Z');
    const doc = new JSDOM(renderDashboard({ today, enrollments: benchEnrollments(120, today) }), { url: 'https://ucl.learnupon.com/dashboard' }).window.document;
    const match = createCourseMatcher(UCL_PROFILE.courses);
    const options = { courseKey: (t: string) => match(t)?.name ?? null, titlePiece: createTitlePieceTest(UCL_PROFILE.courses) };
    const whole = readLearnUponCourses(doc, 'day-first', options);
    const sliced = await inSlices(readLearnUponSteps(doc, 'day-first', options), 0.01);
    expect(whole.length).toBeGreaterThan(100);
    expect(sliced.value).toEqual(whole);
    expect(atOnce(readLearnUponSteps(doc, 'day-first', options))).toEqual(whole);
  });
});
