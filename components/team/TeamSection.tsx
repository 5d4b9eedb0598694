import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Profile } from '@/utils/catalogue/profile';
import { formatDate, londonDate } from '@/utils/dates/calendar';
import { loadProfile } from '@/utils/store/profile';
import { runInWorker } from '@/utils/team/client';
import { applyMarks, type TeamEntry } from '@/utils/team/entries';
import type { ReportSummary, TeamJob, TeamJobResult } from '@/utils/team/jobs';
import { IMPORT_MARKS } from '@/utils/team/marks';
import { toSavedMapping } from '@/utils/team/mapping';
import { deleteTeamData, listMarks, setMark } from '@/utils/team/store';
import type { Availability, ColumnMap, PersonMark } from '@/utils/team/types';
import { ColumnMapping } from './ColumnMapping';
import { ConfirmDelete } from './ConfirmDelete';
import { TeamView } from './TeamView';
import { FilePicker } from '../FilePicker';
import { readError } from '../useRead';
import { errorText } from '@/utils/errors';

type Notice = { ok: boolean; text: string } | null;
/** A file that could not be read with the columns found: kept until the user picks them. */
type Pending = { file: File; error: string; headers: string[]; columns: ColumnMap } | null;

const plural = (n: number, word: string, words = `${word}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? word : words}`;

export function TeamSection() {
  const [profile, setProfile] = useState<Profile | null>(null);
  const [report, setReport] = useState<ReportSummary | null>(null);
  const [entries, setEntries] = useState<TeamEntry[]>([]);
  const [marks, setMarks] = useState<Map<string, PersonMark>>(new Map());
  const [busy, setBusy] = useState<string | null>('Loading…');
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [confirming, setConfirming] = useState(false);
  const today = londonDate();
  // After each action (import, columns, delete), focus moves to what came of it.
  const status = useRef<HTMLDivElement>(null);
  const [focusStatus, setFocusStatus] = useState(0);
  useEffect(() => void (focusStatus && status.current?.focus()), [focusStatus]);
  const announce = () => setFocusStatus((n) => n + 1);

  const run = async (label: string, job: TeamJob, done: (r: Extract<TeamJobResult, { ok: true }>) => string): Promise<TeamJobResult> => {
    setBusy(label);
    setNotice(null);
    const result = await runInWorker(job);
    if (result.ok) {
      setReport(result.report);
      setEntries(result.entries);
      setNotice({ ok: true, text: done(result) });
    }
    setBusy(null);
    return result;
  };

  useEffect(() => {
    void (async () => {
      const p = await loadProfile();
      setProfile(p);
      setMarks(await listMarks());
      const result = await runInWorker({ kind: 'load', profile: p, today });
      if (result.ok) {
        setReport(result.report);
        setEntries(result.entries);
      } else setNotice({ ok: false, text: result.error });
    })()
      .catch((error: unknown) => setNotice({ ok: false, text: readError('The team data', error) }))
      .finally(() => setBusy(null));
  }, []);

  const importFile = async (file: File | undefined, columns?: { headers: string[]; columns: ColumnMap }) => {
    if (!file || !profile) return;
    performance.mark(IMPORT_MARKS.start);
    const bytes = await file.arrayBuffer();
    const mapping = columns ? toSavedMapping(columns.headers, columns.columns) : undefined;
    const result = await run(`Reading “${file.name}”…`, { kind: 'import', bytes, fileName: file.name, mapping, profile, today }, (r) =>
      `Imported “${file.name}”: ${plural(new Set(r.entries.map((e) => e.person)).size, 'person', 'people')}, ${plural(r.entries.length, 'course row')}.`,
    );
    if (result.ok) {
      setPending(null);
      // After the table has rendered and painted.
      requestAnimationFrame(() => setTimeout(() => performance.mark(IMPORT_MARKS.done)));
    } else if (result.headers && result.columns) setPending({ file, error: result.error, headers: result.headers, columns: result.columns });
    else setNotice({ ok: false, text: result.error });
    announce();
  };

  const applyColumns = async (columns: ColumnMap) => {
    if (!profile) return;
    if (pending) return importFile(pending.file, { headers: pending.headers, columns });
    if (!report) return;
    const result = await run('Applying the columns…', { kind: 'remap', mapping: toSavedMapping(report.headers, columns), profile, today }, () => 'Columns saved and applied.');
    if (!result.ok) setNotice({ ok: false, text: `The columns were not changed. ${result.error}` });
    announce();
  };

  const mark = async (person: string, availability: Availability | null) => {
    await setMark(person, availability);
    setMarks(await listMarks());
  };

  const remove = async () => {
    setConfirming(false);
    try {
      await deleteTeamData();
      setReport(null);
      setEntries([]);
      setMarks(new Map());
      setPending(null);
      setNotice({ ok: true, text: 'Team data deleted from this computer. Your column choices are kept for next time.' });
    } catch (error) {
      // One transaction (utils/team/store.ts): when it fails, everything is still there.
      setNotice({ ok: false, text: `The team data was not deleted (${errorText(error)}). Nothing was changed.` });
    }
    announce();
  };

  const cancelRemove = () => {
    setConfirming(false);
    setNotice({ ok: true, text: 'Nothing was deleted.' });
    announce();
  };

  const shown = useMemo(() => applyMarks(entries, marks), [entries, marks]);
  const people = useMemo(() => new Set(entries.map((e) => e.person)).size, [entries]);
  const mapping = pending ?? (report && { headers: report.headers, columns: report.columns });

  return (
    <section id="team" aria-labelledby="team-heading" data-mtc-section="team">
      <h2 id="team-heading">Team compliance report</h2>
      <p class="muted">
        For line managers. Import the monthly mandatory training compliance report (.xlsx or .csv) to see who needs to complete or renew a course, and
        remind them from your own email. The report stays on this computer, apart from your own training records.
      </p>
      <div class="row">
        <FilePicker
          action="team-import"
          input="team-report"
          disabled={!!busy}
          accept=".xlsx,.xls,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv"
          label="Compliance report to import"
          onPick={(files) => importFile(files[0])}
        >
          {report ? 'Import a newer report…' : 'Import the report…'}
        </FilePicker>
        {report && (
          <button type="button" class="secondary" data-mtc-action="team-delete" aria-expanded={confirming} disabled={!!busy} onClick={() => setConfirming(true)}>
            Delete team data
          </button>
        )}
      </div>
      {report && confirming && (
        <ConfirmDelete id="team-delete" title="Delete the team data?" confirm="Delete the team data" onConfirm={() => void remove()} onCancel={cancelRemove}>
          <p>
            This deletes from this computer the report “{report.fileName}”, imported {formatDate(londonDate(new Date(report.importedAt)))} ({plural(people, 'person', 'people')},{' '}
            {plural(entries.length, 'course row')})
            {marks.size > 0 ? `, and who you marked as working, on leave or not working now (${plural(marks.size, 'person', 'people')})` : ''}. Your column choices are
            kept. The report file itself is not touched: you can import it again{marks.size > 0 ? ', but your marks would have to be made again' : ''}.
          </p>
        </ConfirmDelete>
      )}
      <div aria-live="polite" data-mtc-team-status ref={status} tabIndex={-1}>
        {busy && <p class="muted">{busy}</p>}
        {notice && <p class={notice.ok ? 'ok' : 'error'}>{notice.text}</p>}
        {pending && <p class="error">“{pending.file.name}” was not imported. {pending.error}</p>}
      </div>
      {report && (
        <p data-mtc-team-report>
          Report “{report.fileName}”, imported {formatDate(londonDate(new Date(report.importedAt)))}: {plural(people, 'person', 'people')}, {plural(entries.length, 'course row')}.
        </p>
      )}
      {report && report.unrecognised.length > 0 && (
        <p class="notice" data-mtc-team-unrecognised>
          {plural(report.unrecognised.reduce((n, u) => n + u.rows, 0), 'row')} for courses not in your course list were left out:{' '}
          {report.unrecognised.slice(0, 5).map((u) => `“${u.title}”`).join(', ')}
          {report.unrecognised.length > 5 ? ` and ${report.unrecognised.length - 5} more` : ''}. To include a course, add it with its renewal period in{' '}
          <a href="/options.html" target="_blank">Settings</a>.
        </p>
      )}
      {report && report.warnings.length > 0 && (
        <details>
          <summary>Problems reading some rows ({report.warnings.length})</summary>
          <ul>
            {report.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
      {mapping && <ColumnMapping headers={mapping.headers} columns={mapping.columns} open={!!pending} disabled={!!busy} onApply={(c) => void applyColumns(c)} />}
      {profile && report && <TeamView entries={shown} profile={profile} today={today} onMark={(p, a) => void mark(p, a)} />}
    </section>
  );
}
