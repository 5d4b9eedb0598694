// The PGTA time log on a course page (opt-in): watches whether the person is here and sends the
// confirmed active time to the background. Its own small content script (timelog.content.ts), on course
// pages only; the rules are in utils/timelog/tracker.ts, the checks and the storing in the background.
import { createTracker } from '@/utils/timelog/tracker';
import { send } from './state';

// Pointer events cover touch; a captured scroll covers the wheel.
const INPUT = ['keydown', 'pointerdown', 'pointermove', 'scroll'];
/** How often confirmed time is sent, and a playing video counts as activity. */
const EVERY_MS = 15_000;

export interface TimeLogOptions {
  /** The course's title on this page; by default the main heading, else the tab title. */
  title?: () => string | null | undefined;
}

export async function initTimeLog(signal: AbortSignal, options: TimeLogOptions = {}): Promise<void> {
  // Nothing is watched unless the user opted in; the background checks again before storing.
  const { enabled } = await send({ type: 'get-time-log-switch' });
  if (enabled !== true || signal.aborted) return;

  const tracker = createTracker();
  const readTitle = options.title ?? (() => document.querySelector('main h1, h1')?.textContent || document.title);
  // Kept from the last look: on leaving, the page may already show the next course.
  let title = '';
  const look = () => (title = (readTitle() ?? '').trim().slice(0, 300) || title);
  const update = () => tracker.setActive(document.visibilityState === 'visible' && document.hasFocus(), Date.now());
  const poke = () => {
    update();
    tracker.activity(Date.now());
  };
  const flush = () => {
    update();
    for (const { start, end } of tracker.take(Date.now())) void send({ type: 'log-time', title, start, end }).catch(() => undefined);
  };

  // Input inside same-origin frames (course players) counts too; cross-origin ones cannot be seen.
  let docs: Document[] = [];
  const watch = (doc: Document | null | undefined) => {
    if (!doc || docs.includes(doc)) return;
    docs.push(doc);
    for (const type of INPUT) doc.addEventListener(type, poke, { capture: true, passive: true, signal });
  };
  const tick = () => {
    look();
    docs = docs.filter((d) => d.defaultView);
    for (const frame of document.querySelectorAll('iframe')) {
      try {
        watch(frame.contentDocument);
      } catch {
        // Cross-origin frame.
      }
    }
    if (docs.some((d) => [...d.querySelectorAll('video, audio')].some((m) => !(m as HTMLMediaElement).paused))) poke();
    flush();
  };

  watch(document);
  // Also fires when the tab is closed or left, so the last stretch is sent then.
  document.addEventListener('visibilitychange', flush, { signal });
  // Focus moving into the course's own frame blurs the window but keeps document.hasFocus(): look after it settles.
  for (const type of ['focus', 'blur']) window.addEventListener(type, () => setTimeout(flush), { signal });
  const timer = setInterval(tick, EVERY_MS);
  signal.addEventListener('abort', () => {
    clearInterval(timer);
    tracker.setActive(false, Date.now());
    flush();
  });
  look();
  poke();
}
