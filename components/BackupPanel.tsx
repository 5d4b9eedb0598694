import { useEffect, useRef, useState } from 'preact/hooks';
import { applyRestore, createBackup, prepareRestore, readBackupFile, RestoreUnfinishedError, type PreparedRestore } from '@/utils/backup/store';
import { BackupError } from '@/utils/backup/format';
import { storeWords } from '@/utils/backup/checks';
import { recoverRestore, restoreOutcomeText, takeRestoreOutcome } from '@/utils/backup/journal';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { broadcast } from '@/utils/data/send';
import { storageEstimate, type StorageUse } from '@/utils/store/quota';
import { downloadBlob } from './download';
import { StorageNotice } from './StorageNotice';
import { FilePicker } from './FilePicker';
import { errorText } from '@/utils/errors';

type Status = { ok: boolean; text: string } | null;

const count = (n: number) => n.toLocaleString('en-GB');
const when = (iso: string | Date) => new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }) : null);

function summary(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([store, n]) => `${count(n)} ${n === 1 ? storeWords(store).one : storeWords(store).plural.toLowerCase().replace(/ \(.*\)$/, '')}`);
  return parts.length ? parts.join(', ') : 'no data yet, only your settings';
}

/** What the restore deletes: everything held now, counted in the same words as a backup's contents. */
function heldNow(prepared: PreparedRestore): string {
  const held = prepared.preview.filter((row) => row.now > 0);
  return held.length ? `${summary(Object.fromEntries(held.map((row) => [row.store, row.now])))}, and your settings` : 'your settings';
}

function settingsWords(prepared: PreparedRestore): string {
  const profile = prepared.profile ? `${prepared.profile.organisation}, ${prepared.profile.courses.length} courses` : `the ${UCL_PROFILE.organisation} defaults`;
  const others = Object.keys(prepared.settings).length;
  return others ? `${profile}, and ${others} other setting${others === 1 ? '' : 's'}` : profile;
}

function message(error: unknown): string {
  if (error instanceof BackupError) return error.message;
  return `Something went wrong: ${errorText(error)}.`;
}

/**
 * Backup and restore on the settings page. A backup is one file with everything the extension keeps;
 * a restore shows what it would replace and waits for the user to confirm.
 */
