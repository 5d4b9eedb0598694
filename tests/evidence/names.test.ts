// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiFileName, transliterate, uniqueNames } from '@/utils/evidence/names';

describe('asciiFileName', () => {
  it.each([
    ['Sécurité incendie.pdf', 'Securite-incendie.pdf'],
    ['Straße Ærø Łódź.PDF', 'Strasse-AEro-Lodz.pdf'],
    ['Certificate (3).pdf', 'Certificate-3.pdf'],
    ['😀😀.png', 'file.png'],
    ['', 'file'],
    ['Report v1.2 final', 'Report-v1.2-final'],
    ['con.pdf', 'con-file.pdf'],
    ['../../etc/passwd', 'etc-passwd'],
    ['Data Protection and Freedom of Information certificate.pdf', 'Data-Protection-and-Freedom-of-Infor.pdf'],
  ])('%j → %j', (name, expected) => {
    expect(asciiFileName(name)).toBe(expected);
  });

  it('is short, safe ASCII and keeps a short extension', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('', '.pdf', '.PNG', '.xlsx'), fc.integer({ min: 8, max: 80 }), (stem, ext, max) => {
        const out = asciiFileName(stem + ext, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
        if (ext) expect(out.endsWith(ext.toLowerCase())).toBe(true);
      }),
    );
  });

  it('transliterates common diacritics', () => {
    expect(transliterate('Zoë Ñúñez Øre ﬁle')).toBe('Zoe Nunez Ore file');
  });
});

describe('uniqueNames', () => {
  it('makes names unique ignoring case, within the length, keeping the extension', () => {
    expect(uniqueNames(['certificate.pdf', 'Certificate.PDF', 'certificate.pdf', 'certifícate.pdf'])).toEqual([
      'certificate.pdf',
      'Certificate-2.pdf',
      'certificate-3.pdf',
      'certificate-4.pdf',
    ]);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a.pdf', 'A.pdf', 'é.pdf', 'x'.repeat(60) + '.pdf', '', 'b'), { maxLength: 30 }), (names) => {
        const out = uniqueNames(names, 20);
        expect(new Set(out.map((n) => n.toLowerCase())).size).toBe(out.length);
        for (const n of out) expect(n.length).toBeLessThanOrEqual(20);
      }),
    );
  });
});
