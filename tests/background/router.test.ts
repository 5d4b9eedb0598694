import { describe, expect, it, vi } from 'vitest';
import { identifySender, route, RefusedMessage, type Handlers } from '@/utils/background/router';

const ids = { id: 'ext-id', origin: 'chrome-extension://ext-id' };
const tab = { id: 1 } as never;

/** One mock per message the background answers; each answers with its own name. */
function handlers() {
  const types = ['get-state', 'save-page-records', 'report-problem', 'log-time', 'get-time-log-switch', 'is-alert-dismissed', 'dismiss-alert', 'records-changed', 'profile-changed', 'report-issue', 'save-account'] as const;
  return Object.fromEntries(types.map((t) => [t, vi.fn(async () => `${t}-ok`)])) as unknown as Handlers & Record<(typeof types)[number], ReturnType<typeof vi.fn>>;
}
const called = (h: ReturnType<typeof handlers>) => Object.values(h).some((fn) => (fn as ReturnType<typeof vi.fn>).mock.calls.length > 0);

describe('identifySender', () => {
  it('knows our pages and our content scripts on covered https hosts', () => {
    expect(identifySender({ id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' }, ids.id, ids.origin)).toEqual({ kind: 'extension-page' });
    expect(identifySender({ id: 'ext-id', url: 'https://ucl.learnupon.com/dashboard', tab }, ids.id, ids.origin)).toMatchObject({ kind: 'content', site: 'learnupon' });
    expect(identifySender({ id: 'ext-id', url: 'https://app.cybsafe.com/', tab }, ids.id, ids.origin)).toMatchObject({ kind: 'content', site: 'cybsafe' });
  });

  it('refuses other extensions, uncovered hosts, look-alike hosts and plain http', () => {
    const refuse = [
      { id: 'other', url: 'chrome-extension://other/popup.html' },
      { id: 'ext-id', url: 'https://evil.example/dashboard', tab },
      { id: 'ext-id', url: 'https://ucl.learnupon.com.evil.example/', tab },
      { id: 'ext-id', url: 'https://app.cybsafe.com.evil.example/', tab },
      { id: 'ext-id', url: 'http://ucl.learnupon.com/dashboard', tab },
      { id: 'ext-id', url: 'chrome-extension://ext-idx/popup.html' },
      { id: 'ext-id' },
    ];
    for (const sender of refuse) expect(identifySender(sender, ids.id, ids.origin)).toBeNull();
  });
});

describe('route', () => {
  it('dispatches well-formed messages to the handler for that kind of sender', async () => {
    const h = handlers();
    await expect(route({ type: 'get-state' }, { id: 'ext-id', url: 'https://ucl.learnupon.com/x', tab }, ids, h)).resolves.toBe('get-state-ok');
    await expect(route({ type: 'records-changed' }, { id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html' }, ids, h)).resolves.toBe('records-changed-ok');
    await expect(route({ type: 'get-state' }, { id: 'ext-id', url: 'https://login.microsoftonline.com/common', tab }, ids, h)).resolves.toBe('get-state-ok');
    await expect(route({ type: 'dismiss-alert', kind: 'other-portal' }, { id: 'ext-id', url: 'https://nhs-trust.learnupon.com/dashboard', tab }, ids, h)).resolves.toBe('dismiss-alert-ok');
    // The completion-issue flow's two (docs/contract.md): a badge's click, and who the page shows signed in.
    await expect(route({ type: 'report-issue', course: 'UCL Fire Safety' }, { id: 'ext-id', url: 'https://app.cybsafe.com/', tab }, ids, h)).resolves.toBe('report-issue-ok');
    await expect(route({ type: 'save-account', name: 'Alex Taylor', email: null }, { id: 'ext-id', url: 'https://ucl.learnupon.com/dashboard', tab }, ids, h)).resolves.toBe('save-account-ok');
    // The handler gets the sender the background identified, never one the message claims.
    expect(h['get-state']).toHaveBeenCalledWith({ type: 'get-state' }, expect.objectContaining({ kind: 'content', site: 'learnupon' }));
  });

  it('passes on only the declared fields (a field the message adds is dropped, not trusted)', async () => {
    const h = handlers();
    await route({ type: 'report-problem', kind: 'sso-error', title: 't', pageUrl: 'https://elsewhere.example/' }, { id: 'ext-id', url: 'https://ucl.learnupon.com/x', tab }, ids, h);
    expect(h['report-problem']).toHaveBeenCalledWith({ type: 'report-problem', kind: 'sso-error', title: 't' }, expect.anything());
  });

  it('refuses forged and malformed messages without calling any handler', async () => {
    const h = handlers();
    const page = { id: 'ext-id', url: 'https://ucl.learnupon.com/x', tab };
    const microsoft = { id: 'ext-id', url: 'https://login.microsoftonline.com/common', tab };
    const bad: [unknown, object][] = [
      [{ type: 'get-state' }, { id: 'other', url: 'https://ucl.learnupon.com/x', tab }],
      [{ type: 'records-changed' }, page], // a page message from a content script
      [{ type: 'get-state' }, { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' }], // content message from a page
      [{ type: 'save-page-records', pageUrl: 'x', found: -1, records: [] }, page],
      [{ type: 'save-page-records', pageUrl: 'x', found: 1, records: [{ id: 'x' }] }, page],
      [{ type: 'save-page-records', found: 1, readings: [{ title: 'Prevent at UCL' }] }, page],
      [{ type: 'report-problem', kind: 'not-a-kind', title: 't', pageUrl: 'u' }, page],
      // The Microsoft sign-in pages show no courses and log no time: they may not say they do.
      [{ type: 'save-page-records', found: 0, readings: [] }, microsoft],
      [{ type: 'log-time', title: 'Sign in', start: 1, end: 2 }, microsoft],
      // A command meant for a content script is not the background's to answer.
      [{ type: 'collect-evidence', history: true }, { id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html' }],
      // The flow's messages: only from the course sites, only in their shape; the broadcasts are not a content script's to send.
      [{ type: 'report-issue', course: 'UCL Fire Safety' }, microsoft],
      [{ type: 'report-issue', course: 'UCL Fire Safety' }, { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' }],
      [{ type: 'report-issue' }, page],
      [{ type: 'report-issue', course: 42 }, page],
      [{ type: 'report-issue', course: 'x'.repeat(100_000) }, page],
      [{ type: 'save-account', name: 'Alex Taylor', email: 'a.taylor@ucl.ac.uk' }, microsoft],
      [{ type: 'save-account', name: 'Alex Taylor' }, page],
      [{ type: 'save-account', name: null, email: ['a.taylor@ucl.ac.uk'] }, page],
      [{ type: 'save-account', name: null, email: 'x'.repeat(301) }, page],
      [{ type: 'person-changed' }, page],
      [{ type: 'evidence-changed' }, page],
      [{ type: 'no-such-message' }, page],
      ['get-state', page],
      [null, page],
    ];
    for (const [message, sender] of bad) {
      await expect(route(message, sender, ids, h), JSON.stringify(message)).rejects.toBeInstanceOf(RefusedMessage);
    }
    expect(called(h)).toBe(false);
  });
});
