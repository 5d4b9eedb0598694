import { defineContentScript } from 'wxt/utils/define-content-script';
import { runFeatures } from '@/utils/content/features';
import { initRenewalBadges } from '@/utils/content/renewal-badges';
import { initDoctor } from '@/utils/content/doctor';
import { listenForCollect, shareSignedInAccount } from '@/utils/content/collect';
import { findTrainingHistoryButton, findTrainingHistoryLink, readLearnUponAccount, readLearnUponCourses } from '@/utils/platforms/learnupon/read';
import { learnUponPageKind } from '@/utils/platforms/learnupon/pages';
import { SITE_MATCHES } from '@/utils/hosts';

export default defineContentScript({
  matches: [...SITE_MATCHES.learnupon],
  runAt: 'document_idle',
  main(ctx) {
    runFeatures(ctx, [
      {
        name: 'renewal badges',
        include: (url) => ['dashboard', 'details'].includes(learnUponPageKind(url)),
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
        // Prefills the evidence email's sender (the completion-issue flow); the user can change it there.
        name: 'signed-in account',
        include: (url) => ['dashboard', 'details'].includes(learnUponPageKind(url)),
        init: (signal) => shareSignedInAccount(signal, readLearnUponAccount),
      },
      {
        name: 'sign-in and connection doctor',
        include: () => true,
        init: (signal) => initDoctor({ signal, readAccount: readLearnUponAccount, watchLoads: true }),
      },
    ]);
  },
});
