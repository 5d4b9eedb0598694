// Bytes: what a file really is (whatever its name or stated type says), its SHA-256, and base64 for
// crossing extension messaging (messages are JSON). One tolerance everywhere: the locker, the evidence
// pack and backup restore all ask `sniffKind`, so a file one accepts is never refused by another.
// No schema library and no browser API beyond TextDecoder/atob: content scripts import it too.

/** What the bytes are. `html` is named because a "certificate" download can turn out to be a sign-in page. */
export type FileKind = 'pdf' | 'png' | 'jpeg' | 'xlsx' | 'xls' | 'html' | 'empty' | 'other';

export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  csv: 'text/csv',
} as const;

/** How far into a file a PDF header may sit: PDF readers tolerate a little junk before `%PDF-` (up to 1 KB). */
const PDF_HEADER_WITHIN = 1024;

function startsWith(data: Uint8Array, signature: readonly number[]): boolean {
  return data.length >= signature.length && signature.every((b, i) => data[i] === b);
}

/** `%PDF-` within the first KB, as readers accept. */
function hasPdfHeader(data: Uint8Array): boolean {
  const head = data.subarray(0, PDF_HEADER_WITHIN);
  for (let i = 0; i + 5 <= head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

export function sniffKind(data: Uint8Array): FileKind {
  if (data.length === 0) return 'empty';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx'; // a zip: Office Open XML
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls'; // OLE2 compound file
  if (hasPdfHeader(data)) return 'pdf';
  const head = new TextDecoder().decode(data.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (/^<(!doctype html|html|head|body|svg|\?xml)\b/.test(head)) return 'html';
  return 'other';
}

export function looksLikePdf(bytes: Uint8Array): boolean {
  return sniffKind(bytes) === 'pdf';
}

/** The media type to store and show for evidence: only kinds a certificate or screenshot can be. */
export function evidenceMediaType(kind: FileKind): string | null {
  return kind === 'pdf' || kind === 'png' || kind === 'jpeg' ? MEDIA_TYPES[kind] : null;
}

export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

// Chunked: btoa on a long string of String.fromCharCode(...bytes) would overflow the call stack.
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
