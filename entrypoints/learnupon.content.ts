import { defineContentScript } from 'wxt/utils/define-content-script';
import { runFeatures } from '@/utils/content/features';
import { prefetchState } from '@/utils/content/state';
import { initRenewalBadges } from '@/utils/content/renewal-badges';
import { listenForCollect } from '@/utils/content/collect';
import { listenForPageReading } from '@/utils/content/page-reading';
import { readLearnUponAccount } from '@/utils/platforms/learnupon/account';
import { readLearnUponCourses } from '@/utils/platforms/learnupon/courses';
import { findTrainingHistoryButton, findTrainingHistoryLink } from '@/utils/platforms/learnupon/history-controls';
import { learnUponPageKind } from '@/utils/platforms/learnupon/pages';
import { SITE_MATCHES } from '@/utils/hosts';

// The sign-in and connection doctor, and the signed-in account's sharing, run beside this script, in
// learnupon-doctor.content.ts (this one is at the content-script size budget).
export default defineContentScript({
  matches: [...SITE_MATCHES.learnupon],
  runAt: 'document_idle',
  main(ctx) {
    prefetchState(); // ready by the time the features start, after the page's load
    runFeatures(ctx, [
      {
        // Every page of the portal: entries are read wherever they are (learning paths, the catalogue, pages
        // never seen); the page kind only says where finding none means the site changed.
        name: 'renewal badges',
        include: () => true,
        init: (signal) =>
          initRenewalBadges({
            source: 'learnupon',
            read: readLearnUponCourses,
            expectsCourses: (url) => learnUponPageKind(url) === 'dashboard',
            signal,
          }),
      },
      {
        name: 'evidence collector',
        include: (url) => ['dashboard', 'details'].includes(learnUponPageKind(url)),
        init: (signal) =>
          listenForCollect(signal, {
            readCourses: readLearnUponCourses,
            readAccount: readLearnUponAccount,
            history: { findButton: findTrainingHistoryButton, findLink: findTrainingHistoryLink },
          }),
      },
      {
        // The side panel's "What I read on this page": listens only, until the panel asks.
        name: 'page reading',
        include: () => true,
        init: (signal) => listenForPageReading(signal, { site: 'learnupon', read: readLearnUponCourses }),
      },
    ]);
  },
});
