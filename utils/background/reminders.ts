// The daily check: one notification per course when it enters the due-soon window and when it
// becomes overdue. What was sent is remembered so a restart never repeats it.
import { browser } from 'wxt/browser';
import { META_KEYS } from '@/utils/data/keys';
import { dueReminders, reminderText } from '@/utils/renewal/reminders';
import { courseLink } from '@/utils/evidence/subject';
import { loadProfile } from '@/utils/store/profile';
import { readMeta, writeMeta } from '@/utils/store/meta';
import { NewerDataError } from '@/utils/store/db';
import { currentSummaries } from './state';

export const DAILY_ALARM = 'daily-check';

export async function ensureDailyAlarm(): Promise<void> {
  if (!(await browser.alarms.get(DAILY_ALARM))) {
    await browser.alarms.create(DAILY_ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 });
  }
}

export async function runDailyCheck(): Promise<void> {
  const profile = await loadProfile();
  if (!profile.remindersEnabled) return;
  let sent: Set<string>;
  let summaries: Awaited<ReturnType<typeof currentSummaries>>;
  try {
    sent = new Set(await readMeta(META_KEYS.remindersSent));
    summaries = await currentSummaries();
  } catch (error) {
    // Data from a newer version: no reminder can be right, and the toolbar already says to update.
    if (error instanceof NewerDataError) return;
    throw error;
  }
  const due = dueReminders(summaries, sent);
  for (const reminder of due) {
    await browser.notifications.create(`mtc|${reminder.course.name}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      ...reminderText(reminder),
    });
    sent.add(reminder.key);
  }
  await writeMeta(META_KEYS.remindersSent, [...sent]);
}

/**
 * A reminder clicked: the course's own page when its link is one we may offer (utils/evidence/subject.ts
 * `courseLink`: https on LearnUpon, CybSafe or the organisation's site), else the portal's dashboard or
 * CybSafe; the side panel for a course no longer in the list.
 */
export async function openCourseFromNotification(notificationId: string): Promise<void> {
  const [prefix, name] = notificationId.split('|');
  if (prefix !== 'mtc' || !name) return;
  const profile = await loadProfile();
  const course = profile.courses.find((c) => c.name === name);
  const url = course ? courseLink(course, profile) : browser.runtime.getURL('/sidepanel.html');
  await browser.tabs.create({ url });
  await browser.notifications.clear(notificationId);
}
