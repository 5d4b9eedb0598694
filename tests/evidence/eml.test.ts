// @vitest-environment node
import fc from 'fast-check';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { base64Lines, buildEml, encodedWords, quotedPrintable, sanitizeHeaderText, type EmlInput } from '@/utils/evidence/eml';

/** Checks every structural rule the .eml must obey; returns the header block for further checks. */
function checkWireFormat(eml: string) {
  // CRLF only: no bare CR and no bare LF.
  expect(/\r(?!\n)/.test(eml)).toBe(false);
  expect(/(?<!\r)\n/.test(eml)).toBe(false);
  // Pure ASCII, so characters are octets.
  expect(/^[\x00-\x7f]*$/.test(eml)).toBe(true);
  const lines = eml.split('\r\n');
  for (const line of lines) expect(line.length).toBeLessThanOrEqual(998);
  const headerEnd = lines.indexOf('');
  const headers = lines.slice(0, headerEnd);
  for (const line of headers) expect(line.length).toBeLessThanOrEqual(78);
  expect(headers).toContain('X-Unsent: 1');
  expect(headers).toContain('MIME-Version: 1.0');
  expect(headers.some((l) => /^(message-id|date)\s*:/i.test(l))).toBe(false);
  // Inside base64 parts every line is at most 76 characters; in QP parts too.
  let inBase64 = false;
  let inBody = false;
  for (const line of lines.slice(headerEnd)) {
    if (line.startsWith('--=_mtc_')) {
      inBase64 = false;
      inBody = false;
      continue;
    }
    if (/^Content-Transfer-Encoding: base64$/i.test(line)) inBase64 = true;
    if (line === '' && !inBody) {
      inBody = true;
      continue;
    }
    if (inBody && inBase64) {
      expect(line.length).toBeLessThanOrEqual(76);
      expect(/^[A-Za-z0-9+/=]*$/.test(line)).toBe(true);
    }
    if (inBody) expect(line.length).toBeLessThanOrEqual(76);
  }
  return headers;
}

const normalizeNewlines = (s: string) => s.replace(/\r\n|\r|\n/g, '\n');

// Any code point (emoji, combining marks, CJK), controls included: they are sanitised in headers.
const anyText = (opts: { minLength?: number; maxLength?: number } = {}) => fc.string({ unit: 'binary', ...opts });
const mixedText = (opts: { minLength?: number; maxLength?: number } = {}) =>
  fc.oneof(
    anyText(opts),
    fc.string({ unit: 'grapheme', ...opts }),
    fc.string({ ...opts }), // printable ASCII: the plain (unencoded) paths
  );
const addressArb = fc.tuple(fc.stringMatching(/^[a-z0-9._-]{1,20}$/), fc.stringMatching(/^[a-z0-9-]{1,15}\.[a-z]{2,6}$/)).map(([l, d]) => `${l}@${d}`);

