// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://ucl.learnupon.com/dashboard"}
// The content script's downloads (issue 14, items 2 and 9): only `https:` links on the page's own site,
// the organisation's portals or CybSafe; same-origin fetches (a redirect away fails before it is
// followed), none elsewhere that may redirect; each response read as a stream and stopped at its cap;
// a `data:` link never kept; one over-long link or a `%` in a file name spoils nothing else and answers
// at once. Each problem stays with its own item, in words.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { CollectResultSchema, type CollectResult } from '@/utils/data/messages';
import { CERTIFICATE_MAX_BYTES, downloadTarget, fileNameOf, HISTORY_MAX_BYTES, listenForCollect, readCapped, safeDecode, type CollectorOptions } from '@/utils/content/collect';
import type { PageCourse } from '@/utils/platforms/types';

const ORIGIN = 'chrome-extension://test-extension-id';
const PAGE = new URL('https://ucl.learnupon.com/dashboard');
const PDF = new TextEncoder().encode('%PDF-1.7\nhello\n%%EOF\n');

function course(title: string, certificateUrl: string | null): PageCourse {
  return { title, status: 'completed', completedOn: '2026-01-30', dueOn: null, certExpiresOn: null, enrollmentId: null, certificateUrl, courseUrl: null, anchor: document.body };
}

let controller: AbortController;
const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  controller = new AbortController();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) =>
    (message as { type?: string }).type === 'get-state' ? { profile: UCL_PROFILE, today: '2026-11-28', records: null } : undefined,
  );
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  controller.abort();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

async function collect(options: Partial<CollectorOptions>, history = false): Promise<CollectResult> {
  listenForCollect(controller.signal, { readCourses: () => [], readAccount: () => ({ name: null, email: null }), ...options });
  const [answer] = await fakeBrowser.runtime.onMessage.trigger({ type: 'collect-evidence', history }, { id: 'test-extension-id', url: `${ORIGIN}/report.html` });
  return answer as unknown as CollectResult;
}

const pdfResponse = () => new Response(PDF, { status: 200, headers: { 'content-type': 'application/pdf' } });

describe('where a download may go', () => {
  it('refuses other sites, other schemes, credentials and over-long links, in words', () => {
    const refused = (raw: string) => {
      const t = downloadTarget(raw, PAGE, UCL_PROFILE);
      return 'refused' in t ? t.refused : null;
    };
    expect(refused('https://attacker.example/steal.pdf')).toBe('the link goes to attacker.example, outside your organisation’s LearnUpon and CybSafe, so it was not followed');
    expect(refused('https://nhs-trust.learnupon.com/cert')).toMatch(/goes to nhs-trust\.learnupon\.com/);
    expect(refused('data:application/pdf;base64,JVBERi0=')).toMatch(/inside the link itself.*not kept/);
    expect(refused('javascript:alert(1)')).toMatch(/inside the link itself/);
    expect(refused('http://ucl.learnupon.com/enrollments/1/certificate')).toMatch(/not a secure \(https\) address/);
    expect(refused('https://user:pw@ucl.learnupon.com/x')).toMatch(/user name or password/);
    expect(refused(`https://ucl.learnupon.com/c?x=${'a'.repeat(2100)}`)).toMatch(/longer than 2,000 characters/);
    expect(refused('/enrollments/1/certificate')).toBeNull();
    expect(refused('https://app.cybsafe.com/certificates/ccsa.pdf')).toBeNull();
    expect(downloadTarget('/enrollments/1/certificate', PAGE, UCL_PROFILE)).toMatchObject({ sameOrigin: true });
    expect(downloadTarget('https://app.cybsafe.com/c.pdf', PAGE, UCL_PROFILE)).toMatchObject({ sameOrigin: false });
    // The organisation's second portal, when the profile names one.
    expect(downloadTarget('https://ucl2.learnupon.com/c', PAGE, { ...UCL_PROFILE, morePortalHosts: ['ucl2.learnupon.com'] })).toMatchObject({ sameOrigin: false });
  });
});

