// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://ucl.learnupon.com/dashboard" }
// The page's side of "What I read on this page": it does nothing until the side panel asks, answers only
// our own extension pages in the declared shapes, outlines entries only while a panel is connected, and
// takes everything away when the panel goes or the page navigates.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { PAGE_READING_PORT } from '@/utils/data/keys';
import { MESSAGES, PageReadAnswerSchema } from '@/utils/data/messages';
import { listenForPageReading, panelRequestOf } from '@/utils/content/page-reading';
import { readLearnUponCourses } from '@/utils/platforms/learnupon/courses';
import type { CourseReader } from '@/utils/platforms/types';
import { personaEnrollments } from '../fixtures/persona';
import { renderDashboard } from '../fixtures/sites/learnupon/pages';

const ORIGIN = 'chrome-extension://test-extension-id';
const PANEL = { id: 'test-extension-id', url: `${ORIGIN}/sidepanel.html` };
const TODAY = new Date('2026-11-28T09:00:00Z');

/** An event like the browser's, with a way to fire it. */
function event<A extends unknown[]>() {
  const listeners: ((...args: A) => void)[] = [];
  return {
    addListener: (l: (...args: A) => void) => void listeners.push(l),
    removeListener: (l: (...args: A) => void) => void listeners.splice(listeners.indexOf(l), 1),
    hasListeners: () => listeners.length > 0,
    fire: (...args: A) => listeners.forEach((l) => l(...args)),
  };
}

/** The panel's end of a port, as the content script receives it. */
function port(sender: { id?: string; url?: string } = PANEL, name = PAGE_READING_PORT) {
  return { name, sender, postMessage: vi.fn(), disconnect: vi.fn(), onDisconnect: event<[]>(), onMessage: event<[unknown]>() };
}

let onConnect: ReturnType<typeof event<[ReturnType<typeof port>]>>;
let controller: AbortController;
let read: ReturnType<typeof vi.fn<CourseReader>>;
let asked: ReturnType<typeof vi.fn>;

class NoResize {
  observe() {}
  disconnect() {}
}

beforeEach(() => {
  document.documentElement.innerHTML = new DOMParser().parseFromString(renderDashboard({ today: TODAY }), 'text/html').documentElement.innerHTML;
  onConnect = event();
  (fakeBrowser.runtime as unknown as { onConnect: typeof onConnect }).onConnect = onConnect;
  vi.stubGlobal('ResizeObserver', NoResize);
  // The background, as the content script asks it for the profile (content scripts never read storage).
  asked = vi.fn(async (message: unknown) => ((message as { type?: string }).type === 'get-state' ? { profile: UCL_PROFILE, today: '2026-11-28', records: null } : undefined));
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(asked as never);
  read = vi.fn(readLearnUponCourses);
  controller = new AbortController();
  listenForPageReading(controller.signal, { site: 'learnupon', read });
});
afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const ask = async (message: unknown, sender: object = PANEL) => (await fakeBrowser.runtime.onMessage.trigger(message, sender as never))[0];
const outlines = () => document.querySelector('[data-mtc="outlines"]');

describe('until the panel asks', () => {
  it('reads nothing, asks nothing and draws nothing: it only listens', () => {
    expect(read).not.toHaveBeenCalled();
    expect(asked).not.toHaveBeenCalled();
    expect(outlines()).toBeNull();
    expect(onConnect.hasListeners()).toBe(true);
  });
});

describe('read-page', () => {
  it('answers our own page with every entry read, in the declared shape, with the words and the dates used', async () => {
    const answer = PageReadAnswerSchema.parse(await ask({ type: 'read-page' }));
    const persona = personaEnrollments(TODAY);
    expect(answer).toMatchObject({ site: 'learnupon', pageUrl: 'https://ucl.learnupon.com/dashboard', otherPortal: false });
    expect(answer.counted.map((e) => e.course)).toEqual(persona.filter((e) => e.catalogueName).map((e) => e.catalogueName));
    expect(answer.notCounted.map((e) => [e.titleShown, e.notCounted])).toEqual([['Research Data Management Essentials', 'not-mandatory']]);
    const prevent = answer.counted.find((e) => e.course === 'Prevent at UCL')!;
    const expected = persona.find((e) => e.catalogueName === 'Prevent at UCL')!;
    expect(prevent).toMatchObject({ titleShown: 'Prevent at UCL (2024)', statusShown: 'Completed', foundBy: 'enrollment-link', enrollmentId: expected.id, claims: true });
    expect(prevent.used.completedOn).toBe(expected.completedOn);
    expect(prevent.dates[0]).toMatchObject({ kind: 'completed', iso: expected.completedOn, label: expect.stringMatching(/^Completed/) });
    expect(MESSAGES['read-page'].response.safeParse(answer).success).toBe(true);
  });

  it('is ignored from anyone else, or in any other shape, and reads nothing', async () => {
    const refused: [unknown, object][] = [
      [{ type: 'read-page' }, { id: 'another-extension', url: 'chrome-extension://another-extension/page.html' }],
      [{ type: 'read-page' }, { id: 'test-extension-id', url: 'https://ucl.learnupon.com/dashboard', tab: { id: 1 } }],
      [{ type: 'read-page' }, { id: 'test-extension-id', url: 'https://evil.example/' }],
      [{ type: 'read-page' }, { id: 'test-extension-id' }],
      [{ type: 'read-page' }, {}],
      [{ type: 'show-on-page', show: 'yes' }, PANEL],
      [{ type: 'show-on-page' }, PANEL],
      [{ type: 'read-pages' }, PANEL],
      ['read-page', PANEL],
      [['read-page'], PANEL],
      [null, PANEL],
    ];
    for (const [message, sender] of refused) expect(await ask(message, sender), JSON.stringify([message, sender])).toBeUndefined();
    expect(read).not.toHaveBeenCalled();
  });

  it('takes exactly the declared requests', () => {
    expect(panelRequestOf({ type: 'read-page', extra: 1 })).toEqual({ type: 'read-page' });
    expect(panelRequestOf({ type: 'copy-page' })).toEqual({ type: 'copy-page' });
    expect(panelRequestOf({ type: 'show-on-page', show: false })).toEqual({ type: 'show-on-page', show: false });
    for (const request of [{ type: 'read-page' }, { type: 'copy-page' }, { type: 'show-on-page', show: true }]) {
      expect(MESSAGES[request.type as 'read-page'].request.safeParse(panelRequestOf(request)).success).toBe(true);
    }
  });
});

