// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTACHMENTS_NOTE, mailtoUrl, outlookComposeUrl, SHORTENED_NOTE } from '@/utils/evidence/links';

const to = 'UCLmandatorystafflearning@ucl.ac.uk';
const subject = 'Mandatory Training (UCL Fire Safety) completion issue';

describe('outlookComposeUrl', () => {
  it('encodes spaces as %20 and keeps a short body whole', () => {
    const url = outlookComposeUrl({ to, subject, body: 'Dear team,\nI completed it.' });
    expect(url).toBe(
      'https://outlook.office.com/mail/deeplink/compose?to=UCLmandatorystafflearning%40ucl.ac.uk&subject=Mandatory%20Training%20(UCL%20Fire%20Safety)%20completion%20issue&body=Dear%20team%2C%0AI%20completed%20it.',
    );
    expect(url).not.toContain('+');
  });

  it('shortens a long body to fit and says so', () => {
    const body = Array.from({ length: 400 }, (_, i) => `Line ${i}: ünïcode 😀 text`).join('\n');
    const url = outlookComposeUrl({ to, subject, body });
    expect(url.length).toBeLessThanOrEqual(8000);
    const decoded = decodeURIComponent(new URL(url).searchParams.get('body') ?? '');
    expect(decoded.endsWith(SHORTENED_NOTE)).toBe(true);
    expect(body.startsWith(decoded.slice(0, decoded.length - SHORTENED_NOTE.length).trimEnd())).toBe(true);
  });
});

describe('mailtoUrl', () => {
  it('stays under 2,000 characters whatever the input, and decodes to a prefix of the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 5000 }), (s, body) => {
        const url = mailtoUrl({ to, subject: s, body });
        expect(url.length).toBeLessThan(2000);
        expect(url.startsWith(`mailto:${to}?subject=`)).toBe(true);
        const params = new URLSearchParams(url.slice(url.indexOf('?') + 1).replace(/\+/g, '%2B'));
        const gotBody = params.get('body') ?? '';
        const crlfBody = body.replace(/\r\n|\r|\n/g, '\r\n');
        if (gotBody !== crlfBody) {
          expect(gotBody.endsWith(SHORTENED_NOTE)).toBe(true);
          expect(crlfBody.startsWith(gotBody.slice(0, -SHORTENED_NOTE.length).trimEnd())).toBe(true);
        }
      }),
    );
  });

  it('uses CRLF line breaks', () => {
    expect(mailtoUrl({ to, subject: 'x', body: 'a\nb' })).toBe(`mailto:${to}?subject=x&body=a%0D%0Ab`);
  });

  it('exports the attachments line', () => {
    expect(ATTACHMENTS_NOTE).toBe('Attachments must be added from the downloaded pack.');
  });
});
