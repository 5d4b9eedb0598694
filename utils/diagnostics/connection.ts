// Slow connection and buffering video, judged from samples the content script collects
// (Navigation/Resource Timing, navigator.connection, media events). Pure rules: numbers in, Diagnosis out.
// No API can tell whether a VPN is on (docs/pages.md), so the advice says "if you are on the VPN", never "your VPN".
import type { Profile } from '@/utils/catalogue/profile';
import { type Diagnosis, connectionSteps } from './alerts';

export interface NavigationSample {
  /** PerformanceNavigationTiming.duration: start to load end; 0 while the page is still loading. */
  durationMs: number;
  responseStartMs?: number;
  transferSize?: number;
}

export interface ResourceSample {
  durationMs: number;
  transferSize?: number;
  initiatorType: string;
  /** The resource URL. */
  name: string;
}

/** navigator.connection (Chrome only): rtt rounded to 25 ms, downlink in Mbps capped at 10. */
export interface ConnectionInfo {
  effectiveType?: string;
  rtt?: number;
  downlink?: number;
}

export interface ConnectionSamples {
  /** The page's origin; when given, only same-origin resources count (third-party trackers say nothing about the course). */
  pageOrigin?: string;
  navigation?: NavigationSample;
  resources: ResourceSample[];
  connection?: ConnectionInfo;
}

/**
 * Chrome's own verdicts. Its network quality estimator calls a link `2g` from about 1,400 ms RTT and
 * `slow-2g` from about 2,000 ms (the NetInfo spec's table). `3g` (from ~270 ms) is what many ordinary
 * home and VPN links report, so it does not alert on its own.
 */
export const SLOW_EFFECTIVE_TYPES: readonly string[] = ['slow-2g', '2g'];

/**
 * A round trip of a second: every new HTTPS connection then costs 2–3 s before the first byte (TCP + TLS +
 * request), and a SCORM course makes dozens. Halfway between Chrome's 3g (~270 ms) and 2g (~1,400 ms) floors.
 */
export const SLOW_RTT_MS = 1000;

/** Page load (start to load event) over 8 s: twice the 4 s Web Vitals draw as "poor" for the largest paint. */
export const SLOW_NAVIGATION_MS = 8000;

/**
 * The median same-origin resource taking over 3 s. Static files on a healthy link take tens to hundreds of
 * milliseconds; a median of 3 s means most requests are an order of magnitude slow, not one big file.
 */
export const SLOW_RESOURCE_MEDIAN_MS = 3000;

/** At least this many resources before the median means anything: one slow file must not raise an alert. */
export const MIN_RESOURCES = 5;

/**
 * Requests whose duration is not load time: media streams (range requests held open while playing),
 * beacons (sent on unload). Long-polling fetches are outvoted by the median.
 */
const NOT_LOAD_TIME = new Set(['video', 'audio', 'beacon']);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Resources whose duration says something about the link. */
function loadResources(samples: ConnectionSamples): ResourceSample[] {
  return samples.resources.filter(
    (r) =>
      Number.isFinite(r.durationMs) &&
      r.durationMs >= 0 &&
      !NOT_LOAD_TIME.has(r.initiatorType) &&
      !/^(data|blob):/i.test(r.name) &&
      (!samples.pageOrigin || originOf(r.name) === samples.pageOrigin),
  );
}

