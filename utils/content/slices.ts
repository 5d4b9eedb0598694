// Work in slices of a few milliseconds, the page taking its turn between them: no task of ours is long
// enough to delay a click or a frame (issue 15: the most extension JavaScript in one task, and blocking time).
import { LONG_STEP, type Steps } from '@/utils/platforms/steps';

/** Longest slice, as near as the steps allow (a step runs whole: readers pause every few items). */
export const SLICE_MS = 8;

/**
 * The page's turn: with `scheduler.yield()` clicks, keys and the page's urgent work go first, and the read
 * resumes ahead of the page's other tasks (so it ends soon after it began); a timer where there is none.
 */
export function pageTurn(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs the steps to their end in slices (one slice: Infinity); `script` is the time spent in them, the page's turns left out. */
export async function inSlices<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<{ value: T; script: number }> {
  let script = 0;
  for (;;) {
    const start = performance.now();
    let step = steps.next();
    for (let used = performance.now() - start; !step.done && used < (step.value === LONG_STEP ? sliceMs / 4 : sliceMs); used = performance.now() - start) step = steps.next();
    script += performance.now() - start;
    if (step.done) return { value: step.value, script };
    await pageTurn();
  }
}
