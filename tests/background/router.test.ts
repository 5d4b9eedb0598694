import { describe, expect, it, vi } from 'vitest';
import { identifySender, route, RefusedMessage, type Handlers } from '@/utils/background/router';

const ids = { id: 'ext-id', origin: 'chrome-extension://ext-id' };
const tab = { id: 1 } as never;

function handlers() {
  return { content: vi.fn(async () => 'content-ok'), page: vi.fn(async () => 'page-ok') } satisfies Handlers;
}

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
    await expect(route({ type: 'get-state' }, { id: 'ext-id', url: 'https://ucl.learnupon.com/x', tab }, ids, h)).resolves.toBe('content-ok');
    await expect(route({ type: 'records-changed' }, { id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html' }, ids, h)).resolves.toBe('page-ok');
  });

  it('refuses forged and malformed messages without calling any handler', async () => {
    const h = handlers();
    const page = { id: 'ext-id', url: 'https://ucl.learnupon.com/x', tab };
    const bad: [unknown, object][] = [
      [{ type: 'get-state' }, { id: 'other', url: 'https://ucl.learnupon.com/x', tab }],
      [{ type: 'records-changed' }, page], // a page message from a content script
      [{ type: 'get-state' }, { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' }], // content message from a page
      [{ type: 'save-page-records', pageUrl: 'x', found: -1, records: [] }, page],
      [{ type: 'save-page-records', pageUrl: 'x', found: 1, records: [{ id: 'x' }] }, page],
      [{ type: 'report-problem', kind: 'not-a-kind', title: 't', pageUrl: 'u' }, page],
      ['get-state', page],
      [null, page],
    ];
    for (const [message, sender] of bad) {
      await expect(route(message, sender, ids, h)).rejects.toBeInstanceOf(RefusedMessage);
    }
    expect(h.content).not.toHaveBeenCalled();
    expect(h.page).not.toHaveBeenCalled();
  });
});
