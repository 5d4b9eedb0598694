// Whether the page changed since a feature last looked at it, so a look at an unchanged page can be
// skipped (issue 15: the doctor reads the whole page's text on each look). One MutationObserver per
// script, off whenever it has nothing to tell: it disconnects at the first change it sees and connects
// again when asked, so a page nobody asks about any more costs nothing. Our own UI (data-mtc, its shadow
// roots) is not the page: badges and alerts coming and going never count as a change.
import { OURS_ATTRIBUTE } from '@/utils/dom/text';

const ELEMENT_NODE = 1;

interface Watch {
  observer: MutationObserver;
  target: Node;
  /** Connected, and nothing of the page changed since. */
  watching: boolean;
  /** Removes the listeners for what a user types (a field's value is no attribute: no mutation says it changed). */
  typing: AbortController;
  version: number;
}

const watches = new WeakMap<Node, Watch>();

function ours(node: Node | null): boolean {
  const el = node && (node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement);
  return !!el?.closest(`[${OURS_ATTRIBUTE}]`);
}

function onlyOurs(nodes: NodeList): boolean {
  for (const n of nodes) if (n.nodeType !== ELEMENT_NODE || !(n as Element).hasAttribute(OURS_ATTRIBUTE)) return false;
  return true;
}

/** A change of the page itself: not inside our UI, not only our own hosts added or removed. */
export function isPageChange(record: MutationRecord): boolean {
  // Our hosts coming and going (badges drawn again after a redraw, a hundred at a time): told without a walk.
  // A removed node is detached: its own attribute says whether it was ours.
  if (record.type === 'childList' && record.addedNodes.length + record.removedNodes.length > 0 && onlyOurs(record.addedNodes) && onlyOurs(record.removedNodes)) return false;
  return !ours(record.target);
}

const OPTIONS: MutationObserverInit = { subtree: true, childList: true, characterData: true, attributes: true };

function changed(watch: Watch): void {
  watch.version++;
  watch.watching = false;
  watch.observer.disconnect();
  watch.typing.abort();
}

/**
 * A number that grows when the page under `root` changes (its text, elements, attributes or what is typed
 * in its fields; not our own UI): two looks that get the same number saw the same page. The first call
 * starts watching.
 */
export function pageVersion(root: Node = document): number {
  let watch = watches.get(root);
  if (!watch) {
    const observer = new MutationObserver((records) => {
      if (watch!.watching && records.some(isPageChange)) changed(watch!);
    });
    watch = { observer, target: root, watching: false, version: 0, typing: new AbortController() };
    watches.set(root, watch);
  }
  // Changes not yet delivered to the callback (made in this task) count too.
  if (watch.watching && watch.observer.takeRecords().some(isPageChange)) changed(watch);
  if (!watch.watching) {
    const w = watch;
    w.observer.observe(w.target, OPTIONS);
    w.typing = new AbortController();
    for (const type of ['input', 'change'] as const) w.target.addEventListener(type, () => changed(w), { capture: true, signal: w.typing.signal });
    w.watching = true;
  }
  return watch.version;
}

/**
 * `read(root)`, read again only when the page or its address changed since the last reading: the features
 * of one script that read the same thing (the doctor and the account it shares) read it once.
 */
export function readWhenChanged<T>(read: (root: ParentNode) => T): (root: ParentNode) => T {
  let last: { root: ParentNode; version: number; url: string; value: T } | null = null;
  return (root) => {
    const version = pageVersion(root as Node);
    const url = location.href;
    if (last && last.root === root && last.version === version && last.url === url) return last.value;
    const value = read(root);
    // The version read before reading: a change made while reading makes the next call read again.
    last = { root, version, url, value };
    return value;
  };
}