describe('collecting certificates', () => {
  it('fetches only the allowed ones, same-origin with redirects checked by the browser, and says why each other one was refused', async () => {
    fetchMock.mockImplementation(async () => pdfResponse());
    const answer = await collect({
      readCourses: () => [
        course('UCL Fire Safety', 'https://attacker.example/steal.pdf'),
        course('Data Protection and Freedom of Information', 'data:application/pdf;base64,JVBERi0xLjQK'),
        course('Prevent at UCL', '/enrollments/96310458/certificate'),
        course('UCL Safety Induction', `/enrollments/101776092/certificate?t=${'x'.repeat(2100)}`),
      ],
    });
    // The whole answer is in shape (an over-long link once made the page's answer unreadable, losing every certificate).
    expect(CollectResultSchema.safeParse(answer).success).toBe(true);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]![0]).toBe('https://ucl.learnupon.com/enrollments/96310458/certificate');
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ credentials: 'include', mode: 'same-origin', redirect: 'follow' });
    const byTitle = Object.fromEntries(answer.certificates.map((c) => [c.title, c]));
    expect(byTitle['Prevent at UCL']!.file).not.toBeNull();
    expect(byTitle['UCL Fire Safety']).toMatchObject({ file: null, error: expect.stringMatching(/attacker\.example/) });
    expect(byTitle['Data Protection and Freedom of Information']).toMatchObject({ file: null, error: expect.stringMatching(/inside the link itself/) });
    expect(byTitle['UCL Safety Induction']).toMatchObject({ file: null, error: expect.stringMatching(/longer than 2,000 characters/) });
    expect(byTitle['UCL Safety Induction']!.url.length).toBeLessThanOrEqual(2000);
  });

  it('a link elsewhere that is allowed (CybSafe) is fetched with no redirect followed at all', async () => {
    fetchMock.mockImplementation(async () => pdfResponse());
    await collect({ readCourses: () => [course('Information Security Training', 'https://app.cybsafe.com/certificates/ccsa.pdf')] });
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ mode: 'cors', redirect: 'error' });
  });

  it('a failed fetch (a redirect refused by the browser) is that certificate’s problem only', async () => {
    fetchMock.mockImplementation(async (url) => {
      if (String(url).includes('96310458')) throw new TypeError('Failed to fetch');
      return pdfResponse();
    });
    const answer = await collect({ readCourses: () => [course('Prevent at UCL', '/enrollments/96310458/certificate'), course('UCL Fire Safety', '/enrollments/109552810/certificate')] });
    expect(answer.certificates.find((c) => c.title === 'Prevent at UCL')).toMatchObject({ file: null, error: expect.stringMatching(/could not be downloaded \(Failed to fetch\); if the site sends it on to another site, the extension does not follow/) });
    expect(answer.certificates.find((c) => c.title === 'UCL Fire Safety')!.file).not.toBeNull();
  });

  it('a web page in place of a PDF is refused by its bytes', async () => {
    fetchMock.mockImplementation(async () => new Response('<!doctype html><title>Sign in</title>', { status: 200, headers: { 'content-type': 'application/pdf' } }));
    const answer = await collect({ readCourses: () => [course('UCL Fire Safety', '/enrollments/1/certificate')] });
    expect(answer.certificates[0]).toMatchObject({ file: null, error: 'the site sent a web page (perhaps a sign-in page), not a certificate' });
  });
});

describe('size caps', () => {
  it('a stated length over the cap is refused unread; a stream over it is stopped at the cap', async () => {
    const cancelled = vi.fn();
    const stated = new Response(new ReadableStream({ cancel: cancelled }), { headers: { 'content-length': String(CERTIFICATE_MAX_BYTES + 1) } });
    expect(await readCapped(stated, CERTIFICATE_MAX_BYTES)).toBe('too-big');
    expect(cancelled).toHaveBeenCalled();

    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(1024 * 1024));
      },
      cancel: cancelled,
    });
    expect(await readCapped(new Response(endless), 5 * 1024 * 1024)).toBe('too-big');
    expect(pulled).toBeLessThanOrEqual(8);
    const small = await readCapped(new Response(PDF), 1024);
    expect(Array.from(small as Uint8Array)).toEqual(Array.from(PDF));
  });

  it('the certificate and history caps are 20 MB and 50 MB, and the user is told', async () => {
    expect([CERTIFICATE_MAX_BYTES, HISTORY_MAX_BYTES]).toEqual([20 * 1024 * 1024, 50 * 1024 * 1024]);
    fetchMock.mockImplementation(async () => new Response(new ReadableStream(), { headers: { 'content-length': String(21 * 1024 * 1024) } }));
    const answer = await collect({ readCourses: () => [course('UCL Fire Safety', '/enrollments/1/certificate')] });
    expect(answer.certificates[0]).toMatchObject({ file: null, error: 'the certificate is larger than 20 MB, so it was not kept' });
  });
});

describe('the training history', () => {
  const history = (href: string): CollectorOptions['history'] => ({
    findButton: () => null,
    findLink: () => Object.assign(document.createElement('a'), { href }),
  });

  it('a `%` in its name answers at once, with the name as it is (no 30 s wait, no wrong message)', async () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    fetchMock.mockImplementation(async () => new Response(xlsx, { headers: { 'content-disposition': 'attachment; filename="training 100%.xlsx"' } }));
    const answer = await collect({ history: history('https://ucl.learnupon.com/exports/abc/100%_done.xlsx') }, true);
    expect(answer.history).toMatchObject({ fileName: 'training 100%.xlsx', url: 'https://ucl.learnupon.com/exports/abc/100%_done.xlsx' });
    expect(safeDecode('100%_done.xlsx')).toBe('100%_done.xlsx');
    expect(safeDecode('a%20b')).toBe('a b');
    expect(fileNameOf({ headers: new Headers({ 'content-disposition': "attachment; filename*=UTF-8''r%C3%A9sum%E9.xlsx" }) }, 'x')).toBe('r%C3%A9sum%E9.xlsx');
  });

  it('a history link to another site is refused before any request', async () => {
    const answer = await collect({ history: history('https://attacker.example/training_history.xlsx') }, true);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(answer.history).toEqual({ error: 'the link goes to attacker.example, outside your organisation’s LearnUpon and CybSafe, so it was not followed' });
  });

  it('the page failing to be read is an answer in words, never a rejected promise', async () => {
    const answer = await collect({ readCourses: () => { throw new Error('boom'); } }, true);
    expect(answer).toMatchObject({ certificates: [], history: { error: 'the page could not be read (boom)' } });
    expect(CollectResultSchema.safeParse(answer).success).toBe(true);
  });
});
