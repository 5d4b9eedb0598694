// The zip central-directory reader shared by the spreadsheet limits and the backup's index check
// (utils/zip-directory.ts), against zips fflate writes.
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { zipLevelled } from './fixtures/zip';
import { describe, expect, it } from 'vitest';
import { readZipDirectory, ZipDamagedError } from '@/utils/zip-directory';

describe('zip directory', () => {
  it('lists each entry fflate wrote: its name, method, sizes, and where its data is', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-zé]{1,8}\/[a-z]{1,8}\.xml$/), fc.uint8Array({ maxLength: 300 }), { minKeys: 1 }), fc.boolean(), (files, store) => {
        const zip = zipLevelled(files, () => store);
        const directory = readZipDirectory(zip);
        const entries = [...directory.entries()];
        expect(directory.count).toBe(Object.keys(files).length);
        expect(entries.map((e) => e.name).sort()).toEqual(Object.keys(files).sort());
        const unpacked = unzipSync(zip);
        for (const e of entries) {
          expect(e.size).toBe(files[e.name]!.length);
          expect(e.size).toBe(unpacked[e.name]!.length);
          expect(store ? e.method === 0 && e.compressedSize === e.size : e.method === 8 || e.method === 0).toBe(true);
          expect(zip[e.localOffset]).toBe(0x50); // "PK", the local header's signature
          expect(zip[e.localOffset + 1]).toBe(0x4b);
        }
      }),
    );
  });

  it('refuses what is not a zip, a directory pointing outside the file, and a damaged directory', () => {
    const zip = zipSync({ 'a.json': strToU8('{}'), 'b.json': strToU8('[]') });
    expect(() => readZipDirectory(strToU8('not a zip at all, but long enough to look'))).toThrow(ZipDamagedError);
    const cut = zip.slice(4);
    expect(() => [...readZipDirectory(cut).entries()]).toThrow(ZipDamagedError);
    const directory = readZipDirectory(zip);
    const damaged = zip.slice();
    damaged[directory.offset] = 0; // the first entry's signature
    expect(() => [...readZipDirectory(damaged).entries()]).toThrow('the zip directory is damaged');
  });
});
