// The content scripts' `browser` (utils/content/browser.ts) speaks the polyfill's conventions over Chrome's
// own API: a fake `chrome` stands in for Chromium's (the browser tests run the real one: the evidence
// collector answers the extension's pages through it).
import { describe, expect, it, vi } from 'vitest';
import { createContentBrowser } from '@/utils/content/browser';

type Listener = (message: unknown, sender: unknown, sendResponse: (r?: unknown) => void) => unknown;

function fakeChrome(reply: { value?: unknown; lastError?: string } = {}) {
  const listeners = new Set<Listener>();
  const runtime = {
    id: 'abc',
    lastError: undefined as { message: string } | undefined,
    getURL: vi.fn((path: string) => `chrome-extension://abc${path}`),
    sendMessage(_message: unknown, callback: (reply: unknown) => void) {
      queueMicrotask(() => {
        runtime.lastError = reply.lastError ? { message: reply.lastError } : undefined;
        callback(reply.value);
        runtime.lastError = undefined;
      });
    },
    onMessage: {
      addListener: (l: Listener) => void listeners.add(l),
      removeListener: (l: Listener) => void listeners.delete(l),
      hasListener: (l: Listener) => listeners.has(l),
    },
  };
  /** Delivers a message as Chrome does: each listener's return value says whether it will answer later. */
  const deliver = (message: unknown) =>
    new Promise<{ kept: boolean[]; response: unknown }>((resolve) => {
      const kept = [...listeners].map((l) => l(message, { id: 'abc' }, (response) => resolve({ kept, response })) === true);
      if (!kept.some(Boolean)) resolve({ kept, response: undefined });
    });
  return { chrome: { runtime, storage: { session: 'native' } }, listeners, deliver };
}

describe('the content scripts’ browser object', () => {
  it('answers with the value a listener’s promise resolves to', async () => {
    const fake = fakeChrome();
    const browser = createContentBrowser(fake.chrome);
    const listener = vi.fn(async (message: unknown) => ({ echoed: message }));
    browser.runtime.onMessage.addListener(listener);
    expect(await fake.deliver('hi')).toEqual({ kept: [true], response: { echoed: 'hi' } });
  });

  it('sends a rejection in the polyfill’s shape, so the asking page’s polyfill rejects', async () => {
    const fake = fakeChrome();
    const browser = createContentBrowser(fake.chrome);
    browser.runtime.onMessage.addListener(async () => {
      throw new Error('no history button');
    });
    expect((await fake.deliver('x')).response).toEqual({ __mozWebExtensionPolyfillReject__: true, message: 'no history button' });
  });

  it('leaves a message unanswered when the listener returns nothing, and removes the listener it was given', async () => {
    const fake = fakeChrome();
    const browser = createContentBrowser(fake.chrome);
    const listener = () => undefined;
    browser.runtime.onMessage.addListener(listener);
    expect(browser.runtime.onMessage.hasListener(listener)).toBe(true);
    expect(await fake.deliver('x')).toEqual({ kept: [false], response: undefined });
    browser.runtime.onMessage.removeListener(listener);
    expect(fake.listeners.size).toBe(0);
  });

  it('resolves what the background answers, rejects its polyfill-shaped rejection and real errors, and resolves nothing when nobody answered', async () => {
    expect(await createContentBrowser(fakeChrome({ value: { saved: 2 } }).chrome).runtime.sendMessage({ type: 'x' })).toEqual({ saved: 2 });
    await expect(createContentBrowser(fakeChrome({ value: { __mozWebExtensionPolyfillReject__: true, message: 'refused' } }).chrome).runtime.sendMessage({})).rejects.toThrow('refused');
    await expect(createContentBrowser(fakeChrome({ lastError: 'Could not establish connection. Receiving end does not exist.' }).chrome).runtime.sendMessage({})).rejects.toThrow(/Receiving end/);
    expect(await createContentBrowser(fakeChrome({ lastError: 'The message port closed before a response was received.' }).chrome).runtime.sendMessage({})).toBeUndefined();
  });

  it('passes everything else through to Chrome’s own objects', () => {
    const fake = fakeChrome();
    const browser = createContentBrowser(fake.chrome);
    expect(browser.runtime.id).toBe('abc');
    expect(browser.runtime.getURL('/')).toBe('chrome-extension://abc/');
    expect((browser as unknown as { storage: { session: string } }).storage.session).toBe('native');
  });
});
