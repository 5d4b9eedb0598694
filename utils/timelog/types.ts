// The PGTA time log: active time on course pages, per course and London day.

// The stored entry's shape is declared once, with the other stored values.
export type { TimeEntry } from '@/utils/data/time-log';

/** A stretch of active time on one page, as the content script reports it (epoch milliseconds). */
export interface TimeSlice {
  start: number;
  end: number;
}
