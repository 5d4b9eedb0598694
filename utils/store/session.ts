// storage.session (utils/data/session.ts): written by the background only, and the one storage area opened
// to content scripts, which read the view there (utils/content/state.ts) and treat it as a hint.
import { browser } from 'wxt/browser';
import { SESSION_KEYS, type ContentView } from '@/utils/data/session';

export async function writeContentView(view: ContentView): Promise<void> {
  // Content scripts may read storage.session only once it is opened to them; storage.local stays closed.
  await browser.storage.session.setAccessLevel?.({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' });
  await browser.storage.session.set({ [SESSION_KEYS.contentView]: view });
}
