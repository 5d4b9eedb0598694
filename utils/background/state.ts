// What the background knows and does with it: records in, statuses out (toolbar badge, reminders).
import { browser } from 'wxt/browser';
import { londonDate } from '@/utils/dates/calendar';
import { recordSourceOfSite, type Site } from '@/utils/hosts';
import type { CompletionRecord } from '@/utils/records';
import { summariseCourses, worstStatus, type CourseSummary } from '@/utils/renewal/summary';
import { listRecords, upsertRecords } from '@/utils/store/records';
import { loadProfile } from '@/utils/store/profile';
import { openStore } from '@/utils/store/db';

export async function currentSummaries(): Promise<CourseSummary[]> {
  const [profile, records] = await Promise.all([loadProfile(), listRecords()]);
  return summariseCourses(records, profile, londonDate());
}

const BADGE_COLOURS = { overdue: '#b3261e', 'due-soon': '#8a5300' } as const;

/** Toolbar badge: how many courses are overdue or due soon, coloured by the worst. */
export async function refreshBadge(): Promise<void> {
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
 * Keeps what a page showed. A page may only speak for its own site: records claiming another
 * source, or another host's URL, are refused rather than stored.
 */
export async function savePageRecords(site: Site, pageUrl: URL, records: CompletionRecord[], found: number): Promise<number> {
  const source = recordSourceOfSite(site);
  const own = records.filter((r) => r.source === source && sameHost(r.sourceUrl, pageUrl));
  if (own.length) await upsertRecords(own);
  const db = await openStore();
  await db.put('meta', found === 0 ? { url: pageUrl.href, at: new Date().toISOString() } : null, `empty-page:${site}`);
  return own.length;
}

function sameHost(url: string, page: URL): boolean {
  try {
    return new URL(url).host === page.host;
  } catch {
    return false;
  }
}

const PROBLEM_LOG_LIMIT = 50;

export async function logProblem(entry: { kind: string; title: string; pageUrl: string }): Promise<void> {
  const db = await openStore();
  const tx = db.transaction('problems', 'readwrite');
  await tx.store.add({ ...entry, at: new Date().toISOString() });
  // Keep only the latest entries: this is a troubleshooting aid, not a history.
  const count = await tx.store.count();
  let cursor = count > PROBLEM_LOG_LIMIT ? await tx.store.openCursor() : null;
  for (let excess = count - PROBLEM_LOG_LIMIT; cursor && excess > 0; excess--) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
}
