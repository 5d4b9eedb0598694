// The troubleshooting log: the latest sign-in and connection problems the alerts told the user about.
import type { NewProblemLogEntry, ProblemLogEntry } from '@/utils/data/problem';
import { openStore } from './db';

/** Only the latest entries are kept: this is a troubleshooting aid, not a history. */
export const PROBLEM_LOG_LIMIT = 50;

export async function logProblem(entry: Omit<NewProblemLogEntry, 'at'>, at = new Date()): Promise<void> {
  const db = await openStore();
  const tx = db.transaction('problems', 'readwrite');
  await tx.store.add({ ...entry, at: at.toISOString() });
  const count = await tx.store.count();
  let cursor = count > PROBLEM_LOG_LIMIT ? await tx.store.openCursor() : null;
  for (let excess = count - PROBLEM_LOG_LIMIT; cursor && excess > 0; excess--) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
}

/** The newest entries first. */
export async function listProblems(limit = PROBLEM_LOG_LIMIT): Promise<ProblemLogEntry[]> {
  const all = (await (await openStore()).getAll('problems')) as ProblemLogEntry[];
  return all.reverse().slice(0, limit);
}
