// One entry of the troubleshooting log: a sign-in or connection problem an alert told the user about.
import { z } from '@/utils/zod';
import { ALERT_KINDS, LIMITS } from './keys';

export const AlertKindSchema = z.enum(ALERT_KINDS);

export const ProblemLogEntrySchema = z.object({
  /** Given by IndexedDB (auto-increment) when the entry is added. */
  id: z.number().check(z.int(), z.positive()),
  at: z.string(),
  /** An alert kind; older entries may hold kinds retired since, so any short text is kept. */
  kind: z.string().check(z.maxLength(100)),
  title: z.string().check(z.maxLength(1000)),
  pageUrl: z.string().check(z.maxLength(LIMITS.url)),
});
export type ProblemLogEntry = z.infer<typeof ProblemLogEntrySchema>;
/** An entry before IndexedDB has given it its id. */
export type NewProblemLogEntry = Omit<ProblemLogEntry, 'id'>;
