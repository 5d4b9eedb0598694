import { test } from 'vitest';
import { zip, zipSync, deflateSync } from 'fflate';
import { writeFileSync } from 'node:fs';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { buildEvidencePack, collectPackFiles, sha256Hex, zipPackFiles, type EvidencePackInput } from '@/utils/evidence/pack';
import { recordId, type CompletionRecord } from '@/utils/records';
import { randomBytes } from 'node:crypto';

const rnd = (prefix: number[], n: number) => { const b = new Uint8Array(randomBytes(n)); b.set(prefix); return b; };
test('measure', async () => {
  const records: CompletionRecord[] = Array.from({ length: 500 }, (_, i) => { const r: CompletionRecord = { id: '', course: UCL_PROFILE.courses[i % 8]!.name, title: 'Title ' + i, status: 'completed', completedOn: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 9}`, dueOn: null, certExpiresOn: null, enrollmentId: String(10000000 + i), certificateUrl: null, source: 'learnupon', sourceUrl: 'https://ucl.learnupon.com/dashboard', seenAt: '2025-05-01T09:00:00.000Z', countsForCompliance: true }; return { ...r, id: recordId(r) }; });
  const input: EvidencePackInput = {
    profile: UCL_PROFILE, person: { name: 'Zoë Test', email: 'z@ucl.ac.uk' }, today: '2025-05-01',
    courses: UCL_PROFILE.courses.slice(0, 3).map((c) => ({ name: c.name, completedOn: '2024-03-12', due: '2027-03-12', certificateFiles: [] })),
    records, renewalFor: (r) => r.completedOn,
    history: { bytes: rnd([0x50, 0x4b, 3, 4], 60_000), fileName: 'h.xlsx', sourceUrl: 'https://x' },
    certificates: UCL_PROFILE.courses.map((c, i) => ({ course: c.name, completedOn: '2024-03-1' + i, fileName: 'certificate.pdf', data: rnd([0x25, 0x50, 0x44, 0x46], 300_000), sourceUrl: 'https://x' })),
    screenshots: Array.from({ length: 5 }, (_, i) => ({ title: 'Shot ' + i, url: 'https://x', capturedAt: '2025-05-01T10:00:00Z', data: rnd([0x89, 0x50, 0x4e, 0x47], 1_500_000) })),
    failures: [{ what: 'Certificate for X', reason: 'HTTP 404' }],
  };
  const t = () => performance.now();
  for (let run = 0; run < 3; run++) {
    let a = t(); const { files } = collectPackFiles(input); const collectMs = t() - a;
    a = t(); for (const f of files) await sha256Hex(f.data); const hashMs = t() - a;
    const total = files.reduce((n, f) => n + f.data.length, 0);
    const eml = files[0]!;
    const res: Record<string, string> = { collectMs: collectMs.toFixed(1), hashMs: hashMs.toFixed(1), totalMB: (total / 1e6).toFixed(2), emlMB: (eml.data.length / 1e6).toFixed(2) };
    for (const level of [0, 1, 6] as const) {
      a = t(); const z = zipSync(Object.fromEntries(files.map((f) => [f.path, [f.data, { level: f.path.endsWith('.eml') || f.path.endsWith('.csv') || f.path.endsWith('.html') ? level : 0 }]]))); res[`zip text@${level}`] = `${(t() - a).toFixed(1)}ms ${(z.length / 1e6).toFixed(2)}MB`;
    }
    a = t(); const allDeflate = zipSync(Object.fromEntries(files.map((f) => [f.path, [f.data, { level: 6 }]]))); res['zip all@6'] = `${(t() - a).toFixed(1)}ms ${(allDeflate.length / 1e6).toFixed(2)}MB`;
    a = t(); await new Promise<void>((ok, ko) => zip(Object.fromEntries(files.map((f) => [f.path, [f.data.slice(), { level: f.compress ? 6 : 0 }]])), (e) => (e ? ko(e) : ok()))); res['async zip'] = `${(t() - a).toFixed(1)}ms`;
    for (const p of ['training-history.csv', 'summary.html']) { const f = files.find((x) => x.path === p)!; for (const level of [1, 6, 9] as const) { a = t(); const d = deflateSync(f.data, { level }); res[`${p}@${level}`] = `${(t() - a).toFixed(1)}ms ${f.data.length}->${d.length}`; } }
    a = t(); const pack = await buildEvidencePack(input); res.buildMs = (t() - a).toFixed(1); res.zipMB = (pack.zip.length / 1e6).toFixed(2);
    console.log(JSON.stringify(res, null, 1));
    if (run === 0) { writeFileSync('/tmp/sample-pack.zip', (await buildEvidencePack({ ...input, records: records.slice(0, 6), certificates: input.certificates.slice(0, 2).map(c => ({...c, data: c.data.slice(0, 2000)})), screenshots: [] })).zip); }
  }
}, 120_000);
