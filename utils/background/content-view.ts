// Writes the content scripts' view of the state (utils/data/session.ts) to storage.session, so a page's
// script reads it there instead of waking this worker on every page (`get-state` stays for when there is
// none). Refreshed with the toolbar badge, which follows every change of records or profile and every start.
import { londonDate } from '@/utils/dates/calendar';
import { CONTENT_VIEW_VERSION, accountKey, heldKey, timedKey, type ContentView } from '@/utils/data/session';
import { META_KEYS } from '@/utils/data/keys';
import type { SavedPerson } from '@/utils/data/meta';
import { readMeta } from '@/utils/store/meta';
import type { EffectiveProfile } from '@/utils/data/profile';
import type { CompletionRecord } from '@/utils/records';
import { summaryBasis } from '@/utils/renewal/basis';
import { listRecords } from '@/utils/store/records';
import { loadProfile } from '@/utils/store/profile';
import { writeContentView } from '@/utils/store/session';

/** A record as the view carries it: only what the renewal rules read (utils/renewal/summary.ts). */
function forContentScripts(r: CompletionRecord): CompletionRecord {
  return {
    id: r.id,
    course: r.course,
    title: '',
    status: r.status,
    completedOn: r.completedOn,
    dueOn: r.dueOn,
    certExpiresOn: r.certExpiresOn,
    enrollmentId: null,
    certificateUrl: null,
    source: r.source,
    sourceUrl: '',
    seenAt: r.seenAt,
    countsForCompliance: r.countsForCompliance,
  };
}

/** The first instant after `now` whose London date is not `today` (London midnight is 00:00 or 23:00 UTC). */
export function endOfLondonDay(now: Date, today = londonDate(now)): number {
  const nextUtcMidnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  for (const t of [nextUtcMidnight - 3_600_000, nextUtcMidnight, nextUtcMidnight + 23 * 3_600_000]) {
    if (t > now.getTime() && londonDate(new Date(t)) !== today) return t;
  }
  return nextUtcMidnight; // not reached while London is within an hour of UTC; a view is only a hint
}

/** A record a page's reading can merge with: one of the organisation's own sites (records from another portal carry its host in their ids). */
function pageCanMerge(r: CompletionRecord): boolean {
  return (r.source === 'learnupon' || r.source === 'cybsafe') && r.id.startsWith(`${r.source}|`);
}

/**
 * The records the badges need to give the lines every record would, once a page's readings are merged over
 * them (utils/content/renewal-badges.ts `mergeById`): every record a page's reading can merge with (it may
 * take a date from one, or replace a completion with what the page shows now), and of the others only
 * their summary basis (utils/renewal/basis.ts), which nothing a page reads can change.
 */
export function recordsForBadges(records: readonly CompletionRecord[]): CompletionRecord[] {
  const mergeable = records.filter(pageCanMerge);
  return [...summaryBasis(records.filter((r) => !pageCanMerge(r))), ...mergeable];
}

export function contentView(profile: EffectiveProfile, records: readonly CompletionRecord[], now: Date, person: SavedPerson | null = null): ContentView {
  const today = londonDate(now);
  return {
    version: CONTENT_VIEW_VERSION,
    profile,
    today,
    todayUntil: endOfLondonDay(now, today),
    records: recordsForBadges(records).map(forContentScripts),
    held: records.filter((r) => r.source === 'learnupon' || r.source === 'cybsafe').map(heldKey),
    timed: records.filter((r) => (r.source === 'learnupon' || r.source === 'cybsafe') && r.minutes).map(timedKey),
    accounts: person ? [accountKey(person.name, person.email), accountKey(person.name, null), accountKey(null, person.email)] : [],
  };
}

let writing: Promise<void> = Promise.resolve();

/**
 * Writes the view from what is stored now. Writes run one after another, each reading when its turn
 * comes, so a slower earlier one can never put back an older view over a newer one.
 */
export function refreshContentView(now?: () => Date): Promise<void> {
  const next = writing.then(async () => {
    const [profile, records, person] = await Promise.all([loadProfile(), listRecords(), readMeta(META_KEYS.person)]);
    await writeContentView(contentView(profile, records, now?.() ?? new Date(), person ?? null));
  });
  writing = next.catch(() => undefined);
  return next;
}
