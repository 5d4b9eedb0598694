import { useEffect, useRef } from 'preact/hooks';
import type { EvidenceItem } from '@/utils/data/evidence';
import { MEDIA_TYPES, sniffKind } from '@/utils/bytes';
import { downloadBlob } from './download';

/**
 * What "Preview" may show, by the file's own bytes (utils/bytes.ts `sniffKind`), never by the type it
 * was stored with: PNG and JPEG pictures are shown here as an image (an <img> runs no script), PDFs are
 * saved as a download for the computer's PDF reader. Anything else (a web page or SVG restored from a
 * crafted backup, say) is never opened: no file is ever shown as a page of the extension.
 */
export async function previewKind(item: Pick<EvidenceItem, 'data'>): Promise<'png' | 'jpeg' | 'pdf' | null> {
  const kind = sniffKind(new Uint8Array(await item.data.slice(0, 1024).arrayBuffer()));
  return kind === 'png' || kind === 'jpeg' || kind === 'pdf' ? kind : null;
}

export type PreviewOutcome = { shown: true } | { saved: string } | { refused: string };

/** Opens a preview for `item`: an image in the dialog, a PDF as a download; says what it did. */
export async function openPreview(item: EvidenceItem, show: (url: string, name: string) => void): Promise<PreviewOutcome> {
  const kind = await previewKind(item);
  if (!kind) return { refused: `“${item.name}” is not a PDF or a picture, so it is not opened.` };
  // A fresh Blob of the sniffed type: the stored type is not trusted.
  const blob = new Blob([await item.data.arrayBuffer()], { type: MEDIA_TYPES[kind] });
  if (kind === 'pdf') {
    const name = /\.pdf$/i.test(item.name) ? item.name : `${item.name}.pdf`;
    downloadBlob(blob, name.replace(/[\\/:*?"<>|]+/g, '-'));
    return { saved: `Saved “${name}” to your Downloads: open it from there to view it.` };
  }
  show(URL.createObjectURL(blob), item.name);
  return { shown: true };
}

/** The image preview: a modal dialog (Escape closes it) that gives focus back where it was. */
export function ImageDialog({ image, onClose }: { image: { url: string; name: string } | null; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!image) return;
    returnTo.current = document.activeElement as HTMLElement | null;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => URL.revokeObjectURL(image.url);
  }, [image]);
  if (!image) return null;
  const close = () => {
    ref.current?.close();
    onClose();
    returnTo.current?.focus();
  };
  return (
    <dialog ref={ref} aria-labelledby="preview-title" onClose={close} data-mtc-preview="image">
      <h2 id="preview-title" style={{ marginTop: 0 }}>{image.name}</h2>
      <img src={image.url} alt={`Preview of ${image.name}`} />
      <button type="button" onClick={close}>Close</button>
    </dialog>
  );
}
