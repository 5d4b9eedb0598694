// What the background knows and does with it: records in, statuses out (toolbar badge, reminders), and
// each content script's view of the state, cut to what its page needs.
import { browser } from 'wxt/browser';
import { londonDate } from '@/utils/dates/calendar';
import { EMPTY_PAGE_KEYS } from '@/utils/data/keys';
import type { ContentState } from '@/utils/data/messages';
import type { PageReading } from '@/utils/records';
import { summariseCourses, worstStatus, type CourseSummary } from '@/utils/renewal/summary';
import { listRecords, replaceRecords, upsertRecords } from '@/utils/store/records';
import { loadProfile } from '@/utils/store/profile';
import { writeMeta } from '@/utils/store/meta';
import { pageOrigin, reclassifiedRecords, recordsFromReadings } from './page-records';
import type { ContentSender } from './router';
import { refreshContentView } from './content-view';

export async function currentSummaries(): Promise<CourseSummary[]> {
  const [profile, records] = await Promise.all([loadProfile(), listRecords()]);
  return summariseCourses(records, profile, londonDate());
}

const BADGE_COLOURS = { overdue: '#b3261e', 'due-soon': '#8a5300' } as const;

/** Toolbar badge: how many courses are overdue or due soon, coloured by the worst. */
export async function refreshBadge(): Promise<void> {
  await refreshContentView().catch(() => undefined); // content scripts read it instead of asking (utils/data/session.ts)
  const summaries = await currentSummaries();
  const urgent = summaries.filter((s) => s.status === 'overdue' || s.status === 'due-soon');
  const worst = worstStatus(urgent.map((s) => s.status));
  await browser.action.setBadgeText({ text: urgent.length ? String(urgent.length) : '' });
  if (worst === 'overdue' || worst === 'due-soon') {
    await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOURS[worst] });
  }
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
