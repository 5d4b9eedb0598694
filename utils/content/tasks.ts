// Tasks of our own on the page's main thread. Work we start from a page's event (a mutation of its list)
// runs after the page's task, not inside it, so the page's own work and ours never add up to one long task.

/** Runs `work` in a task of its own, after the current one; returns a cancel. */
export function afterThisTask(work: () => void): () => void {
  const timer = setTimeout(work, 0);
  return () => clearTimeout(timer);
}

/** Longest wait for an idle moment: work that waits for one still runs soon after load. */
export const IDLE_MAX_WAIT_MS = 300;

/**
 * Resolves when the page's main thread is next idle, or after `maxWaitMs` at most: for work that can wait
 * for the page, and for the renewal badges' first read (slices that resume ahead of idle time), to be done.
 * A timer where the browser has no idle callbacks.
 */
export function pageIdle(maxWaitMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: maxWaitMs });
    else setTimeout(resolve, 0);
  });
}
