// The side panel's view of the active tab for "What I read on this page": which tab that is, what its
// content script read there, and "Show on page". Asks again when the user switches tabs, when the tab
// loads or navigates, and when the page says it changed. While the panel is open it holds a port to the
// page (PAGE_READING_PORT): when the panel closes the port closes, and the page takes its outlines away.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { PAGE_READING_PORT } from '@/utils/data/keys';
import { PageReadingNoticeSchema, type PageReadAnswer } from '@/utils/data/messages';
import { putOnRequestScript } from '@/utils/data/on-request';
import { sendToTab, UnexpectedAnswer } from '@/utils/data/send';
import { siteOfUrl } from '@/utils/hosts';
import { errorText } from '@/utils/errors';

export interface ReadTab {
  id: number;
  url: string;
  site: PageReadAnswer['site'];
}

export type PageView =
  | { kind: 'looking' }
  /** The active tab is not LearnUpon or CybSafe (`microsoft`: one of Microsoft's sign-in pages). */
  | { kind: 'not-covered'; microsoft: boolean }
  | { kind: 'reading'; tab: ReadTab }
  | { kind: 'no-answer'; tab: ReadTab }
  | { kind: 'error'; tab: ReadTab; message: string }
  | { kind: 'read'; tab: ReadTab; answer: PageReadAnswer; updating: boolean };

/** A page still loading has no content script yet: ask again every half second for this long. */
const RETRY_MS = 500;
const RETRIES = 20;

/** The tab beside the panel: the active tab of the panel's own window, or of the last browser window used. */
async function activeTab(): Promise<{ id: number; url: string } | null> {
  try {
    const own = await browser.windows.getCurrent();
    // Opened outside a browser window (a pop-up window of its own), the panel is beside the last one used.
    const windowId = own.type === 'normal' ? own.id : (await browser.windows.getLastFocused({ windowTypes: ['normal'] })).id;
    const [tab] = await browser.tabs.query({ active: true, windowId });
    return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? '' };
  } catch {
    return null;
  }
}

export interface PageReading {
  view: PageView;
  refresh(): void;
  /** Outlines are on the page now. */
  outlined: boolean;
  /** Turns "Show on page" on or off; resolves with how many entries were outlined. */
  showOnPage(on: boolean): Promise<number>;
}

export function usePageReading(): PageReading {
  const [view, setView] = useState<PageView>({ kind: 'looking' });
  const [outlined, setOutlined] = useState(false);
  const activeId = useRef<number | null>(null);
  const current = useRef<ReadTab | null>(null);
  const port = useRef<{ tabId: number; port: Browser.runtime.Port } | null>(null);
  const asking = useRef(0);
  const timer = useRef(0);
  const tries = useRef(0);
  const drops = useRef(0);
  const refreshRef = useRef<() => void>(() => undefined);

  const later = useCallback((ms: number) => {
    clearTimeout(timer.current);
    timer.current = window.setTimeout(() => refreshRef.current(), ms);
  }, []);

  const disconnect = useCallback(() => {
    port.current?.port.disconnect();
    port.current = null;
    setOutlined(false);
  }, []);

  const connect = useCallback(
    (tabId: number) => {
      if (port.current?.tabId === tabId) return;
      disconnect();
      const opened = browser.tabs.connect(tabId, { name: PAGE_READING_PORT, frameId: 0 });
      const at = Date.now();
      port.current = { tabId, port: opened };
      opened.onMessage.addListener((raw: unknown) => {
        if (PageReadingNoticeSchema.safeParse(raw).success) later(150);
      });
      opened.onDisconnect.addListener(() => {
        if (port.current?.port !== opened) return;
        // The page navigated or reloaded: its outlines went with it; read the new page.
        port.current = null;
        setOutlined(false);
        // A port the page keeps refusing is not read again and again.
        drops.current = Date.now() - at < 1_000 ? drops.current + 1 : 0;
        if (drops.current <= 3) later(300);
      });
    },
    [disconnect, later],
  );

  const refresh = useCallback(async () => {
    const mine = ++asking.current;
    clearTimeout(timer.current);
    const tab = await activeTab();
    if (mine !== asking.current) return;
    activeId.current = tab?.id ?? null;
    const site = tab ? siteOfUrl(tab.url) : null;
    if (!tab || (site !== 'learnupon' && site !== 'cybsafe')) {
      disconnect();
      current.current = null;
      setView({ kind: 'not-covered', microsoft: site === 'microsoft' });
      return;
    }
    const read: ReadTab = { id: tab.id, url: tab.url, site };
    if (current.current?.id !== read.id) disconnect();
    current.current = read;
    // The same page read again: keep showing what was read until the new reading comes.
    setView((v) => (v.kind === 'read' && v.tab.id === read.id && v.tab.url === read.url ? { ...v, updating: true } : v.kind === 'reading' && v.tab.id === read.id ? v : { kind: 'reading', tab: read }));
    try {
      const answer = await sendToTab(read.id, { type: 'read-page' });
      if (mine !== asking.current) return;
      if (answer) {
        tries.current = 0;
        setView({ kind: 'read', tab: read, answer, updating: false });
        connect(read.id);
        return;
      }
    } catch (error) {
      if (mine !== asking.current) return;
      if (error instanceof UnexpectedAnswer) {
        setView({ kind: 'error', tab: read, message: errorText(error) });
        return;
      }
    }
    // Nobody answered: on LearnUpon what reads the page is put in when asked for (utils/data/on-request.ts).
    if (await putOnRequestScript(read.id, read.site)) {
      if (mine === asking.current) later(50);
      return;
    }
    // No content script yet (the page is loading), or none at all (the tab was open before the extension).
    if (tries.current++ < RETRIES) later(RETRY_MS);
    else setView({ kind: 'no-answer', tab: read });
  }, [connect, disconnect, later]);
  refreshRef.current = () => void refresh();

  useEffect(() => {
    void refresh();
    const again = () => {
      tries.current = 0;
      drops.current = 0;
      later(100);
    };
    const updated = (tabId: number, change: { status?: string; url?: string }) => {
      if (tabId === activeId.current && (change.status === 'complete' || change.url)) again();
    };
    browser.tabs.onActivated.addListener(again);
    browser.tabs.onUpdated.addListener(updated);
    // Beside a browser window the tab is that window's; in a window of its own, the last browser window used.
    void browser.windows.getCurrent().then((own) => own.type !== 'normal' && browser.windows.onFocusChanged.addListener(again), () => undefined);
    return () => {
      browser.tabs.onActivated.removeListener(again);
      browser.tabs.onUpdated.removeListener(updated);
      browser.windows.onFocusChanged.removeListener(again);
      clearTimeout(timer.current);
      asking.current++;
      disconnect();
    };
  }, []);

  const showOnPage = useCallback(
    async (on: boolean) => {
      const tab = current.current;
      if (!tab) return 0;
      if (on) connect(tab.id);
      const answer = await sendToTab(tab.id, { type: 'show-on-page', show: on });
      const shown = answer?.shown ?? 0;
      setOutlined(on && shown > 0);
      return shown;
    },
    [connect],
  );

  const again = useCallback(() => {
    // Asked by the user: the page may have just been reloaded, so wait for it again.
    tries.current = 0;
    drops.current = 0;
    void refresh();
  }, [refresh]);

  return { view, refresh: again, outlined, showOnPage };
}
