// Who sent a message, and is it allowed to say it? Every message is checked twice: the sender
// (our extension; a content script only from a covered https site) and the shape (zod).
import type { Browser } from 'wxt/browser';
import { siteOfHost, type Site } from '@/utils/hosts';
import { ContentMessageSchema, PageMessageSchema, type ContentMessage, type PageMessage } from '@/utils/messages';

type MessageSender = Browser.runtime.MessageSender;

export type Sender =
  | { kind: 'extension-page' }
  | { kind: 'content'; site: Site; url: URL };

export function identifySender(sender: MessageSender, extensionId: string, extensionOrigin: string): Sender | null {
  if (sender.id !== extensionId || !sender.url) return null;
  if (sender.url.startsWith(extensionOrigin + '/')) return { kind: 'extension-page' };
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  const site = url.protocol === 'https:' ? siteOfHost(url.hostname) : null;
  return site && sender.tab ? { kind: 'content', site, url } : null;
}

export interface Handlers {
  content: (message: ContentMessage, sender: Extract<Sender, { kind: 'content' }>) => Promise<unknown>;
  page: (message: PageMessage) => Promise<unknown>;
}

export class RefusedMessage extends Error {}

/** Parses and dispatches one message, or throws RefusedMessage saying why. */
export async function route(raw: unknown, sender: MessageSender, ids: { id: string; origin: string }, handlers: Handlers): Promise<unknown> {
  const who = identifySender(sender, ids.id, ids.origin);
  if (!who) throw new RefusedMessage('message from an unknown sender');
  if (who.kind === 'content') {
    const parsed = ContentMessageSchema.safeParse(raw);
    if (!parsed.success) throw new RefusedMessage('malformed content message');
    return handlers.content(parsed.data, who);
  }
  const parsed = PageMessageSchema.safeParse(raw);
  if (!parsed.success) throw new RefusedMessage('malformed page message');
  return handlers.page(parsed.data);
}
