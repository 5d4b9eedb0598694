// A small MIME message builder for the draft `.eml` in the evidence pack (RFC 5322, 2045, 2047, 2231).
// Output is pure ASCII with CRLF line endings; no line is longer than 998 octets (header lines aim
// for 76). `X-Unsent: 1` makes Outlook/Thunderbird open it as an editable draft; Message-ID and
// Date are left out so the client stamps its own when the user sends it (docs/pages.md).
import { asciiFileName } from './names';

export type EmlAddress = string | { name?: string; address: string };

export interface EmlAttachment {
  filename: string;
  contentType: string;
  data: Uint8Array;
}

export interface EmlInput {
  from?: EmlAddress;
  to: EmlAddress | EmlAddress[];
  subject: string;
  text: string;
  attachments: EmlAttachment[];
}

const CRLF = '\r\n';
/** Soft target for header lines (RFC 5322 §2.1.1 recommends 78). */
const HEADER_WIDTH = 76;
const encoder = new TextEncoder();

/** Control characters in a header value would break the header (or inject a new one): they become spaces. */
export function sanitizeHeaderText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

const isPrintableAscii = (s: string) => /^[\x20-\x7e]*$/.test(s);

// ---------- base64 ----------

const B64 = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const ascii = new TextDecoder('latin1');

/**
 * Base64 of bytes in lines of 76 characters (57 bytes each) joined by CRLF, with no final CRLF.
 * Encodes straight into a byte buffer: several times faster than btoa on strings for MB-sized PDFs.
 */
export function base64Wrapped(data: Uint8Array): string {
  return ascii.decode(base64WrappedBytes(data));
}

/** base64Wrapped as ASCII bytes: what a byte-built message (buildEmlBytes) takes without a string round trip. */
export function base64WrappedBytes(data: Uint8Array): Uint8Array {
  const fullLines = Math.floor(data.length / 57);
  const tail = data.length % 57;
  const lineCount = fullLines + (tail ? 1 : 0);
  const out = new Uint8Array(fullLines * 76 + (tail ? Math.ceil(tail / 3) * 4 : 0) + Math.max(0, lineCount - 1) * 2);
  let o = 0;
  for (let i = 0; i < data.length; ) {
    const lineEnd = Math.min(i + 57, data.length);
    if (i > 0) {
      out[o++] = 13;
      out[o++] = 10;
    }
    for (; i + 2 < lineEnd; i += 3) {
      const n = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
      out[o++] = B64[n >> 18]!;
      out[o++] = B64[(n >> 12) & 63]!;
      out[o++] = B64[(n >> 6) & 63]!;
      out[o++] = B64[n & 63]!;
    }
    if (i < lineEnd) {
      // 1 or 2 bytes left: only at the very end of the data.
      const b1 = i + 1 < lineEnd ? data[i + 1]! : 0;
      const n = (data[i]! << 16) | (b1 << 8);
      out[o++] = B64[n >> 18]!;
      out[o++] = B64[(n >> 12) & 63]!;
      out[o++] = i + 1 < lineEnd ? B64[(n >> 6) & 63]! : 61;
      out[o++] = 61;
      i = lineEnd;
    }
  }
  return out;
}

/** Base64 of bytes, in lines of 76 characters (57 bytes each). */
export function base64Lines(data: Uint8Array): string[] {
  return data.length ? base64Wrapped(data).split(CRLF) : [];
}

function base64OfString(text: string): string {
  return base64Lines(encoder.encode(text)).join('');
}

// ---------- RFC 2047 encoded-words ----------

const EW_PREFIX = '=?UTF-8?B?';
const EW_SUFFIX = '?=';
/** 75 − 12 characters of wrapper leave 63 for base64, i.e. 45 bytes (15 whole groups). */
const EW_MAX_BYTES = 45;

/**
 * Splits text into RFC 2047 B-encoded words of at most 75 characters, each holding whole code points
 * (a word must decode to complete UTF-8 on its own). Adjacent encoded words separated by folding
 * whitespace decode with the whitespace dropped, so the split is lossless.
 */
export function encodedWords(text: string, firstMax = 75): string[] {
  const words: string[] = [];
  let current = '';
  let currentBytes = 0;
  // The first word shares its line with the header name, so it may have to be shorter.
  const firstBytes = Math.max(3, Math.floor((Math.min(firstMax, 75) - 12) / 4) * 3);
  for (const ch of text) {
    const n = encoder.encode(ch).length;
    const max = words.length === 0 ? firstBytes : EW_MAX_BYTES;
    if (currentBytes + n > max && current) {
      words.push(EW_PREFIX + base64OfString(current) + EW_SUFFIX);
      current = '';
      currentBytes = 0;
    }
    current += ch;
    currentBytes += n;
  }
  if (current || words.length === 0) words.push(EW_PREFIX + base64OfString(current) + EW_SUFFIX);
  return words;
}

