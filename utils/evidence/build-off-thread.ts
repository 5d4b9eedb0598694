// Runs buildEvidencePack in a worker and hands back the same result. The renewal callback cannot cross
// into a worker, so its answers are worked out here first, one per record.
import { buildEvidencePack, type EvidencePack, type EvidencePackInput } from './pack';
import type { WorkerPackInput } from './pack-worker';
// Vite's `?worker` import: WXT rewrites import.meta.url, which hides `new Worker(new URL(…))` from Vite.
import PackWorker from './pack-worker.ts?worker';

export async function buildPackOffThread(input: EvidencePackInput): Promise<EvidencePack> {
  const { renewalFor, ...rest } = input;
  const message: WorkerPackInput = { ...rest, renewals: Object.fromEntries(input.records.map((r) => [r.id, renewalFor(r)])) };
  let worker: Worker;
  try {
    worker = new PackWorker({ name: 'evidence-pack' });
  } catch {
    return buildEvidencePack(input); // no workers here (unit tests): build in place
  }
  try {
    return await new Promise<EvidencePack>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<{ ok: true; pack: EvidencePack } | { ok: false; error: string }>) =>
        event.data.ok ? resolve(event.data.pack) : reject(new Error(event.data.error));
      worker.onerror = (event) => reject(new Error(event.message || 'the pack could not be built'));
      worker.postMessage(message);
    });
  } finally {
    worker.terminate();
  }
}
