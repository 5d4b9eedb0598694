// Measures a zipped workbook (.xlsx) before anything inflates it. The central directory says what
// each entry inflates to; a file that declares more than the limits is refused from that alone,
// without inflating a byte. A file whose entries inflate to more than they declare (a crafted
// directory) is caught by inflating each entry once with fflate, streaming and discarding, and
// stopping at the first byte past the declared size: SheetJS is handed the file only once every
// entry is known to stay within the limits.
import { Inflate } from 'fflate';
import { readZipDirectory, u16, u32, ZIP64_MARK, ZipDamagedError, type ZipEntry } from '@/utils/zip-directory';
import { megabytes, SheetLimitError, type SheetLimits } from './limits';

const LOCAL = 0x04034b50;

/** The entries the central directory lists, checked against the limits from what it declares. */
export function zipDirectory(bytes: Uint8Array, limits: Pick<SheetLimits, 'maxEntries' | 'maxInflatedBytes'>): ZipEntry[] {
  const directory = readZipDirectory(bytes);
  if (directory.count === 0xffff || directory.offset === ZIP64_MARK || directory.size === ZIP64_MARK) {
    // ZIP64: only for archives beyond 4 GB or 65,535 entries, far beyond any workbook we read.
    throw new SheetLimitError('It is a zip archive too large for a spreadsheet (ZIP64).');
  }
  if (directory.count > limits.maxEntries) {
    throw new SheetLimitError(`It holds ${directory.count.toLocaleString('en-GB')} parts; a workbook has a few dozen at most.`);
  }
  const entries: ZipEntry[] = [];
  let total = 0;
  for (const entry of directory.entries()) {
    if (entry.size === ZIP64_MARK || entry.compressedSize === ZIP64_MARK || entry.localOffset === ZIP64_MARK) {
      throw new SheetLimitError('It is a zip archive too large for a spreadsheet (ZIP64).');
    }
    total += entry.size;
    if (total > limits.maxInflatedBytes) {
      throw new SheetLimitError(
        `Unpacked, it would take more than ${megabytes(limits.maxInflatedBytes)} (it declares ${megabytes(total)} so far, from a ${megabytes(bytes.length)} file); a real one is far smaller.`,
      );
    }
    entries.push(entry);
  }
  return entries;
}

/**
 * Compressed bytes per push. Deflate expands at most ~1,032 times, so a push never overshoots the
 * declared size by more than about that size again: small pushes for small entries stop a lying one
 * early, bigger ones keep a real 20,000-row sheet quick (~50 ms).
 */
const chunkFor = (declared: number) => Math.min(64 * 1024, Math.max(1024, Math.floor(declared / 1024)));

/** Where an entry's data starts, after its local header; checks the header agrees with the directory. */
function dataStart(bytes: Uint8Array, entry: ZipEntry): number {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL) throw new ZipDamagedError(`the part “${entry.name}” is missing`);
  const localSize = u32(bytes, at + 22);
  // A streamed entry (flag 8) may leave its sizes 0 here; any other value must match the directory.
  if (localSize !== entry.size && !((u16(bytes, at + 6) & 8) && localSize === 0)) {
    throw new ZipDamagedError(`the sizes of “${entry.name}” disagree`);
  }
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  if (start + entry.compressedSize > bytes.length) throw new ZipDamagedError(`the part “${entry.name}” is cut short`);
  return start;
}

/** Inflates one entry, keeping nothing, and stops as soon as it passes its declared size. */
function checkInflatedSize(bytes: Uint8Array, entry: ZipEntry, start: number): void {
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > entry.size) throw new SheetLimitError(`Its part “${entry.name}” unpacks to more than it declares (${megabytes(entry.size)}): the file is damaged or crafted.`);
  });
  const data = bytes.subarray(start, start + entry.compressedSize);
  const chunk = chunkFor(entry.size);
  try {
    for (let at = 0; at < data.length; at += chunk) inflater.push(data.subarray(at, at + chunk), at + chunk >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof SheetLimitError) throw error;
    throw new ZipDamagedError(`the part “${entry.name}” is damaged`);
  }
}

/**
 * Throws SheetLimitError when the workbook is beyond the limits (declared or real), ZipDamagedError
 * when it cannot be a readable zip. Encrypted entries and methods other than stored/deflate are left
 * to SheetJS, which refuses them.
 */
export function checkZipWorkbook(bytes: Uint8Array, limits: Pick<SheetLimits, 'maxEntries' | 'maxInflatedBytes'>): void {
  for (const entry of zipDirectory(bytes, limits)) {
    const start = dataStart(bytes, entry);
    if (entry.method === 8 && !(entry.flags & 1)) checkInflatedSize(bytes, entry, start);
    else if (entry.method === 0 && entry.compressedSize !== entry.size) throw new ZipDamagedError(`the sizes of “${entry.name}” disagree`);
  }
}
