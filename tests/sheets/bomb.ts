// Crafted workbooks for the limit tests. The bomb is a real .xlsx whose sheet is a real deflate
// stream of ~466 KB that inflates to ~490 MB (like the one in issue 14): compressors take seconds to
// make one, so the stream is written by hand. One dynamic-Huffman block in which "repeat the last
// 258 bytes" costs 2 bits, between stored blocks holding the XML's start and end.
import * as XLSX from '@e965/xlsx';
import { deflateSync, unzipSync } from 'fflate';
import { crc32 } from '@/utils/backup/zip-crc';

class BitWriter {
  bytes: Uint8Array;
  bit = 0;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
  }
  /** `n` bits of `value`, least significant first (deflate's order for everything but Huffman codes). */
  bits(value: number, n: number) {
    for (let i = 0; i < n; i++, this.bit++) if ((value >> i) & 1) this.bytes[this.bit >> 3]! |= 1 << (this.bit & 7);
  }
  /** A Huffman code, most significant bit first. */
  code(code: string) {
    for (const c of code) this.bits(c === '1' ? 1 : 0, 1);
  }
  align() {
    this.bit = (this.bit + 7) & ~7;
  }
  stored(data: Uint8Array, final: boolean) {
    this.bits(final ? 1 : 0, 1);
    this.bits(0, 2);
    this.align();
    this.bits(data.length, 16);
    this.bits(~data.length & 0xffff, 16);
    this.bytes.set(data, this.bit >> 3);
    this.bit += data.length * 8;
  }
  done() {
    return this.bytes.slice(0, (this.bit + 7) >> 3);
  }
}

/** Raw deflate of `head`, then ' ' repeated 1 + 258 × `repeats` times, then `tail`. */
export function spacesDeflate(head: string, repeats: number, tail: string): { data: Uint8Array; size: number } {
  const enc = new TextEncoder();
  const [h, t] = [enc.encode(head), enc.encode(tail)];
  const w = new BitWriter(h.length + t.length + Math.ceil((repeats * 2) / 8) + 64);
  w.stored(h, false);
  // Dynamic block: literal/length codes 0–285 (HLIT 29), one distance code (HDIST 0), 18 code-length codes.
  w.bits(0, 1);
  w.bits(2, 2);
  w.bits(29, 5);
  w.bits(0, 5);
  w.bits(14, 4);
  // Code-length code lengths in RFC 1951 order 16,17,18,0,8,7,9,6,10,5,11,4,12,3,13,2,14,1: 18→1, 2→2, 1→2.
  for (const sym of [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1]) w.bits(sym === 18 ? 1 : sym === 2 || sym === 1 ? 2 : 0, 3);
  const [repeatZeros, one, two] = ['0', '10', '11']; // canonical codes of 18, 1 and 2
  const zeros = (n: number) => {
    w.code(repeatZeros);
    w.bits(n - 11, 7);
  };
  zeros(32); // 0–31 unused
  w.code(two); // 32 ' ': length 2
  zeros(138); // 33–170
  zeros(85); // 171–255
  w.code(two); // 256 end of block: length 2
  zeros(28); // 257–284
  w.code(one); // 285 (copy 258 bytes): length 1
  w.code(one); // distance code 0 (distance 1): length 1
  // Codes: 285 → 0, ' ' → 10, end → 11; distance 0 → 0.
  w.code('10');
  w.bit += repeats * 2; // each "copy 258 from 1 back" is two zero bits, already zero in the buffer
  w.code('11');
  w.stored(t, true);
  return { data: w.done(), size: h.length + 1 + repeats * 258 + t.length };
}

interface RawEntry {
  name: string;
  data: Uint8Array;
  size: number;
  crc: number;
}

/** A zip of already-deflated entries, sizes as given (so a test can make them lie). */
export function zipDeflated(entries: RawEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, 8, true);
    local.setUint32(14, e.crc, true);
    local.setUint32(18, e.data.length, true);
    local.setUint32(22, e.size, true);
    local.setUint16(26, name.length, true);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 20, true);
    dir.setUint16(6, 20, true);
    dir.setUint16(10, 8, true);
    dir.setUint32(16, e.crc, true);
    dir.setUint32(20, e.data.length, true);
    dir.setUint32(24, e.size, true);
    dir.setUint16(28, name.length, true);
    dir.setUint32(42, offset, true);
    parts.push(new Uint8Array(local.buffer), name, e.data);
    central.push(new Uint8Array(dir.buffer), name);
    offset += 30 + name.length + e.data.length;
  }
  const centralSize = central.reduce((n, p) => n + p.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Course Name</t></is></c><c r="B1" t="inlineStr"><is><t>Status</t></is></c></row></sheetData></worksheet>';

/**
 * A workbook made by SheetJS whose sheet is replaced by the bomb. `declare` overrides the sheet's
 * declared size (a crafted directory that lies); by default it is honest.
 */
export function bombWorkbook(options: { repeats?: number; declare?: number } = {}): { file: Uint8Array; inflatedSize: number } {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Course Name', 'Status']]), 'Training history');
  const files = unzipSync(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  const bomb = spacesDeflate(SHEET_HEAD, options.repeats ?? 1_900_000, SHEET_TAIL);
  const entries = Object.entries(files).map(([name, data]): RawEntry =>
    name === 'xl/worksheets/sheet1.xml'
      ? // The CRC is left 0: working it out means inflating 490 MB, and no reader here checks it.
        { name, data: bomb.data, size: options.declare ?? bomb.size, crc: 0 }
      : { name, data: deflateSync(data), size: data.length, crc: crc32(data) },
  );
  return { file: zipDeflated(entries), inflatedSize: bomb.size };
}
