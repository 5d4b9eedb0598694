// Small DOM probes shared by the detectors. Everything is read through textContent (never innerHTML),
// and matching is tolerant because the sites reword, restyle and switch between curly and straight quotes.

/** Lower case, straight quotes, single spaces: so "You Can’t  sign in" and "you can't sign in" compare equal. */
export function normalizeText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\s\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Text that is never shown: real sign-in pages carry whole error catalogues inside inline scripts. */
const NEVER_SHOWN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * True when the element (or an ancestor) is out of sight by markup alone. No computed style: the probes
 * must work on detached fixtures too, and pages hide error slots with `hidden`/`display:none` inline.
 */
export function isHiddenByMarkup(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (NEVER_SHOWN.has(node.tagName.toUpperCase())) return true;
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
    const style = normalizeText(node.getAttribute('style') ?? '').replace(/\s/g, '');
    if (style.includes('display:none') || style.includes('visibility:hidden')) return true;
  }
  return false;
}

function ownerDocumentOf(root: ParentNode): Document {
  return (root as Node).nodeType === 9 ? (root as Document) : ((root as Node).ownerDocument as Document);
}

/**
 * The text under root as it reads on screen: text nodes joined by spaces (so `<h2>Certificate</h2><p>Completed…`
 * does not become "CertificateCompleted"), never script or style content; with `visibleOnly`, nothing hidden.
 */
export function readableText(root: ParentNode, visibleOnly = false): string {
  const node = root as Node;
  // Fast path: an element with a single text child needs no walk.
  if (node.nodeType === 1 && node.childNodes.length === 1 && node.firstChild?.nodeType === 3) {
    if (NEVER_SHOWN.has((node as Element).tagName.toUpperCase()) || (visibleOnly && isHiddenByMarkup(node as Element))) return '';
    return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
  }
  const walker = ownerDocumentOf(root).createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: string[] = [];
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const parent = text.parentElement;
    if (parent && (visibleOnly ? isHiddenByMarkup(parent) : parent.closest('script, style, noscript, template'))) continue;
    const value = text.textContent ?? '';
    if (value.trim()) parts.push(value);
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** The visible text under root (see readableText). */
export function visibleText(root: ParentNode): string {
  return readableText(root, true);
}

/** Visible elements under root (not root itself), document order. */
export function visibleElements(root: ParentNode, selector = '*'): Element[] {
  return Array.from(root.querySelectorAll(selector)).filter((el) => !isHiddenByMarkup(el));
}

/** Every visible element whose whole normalised text matches `test` and is at most `maxLength` long. */
export function findMessages(root: ParentNode, test: (normalized: string) => boolean, maxLength = 300): Element[] {
  return visibleElements(root).filter((el) => {
    const text = normalizeText(readableText(el, true));
    return text.length > 0 && text.length <= maxLength && test(text);
  });
}

/**
 * The tightest visible element whose whole normalised text matches `test`: a message is a line of its own
 * (a heading, an alert, a paragraph), not a phrase quoted inside a longer help text. `maxLength` bounds it.
 */
export function findMessage(root: ParentNode, test: (normalized: string) => boolean, maxLength = 300): Element | null {
  let best: Element | null = null;
  let bestLength = Infinity;
  for (const el of findMessages(root, test, maxLength)) {
    const length = normalizeText(readableText(el, true)).length;
    if (length < bestLength) {
      best = el;
      bestLength = length;
    }
  }
  return best;
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
