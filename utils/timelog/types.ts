// The PGTA time log: active time on course pages, per course and London day.

export interface TimeEntry {
  /** `YYYY-MM-DD|course`: one entry per course and day. */
  id: string;
  day: string;
  course: string;
  /** What the extension measured, in milliseconds. */
  trackedMs: number;
  /** The user's correction, which replaces the measured time; null when not corrected. */
  correctedMs: number | null;
  updatedAt: string;
}

/** A stretch of active time on one page, as the content script reports it (epoch milliseconds). */
export interface TimeSlice {
  start: number;
  end: number;
}
