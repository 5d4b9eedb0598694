import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { route, RefusedMessage } from '@/utils/background/router';
import { logProblem, refreshBadge, savePageRecords } from '@/utils/background/state';
import { DAILY_ALARM, ensureDailyAlarm, openCourseFromNotification, runDailyCheck } from '@/utils/background/reminders';
import { listRecords } from '@/utils/store/records';
import { loadProfile } from '@/utils/store/profile';
import { londonDate } from '@/utils/dates/calendar';
import { captureActiveTab } from '@/utils/evidence/capture';
import { logTimeSlice } from '@/utils/timelog/record';
import { errorText } from '@/utils/errors';
import { openWelcomeOnInstall } from '@/utils/background/welcome';

function notify(title: string, message: string) {
  void browser.notifications.create({ type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
}

export default defineBackground(() => {
  const ids = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };

  browser.runtime.onMessage.addListener((raw, sender) =>
    route(raw, sender, ids, {
      async content(message, from) {
        switch (message.type) {
          case 'get-state':
            return { profile: await loadProfile(), records: await listRecords(), today: londonDate() };
          case 'save-page-records': {
            const saved = await savePageRecords(from.site, from.url, message.records, message.found);
            if (saved) await refreshBadge();
            return { saved };
          }
          case 'report-problem':
            await logProblem({ kind: message.kind, title: message.title, pageUrl: from.url.href });
            return { logged: true };
          case 'log-time':
            return { logged: await logTimeSlice(from.site, message.title, { start: message.start, end: message.end }) };
        }
      },
      async page() {
        await refreshBadge();
        return { ok: true };
      },
    }).catch((error: unknown) => {
      // Refused messages get no answer at all, so a forged sender learns nothing.
      if (error instanceof RefusedMessage) return undefined;
      throw error;
    }),
  );

  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name === DAILY_ALARM) {
      await runDailyCheck();
      await refreshBadge();
    }
  });
  // The keyboard shortcut (Alt+Shift+E) grants activeTab for the page in front, like the popup's button.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'capture-page') return;
    void captureActiveTab(null, tab?.windowId)
      .then((item) => notify('Page captured', `Saved “${item.name}” in your evidence locker.`))
      .catch((error: unknown) => notify('Page not captured', errorText(error)));
  });
  browser.notifications.onClicked.addListener((id) => void openCourseFromNotification(id));
  browser.runtime.onInstalled.addListener(() => void ensureDailyAlarm());
  browser.runtime.onInstalled.addListener((details) => void openWelcomeOnInstall(details));
  browser.runtime.onStartup.addListener(() => void ensureDailyAlarm());
  void ensureDailyAlarm();
  void refreshBadge();
});
