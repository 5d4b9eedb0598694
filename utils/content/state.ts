// The content script's view of the extension's state, asked of the background and checked on arrival.
import { browser } from 'wxt/browser';
import { z } from '@/utils/zod';
import { ProfileSchema } from '@/utils/catalogue/profile';
import { CompletionRecordSchema, type CompletionRecord } from '@/utils/records';
import { IsoDateSchema } from '@/utils/records';
import type { ContentMessage } from '@/utils/messages';

const StateSchema = z.object({ profile: ProfileSchema, records: z.array(CompletionRecordSchema), today: IsoDateSchema });
export type ContentState = z.infer<typeof StateSchema>;

export async function fetchState(): Promise<ContentState> {
  return StateSchema.parse(await send({ type: 'get-state' }));
}

export function send(message: ContentMessage): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

export function saveRecords(records: CompletionRecord[], found: number): Promise<unknown> {
  return send({ type: 'save-page-records', pageUrl: location.href, found, records });
}