// ---------- header folding ----------

/**
 * Joins `Name: token token…` and folds before a token when the line would exceed 76 characters.
 * Tokens carry their own trailing punctuation and are each short (≤ 75), so no line nears 998.
 */
export function foldHeader(name: string, tokens: string[]): string {
  let out = `${name}:`;
  let lineLength = out.length;
  for (const token of tokens) {
    if (lineLength + 1 + token.length > HEADER_WIDTH && lineLength > name.length + 1) {
      out += `${CRLF} ${token}`;
      lineLength = 1 + token.length;
    } else {
      out += ` ${token}`;
      lineLength += 1 + token.length;
    }
  }
  return out;
}

/** Room for the first token after `Name: ` within 78 characters. */
const firstRoom = (header: string) => 78 - header.length - 2;

/**
 * Unstructured text (Subject): plain when it is printable ASCII with single spaces and short words
 * (folding at a space is then lossless); otherwise encoded words, which keep every character.
 */
function textTokens(text: string, firstMax: number): string[] {
  if (text === '') return [];
  const words = text.split(' ');
  const plain =
    isPrintableAscii(text) &&
    !text.includes('=?') &&
    words.every((w, i) => w.length > 0 && w.length <= (i === 0 ? firstMax : 76));
  return plain ? words : encodedWords(text, firstMax);
}

