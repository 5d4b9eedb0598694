// Who sent a message, and is it allowed to say it? Every message is checked against its declaration in
// utils/data/messages.ts: the sender (our own pages; a content script only from a covered https site the
// message lists) and the shape (zod). Anything else is refused, and refused messages get no answer.
import type { Browser } from 'wxt/browser';
import { siteOfHost, type Site } from '@/utils/hosts';
import { MESSAGES, isMessageType, type MessageType, type RequestOf, type ResponseOf } from '@/utils/data/messages';

type MessageSender = Browser.runtime.MessageSender;

export type ContentSender = { kind: 'content'; site: Site; url: URL };
export type Sender = { kind: 'extension-page' } | ContentSender;

export function identifySender(sender: MessageSender, extensionId: string, extensionOrigin: string): Sender | null {
  if (sender.id !== extensionId || !sender.url) return null;
  if (sender.url.startsWith(extensionOrigin + '/')) return { kind: 'extension-page' };
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  const site = url.protocol === 'https:' && !url.username && !url.password ? siteOfHost(url.hostname) : null;
  return site && sender.tab ? { kind: 'content', site, url } : null;
}

/** The messages the background answers. */
export type BackgroundMessageType = { [T in MessageType]: 'background' extends (typeof MESSAGES)[T]['to'][number] ? T : never }[MessageType];

type SenderOf<T extends MessageType> = (typeof MESSAGES)[T]['from'] extends { content: readonly Site[] } ? ContentSender : Extract<Sender, { kind: 'extension-page' }>;

/** One handler per message the background answers (a command → handler map). */
export type Handlers = { [T in BackgroundMessageType]: (message: RequestOf<T>, sender: SenderOf<T>) => Promise<ResponseOf<T>> };

export class RefusedMessage extends Error {}

/** Whether this sender may send this message, by its declaration. */
export function mayAsk(type: MessageType, who: Sender): boolean {
  const from: { content?: readonly Site[]; pages?: true } = MESSAGES[type].from;
  return who.kind === 'content' ? (from.content ?? []).includes(who.site) : from.pages === true;
}

/** Parses and dispatches one message, or throws RefusedMessage saying why. */
export async function route(raw: unknown, sender: MessageSender, ids: { id: string; origin: string }, handlers: Handlers): Promise<unknown> {
  const who = identifySender(sender, ids.id, ids.origin);
  if (!who) throw new RefusedMessage('message from an unknown sender');
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  if (!isMessageType(type) || !(MESSAGES[type].to as readonly string[]).includes('background')) throw new RefusedMessage('not a message the background answers');
  if (!mayAsk(type, who)) throw new RefusedMessage(`${type} may not come from this sender`);
  const parsed = MESSAGES[type].request.safeParse(raw);
  if (!parsed.success) throw new RefusedMessage(`malformed ${type} message`);
  const handler = handlers[type as BackgroundMessageType] as (message: unknown, sender: Sender) => Promise<unknown>;
  return handler(parsed.data, who);
}
