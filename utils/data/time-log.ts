// The PGTA time log's stored values: one entry per course and London day (store `timeLog`), and the
// switch with the name printed on the timesheet (storage.local `timeLog`).
import { z } from '@/utils/zod';
import { IsoDateSchema } from './record';

const ms = z.number().check(z.int(), z.gte(0), z.lte(8_640_000_000_000_000));

export const TimeEntrySchema = z.object({
  /** `YYYY-MM-DD|course`: one entry per course and day. */
  id: z.string().check(z.minLength(1)),
  day: IsoDateSchema,
  course: z.string().check(z.minLength(1)),
  /** What the extension measured, in milliseconds. */
  trackedMs: ms,
  /** The user's correction, which replaces the measured time; null when not corrected. */
  correctedMs: z.nullable(ms),
  updatedAt: z.string(),
});
export type TimeEntry = z.infer<typeof TimeEntrySchema>;

export const TimeLogSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Printed on the timesheet. */
  name: z.string().check(z.maxLength(200)),
});
export type TimeLogSettings = z.infer<typeof TimeLogSettingsSchema>;
