// The zip CRC-32 check behind the backup index's integrity (utils/backup/zip-crc.ts), against fflate's own zips.
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { zipLevelled } from '../fixtures/zip';
import { describe, expect, it } from 'vitest';
import { crc32, listedCrc } from '@/utils/backup/zip-crc';

describe('zip CRC-32', () => {
  it('is the standard CRC-32', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('matches what fflate lists for every entry, stored or deflated, and tells a changed byte', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z]{1,8}\.json$/), fc.uint8Array({ maxLength: 300 }), { minKeys: 1 }), fc.boolean(), (files, store) => {
        const zip = zipLevelled(files, () => store);
        for (const [name, data] of Object.entries(files)) {
          expect(listedCrc(zip, name)).toBe(crc32(data));
          if (data.length) {
            const changed = data.slice();
            changed[0] = changed[0]! ^ 1;
            expect(crc32(changed)).not.toBe(crc32(data));
          }
        }
        expect(listedCrc(zip, 'absent.json')).toBeNull();
      }),
    );
  });

  it('reads nothing from what is not a zip, or a zip cut short', () => {
    const zip = zipSync({ 'a.json': strToU8('{}') });
    expect(listedCrc(strToU8('not a zip at all, but long enough to look'), 'a.json')).toBeNull();
    expect(listedCrc(zip.slice(0, zip.length - 4), 'a.json')).toBeNull();
  });
});
