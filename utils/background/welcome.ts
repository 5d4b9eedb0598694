// The first-run welcome: a fresh install opens one short page (entrypoints/welcome/); an update, a
// browser update or a reload of the extension opens nothing, so nobody is interrupted twice.
import { browser } from 'wxt/browser';

export const WELCOME_PAGE = '/welcome.html';

/** `runtime.onInstalled` details, as much of them as the choice needs. */
export interface InstalledDetails {
  reason: string;
}

/** Whether this install event deserves the welcome page: only a first install does. */
export function wantsWelcome(details: InstalledDetails): boolean {
  return details.reason === 'install';
}

/** Opens the welcome page in a new tab on a first install; does nothing otherwise. */
export async function openWelcomeOnInstall(details: InstalledDetails): Promise<void> {
  if (!wantsWelcome(details)) return;
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
}
