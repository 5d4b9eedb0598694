// The Team page's data on this device: the latest report, the manager's marks and the column choice.
// Its own object stores (migration 2), never mixed with the manager's own records, deleted in one go.
// Their shapes and keys are declared in utils/data/ (team.ts, stores.ts).
import { TEAM_MAPPING_KEY, TEAM_REPORT_KEY } from '@/utils/data/keys';
import { SavedMappingSchema } from '@/utils/data/team';
import { openStore } from '@/utils/store/db';
import type { Availability, PersonMark, SavedMapping, StoredTeamReport } from './types';

export async function loadReport(): Promise<StoredTeamReport | null> {
  return (await (await openStore()).get('teamReport', TEAM_REPORT_KEY)) ?? null;
}

export async function saveReport(report: StoredTeamReport): Promise<void> {
  await (await openStore()).put('teamReport', report, TEAM_REPORT_KEY);
}

/** The saved column choice; a damaged value is ignored (the headings are found again). */
export async function loadMapping(): Promise<SavedMapping | null> {
  const parsed = SavedMappingSchema.safeParse(await (await openStore()).get('teamSettings', TEAM_MAPPING_KEY));
  return parsed.success ? parsed.data : null;
}

export async function saveMapping(mapping: SavedMapping): Promise<void> {
  await (await openStore()).put('teamSettings', SavedMappingSchema.parse(mapping), TEAM_MAPPING_KEY);
}

export async function listMarks(): Promise<Map<string, PersonMark>> {
  const marks = await (await openStore()).getAll('teamPeople');
  return new Map(marks.map((m) => [m.person, m]));
}

/** Sets how someone is marked; null goes back to what the report says. */
export async function setMark(person: string, availability: Availability | null): Promise<void> {
  const db = await openStore();
  if (availability === null) await db.delete('teamPeople', person);
  else await db.put('teamPeople', { person, availability, updatedAt: new Date().toISOString() });
}

/**
 * Deletes the report and every mark in one transaction. The column choice stays: it holds no one's
 * data, only headings, and saves redoing it next month.
 */
export async function deleteTeamData(): Promise<void> {
  const db = await openStore();
  const tx = db.transaction(['teamReport', 'teamPeople'], 'readwrite');
  await Promise.all([tx.objectStore('teamReport').clear(), tx.objectStore('teamPeople').clear(), tx.done]);
}