export function BackupPanel({ onRestored }: { onRestored?: () => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [pending, setPending] = useState<{ fileName: string; prepared: PreparedRestore } | null>(null);
  const [use, setUse] = useState<StorageUse | null>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const statusBox = useRef<HTMLDivElement>(null);

  useEffect(() => void storageEstimate().then(setUse).catch(() => undefined), []);
  // A restore cut short last time (this page closed half-way) is finished or undone now, and said so.
  useEffect(() => {
    void recoverRestore(new Date(), { wait: true })
      .then(takeRestoreOutcome)
      .then((outcome) => {
        if (!outcome) return;
        setStatus({ ok: outcome.outcome === 'finished', text: restoreOutcomeText(outcome) });
        broadcast('records-changed');
        broadcast('profile-changed');
        if (outcome.outcome === 'finished') onRestored?.();
      })
      .catch((error: unknown) => setStatus({ ok: false, text: `An interrupted restore could not be checked: ${message(error)}` }));
  }, []);
  // Keyboard and screen-reader users land on the question they now have to answer.
  useEffect(() => previewHeading.current?.focus(), [pending]);

  const run = async (label: string, work: () => Promise<Status>) => {
    setBusy(label);
    setStatus(null);
    let done: Status = null;
    try {
      done = await work();
    } catch (error) {
      done = { ok: false, text: message(error) };
    } finally {
      setStatus(done);
      setBusy(null);
      // After a backup or a restore, focus moves to what came of it (the buttons were disabled meanwhile).
      if (done) statusBox.current?.focus();
      setUse(await storageEstimate().catch(() => null));
    }
  };

  const backUp = () =>
    run('Making the backup…', async () => {
      const backup = await createBackup();
      downloadBlob(new Blob([backup.zip as BlobPart], { type: 'application/zip' }), backup.fileName);
      const leftOut = backup.leftOut.length ? ` Left out, because a restore would refuse them: ${backup.leftOut.join('; ')}.` : '';
      return { ok: true, text: `Downloaded ${backup.fileName}: ${summary(backup.counts)}. Keep it somewhere safe: it holds your certificates and your name.${leftOut}` };
    });

  const pick = (file: File | undefined) =>
    file &&
    run('Checking the backup…', async () => {
      setPending(null);
      try {
        const prepared = await prepareRestore(await readBackupFile(file));
        setPending({ fileName: file.name, prepared });
        return null;
      } catch (error) {
        return { ok: false, text: `“${file.name}” was not restored. ${message(error)} Nothing was changed.` };
      }
    });

  const confirm = () =>
    pending &&
    run('Restoring…', async () => {
      const { fileName, prepared } = pending;
      try {
        await applyRestore(prepared, fileName);
      } catch (error) {
        if (error instanceof RestoreUnfinishedError) return { ok: false, text: `“${fileName}”: ${error.message}` };
        return { ok: false, text: `“${fileName}” was not restored. ${message(error)}` };
      } finally {
        setPending(null);
      }
      // The toolbar badge and open pages recompute from the restored data.
      broadcast('records-changed');
      broadcast('profile-changed');
      onRestored?.();
      return { ok: true, text: `Restored “${fileName}” (made ${when(prepared.createdAt)}).` };
    });

  const cancel = () => {
    setPending(null);
    setStatus({ ok: true, text: 'Restore cancelled. Nothing was changed.' });
    statusBox.current?.focus();
  };

  return (
    <section aria-labelledby="backup-heading" data-mtc-section="backup" data-mtc-storage-read={use ? 'yes' : undefined}>
      <h2 id="backup-heading">Backup and restore</h2>
      <p class="muted">
        A backup is one file holding everything this extension keeps on this computer: training records, evidence files, settings and the rest.
        Make one before you change computer or reinstall Chrome. It stays with you: nothing is sent anywhere.
      </p>
      <StorageNotice use={use} />
      <div class="row">
        <button type="button" data-mtc-action="backup" disabled={!!busy} onClick={() => void backUp()}>Back up everything</button>
        <FilePicker secondary action="restore" input="backup" disabled={!!busy} accept=".zip,application/zip" label="Backup file to restore" onPick={(files) => pick(files[0])}>
          Restore from a backup…
        </FilePicker>
      </div>
      <div aria-live="polite" data-mtc-backup-status ref={statusBox} tabIndex={-1}>
        {busy && <p class="muted">{busy}</p>}
        {status && <p class={status.ok ? 'ok' : 'error'} data-mtc-backup-result={status.ok ? 'ok' : 'error'}>{status.text}</p>}
      </div>
      {pending && (
        <div class="notice" data-mtc-restore-preview>
          <h3 id="restore-heading" ref={previewHeading} tabIndex={-1}>Restore “{pending.fileName}”?</h3>
          <p style={{ margin: '0 0 6px' }}>
            This backup was made on {when(pending.prepared.createdAt)}. Restoring <strong>replaces everything held now</strong> with what it holds:
          </p>
          <table>
            <caption class="visually-hidden">What the restore replaces</caption>
            <thead>
              <tr><th scope="col">What</th><th scope="col">Held now</th><th scope="col">In the backup</th></tr>
            </thead>
            <tbody>
              {pending.prepared.preview.map((row) => (
                <tr key={row.store} data-mtc-restore-row={row.store}>
                  <th scope="row" style={{ fontWeight: 400 }}>{row.label}</th>
                  <td>{count(row.now)}{row.newestNow && ` (latest ${day(row.newestNow)})`}</td>
                  <td>{count(row.inBackup)}{row.newestInBackup && ` (latest ${day(row.newestInBackup)})`}</td>
                </tr>
              ))}
              <tr data-mtc-restore-row="settings">
                <th scope="row" style={{ fontWeight: 400 }}>Settings (organisation, courses, time log)</th>
                <td>as set now</td>
                <td>{settingsWords(pending.prepared)}</td>
              </tr>
            </tbody>
          </table>
          <p data-mtc-restore-loses>
            What this computer holds now is deleted and replaced: {heldNow(pending.prepared)}. Cancel changes nothing. If you are unsure, back up what you have now first.
          </p>
          <div class="row">
            <button type="button" class="secondary" data-mtc-action="backup-first" disabled={!!busy} onClick={() => void backUp()}>Back up what I have now first</button>
            <button type="button" data-mtc-action="restore-confirm" disabled={!!busy} onClick={() => void confirm()}>Replace everything with this backup</button>
            <button type="button" class="secondary" data-mtc-action="restore-cancel" disabled={!!busy} onClick={cancel}>Cancel</button>
          </div>
        </div>
      )}
    </section>
  );
}
