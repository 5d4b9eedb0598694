// The CRC-32 a zip lists for an entry, and the CRC-32 of bytes, to compare them. fflate unpacks without
// checking CRCs, so a byte changed inside a deflated or stored file comes out as other bytes, not as an
// error. The backup's files are checked by the SHA-256 its index lists; the index itself, which holds the
// settings, is checked by its CRC here (format.ts). Pure: no browser APIs.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

let table: Uint32Array | null = null;

/** CRC-32 (IEEE 802.3, as zip uses), the table built on first use. */
export function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * The CRC-32 the zip's central directory lists for the entry named `name` (an ASCII name), or null when
 * the directory cannot be read or does not list it once.
 */
export function listedCrc(zip: Uint8Array, name: string): number | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end record is the last 22 bytes, before a comment of at most 65,535.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let found: number | null = null;
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== CENTRAL) return null;
    const nameLength = view.getUint16(at + 28, true);
    const skip = 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (at + skip > zip.length) return null;
    if (nameLength === name.length && [...name].every((c, i) => zip[at + 46 + i] === c.charCodeAt(0))) {
      if (found !== null) return null;
      found = view.getUint32(at + 16, true);
    }
    at += skip;
  }
  return found;
}
