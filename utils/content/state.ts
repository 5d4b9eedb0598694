// A content script's one way to the background, typed from the message table (utils/data/messages.ts) by
// `import type` only: content scripts carry no schema library. The background checks every message against
// its schema and its sender; what it answers comes from its own checked store.
//
// The state a page needs (profile, today, the records behind the badges) is read from the view the
// background keeps in storage.session (utils/data/session.ts) without waking the service worker; when there
// is none, or none this script can use, it asks the background (`get-state`). The view is a hint: a page can
// only change what its own badges say with it, and everything a page sends is checked by the background.
import { browser } from 'wxt/browser';
import { londonDate } from '@/utils/dates/calendar';
import type { ContentMessage, ContentMessageType, ContentState, RequestOf, ResponseOf } from '@/utils/data/messages';
import type { EffectiveProfile } from '@/utils/data/profile';
import { CONTENT_VIEW_VERSION, SESSION_KEYS, accountKey, heldKey, isHeld, timedKey, type ContentView } from '@/utils/data/session';
import { isOtherOrganisationsPortal, siteOfHost } from '@/utils/hosts';
import type { CompletionRecord, PageReading } from '@/utils/records';

export type { ContentState };

/** What a page is told, and whether the background already holds a page's record as it reads now. */
export interface PageState extends ContentState {
  holds(record: CompletionRecord): boolean;
  /** Whether the background already holds this signed-in account (so a page need not send it). */
  holdsAccount(name: string | null, email: string | null): boolean;
}

/** Asks the background; resolves with its answer (the type the table declares for this message). */
export function send<M extends ContentMessage>(message: M): Promise<ResponseOf<M['type'] & ContentMessageType>> {
  return browser.runtime.sendMessage(message) as Promise<ResponseOf<M['type'] & ContentMessageType>>;
}

/**
 * The reading started as the scripts are injected, kept on the global object of the extension's isolated
 * world: a page's content scripts (the badges' and the doctor's) share that world, each bundle with its
 * own copy of this module, so they share one reading rather than each reading the same view. The page's
 * own scripts cannot see this world's globals.
 */
const EARLY = 'mtcEarlyState';
const world = globalThis as typeof globalThis & { [EARLY]?: { reading: Promise<PageState>; at: number } };
/**
 * How long after it started the early reading is still the page's: the features of the scripts injected
 * with the page start by then (after `load`, at most a second later: features.ts). A script put in later,
 * when the user asks (utils/data/on-request.ts), reads afresh.
 */
const EARLY_FOR_MS = 5_000;
/** Whether this script has had its one use of the early reading (later features read afresh). */
let tookEarly = false;
let asking: Promise<PageState> | null = null;

/** Starts reading the state as the script is injected, so it is at hand when the features start after `load`. */
export function prefetchState(): void {
  if (!tookEarly) world[EARLY] ??= { reading: readState(), at: performance.now() };
}

/**
 * The profile, today's date, and (on pages that show badges) the records. Features starting together
 * on a page (badges, the doctor) share one reading (the one started by `prefetchState`, if any, in this
 * script or another of the page's).
 */
export function fetchState(): Promise<PageState> {
  if (!asking) {
    const early = tookEarly ? undefined : world[EARLY];
    const reading = early && performance.now() - early.at < EARLY_FOR_MS ? early.reading : readState();
    tookEarly = true;
    asking = reading.finally(() => (asking = null));
  }
  return asking;
}

export async function fetchProfile(): Promise<EffectiveProfile> {
  return (await fetchState()).profile;
}

async function readState(): Promise<PageState> {
  const view = await readView().catch(() => null);
  if (view) return fromView(view);
  const state = await send({ type: 'get-state' });
  const held = new Set(state.records?.map(heldKey));
  const timed = new Set(state.records?.filter((r) => r.minutes).map(timedKey));
  return { ...state, holds: (r) => isHeld(r, held, timed), holdsAccount: () => false };
}

async function readView(): Promise<ContentView | null> {
  const stored = await browser.storage.session.get(SESSION_KEYS.contentView);
  const view: unknown = stored[SESSION_KEYS.contentView];
  return isUsableView(view) ? view : null;
}

