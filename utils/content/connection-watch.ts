// Watches how the page loads and whether its videos stall, and hands the samples to the pure rules
// in utils/diagnostics. Media events don't bubble, so they are caught in the capture phase, in this
// document and in same-origin frames (course players).
import { assessBuffering, assessConnection, type BufferingEvent, type ConnectionSamples } from '@/utils/diagnostics/connection';
import type { Diagnosis } from '@/utils/diagnostics/alerts';
import type { Profile } from '@/utils/catalogue/profile';

/** Set after each assessment. */
export const CONNECTION_ASSESSED = 'mtc:connection:assessed';

/** How often the samples are re-assessed; a slow page is a pattern over seconds, not one event. */
const ASSESS_EVERY_MS = 2_000;

export function watchConnection(signal: AbortSignal, profile: Profile, report: (d: Diagnosis) => void | Promise<void>): void {
  const events: BufferingEvent[] = [];
  const onMedia = (event: Event) => {
    if (isMedia(event.target)) events.push({ type: event.type as BufferingEvent['type'], at: performance.now() });
    // Stalls are judged when they happen, so a long one is noticed while it lasts too.
    const verdict = assessBuffering(events, performance.now(), profile);
    if (verdict) void report(verdict);
  };
  const watched = new WeakSet<Document>();
  const watchDocument = (doc: Document) => {
    if (watched.has(doc)) return;
    watched.add(doc);
    for (const type of ['waiting', 'stalled', 'playing'] as const) doc.addEventListener(type, onMedia, { capture: true, signal });
  };
  const watchFrames = () => {
    for (const frame of document.querySelectorAll('iframe')) {
      try {
        if (frame.contentDocument) watchDocument(frame.contentDocument);
      } catch {
        // Cross-origin frame: not ours to watch.
      }
    }
  };
  watchDocument(document);
  watchFrames();
  document.addEventListener('load', watchFrames, { capture: true, signal });

  // The connection is judged again only when its samples changed (a new file loaded, Chrome's estimate
  // moved): every 2 s for as long as the page is open, most ticks have nothing new.
  let lastKey = '';
  let lastConnection: Diagnosis | null = null;
  const assess = async () => {
    watchFrames();
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const key = samplesKey(resources);
    if (key !== lastKey) {
      lastKey = key;
      lastConnection = assessConnection(sampleConnection(resources), profile);
    }
    // Stalls are judged every time: one still going grows longer with nothing new happening.
    const verdict = lastConnection ?? assessBuffering(events, performance.now(), profile);
    if (verdict) await report(verdict);
    // Browser tests wait for this rather than for time (it carries no data), set once any alert is shown.
    performance.mark(CONNECTION_ASSESSED);
  };
  const timer = setInterval(() => void assess(), ASSESS_EVERY_MS);
  signal.addEventListener('abort', () => clearInterval(timer));
}

type NetworkInformation = { effectiveType?: string; rtt?: number; downlink?: number };
const networkInformation = () => (navigator as Navigator & { connection?: NetworkInformation }).connection;

/** What the connection's assessment depends on, in a few numbers: the same key, the same verdict. */
function samplesKey(resources: readonly PerformanceResourceTiming[]): string {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const c = networkInformation();
  const newest = resources[resources.length - 1];
  return [resources.length, newest?.name, newest?.startTime, nav?.duration, c?.effectiveType, c?.rtt, c?.downlink].join('|');
}

function sampleConnection(entries: readonly PerformanceResourceTiming[]): ConnectionSamples {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const resources = entries.map((r) => ({
    name: r.name,
    durationMs: r.duration,
    transferSize: r.transferSize,
    initiatorType: r.initiatorType,
  }));
  const c = networkInformation();
  return {
    pageOrigin: location.origin,
    navigation: nav && nav.duration > 0 ? { durationMs: nav.duration, responseStartMs: nav.responseStart } : undefined,
    resources,
    connection: c ? { effectiveType: c.effectiveType ?? 'unknown', rtt: c.rtt ?? 0, downlink: c.downlink ?? 0 } : undefined,
  };
}

/** By name, not instanceof: a video in a frame belongs to the frame's realm, with its own HTMLMediaElement. */
function isMedia(target: EventTarget | null): boolean {
  const name = (target as Element | null)?.nodeName;
  return name === 'VIDEO' || name === 'AUDIO';
}
