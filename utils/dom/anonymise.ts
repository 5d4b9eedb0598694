// A page's element structure without its personal data, for the extension's maintainers (issue 12, "a page
// report"): tags, roles, ARIA attributes, class names and ids kept; text replaced by placeholders of the same
// shape (letters → x/X, digits → 0) except what the caller keeps (catalogue titles, status and label words)
// and dates, which move by one offset and keep their format. Numbers in ids and links are replaced
// consistently, so links to one enrollment still point to one (other) enrollment. Pure DOM → string.
import { ELEMENT_NODE, OURS_ATTRIBUTE, TEXT_NODE, createTextReader } from './text';

export interface AnonymiseOptions {
  /** An element whose whole text is kept as it is (a catalogue course title). */
  keepWhole(text: string): boolean;
  /** A word kept in a short text (the words a reader goes by: status and label words). */
  keepWord(word: string): boolean;
  /** The text with its dates moved (format kept), the text between them rewritten by `rest`. */
  shiftDates(text: string, rest: (between: string) => string): string;
  /** A number in [0, 1): where replacement numbers come from. */
  random(): number;
}

/** Texts longer than this are prose: every word is replaced, labels or not. */
const SHORT_TEXT = 80;
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta', 'base', 'svg', 'canvas', 'object', 'embed']);
const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'source', 'track', 'wbr']);
/** Attributes kept as written (structure), and those whose value is text or an address. */
const AS_IS = new Set(['role', 'class', 'type', 'scope', 'colspan', 'rowspan', 'hidden', 'lang', 'dir', 'tabindex', 'disabled', 'checked', 'selected', 'open', 'headers']);
const ID_LIKE = new Set(['id', 'for', 'name', 'aria-controls', 'aria-labelledby', 'aria-describedby', 'aria-owns', 'aria-activedescendant', 'aria-details', 'aria-errormessage', 'aria-flowto']);
const TEXT_LIKE = new Set(['title', 'alt', 'placeholder', 'value', 'data-test-id', 'datetime']);
const ADDRESS = new Set(['href', 'src', 'action']);

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

export function anonymisePage(root: Document | Element, options: AnonymiseOptions): string {
  const read = createTextReader();
  // Digit runs in ids and addresses → stand-ins of the same length, the same run always the same stand-in.
  // A long run (an enrollment id) never becomes another run of the page: no real id shows up elsewhere.
  const originals = new Set<string>();
  const all = (root as Node).nodeType === 9 ? (root as Document).querySelectorAll('*') : (root as Element).querySelectorAll('*');
  for (const el of [root as Element, ...Array.from(all)]) {
    for (const { name, value } of Array.from(el.attributes ?? [])) if (ID_LIKE.has(name) || ADDRESS.has(name)) for (const run of value.match(/\d{4,}/g) ?? []) originals.add(run);
  }
  const numbers = new Map<string, string>();
  const number = (run: string): string => {
    const known = numbers.get(run);
    if (known !== undefined) return known;
    for (;;) {
      const fake = Array.from(run, (_, i) => String(i === 0 && run.length > 1 ? 1 + Math.floor(options.random() * 9) : Math.floor(options.random() * 10))).join('');
      const taken = run.length >= 4 && (originals.has(fake) || [...numbers.values()].includes(fake));
      if (fake !== run && !taken) {
        numbers.set(run, fake);
        return fake;
      }
    }
  };
  const mapDigits = (value: string) => value.replace(/\d+/g, number);

  const shape = (text: string) => text.replace(/\p{L}/gu, (c) => (c !== c.toLowerCase() ? 'X' : 'x')).replace(/\d/g, '0');
  /** Free text: dates moved, words kept only in a short text and only when the caller keeps them. */
  const rewrite = (text: string): string => {
    const short = text.trim().length <= SHORT_TEXT;
    return options.shiftDates(text, (between) =>
      between.replace(/[\p{L}\p{M}]+|\d+/gu, (token) => (/\d/.test(token) ? token.replace(/\d/g, '0') : short && options.keepWord(token) ? token : shape(token))),
    );
  };

  const address = (value: string): string => {
    const raw = value.trim();
    if (/^(javascript|data|mailto|tel):/i.test(raw)) return `${raw.slice(0, raw.indexOf(':') + 1)}…`;
    const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)?([^?#]*)(\?[^#]*)?/i.exec(raw);
    if (!m) return '';
    const path = (m[2] ?? '')
      .split('/')
      .map((segment) => (/@|%40/.test(segment) ? shape(segment) : mapDigits(segment)))
      .join('/');
    const query = m[3] ? `?${m[3].slice(1).split('&').map((pair) => { const [key, val] = pair.split('='); return val === undefined ? shape(key!) : `${key}=${shape(val)}`; }).join('&')}` : '';
    return `${m[1] ?? ''}${path}${query}`;
  };

  const attributes = (el: Element): string => {
    let out = '';
    for (const { name, value } of Array.from(el.attributes)) {
      let kept: string | null = null;
      if (AS_IS.has(name)) kept = value;
      else if (ID_LIKE.has(name)) kept = mapDigits(value);
      else if (ADDRESS.has(name)) kept = address(value);
      else if (TEXT_LIKE.has(name) || name.startsWith('aria-')) kept = /^(true|false|mixed|page|step|location|date|time|polite|assertive|off|\d+)$/.test(value) ? value : rewrite(value);
      else if (name === 'style') kept = /display\s*:\s*none|visibility\s*:\s*hidden/i.test(value) ? 'display:none' : null;
      if (kept !== null) out += ` ${name}="${escapeAttribute(kept)}"`;
    }
    return out;
  };

  const element = (el: Element, keepText: boolean): string => {
    const tag = el.tagName.toLowerCase();
    if (DROPPED.has(tag) || el.hasAttribute(OURS_ATTRIBUTE)) return '';
    // The whole text of a short element names a catalogue course: keep all of it (a title split over <b>s too).
    const clean = keepText ? '' : read.clean(el);
    const keep = keepText || (clean.length > 0 && clean.length <= 200 && options.keepWhole(clean));
    let inner = '';
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) inner += escapeText(keep ? (child.nodeValue ?? '') : rewrite(child.nodeValue ?? ''));
      else if (child.nodeType === ELEMENT_NODE) inner += element(child as Element, keep);
    }
    if (tag === 'iframe') inner = '';
    return VOID.has(tag) ? `<${tag}${attributes(el)}>` : `<${tag}${attributes(el)}>${inner}</${tag}>`;
  };

  const doc = (root as Node).nodeType === 9 ? (root as Document) : null;
  if (!doc) return element(root as Element, false);
  const title = doc.querySelector('title')?.textContent ?? '';
  const html = doc.documentElement;
  const lang = html.getAttribute('lang');
  const titleText = options.keepWhole(title.trim()) ? title : rewrite(title);
  return `<!doctype html>\n<html${lang ? ` lang="${escapeAttribute(lang)}"` : ''}><head><meta charset="utf-8"><title>${escapeText(titleText)}</title></head>\n${doc.body ? element(doc.body, false) : ''}\n</html>\n`;
}
