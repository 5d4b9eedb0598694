import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { route, RefusedMessage } from '@/utils/background/router';
import { createHandlers } from '@/utils/background/handlers';
import { checkPolicy, reclassifyPortalRecords, refreshBadge } from '@/utils/background/state';
import { onPolicyChanged } from '@/utils/store/policy';
import { DAILY_ALARM, ensureDailyAlarm, openCourseFromNotification, runDailyCheck } from '@/utils/background/reminders';
import { recoverRestoreOnStart } from '@/utils/background/restore-recovery';
import { captureActiveTab } from '@/utils/evidence/capture';
import { errorText } from '@/utils/errors';
import { openWelcomeOnInstall } from '@/utils/background/welcome';

function notify(title: string, message: string) {
  void browser.notifications.create({ type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
}

export default defineBackground(() => {
  // Extension storage for the extension's own pages and this worker only: content scripts, which run
  // beside web pages, can neither read nor write it (they ask here instead, utils/data/messages.ts).
  void browser.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });

  const ids = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
  const handlers = createHandlers();

  browser.runtime.onMessage.addListener((raw, sender) =>
    route(raw, sender, ids, handlers).catch((error: unknown) => {
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
  // The organisation's policy, once Chrome has it, and whenever it changes (Chrome reloads it while running).
  onPolicyChanged(() => void checkPolicy().catch(() => undefined));
  void checkPolicy().catch(() => undefined);
  browser.runtime.onInstalled.addListener(() => void ensureDailyAlarm());
  browser.runtime.onInstalled.addListener((details) => void openWelcomeOnInstall(details));
  browser.runtime.onStartup.addListener(() => void ensureDailyAlarm());
  void ensureDailyAlarm();
  // A restore cut short (the settings tab closed half-way) is finished or undone before anything reads;
  // records an older version kept from another organisation's portal stop counting.
  void recoverRestoreOnStart(notify)
    .then(() => reclassifyPortalRecords())
    .catch(() => undefined)
    .finally(() => void refreshBadge());
});
