// The training records, and the two values derived from them that the pages read quickly (declared in
// utils/data/meta.ts): only this module writes records, and it keeps both in step in the same transaction.
import { CompletionRecordSchema } from '@/utils/data/record';
import { META_KEYS } from '@/utils/data/keys';
import { RECORDS_BASIS_VERSION, RECORDS_CACHE_VERSION, type RecordsBasis } from '@/utils/data/meta';
import type { Course } from '@/utils/data/profile';
import { mergeRecord, recordId, type CompletionRecord } from '@/utils/records';
import { summaryBasis } from '@/utils/renewal/basis';
import { openStore } from './db';
import { StorageFullError } from './evidence';
import { metaIn, readMeta, type MetaArea } from './meta';
import { abortQuietly, isQuotaError } from './quota';

export type { RecordsBasis };

/**
 * Every record again, as one value in `meta`. Chrome reads thousands of small IndexedDB values slowly
 * (5,000 records: ~150 ms, most of the popup's budget) but one value holding them all quickly (~20 ms).
 * Written in the same transaction as every change to `records` (only this module writes them), so it
 * never disagrees with them; when missing (after an update or a restore) the next read rebuilds it.
 * Derived data: not backed up.
 */
export const RECORDS_CACHE_KEY = META_KEYS.recordsCache;

/**
 * The few records that decide the course lines (utils/renewal/basis.ts) and how many records there
 * are: the popup opens many times a day and reads this small value, not all of them. Written and
 * dropped together with the copy above; rebuilt when its version (the rules') changes.
 */
export const RECORDS_BASIS_KEY = META_KEYS.recordsBasis;

/** The values in `meta` derived from the records: never backed up, and dropped whenever the records change behind this module's back. */
export const DERIVED_RECORD_KEYS = [RECORDS_CACHE_KEY, RECORDS_BASIS_KEY] as const;

const basisOf = (records: CompletionRecord[]): RecordsBasis => ({ version: RECORDS_BASIS_VERSION, count: records.length, records: summaryBasis(records) });
const cacheOf = (records: CompletionRecord[]) => ({ version: RECORDS_CACHE_VERSION, records });

/**
 * Every record and its basis, in one transaction so a write cannot land in between and be missed: from
 * the copy when it is there, else from the records store. Writes whichever derived value was missing or
 * out of date (an update from before the basis has the copy but not the basis; a rules change, an old basis).
 */
async function readAndRebuild(): Promise<{ records: CompletionRecord[]; basis: RecordsBasis }> {
  const tx = (await openStore()).transaction(['records', 'meta'], 'readwrite');
  const meta = metaIn(tx.objectStore('meta'));
  const cached = await meta.get(RECORDS_CACHE_KEY);
  const records = cached ? cached.records : await tx.objectStore('records').getAll();
  const basis = basisOf(records);
  try {
    if (!cached) await meta.put(RECORDS_CACHE_KEY, cacheOf(records));
    await meta.put(RECORDS_BASIS_KEY, basis);
    await tx.done;
  } catch {
    abortQuietly(tx); // no room for the copies: the records themselves are still right
  }
  return { records, basis };
}

export async function listRecords(): Promise<CompletionRecord[]> {
  const cached = await readMeta(RECORDS_CACHE_KEY);
  return cached ? cached.records : (await readAndRebuild()).records;
}

/** What the course lines need, read as one small value; rebuilt (and kept) when missing or made by other rules. */
export async function readRecordsBasis(): Promise<RecordsBasis> {
  const held = await readMeta(RECORDS_BASIS_KEY);
  return held ?? (await readAndRebuild()).basis;
}

/** Brings the cached copy in line with the changes made in `tx`, or drops it if there is none yet. */
async function updateCache(store: MetaArea, changed: CompletionRecord[], deleted: string[] = []): Promise<void> {
  const meta = metaIn(store);
  const cached = await meta.get(RECORDS_CACHE_KEY);
  if (!cached) {
    for (const key of DERIVED_RECORD_KEYS) await meta.delete(key);
    return;
  }
  const byId = new Map(cached.records.map((r) => [r.id, r]));
  for (const r of changed) byId.set(r.id, r);
  for (const id of deleted) byId.delete(id);
  // In key order, as getAll gives them: readers see the same list whichever way it was read.
  const records = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  await meta.put(RECORDS_CACHE_KEY, cacheOf(records));
  await meta.put(RECORDS_BASIS_KEY, basisOf(records));
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

/**
 * Replaces records under new ids, in one transaction: each `from` id goes and its record is kept as
 * `to` (merged with one already held under that id). For records whose id rules changed.
 */
export async function replaceRecords(changes: readonly { from: string; to: CompletionRecord }[]): Promise<void> {
  if (!changes.length) return;
  const valid = changes.map((c) => ({ from: c.from, to: CompletionRecordSchema.parse(c.to) }));
  const db = await openStore();
  const tx = db.transaction(['records', 'meta'], 'readwrite');
  const records = tx.objectStore('records');
  try {
    // What each id holds once every change is made (null: gone), in the order they were made.
    const final = new Map<string, CompletionRecord | null>();
    for (const { from, to } of valid) {
      if (from !== to.id) {
        await records.delete(from);
        final.set(from, null);
      }
      const held = from === to.id ? undefined : await records.get(to.id);
      const next = held ? mergeRecord(held, to) : to;
      await records.put(next);
      final.set(next.id, next);
    }
    const saved = [...final.values()].filter((r): r is CompletionRecord => r !== null);
    await updateCache(tx.objectStore('meta'), saved, [...final].filter(([, r]) => r === null).map(([id]) => id));
    await tx.done;
  } catch (error) {
    abortQuietly(tx);
    throw isQuotaError(error) || isQuotaError(tx.error) ? new StorageFullError() : error;
  }
}

/** "I completed this on …": a manual record for a course, clearly marked as entered by the user. */
export async function saveManualCompletion(course: Pick<Course, 'name'>, completedOn: string, now = new Date()): Promise<CompletionRecord> {
  const base = {
    course: course.name, title: course.name, status: 'completed' as const, completedOn, dueOn: null,
    certExpiresOn: null, enrollmentId: null, certificateUrl: null, source: 'manual' as const, sourceUrl: '',
    seenAt: now.toISOString(), countsForCompliance: true, note: 'Entered by you',
  };
  const record: CompletionRecord = { ...base, id: recordId(base) };
  await upsertRecords([record]);
  return record;
}
