// What the background accepts from a content script as active time: its word is checked, not trusted.
import type { TimeSlice } from './types';

/** The content script reports every few seconds; a longer slice is a bug or a forgery. */
export const MAX_SLICE_MS = 10 * 60_000;
/** Clocks disagree a little between contexts; never more than this into the future. */
const FUTURE_SKEW_MS = 60_000;
/** Reports arrive promptly; anything older is stale. */
const MAX_AGE_MS = 24 * 3_600_000;

/** Null when the slice is acceptable, else why not. */
export function sliceProblem(slice: TimeSlice, now: number): string | null {
  if (!Number.isSafeInteger(slice.start) || !Number.isSafeInteger(slice.end)) return 'not whole milliseconds';
  if (slice.end <= slice.start) return 'ends before it starts';
  if (slice.end - slice.start > MAX_SLICE_MS) return 'too long';
  if (slice.end > now + FUTURE_SKEW_MS) return 'in the future';
  if (slice.start < now - MAX_AGE_MS) return 'too old';
  return null;
}
