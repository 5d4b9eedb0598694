// CybSafe page → records. One course lives here (Information Security / the CCSA certificate), so the
// reader looks for its signs anywhere on the page: a completion date near the certificate, a certificate
// link, the overall progress percentage. All selectors and words come from selectors.ts.
import type { PageAccount, PageCourse } from '@/utils/platforms/types';
import type { EnrollmentStatus } from '@/utils/records';
import { parseDisplayDate, type DateOrder } from '@/utils/dates/parse';
import { normalizeText, readableText, shortTexts } from '@/utils/dom/text';
import { isEmail } from '@/utils/platforms/email';
import { CS_DEFAULT_TITLE, CS_SELECTORS, CS_TEXT } from './selectors';

/** Spaced text without script content: see readableText. */
function textOf(el: Element): string {
  return readableText(el);
}

/** Every element except script/style content, document order. */
function elements(root: ParentNode, selector = '*'): Element[] {
  return Array.from(root.querySelectorAll(selector)).filter((el) => !el.closest(CS_SELECTORS.ignored));
}

/** Elements whose whole text matches, with no matching child: the line itself, not its containers. */
function tightest(root: ParentNode, test: (normalized: string) => boolean, maxLength: number): Element[] {
  const hits = shortTexts(root, maxLength)
    .filter(({ text }) => test(normalizeText(text)))
    .map(({ element }) => element);
  return hits.filter((el) => !hits.some((other) => other !== el && el.contains(other)));
}

/** True when the element's neighbourhood (a few levels up) talks about the certificate. */
function nearCertificate(el: Element, levels = 3): boolean {
  let node: Element | null = el;
  for (let i = 0; node && i <= levels; i++, node = node.parentElement) {
    if (CS_TEXT.certificateContext.test(normalizeText(textOf(node)))) return true;
  }
  return false;
}

interface Progress {
  percent: number;
  element: Element;
}

function percentFromBar(bar: Element): number | null {
  const isNative = bar.tagName.toLowerCase() === 'progress';
  const now = Number(bar.getAttribute('aria-valuenow') ?? (isNative ? bar.getAttribute('value') : NaN));
  const min = Number(bar.getAttribute('aria-valuemin') ?? 0);
  const max = Number(bar.getAttribute('aria-valuemax') ?? (isNative ? bar.getAttribute('max') ?? 1 : 100));
  if (Number.isFinite(now) && Number.isFinite(min) && Number.isFinite(max) && max > min) {
    return Math.round(((now - min) / (max - min)) * 100);
  }
  const m = CS_TEXT.percent.exec(textOf(bar));
  return m ? Math.round(Number(m[1])) : null;
}

function labelOf(el: Element): string {
  const doc = el.ownerDocument;
  const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => doc.getElementById(id)?.textContent ?? '')
    .join(' ');
  return normalizeText(`${el.getAttribute('aria-label') ?? ''} ${labelledBy} ${el.getAttribute('title') ?? ''}`);
}

/** The overall progress: a labelled progress bar first, any progress bar next, then a "50%" line. */
export function readProgress(root: ParentNode): Progress | null {
  const bars = elements(root, CS_SELECTORS.progressBar)
    .map((element) => ({ element, percent: percentFromBar(element) }))
    .filter((b): b is Progress => b.percent !== null && b.percent >= 0 && b.percent <= 100);
  const labelled = bars.find((b) => CS_TEXT.progressLabel.test(labelOf(b.element)));
  if (labelled ?? bars[0]) return (labelled ?? bars[0])!;
  const line = tightest(root, (t) => CS_TEXT.percentLine.test(t), 40)[0];
  const m = line ? CS_TEXT.percent.exec(textOf(line)) : null;
  if (!line || !m) return null;
  const percent = Math.round(Number(m[1]));
  return percent <= 100 ? { percent, element: line } : null;
}

interface Completion {
  completedOn: string;
  element: Element;
}

/**
 * The course completion date: a "Completed on <date>" line beside the certificate. Module-level dates
 * only count when the overall progress is 100% (then the latest of them is when the course was finished).
 */
export function readCompletion(root: ParentNode, order: DateOrder, progress: Progress | null): Completion | null {
  const lines = tightest(root, (t) => CS_TEXT.completedOn.test(t) && parseDisplayDate(t, order) !== null, 160)
    .map((element) => ({ element, completedOn: parseDisplayDate(textOf(element), order)!, nearCert: nearCertificate(element) }));
  const usable = lines.some((l) => l.nearCert) ? lines.filter((l) => l.nearCert) : progress?.percent === 100 ? lines : [];
  return usable.reduce<Completion | null>((latest, l) => (!latest || l.completedOn > latest.completedOn ? l : latest), null);
}

function absoluteHref(a: Element): string | null {
  const href = a.getAttribute('href');
  if (!href || /^(javascript|data):/i.test(href.trim())) return null;
  try {
    return new URL(href, a.ownerDocument.baseURI).href;
  } catch {
    return null;
  }
}

