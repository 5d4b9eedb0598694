// Tasks of our own on the page's main thread. Work we start from a page's event (a mutation of its list)
// runs after the page's task, not inside it, so the page's own work and ours never add up to one long task.

interface Scheduler {
  postTask(work: () => void, options?: { priority?: 'user-blocking' | 'user-visible' | 'background'; signal?: AbortSignal }): Promise<unknown>;
}

const scheduler = (): Scheduler | undefined => (globalThis as { scheduler?: Scheduler }).scheduler;

/**
 * Runs `work` in a task of its own, after the current one; returns a cancel. `soon` asks for the next turn
 * (ahead of the page's timers and, where the browser allows, of its next frame): badges put back after a
 * redraw then arrive in the frame that draws the list, not one later.
 */
export function afterThisTask(work: () => void, soon = false): () => void {
  const s = scheduler();
  if (s?.postTask) {
    const controller = new AbortController();
    s.postTask(work, { priority: soon ? 'user-blocking' : 'user-visible', signal: controller.signal }).catch(() => undefined);
    return () => controller.abort();
  }
  const timer = setTimeout(work, 0);
  return () => clearTimeout(timer);
}
