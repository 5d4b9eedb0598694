// Every key of storage.session, the one area content scripts may read (the background opens it to them
// with `setAccessLevel('TRUSTED_AND_UNTRUSTED_CONTEXTS')`; storage.local stays closed, ./local.ts). What is
// kept here is a hint for content scripts, written only by the background (utils/background/content-view.ts)
// and never read back by it: a content script that writes here can mislead only its own badges, and what
// any content script sends the background is checked there as before. Holds nothing a page of a covered
// site must not see. No schema library: content scripts import it.
import type { EffectiveProfile } from './profile';
import type { CompletionRecord } from './record';
import { SESSION_KEYS } from './keys';

export { SESSION_KEYS };

/** Raise when the view's shape changes (a content script ignores a view of another version). */
export const CONTENT_VIEW_VERSION = 1;

/**
 * `content-view`: what a content script needs to draw renewal badges and run the doctor, so that a page's
 * script need not wake the service worker (a stopped one takes ~90 ms to answer). Rewritten by the
 * background whenever records or the profile change, and at every start of the worker. Lost when the
 * browser closes; a content script that finds none (or one it cannot use) asks the background instead.
 */
export interface ContentView {
  version: typeof CONTENT_VIEW_VERSION;
  /**
   * The profile in force (utils/store/profile.ts `loadProfile`): the person's settings and catalogue with
   * the organisation's policy on top, the same profile `get-state` tells every content script.
   */
  profile: EffectiveProfile;
  /** The Europe/London date when written, and the instant (epoch ms) it stops being today. */
  today: string;
  todayUntil: number;
  /**
   * What the badges need to give the lines every record would (utils/background/content-view.ts
   * `recordsForBadges`), cut to what the renewal rules read: ids (site, enrollment number, date), courses,
   * statuses, dates and sources; no titles, addresses, certificate links or notes.
   */
  records: CompletionRecord[];
  /** `heldKey` of every record read on a page of a site (LearnUpon, CybSafe): what a page need not send again. */
  held: string[];
  /** `timedKey` of every such record that carries a course time. */
  timed?: string[];
  /** `accountKey` of the account held (name and email, and each alone): what a page need not send again. */
  accounts?: string[];
}

/** What a page's reading of a record would change if sent: a record held with the same is not sent again. */
function fingerprint(r: Pick<CompletionRecord, 'id' | 'status' | 'completedOn' | 'dueOn' | 'certExpiresOn' | 'certificateUrl'>): string {
  return [r.id, r.status, r.completedOn, r.dueOn, r.certExpiresOn, r.certificateUrl].join('|');
}

/**
 * A record's id and readings as one short opaque key (53-bit cyrb53 hash, base 36): the view says which
 * readings are held without carrying their ids or links.
 */
export function heldKey(r: Parameters<typeof fingerprint>[0]): string {
  return opaqueKey(fingerprint(r));
}

/**
 * A held record's key with the course time it carries. Apart from `heldKey`: a page that shows no time (the
 * dashboard) has nothing new to say about a record another page gave a time (the details page), and a page
 * that shows a time is new only when the time is.
 */
export function timedKey(r: Parameters<typeof fingerprint>[0] & Pick<CompletionRecord, 'minutes'>): string {
  return opaqueKey(`${fingerprint(r)}|${r.minutes ?? ''}`);
}

/** Whether a page's record says nothing the held keys do not (`held`: heldKey of each; `timed`: timedKey of each with a time). */
export function isHeld(r: CompletionRecord, held: ReadonlySet<string>, timed: ReadonlySet<string>): boolean {
  return held.has(heldKey(r)) && (!r.minutes || timed.has(timedKey(r)));
}

/**
 * The signed-in account a page shows, as the same kind of opaque key: a page showing the account the
 * extension already holds need not say it again (utils/content/collect.ts `shareSignedInAccount`).
 */
export function accountKey(name: string | null, email: string | null): string {
  return opaqueKey(`account|${name ?? ''}|${email ?? ''}`);
}

function opaqueKey(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
