// Extension-page side of evidence collection: find (or open) the site's tab, ask its content script to
// collect, and check the answer. Runs after the user's click in the popup or side panel.
import { browser } from 'wxt/browser';
import type { Profile } from '@/utils/catalogue/profile';
import type { CollectCommand, CollectResult } from '@/utils/data/messages';
import { sendToTab, UnexpectedAnswer } from '@/utils/data/send';
import { CYBSAFE_HOME, SITE_MATCHES, portalDashboardUrl } from '@/utils/hosts';

export type CollectSite = 'learnupon' | 'cybsafe';

/** Opening a tab and letting the portal sign in (SSO redirects) can take a while. */
const READY_WAIT_MS = 30_000;

function siteUrls(site: CollectSite, profile: Profile): { pattern: string; start: string } {
  return site === 'learnupon'
    ? { pattern: `https://${profile.portalHost}/*`, start: portalDashboardUrl(profile.portalHost) }
    : { pattern: SITE_MATCHES.cybsafe[0], start: CYBSAFE_HOME };
}

export async function collectFromSite(site: CollectSite, profile: Profile, options: { history: boolean }): Promise<CollectResult> {
  const { pattern, start } = siteUrls(site, profile);
  const tabs = await browser.tabs.query({ url: pattern });
  // The dashboard lists every course; prefer it to a course page.
  const tab = tabs.find((t) => /\/dashboard|app\.cybsafe\.com\/(home)?$/.test(t.url ?? '')) ?? (await browser.tabs.create({ url: start, active: false }));
  if (tab.id === undefined) throw new Error('Chrome did not open the page.');
  if (!/\/dashboard|app\.cybsafe\.com\/(home)?(\?|$)/.test(tab.url ?? tab.pendingUrl ?? '')) await browser.tabs.update(tab.id, { url: start });
  const command: CollectCommand = { type: 'collect-evidence', history: options.history };
  const deadline = Date.now() + READY_WAIT_MS;
  for (;;) {
    try {
      const answer = await sendToTab(tab.id, command);
      if (answer !== undefined) return answer;
    } catch (error) {
      // "Receiving end does not exist" while the page is still loading: wait and ask again.
      if (error instanceof UnexpectedAnswer) throw error;
    }
    if (Date.now() > deadline) {
      throw new Error(`${site === 'learnupon' ? 'LearnUpon' : 'CybSafe'} did not open in time. Check you are signed in there (the tab is open), then try again.`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
