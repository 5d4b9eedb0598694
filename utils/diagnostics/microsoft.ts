// Everything we know about Microsoft's sign-in and My Apps pages (docs/pages.md), in one place so a change
// on their side is a one-file fix. Microsoft says its sentences change: codes and ids are what we key on.
import { findMessage, isEmail, readableText, visibleText } from './text';

export const MICROSOFT_LOGIN_HOSTS = ['login.microsoftonline.com', 'login.microsoft.com', 'login.live.com', 'login.windows.net'];
export const MY_APPS_HOSTS = ['myapps.microsoft.com', 'myapplications.microsoft.com', 'account.activedirectory.windowsazure.com'];

export function isMicrosoftLoginHost(host: string): boolean {
  return MICROSOFT_LOGIN_HOSTS.includes(host.toLowerCase());
}

export function isMyAppsHost(host: string): boolean {
  return MY_APPS_HOSTS.includes(host.toLowerCase());
}

export const MS_SELECTORS = {
  /** "Pick an account": one tile per remembered account, the address in the attribute. */
  accountTile: 'div[data-test-id], [data-test-id][role="button"]',
  otherTile: '#otherTile',
  emailInput: '#i0116, input[name="loginfmt"]',
  nextButton: '#idSIButton9',
  /** The account menu (top right) on Microsoft 365 pages; newer builds use data-testid/data-tid. */
  currentAccountEmail: [
    '#mectrl_currentAccount_secondary',
    '[data-testid="mectrl_currentAccount_secondary"]',
    '[data-tid="mectrl_currentAccount_secondary"]',
  ].join(', '),
};

/** Normalised message openings (see normalizeText: lower case, straight apostrophes). */
export const MS_PHRASES = {
  workAccountOnly: /^you can only access this site with a work account\b/,
  personalAccountNotHere: /^you can'?t sign in here with a personal account\b/,
  pickAnAccount: /^pick an account$/,
};

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const REQUEST_ID = new RegExp(`request\\s*id\\s*:?\\s*(${GUID})`, 'i');
const CORRELATION_ID = new RegExp(`correlation\\s*id\\s*:?\\s*(${GUID})`, 'i');
const TIMESTAMP = /timestamp\s*:?\s*(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)/i;
/** The error line: the code opens its own line, followed by a colon ("Message: " prefixes it in the details table). */
const ERROR_LINE = /^(?:message\s*:?\s*)?aadsts\s*(\d{4,8})\s*:\s*(.*)$/;

export interface AadError {
  code: string;
  message: string;
  requestId: string | null;
  correlationId: string | null;
  timestamp: string | null;
}

/**
 * Reads Microsoft's error page. It counts only with the page's structure around it: an `AADSTS<digits>:` line
 * of its own and a Request Id or Correlation Id GUID (the "Troubleshooting details"). A help page that
 * mentions AADSTS codes in its prose has neither.
 */
export function readAadError(root: ParentNode): AadError | null {
  const line = findMessage(root, (t) => ERROR_LINE.test(t), 2000);
  if (!line) return null;
  const text = visibleText(root);
  const requestId = REQUEST_ID.exec(text)?.[1] ?? null;
  const correlationId = CORRELATION_ID.exec(text)?.[1] ?? null;
  if (!requestId && !correlationId) return null;
  // Re-read the line from the raw text to keep its original casing for quoting.
  const raw = readableText(line, true);
  const m = /AADSTS\s*(\d{4,8})\s*:\s*(.*)$/i.exec(raw);
  if (!m) return null;
  return {
    code: m[1]!,
    message: m[2]!.slice(0, 500),
    requestId: requestId?.toLowerCase() ?? null,
    correlationId: correlationId?.toLowerCase() ?? null,
    timestamp: TIMESTAMP.exec(text)?.[1] ?? null,
  };
}

/** Addresses on the "Pick an account" tiles, in page order. */
export function readAccountTiles(root: ParentNode): string[] {
  const emails: string[] = [];
  for (const tile of Array.from(root.querySelectorAll(MS_SELECTORS.accountTile))) {
    const value = (tile.getAttribute('data-test-id') ?? '').trim();
    if (isEmail(value) && !emails.includes(value.toLowerCase())) emails.push(value.toLowerCase());
  }
  return emails;
}

export function isPickAnAccountPage(root: ParentNode): boolean {
  return (
    readAccountTiles(root).length > 0 &&
    (root.querySelector(MS_SELECTORS.otherTile) !== null || findMessage(root, (t) => MS_PHRASES.pickAnAccount.test(t), 40) !== null)
  );
}

/** The signed-in address from the top-right account menu (read even while the menu is closed). */
export function readMicrosoftAccountEmail(root: ParentNode): string | null {
  for (const el of Array.from(root.querySelectorAll(MS_SELECTORS.currentAccountEmail))) {
    const text = (el.textContent ?? '').trim();
    if (isEmail(text)) return text;
  }
  return null;
}

/** The visible line that opens with `phrase` (normalised text), if any. */
export function hasPhrase(root: ParentNode, phrase: RegExp, maxLength = 300): Element | null {
  return findMessage(root, (t) => phrase.test(t), maxLength);
}