describe('buildEml', () => {
  it('writes a draft that parses back to the same subject, recipients, text and attachments', async () => {
    await fc.assert(
      fc.asyncProperty(
        mixedText({ maxLength: 300 }),
        fc.option(mixedText({ minLength: 1, maxLength: 80 }), { nil: undefined }),
        addressArb,
        fc.array(fc.record({ name: fc.option(mixedText({ maxLength: 60 }), { nil: undefined }), address: addressArb }), { minLength: 1, maxLength: 3 }),
        mixedText({ maxLength: 2000 }),
        fc.array(
          fc.record({ filename: mixedText({ minLength: 1, maxLength: 120 }), data: fc.uint8Array({ maxLength: 3000 }) }),
          { maxLength: 3 },
        ),
        async (subject, fromName, fromAddress, to, text, files) => {
          const input: EmlInput = {
            from: fromName === undefined ? fromAddress : { name: fromName, address: fromAddress },
            to,
            subject,
            text,
            attachments: files.map((f) => ({ ...f, contentType: 'application/pdf' })),
          };
          const eml = buildEml(input);
          checkWireFormat(eml);
          const parsed = await PostalMime.parse(eml);

          expect(parsed.subject ?? '').toBe(sanitizeHeaderText(subject));
          expect(parsed.from?.address).toBe(fromAddress);
          expect(parsed.from?.name ?? '').toBe(fromName === undefined ? '' : sanitizeHeaderText(fromName).trim());
          expect(parsed.to?.map((a) => [a.address, a.name])).toEqual(
            to.map((a) => [a.address, a.name === undefined ? '' : sanitizeHeaderText(a.name).trim()]),
          );
          // The parser keeps the CRLF before the closing boundary as a final line end.
          expect(normalizeNewlines(parsed.text ?? '')).toBe(`${normalizeNewlines(text)}\n`);
          expect(parsed.attachments).toHaveLength(files.length);
          parsed.attachments.forEach((a, i) => {
            const want = files[i]!;
            expect(a.filename).toBe(sanitizeHeaderText(want.filename));
            expect(a.mimeType).toBe('application/pdf');
            expect(a.disposition).toBe('attachment');
            const bytes = typeof a.content === 'string' ? new TextEncoder().encode(a.content) : new Uint8Array(a.content);
            expect(Buffer.from(bytes).equals(Buffer.from(want.data))).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('has the fixed header set: no Message-ID, no Date, X-Unsent and a multipart/mixed body', () => {
    const eml = buildEml({ to: 'training@example.ac.uk', subject: 'Mandatory Training (UCL Fire Safety) completion issue', text: 'Hello', attachments: [] });
    const headers = checkWireFormat(eml);
    expect(headers.join('\n')).toBe(
      [
        'To: training@example.ac.uk',
        'Subject: Mandatory Training (UCL Fire Safety) completion issue',
        'X-Unsent: 1',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="=_mtc_evidence_0"',
      ].join('\n'),
    );
    expect(eml).toContain('Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable');
  });

  it('folds a long ASCII subject at spaces and keeps it readable', async () => {
    const subject = `Mandatory Training (${Array.from({ length: 12 }, (_, i) => `Course number ${i}`).join('; ')}) completion issue`;
    const eml = buildEml({ to: 'a@b.cd', subject, text: '', attachments: [] });
    checkWireFormat(eml);
    expect(eml).toContain('Subject: Mandatory Training (Course number 0;');
    expect(eml).not.toContain('=?UTF-8?');
    expect((await PostalMime.parse(eml)).subject).toBe(subject);
  });

  it('keeps every header line within 78 characters whatever the word lengths', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.stringMatching(/^[!-~]{1,80}$/), { minLength: 1, maxLength: 5 }), async (words) => {
        const subject = words.join(' ');
        const eml = buildEml({ from: { name: subject, address: 'me@example.org' }, to: [{ name: subject, address: 'a@b.cd' }, { name: subject, address: 'c@b.cd' }], subject, text: '', attachments: [] });
        checkWireFormat(eml);
        const parsed = await PostalMime.parse(eml);
        expect(parsed.subject).toBe(subject);
        expect(parsed.from?.name).toBe(subject);
        expect(parsed.to?.map((t) => t.name)).toEqual([subject, subject]);
      }),
      { numRuns: 200 },
    );
  });

  it('encodes a 2,000-character word that could not be folded at a space', async () => {
    const subject = 'x'.repeat(2000);
    const eml = buildEml({ to: 'a@b.cd', subject, text: 'y'.repeat(5000), attachments: [] });
    checkWireFormat(eml);
    const parsed = await PostalMime.parse(eml);
    expect(parsed.subject).toBe(subject);
    expect(parsed.text?.trimEnd()).toBe('y'.repeat(5000));
  });

  it('turns control characters in headers into spaces, so no header can be injected', async () => {
    const eml = buildEml({ to: 'a@b.cd', subject: 'Hi\r\nBcc: evil@example.com', text: '', attachments: [{ filename: 'a\r\nb.pdf', contentType: 'application/pdf', data: new Uint8Array([1]) }] });
    checkWireFormat(eml);
    expect(eml).not.toMatch(/^Bcc:/m);
    const parsed = await PostalMime.parse(eml);
    expect(parsed.subject).toBe('Hi Bcc: evil@example.com');
    expect(parsed.attachments[0]?.filename).toBe('a b.pdf');
  });

  it('gives a non-ASCII attachment name an ASCII fallback and an RFC 2231 name', () => {
    const eml = buildEml({ to: 'a@b.cd', subject: 's', text: '', attachments: [{ filename: 'Sécurité incendie.pdf', contentType: 'application/pdf', data: new Uint8Array([1]) }] });
    expect(eml).toContain('filename="Securite-incendie.pdf"');
    expect(eml).toContain("filename*=utf-8''S%C3%A9curit%C3%A9%20incendie.pdf");
  });

  it('rejects an address it cannot write and a content type that would break the header', () => {
    expect(() => buildEml({ to: 'not an address', subject: '', text: '', attachments: [] })).toThrow(RangeError);
    const eml = buildEml({ to: 'a@b.cd', subject: '', text: '', attachments: [{ filename: 'x', contentType: 'text/plain\r\nX-Evil: 1', data: new Uint8Array() }] });
    expect(eml).toContain('Content-Type: application/octet-stream; name="x"');
  });

  it('picks a boundary that occurs nowhere in the parts', () => {
    // A text/plain body cannot contain `=_` after QP encoding, but an attachment name can.
    const eml = buildEml({ to: 'a@b.cd', subject: '', text: '--=_mtc_evidence_0', attachments: [{ filename: '=_mtc_evidence_0.pdf', contentType: 'application/pdf', data: new Uint8Array([1]) }] });
    expect(eml).toContain('boundary="=_mtc_evidence_1"');
  });
});

describe('encodedWords', () => {
  it('never exceeds 75 characters and never splits a character', () => {
    fc.assert(
      fc.property(anyText({ maxLength: 200 }), (text) => {
        const words = encodedWords(text);
        let joined = '';
        for (const w of words) {
          expect(w.length).toBeLessThanOrEqual(75);
          const m = /^=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=$/.exec(w);
          expect(m).not.toBeNull();
          // Each word decodes on its own to valid UTF-8 (fatal decoder throws otherwise).
          // ignoreBOM keeps a byte-order mark the text holds: a decoder drops one at the start by default.
          joined += new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Buffer.from(m![1]!, 'base64'));
        }
        expect(joined).toBe(text);
      }),
    );
  });
});

describe('quotedPrintable', () => {
  it('keeps lines within 76 characters and round-trips', () => {
    fc.assert(
      fc.property(anyText({ maxLength: 500 }), (text) => {
        const qp = quotedPrintable(text);
        for (const line of qp.split('\r\n')) {
          expect(line.length).toBeLessThanOrEqual(76);
          expect(/[ \t]$/.test(line)).toBe(false);
        }
        const decoded = Buffer.from(
          qp.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8');
        expect(decoded).toBe(text.replace(/\r\n|\r|\n/g, '\r\n'));
      }),
    );
  });
});

describe('base64Lines', () => {
  it('wraps at 76 and matches Node base64', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100_000 }), (data) => {
        const lines = base64Lines(data);
        for (const l of lines) expect(l.length).toBeLessThanOrEqual(76);
        expect(lines.join('')).toBe(Buffer.from(data).toString('base64'));
      }),
      { numRuns: 30 },
    );
  });
});
