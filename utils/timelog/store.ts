// The time log in IndexedDB: one entry per course and London day, measured time plus the user's correction.
import { META_KEYS } from '@/utils/data/keys';
import { openStore } from '@/utils/store/db';
import { metaIn } from '@/utils/store/meta';
import { splitByLondonDay } from './days';
import type { TimeEntry, TimeSlice } from './types';

export const entryId = (day: string, course: string) => `${day}|${course}`;

/**
 * Adds a slice of active time unless that time was counted already. A person is active in one tab at a
 * time, so accepted slices never overlap: the end of the latest one is kept (meta
 * `time-log-accepted-until`), and a slice is counted only from there on. A replayed or overlapping slice
 * adds nothing. Check, add and the new mark happen in one transaction, so two reports at once cannot
 * both count the same time. Returns the time added, in ms.
 */
export async function addSlice(slice: TimeSlice, course: string): Promise<number> {
  const db = await openStore();
  const tx = db.transaction(['timeLog', 'meta'], 'readwrite');
  const meta = metaIn(tx.objectStore('meta'));
  const from = Math.max(slice.start, (await meta.get(META_KEYS.timeLogAcceptedUntil)) ?? 0);
  if (from >= slice.end) {
    await tx.done;
    return 0;
  }
  const log = tx.objectStore('timeLog');
  const updatedAt = new Date().toISOString();
  for (const { day, ms } of splitByLondonDay({ start: from, end: slice.end })) {
    const held = await log.get(entryId(day, course));
    await log.put(
      held
        ? { ...held, trackedMs: held.trackedMs + ms, updatedAt }
        : { id: entryId(day, course), day, course, trackedMs: ms, correctedMs: null, updatedAt },
    );
  }
  await meta.put(META_KEYS.timeLogAcceptedUntil, slice.end);
  await tx.done;
  return slice.end - from;
}

/** Entries from `from` to `to` (inclusive London days), oldest first. */
export async function listTimeEntries(from: string, to: string): Promise<TimeEntry[]> {
  if (from > to) return [];
  const entries = await (await openStore()).getAllFromIndex('timeLog', 'day', IDBKeyRange.bound(from, to));
  return entries.sort((a, b) => a.day.localeCompare(b.day) || a.course.localeCompare(b.course));
}

/** Sets the user's correction (null: back to the measured time); creates the entry for time not measured. */
export async function correctTime(day: string, course: string, correctedMs: number | null): Promise<void> {
  const db = await openStore();
  const tx = db.transaction('timeLog', 'readwrite');
  const held = await tx.store.get(entryId(day, course));
  const updatedAt = new Date().toISOString();
  if (held) await tx.store.put({ ...held, correctedMs, updatedAt });
  else if (correctedMs !== null) await tx.store.put({ id: entryId(day, course), day, course, trackedMs: 0, correctedMs, updatedAt });
  await tx.done;
}

export async function deleteTimeEntry(id: string): Promise<void> {
  await (await openStore()).delete('timeLog', id);
}

export async function clearTimeLog(): Promise<void> {
  await (await openStore()).clear('timeLog');
}
