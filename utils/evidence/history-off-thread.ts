// parseTrainingHistory in a worker (history-worker.ts), with the same result. One worker per file,
// ended when it answers. Where no worker can start (unit tests), it reads in place; the limits in
// utils/sheets still refuse a bomb before SheetJS sees it.
import type { DateOrder } from '@/utils/dates/parse';
import type { HistoryResult } from './history';
import type { HistoryJob } from './history-worker';
// Vite's `?worker` import: WXT rewrites import.meta.url, which hides `new Worker(new URL(…))` from Vite.
import HistoryWorker from './history-worker.ts?worker';

export async function parseHistoryOffThread(bytes: Uint8Array, fileName: string, order: DateOrder): Promise<HistoryResult> {
  let worker: Worker;
  try {
    worker = new HistoryWorker({ name: 'training-history' });
  } catch {
    return (await import('./history')).parseTrainingHistory(bytes, fileName, order);
  }
  try {
    return await new Promise<HistoryResult>((resolve) => {
      worker.onmessage = (event: MessageEvent<HistoryResult>) => resolve(event.data);
      worker.onerror = () =>
        resolve({ ok: false, error: `The file “${fileName.slice(0, 60)}” could not be read: the spreadsheet reader stopped. Reload the page and try again.` });
      // Copied, not transferred: the caller keeps the file to store it.
      const job: HistoryJob = { bytes, fileName, order };
      worker.postMessage(job);
    });
  } finally {
    worker.terminate();
  }
}
