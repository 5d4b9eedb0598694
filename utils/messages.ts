// Every message between contexts, as schemas. The background parses each one and checks who sent it
// (utils/background/router.ts); a content script's word is never taken for more than its own page.
import { z } from '@/utils/zod';
import { CompletionRecordSchema } from '@/utils/records';
import { ALERT_KINDS } from '@/utils/diagnostics/alerts';

const AlertKindSchema = z.enum(ALERT_KINDS);
const text = (max: number) => z.string().check(z.maxLength(max));
const epochMs = z.number().check(z.int(), z.gte(0), z.lte(8_640_000_000_000_000));

/** Sent by content scripts (from the covered sites). */
export const ContentMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('get-state') }),
  z.object({
    type: z.literal('save-page-records'),
    pageUrl: text(2000),
    /** How many course entries the page showed; 0 on a page that should list some means the site changed. */
    found: z.number().check(z.int(), z.gte(0)),
    records: z.array(CompletionRecordSchema).check(z.maxLength(2000)),
  }),
  z.object({ type: z.literal('report-problem'), kind: AlertKindSchema, title: text(300), pageUrl: text(2000) }),
  /** Active time on a course page (PGTA time log), epoch ms; the background checks the rest (utils/timelog/slice.ts). */
  z.object({ type: z.literal('log-time'), title: text(300), start: epochMs, end: epochMs }),
]);
export type ContentMessage = z.infer<typeof ContentMessageSchema>;

/** Sent by the extension's own pages (popup, side panel, options). */
export const PageMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('records-changed') }),
  z.object({ type: z.literal('profile-changed') }),
]);
export type PageMessage = z.infer<typeof PageMessageSchema>;
