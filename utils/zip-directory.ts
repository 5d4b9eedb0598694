// A zip's central directory: what each entry is called, how it is packed, its sizes, its CRC-32 and where
// its data starts. fflate unpacks without telling these, and two readers need them before or beside it:
// spreadsheets are measured against limits before anything inflates (utils/sheets/zip.ts), and a backup's
// index is checked against its CRC (utils/backup/zip-crc.ts). Pure: no browser APIs.

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The file is not a zip we can read (cut short, or not a zip at all). */
export class ZipDamagedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipDamagedError';
  }
}

export interface ZipDirectory {
  /** How many entries the end record says the directory lists. */
  count: number;
  /** Where the directory starts and how long it is, as the end record says. */
  offset: number;
  size: number;
  /** The entries, read one at a time, so a caller can stop at the first it refuses. Throws ZipDamagedError. */
  entries(): Generator<ZipEntry>;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
/** A size or offset too large for the classic zip fields: the real value is in a ZIP64 record. */
export const ZIP64_MARK = 0xffffffff;

export const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
export const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/** Reads the end record; throws ZipDamagedError when there is none. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  // The record is 22 bytes plus a comment of at most 65,535: search backwards within that.
  let end = -1;
  for (let at = bytes.length - 22, stop = Math.max(0, bytes.length - 22 - 0xffff); at >= stop; at--) {
    if (u32(bytes, at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipDamagedError('no zip directory (the file is cut short or not a zip)');
  const count = u16(bytes, end + 10);
  const size = u32(bytes, end + 12);
  const offset = u32(bytes, end + 16);
  function* entries(): Generator<ZipEntry> {
    if (offset + size > end) throw new ZipDamagedError('the zip directory points outside the file');
    const names = new TextDecoder();
    let at = offset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > end || u32(bytes, at) !== CENTRAL) throw new ZipDamagedError('the zip directory is damaged');
      const nameLength = u16(bytes, at + 28);
      yield {
        flags: u16(bytes, at + 8),
        method: u16(bytes, at + 10),
        crc: u32(bytes, at + 16),
        compressedSize: u32(bytes, at + 20),
        size: u32(bytes, at + 24),
        localOffset: u32(bytes, at + 42),
        name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      };
      at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    }
  }
  return { count, offset, size, entries };
}