describe('copy-page', () => {
  it('hands our own page the page’s HTML as it is now, for the panel to anonymise', async () => {
    const answer = (await ask({ type: 'copy-page' })) as { pageUrl: string; html: string };
    expect(MESSAGES['copy-page'].response.safeParse(answer).success).toBe(true);
    expect(answer.html).toContain('Prevent at UCL (2024)');
    expect(answer.pageUrl).toBe('https://ucl.learnupon.com/dashboard');
    expect(await ask({ type: 'copy-page' }, { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' })).toBeUndefined();
  });
});

describe('show on page', () => {
  it('draws nothing while no panel is connected', async () => {
    expect(await ask({ type: 'show-on-page', show: true })).toEqual({ shown: 0 });
    expect(outlines()).toBeNull();
  });

  it('outlines each entry read while the panel is connected, outside the body, and leaves the page’s elements as they were', async () => {
    const before = document.body.innerHTML;
    onConnect.fire(port());
    const answer = (await ask({ type: 'show-on-page', show: true })) as { shown: number };
    expect(answer.shown).toBe(personaEnrollments(TODAY).length);
    const host = outlines()!;
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.getAttribute('aria-hidden')).toBe('true');
    expect([...host.shadowRoot!.querySelectorAll('[data-mtc-entry]')].map((b) => b.textContent)).toEqual(['1', '2', '3', '4', '5', '6', '7 · not counted']);
    expect(document.body.innerHTML).toBe(before);
    expect(await ask({ type: 'show-on-page', show: false })).toEqual({ shown: 0 });
    expect(outlines()).toBeNull();
  });

  it('takes the outlines away when the panel closes, and stops watching the page', async () => {
    const panel = port();
    onConnect.fire(panel);
    await ask({ type: 'show-on-page', show: true });
    expect(outlines()).not.toBeNull();
    panel.onDisconnect.fire();
    expect(outlines()).toBeNull();
    document.querySelector('main')!.append(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 500));
    expect(panel.postMessage).not.toHaveBeenCalled();
  });

  it('draws nothing when the panel goes while the page is still being read', async () => {
    let answer!: (value: unknown) => void;
    asked.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const panel = port();
    onConnect.fire(panel);
    const shown = ask({ type: 'show-on-page', show: true });
    await new Promise((r) => setTimeout(r));
    panel.onDisconnect.fire();
    answer({ profile: UCL_PROFILE, today: '2026-11-28', records: null });
    expect(await shown).toEqual({ shown: 0 });
    expect(outlines()).toBeNull();
  });

  it('takes everything away on navigation, and closes the panel’s port so it reads the new page', async () => {
    const panel = port();
    onConnect.fire(panel);
    await ask({ type: 'show-on-page', show: true });
    controller.abort();
    expect(outlines()).toBeNull();
    expect(panel.disconnect).toHaveBeenCalled();
    expect((fakeBrowser.runtime.onMessage as unknown as { hasListeners(): boolean }).hasListeners()).toBe(false);
    expect(onConnect.hasListeners()).toBe(false);
  });

  it('accepts a port only from our own pages, under its own name', async () => {
    onConnect.fire(port({ id: 'another-extension', url: 'chrome-extension://another-extension/x.html' }));
    onConnect.fire(port(PANEL, 'something-else'));
    expect(await ask({ type: 'show-on-page', show: true })).toEqual({ shown: 0 });
  });
});

describe('while the panel is open', () => {
  it('tells it once when the page changes, and not when only our own badges come and go', async () => {
    const panel = port();
    onConnect.fire(panel);
    const badge = document.createElement('mtc-renewal');
    badge.dataset.mtc = 'renewal';
    document.querySelector('main')!.append(badge);
    await new Promise((r) => setTimeout(r, 500));
    expect(panel.postMessage).not.toHaveBeenCalled();
    document.querySelector('main')!.append(Object.assign(document.createElement('p'), { textContent: 'one' }));
    document.querySelector('main')!.append(Object.assign(document.createElement('p'), { textContent: 'two' }));
    await new Promise((r) => setTimeout(r, 500));
    expect(panel.postMessage.mock.calls).toEqual([[{ type: 'page-changed' }]]);
  });
});
