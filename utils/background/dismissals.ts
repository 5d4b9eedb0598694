// Dismissed alerts: an alert the user dismissed stays quiet on that page for a day. Kept by the
// background (storage.local `dismissed-alerts`, utils/data/local.ts) for the page that asked: a content
// script can quiet alerts on its own page only, and never writes storage itself.
import type { AlertKind } from '@/utils/data/keys';
import { LOCAL_KEYS } from '@/utils/data/keys';
import { readLocal, writeLocal } from '@/utils/store/local';

export const DISMISS_FOR_MS = 24 * 60 * 60 * 1000;

/** `<origin><path>|<kind>`: a dismissal holds for that page (whatever its query) and that problem. */
export function dismissalKey(page: URL, kind: AlertKind): string {
  return `${page.origin}${page.pathname}|${kind}`.slice(0, 2200);
}

export async function isDismissed(page: URL, kind: AlertKind, now = Date.now()): Promise<boolean> {
  const at = (await readLocal(LOCAL_KEYS.dismissedAlerts))?.[dismissalKey(page, kind)];
  return typeof at === 'number' && now - at < DISMISS_FOR_MS;
}

export async function dismiss(page: URL, kind: AlertKind, now = Date.now()): Promise<void> {
  const all = (await readLocal(LOCAL_KEYS.dismissedAlerts)) ?? {};
  const fresh = Object.fromEntries(Object.entries(all).filter(([, at]) => now - at < DISMISS_FOR_MS));
  await writeLocal(LOCAL_KEYS.dismissedAlerts, { ...fresh, [dismissalKey(page, kind)]: now });
}
