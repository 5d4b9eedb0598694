import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { createBackup } from '@/utils/backup/store';
import { errorText } from '@/utils/errors';
import { downloadBlob } from '../download';

interface Props {
  /** `data-mtc-confirm` of the panel; its buttons are `<id>-confirm` and `<id>-cancel` (`data-mtc-action`). */
  id: string;
  /** The question, e.g. “Delete the team data?”. */
  title: string;
  /** What will be lost, in words, with the numbers. */
  children: ComponentChildren;
  /** The confirm button's words, which say again what it deletes. */
  confirm: string;
  /** Another way to keep a copy first (a timesheet download, say), beside the full backup. */
  extra?: ComponentChildren;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Nothing precious on one click: the question before a deletion, naming what will be lost, with a
 * backup to make first (the settings page restores it). Focus goes to the question when it opens;
 * Escape cancels.
 */
export function ConfirmDelete(props: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const result = useRef<HTMLParagraphElement>(null);
  const [backup, setBackup] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => void (backup && result.current?.focus()), [backup]);

  const backUp = async () => {
    setBusy(true);
    try {
      const made = await createBackup();
      downloadBlob(new Blob([made.zip as BlobPart], { type: 'application/zip' }), made.fileName);
      setBackup({ ok: true, text: `Downloaded ${made.fileName}, a backup of everything this extension keeps. To get it all back later: Settings, “Restore from a backup…”.` });
    } catch (error) {
      setBackup({ ok: false, text: `The backup could not be made: ${errorText(error)}. Nothing was deleted.` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      class="confirm"
      role="group"
      aria-labelledby={`${props.id}-heading`}
      data-mtc-confirm={props.id}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onCancel();
        }
      }}
    >
      <h3 id={`${props.id}-heading`} ref={heading} tabIndex={-1}>
        {props.title}
      </h3>
      {props.children}
      <p>This cannot be undone. Cancel changes nothing.</p>
      <div class="row">
        <button type="button" class="secondary" data-mtc-action="backup-first" disabled={busy} onClick={() => void backUp()}>
          Back up everything first
        </button>
        {props.extra}
      </div>
      {backup && (
        <p ref={result} tabIndex={-1} class={backup.ok ? 'ok' : 'error'} data-mtc-backup-first={backup.ok ? 'ok' : 'error'}>
          {backup.text}
        </p>
      )}
      <div class="row" style={{ marginTop: '8px' }}>
        <button type="button" class="danger" data-mtc-action={`${props.id}-confirm`} disabled={busy} onClick={props.onConfirm}>
          {props.confirm}
        </button>
        <button type="button" class="secondary" data-mtc-action={`${props.id}-cancel`} onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
