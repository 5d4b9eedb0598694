// @vitest-environment node
import { createHash } from 'node:crypto';
import * as XLSX from '@e965/xlsx';
import JSZip from 'jszip';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { parseCsv } from '@/utils/evidence/csv';
import { buildEvidencePack, datedNames, escapeHtml, evidenceSubject, type EvidencePackInput, type Manifest } from '@/utils/evidence/pack';
import { recordId, type CompletionRecord } from '@/utils/records';

const bytes = (prefix: string, n: number, seed = 1) => {
  const out = new Uint8Array(prefix.length + n);
  out.set(new TextEncoder().encode(prefix));
  for (let i = 0; i < n; i++) out[prefix.length + i] = (i * 2654435761 + seed) >>> 24;
  return out;
};
const pdf = (seed: number) => bytes('%PDF-1.7\n', 3000, seed);
const png = (seed: number) => {
  const b = bytes('', 2000, seed);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return b;
};

function historyXlsx(): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([['Course Name', 'Enrollment Completed Date'], ['UCL Fire Safety', '12/03/2024']]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Training');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

function record(over: Partial<CompletionRecord>): CompletionRecord {
  const r: CompletionRecord = {
    id: '', course: 'UCL Fire Safety', title: 'UCL Fire Safety', status: 'completed', completedOn: '2024-03-12', dueOn: null,
    certExpiresOn: null, enrollmentId: '123456789', certificateUrl: null, source: 'learnupon',
    sourceUrl: 'https://ucl.learnupon.com/dashboard', seenAt: '2025-05-01T09:00:00.000Z', countsForCompliance: true, ...over,
  };
  return { ...r, id: recordId(r) };
}

function input(over: Partial<EvidencePackInput> = {}): EvidencePackInput {
  return {
    profile: UCL_PROFILE,
    person: { name: 'Zoë Ñúñez-O’Brien', email: 'z.nunez@ucl.ac.uk' },
    today: '2025-05-01',
    courses: [
      { name: 'UCL Fire Safety', completedOn: '2024-03-12', due: '2027-03-12', certificateFiles: ['certificate.pdf'] },
      { name: 'Data Protection and Freedom of Information', completedOn: '2024-11-05', due: '2025-11-05', certificateFiles: [] },
    ],
    records: [
      record({}),
      record({ course: 'Data Protection and Freedom of Information', title: 'Data Protection & FOI <b>2024</b>', completedOn: '2024-11-05', enrollmentId: null, source: 'training-history' }),
      record({ course: 'Moodle fire course', title: '=HYPERLINK("http://evil")', source: 'external', countsForCompliance: false, enrollmentId: null }),
    ],
    renewalFor: (r) => (r.completedOn ? `${Number(r.completedOn.slice(0, 4)) + 3}${r.completedOn.slice(4)}` : null),
    history: { bytes: historyXlsx(), fileName: 'Training History (Zoë).xlsx', sourceUrl: 'https://ucl.learnupon.com/users/history.xlsx' },
    certificates: [
      { course: 'UCL Fire Safety', completedOn: '2024-03-12', fileName: 'certificate.pdf', data: pdf(1), sourceUrl: 'https://ucl.learnupon.com/enrollments/123456789/certificate' },
      { course: 'Data Protection and Freedom of Information', completedOn: '2024-11-05', fileName: 'certificate.pdf', data: pdf(2), sourceUrl: '' },
      { course: 'Prevent at UCL', completedOn: '2023-01-01', fileName: 'cert.pdf', data: new TextEncoder().encode('<!DOCTYPE html><html><body>Sign in</body></html>'), sourceUrl: 'https://ucl.learnupon.com/x' },
    ],
    screenshots: [{ title: 'My courses — Dashboard <script>', url: 'https://ucl.learnupon.com/dashboard', capturedAt: '2025-05-01T08:59:00.000Z', data: png(3) }],
    failures: [{ what: 'Certificate for Introduction to Equality, Diversity, and Inclusion', reason: 'the download failed (HTTP 404)' }],
    ...over,
  };
}

const STORED = 0;
const DEFLATED = 8;

/** Each entry's compression method, read from the zip's own local file headers (APPNOTE 4.3.7). */
function zipMethods(zip: Uint8Array): Map<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const methods = new Map<string, number>();
  for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
    const method = view.getUint16(at + 8, true);
    const compressed = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    methods.set(new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLength)), method);
    at += 30 + nameLength + extraLength + compressed;
  }
  return methods;
}

async function open(zip: Uint8Array) {
  const z = await JSZip.loadAsync(zip);
  const files = new Map<string, Uint8Array>();
  for (const name of Object.keys(z.files)) {
    if (!z.files[name]!.dir) files.set(name, await z.files[name]!.async('uint8array'));
  }
  return { z, files };
}

