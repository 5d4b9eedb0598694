// The time log is opt-in (off by default). Kept in storage.local (utils/data/local.ts) so the background
// checks it on every report; the content script asks the background whether to watch at all.
import { LOCAL_KEYS } from '@/utils/data/keys';
import type { TimeLogSettings } from '@/utils/data/time-log';
import { readLocal, writeLocal } from '@/utils/store/local';

export type { TimeLogSettings };

export const TIME_LOG_KEY = LOCAL_KEYS.timeLog;

const OFF: TimeLogSettings = { enabled: false, name: '' };

export async function loadTimeLogSettings(): Promise<TimeLogSettings> {
  return (await readLocal(TIME_LOG_KEY)) ?? OFF;
}

export async function saveTimeLogSettings(settings: TimeLogSettings): Promise<void> {
  await writeLocal(TIME_LOG_KEY, settings);
}
