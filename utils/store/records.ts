import { CompletionRecordSchema, mergeRecord, type CompletionRecord } from '@/utils/records';
import { openStore } from './db';

export async function listRecords(): Promise<CompletionRecord[]> {
  return (await openStore()).getAll('records');
}

/**
 * Saves records in one transaction (all or nothing). A record already held is updated, but a later
 * read never erases what an earlier one established: a known completion date or certificate stays.
 */
export async function upsertRecords(incoming: CompletionRecord[]): Promise<void> {
  const valid = incoming.map((r) => CompletionRecordSchema.parse(r));
  const db = await openStore();
  const tx = db.transaction('records', 'readwrite');
  for (const record of valid) {
    const held = await tx.store.get(record.id);
    await tx.store.put(held ? mergeRecord(held, record) : record);
  }
  await tx.done;
}

export async function deleteRecord(id: string): Promise<void> {
  await (await openStore()).delete('records', id);
}
