// Spreadsheet files that are text: CSV in any of the encodings Excel saves, HTML tables or
// SpreadsheetML saved as ".xls", and the web pages (sign-in, errors) that arrive in their place.

const startsWith = (bytes: Uint8Array, sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);

export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Excel on Windows saves "CSV" in the ANSI code page.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Text files have no NULs and few control characters; random or damaged binaries have many. */
export function looksLikeText(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.includes('\u0000')) return false;
  // eslint-disable-next-line no-control-regex
  const controls = sample.match(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
  return controls <= sample.length / 100;
}

export const isMarkup = (text: string) => /^\s*</.test(text.replace(/^\uFEFF/, ''));
export const isHtml = (text: string) => /<(!doctype\s+html|html|head|body|script|div|title)\b/i.test(text.slice(0, 8192));
/** Markup that can hold a sheet: an HTML table or Excel's XML spreadsheet format. */
export const holdsTable = (text: string) => /<table\b/i.test(text) || /urn:schemas-microsoft-com:office:spreadsheet/i.test(text);