const ATEXT_PHRASE = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+( [A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+)*$/;

function displayNameTokens(name: string, firstMax: number): string[] {
  if (ATEXT_PHRASE.test(name) && !name.includes('=?') && name.split(' ').every((w, i) => w.length <= (i === 0 ? firstMax : 76))) {
    return name.split(' ');
  }
  if (isPrintableAscii(name) && name.length + 2 <= firstMax && !name.includes('=?')) {
    return [`"${name.replace(/["\\]/g, '\\$&')}"`];
  }
  return encodedWords(name, firstMax);
}

/** An addr-spec we can write without SMTPUTF8: printable ASCII, one @, no spaces or brackets. */
export function isPlainAddress(address: string): boolean {
  return /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/.test(address) && isPrintableAscii(address) && address.length <= 254;
}

function addressTokens(address: EmlAddress, firstMax: number): string[] {
  const { name, address: addr } = typeof address === 'string' ? { name: undefined, address } : address;
  if (!isPlainAddress(addr)) throw new RangeError(`not an e-mail address we can write: ${JSON.stringify(addr)}`);
  const display = name ? sanitizeHeaderText(name).trim() : '';
  return display ? [...displayNameTokens(display, firstMax), `<${addr}>`] : [addr];
}

function addressListTokens(header: string, list: EmlAddress[]): string[] {
  const tokens: string[] = [];
  list.forEach((address, i) => {
    const t = addressTokens(address, i === 0 ? firstRoom(header) : 75);
    if (i < list.length - 1) t[t.length - 1] += ',';
    tokens.push(...t);
  });
  return tokens;
}

// ---------- RFC 2231 parameters ----------

/** RFC 2231 attribute-char: anything but SPACE, CTLs, `*'%` and tspecials. */
const ATTRIBUTE_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;

function percentEncode(text: string): string[] {
  // One entry per original byte or safe char, so a continuation never splits a %XX triplet.
  const pieces: string[] = [];
  for (const byte of encoder.encode(text)) {
    const ch = String.fromCharCode(byte);
    pieces.push(ATTRIBUTE_CHAR.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`);
  }
  return pieces;
}

/** A name that needs no RFC 2231 encoding: short printable ASCII without quotes or backslashes. */
function isSimpleFileName(name: string): boolean {
  return isPrintableAscii(name) && !/["\\]/.test(name) && name.length <= 60 && name.trim() === name && name.length > 0;
}

/**
 * `name="…"` when the value is simple; otherwise an ASCII fallback `name="…"` for old readers plus
 * `name*0*=utf-8''…; name*1*=…` (RFC 2231 continuations keep each line short). Compliant readers
 * prefer the starred form.
 */
function fileNameParams(param: string, name: string): string[] {
  if (isSimpleFileName(name)) return [`${param}="${name}"`];
  const fallback = asciiFileName(name, 60);
  const pieces = percentEncode(name);
  const segments: string[] = [];
  let current = '';
  for (const p of pieces) {
    if (current.length + p.length > 60) {
      segments.push(current);
      current = '';
    }
    current += p;
  }
  segments.push(current);
  const starred =
    segments.length === 1
      ? [`${param}*=utf-8''${segments[0]}`]
      : segments.map((s, i) => `${param}*${i}*=${i === 0 ? "utf-8''" : ''}${s}`);
  return [`${param}="${fallback}"`, ...starred];
}

/** `Name: value; p1; p2` with each parameter on its own folded line when it does not fit. */
function headerWithParams(name: string, value: string, params: string[]): string {
  const tokens = [value, ...params].map((t, i, all) => (i < all.length - 1 ? `${t};` : t));
  return foldHeader(name, tokens);
}

// ---------- quoted-printable body ----------

/**
 * Quoted-printable (RFC 2045 §6.7) of UTF-8 text; readable in the raw file. Hard line breaks are CRLF;
 * soft breaks keep lines ≤ 76 including the trailing `=`; whitespace before a line end is encoded.
 */
export function quotedPrintable(text: string): string {
  const out: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const bytes = encoder.encode(line);
    let current = '';
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      const last = i === bytes.length - 1;
      let piece: string;
      if ((b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last)) piece = String.fromCharCode(b);
      else piece = `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
      // Keep room for the soft-break `=` (it also protects a space left at the end of the line).
      if (current.length + piece.length > 75) {
        // Break after a space when there is one late enough, so words stay whole in the raw file.
        const space = current.lastIndexOf(' ');
        const at = space >= 40 ? space + 1 : current.length;
        out.push(`${current.slice(0, at)}=`);
        current = current.slice(at);
      }
      current += piece;
    }
    out.push(current);
  }
  return out.join(CRLF);
}

// ---------- the message ----------

/** A boundary containing `=_`, which neither base64 nor quoted-printable output can contain. */
function chooseBoundary(parts: string[]): string {
  for (let n = 0; ; n++) {
    const boundary = `=_mtc_evidence_${n.toString(36)}`;
    if (!parts.some((p) => p.includes(boundary))) return boundary;
  }
}

/** Builds the draft e-mail as a string of ASCII with CRLF line endings. */
/**
 * The message as pieces: header and body text, with each attachment's base64 kept as bytes (tens of
 * megabytes of certificates need not become a string and back).
 */
function emlPieces(input: EmlInput): (string | Uint8Array)[] {
  const to = Array.isArray(input.to) ? input.to : [input.to];
  const headers: string[] = [];
  if (input.from) headers.push(foldHeader('From', addressListTokens('From', [input.from])));
  headers.push(foldHeader('To', addressListTokens('To', to)));
  headers.push(foldHeader('Subject', textTokens(sanitizeHeaderText(input.subject), firstRoom('Subject'))));
  headers.push('X-Unsent: 1');
  headers.push('MIME-Version: 1.0');

  const bodyPart = [
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(input.text),
  ].join(CRLF);

  const attachmentHeads = input.attachments.map((a) => {
    const name = sanitizeHeaderText(a.filename);
    const contentType = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i.test(a.contentType) ? a.contentType : 'application/octet-stream';
    return [
      headerWithParams('Content-Type', contentType, fileNameParams('name', name)),
      'Content-Transfer-Encoding: base64',
      headerWithParams('Content-Disposition', 'attachment', fileNameParams('filename', name)),
      '',
      '',
    ].join(CRLF);
  });

  // base64 output never holds "=_", so only the text parts need checking against the boundary.
  const boundary = chooseBoundary([bodyPart, ...attachmentHeads]);
  headers.push(headerWithParams('Content-Type', 'multipart/mixed', [`boundary="${boundary}"`]));

  const pieces: (string | Uint8Array)[] = [[...headers, '', 'This is a multi-part message in MIME format.', `--${boundary}`, bodyPart].join(CRLF)];
  input.attachments.forEach((a, i) => {
    pieces.push(`${CRLF}--${boundary}${CRLF}${attachmentHeads[i]!}`, base64WrappedBytes(a.data));
  });
  pieces.push(`${CRLF}--${boundary}--${CRLF}`);
  return pieces;
}

export function buildEml(input: EmlInput): string {
  return emlPieces(input)
    .map((p) => (typeof p === 'string' ? p : ascii.decode(p)))
    .join('');
}

/** The same message as UTF-8 bytes, built without turning the attachments into one big string. */
export function buildEmlBytes(input: EmlInput): Uint8Array {
  const chunks = emlPieces(input).map((p) => (typeof p === 'string' ? encoder.encode(p) : p));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
