// What the background answers, one handler per message (utils/data/messages.ts declares each; the router
// has already checked who sent it and its shape).
import { logProblem } from '@/utils/store/problems';
import { loadTimeLogSettings } from '@/utils/timelog/settings';
import { featureOn } from '@/utils/catalogue/policy';
import { loadProfile } from '@/utils/store/profile';
import { logTimeSlice } from '@/utils/timelog/record';
import { broadcast } from '@/utils/data/send';
import { dismiss, isDismissed } from './dismissals';
import type { Handlers } from './router';
import { contentState, reclassifyPortalRecords, refreshBadge, savePageRecords } from './state';
import { refreshContentView } from './content-view';
import { openFlowTab } from '@/utils/evidence/flow-tab';
import { saveSeenAccount } from '@/utils/evidence/sender';

export function createHandlers(): Handlers {
  return {
    'get-state': (_message, from) => contentState(from),
    async 'save-page-records'(message, from) {
      const saved = await savePageRecords(from, message.readings, message.found);
      if (saved) {
        await refreshBadge();
        // Open pages (the side panel's overview) read the records again.
        broadcast('records-changed');
      }
      return { saved };
    },
    async 'report-problem'(message, from) {
      await logProblem({ kind: message.kind, title: message.title, pageUrl: from.url.href.slice(0, 2000) });
      return { logged: true };
    },
    async 'log-time'(message, from) {
      return { logged: await logTimeSlice(from.site, message.title, { start: message.start, end: message.end }) };
    },
    async 'get-time-log-switch'() {
      // Off when the person has not opted in, or the organisation's policy turns it off.
      return { enabled: (await loadTimeLogSettings()).enabled && featureOn(await loadProfile(), 'timeLog') };
    },
    async 'is-alert-dismissed'(message, from) {
      return { dismissed: await isDismissed(from.url, message.kind) };
    },
    async 'dismiss-alert'(message, from) {
      await dismiss(from.url, message.kind);
      return { ok: true };
    },
    async 'records-changed'() {
      await refreshBadge();
      return { ok: true };
    },
    async 'profile-changed'() {
      // The portals the profile names decide which LearnUpon records count.
      if (await reclassifyPortalRecords()) broadcast('records-changed');
      await refreshBadge();
      return { ok: true };
    },
    // The completion-issue flow (docs/contract.md): a badge's "My completion isn't recorded", for a
    // catalogue course only; the flow page downloads and emails nothing until the user clicks there.
    async 'report-issue'(message) {
      const profile = await loadProfile();
      const course = profile.courses.find((c) => c.name === message.course);
      if (!course) return { opened: false };
      await openFlowTab({ courses: [course.name], from: 'badge' });
      return { opened: true };
    },
    async 'save-account'(message) {
      const saved = await saveSeenAccount(message);
      if (saved) {
        broadcast('person-changed');
        await refreshContentView().catch(() => undefined); // pages showing this account need not say it again
      }
      return { saved };
    },
  };
}
