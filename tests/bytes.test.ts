import { describe, expect, it } from 'vitest';
import { evidenceMediaType, fromBase64, sniffKind, toBase64 } from '@/utils/bytes';
import { checkEvidenceFile } from '@/utils/evidence/locker';
import { buildEvidencePack } from '@/utils/evidence/pack';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';

const enc = new TextEncoder();

describe('sniffKind: one tolerance for every reader of files', () => {
  it('knows each kind by its bytes, not its name', () => {
    expect(sniffKind(new Uint8Array())).toBe('empty');
    expect(sniffKind(enc.encode('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(sniffKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('xlsx');
    expect(sniffKind(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('xls');
    expect(sniffKind(enc.encode('\uFEFF  <!DOCTYPE html><form>'))).toBe('html');
    expect(sniffKind(enc.encode('<svg xmlns="http://www.w3.org/2000/svg">'))).toBe('html');
    expect(sniffKind(enc.encode('Name,Course\n'))).toBe('other');
  });

  it('accepts a PDF header after a little junk (as PDF readers do), but not after 1 KB', () => {
    expect(sniffKind(enc.encode(`${'x'.repeat(100)}%PDF-1.4`))).toBe('pdf');
    expect(sniffKind(enc.encode(`${'x'.repeat(1100)}%PDF-1.4`))).toBe('other');
  });

  it('a PDF the locker accepts is attached by the pack too (they once disagreed)', async () => {
    const pdf = enc.encode(`\r\n\r\n%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n`);
    expect(checkEvidenceFile(pdf)).toEqual({ contentType: 'application/pdf', kind: 'certificate' });
    const pack = await buildEvidencePack({
      profile: UCL_PROFILE,
      person: { name: 'Alex Taylor', email: 'alex.taylor@ucl.ac.uk' },
      today: '2026-11-30',
      courses: [{ name: 'UCL Fire Safety', completedOn: '2025-01-10', due: '2028-01-10', certificateFiles: ['c.pdf'] }],
      records: [],
      renewalFor: () => null,
      certificates: [{ course: 'UCL Fire Safety', completedOn: '2025-01-10', fileName: 'c.pdf', data: pdf, sourceUrl: '' }],
      screenshots: [],
      failures: [],
    });
    expect(pack.manifest.failures).toEqual([]);
    expect(pack.manifest.files.some((f) => f.path.startsWith('certificates/') && f.mediaType === 'application/pdf')).toBe(true);
  });

  it('only PDFs and images are evidence media types', () => {
    expect(evidenceMediaType('pdf')).toBe('application/pdf');
    expect(evidenceMediaType('jpeg')).toBe('image/jpeg');
    expect(evidenceMediaType('html')).toBeNull();
    expect(evidenceMediaType('xlsx')).toBeNull();
  });

  it('base64 round-trips large files', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => i % 251);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
  });
});
