// The page's side of the side panel's "What I read on this page" (issue 12): what the reader read here,
// outlines on the page, and a copy of the page's HTML for the report (anonymised in the panel, never here).
// Nothing runs until the panel asks: at page load this only adds two listeners. Only our own extension
// pages are answered, in the shapes of utils/data/messages.ts (checked by hand: no schema library here).
import { browser, type Browser } from 'wxt/browser';
import type { PageReadAnswer, ReadEntryAnswer, RequestOf } from '@/utils/data/messages';
import { LIMITS, PAGE_READING_PORT } from '@/utils/data/keys';
import { createCourseMatcher, createTitlePieceTest } from '@/utils/catalogue/match';
import { isOtherOrganisationsPortal } from '@/utils/hosts';
import { explainReading } from '@/utils/platforms/explain';
import type { CourseReader, PageCourse } from '@/utils/platforms/types';
import { isOwnOrInvisible } from '@/utils/dom/text';
import { createOutlines, type Outlines } from './outline';
import { fetchProfile } from './state';

export interface PageReadingOptions {
  site: PageReadAnswer['site'];
  read: CourseReader;
}

type PanelRequest = RequestOf<'read-page'> | RequestOf<'show-on-page'> | RequestOf<'copy-page'>;

/** A request from the panel, exactly in shape, else null. */
export function panelRequestOf(raw: unknown): PanelRequest | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { type, show } = raw as { type?: unknown; show?: unknown };
  if (type === 'read-page' || type === 'copy-page') return { type };
  return type === 'show-on-page' && typeof show === 'boolean' ? { type, show } : null;
}

/** Quiet time after the page's last change before the panel is told (a list drawn in pieces is told once). */
const SETTLE_MS = 400;

const clip = (text: string, max: number = LIMITS.title) => text.slice(0, max);

function answerOf(entry: ReturnType<typeof explainReading>['counted'][number], read: PageCourse): ReadEntryAnswer {
  return {
    ...entry,
    titleShown: clip(entry.titleShown),
    course: entry.course && clip(entry.course),
    statusShown: entry.statusShown && clip(entry.statusShown),
    dates: entry.dates.slice(0, 50).map((d) => ({ ...d, text: clip(d.text), label: clip(d.label) })),
    enrollmentId: entry.enrollmentId && clip(entry.enrollmentId, LIMITS.enrollmentId),
    used: { completedOn: read.completedOn, dueOn: read.dueOn, certExpiresOn: read.certExpiresOn },
  };
}

export function listenForPageReading(signal: AbortSignal, options: PageReadingOptions): void {
  const ownPages = browser.runtime.getURL('/');
  const fromOwnPage = (sender: { id?: string; url?: string }) => sender.id === browser.runtime.id && Boolean(sender.url?.startsWith(ownPages));
  const ports = new Set<Browser.runtime.Port>();
  let outlines: Outlines | null = null;
  /** "Show on page" is on: a draw finishing after it was turned off (or the panel went) draws nothing. */
  let showing = false;
  let watcher: MutationObserver | null = null;
  let settle = 0;

  const read = async () => {
    const profile = await fetchProfile();
    const match = createCourseMatcher(profile.courses);
    const courseOf = (title: string) => match(title)?.name ?? null;
    const entries = options.read(document, profile.dateOrder, { courseKey: courseOf, titlePiece: createTitlePieceTest(profile.courses) }).slice(0, LIMITS.readingsPerPage);
    const otherPortal = options.site === 'learnupon' && isOtherOrganisationsPortal(location.hostname, profile);
    return { entries, otherPortal, ...explainReading(entries, { courseOf, otherPortal }) };
  };

  const draw = async (): Promise<number> => {
    const { entries, counted } = await read();
    if (!showing) return 0;
    const counts = new Set(counted.map((e) => e.index));
    (outlines ??= createOutlines()).draw(entries.map((e, index) => ({ target: e.anchor, index, counted: counts.has(index) })));
    return entries.length;
  };

  const hide = () => {
    showing = false;
    outlines?.remove();
    outlines = null;
  };
  /** No panel to tell any more: stop watching the page, and take the outlines away. */
  const quiet = () => {
    watcher?.disconnect();
    watcher = null;
    clearTimeout(settle);
    hide();
  };

  const answer = async (request: PanelRequest): Promise<unknown> => {
    if (request.type === 'copy-page') return { pageUrl: clip(location.href, LIMITS.url), html: document.documentElement.outerHTML };
    if (request.type === 'show-on-page') {
      // Outlines live only while a panel is open to take them away again.
      if (!request.show || !ports.size) return hide(), { shown: 0 };
      showing = true;
      return { shown: await draw() };
    }
    const { entries, otherPortal, counted, notCounted } = await read();
    const out = (e: (typeof counted)[number]) => answerOf(e, entries[e.index]!);
    return { site: options.site, pageUrl: clip(location.href, LIMITS.url), otherPortal, counted: counted.map(out), notCounted: notCounted.map(out) } satisfies PageReadAnswer;
  };

  const onMessage = (raw: unknown, sender: { id?: string; url?: string }) => {
    if (!fromOwnPage(sender)) return undefined;
    const request = panelRequestOf(raw);
    return request ? answer(request) : undefined;
  };

  const ours = (n: Node) => n.nodeType === 1 && isOwnOrInvisible(n as Element);
  const changed = () => {
    settle = 0;
    for (const port of ports) port.postMessage({ type: 'page-changed' });
    if (showing) void draw().catch(() => undefined);
  };
  const watch = (mutations: MutationRecord[]) => {
    // Our own badges coming and going are not the page changing.
    if (mutations.every((m) => m.type === 'childList' && [...m.addedNodes, ...m.removedNodes].every(ours))) return;
    clearTimeout(settle);
    settle = window.setTimeout(changed, SETTLE_MS);
  };

  const onConnect = (port: Browser.runtime.Port) => {
    if (port.name !== PAGE_READING_PORT || !port.sender || !fromOwnPage(port.sender)) return;
    ports.add(port);
    if (!watcher) {
      watcher = new MutationObserver(watch);
      watcher.observe(document.body, { childList: true, subtree: true, characterData: true });
    }
    port.onDisconnect.addListener(() => {
      ports.delete(port);
      if (ports.size) return;
      // The panel closed (or moved to another tab).
      quiet();
    });
  };

  browser.runtime.onMessage.addListener(onMessage);
  browser.runtime.onConnect.addListener(onConnect);
  signal.addEventListener('abort', () => {
    // Navigated (or the extension went away): nothing of ours stays, and the panel is told by the port closing.
    browser.runtime.onMessage.removeListener(onMessage);
    browser.runtime.onConnect.removeListener(onConnect);
    quiet();
    for (const port of ports) port.disconnect();
    ports.clear();
  });
}
