// Small DOM probes shared by the detectors and the CybSafe reader. Text is read through text nodes
// (never innerHTML), and matching is tolerant because the sites reword, restyle and switch between curly
// and straight quotes. Each probe walks the tree once: pages like the LearnUpon dashboard have thousands
// of elements, and asking every element for its whole text would be quadratic.

const SPACES = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]+/g;

/** Lower case, straight quotes, single spaces: so "You Can’t  sign in" and "you can't sign in" compare equal. */
export function normalizeText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(SPACES, ' ')
    .trim()
    .toLowerCase();
}

/** Text that is never shown: real sign-in pages carry whole error catalogues inside inline scripts. */
const NEVER_SHOWN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

function isNeverShown(el: Element): boolean {
  return NEVER_SHOWN.has(el.tagName.toUpperCase());
}

/** The element's own markup hides it (not its ancestors'). */
function hidesItself(el: Element): boolean {
  if (isNeverShown(el) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = (el.getAttribute('style') ?? '').toLowerCase().replace(/\s/g, '');
  return style.includes('display:none') || style.includes('visibility:hidden');
}

/**
 * True when the element (or an ancestor) is out of sight by markup alone. No computed style: the probes
 * must work on detached fixtures too, and pages hide error slots with `hidden`/`display:none` inline.
 */
export function isHiddenByMarkup(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) if (hidesItself(node)) return true;
  return false;
}

function startOf(root: ParentNode): Element | null {
  const node = root as Node;
  if (node.nodeType === 9) return (root as Document).documentElement;
  if (node.nodeType === 1) return root as Element;
  return null; // a DocumentFragment: walk its children
}

/** Children of a Document/DocumentFragment root, or the element itself. */
function topElements(root: ParentNode): Element[] {
  const start = startOf(root);
  return start ? [start] : Array.from(root.children);
}

function piece(text: string | null): string {
  return (text ?? '').replace(SPACES, ' ').trim();
}

/**
 * The text under root as it reads: text nodes joined by spaces (so `<h2>Certificate</h2><p>Completed…` does
 * not become "CertificateCompleted"), never script or style content; with `visibleOnly`, nothing hidden by markup.
 */
export function readableText(root: ParentNode, visibleOnly = false): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      const p = piece(node.textContent);
      if (p) parts.push(p);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (isNeverShown(el) || (visibleOnly && hidesItself(el))) return;
    for (let child = el.firstChild; child; child = child.nextSibling) visit(child);
  };
  const start = startOf(root);
  if (start && visibleOnly && start.parentElement && isHiddenByMarkup(start.parentElement)) return '';
  if (start) visit(start);
  else for (let child = (root as Node).firstChild; child; child = child.nextSibling) visit(child);
  return parts.join(' ');
}

/** The visible text under root (see readableText). */
export function visibleText(root: ParentNode): string {
  return readableText(root, true);
}

export interface ShortText {
  element: Element;
  /** Readable text, spaced (not normalised). */
  text: string;
}

/**
 * Every element under root (root included) whose readable text is at most `maxLength` characters, with that
 * text, in document order. One walk: an element's text is only assembled when it is short, so the cost is
 * linear in the page plus the short texts.
 */
export function shortTexts(root: ParentNode, maxLength: number, visibleOnly = false): ShortText[] {
  const out: ShortText[] = [];
  // Returns the element's pieces, or null when its text is longer than maxLength.
  const visit = (el: Element): string[] | null => {
    const slot = out.length;
    out.push(null as unknown as ShortText); // reserve the slot: parent before children, document order
    let parts: string[] | null = [];
    let length = -1;
    for (let child = el.firstChild; child; child = child.nextSibling) {
      let childParts: string[] | null;
      if (child.nodeType === 3) {
        const p = piece(child.textContent);
        childParts = p ? [p] : [];
      } else if (child.nodeType === 1) {
        const c = child as Element;
        if (isNeverShown(c) || (visibleOnly && hidesItself(c))) continue;
        childParts = visit(c);
      } else continue;
      if (parts === null) continue;
      if (childParts === null) {
        parts = null;
        continue;
      }
      for (const p of childParts) {
        length += p.length + 1;
        parts.push(p);
      }
      if (length > maxLength) parts = null;
    }
    if (parts !== null && parts.length > 0) out[slot] = { element: el, text: parts.join(' ') };
    return parts;
  };
  for (const start of topElements(root)) {
    if (isNeverShown(start) || (visibleOnly && isHiddenByMarkup(start))) continue;
    visit(start);
  }
  return out.filter(Boolean);
}

/** Visible elements under root (not root itself), document order. */
export function visibleElements(root: ParentNode, selector = '*'): Element[] {
  return Array.from(root.querySelectorAll(selector)).filter((el) => !isHiddenByMarkup(el));
}

/** Every visible element whose whole normalised text matches `test` and is at most `maxLength` long. */
export function findMessages(root: ParentNode, test: (normalized: string) => boolean, maxLength = 300): Element[] {
  return shortTexts(root, maxLength, true)
    .filter(({ text }) => test(normalizeText(text)))
    .map(({ element }) => element);
}

/**
 * The tightest visible element whose whole normalised text matches `test`: a message is a line of its own
 * (a heading, an alert, a paragraph), not a phrase quoted inside a longer help text. `maxLength` bounds it.
 */
export function findMessage(root: ParentNode, test: (normalized: string) => boolean, maxLength = 300): Element | null {
  let best: ShortText | null = null;
  for (const hit of shortTexts(root, maxLength, true)) {
    if (test(normalizeText(hit.text)) && (!best || hit.text.length < best.text.length)) best = hit;
  }
  return best?.element ?? null;
}

const EMAIL = /^[^\s@"<>()[\]]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;

export function isEmail(text: string): boolean {
  return EMAIL.test(text.trim());
}

/** The domain part, lower case; null for something that is not an address. */
export function emailDomain(email: string): string | null {
  const trimmed = email.trim();
  if (!isEmail(trimmed)) return null;
  return trimmed.slice(trimmed.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * Exactly the organisation's domain. Sub-domains do not count: at UCL `live.ucl.ac.uk` is a student
 * mailbox, and the FAQ asks staff for `username@ucl.ac.uk`.
 */
export function isOrgEmail(email: string, orgDomain: string): boolean {
  return emailDomain(email) === orgDomain.trim().toLowerCase();
}