/** "Download certificate" (or any link naming the certificate, or a PDF beside it). */
export function findCertificateLink(root: ParentNode): { url: string; element: Element } | null {
  const links = elements(root, CS_SELECTORS.links);
  const byText = links.filter((a) => CS_TEXT.certificateLink.test(normalizeText(`${textOf(a)} ${a.getAttribute('aria-label') ?? ''}`)));
  const byPdf = links.filter((a) => /\.pdf(?:$|[?#])/i.test(a.getAttribute('href') ?? '') && nearCertificate(a, 2));
  for (const a of [...byText, ...byPdf]) {
    const url = absoluteHref(a);
    if (url) return { url, element: a };
  }
  return null;
}

/** The heading that names the course ("Information Security Training", "CCSA …"). */
function findCourseHeading(root: ParentNode): Element | null {
  const headings = elements(root, CS_SELECTORS.headings).filter((h) => CS_TEXT.courseTitle.test(normalizeText(textOf(h))));
  return headings.find((h) => CS_TEXT.preferredTitle.test(normalizeText(textOf(h)))) ?? headings[0] ?? null;
}

function statusFrom(completion: Completion | null, progress: Progress | null): EnrollmentStatus {
  // A completion date wins: after an anniversary reset the progress drops but the completion still dates the renewal.
  if (completion || progress?.percent === 100) return 'completed';
  if (!progress) return 'unknown';
  return progress.percent === 0 ? 'not-started' : 'in-progress';
}

/** The Information Security course as this CybSafe page shows it; [] when the page shows none of it. */
export function readCybSafeCompletion(root: ParentNode, order: DateOrder): PageCourse[] {
  const progress = readProgress(root);
  const completion = readCompletion(root, order, progress);
  const certificate = findCertificateLink(root);
  if (!progress && !completion && !certificate) return [];
  const heading = findCourseHeading(root);
  const anchor = heading ?? completion?.element ?? certificate?.element ?? progress!.element;
  return [
    {
      title: heading ? textOf(heading) : CS_DEFAULT_TITLE,
      status: statusFrom(completion, progress),
      completedOn: completion?.completedOn ?? null,
      dueOn: null,
      certExpiresOn: null,
      enrollmentId: null,
      certificateUrl: certificate?.url ?? null,
      courseUrl: null,
      anchor,
    },
  ];
}

/**
 * A sign-in form: what is typed there is who the user is trying to be, not who is signed in (and after
 * "Account not found" the login page refills the address that failed).
 */
function inLoginForm(control: Element): boolean {
  const form = control.closest('form');
  if (!form) return false;
  return form.querySelector('input[type="password"]') !== null || CS_TEXT.loginForm.test(normalizeText(textOf(form)));
}

/** A form control's value, unless it sits in a sign-in form. */
function controlValue(control: Element): string | null {
  if (!('value' in control) || inLoginForm(control)) return null;
  return String((control as HTMLInputElement).value).trim() || null;
}

/** The value a label names: its input, the next sibling, or the rest of its parent's text. */
function valueForLabel(label: Element): string | null {
  const doc = label.ownerDocument;
  const forId = label.getAttribute('for');
  const control = (forId ? doc.getElementById(forId) : null) ?? label.querySelector('input, select, textarea');
  if (control) return controlValue(control);
  const next = label.nextElementSibling;
  if (next) {
    const inner = next.matches('input, select, textarea') ? next : next.querySelector('input, select, textarea');
    if (inner) return controlValue(inner);
    const text = textOf(next);
    if (text) return text;
  }
  const parent = label.parentElement;
  if (parent) {
    const rest = textOf(parent).slice(textOf(label).length).trim();
    if (rest) return rest;
  }
  return null;
}

function labelled(root: ParentNode, pattern: RegExp): string | null {
  for (const el of elements(root, CS_SELECTORS.fieldLabels)) {
    if (el.children.length > 0 && el.tagName.toLowerCase() !== 'label') continue;
    if (!pattern.test(normalizeText(textOf(el)))) continue;
    const value = valueForLabel(el);
    if (value) return value;
  }
  return null;
}

const NAME_LIKE = /^[\p{L}][\p{L}'’ .-]{1,79}$/u;

/** Who CybSafe says is signed in: My Account's labelled fields, else the three-dots menu (read while closed). */
export function readCybSafeAccount(root: ParentNode): PageAccount {
  let email = labelled(root, CS_TEXT.labels.email);
  if (email && !isEmail(email)) email = null;
  let name = labelled(root, CS_TEXT.labels.name);
  if (!name) {
    const first = labelled(root, CS_TEXT.labels.firstName);
    const last = labelled(root, CS_TEXT.labels.lastName);
    name = [first, last].filter(Boolean).join(' ') || null;
  }
  if (!email) {
    const input = elements(root, 'input[type="email"], input[autocomplete="email"]').find((i) => isEmail(controlValue(i) ?? ''));
    if (input) email = (input as HTMLInputElement).value.trim();
  }
  // The account menu: an element holding just the address (not a mailto: support link), the name just before it.
  const menuEmail = elements(root).find((el) => el.children.length === 0 && isEmail(textOf(el)) && !el.closest('a[href^="mailto:" i]'));
  if (!email && menuEmail) email = textOf(menuEmail);
  if (!name && menuEmail) {
    const previous = menuEmail.previousElementSibling;
    const candidate = previous ? textOf(previous) : '';
    if (NAME_LIKE.test(candidate) && !CS_TEXT.myAccount.test(normalizeText(candidate))) name = candidate;
  }
  return { name: name ?? null, email: email ?? null };
}

