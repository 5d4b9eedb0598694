// The Team page's heavy work — reading the report, storing it, working out every status — as jobs
// that run in a worker (worker.ts) so a 20,000-row report never freezes the page. Only the entries
// and a short summary go back to the page; the rows and the file stay in IndexedDB.
import type { Profile } from '@/utils/catalogue/profile';
import { buildTeamEntries, type TeamEntry } from './entries';
import { toSavedMapping } from './mapping';
import { readTeamReport } from './read';
import { loadMapping, loadReport, saveMapping, saveReport } from './store';
import type { ColumnMap, SavedMapping, StoredTeamReport } from './types';
import { errorText } from '@/utils/errors';

export type TeamJob =
  /** A new file; `mapping` is the user's column choice when the saved one did not fit. */
  | { kind: 'import'; bytes: ArrayBuffer; fileName: string; mapping?: SavedMapping; profile: Profile; today: string }
  /** The stored report again with a changed column choice. */
  | { kind: 'remap'; mapping: SavedMapping; profile: Profile; today: string }
  /** What is stored, with statuses as of today. */
  | { kind: 'load'; profile: Profile; today: string };

export type ReportSummary = Omit<StoredTeamReport, 'file' | 'rows'> & { rowCount: number };

export type TeamJobResult =
  | { ok: true; report: ReportSummary | null; entries: TeamEntry[] }
  | { ok: false; error: string; headers?: string[]; columns?: ColumnMap };

function summary(report: StoredTeamReport): ReportSummary {
  const { file: _file, rows, ...rest } = report;
  return { ...rest, rowCount: rows.length };
}

async function read(bytes: ArrayBuffer, fileName: string, mapping: SavedMapping | null, job: { profile: Profile; today: string }): Promise<TeamJobResult> {
  const result = readTeamReport(new Uint8Array(bytes), fileName, { dateOrder: job.profile.dateOrder, courses: job.profile.courses, saved: mapping });
  if (!result.ok) return result;
  const report: StoredTeamReport = {
    fileName,
    importedAt: new Date().toISOString(),
    file: bytes,
    headers: result.headers,
    columns: result.columns,
    courseColumns: result.courseColumns,
    rows: result.rows,
    warnings: result.warnings,
    unrecognised: result.unrecognised,
  };
  // The database writes while the statuses are worked out; both must finish before the page hears.
  const saving = Promise.all([
    saveReport(report),
    // By heading name, so next month's report maps the same way even if its columns move.
    saveMapping(toSavedMapping(result.headers, result.columns)),
  ]);
  const entries = buildTeamEntries(report.rows, job.profile, job.today);
  await saving;
  return { ok: true, report: summary(report), entries };
}

export async function runTeamJob(job: TeamJob): Promise<TeamJobResult> {
  try {
    if (job.kind === 'import') return await read(job.bytes, job.fileName, job.mapping ?? (await loadMapping()), job);
    const stored = await loadReport();
    if (job.kind === 'remap') {
      if (!stored) return { ok: false, error: 'There is no report to apply the columns to. Import the report again.' };
      // A choice that does not fit keeps the report as it was, and says why.
      return await read(stored.file, stored.fileName, job.mapping, job);
    }
    return { ok: true, report: stored && summary(stored), entries: stored ? buildTeamEntries(stored.rows, job.profile, job.today) : [] };
  } catch (error) {
    return { ok: false, error: `The team data could not be read or saved (${errorText(error)}). Close this page and try again.` };
  }
}
