// Extension-page side of evidence collection: find (or open) the site's tab, ask its content script to
// collect, and check the answer. Runs after the user's click in the popup, side panel or flow page.
import { browser } from 'wxt/browser';
import type { Profile } from '@/utils/catalogue/profile';
import type { CollectCommand, CollectResult } from '@/utils/data/messages';
import { putOnRequestScript } from '@/utils/data/on-request';
import { sendToTab, UnexpectedAnswer } from '@/utils/data/send';
import { CYBSAFE_HOME, SITE_MATCHES, portalDashboardUrl } from '@/utils/hosts';
import { errorText } from '@/utils/errors';

export type CollectSite = 'learnupon' | 'cybsafe';

export const SITE_NAMES: Record<CollectSite, string> = { learnupon: 'LearnUpon', cybsafe: 'CybSafe' };

/** Opening a tab and letting the portal sign in (SSO redirects) can take a while. */
const READY_WAIT_MS = 30_000;

function siteUrls(site: CollectSite, profile: Profile): { pattern: string; start: string } {
  return site === 'learnupon'
    ? { pattern: `https://${profile.portalHost}/*`, start: portalDashboardUrl(profile.portalHost) }
    : { pattern: SITE_MATCHES.cybsafe[0], start: CYBSAFE_HOME };
}

/** The page that lists every course: the LearnUpon dashboard, CybSafe's home. */
const LIST_PAGE = /^https:\/\/[^/]+\/dashboard(?:[/?#]|$)|^https:\/\/app\.cybsafe\.com\/(?:home)?(?:[?#]|$)/;

export interface SiteTab {
  site: CollectSite;
  tabId: number;
  /** Opened by us (in the background): closed again once the collection is done. */
  opened: boolean;
}

/** The user's own tab on the site's course list, or a new background tab on it. */
export async function openSiteTab(site: CollectSite, profile: Profile): Promise<SiteTab> {
  const { pattern, start } = siteUrls(site, profile);
  const tabs = await browser.tabs.query({ url: pattern });
  const own = tabs.find((t) => t.id !== undefined && LIST_PAGE.test(t.url ?? ''));
  if (own?.id !== undefined) return { site, tabId: own.id, opened: false };
  const tab = await browser.tabs.create({ url: start, active: false });
  if (tab.id === undefined) throw new Error('Chrome did not open the page.');
  return { site, tabId: tab.id, opened: true };
}

/** Chrome's words while the page is loading or its content script is not there yet: ask again. */
const NOT_READY = /Receiving end does not exist|Could not establish connection|message port closed|back\/forward cache/i;

/** Asks the tab's content script; waits while the page loads (or signs in), up to READY_WAIT_MS. */
export async function askSiteTab(tab: SiteTab, command: CollectCommand): Promise<CollectResult> {
  const deadline = Date.now() + READY_WAIT_MS;
  for (;;) {
    try {
      const answer = await sendToTab(tab.tabId, command);
      if (answer !== undefined) return answer;
    } catch (error) {
      if (error instanceof UnexpectedAnswer) throw error;
      // A closed tab or any other refusal will not mend by waiting: say so now.
      if (!NOT_READY.test(errorText(error))) throw new Error(`${SITE_NAMES[tab.site]} could not be asked (${errorText(error)}). Try again.`);
    }
    if (Date.now() > deadline) {
      throw new Error(`${SITE_NAMES[tab.site]} did not open in time. Check you are signed in there (${tab.opened ? 'the tab we opened is still open' : 'in your open tab'}), then try again.`);
    }
    // Nobody answered: the collector is put in the page when asked for (utils/data/on-request.ts). Once in,
    // it listens within a second (it waits for the page's load); a page still loading may not keep it.
    const put = await putOnRequestScript(tab.tabId, tab.site);
    await new Promise((r) => setTimeout(r, put ? 50 : 500));
  }
}

/** Closes the tab if we opened it; the user's own tab stays. */
export async function closeSiteTab(tab: SiteTab): Promise<void> {
  if (tab.opened) await browser.tabs.remove(tab.tabId).catch(() => undefined);
}

/** One collection: open (or find) the tab, ask, and close the tab we opened once it answered. */
export async function collectFromSite(site: CollectSite, profile: Profile, options: { history: boolean; certificates?: boolean }): Promise<CollectResult> {
  const tab = await openSiteTab(site, profile);
  const result = await askSiteTab(tab, { type: 'collect-evidence', history: options.history, ...(options.certificates === false ? { certificates: false } : {}) });
  await closeSiteTab(tab);
  return result;
}