describe('buildEvidencePack', () => {
  it('has the contract layout, opens with an independent reader and the manifest hashes match', async () => {
    const pack = await buildEvidencePack(input());
    expect(pack.fileName).toBe('mandatory-training-evidence-2025-05-01.zip');
    const { files } = await open(pack.zip);
    expect([...files.keys()]).toEqual([
      'completion-issue.eml',
      'summary.html',
      'training-history.xlsx',
      'training-history.csv',
      'certificates/UCL-Fire-Safety-2024-03-12.pdf',
      'certificates/Data-Protection-and-Fr-2024-11-05.pdf',
      'screenshots/My-courses-Dashboard-s-2025-05-01.png',
      'manifest.json',
    ]);
    for (const name of files.keys()) expect(name).toMatch(/^[A-Za-z0-9/._-]+$/);

    const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json'))) as Manifest;
    expect(manifest).toEqual(pack.manifest);
    expect(manifest.files.map((f) => f.path)).toEqual([...files.keys()].filter((n) => n !== 'manifest.json'));
    for (const entry of manifest.files) {
      const data = files.get(entry.path)!;
      expect(entry.size).toBe(data.length);
      expect(entry.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    }
    expect(manifest.files.find((f) => f.path === 'training-history.xlsx')!.source).toBe('https://ucl.learnupon.com/users/history.xlsx');
    expect(manifest.files.find((f) => f.path.startsWith('certificates/UCL'))!.source).toBe('https://ucl.learnupon.com/enrollments/123456789/certificate');
    expect(manifest.files.find((f) => f.path.startsWith('certificates/Data'))!.source).toBe('user file');
    expect(manifest.files.find((f) => f.path === 'summary.html')!.source).toBe('generated');
    expect(manifest.failures.map((f) => f.what)).toEqual([
      'Certificate for Introduction to Equality, Diversity, and Inclusion',
      'Certificate for Prevent at UCL (completed 1 Jan 2023)',
    ]);

    // The history is the platform's file, byte for byte; already-compressed files are stored, text deflated.
    expect(Buffer.from(files.get('training-history.xlsx')!).equals(Buffer.from(input().history!.bytes))).toBe(true);
    const methods = zipMethods(pack.zip);
    expect(methods.get('training-history.xlsx')).toBe(STORED);
    expect(methods.get('certificates/UCL-Fire-Safety-2024-03-12.pdf')).toBe(STORED);
    expect(methods.get('completion-issue.eml')).toBe(STORED);
    expect(methods.get('summary.html')).toBe(DEFLATED);
    expect(methods.get('training-history.csv')).toBe(DEFLATED);
    expect([...methods.keys()].sort()).toEqual([...files.keys()].sort());
  });

  it('writes an .eml draft to the mailbox with the certificates and history attached', async () => {
    const pack = await buildEvidencePack(input());
    const { files } = await open(pack.zip);
    const eml = new TextDecoder().decode(files.get('completion-issue.eml'));
    expect(eml).toMatch(/^X-Unsent: 1\r$/m);
    const parsed = await PostalMime.parse(eml);
    expect(parsed.subject).toBe('Mandatory Training (UCL Fire Safety; Data Protection and Freedom of Information) completion issue');
    expect(parsed.to?.map((t) => t.address)).toEqual(['UCLmandatorystafflearning@ucl.ac.uk']);
    expect(parsed.from).toEqual({ name: 'Zoë Ñúñez-O’Brien', address: 'z.nunez@ucl.ac.uk' });
    expect(parsed.attachments.map((a) => a.filename)).toEqual([
      'training-history.xlsx',
      'UCL-Fire-Safety-2024-03-12.pdf',
      'Data-Protection-and-Fr-2024-11-05.pdf',
    ]);
    const byName = (n: string) => new Uint8Array(parsed.attachments.find((a) => a.filename === n)!.content as ArrayBuffer);
    expect(Buffer.from(byName('UCL-Fire-Safety-2024-03-12.pdf')).equals(Buffer.from(files.get('certificates/UCL-Fire-Safety-2024-03-12.pdf')!))).toBe(true);
    expect(Buffer.from(byName('training-history.xlsx')).equals(Buffer.from(files.get('training-history.xlsx')!))).toBe(true);
    const text = parsed.text!;
    expect(text).toContain('Name: Zoë Ñúñez-O’Brien\nEmail: z.nunez@ucl.ac.uk');
    expect(text).toContain('Course: UCL Fire Safety\n  Completed: 12 Mar 2024\n  Certificate: UCL-Fire-Safety-2024-03-12.pdf\n  Renewal due: 12 Mar 2027');
    expect(text).toContain('The attached files are evidence of my completion:');
    expect(text).toContain('- Certificate for Introduction to Equality, Diversity, and Inclusion: the download failed (HTTP 404)');
    expect(text).toContain('- Certificate for Prevent at UCL (completed 1 Jan 2023): the download was a web page (perhaps a sign-in page), not a certificate');
    expect(pack.email.subject).toBe(parsed.subject);
  });

  it('writes every record to the CSV, with a BOM for Excel and formulas guarded', async () => {
    const { files } = await open((await buildEvidencePack(input())).zip);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(files.get('training-history.csv'));
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r[0] === 'Moodle fire course')![1]).toBe(`'=HYPERLINK("http://evil")`);
    expect(rows.find((r) => r[0] === 'UCL Fire Safety')!.slice(3, 5)).toEqual(['2024-03-12', '2027-03-12']);
  });

  it('writes an escaped, accessible, printable summary', async () => {
    const { files } = await open((await buildEvidencePack(input())).zip);
    const html = new TextDecoder().decode(files.get('summary.html'));
    expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
    expect(html).toContain('<title>Mandatory training evidence — Zoë Ñúñez-O&#39;Brien'.replace('&#39;', '’'));
    expect(html).toContain('@media print');
    expect(html).toContain('<caption><h2>Courses in this request</h2></caption>');
    expect(html).toContain('<th scope="col">Course</th>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>2024</b>');
    expect(html).toContain('Data Protection and Freedom of Information');
    expect(html).toContain('screenshots/My-courses-Dashboard-s-2025-05-01.png');
    expect(html).toContain('the download failed (HTTP 404)');
    // Only our own tags: every `<` opens a tag from the template.
    const tags = new Set([...html.matchAll(/<\/?([a-z!][a-z0-9]*)/gi)].map((m) => m[1]!.toLowerCase()));
    expect([...tags].sort()).toEqual(['!doctype', 'body', 'caption', 'dd', 'dl', 'dt', 'h1', 'h2', 'head', 'html', 'li', 'main', 'meta', 'p', 'style', 'table', 'tbody', 'td', 'th', 'thead', 'title', 'tr', 'ul']);
  });

  it('is deterministic: the same input gives the same bytes', async () => {
    const a = await buildEvidencePack(input());
    const b = await buildEvidencePack(input());
    expect(Buffer.from(a.zip).equals(Buffer.from(b.zip))).toBe(true);
  });

  it('still makes a complete pack with no history, certificates or screenshots', async () => {
    const pack = await buildEvidencePack(input({ history: undefined, certificates: [], screenshots: [], failures: [], records: [] }));
    const { files } = await open(pack.zip);
    expect([...files.keys()]).toEqual(['completion-issue.eml', 'summary.html', 'training-history.csv', 'manifest.json']);
    const parsed = await PostalMime.parse(new TextDecoder().decode(files.get('completion-issue.eml')));
    // Without the platform's spreadsheet our CSV is attached as the training history.
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['training-history.csv']);
    expect(parsed.text).toContain('Certificate: none attached');
  });

  it('lists a history download that was a web page as a failure rather than packing it', async () => {
    const pack = await buildEvidencePack(input({ history: { bytes: new TextEncoder().encode('<html><body>Session expired</body></html>'), fileName: 'h.xlsx', sourceUrl: 'https://x' } }));
    const { files } = await open(pack.zip);
    expect(files.has('training-history.xlsx')).toBe(false);
    expect(pack.manifest.failures.map((f) => f.what)).toContain('Training history spreadsheet');
  });

  it('leaves out From when the e-mail address is unusable', async () => {
    const pack = await buildEvidencePack(input({ person: { name: 'X', email: '' } }));
    const { files } = await open(pack.zip);
    expect(new TextDecoder().decode(files.get('completion-issue.eml'))).not.toMatch(/^From:/m);
  });
});

describe('helpers', () => {
  it('builds the subject from the template', () => {
    expect(evidenceSubject(UCL_PROFILE.subjectTemplate, ['A', 'B $& C'])).toBe('Mandatory Training (A; B $& C) completion issue');
  });
  it('names files by label and date, keeping the date when names collide or labels are long', () => {
    const same = { label: 'Introduction to Equality, Diversity, and Inclusion', date: '2024-01-02', ext: 'pdf' };
    expect(datedNames([same, same, { label: '', date: null, ext: 'png' }])).toEqual([
      'Introduction-to-Equali-2024-01-02.pdf',
      'Introduction-to-Equali-2024-01-02-2.pdf',
      'file.png',
    ]);
  });
  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
