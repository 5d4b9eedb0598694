import { useEffect, useRef, useState } from 'preact/hooks';
import { hostOf } from './host';
import type { EvidenceItem } from '@/utils/store/db';
import { addEvidence, deleteEvidence, renameEvidence, restoreEvidence, StorageFullError, storageUse } from '@/utils/store/evidence';
import { collectFromSite, type CollectSite } from '@/utils/evidence/collect-client';
import { checkEvidenceFile, importCollected, importHistoryFile, type ImportOutcome } from '@/utils/evidence/locker';
import { broadcast } from '@/utils/data/send';
import { keepLockerRun } from '@/utils/evidence/flow-collect';
import { formatDate } from '@/utils/dates/calendar';
import type { Overview } from './useOverview';
import { StorageNotice } from './StorageNotice';
import { FilePicker } from './FilePicker';
import { errorText } from '@/utils/errors';
import { useLockerItems } from './useStored';
import { ImageDialog, openPreview } from './Preview';
import { CellLabel } from './CellLabel';

/** Rows drawn at first: hundreds of items with three buttons each made the panel slow to open. */
const LIST_PAGE = 50;

const KIND_WORDS: Record<EvidenceItem['kind'], string> = { certificate: 'Certificate', screenshot: 'Screenshot', history: 'Training history', other: 'Image' };

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function describeError(error: unknown): string {
  if (error instanceof StorageFullError) return error.message;
  return errorText(error);
}

