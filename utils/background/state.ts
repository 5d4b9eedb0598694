// What the background knows and does with it: records in, statuses out (toolbar badge, reminders), and
// each content script's view of the state, cut to what its page needs.
import { browser } from 'wxt/browser';
import { londonDate } from '@/utils/dates/calendar';
import { EMPTY_PAGE_KEYS } from '@/utils/data/keys';
import type { ContentState } from '@/utils/data/messages';
import type { PageReading } from '@/utils/records';
import { summariseCourses, worstStatus, type CourseSummary } from '@/utils/renewal/summary';
import { listRecords, replaceRecords, upsertRecords } from '@/utils/store/records';
import { NewerDataError } from '@/utils/store/db';
import { loadProfile } from '@/utils/store/profile';
import { refreshPolicyCopy } from '@/utils/store/policy';
import { writeMeta } from '@/utils/store/meta';
import { broadcast } from '@/utils/data/send';
import { pageOrigin, reclassifiedRecords, recordsFromReadings } from './page-records';
import type { ContentSender } from './router';

export async function currentSummaries(): Promise<CourseSummary[]> {
  const [profile, records] = await Promise.all([loadProfile(), listRecords()]);
  return summariseCourses(records, profile, londonDate());
}

const BADGE_COLOURS = { overdue: '#b3261e', 'due-soon': '#8a5300' } as const;

/** The toolbar icons (drawn by scripts/make-icons.ts): the usual one, and the one that says something needs renewing. */
export const TOOLBAR_ICONS = {
  normal: { 16: '/icon/16.png', 32: '/icon/32.png' },
  attention: { 16: '/icon/attention/16.png', 32: '/icon/attention/32.png' },
} as const;

/**
 * Toolbar badge: how many courses are overdue or due soon, coloured by the worst, and the attention icon
 * while there are any (the usual icon otherwise).
 */
export async function refreshBadge(): Promise<void> {
  let summaries: CourseSummary[];
  try {
    summaries = await currentSummaries();
  } catch (error) {
    if (!(error instanceof NewerDataError)) throw error;
    // Data from a newer version: nothing can be counted, and the toolbar says why (the pages say more).
    await browser.action.setBadgeText({ text: '!' });
    await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOURS.overdue });
    await browser.action.setIcon({ path: TOOLBAR_ICONS.attention });
    await browser.action.setTitle({ title: 'Mandatory Training Companion: update the extension to see your training records (they were saved by a newer version)' });
    return;
  }
  const urgent = summaries.filter((s) => s.status === 'overdue' || s.status === 'due-soon');
  const worst = worstStatus(urgent.map((s) => s.status));
  await browser.action.setBadgeText({ text: urgent.length ? String(urgent.length) : '' });
  if (worst === 'overdue' || worst === 'due-soon') {
    await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOURS[worst] });
  }
  await browser.action.setIcon({ path: urgent.length ? TOOLBAR_ICONS.attention : TOOLBAR_ICONS.normal });
  await browser.action.setTitle({
    title: urgent.length
      ? `Mandatory Training Companion: ${urgent.length} course${urgent.length > 1 ? 's' : ''} to renew`
      : 'Mandatory Training Companion',
  });
}

/**
 * What a content script is told. Records go only to pages that show renewal badges: the organisation's
 * own LearnUpon portals and CybSafe. Microsoft's sign-in pages and other organisations' portals get none.
 */
export async function contentState(from: ContentSender): Promise<ContentState> {
  const profile = await loadProfile();
  const origin = pageOrigin(from.site, from.url, profile);
  const showsBadges = origin !== null && origin.otherPortal === null;
  return { profile, today: londonDate(), records: showsBadges ? await listRecords() : null };
}

/**
 * Keeps what a page showed, as records the background makes (utils/background/page-records.ts): a page
 * may only speak for its own site. Also notes when a page of the organisation that should list courses
 * listed none (the site may have changed its pages). Returns how many records were saved.
 */
export async function savePageRecords(from: ContentSender, readings: readonly PageReading[], found: number, now = new Date()): Promise<number> {
  const profile = await loadProfile();
  const records = recordsFromReadings(readings, from.site, from.url, profile, now);
  if (records.length) await upsertRecords(records);
  const origin = pageOrigin(from.site, from.url, profile);
  if (origin && origin.otherPortal === null) {
    await writeMeta(EMPTY_PAGE_KEYS[origin.source], found === 0 ? { url: from.url.href.slice(0, 2000), at: now.toISOString() } : null);
  }
  return records.length;
}

/**
 * Brings LearnUpon records in line with the profile's portals (utils/background/page-records.ts
 * `reclassifiedRecords`): those kept by an older version from another organisation's portal stop
 * counting; those from a portal the profile now names start. Run at start and when the profile changes.
 * Returns how many records changed.
 */
export async function reclassifyPortalRecords(): Promise<number> {
  const [profile, records] = await Promise.all([loadProfile(), listRecords()]);
  const changes = reclassifiedRecords(records, profile);
  await replaceRecords(changes);
  return changes.length;
}

/**
 * At start and whenever Chrome says the organisation's policy changed (utils/store/policy.ts): once
 * Chrome can answer, its policy is kept as the copy readers use, and if it differs from what they used,
 * records are classed again under it (an outside source may count now, or no longer), open pages read
 * the settings and records again, and the toolbar is redrawn. Returns whether it had changed.
 */
export async function checkPolicy(): Promise<boolean> {
  if (!(await refreshPolicyCopy())) return false;
  if (await reclassifyPortalRecords()) broadcast('records-changed');
  broadcast('profile-changed');
  await refreshBadge();
  return true;
}
