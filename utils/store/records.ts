import { CompletionRecordSchema, mergeRecord, type CompletionRecord } from '@/utils/records';
import { summaryBasis } from '@/utils/renewal/basis';
import { openStore } from './db';
import { StorageFullError } from './evidence';
import { abortQuietly, isQuotaError } from './quota';

/**
 * Every record again, as one value in `meta`. Chrome reads thousands of small IndexedDB values slowly
 * (5,000 records: ~150 ms, most of the popup's budget) but one value holding them all quickly (~20 ms).
 * Written in the same transaction as every change to `records` (only this module writes them), so it
 * never disagrees with them; when missing (after an update or a restore) the next read rebuilds it.
 * Derived data: not backed up.
 */
export const RECORDS_CACHE_KEY = 'records-cache';

interface RecordsCache {
  version: 1;
  records: CompletionRecord[];
}

/**
 * The few records that decide the course lines (utils/renewal/basis.ts) and how many records there
 * are: the popup opens many times a day and reads this small value, not all of them. Written and
 * dropped together with the copy above.
 */
export const RECORDS_BASIS_KEY = 'records-basis';

export interface RecordsBasis {
  version: 1;
  count: number;
  records: CompletionRecord[];
}

/** The values in `meta` derived from the records: never backed up, and dropped whenever the records change behind this module's back. */
export const DERIVED_RECORD_KEYS = [RECORDS_CACHE_KEY, RECORDS_BASIS_KEY] as const;

const basisOf = (records: CompletionRecord[]): RecordsBasis => ({ version: 1, count: records.length, records: summaryBasis(records) });

function isBasis(value: unknown): value is RecordsBasis {
  return typeof value === 'object' && value !== null && (value as RecordsBasis).version === 1 && Array.isArray((value as RecordsBasis).records) && typeof (value as RecordsBasis).count === 'number';
}

type MetaStore = { get(key: string): Promise<unknown>; put(value: unknown, key: string): Promise<unknown>; delete(key: string): Promise<unknown> };

function isCache(value: unknown): value is RecordsCache {
  return typeof value === 'object' && value !== null && (value as RecordsCache).version === 1 && Array.isArray((value as RecordsCache).records);
}

/**
 * Every record and its basis, in one transaction so a write cannot land in between and be missed: from
 * the copy when it is there, else from the records store. Writes whichever derived value was missing (an
 * update from before the basis existed has the copy but not the basis).
 */
async function readAndRebuild(): Promise<{ records: CompletionRecord[]; basis: RecordsBasis }> {
  const tx = (await openStore()).transaction(['records', 'meta'], 'readwrite');
  const meta = tx.objectStore('meta');
  const cached: unknown = await meta.get(RECORDS_CACHE_KEY);
  const records = isCache(cached) ? cached.records : await tx.objectStore('records').getAll();
  const basis = basisOf(records);
  try {
    if (!isCache(cached)) await meta.put({ version: 1, records } satisfies RecordsCache, RECORDS_CACHE_KEY);
    await meta.put(basis, RECORDS_BASIS_KEY);
    await tx.done;
  } catch {
    abortQuietly(tx); // no room for the copies: the records themselves are still right
  }
  return { records, basis };
}

export async function listRecords(): Promise<CompletionRecord[]> {
  const cached: unknown = await (await openStore()).get('meta', RECORDS_CACHE_KEY);
  return isCache(cached) ? cached.records : (await readAndRebuild()).records;
}

/** What the course lines need, read as one small value; rebuilt (and kept) when missing. */
export async function readRecordsBasis(): Promise<RecordsBasis> {
  const held: unknown = await (await openStore()).get('meta', RECORDS_BASIS_KEY);
  return isBasis(held) ? held : (await readAndRebuild()).basis;
}

/** Brings the cached copy in line with the changes made in `tx`, or drops it if there is none yet. */
async function updateCache(meta: MetaStore, changed: CompletionRecord[], deleted: string[] = []): Promise<void> {
  const cached = await meta.get(RECORDS_CACHE_KEY);
  if (!isCache(cached)) {
    for (const key of DERIVED_RECORD_KEYS) await meta.delete(key);
    return;
  }
  const byId = new Map(cached.records.map((r) => [r.id, r]));
  for (const r of changed) byId.set(r.id, r);
  for (const id of deleted) byId.delete(id);
  // In key order, as getAll gives them: readers see the same list whichever way it was read.
  const records = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  await meta.put({ version: 1, records } satisfies RecordsCache, RECORDS_CACHE_KEY);
  await meta.put(basisOf(records), RECORDS_BASIS_KEY);
}

/**
 * Saves records in one transaction (all or nothing). A record already held is updated, but a later
 * read never erases what an earlier one established: a known completion date or certificate stays.
 */
export async function upsertRecords(incoming: CompletionRecord[]): Promise<void> {
  const valid = incoming.map((r) => CompletionRecordSchema.parse(r));
  const db = await openStore();
  const tx = db.transaction(['records', 'meta'], 'readwrite');
  const records = tx.objectStore('records');
  try {
    const saved: CompletionRecord[] = [];
    for (const record of valid) {
      const held = await records.get(record.id);
      const next = held ? mergeRecord(held, record) : record;
      await records.put(next);
      saved.push(next);
    }
    await updateCache(tx.objectStore('meta'), saved);
    await tx.done;
  } catch (error) {
    // Whatever failed, the earlier puts must not commit on their own (a full disk, a refused value).
    abortQuietly(tx);
    throw isQuotaError(error) || isQuotaError(tx.error) ? new StorageFullError() : error;
  }
}

export async function deleteRecord(id: string): Promise<void> {
  const db = await openStore();
  const tx = db.transaction(['records', 'meta'], 'readwrite');
  await tx.objectStore('records').delete(id);
  await updateCache(tx.objectStore('meta'), [], [id]);
  await tx.done;
}