/** The evidence locker: what is kept, where it came from, and ways to add more. */
export function EvidenceLocker({ overview, onChanged }: { overview: Overview; onChanged: () => void }) {
  const { value, error: readFailed, reload } = useLockerItems();
  const items = value ?? [];
  const [use, setUse] = useState<{ usage: number; quota: number } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [undo, setUndo] = useState<EvidenceItem | null>(null);
  const [course, setCourse] = useState('');
  const [external, setExternal] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const [image, setImage] = useState<{ url: string; name: string } | null>(null);
  // Where focus goes after an action: its result (issue 13: never back to the top of the page).
  const status = useRef<HTMLDivElement>(null);
  const [focusStatus, setFocusStatus] = useState(0);
  useEffect(() => void (focusStatus && status.current?.focus()), [focusStatus]);

  const refresh = async () => {
    await reload();
    setUse(await storageUse().catch(() => null));
  };
  useEffect(() => void storageUse().then(setUse, () => setUse(null)), [items.length]);

  const run = async (label: string, work: () => Promise<ImportOutcome>) => {
    setBusy(label);
    setOutcome(null);
    setUndo(null);
    try {
      setOutcome(await work());
    } catch (error) {
      setOutcome({ done: [], problems: [describeError(error)] });
    } finally {
      setBusy(null);
      await refresh();
      broadcast('evidence-changed');
      onChanged();
      setFocusStatus((n) => n + 1);
    }
  };

  const fetchFrom = (site: CollectSite) =>
    run(site === 'learnupon' ? 'Fetching from LearnUpon…' : 'Fetching from CybSafe…', async () => {
      const history = site === 'learnupon';
      const outcome = await importCollected(await collectFromSite(site, overview.profile, { history }), overview.profile);
      if (outcome.personChanged) broadcast('person-changed');
      await keepLockerRun(site, history, outcome).catch(() => undefined);
      return outcome;
    });

  const importHistory = (file: File | undefined) =>
    file && run('Reading the training history…', async () => importHistoryFile(new Uint8Array(await file.arrayBuffer()), file.name, '', overview.profile));

  const addFiles = (files: FileList | File[] | null | undefined) =>
    files?.length &&
    run('Adding files…', async () => {
      const done: string[] = [];
      const problems: string[] = [];
      for (const file of files) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const check = checkEvidenceFile(bytes);
        if ('error' in check) {
          problems.push(`${file.name}: ${check.error}`);
          continue;
        }
        await addEvidence([{ kind: check.kind, course: course || null, completedOn: null, name: file.name.slice(0, 300), contentType: check.contentType, sourceUrl: '', countsForCompliance: !external, data: new Blob([bytes], { type: check.contentType }) }]);
        done.push(`${file.name} added${external ? ` (marked as not counting for ${overview.profile.organisation} compliance)` : ''}.`);
      }
      return { done, problems };
    });

  const remove = async (item: EvidenceItem) => {
    setOutcome(null);
    try {
      const removed = await deleteEvidence(item.id);
      setUndo(removed ?? null);
    } catch (error) {
      setOutcome({ done: [], problems: [`“${item.name}” was not deleted: ${describeError(error)}`] });
    }
    await refresh();
    broadcast('evidence-changed');
    // The row is gone: focus moves to the message, and Undo is the next Tab stop after it.
    setFocusStatus((n) => n + 1);
  };

  const restore = async (item: EvidenceItem) => {
    await restoreEvidence(item);
    setUndo(null);
    setOutcome({ done: [`“${item.name}” is back in your evidence locker.`], problems: [] });
    await refresh();
    broadcast('evidence-changed');
    setFocusStatus((n) => n + 1);
  };

  const rename = async (item: EvidenceItem) => {
    const name = window.prompt('New name for this item', item.name)?.trim();
    if (name) await renameEvidence(item.id, name.slice(0, 200));
    await refresh();
  };

  const preview = async (item: EvidenceItem) => {
    setOutcome(null);
    const result = await openPreview(item, (url, name) => setImage({ url, name })).catch((error: unknown) => ({ refused: `It could not be opened: ${errorText(error)}` }));
    if ('saved' in result) setOutcome({ done: [result.saved], problems: [] });
    if ('refused' in result) setOutcome({ done: [], problems: [result.refused] });
    if (!('shown' in result)) setFocusStatus((n) => n + 1);
  };

  return (
    <section aria-labelledby="locker-heading" data-mtc-section="locker">
      <h2 id="locker-heading">Evidence locker</h2>
      <div class="row">
        <button type="button" data-mtc-action="fetch-learnupon" disabled={!!busy} onClick={() => void fetchFrom('learnupon')}>Fetch my training history and certificates</button>
        <button type="button" class="secondary" data-mtc-action="fetch-cybsafe" disabled={!!busy} onClick={() => void fetchFrom('cybsafe')}>Fetch my CybSafe certificate</button>
      </div>
      <p class="muted">These use your open LearnUpon or CybSafe session in a tab; you stay signed in as you are. Nothing is sent anywhere.</p>
      <div class="row">
        <FilePicker secondary input="history" disabled={!!busy} accept=".xlsx,.xls,.csv" label="Training history file" onPick={(files) => importHistory(files[0])}>
          Import a training history file…
        </FilePicker>
      </div>
      <div
        class="drop"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          void addFiles(e.dataTransfer?.files);
        }}
      >
        <p style={{ margin: '0 0 6px' }}>Add a certificate or screenshot you already have (PDF, PNG or JPEG): drop it here or pick it.</p>
        <label for="locker-course">Course</label>
        <select id="locker-course" value={course} onChange={(e) => setCourse(e.currentTarget.value)}>
          <option value="">Not a listed course (e.g. role-specific)</option>
          {overview.profile.courses.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
        </select>
        <div class="check">
          <input type="checkbox" id="locker-external" checked={external} onChange={(e) => setExternal(e.currentTarget.checked)} />
          <label for="locker-external">From MyLearning, Moodle or an NHS trust (kept for you; does not count for {overview.profile.organisation})</label>
        </div>
        <div class="row" style={{ marginTop: '6px' }}>
          <FilePicker secondary multiple input="evidence" disabled={!!busy} accept="application/pdf,image/png,image/jpeg" label="Evidence files" onPick={addFiles}>
            Choose files…
          </FilePicker>
        </div>
      </div>
      {readFailed && <p class="error">{readFailed}</p>}
      <div aria-live="polite" data-mtc-locker-status ref={status} tabIndex={-1}>
        {busy && <p class="muted">{busy}</p>}
        {outcome?.done.map((t) => <p class="ok" key={t}>{t}</p>)}
        {outcome?.problems.map((t) => <p class="error" key={t}>{t}</p>)}
        {undo && (
          <p class="notice" data-mtc-undo>
            Deleted “{undo.name}”.{' '}
            <button type="button" class="secondary" data-mtc-action="undo-delete" onClick={() => void restore(undo)}>Undo<span class="visually-hidden"> deleting {undo.name}</span></button>
          </p>
        )}
      </div>
      {items.length ? (
        <table data-mtc-list="evidence" class="cards">
          <caption class="visually-hidden">Evidence kept</caption>
          <thead>
            <tr><th scope="col">Item</th><th scope="col">Course</th><th scope="col">Date</th><th scope="col">Source</th><th scope="col">Size</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {(showAll ? items : items.slice(0, LIST_PAGE)).map((item) => (
              <tr key={item.id} data-mtc-evidence-kind={item.kind}>
                <td>{KIND_WORDS[item.kind]}: {item.name}{!item.countsForCompliance && <span class="muted"> (does not count for {overview.profile.organisation})</span>}</td>
                <td><CellLabel>Course</CellLabel><span>{item.course ?? '—'}</span></td>
                <td><CellLabel>Date</CellLabel><span>{item.completedOn ? formatDate(item.completedOn) : new Date(item.addedAt).toLocaleDateString('en-GB')}</span></td>
                <td><CellLabel>Source</CellLabel><span>{item.sourceUrl ? hostOf(item.sourceUrl, item.sourceUrl.slice(0, 40)) : 'Added by you'}</span></td>
                <td><CellLabel>Size</CellLabel><span>{formatSize(item.size)}</span></td>
                <td>
                  <div class="row">
                    {item.kind !== 'history' && (
                      <button type="button" class="secondary" data-mtc-action="preview" onClick={() => void preview(item)}>Preview<span class="visually-hidden"> {item.name}</span></button>
                    )}
                    <button type="button" class="secondary" onClick={() => void rename(item)}>Rename<span class="visually-hidden"> {item.name}</span></button>
                    <button type="button" class="secondary" data-mtc-action="delete-evidence" onClick={() => void remove(item)}>Delete<span class="visually-hidden"> {item.name}</span></button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">No evidence kept yet.</p>
      )}
      {!showAll && items.length > LIST_PAGE && (
        <p class="row">
          <span class="muted">Showing the {LIST_PAGE} newest of {items.length} items.</span>
          <button type="button" class="secondary" data-mtc-action="show-all-evidence" onClick={() => setShowAll(true)}>Show all {items.length}</button>
        </p>
      )}
      {use && <p class="muted">Storage used: {formatSize(use.usage)}{use.quota ? ` of ${formatSize(use.quota)} available` : ''}.</p>}
      <StorageNotice use={use} />
      <ImageDialog image={image} onClose={() => setImage(null)} />
    </section>
  );
}
