// Tasks of our own on the page's main thread. Work we start from a page's event (a mutation of its list)
// runs after the page's task, not inside it, so the page's own work and ours never add up to one long task.

/** Runs `work` in a task of its own, after the current one; returns a cancel. */
export function afterThisTask(work: () => void): () => void {
  const timer = setTimeout(work, 0);
  return () => clearTimeout(timer);
}
