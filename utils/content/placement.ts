// Where an alert goes. In the DOM: early in the page's tab order (after its skip link, else first in
// <body>), so a keyboard user reaches it within a few Tab presses. On screen: a fixed corner card clear of
// the page's own sign-in controls: it tries the four corners and takes the first whose rectangle meets no
// visible form control of the page, else narrows it into the wider margin beside them. Layout is read
// once, when shown.
import { firstTabStop, isSkipLink } from './focus';

type Corner = { top?: string; bottom?: string; left?: string; right?: string };

const CORNERS: Corner[] = [
  { bottom: '16px', right: '16px' },
  { bottom: '16px', left: '16px' },
  { top: '16px', right: '16px' },
  { top: '16px', left: '16px' },
];

/** What a user signs in with: fields, buttons, and Microsoft's account tiles. */
const CONTROLS = 'input:not([type="hidden"]), button, select, textarea, [role="button"], [data-test-id], a[id]';

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function pageControls(host: Element): DOMRect[] {
  const rects: DOMRect[] = [];
  for (const el of document.querySelectorAll(CONTROLS)) {
    if (host.contains(el) || el.closest('[data-mtc]')) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width > 0 && rect.height > 0) rects.push(rect);
  }
  return rects;
}

/** Moves the (already mounted) host to a corner clear of the page's controls, if there is one. */
export function placeClearOfControls(host: HTMLElement): void {
  const controls = pageControls(host);
  if (!controls.length) return;
  for (const corner of CORNERS) {
    Object.assign(host.style, { top: corner.top ?? 'auto', bottom: corner.bottom ?? 'auto', left: corner.left ?? 'auto', right: corner.right ?? 'auto' });
    const rect = host.getBoundingClientRect();
    if (!controls.some((c) => overlaps(rect, c))) return;
  }
  // No corner is clear at full width (a smaller window): narrow the card into the wider side margin.
  const left = Math.min(...controls.map((c) => c.left));
  const right = Math.max(...controls.map((c) => c.right));
  const freeLeft = left - 32;
  const freeRight = window.innerWidth - right - 32;
  if (Math.max(freeLeft, freeRight) >= MIN_WIDTH) {
    const onRight = freeRight >= freeLeft;
    Object.assign(host.style, {
      width: `${Math.min(380, Math.floor(onRight ? freeRight : freeLeft))}px`,
      top: 'auto',
      bottom: '16px',
      left: onRight ? 'auto' : '16px',
      right: onRight ? '16px' : 'auto',
    });
    return;
  }
  // Nowhere is clear (a very small window): the usual corner, where it can be dismissed.
  Object.assign(host.style, { top: 'auto', left: 'auto', bottom: '16px', right: '16px' });
}

/** Narrower than this, the steps wrap into a column too tall to read. */
const MIN_WIDTH = 220;

/** A skip link inside these would make our host invalid content for them: the host goes first in <body> instead. */
const STRICT_PARENTS = /^(UL|OL|DL|MENU|TABLE|THEAD|TBODY|TFOOT|TR|SELECT)$/;

/** `position: fixed` inside this element is fixed to it, not to the window (a transform, filter or containment). */
function confinesFixed(el: Element): boolean {
  const s = getComputedStyle(el);
  return (
    [s.transform, s.perspective, s.filter, s.backdropFilter].some((v) => v && v !== 'none') ||
    /paint|layout|strict|content|transform|perspective|filter|size/.test(`${s.contain} ${s.willChange} ${s.containerType}`)
  );
}

/** Puts the host early in the tab order: right after the page's skip link, else first in <body>. */
function insertEarly(host: HTMLElement): void {
  const body = document.body;
  if (!body) return void document.documentElement.append(host);
  const first = firstTabStop();
  if (first && isSkipLink(first) && body.contains(first) && !STRICT_PARENTS.test(first.parentElement?.tagName ?? '')) first.after(host);
  else body.prepend(host);
  // Still first in the tab order, but outside whatever would pin the card to a part of the page.
  for (let el = host.parentElement; el && el !== document.documentElement; el = el.parentElement) {
    if (confinesFixed(el)) return void document.documentElement.insertBefore(host, body);
  }
}

/** A page that redraws its body would take the alert with it: put back this many times at most. */
const MAX_REMOUNTS = 3;

/**
 * Mounts the alert host early in the tab order and in a corner clear of the page's controls, and puts it
 * back if the page redraws over it. Returns the function that stops watching (call it on dismiss).
 */
export function mountAlert(host: HTMLElement): () => void {
  const mount = () => {
    insertEarly(host);
    placeClearOfControls(host);
  };
  mount();
  let remounts = 0;
  const observer = new MutationObserver(() => {
    if (host.isConnected || remounts++ >= MAX_REMOUNTS) return;
    mount();
    watch();
  });
  const watch = () => {
    for (const target of [document.documentElement, document.body, host.parentElement]) if (target) observer.observe(target, { childList: true });
  };
  watch();
  return () => observer.disconnect();
}
