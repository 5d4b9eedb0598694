// Active time on a course page, as pure bookkeeping (the content script feeds it events and a clock).
// Time counts while the page is visible and focused, between activity signals (input, a playing
// video, coming back to the tab) that are no more than the idle cut-off apart. After a longer gap,
// the time since the last signal is not counted: someone who walked away is not paid for it.
import type { TimeSlice } from './types';

/** No input and no playing video for this long means the person is away. */
export const IDLE_MS = 5 * 60_000;

export interface Tracker {
  /** Input, a playing video: the person is here. Ignored while the page is hidden or unfocused. */
  activity(at: number): void;
  /** The page became visible and focused (true), or hidden or unfocused (false). */
  setActive(active: boolean, at: number): void;
  /** Active time confirmed so far: up to the last signal; what follows waits for the next one. */
  take(at: number): TimeSlice[];
}

export function createTracker(idleMs = IDLE_MS): Tracker {
  let from: number | null = null; // start of the time not yet taken
  let last = 0; // the last activity signal
  let active = false;
  const out: TimeSlice[] = [];
  const close = (end: number) => {
    if (from !== null && end > from) out.push({ start: from, end });
    from = null;
  };
  const activity = (at: number) => {
    if (!active) return;
    if (from !== null && at - last > idleMs) close(last);
    from ??= at;
    last = at;
  };
  return {
    activity,
    setActive(on, at) {
      if (on === active) return;
      if (on) {
        active = true;
        activity(at);
      } else {
        close(at - last > idleMs ? last : at);
        active = false;
      }
    },
    take(at) {
      if (from !== null) {
        if (at - last > idleMs) close(last);
        else if (last > from) {
          out.push({ start: from, end: last });
          from = last;
        }
      }
      return out.splice(0);
    },
  };
}