function fromView(view: ContentView): PageState {
  // Records only where the background would send them (utils/background/state.ts `contentState`): the
  // organisation's own LearnUpon portals and CybSafe.
  const site = siteOfHost(location.hostname);
  const showsBadges = site === 'cybsafe' || (site === 'learnupon' && !isOtherOrganisationsPortal(location.hostname, view.profile));
  const held = new Set(showsBadges ? view.held : []);
  const timed = new Set(showsBadges ? (view.timed ?? []) : []);
  const accounts = new Set(view.accounts ?? []);
  return {
    profile: view.profile,
    today: Date.now() < view.todayUntil ? view.today : londonDate(),
    records: showsBadges ? view.records : null,
    holds: (r) => isHeld(r, held, timed),
    holdsAccount: (name, email) => accounts.has(accountKey(name, email)),
  };
}

// ---------------------------------------------------------------- the view's shape, checked by hand

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isDate = (v: unknown) => isString(v) && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isDateOrNull = (v: unknown) => v === null || isDate(v);

function isCourse(c: unknown): boolean {
  return isObject(c) && isString(c.name) && isStrings(c.aliases) && (c.cadenceMonths === null || typeof c.cadenceMonths === 'number');
}

function isRecord(r: unknown): boolean {
  return (
    isObject(r) &&
    isString(r.id) &&
    isString(r.course) &&
    isString(r.status) &&
    isString(r.source) &&
    isString(r.seenAt) &&
    typeof r.countsForCompliance === 'boolean' &&
    isDateOrNull(r.completedOn) &&
    isDateOrNull(r.dueOn) &&
    isDateOrNull(r.certExpiresOn)
  );
}

function isProfile(p: unknown): boolean {
  return (
    isObject(p) &&
    isString(p.organisation) &&
    isString(p.portalHost) &&
    isString(p.emailDomain) &&
    isString(p.mailbox) &&
    (p.morePortalHosts === undefined || isStrings(p.morePortalHosts)) &&
    (p.dateOrder === 'day-first' || p.dateOrder === 'month-first') &&
    typeof p.dueSoonDays === 'number' &&
    Array.isArray(p.courses) &&
    p.courses.every(isCourse) &&
    // What the organisation's policy adds (utils/data/profile.ts `EffectiveProfile`): the doctor reads the outside sources.
    (p.features === undefined || isObject(p.features)) &&
    (p.countingOutsideSources === undefined || (Array.isArray(p.countingOutsideSources) && p.countingOutsideSources.every(isOutsideSource)))
  );
}

function isOutsideSource(s: unknown): boolean {
  return isObject(s) && isString(s.source) && isStrings(s.courses);
}

/** A view of this version, in the shape the background writes (utils/background/content-view.ts). */
export function isUsableView(v: unknown): v is ContentView {
  return (
    isObject(v) &&
    v.version === CONTENT_VIEW_VERSION &&
    isDate(v.today) &&
    typeof v.todayUntil === 'number' &&
    isProfile(v.profile) &&
    Array.isArray(v.records) &&
    v.records.every(isRecord) &&
    isStrings(v.held) &&
    (v.timed === undefined || isStrings(v.timed)) &&
    (v.accounts === undefined || isStrings(v.accounts))
  );
}

/** The page's course entries, as read: the background makes them records of this page's site. */
export function saveReadings(readings: PageReading[], found: number): Promise<unknown> {
  return send({ type: 'save-page-records', found, readings });
}

/**
 * The collect command from one of our extension pages, checked by hand (no schema library here): exactly
 * `{ type: 'collect-evidence', history: boolean, certificates?: boolean }`, else null.
 */
export function collectCommandOf(raw: unknown): RequestOf<'collect-evidence'> | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { type, history, certificates } = raw as { type?: unknown; history?: unknown; certificates?: unknown };
  if (type !== 'collect-evidence' || typeof history !== 'boolean') return null;
  if (certificates === undefined) return { type, history };
  return typeof certificates === 'boolean' ? { type, history, certificates } : null;
}
