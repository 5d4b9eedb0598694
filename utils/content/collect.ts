// Collects evidence from the page the user is signed in to, when an extension page asks (after the
// user's click there): the training history through the page's own button, and certificate files.
// Fetches run in the page's origin, so they carry the user's session: they go only to `https:` addresses
// on this page's own site, the organisation's portals or CybSafe, never follow a redirect that leaves
// them, and stop reading at a size cap. Each problem stays with its own item, in words; nothing here
// throws past the answer. Nothing is downloaded to disk.
import { browser } from 'wxt/browser';
import type { DateOrder } from '@/utils/dates/parse';
import type { PageAccount, PageCourse } from '@/utils/platforms/types';
import type { CollectResult } from '@/utils/data/messages';
import type { Profile } from '@/utils/data/profile';
import { LIMITS } from '@/utils/data/keys';
import { sniffKind, toBase64 } from '@/utils/bytes';
import { CYBSAFE_HOST, isOtherOrganisationsPortal, organisationPortals } from '@/utils/hosts';
import { collectCommandOf, fetchProfile, fetchState, send } from './state';
import { createCourseMatcher } from '@/utils/catalogue/match';
import { errorText } from '@/utils/errors';

export interface CollectorOptions {
  readCourses: (root: ParentNode, order: DateOrder) => PageCourse[];
  readAccount: (root: ParentNode) => PageAccount;
  history?: {
    findButton: (root: ParentNode) => HTMLElement | null;
    findLink: (root: ParentNode) => HTMLAnchorElement | null;
  };
}

/** The real portal prepares the file on its server; give it time. */
const HISTORY_WAIT_MS = 30_000;
/** Issue 14: a certificate is a few hundred KB, a history file a few hundred; far above both, and still safe to hold. */
export const CERTIFICATE_MAX_BYTES = 20 * 1024 * 1024;
export const HISTORY_MAX_BYTES = 50 * 1024 * 1024;

export function listenForCollect(signal: AbortSignal, options: CollectorOptions): void {
  // `chrome-extension://<id>/`, compared as text (URL.origin of that scheme is "null" outside Chrome).
  const ownPages = browser.runtime.getURL('/');
  const listener = (raw: unknown, sender: { id?: string; url?: string }) => {
    // Only our own extension pages may ask, and only in the shape we expect.
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(ownPages)) return undefined;
    const command = collectCommandOf(raw);
    if (!command) return undefined;
    return collect(options, command.history, command.certificates !== false);
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}

/**
 * Tells the background who the page shows signed in, once per page: it prefills the evidence email's
 * sender (the user sees it and can change it), and open extension pages update at once.
 */
export async function shareSignedInAccount(signal: AbortSignal, readAccount: (root: ParentNode) => PageAccount): Promise<void> {
  // Another organisation's portal (an NHS trust's) shows another account: not the sender of UCL evidence.
  const state = await fetchState();
  if (isOtherOrganisationsPortal(location.hostname, state.profile) || signal.aborted) return;
  const { name, email } = readAccount(document);
  // Nothing new: the account held already (the worker is not woken for it).
  if ((!name && !email) || state.holdsAccount(name?.slice(0, 300) ?? null, email?.slice(0, 300) ?? null)) return;
  await send({ type: 'save-account', name: name?.slice(0, 300) ?? null, email: email?.slice(0, 300) ?? null }).catch(() => undefined);
}

async function collect(options: CollectorOptions, wantHistory: boolean, wantCertificates: boolean): Promise<CollectResult> {
  const pageUrl = location.href.slice(0, LIMITS.url);
  try {
    const profile = await fetchProfile();
    const match = createCourseMatcher(profile.courses);
    const account = options.readAccount(document);
    const courses = options.readCourses(document, profile.dateOrder);
    const page = new URL(location.href);
    const history = wantHistory && options.history ? await fetchHistory(options.history, page, profile) : null;
    const seen = new Set<string>();
    const certificates: CollectResult['certificates'] = [];
    for (const course of wantCertificates ? courses : []) {
      if (!course.certificateUrl || seen.has(course.certificateUrl) || !match(course.title)) continue;
      seen.add(course.certificateUrl);
      const item = { title: course.title.slice(0, LIMITS.title), completedOn: course.completedOn };
      const target = downloadTarget(course.certificateUrl, page, profile);
      if ('refused' in target) {
        certificates.push({ ...item, url: shortUrl(course.certificateUrl), file: null, error: target.refused });
        continue;
      }
      const result = await fetchFile(target, 'certificate.pdf', CERTIFICATE_MAX_BYTES, 'certificate', (bytes) => {
        const kind = sniffKind(bytes);
        return kind === 'pdf' ? null : kind === 'html' ? 'the site sent a web page (perhaps a sign-in page), not a certificate' : 'the site sent something that is not a PDF';
      });
      certificates.push({ ...item, url: target.url.href, ...('error' in result ? { file: null, error: result.error } : { file: result, error: null }) });
    }
    return { pageUrl, signedIn: Boolean(account.email || account.name || courses.length), account: clipAccount(account), history, certificates };
  } catch (error) {
    // A page we could not read is said as such; the extension page never waits on a rejected answer.
    return {
      pageUrl,
      signedIn: false,
      account: { name: null, email: null },
      history: wantHistory ? { error: `the page could not be read (${errorText(error).slice(0, 200)})` } : null,
      certificates: [],
    };
  }
}

const clipAccount = (a: PageAccount) => ({ name: a.name?.slice(0, 300) ?? null, email: a.email?.slice(0, 300) ?? null });

