// Microsoft's sign-in and My Apps pages → what they show: the AADSTS error with its troubleshooting
// details, the remembered accounts, the signed-in address. Pure DOM; where a message may count is the
// doctor's business (utils/diagnostics/trouble.ts).
import { findMessage, isHiddenByMarkup, readableText, visibleText } from '@/utils/dom/text';
import { emailsIn, isEmail } from '@/utils/platforms/email';
import { CORRELATION_ID, ERROR_LINE, MS_PHRASES, MS_SELECTORS, REQUEST_ID, TIMESTAMP } from './selectors';

export interface AadError {
  code: string;
  message: string;
  requestId: string | null;
  correlationId: string | null;
  timestamp: string | null;
  /** The line's element, so the doctor can tell the page's own error from a quotation of one. */
  element: Element;
  /** Every address the error names (its line and the troubleshooting details), lower case, in order. */
  accounts: string[];
}

/**
 * Reads Microsoft's error page. It counts only with the page's structure around it: an `AADSTS<digits>:` line
 * of its own and a Request Id or Correlation Id GUID (the "Troubleshooting details"). A help page that
 * mentions AADSTS codes in its prose has neither. `accept` may turn down a line (a quotation in content).
 */
export function readAadError(root: ParentNode, accept: (line: Element) => boolean = () => true): AadError | null {
  const line = findMessage(root, (t) => ERROR_LINE.test(t), 2000);
  if (!line || !accept(line)) return null;
  const text = visibleText(root);
  const requestId = REQUEST_ID.exec(text)?.[1] ?? null;
  const correlationId = CORRELATION_ID.exec(text)?.[1] ?? null;
  if (!requestId && !correlationId) return null;
  // Re-read the line from the raw text to keep its original casing for quoting.
  const raw = readableText(line, true);
  const m = /AADSTS\s*(\d{4,8})\s*:\s*(.*)$/i.exec(raw);
  if (!m) return null;
  const accounts = [...new Set([...emailsIn(raw), ...emailsIn(text)].map((e) => e.toLowerCase()))];
  return {
    code: m[1]!,
    message: m[2]!.slice(0, 500),
    requestId: requestId?.toLowerCase() ?? null,
    correlationId: correlationId?.toLowerCase() ?? null,
    timestamp: TIMESTAMP.exec(text)?.[1] ?? null,
    element: line,
    accounts,
  };
}

/** Addresses on the "Pick an account" tiles, in page order. */
export function readAccountTiles(root: ParentNode): string[] {
  const emails: string[] = [];
  for (const tile of Array.from(root.querySelectorAll(MS_SELECTORS.accountTile))) {
    if (isHiddenByMarkup(tile)) continue;
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
