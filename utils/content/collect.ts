// Collects evidence from the page the user is signed in to, when an extension page asks (after the
// user's click there): the training history through the page's own button, and certificate PDFs.
// Fetches run in the page's origin, so they carry the user's session; nothing is downloaded to disk.
import { browser } from 'wxt/browser';
import type { DateOrder } from '@/utils/dates/parse';
import type { PageAccount, PageCourse } from '@/utils/platforms/types';
import type { CollectResult } from '@/utils/data/messages';
import { looksLikePdf, toBase64 } from '@/utils/bytes';
import { collectCommandOf, fetchProfile } from './state';
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
const MAX_FILE_BYTES = 25 * 1024 * 1024;

export function listenForCollect(signal: AbortSignal, options: CollectorOptions): void {
  // `chrome-extension://<id>/`, compared as text (URL.origin of that scheme is "null" outside Chrome).
  const ownPages = browser.runtime.getURL('/');
  const listener = (raw: unknown, sender: { id?: string; url?: string }) => {
    // Only our own extension pages may ask, and only in the shape we expect.
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(ownPages)) return undefined;
    const command = collectCommandOf(raw);
    if (!command) return undefined;
    return collect(options, command.history);
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}

async function collect(options: CollectorOptions, wantHistory: boolean): Promise<CollectResult> {
  const profile = await fetchProfile();
  const match = createCourseMatcher(profile.courses);
  const account = options.readAccount(document);
  const courses = options.readCourses(document, profile.dateOrder);
  const history = wantHistory && options.history ? await fetchHistory(options.history) : null;
  const seen = new Set<string>();
  const certificates: CollectResult['certificates'] = [];
  for (const course of courses) {
    if (!course.certificateUrl || seen.has(course.certificateUrl) || !match(course.title)) continue;
    seen.add(course.certificateUrl);
    const url = new URL(course.certificateUrl, location.href).href;
    const result = await fetchFile(url, 'certificate.pdf', (bytes) => (looksLikePdf(bytes) ? null : 'the page sent something that is not a PDF'));
    certificates.push({ title: course.title, completedOn: course.completedOn, url, ...('error' in result ? { file: null, error: result.error } : { file: result, error: null }) });
  }
  return {
    pageUrl: location.href,
    signedIn: Boolean(account.email || account.name || courses.length),
    account,
    history,
    certificates,
  };
}

async function fetchHistory(history: NonNullable<CollectorOptions['history']>): Promise<CollectResult['history']> {
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
  const url = new URL(link.href, location.href).href;
  const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'training-history.xlsx');
  const result = await fetchFile(url, name, () => null);
  return 'error' in result ? { error: result.error } : result;
}

async function fetchFile(url: string, fallbackName: string, check: (bytes: Uint8Array) => string | null): Promise<{ url: string; fileName: string; base64: string } | { error: string }> {
  try {
    const response = await fetch(url, { credentials: 'include' });
    if (!response.ok) return { error: `the site answered ${response.status} ${response.statusText}`.trim() };
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length === 0) return { error: 'the file was empty' };
    if (bytes.length > MAX_FILE_BYTES) return { error: 'the file is larger than 25 MB' };
    const problem = check(bytes);
    if (problem) return { error: problem };
    return { url, fileName: fileNameOf(response, fallbackName), base64: toBase64(bytes) };
  } catch (error) {
    return { error: `it could not be downloaded (${errorText(error)})` };
  }
}

function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return (m ? decodeURIComponent(m[1]!) : fallback).slice(0, 300);
}
