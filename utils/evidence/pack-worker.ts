// Builds the evidence pack in a worker: hashing, base64 and zipping tens of megabytes would otherwise
// freeze the popup or side panel for the better part of a second.
import { buildEvidencePack, type EvidencePackInput } from './pack';
import { errorText } from '@/utils/errors';

export type WorkerPackInput = Omit<EvidencePackInput, 'renewalFor'> & { renewals: Record<string, string | null> };

self.onmessage = async (event: MessageEvent<WorkerPackInput>) => {
  try {
    const { renewals, ...rest } = event.data;
    const pack = await buildEvidencePack({ ...rest, renewalFor: (r) => renewals[r.id] ?? null });
    (self as unknown as Worker).postMessage({ ok: true, pack }, [pack.zip.buffer]);
  } catch (error) {
    (self as unknown as Worker).postMessage({ ok: false, error: errorText(error) });
  }
};
