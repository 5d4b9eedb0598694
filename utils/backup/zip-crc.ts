// The CRC-32 a zip lists for an entry, and the CRC-32 of bytes, to compare them. fflate unpacks without
// checking CRCs, so a byte changed inside a deflated or stored file comes out as other bytes, not as an
// error. The backup's files are checked by the SHA-256 its index lists; the index itself, which holds the
// settings, is checked by its CRC here (format.ts). Pure: no browser APIs.

import { readZipDirectory, ZipDamagedError } from '@/utils/zip-directory';

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
 * The CRC-32 the zip's central directory lists for the entry named `name`, or null when the directory
 * cannot be read or does not list it once.
 */
export function listedCrc(zip: Uint8Array, name: string): number | null {
  let found: number | null = null;
  try {
    for (const entry of readZipDirectory(zip).entries()) {
      if (entry.name !== name) continue;
      if (found !== null) return null;
      found = entry.crc;
    }
  } catch (error) {
    if (error instanceof ZipDamagedError) return null;
    throw error;
  }
  return found;
}
