// Fallbacks when the user cannot open the .eml: an Outlook on the web compose link and a mailto: link.
// Neither can carry attachments (docs/pages.md), so the UI shows ATTACHMENTS_NOTE beside them.

/** Shown next to either link: the files have to come from the pack. */
export const ATTACHMENTS_NOTE = 'Attachments must be added from the downloaded pack.';

/** Appended to a body that had to be cut to fit the link. */
export const SHORTENED_NOTE = '(shortened — the full text is in the downloaded pack)';

export interface ComposeFields {
  to: string;
  subject: string;
  body: string;
}

/** Outlook on the web copes with long URLs, but proxies and browsers start failing beyond ~8 KB. */
export const OUTLOOK_MAX_URL = 8000;
/** `mailto:` breaks above about 2,000 characters on Windows (docs/pages.md). */
export const MAILTO_MAX_URL = 1999;

/** encodeURIComponent gives `%20` for spaces (never `+`, which Outlook would show literally). */
const enc = (s: string) => encodeURIComponent(s);

/**
 * The longest start of `text` whose encoding, with `suffix` appended, fits `budget` characters; cut
 * at a line break or space when one is reasonably near, never inside a surrogate pair.
 */
function fit(text: string, suffix: string, budget: number, encode: (s: string) => string): string {
  if (encode(text).length <= budget) return text;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (encode(chars.slice(0, mid).join('') + suffix).length <= budget) lo = mid;
    else hi = mid - 1;
  }
  let cut = chars.slice(0, lo).join('');
  const minKeep = cut.length * 0.7;
  const lineBreak = cut.lastIndexOf('\n');
  const space = cut.lastIndexOf(' ');
  if (lineBreak >= minKeep) cut = cut.slice(0, lineBreak);
  else if (space >= minKeep) cut = cut.slice(0, space);
  return cut.trimEnd() + suffix;
}

function build(prefix: string, fields: ComposeFields, max: number, encode: (s: string) => string, newline: string): string {
  const body = fields.body.replace(/\r\n|\r|\n/g, newline);
  // A subject too long for the link (many courses) is cut first, keeping room for some body.
  const subjectBudget = Math.max(40, Math.floor((max - prefix.length) / 3));
  const subject = fit(fields.subject, '…', subjectBudget, encode);
  const head = `${prefix}subject=${encode(subject)}&body=`;
  const full = head + encode(body);
  if (full.length <= max) return full;
  const suffix = `${newline}${newline}${SHORTENED_NOTE}`;
  return head + encode(fit(body, suffix, Math.max(0, max - head.length), encode));
}

/** `https://outlook.office.com/mail/deeplink/compose?to=…&subject=…&body=…`, at most `maxLength` characters. */
export function outlookComposeUrl(fields: ComposeFields, maxLength = OUTLOOK_MAX_URL): string {
  const prefix = `https://outlook.office.com/mail/deeplink/compose?to=${enc(fields.to)}&`;
  return build(prefix, fields, maxLength, enc, '\n');
}

/** `mailto:` link (RFC 6068: CRLF line breaks as %0D%0A), at most `maxLength` characters. */
export function mailtoUrl(fields: ComposeFields, maxLength = MAILTO_MAX_URL): string {
  // `@` may stay literal in the address part; everything else is percent-encoded.
  const prefix = `mailto:${enc(fields.to).replace(/%40/g, '@')}?`;
  return build(prefix, fields, maxLength, enc, '\r\n');
}
