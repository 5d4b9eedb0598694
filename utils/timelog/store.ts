// The time log in IndexedDB: one entry per course and London day, measured time plus the user's correction.
import { openStore } from '@/utils/store/db';
import type { DayShare } from './days';
import type { TimeEntry } from './types';

export const entryId = (day: string, course: string) => `${day}|${course}`;

/** Adds measured time, in one transaction so reports arriving together cannot lose each other's time. */
export async function addTime(shares: readonly DayShare[], course: string): Promise<void> {
  const db = await openStore();
  const tx = db.transaction('timeLog', 'readwrite');
  const updatedAt = new Date().toISOString();
  for (const { day, ms } of shares) {
    const held = await tx.store.get(entryId(day, course));
    await tx.store.put(
      held
        ? { ...held, trackedMs: held.trackedMs + ms, updatedAt }
        : { id: entryId(day, course), day, course, trackedMs: ms, correctedMs: null, updatedAt },
    );
  }
  await tx.done;
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
