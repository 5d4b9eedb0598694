// @vitest-environment jsdom
// The content script's one command, "collect evidence" (it fetches certificates and the history with
// the user's session), obeys only our own extension pages, and only in the expected shape.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listenForCollect, type CollectorOptions } from '@/utils/content/collect';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';

const ORIGIN = 'chrome-extension://test-extension-id';

function collector() {
  const readCourses = vi.fn(() => []);
  const readAccount = vi.fn(() => ({ name: null, email: null }));
  const options: CollectorOptions = { readCourses, readAccount };
  const controller = new AbortController();
  listenForCollect(controller.signal, options);
  return { readCourses, readAccount, controller };
}

let controller: AbortController | null = null;
afterEach(() => {
  controller?.abort();
  vi.restoreAllMocks();
});
// The background, as the collector asks it for the profile (content scripts never read storage).
beforeEach(() => {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) =>
    (message as { type?: string }).type === 'get-state' ? { profile: UCL_PROFILE, today: '2026-11-28', records: null } : undefined,
  );
});

describe('collect command', () => {
  it('is answered for our own extension page (the control)', async () => {
    const c = collector();
    controller = c.controller;
    const [answer] = await fakeBrowser.runtime.onMessage.trigger({ type: 'collect-evidence', history: false }, { id: 'test-extension-id', url: `${ORIGIN}/sidepanel.html` });
    expect(answer).toMatchObject({ certificates: [], history: null });
    expect(c.readCourses).toHaveBeenCalledOnce();
  });

  it('is ignored from anyone else, or in any other shape, and nothing is read', async () => {
    const c = collector();
    controller = c.controller;
    const command = { type: 'collect-evidence', history: true };
    const refused: [unknown, { id?: string; url?: string; tab?: unknown }][] = [
      [command, { id: 'another-extension', url: 'chrome-extension://another-extension/page.html' }],
      [command, { id: 'test-extension-id', url: 'https://ucl.learnupon.com/dashboard', tab: { id: 1 } }], // one of our own content scripts
      [command, { id: 'test-extension-id', url: 'https://evil.example/' }],
      [command, { id: 'test-extension-id', url: `${ORIGIN}.evil.example/x` }],
      [command, { id: 'test-extension-id', url: 'chrome-extension://test-extension-idx/sidepanel.html' }],
      [command, { id: 'test-extension-id' }],
      [command, {}],
      [{ type: 'collect-evidence' }, { id: 'test-extension-id', url: `${ORIGIN}/sidepanel.html` }],
      [{ type: 'collect-evidence', history: 'yes' }, { id: 'test-extension-id', url: `${ORIGIN}/sidepanel.html` }],
      [{ type: 'collect-evidence', history: true, certificates: 'no' }, { id: 'test-extension-id', url: `${ORIGIN}/report.html` }],
      [{ type: 'collect-evidence', history: true, certificates: false }, { id: 'test-extension-id', url: 'https://ucl.learnupon.com/dashboard', tab: { id: 1 } }],
      [{ type: 'download', url: 'https://evil.example/x.exe' }, { id: 'test-extension-id', url: `${ORIGIN}/sidepanel.html` }],
      ['collect-evidence', { id: 'test-extension-id', url: `${ORIGIN}/sidepanel.html` }],
    ];
    for (const [message, sender] of refused) {
      const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender as never);
      expect(answers, JSON.stringify([message, sender])).toEqual([undefined]);
    }
    expect(c.readCourses).not.toHaveBeenCalled();
    expect(c.readAccount).not.toHaveBeenCalled();
  });

  it('stops listening when its page feature is aborted (navigation away)', async () => {
    const c = collector();
    c.controller.abort();
    expect((fakeBrowser.runtime.onMessage as unknown as { hasListeners(): boolean }).hasListeners()).toBe(false);
  });
});
