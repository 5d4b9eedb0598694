// @vitest-environment node
// The pack says exactly what is attached and what is not (issue 13, items 3–5 and 8).
import fc from 'fast-check';
import JSZip from 'jszip';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { parseCsv } from '@/utils/evidence/csv';
import { buildEvidencePack, checkSender, type EvidenceCourse, type EvidencePackInput, type Manifest } from '@/utils/evidence/pack';
import { recordId, type CompletionRecord } from '@/utils/records';

const pdf = (seed: number) => new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...Array.from({ length: 500 }, (_, i) => (i * seed) & 0xff)]);
const png = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const xlsx = () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9]);

function record(over: Partial<CompletionRecord>): CompletionRecord {
  const r: CompletionRecord = {
    id: '', course: 'UCL Fire Safety', title: 'UCL Fire Safety', status: 'completed', completedOn: '2024-03-12', dueOn: null, certExpiresOn: null,
    enrollmentId: null, certificateUrl: null, source: 'learnupon', sourceUrl: 'https://ucl.learnupon.com/dashboard', seenAt: '2025-05-01T09:00:00.000Z',
    countsForCompliance: true, ...over,
  };
  return { ...r, id: recordId(r) };
}

const fire: EvidenceCourse = { name: 'UCL Fire Safety', completedOn: '2024-03-12', due: '2027-03-12', certificateFiles: [] };

function input(over: Partial<EvidencePackInput> = {}): EvidencePackInput {
  return {
    profile: UCL_PROFILE, person: { name: 'Jane Doe', email: 'j.doe@ucl.ac.uk' }, today: '2025-05-01', courses: [fire],
    records: [record({})], renewalFor: () => '2027-03-12', certificates: [], screenshots: [], failures: [], ...over,
  };
}

async function unpack(pack: { zip: Uint8Array }) {
  const z = await JSZip.loadAsync(pack.zip);
  const text = async (name: string) => (await z.file(name)?.async('string')) ?? null;
  const email = await PostalMime.parse((await text('completion-issue.eml'))!);
  return { names: Object.keys(z.files), email, summary: (await text('summary.html'))!, manifest: JSON.parse((await text('manifest.json'))!) as Manifest, csv: (await text('training-history.csv'))! };
}

