// The evidence locker: certificates, screenshots and history files kept as blobs in IndexedDB.
import { openStore, type EvidenceItem } from './db';
import { abortQuietly, isQuotaError } from './quota';

export type NewEvidence = Omit<EvidenceItem, 'id' | 'addedAt' | 'size'>;

/** Thrown when the browser refuses to store more; nothing already held is touched. */
export class StorageFullError extends Error {
  constructor() {
    super('There is no room left to save this. Delete some evidence you no longer need (or free disk space), then try again. Nothing already stored was lost.');
  }
}

export async function addEvidence(items: NewEvidence[]): Promise<EvidenceItem[]> {
  const now = new Date().toISOString();
  const full = items.map((item) => ({ ...item, id: crypto.randomUUID(), addedAt: now, size: item.data.size }));
  const db = await openStore();
  const tx = db.transaction('evidence', 'readwrite');
  const puts: Promise<unknown>[] = [];
  try {
    for (const item of full) puts.push(tx.store.put(item));
    await Promise.all([...puts, tx.done]);
  } catch (error) {
    // A put refused on the spot would otherwise let the earlier ones commit: all or nothing.
    abortQuietly(tx, puts);
    throw isQuotaError(error) || isQuotaError(tx.error) ? new StorageFullError() : error;
  }
  return full;
}

export async function listEvidence(): Promise<EvidenceItem[]> {
  const all = await (await openStore()).getAll('evidence');
  return all.sort((a, b) => b.addedAt.localeCompare(a.addedAt));
}

export async function renameEvidence(id: string, name: string): Promise<void> {
  const db = await openStore();
  const tx = db.transaction('evidence', 'readwrite');
  const item = await tx.store.get(id);
  if (item) await tx.store.put({ ...item, name });
  await tx.done;
}

/** Deletes and hands back the item, so the page can offer "Undo". */
export async function deleteEvidence(id: string): Promise<EvidenceItem | undefined> {
  const db = await openStore();
  const tx = db.transaction('evidence', 'readwrite');
  const item = await tx.store.get(id);
  await tx.store.delete(id);
  await tx.done;
  return item;
}

export async function restoreEvidence(item: EvidenceItem): Promise<void> {
  await (await openStore()).put('evidence', item);
}

export async function storageUse(): Promise<{ usage: number; quota: number } | null> {
  if (!navigator.storage?.estimate) return null;
  const { usage = 0, quota = 0 } = await navigator.storage.estimate();
  return { usage, quota };
}

/** Deletes items by id, in one transaction. */
export async function removeEvidence(ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  const tx = (await openStore()).transaction('evidence', 'readwrite');
  await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
}