/** A slow-connection diagnosis when any rule trips; null otherwise. */
export function assessConnection(samples: ConnectionSamples, profile: Profile, course?: string): Diagnosis | null {
  const reasons: string[] = [];
  const details: Record<string, string> = {};
  const { connection, navigation } = samples;

  if (connection?.effectiveType) details.effectiveType = connection.effectiveType;
  if (connection?.rtt !== undefined) details.rtt = `${connection.rtt} ms`;
  if (connection?.downlink !== undefined) details.downlink = `${connection.downlink} Mbps`;
  if (connection?.effectiveType && SLOW_EFFECTIVE_TYPES.includes(connection.effectiveType)) {
    reasons.push(`Chrome rates this connection as ${connection.effectiveType}`);
  }
  if (connection?.rtt !== undefined && connection.rtt >= SLOW_RTT_MS) {
    reasons.push(`each round trip to the internet takes about ${seconds(connection.rtt)}`);
  }

  // duration is 0 until the load event: an unfinished load says nothing yet.
  if (navigation && navigation.durationMs > 0) {
    details.pageLoad = seconds(navigation.durationMs);
    if (navigation.durationMs > SLOW_NAVIGATION_MS) reasons.push(`this page took ${seconds(navigation.durationMs)} to load`);
  }

  const resources = loadResources(samples);
  if (resources.length >= MIN_RESOURCES) {
    const typical = median(resources.map((r) => r.durationMs));
    details.typicalFile = seconds(typical);
    details.files = String(resources.length);
    if (typical > SLOW_RESOURCE_MEDIAN_MS) reasons.push(`a typical file on this page took ${seconds(typical)}`);
  }

  if (reasons.length === 0) return null;
  return {
    kind: 'slow-connection',
    title: 'Your connection looks slow',
    summary: `The training may stall or buffer: ${reasons.join('; ')}.`,
    steps: connectionSteps(profile, course),
    details,
    course,
  };
}

export interface BufferingEvent {
  /** `timeupdate` is accepted and ignored: the browser always fires `playing` when a stall ends. */
  type: 'waiting' | 'stalled' | 'playing' | 'timeupdate';
  /** ms, any monotonic clock (performance.now()). */
  at: number;
}

/** Three stalls within a minute: one is a hiccup, three in a minute is a video the learner cannot follow. */
export const STALLS_FOR_ALERT = 3;
export const STALL_WINDOW_MS = 60_000;
/** One stall over 8 s: long past the few seconds a learner waits before giving up on a video. */
export const LONG_STALL_MS = 8_000;
/** Stalls shorter than this (a seek, a segment boundary) are not seen by the learner and do not count. */
export const BRIEF_STALL_MS = 500;

interface Stall {
  start: number;
  /** null while still stalled. */
  end: number | null;
}

function stallsFrom(events: BufferingEvent[]): Stall[] {
  const stalls: Stall[] = [];
  let open: Stall | null = null;
  for (const e of [...events].sort((a, b) => a.at - b.at)) {
    if (e.type === 'timeupdate') continue;
    if (e.type === 'playing') {
      if (open) open.end = e.at;
      open = null;
    } else if (!open) {
      // waiting and stalled often fire together for one stall: count it once.
      open = { start: e.at, end: null };
      stalls.push(open);
    }
  }
  return stalls;
}

/** A media-buffering diagnosis when the course video keeps stalling; `now` lets a stall still in progress count. */
export function assessBuffering(events: BufferingEvent[], now: number | undefined, profile: Profile, course?: string): Diagnosis | null {
  const stalls = stallsFrom(events);
  const length = (s: Stall) => (s.end ?? now ?? s.start) - s.start;
  const counted = stalls.filter((s) => s.end === null || length(s) >= BRIEF_STALL_MS);
  const longest = stalls.reduce((max, s) => Math.max(max, length(s)), 0);

  let repeated = false;
  for (let i = 0; i + STALLS_FOR_ALERT - 1 < counted.length; i++) {
    if (counted[i + STALLS_FOR_ALERT - 1]!.start - counted[i]!.start <= STALL_WINDOW_MS) repeated = true;
  }
  const long = longest > LONG_STALL_MS;
  if (!repeated && !long) return null;

  return {
    kind: 'media-buffering',
    title: 'The course video keeps stopping to buffer',
    summary: repeated
      ? `The video stopped to load ${counted.length} times in a short while. That is usually a slow connection.`
      : `The video waited ${seconds(longest)} for data. That is usually a slow connection.`,
    steps: connectionSteps(profile, course),
    details: { stalls: String(counted.length), longestStall: seconds(longest) },
    course,
  };
}
