// The time log is opt-in (off by default). Kept in storage.local so the background can check it on
// every report, and the content script can skip watching when it is off.
import { browser } from 'wxt/browser';
import { z } from '@/utils/zod';

export const TIME_LOG_KEY = 'timeLog';

const SettingsSchema = z.object({
  enabled: z.boolean(),
  /** Printed on the timesheet. */
  name: z.string().check(z.maxLength(200)),
});
export type TimeLogSettings = z.infer<typeof SettingsSchema>;

const OFF: TimeLogSettings = { enabled: false, name: '' };

export async function loadTimeLogSettings(): Promise<TimeLogSettings> {
  const parsed = SettingsSchema.safeParse((await browser.storage.local.get(TIME_LOG_KEY))[TIME_LOG_KEY]);
  return parsed.success ? parsed.data : OFF;
}

export async function saveTimeLogSettings(settings: TimeLogSettings): Promise<void> {
  await browser.storage.local.set({ [TIME_LOG_KEY]: SettingsSchema.parse(settings) });
}
