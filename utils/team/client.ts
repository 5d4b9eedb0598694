// Runs Team jobs in a worker bundled by Vite (MV3 pages allow workers from the extension's own files,
// not blob: ones). Vite's `?worker` import, because WXT defines import.meta.url as self.location.href,
// which hides the `new Worker(new URL(…, import.meta.url))` form from Vite. Where no worker can start
// (unit tests), the job runs here instead.
import type { TeamJob, TeamJobResult } from './jobs';
import TeamWorker from './worker.ts?worker';

let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<number, (result: TeamJobResult) => void>();

function startWorker(): Worker | null {
  try {
    const w = new TeamWorker({ name: 'team-report' });
    w.addEventListener('message', (event: MessageEvent<{ id: number; result: TeamJobResult }>) => {
      waiting.get(event.data.id)?.(event.data.result);
      waiting.delete(event.data.id);
    });
    w.addEventListener('error', () => {
      for (const resolve of waiting.values()) resolve({ ok: false, error: 'The report reader stopped unexpectedly. Reload this page and try again.' });
      waiting.clear();
      worker = undefined;
    });
    return w;
  } catch {
    return null;
  }
}

export async function runInWorker(job: TeamJob): Promise<TeamJobResult> {
  if (worker === undefined) worker = typeof Worker === 'function' ? startWorker() : null;
  if (!worker) return (await import('./jobs')).runTeamJob(job);
  const id = nextId++;
  const w = worker;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    // The file's bytes move to the worker rather than being copied.
    w.postMessage({ id, job }, job.kind === 'import' ? [job.bytes] : []);
  });
}