describe('what is missing, and why', () => {
  it('with nothing fetched: says the certificate and the history are missing and why, in the email, summary and manifest', async () => {
    const pack = await buildEvidencePack(input());
    const { email, summary, manifest } = await unpack(pack);
    expect(manifest.missing).toEqual([
      { course: 'UCL Fire Safety', evidence: 'certificate', reason: 'no certificate for this course is held: none was fetched from LearnUpon or added to the evidence locker' },
      {
        course: 'UCL Fire Safety',
        evidence: 'training-history',
        reason: 'the training history spreadsheet was not fetched from LearnUpon; training-history.csv, the records the extension holds, is attached in its place',
      },
    ]);
    expect(pack.missing).toEqual(manifest.missing);
    expect(email.text).toContain('  Certificate: none attached — no certificate for this course is held: none was fetched from LearnUpon or added to the evidence locker\n');
    expect(email.text).toContain('  Training history: not attached — the training history spreadsheet was not fetched from LearnUpon;');
    expect(email.attachments.map((a) => a.filename)).toEqual(['training-history.csv']);
    expect(summary).toContain('<h2>Not included, and why</h2>');
    expect(summary).toContain('<li>UCL Fire Safety — certificate: no certificate for this course is held');
    // The manifest's description of the email names what it really carries.
    expect(manifest.files.find((f) => f.path === 'completion-issue.eml')!.description).toBe('draft e-mail to UCLmandatorystafflearning@ucl.ac.uk with 1 attachment: training-history.csv');
  });

  it('uses the collector’s reasons; a failure about a course is said beside it, not twice', async () => {
    const failed = await unpack(await buildEvidencePack(input({ failures: [{ what: 'Certificate for UCL Fire Safety', reason: 'the download failed (HTTP 404)' }] })));
    expect(failed.email.text).toContain('  Certificate: none attached — the download failed (HTTP 404)\n');
    expect(failed.email.text).not.toContain('I could not include');
    expect(failed.manifest.failures).toEqual([{ what: 'Certificate for UCL Fire Safety', reason: 'the download failed (HTTP 404)' }]);

    const pack = await buildEvidencePack(
      input({
        courses: [{ ...fire, missing: [{ evidence: 'certificate', reason: 'LearnUpon shows no certificate for this course' }] }],
        historyMissing: 'LearnUpon’s download failed (HTTP 500)',
      }),
    );
    const { email, manifest } = await unpack(pack);
    expect(manifest.missing.map((m) => m.reason)).toEqual([
      'LearnUpon shows no certificate for this course',
      'LearnUpon’s download failed (HTTP 500); training-history.csv, the records the extension holds, is attached in its place',
    ]);
    expect(email.text).toContain('  Certificate: none attached — LearnUpon shows no certificate for this course\n');
  });

  it('says why a certificate or history given was not used, and that a completion date is missing', async () => {
    const html = new TextEncoder().encode('<!doctype html><html><body>Sign in</body></html>');
    const pack = await buildEvidencePack(
      input({
        courses: [{ ...fire, completedOn: null, due: null }],
        certificates: [{ course: 'UCL Fire Safety', completedOn: null, fileName: 'c.pdf', data: html, sourceUrl: 'https://ucl.learnupon.com/c' }],
        history: { bytes: html, fileName: 'h.xlsx', sourceUrl: 'https://ucl.learnupon.com/h' },
      }),
    );
    const { email, manifest } = await unpack(pack);
    expect(manifest.missing).toEqual([
      { course: 'UCL Fire Safety', evidence: 'completion-record', reason: 'no completion date for this course is on record in the extension' },
      { course: 'UCL Fire Safety', evidence: 'certificate', reason: 'the download was a web page (perhaps a sign-in page), not a certificate' },
      expect.objectContaining({ evidence: 'training-history', reason: expect.stringMatching(/^the download was a web page \(perhaps a sign-in page\), not a spreadsheet;/) }),
    ]);
    expect(email.text).toContain('  Completed: date not recorded — no completion date for this course is on record in the extension\n');
    expect(email.text).not.toContain('I could not include');
  });

  it('does not ask for the LearnUpon history for a CybSafe course, and attaches what there is', async () => {
    const pack = await buildEvidencePack(
      input({
        courses: [{ name: 'Information Security Training', completedOn: '2025-01-02', due: '2026-01-02', certificateFiles: [], platform: 'cybsafe' }],
        certificates: [{ course: 'Information Security Training', completedOn: '2025-01-02', fileName: 'ccsa.pdf', data: pdf(3), sourceUrl: 'https://app.cybsafe.com/c' }],
      }),
    );
    expect(pack.missing).toEqual([]);
    const { email } = await unpack(pack);
    expect(email.text).toContain('  Certificate: Information-Security-T-2025-01-02.pdf\n');
    expect(email.attachments.map((a) => a.filename)).toEqual(['Information-Security-T-2025-01-02.pdf', 'training-history.csv']);
  });

  it('never claims an attachment that is not there, nor leaves a missing piece without a reason (any mix of files)', async () => {
    const kinds = { valid: pdf(1), web: new TextEncoder().encode('<html><body>x</body></html>'), empty: new Uint8Array(0) };
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            platform: fc.constantFrom('learnupon', 'cybsafe', 'other') as fc.Arbitrary<'learnupon' | 'cybsafe' | 'other'>,
            completed: fc.boolean(),
            cert: fc.constantFrom('none', 'valid', 'web', 'empty') as fc.Arbitrary<'none' | keyof typeof kinds>,
          }),
          { minLength: 1, maxLength: 3 },
        ),
        fc.constantFrom('none', 'valid', 'web'),
        async (courses, history) => {
          const named = courses.map((c, i) => ({ ...c, name: `Course ${i}` }));
          const pack = await buildEvidencePack(
            input({
              courses: named.map((c) => ({ name: c.name, completedOn: c.completed ? '2024-01-01' : null, due: null, certificateFiles: [], platform: c.platform })),
              certificates: named.filter((c) => c.cert !== 'none').map((c) => ({ course: c.name, completedOn: null, fileName: 'c.pdf', data: kinds[c.cert as keyof typeof kinds], sourceUrl: '' })),
              history: history === 'none' ? undefined : { bytes: history === 'valid' ? xlsx() : kinds.web, fileName: 'h.xlsx', sourceUrl: '' },
            }),
          );
          const { email, manifest } = await unpack(pack);
          const attached = new Set(email.attachments.map((a) => a.filename));
          for (const c of named) {
            const line = email.text!.split('\n').find((l) => l.startsWith(`Course: ${c.name}`));
            expect(line).toBeDefined();
            const block = email.text!.split(`Course: ${c.name}\n`)[1]!.split('\n\n')[0]!;
            const cert = /  Certificate: (.*)/.exec(block)![1]!;
            const missingCert = manifest.missing.find((m) => m.course === c.name && m.evidence === 'certificate');
            if (c.cert === 'valid') {
              expect(attached.has(cert)).toBe(true);
              expect(missingCert).toBeUndefined();
            } else {
              expect(cert).toMatch(/^none attached — \S/);
              expect(missingCert!.reason.length).toBeGreaterThan(10);
            }
            const missingHistory = manifest.missing.find((m) => m.course === c.name && m.evidence === 'training-history');
            expect(Boolean(missingHistory)).toBe(c.platform === 'learnupon' && history !== 'valid');
            expect(attached.has('training-history.xlsx')).toBe(history === 'valid');
          }
          for (const m of manifest.missing) expect(m.reason.trim().length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('who is writing', () => {
  it('sets From only from a usable address, and says so when it cannot', async () => {
    for (const email of ['not-an-email', 'a@b', '', 'x y@ucl.ac.uk']) {
      const pack = await buildEvidencePack(input({ person: { name: 'Jane Doe', email } }));
      const { email: parsed, summary } = await unpack(pack);
      expect(parsed.from).toBeUndefined();
      expect(summary).toContain('<dt>Email</dt><dd>not known</dd>');
      expect(pack.sender.from).toBeNull();
      expect(pack.sender.problem).toMatch(/so the draft has no sender: your mail program will fill in your own\.$/);
      expect(parsed.text).toContain('Email: (not known)');
    }
    expect(checkSender('not-an-email').problem).toBe('“not-an-email” is not an email address, so the draft has no sender: your mail program will fill in your own.');
  });

  it('keeps an address outside the organisation with a warning, and signs with the name', async () => {
    const pack = await buildEvidencePack(input({ person: { name: ' Jane Doe ', email: 'jane@gmail.com' } }));
    const { email } = await unpack(pack);
    expect(email.from).toEqual({ name: 'Jane Doe', address: 'jane@gmail.com' });
    expect(pack.sender).toEqual({ from: 'jane@gmail.com', problem: null, warning: 'jane@gmail.com is not a ucl.ac.uk address. HR match evidence to your work address, so send it from that if you can.' });
    expect(email.text!.trimEnd().endsWith('Kind regards,\nJane Doe')).toBe(true);
    expect(checkSender('j.doe@ucl.ac.uk', 'ucl.ac.uk').warning).toBeNull();
    expect(checkSender('j.doe@live.ucl.ac.uk', 'ucl.ac.uk').warning).toBeNull();
  });
});

describe('role-specific training', () => {
  const lab: EvidenceCourse = { name: 'Lab Safety for Chemists', completedOn: '2025-03-01', due: null, certificateFiles: [], platform: 'other', roleSpecific: true };

  it('goes to the department given, keeping the subject pattern, with the course’s screenshot attached', async () => {
    const pack = await buildEvidencePack(
      input({
        courses: [lab],
        to: { address: 'chem-safety@ucl.ac.uk', name: 'Chemistry safety team' },
        screenshots: [
          { title: 'Lab safety complete', url: 'https://moodle.ucl.ac.uk/x', capturedAt: '2025-04-01T10:00:00Z', data: png(), course: 'Lab Safety for Chemists' },
          { title: 'Something else', url: '', capturedAt: '2025-04-01T10:00:00Z', data: png() },
        ],
      }),
    );
    const { email, manifest, summary } = await unpack(pack);
    expect(email.to?.map((t) => t.address)).toEqual(['chem-safety@ucl.ac.uk']);
    expect(email.subject).toBe('Mandatory Training (Lab Safety for Chemists) completion issue');
    expect(pack.email.to).toBe('chem-safety@ucl.ac.uk');
    expect(manifest.mailbox).toBe('chem-safety@ucl.ac.uk');
    expect(email.attachments.map((a) => a.filename)).toEqual(['Lab-safety-complete-2025-04-01.png', 'training-history.csv']);
    expect(email.text).toContain('Dear colleagues,');
    expect(email.text).toContain('  Certificate: none attached — no certificate is held; a screenshot is attached instead');
    expect(manifest.missing.map((m) => m.evidence)).toEqual(['certificate']);
    expect(summary).toContain('<dt>To</dt><dd>Chemistry safety team (chem-safety@ucl.ac.uk)</dd>');
  });

  it('refuses a department address that is not one, a role-specific course without one, and a mixed pack', async () => {
    await expect(buildEvidencePack(input({ courses: [lab], to: { address: 'chemistry' } }))).rejects.toThrow('“chemistry” is not an email address');
    await expect(buildEvidencePack(input({ courses: [lab] }))).rejects.toThrow(/give its email address/);
    await expect(buildEvidencePack(input({ courses: [lab, fire], to: { address: 'chem@ucl.ac.uk' } }))).rejects.toThrow(/make one pack for each/);
  });
});

describe('one row per completion', () => {
  const records = [
    record({ source: 'learnupon', enrollmentId: '42', title: 'UCL Fire Safety' }),
    record({ source: 'training-history', title: 'UCL Fire Safety (2024)', sourceUrl: 'https://ucl.learnupon.com/history.xlsx', certExpiresOn: '2027-03-01' }),
    record({ source: 'learnupon', completedOn: '2021-02-01', enrollmentId: '7' }),
    record({ source: 'external', title: 'Fire Safety (NHS)', countsForCompliance: false }),
  ];
  const renewalFor = (r: CompletionRecord) => r.certExpiresOn ?? (r.completedOn ? `${Number(r.completedOn.slice(0, 4)) + 3}${r.completedOn.slice(4)}` : null);

  it('lists a completion the dashboard and the history both showed once, with both sources', async () => {
    const { csv, summary } = await unpack(await buildEvidencePack(input({ records, renewalFor })));
    const rows = parseCsv(csv.replace(/^\uFEFF/, ''));
    expect(rows.slice(1).map((r) => [r[0], r[1], r[3], r[4], r[7], r[8], r[9]])).toEqual([
      ['UCL Fire Safety', 'UCL Fire Safety; UCL Fire Safety (2024)', '2024-03-12', '2027-03-01', 'yes', 'learnupon; training-history', 'https://ucl.learnupon.com/dashboard; https://ucl.learnupon.com/history.xlsx'],
      ['UCL Fire Safety', 'Fire Safety (NHS)', '2024-03-12', '2027-03-12', 'no', 'external', 'https://ucl.learnupon.com/dashboard'],
      ['UCL Fire Safety', 'UCL Fire Safety', '2021-02-01', '2024-02-01', 'yes', 'learnupon', 'https://ucl.learnupon.com/dashboard'],
    ]);
    const body = summary.split('All training completions held by the extension')[1]!.split('</tbody>')[0]!;
    expect(body.match(/<tr>/g)).toHaveLength(4); // the heading row and three completions
    expect(body).toContain('<td>12 Mar 2024</td><td>1 Mar 2027</td><td>LearnUpon, LearnUpon training history</td>');
    expect(body).toContain('<td>LearnUpon (does not count)</td>'.replace('LearnUpon', 'external record'));
  });

  it('quotes cells holding ; so a semicolon-splitting spreadsheet sees no formula', async () => {
    const { csv } = await unpack(await buildEvidencePack(input({ records: [record({ title: 'Fire; =HYPERLINK("http://evil")' })] })));
    for (const row of parseCsv(csv.replace(/^\uFEFF/, ''), ';')) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(parseCsv(csv.replace(/^\uFEFF/, ''))[1]![1]).toBe('Fire; =HYPERLINK("http://evil")');
    const { csv: tight } = await unpack(await buildEvidencePack(input({ records: [record({ title: 'Fire;=HYPERLINK("http://evil")' })] })));
    for (const row of parseCsv(tight.replace(/^\uFEFF/, ''), ';')) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});
