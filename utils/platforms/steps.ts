// A reader's work as steps: a generator that yields wherever it may pause and returns what it read. The
// renewal badges run it in slices, the page taking its turn between them (utils/content/slices.ts), so a
// long list never holds the page in one long task; everything else runs it at once. Pure: no browser APIs.

export type Steps<T> = Generator<void | typeof LONG_STEP, T, void>;

/** Yielded before a step that takes about a slice on its own: it then starts a slice of its own. */
export const LONG_STEP = 'long';

/** Every step, one after another, in this task. */
export function atOnce<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** A pause every `every` items of a long loop (`i` counts from 0): often enough to keep slices short, rare enough to cost nothing. */
export function pauseAt(i: number, every: number): boolean {
  return i % every === every - 1;
}
