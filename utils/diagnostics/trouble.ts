// Where a page shows its own trouble (docs/contract.md, "Alerts"): an error page itself, an error banner or
// message region, the sign-in step, the page title or main heading of an error page. The same words quoted
// in ordinary content (a course page, an article, a quotation, a description, help text) never count.
// Pure DOM: structure and words, never class names.
import { normalizeText, readableText } from '@/utils/dom/text';

/** Content that quotes or shows things: a message inside it is never the page's own trouble. */
const CONTENT =
  'article, blockquote, q, cite, figure, figcaption, pre, code, kbd, samp, details, summary, iframe, [role="article"], [role="note"], [role="tooltip"], [role="document"], [role="feed"], [contenteditable="true"], [contenteditable=""]';
/** Regions a page announces its messages in. */
const ANNOUNCED = '[role="alert"], [role="alertdialog"], [role="status"], [aria-live]:not([aria-live="off"]), output';
/** Inputs a sign-in form asks for. */
const SIGN_IN_INPUTS = 'input[type="password"], input[type="email"], input[autocomplete="username"], input[autocomplete="email"], input[name*="login" i], input[name*="user" i], input[name*="email" i]';
/** Inputs of a quiz, a survey or a search: a form holding them is content, not a sign-in step. */
const CONTENT_INPUTS = 'input[type="radio"], input[type="checkbox"], input[type="search"], select, textarea, [role="radio"], [role="checkbox"], [role="search"]';
const FURNITURE = 'nav, aside, header, footer, [role="navigation"], [role="complementary"], [role="banner"], [role="contentinfo"], [role="menu"]';

export interface TroubleContext {
  /** The page is a sign-in step (a login page, a SAML landing, Microsoft's sign-in pages): its lines are its own. */
  signInStep: boolean;
  /** The page may be an error page: it calls itself one, is short, and shows no course (the site's diagnoser decides). */
  mayBeErrorPage: boolean;
}

export function inQuotedContent(el: Element): boolean {
  return el.closest(CONTENT) !== null;
}

function inAnnouncedRegion(el: Element): boolean {
  return el.closest(ANNOUNCED) !== null;
}

/** A form a message may belong to: a sign-in form, or one holding only the message and its buttons. */
function isMessageForm(form: Element): boolean {
  return form.querySelector(SIGN_IN_INPUTS) !== null || form.querySelector(CONTENT_INPUTS) === null;
}

/** Inside such a form, or beside a sign-in form (the error line a login page draws above or below its form). */
function byAForm(el: Element): boolean {
  const form = el.closest('form');
  if (form) return isMessageForm(form);
  for (let up: Element | null = el.parentElement, i = 0; up && i < 2; up = up.parentElement, i++) {
    for (const near of Array.from(up.querySelectorAll('form'))) if (near.querySelector(SIGN_IN_INPUTS)) return true;
  }
  return false;
}

/** Words an error page's title or main heading uses ("Error", "Sorry", "Something went wrong"). */
const ERRORISH = /\b(error|sorry|problem|went wrong|oops|unable|could ?n[o']?t|can'?t|cannot|failed|failure|denied|forbidden|unauthori[sz]ed|not found|expired)\b/;

/** The page's main heading: its first <h1> (or level-1 heading) outside page furniture, else its first heading. */
function mainHeading(root: ParentNode): Element | null {
  const own = (el: Element) => !el.closest(FURNITURE) && !inQuotedContent(el);
  const level1 = Array.from(root.querySelectorAll('h1, [role="heading"][aria-level="1"]')).find(own);
  return level1 ?? Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')).find(own) ?? null;
}

/** The page calls itself an error page, in its title or main heading. */
export function saysItIsAnErrorPage(root: ParentNode): boolean {
  const heading = mainHeading(root);
  return [...titleParts(root), heading ? normalizeText(readableText(heading, true)) : ''].some((t) => ERRORISH.test(t));
}

/** The document's title split at its separators ("Error | UCL Staff Learning" → "error", "ucl staff learning"). */
export function titleParts(root: ParentNode): string[] {
  const doc = (root as Node).nodeType === 9 ? (root as Document) : (root as Node).ownerDocument;
  const title = doc?.querySelector('title')?.textContent ?? '';
  return title
    .split(/\s[|–—-]\s/)
    .map(normalizeText)
    .filter(Boolean);
}

/**
 * True when `el`, a line whose words are a known problem, is the page's own sign of trouble: not quoted
 * content, and in an announced region, by a form, on a sign-in step, or on a page that may be an error page.
 */
export function isOwnTrouble(el: Element, context: TroubleContext): boolean {
  if (inQuotedContent(el)) return false;
  return inAnnouncedRegion(el) || byAForm(el) || context.signInStep || context.mayBeErrorPage;
}

/** The page title names the problem (and the page may be an error page). */
export function titleSays(root: ParentNode, test: (normalized: string) => boolean, context: TroubleContext): boolean {
  return context.mayBeErrorPage && titleParts(root).some(test);
}

/** A page with little to read outside its furniture: error pages are short; course pages and articles are not. */
export function isShortPage(root: ParentNode, maxChars = 1200): boolean {
  const doc = (root as Node).nodeType === 9 ? (root as Document) : null;
  const body = doc ? doc.body : (root as Element);
  if (!body) return true;
  let total = 0;
  for (const child of Array.from(body.children)) {
    if (child.matches(FURNITURE)) continue;
    total += readableText(child, true).length;
    if (total > maxChars) return false;
  }
  return true;
}

/** Words without which no LearnUpon or CybSafe page shows a sign-in problem: a cheap first look before any walk. */
const PROBLEM_WORDS = /aadsts\s*\d|problem\s+processing\s+your\s+request|account\s+not\s+found/i;

export function mentionsProblem(root: ParentNode): boolean {
  return mentionsProblemIn(pageText(root));
}

/** The same look at text read already (`pageText`): a caller that reads the page's text once asks with it. */
export function mentionsProblemIn(text: string): boolean {
  return PROBLEM_WORDS.test(text);
}

/** Code and style: text no diagnoser reads (utils/dom/text.ts never shows it). */
const CODE = 'script, style, noscript';

/**
 * All the text under root (a document's title included) but for its scripts and styles: what the first look
 * reads. An element with none inside gives its text in one native pass; only the elements on the way to one
 * are taken apart. A page's own scripts can hold most of its text (the data a list is drawn from: nine
 * tenths of the demo dashboard's), and reading it at every look cost 15 ms a look at 500 courses.
 */
export function pageText(root: ParentNode): string {
  const node = root as Node;
  const top = node.nodeType === 9 ? (node as Document).documentElement : node;
  return top ? textOutsideCode(top) : '';
}

function textOutsideCode(node: Node): string {
  if (node.nodeType === 3 || node.nodeType === 4) return (node as CharacterData).data;
  if (node.nodeType !== 1 && node.nodeType !== 11) return '';
  const el = node as Element | DocumentFragment;
  if (el.nodeType === 1 && (el as Element).matches(CODE)) return '';
  if (!el.querySelector(CODE)) return el.textContent ?? '';
  let text = '';
  for (let child = el.firstChild; child; child = child.nextSibling) text += textOutsideCode(child);
  return text;
}
