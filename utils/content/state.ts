// A content script's one way to talk to the background, typed from the message table
// (utils/data/messages.ts) by `import type` only: content scripts carry no schema library. The background
// checks every message against its schema and its sender; what it answers comes from its own checked store.
import { browser } from 'wxt/browser';
import type { ContentMessage, ContentMessageType, ContentState, RequestOf, ResponseOf } from '@/utils/data/messages';
import type { Profile } from '@/utils/data/profile';
import type { PageReading } from '@/utils/records';

export type { ContentState };

/** Asks the background; resolves with its answer (the type the table declares for this message). */
export function send<M extends ContentMessage>(message: M): Promise<ResponseOf<M['type'] & ContentMessageType>> {
  return browser.runtime.sendMessage(message) as Promise<ResponseOf<M['type'] & ContentMessageType>>;
}

let asking: Promise<ContentState> | null = null;

/**
 * The profile, today's date, and (on pages that show badges) the records. Features starting together
 * on a page (badges, the doctor) share one question rather than each carrying the records over.
 */
export function fetchState(): Promise<ContentState> {
  asking ??= send({ type: 'get-state' }).finally(() => (asking = null));
  return asking;
}

export async function fetchProfile(): Promise<Profile> {
  return (await fetchState()).profile;
}

/** The page's course entries, as read: the background makes them records of this page's site. */
export function saveReadings(readings: PageReading[], found: number): Promise<unknown> {
  return send({ type: 'save-page-records', found, readings });
}

/**
 * The collect command from one of our extension pages, checked by hand (no schema library here): exactly
 * `{ type: 'collect-evidence', history: boolean, certificates?: boolean }`, else null.
 */
export function collectCommandOf(raw: unknown): RequestOf<'collect-evidence'> | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { type, history, certificates } = raw as { type?: unknown; history?: unknown; certificates?: unknown };
  if (type !== 'collect-evidence' || typeof history !== 'boolean') return null;
  if (certificates === undefined) return { type, history };
  return typeof certificates === 'boolean' ? { type, history, certificates } : null;
}
