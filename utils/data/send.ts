// The extension pages' one way to send a message (and the background's one way to tell the pages):
// each answer is checked against its schema in ./messages.ts before anyone uses it.
import { browser } from 'wxt/browser';
import { MESSAGES, type BroadcastType, type PageMessage, type RequestOf, type ResponseOf, type TabMessage } from './messages';

/** An answer that is missing or not in the declared shape. */
export class UnexpectedAnswer extends Error {}

function checked<T extends keyof typeof MESSAGES>(type: T, answer: unknown, from: string): ResponseOf<T> {
  const parsed = MESSAGES[type].response.safeParse(answer);
  if (!parsed.success) throw new UnexpectedAnswer(answer === undefined ? `${from} did not answer.` : `${from} sent back something unexpected.`);
  return parsed.data as ResponseOf<T>;
}

/** From an extension page to the background; resolves with the checked answer. */
export async function send<M extends PageMessage>(message: M): Promise<ResponseOf<M['type']>> {
  const answer: unknown = await browser.runtime.sendMessage(message);
  return checked(message.type, answer, 'The extension’s background') as ResponseOf<M['type']>;
}

/** From an extension page to one tab's content script (after the user's click); the answer is checked. */
export async function sendToTab<M extends TabMessage>(tabId: number, message: M): Promise<ResponseOf<M['type']> | undefined> {
  const answer: unknown = await browser.tabs.sendMessage(tabId, message);
  // No answer yet: the page is still loading, or its content script is not there.
  if (answer === undefined) return undefined;
  return checked(message.type, answer, 'The page') as ResponseOf<M['type']>;
}

/**
 * Tells every open extension page (and, from a page, the background) that something changed. Nobody
 * listening is not a failure: no page may be open.
 */
export function broadcast(type: BroadcastType): void {
  void browser.runtime.sendMessage({ type } satisfies RequestOf<BroadcastType>).catch(() => undefined);
}

/**
 * Runs `handler` when the background or another extension page says `type` changed. Content scripts
 * reach pages' listeners too: only our own extension's pages and service worker are heard. Never
 * answers (the background does), so it cannot get in the way of the real answer. Returns the unsubscribe.
 */
export function onBroadcast(types: readonly BroadcastType[], handler: (type: BroadcastType) => void): () => void {
  const ours = browser.runtime.getURL('/');
  const listener = (raw: unknown, sender: { id?: string; url?: string }) => {
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(ours)) return undefined;
    const type = (raw as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && (types as readonly string[]).includes(type) && MESSAGES[type as BroadcastType].request.safeParse(raw).success) {
      handler(type as BroadcastType);
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
