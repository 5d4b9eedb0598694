// The LearnUpon demo site's files and routes: the training history spreadsheet reads back with its
// LearnUpon-style headers, the certificate is a well-formed PDF, and the server's flows behave.
import { request } from 'node:https';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONA, personaEnrollments } from '../fixtures/persona';
import { startDemoServer, type DemoServer } from '../fixtures/server';
import { TRAINING_HISTORY_HEADERS, buildTrainingHistoryXlsx } from '../fixtures/sites/learnupon/history';
import { makeWav } from '../fixtures/sites/learnupon/media';
import { paths } from '../fixtures/sites/learnupon/model';
import { makeCertificatePdf } from '../fixtures/sites/learnupon/pdf';

const TODAY = new Date('2026-11-28T09:00:00Z');
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('training history spreadsheet', () => {
  it('parses back with the expected headers and one row per LearnUpon enrollment', () => {
    const book = XLSX.read(buildTrainingHistoryXlsx(TODAY), { type: 'array' });
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const [headers, ...rows] = XLSX.utils.sheet_to_json<(string | number)[]>(sheet, { header: 1, raw: true, defval: '' });
    expect(headers).toEqual([...TRAINING_HISTORY_HEADERS]);
    const enrollments = personaEnrollments(TODAY);
    expect(rows).toHaveLength(enrollments.length);
    const col = (name: (typeof TRAINING_HISTORY_HEADERS)[number]) => TRAINING_HISTORY_HEADERS.indexOf(name);
    const dp = rows.filter((r) => r[col('Course Name')] === 'Data Protection & Freedom of Information');
    expect(dp.map((r) => r[col('Enrollment Status')])).toEqual(['Completed', 'Not Started']);
    // Day-first d/m/yyyy text, no leading zeros: 2025-11-11 → 11/11/2025.
    const [y, m, d] = enrollments[0]!.completedOn!.split('-').map(Number);
    expect(dp[0]![col('Enrollment Completed Date')]).toBe(`${d}/${m}/${y}`);
    expect(dp[0]![col('Enrollment Score')]).toBe(90);
    expect(rows.every((r) => r[col('Login ID')] === PERSONA.loginId)).toBe(true);
    expect(rows.some((r) => /information security/i.test(String(r[col('Course Name')])))).toBe(false);
  });
});

describe('certificate PDF', () => {
  const pdf = latin1(makeCertificatePdf({ name: 'Alex Taylor', courseTitle: 'UCL Fire Safety (a) \\ b', completedOn: '2026-01-28', certificateId: 'LU-1' }));

  it('starts with the header and ends with EOF', () => {
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('has an xref table whose offsets point at each object', () => {
    const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(pdf)![1]);
    expect(pdf.slice(startxref, startxref + 5)).toBe('xref\n');
    const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(pdf.slice(startxref))!.map(Number) as [number, number, number];
    expect(first).toBe(0);
    const entries = pdf.slice(startxref).split('\n').slice(2, 2 + count);
    expect(entries[0]).toBe('0000000000 65535 f ');
    entries.slice(1).forEach((entry, i) => {
      expect(entry).toMatch(/^\d{10} 00000 n $/);
      expect(pdf.slice(Number(entry.slice(0, 10))).startsWith(`${i + 1} 0 obj\n`)).toBe(true);
    });
    expect(pdf).toContain(`/Size ${count}`);
  });

  it('has a content stream of the stated length with the certificate text', () => {
    const m = /<< \/Length (\d+) >>\nstream\n/.exec(pdf)!;
    const start = m.index + m[0].length;
    expect(pdf.slice(start + Number(m[1]), start + Number(m[1]) + 10)).toBe('\nendstream');
    for (const text of ['(Certificate of Completion)', '(Alex Taylor)', '(UCL Fire Safety \\(a\\) \\\\ b)', '(Completed on 28 Jan 2026)']) expect(pdf).toContain(text);
  });
});

describe('course video', () => {
  it('is a well-formed PCM WAV', () => {
    const wav = makeWav(2);
    const view = new DataView(wav.buffer);
    expect(latin1(wav.subarray(0, 4))).toBe('RIFF');
    expect(view.getUint32(4, true)).toBe(wav.byteLength - 8);
    expect(view.getUint32(40, true)).toBe(wav.byteLength - 44);
  });
});

describe('demo server routes', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer({ today: TODAY });
  }, 30_000);
  afterAll(async () => {
    await server?.close();
  });

  interface Reply {
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
    ended: boolean;
  }

  /** A request to the demo host; `waitMs` gives up on a body that never ends (the stalling video). */
  function get(path: string, options: { method?: string; waitMs?: number } = {}): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: { host: 'ucl.learnupon.com' }, rejectUnauthorized: false },
        (res) => {
          const chunks: Buffer[] = [];
          const done = (ended: boolean) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ended });
          const timer = options.waitMs ? setTimeout(() => (done(false), req.destroy()), options.waitMs) : undefined;
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => (clearTimeout(timer), done(true)));
        },
      );
      req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
      req.end();
    });
  }

  it('sends the FAQ link through SSO to the dashboard', async () => {
    const r = await get('/saml/init?redirect_uri=/dashboard?display=my_courses');
    expect(r.status).toBe(302);
    expect(r.headers.location).toBe('/dashboard?display=my_courses');
    expect((await get('/saml/init?redirect_uri=//evil.example/')).headers.location).toBe('/dashboard');
    const dash = await get('/dashboard?display=my_courses');
    expect(dash.status).toBe(200);
    expect(dash.body.toString()).toContain('Download training history');
  });

  it('prepares the training history in about 1.5 s and serves the .xlsx', async () => {
    const started = Date.now();
    const r = await get(paths.trainingHistoryApi, { method: 'POST' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    const { url } = JSON.parse(r.body.toString()) as { url: string };
    expect(url).toMatch(/^https:\/\/ucl\.learnupon\.com\/exports\/[0-9a-f]{16}\/training_history\.xlsx$/);
    const file = await get(new URL(url).pathname);
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.body.subarray(0, 2).toString()).toBe('PK');
  });

  it('serves certificates of completed courses only, as PDF', async () => {
    const [dp, renewal] = personaEnrollments(TODAY);
    const cert = await get(paths.certificate(dp!.id));
    expect(cert.headers['content-type']).toBe('application/pdf');
    expect(cert.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await get(paths.certificate(renewal!.id))).status).toBe(404);
  });

  it('shows the problem page on a failed SAML response', async () => {
    const r = await get('/saml/consumer?error=1');
    expect(r.status).toBe(200);
    expect(r.body.toString()).toContain('There was a problem processing your request');
    expect((await get('/saml/consumer')).status).toBe(302);
  });

  it('switches the profile email with the persona', async () => {
    server.setMode({ persona: 'personal' });
    expect((await get('/dashboard')).body.toString()).toContain(PERSONA.personalEmail);
    server.setMode({ persona: 'alex' });
    expect((await get('/dashboard')).body.toString()).toContain(PERSONA.email);
  });

  it('plays the video whole, or stalls after a few seconds when asked', async () => {
    const whole = await get(paths.video);
    expect(whole.ended).toBe(true);
    expect(whole.body.byteLength).toBe(Number(whole.headers['content-length']));
    server.setMode({ stallVideo: true });
    const stalled = await get(paths.video, { waitMs: 800 });
    server.setMode({ stallVideo: false });
    expect(stalled.ended).toBe(false);
    expect(stalled.body.byteLength).toBeGreaterThan(44);
    expect(stalled.body.byteLength).toBeLessThan(Number(stalled.headers['content-length']));
  });
});
