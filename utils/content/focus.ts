// The page's tab stops, read from the DOM as a keyboard user meets them: where our in-page UI goes in the
// tab order, and where focus goes back to when it closes. Structure only, never a site's class or id.

const CANDIDATES = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, iframe, summary, [tabindex], [contenteditable=""], [contenteditable="true"]';

/** A Tab press can land on it: focusable, in the tab order, rendered and not ours. */
export function isTabStop(el: Element | null): el is HTMLElement {
  if (!(el instanceof HTMLElement) || el.tabIndex < 0 || (el as HTMLButtonElement).disabled) return false;
  if (el.closest('[inert], [data-mtc], [hidden]')) return false;
  return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
}

/** The first tab stop of the page: where the first Tab press goes. */
export function firstTabStop(): HTMLElement | null {
  for (const el of document.querySelectorAll(CANDIDATES)) if (isTabStop(el)) return el;
  return null;
}

/** A link to a place on this same page ("Skip to main content"), which by convention comes first. */
export function isSkipLink(el: Element): el is HTMLAnchorElement {
  if (!(el instanceof HTMLAnchorElement) || el.hash.length < 2 || el.href.split('#')[0] !== location.href.split('#')[0]) return false;
  const id = decodeURIComponent(el.hash.slice(1));
  return !!(document.getElementById(id) ?? document.getElementsByName(id)[0]);
}

/** The tab stop a keyboard user would reach next from `node`'s place (or the one before, if none follows). */
export function tabStopBeside(node: Node): HTMLElement | null {
  const all = [...document.querySelectorAll(CANDIDATES)].filter((el) => !node.contains(el));
  const after = all.findIndex((el) => node.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  const next = all.slice(after < 0 ? all.length : after).find(isTabStop);
  return next ?? all.slice(0, after < 0 ? all.length : after).reverse().find(isTabStop) ?? null;
}

/**
 * Gives focus back to the page as `host` closes: to `cameFrom` (where it was before it entered), else to
 * the tab stop beside where `host` sits, so the next Tab carries on from there and not from the page start.
 */
export function giveFocusBack(host: HTMLElement, cameFrom: HTMLElement | null): void {
  for (const target of [cameFrom, tabStopBeside(host)]) {
    if (!target?.isConnected || host.contains(target)) continue;
    target.focus();
    if (document.activeElement === target) return;
  }
}
