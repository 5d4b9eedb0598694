// Work in slices of a few milliseconds, the page taking its turn between them: no task of ours is long
// enough to delay a click or a frame (issue 15: the most extension JavaScript in one task, and blocking time).
import type { Steps } from '@/utils/platforms/steps';

/** Longest slice, as near as the steps allow (a step runs whole: readers pause every few items). */
export const SLICE_MS = 8;

/** The page's turn: `scheduler.yield()` resumes ahead of other queued work; a timer where there is none. */
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
    while (!step.done && performance.now() - start < sliceMs) step = steps.next();
    script += performance.now() - start;
    if (step.done) return { value: step.value, script };
    await pageTurn();
  }
}
