// The `browser` object content scripts are built with: wxt.config.ts points `wxt/browser` here for content
// scripts only. Chrome's own promise-based API (Manifest V3) with the two things webextension-polyfill adds
// that our content scripts rely on, so they need not carry the polyfill (10 KB, ~3 KB gzipped, set up again
// on every page load). Extension pages and the service worker keep the polyfill; both ends speak its way:
// - a runtime.onMessage listener may answer by returning a promise (a rejection is sent back as the
//   polyfill's `{ __mozWebExtensionPolyfillReject__, message }`, which the polyfill on the asking side rejects with);
// - runtime.sendMessage rejects when the answer is that shape, and resolves with nothing when no listener answered.
type Listener = (message: unknown, sender: unknown, sendResponse: (response?: unknown) => void) => unknown;
interface ChromeRuntime {
  lastError?: { message?: string };
  sendMessage(message: unknown, callback: (reply: unknown) => void): void;
  onMessage: { addListener(l: Listener): void; removeListener(l: Listener): void; hasListener(l: Listener): boolean };
}

/** Chrome's answer when every listener let the message go unanswered: the polyfill resolves with nothing then. */
const NO_RESPONSE = 'The message port closed before a response was received.';
const REJECTED = '__mozWebExtensionPolyfillReject__';

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

function errorMessage(error: unknown): string {
  return error && (error instanceof Error || typeof (error as { message?: unknown }).message === 'string')
    ? String((error as { message: unknown }).message)
    : 'An unexpected error occurred';
}

interface PromiseRuntime {
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: { addListener(l: Listener): void; removeListener(l: Listener): void; hasListener(l: Listener): boolean };
}
export type ContentBrowser<T extends { runtime: ChromeRuntime }> = Omit<T, 'runtime'> & { runtime: Omit<T['runtime'], keyof PromiseRuntime> & PromiseRuntime };

/** Wraps Chrome's `chrome` object (a parameter so tests can hand in a fake). */
export function createContentBrowser<T extends { runtime: ChromeRuntime }>(chrome: T): ContentBrowser<T> {
  const runtime = chrome.runtime;
  const wrappers = new WeakMap<Listener, Listener>();
  const wrap = (listener: Listener): Listener => {
    let wrapped = wrappers.get(listener);
    if (!wrapped) {
      wrapped = (message, sender, sendResponse) => {
        let result: unknown;
        try {
          result = listener(message, sender, sendResponse);
        } catch (error) {
          result = Promise.reject(error);
        }
        if (!isThenable(result)) return result === true;
        result.then(sendResponse, (error: unknown) => sendResponse({ [REJECTED]: true, message: errorMessage(error) }));
        return true;
      };
      wrappers.set(listener, wrapped);
    }
    return wrapped;
  };
  const onMessage: PromiseRuntime['onMessage'] = {
    addListener: (listener: Listener) => runtime.onMessage.addListener(wrap(listener)),
    removeListener: (listener: Listener) => runtime.onMessage.removeListener(wrap(listener)),
    hasListener: (listener: Listener) => runtime.onMessage.hasListener(wrap(listener)),
  };
  const sendMessage = (message: unknown) =>
    new Promise((resolve, reject) => {
      runtime.sendMessage(message, (reply) => {
        const lastError = runtime.lastError;
        if (lastError) {
          if (lastError.message === NO_RESPONSE) resolve(undefined);
          else reject(new Error(lastError.message));
        } else if (typeof reply === 'object' && reply !== null && (reply as Record<string, unknown>)[REJECTED]) {
          reject(new Error(String((reply as { message?: unknown }).message)));
        } else resolve(reply);
      });
    });
  // Everything else is Chrome's own, read from Chrome's objects (their getters need them as `this`).
  const runtimeProxy = new Proxy(runtime, {
    get: (target, key) => (key === 'sendMessage' ? sendMessage : key === 'onMessage' ? onMessage : Reflect.get(target, key)),
  });
  return new Proxy(chrome, { get: (target, key) => (key === 'runtime' ? runtimeProxy : Reflect.get(target, key)) }) as unknown as ContentBrowser<T>;
}

export const browser = createContentBrowser((globalThis as unknown as { chrome: { runtime: ChromeRuntime } }).chrome) as unknown as typeof import('wxt/browser').browser;
