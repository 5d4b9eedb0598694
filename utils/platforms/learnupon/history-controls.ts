// The dashboard's "Download training history" button (top right, per the FAQ) and the link the portal
// shows once the file is ready.
import { createTextReader, isSkipped, type TextReader } from '@/utils/dom/text';
import { hrefOf, pathOf } from './links';
import { LU_SELECTORS as S, TRAINING_HISTORY_BUTTON, TRAINING_HISTORY_FILE, TRAINING_HISTORY_LINK_TEXT, normalise } from './selectors';

function controlText(el: Element, read: TextReader): string {
  return normalise([read.clean(el), el.getAttribute('value') ?? '', el.getAttribute('aria-label') ?? ''].join(' '));
}

export function findTrainingHistoryButton(root: ParentNode): HTMLElement | null {
  const read = createTextReader();
  const all = Array.from(root.querySelectorAll<HTMLElement>(S.buttons)).filter((el) => !isSkipped(el));
  return all.find((el) => TRAINING_HISTORY_BUTTON.test(controlText(el, read))) ?? null;
}

/** An .xlsx address, or words saying it is the history. */
export function findTrainingHistoryLink(root: ParentNode): HTMLAnchorElement | null {
  const read = createTextReader();
  const links = Array.from(root.querySelectorAll<HTMLAnchorElement>(S.links)).filter((a) => !isSkipped(a) && hrefOf(a));
  return (
    links.find((a) => TRAINING_HISTORY_FILE.test(pathOf(hrefOf(a)!))) ??
    links.find((a) => {
      const text = controlText(a, read);
      return TRAINING_HISTORY_LINK_TEXT.test(text) && !TRAINING_HISTORY_BUTTON.test(text);
    }) ??
    null
  );
}