/** A link kept for the record: never longer than the message allows (a long link is refused, not cut and followed). */
function shortUrl(raw: string): string {
  return raw.length <= LIMITS.url ? raw : `${raw.slice(0, LIMITS.url - 1)}…`;
}

export interface Target {
  url: URL;
  /** On the page's own origin: fetched in same-origin mode, so a redirect elsewhere fails before it is followed. */
  sameOrigin: boolean;
}

/**
 * Where a download may go: an `https:` address, no longer than a message may carry, on this page's own
 * host, one of the organisation's LearnUpon portals, or CybSafe. Anything else is refused, in words.
 */
export function downloadTarget(raw: string, page: URL, profile: Pick<Profile, 'portalHost' | 'morePortalHosts'>): Target | { refused: string } {
  if (raw.length > LIMITS.url) return { refused: `the link is longer than ${LIMITS.url.toLocaleString('en-GB')} characters, so it was not followed` };
  let url: URL;
  try {
    url = new URL(raw, page.href);
  } catch {
    return { refused: 'the link is not a web address, so it was not followed' };
  }
  if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'javascript:') {
    return { refused: 'the page gave the file inside the link itself rather than from the site, so it was not kept' };
  }
  if (url.protocol !== 'https:') return { refused: `the link is not a secure (https) address, so it was not followed` };
  if (url.username || url.password) return { refused: 'the link carries a user name or password, so it was not followed' };
  if (url.href.length > LIMITS.url) return { refused: `the link is longer than ${LIMITS.url.toLocaleString('en-GB')} characters, so it was not followed` };
  const host = url.hostname.toLowerCase();
  const allowed = host === page.hostname.toLowerCase() || organisationPortals(profile).includes(host) || host === CYBSAFE_HOST;
  if (!allowed) return { refused: `the link goes to ${host.slice(0, 100)}, outside your organisation’s LearnUpon and CybSafe, so it was not followed` };
  return { url, sameOrigin: url.origin === page.origin };
}

async function fetchHistory(history: NonNullable<CollectorOptions['history']>, page: URL, profile: Profile): Promise<CollectResult['history']> {
  let link = history.findLink(document);
  if (!link) {
    const button = history.findButton(document);
    if (!button) return { error: 'The “Download training history” button is not on this page. Open your LearnUpon dashboard and try again.' };
    button.click();
    const started = Date.now();
    while (!(link = history.findLink(document)) && Date.now() - started < HISTORY_WAIT_MS) {
      await new Promise((r) => setTimeout(r, 250));
    }
    if (!link) return { error: 'LearnUpon did not offer the training history file within 30 seconds. Try again in a minute.' };
  }
  const target = downloadTarget(link.getAttribute('href') ?? '', page, profile);
  if ('refused' in target) return { error: target.refused };
  const name = lastSegment(target.url) || 'training-history.xlsx';
  const result = await fetchFile(target, name, HISTORY_MAX_BYTES, 'training history file', (bytes) => {
    const kind = sniffKind(bytes);
    return kind === 'html' ? 'the site sent a web page (perhaps a sign-in page), not the spreadsheet' : kind === 'xlsx' || kind === 'xls' || kind === 'other' ? null : 'the site sent something that is not a spreadsheet';
  });
  return 'error' in result ? { error: result.error } : result;
}

/** Percent-decoded where it can be; a `%` that is not an escape stays as it is. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function lastSegment(url: URL): string {
  return safeDecode(url.pathname.split('/').pop() ?? '').slice(0, 300);
}

type Fetched = { url: string; fileName: string; base64: string } | { error: string };

const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Fetches with the user's session. On the page's own origin in same-origin mode: a redirect within the
 * site is followed, one that leaves it fails before anything is asked of the other site. Elsewhere (the
 * organisation's other portal, CybSafe) no redirect is followed at all.
 */
export async function fetchFile(target: Target, fallbackName: string, max: number, what: string, check: (bytes: Uint8Array) => string | null): Promise<Fetched> {
  let response: Response;
  try {
    response = await fetch(target.url.href, { credentials: 'include', mode: target.sameOrigin ? 'same-origin' : 'cors', redirect: target.sameOrigin ? 'follow' : 'error' });
  } catch (error) {
    return {
      error: target.sameOrigin
        ? `it could not be downloaded (${errorText(error)}); if the site sends it on to another site, the extension does not follow`
        : `it could not be downloaded (${errorText(error)}); the extension does not follow a link that sends it on elsewhere`,
    };
  }
  if (!response.ok) return { error: `the site answered ${response.status} ${response.statusText}`.trim() };
  const read = await readCapped(response, max);
  if (read === 'too-big') return { error: `the ${what} is larger than ${MB(max)}, so it was not kept` };
  if (read.length === 0) return { error: 'the file was empty' };
  const problem = check(read);
  if (problem) return { error: problem };
  return { url: target.url.href, fileName: fileNameOf(response, fallbackName), base64: toBase64(read) };
}

/** The body, read as a stream and stopped as soon as it passes `max` bytes (a stated length over it is refused unread). */
export async function readCapped(response: Response, max: number): Promise<Uint8Array | 'too-big'> {
  const stated = Number(response.headers.get('content-length') ?? NaN);
  if (stated > max) {
    await response.body?.cancel().catch(() => undefined);
    return 'too-big';
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      return 'too-big';
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

export function fileNameOf(response: Pick<Response, 'headers'>, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return (m ? safeDecode(m[1]!) : fallback).slice(0, 300);
}
