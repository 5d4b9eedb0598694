// All LearnUpon DOM knowledge. Only the URLs and words are known (docs/pages.md); the markup is a guess,
// so these are roles, element kinds and words rather than class names. When the real site differs,
// this is the file to fix.
import { isAscii, isSymbol, normalizeText } from '@/utils/dom/text';
import { onFirstUse } from '@/utils/patterns';
import { remembered } from '@/utils/remembered';
import type { DateKind } from '@/utils/platforms/types';
import type { EnrollmentStatus } from '@/utils/records';

export type { DateKind };

/** `/enrollments/<id>/details`, `/enrollments/<id>/page/<pageId>`, a certificate under it… Ids are 8–9 digits. */
export const ENROLLMENT_PATH = /\/enrollments\/(\d{6,10})(?:[/?#]|$)/;

export const LU_SELECTORS = {
  links: 'a[href]',
  headings: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
  /** Page furniture that holds status-like words ("Completed 5" in the widget, tabs) but no course. */
  furniture:
    'nav, aside, [role="navigation"], [role="complementary"], [role="banner"], [role="contentinfo"], [role="search"], [role="tablist"], [role="menu"], [role="dialog"]',
  /** Controls and labels: a status word inside them is a filter or a caption, not a course's status. */
  notStatusHost:
    'a, button, [role="button"], [role="tab"], [role="menuitem"], select, option, label, legend, dt, th, [role="columnheader"], [role="rowheader"]',
  /** Repeating containers: a course entry never extends past one (a lone card must not swallow its list). */
  list: 'ul, ol, table, thead, tbody, tfoot, [role="list"], [role="grid"], [role="table"], [role="rowgroup"], [role="feed"], [role="tabpanel"]',
  /** One entry's worth of page, even outside a list. */
  items: 'article, section, [role="article"], [role="listitem"], [role="row"], li, tr',
  cells: 'td, th, [role="cell"], [role="gridcell"], [role="columnheader"], [role="rowheader"]',
  rows: 'tr, [role="row"]',
  columnHeaders: 'th, [role="columnheader"]',
  /** Controls that open the profile menu (the round initials badge). */
  menuButtons: 'button[aria-controls], button[aria-haspopup], [role="button"][aria-controls], [role="button"][aria-haspopup]',
  buttons: 'button, [role="button"], a[href], input[type="button"], input[type="submit"]',
  /** The page header, where the signed-in account is shown when no profile menu is found. */
  header: 'header, [role="banner"]',
} as const;

/** Status words as the portal prints them (normalised: lower case, single spaces). */
const STATUS_WORDS: [RegExp, EnrollmentStatus][] = [
  [/^(completed|complete)$/, 'completed'],
  [/^passed$/, 'passed'],
  [/^(in progress|started|incomplete)$/, 'in-progress'],
  [/^(not started|not yet started|not attempted)$/, 'not-started'],
  [/^failed$/, 'failed'],
  [/^(pending review|pending approval|awaiting review|awaiting approval)$/, 'pending-review'],
];

/** "Completed", "Status: Not Started", "not_started", "✓ Passed" → a status; anything else → null. */
export const statusFromText = remembered(readStatus);

const UNICODE_EDGES = onFirstUse('^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$', 'gu');
/** Neither an ASCII letter nor digit, nor a character outside ASCII that might be one. */
const trimmable = (c: number) => (c < 0x80 ? !((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) : isSymbol(c));

/**
 * Icons and bullets around a word ("✓ Completed", "(Failed)"): everything but letters and digits off both
 * edges. Without the Unicode class (utils/patterns.ts) unless an edge holds a character outside ASCII that is
 * not a known symbol (it may be a letter). Exported for the test that holds both ways equal.
 */
export function trimSymbols(text: string): string {
  if (isAscii(text)) return text.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  let start = 0;
  let end = text.length;
  while (start < end && trimmable(text.charCodeAt(start))) start++;
  while (end > start && trimmable(text.charCodeAt(end - 1))) end--;
  if (start < end && (text.charCodeAt(start) > 0x7f || text.charCodeAt(end - 1) > 0x7f)) return text.replace(UNICODE_EDGES(), '');
  return text.slice(start, end);
}

function readStatus(text: string): EnrollmentStatus | null {
  const t = trimSymbols(normalise(text).replace(/[_-]+/g, ' '))
    .replace(/^(enrollment |enrolment |course )?status\s*:?\s*/, '')
    .trim();
  for (const [re, status] of STATUS_WORDS) if (re.test(t)) return status;
  return null;
}

/**
 * Date labels, tested against the words right before a date (or its column/row header). A label sits
 * at the end of that text, so each pattern is anchored there. Order matters: "access expires" and
 * "certificate expires" before bare "expires"; "complete by" (a due date) before "completed".
 */
const DATE_LABELS: [RegExp, DateKind][] = [
  [/\b(access|enrol?ment|enrollment)\s+(expire[sd]|expiry|expiration|ends|ended|until)(\s+(on|date))?$/, 'other'],
  // An expired certificate's date is still its expiry: the renewal rules go by it (docs/rules.md).
  [/\b(certificate|cert\.?)\s+(expire[sd]|expiry|expiration|valid until|expiry date|expiration date)(\s+(on|date))?$/, 'cert-expires'],
  [/\b(certificate|cert\.?)\s+(expiry|expiration)\s+date$/, 'cert-expires'],
  [/\b(due|due date|due by|due on|date due|complete by|overdue since|deadline)$/, 'due'],
  [/(?<!\bnot (yet )?)\b(completed|completed on|completion|completion date|date completed|date of completion|finished|passed|passed on)$/, 'completed'],
  [/\b(expire[sd]|expire[sd] on|expiry|expiry date|expiration date|valid until)$/, 'cert-expires'],
  [/\b(enrolled|enrolled on|enrol?ment date|enrollment date|started|started on|start date|last accessed|assigned|created|updated)$/, 'other'],
];

/** The kind of date a label announces, or null when the text does not end in a known label. */
export const dateKindFromLabel = remembered(readDateKind);

function readDateKind(text: string): DateKind | null {
  // "Completed at", "Expires on": the preposition adds nothing to the kind.
  const t = normalise(text).replace(/[\s:\-–—·|,(]+$/, '').replace(/ (at|on)$/, '');
  if (!t) return null;
  for (const [re, kind] of DATE_LABELS) if (re.test(t)) return kind;
  return null;
}

/** Substrings that may be dates (utils/dates/parse.ts decides). */
export { DATE_LIKE } from '@/utils/dates/parse';

/** Link texts that are actions, not a course title. */
export const ACTION_TEXT =
  /^(start|start course|resume|continue|review|revisit|retake|launch|view|view course|view details|details|open|play|begin|enrol+|re-?enrol+|go to course|download|more)\b/;

export const CERTIFICATE_TEXT = /\bcertificate\b/i;

/** Text a link shows that cannot be a course title: empty, an action ("Start", "Resume") or the certificate. */
export const isActionText = remembered((text: string): boolean => {
  const t = normalise(text);
  return !t || ACTION_TEXT.test(t) || CERTIFICATE_TEXT.test(t);
});

/** The profile menu: its "My Profile" link, by text or by address. */
export const PROFILE_LINK_TEXT = /^(my )?profile$/;
export const PROFILE_LINK_HREF = /\/(users\/)?(my_)?profile\b|\/users\/edit\b/;
/** Menu entries that are not the user's name. */
export const MENU_ACTION_TEXT =
  /^(my profile|profile|sign out|log out|logout|settings|my account|account|help|support|preferences|switch (portal|account)|account menu|open (account|profile|user) menu|notifications)$/;
export const INITIALS = /^[A-Z]{1,3}$/;
export const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
/** A plausible person's name: letters, spaces, hyphens, apostrophes, dots. */
export const personNamePattern = onFirstUse("^[\\p{L}][\\p{L}\\p{M}'’.\\- ]{0,79}$", 'u');

export const TRAINING_HISTORY_BUTTON = /\bdownload\s+(my\s+)?training\s+history\b/;
export const TRAINING_HISTORY_FILE = /\.(xlsx|xls|csv)$/i;
/** "Your training history is ready — download", "Download your training history file". */
export const TRAINING_HISTORY_LINK_TEXT = /\btraining history\b.*\b(ready|download|here|file|spreadsheet|excel)\b|\b(download|here)\b.*\btraining history\b/;

/** Lower case, single spaces, straight quotes: the form every pattern above expects (one normaliser for all readers). */
export const normalise = normalizeText;
