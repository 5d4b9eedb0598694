import { defineContentScript } from 'wxt/utils/define-content-script';
import { runFeatures } from '@/utils/content/features';
import { listenForCollect } from '@/utils/content/collect';
import { listenForPageReading } from '@/utils/content/page-reading';
import { readLearnUponAccount } from '@/utils/platforms/learnupon/account';
import { readLearnUponCourses } from '@/utils/platforms/learnupon/courses';
import { findTrainingHistoryButton, findTrainingHistoryLink } from '@/utils/platforms/learnupon/history-controls';
import { showsOwnEnrollments } from '@/utils/platforms/learnupon/pages';
import { SITE_MATCHES, siteOfUrl } from '@/utils/hosts';

// What the user asks for on a LearnUpon page, put in the page only when asked (utils/data/on-request.ts):
// the evidence collector and the side panel's "What I read on this page". Every page of the portal
// would otherwise load them with the badges (learnupon.content.ts), which must stay small and quick.
export default defineContentScript({
  matches: [...SITE_MATCHES.learnupon],
  registration: 'runtime',
  // A copy put in again replaces the old one by WXT's custom event; no window.postMessage to the page's listeners.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Put in by address: a tab that has just left LearnUpon is not read as LearnUpon.
    if (siteOfUrl(location.href) !== 'learnupon') return;
    runFeatures(ctx, [
      {
        name: 'evidence collector',
        include: showsOwnEnrollments,
        init: (signal) =>
          listenForCollect(signal, {
            readCourses: readLearnUponCourses,
            readAccount: readLearnUponAccount,
            history: { findButton: findTrainingHistoryButton, findLink: findTrainingHistoryLink },
          }),
      },
      {
        name: 'page reading',
        include: () => true,
        init: (signal) => listenForPageReading(signal, { site: 'learnupon', read: readLearnUponCourses }),
      },
    ]);
  },
});
