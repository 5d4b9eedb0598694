import { defineContentScript } from 'wxt/utils/define-content-script';
import { runFeatures } from '@/utils/content/features';
import { prefetchState } from '@/utils/content/state';
import { initRenewalBadges } from '@/utils/content/renewal-badges';
import { listenForCollect, shareSignedInAccount } from '@/utils/content/collect';
import { listenForPageReading } from '@/utils/content/page-reading';
import { readCybSafeAccount, readCybSafeCompletion } from '@/utils/platforms/cybsafe/read';
import { cybSafePageKind } from '@/utils/platforms/cybsafe/pages';
import { SITE_MATCHES } from '@/utils/hosts';

const isCourseListPage = (url: URL) => ['home', 'certificate'].includes(cybSafePageKind(url) ?? '');

// The sign-in and connection doctor runs beside this script, in cybsafe-doctor.content.ts.
export default defineContentScript({
  matches: [...SITE_MATCHES.cybsafe],
  runAt: 'document_idle',
  // As the doctor's (learnupon-doctor.content.ts): no window.postMessage to the page's listeners on every load.
  noScriptStartedPostMessage: true,
  main(ctx) {
    prefetchState(); // ready by the time the features start, after the page's load
    runFeatures(ctx, [
      {
        name: 'renewal badges',
        include: isCourseListPage,
        init: (signal) =>
          initRenewalBadges({ source: 'cybsafe', read: readCybSafeCompletion, expectsCourses: () => true, signal }),
      },
      {
        name: 'evidence collector',
        include: isCourseListPage,
        init: (signal) => listenForCollect(signal, { readCourses: readCybSafeCompletion, readAccount: readCybSafeAccount }),
      },
      {
        // Prefills the evidence email's sender (the completion-issue flow); the user can change it there.
        name: 'signed-in account',
        include: isCourseListPage,
        init: (signal) => shareSignedInAccount(signal, readCybSafeAccount),
      },
      {
        // The side panel's "What I read on this page": listens only, until the panel asks.
        name: 'page reading',
        include: () => true,
        init: (signal) => listenForPageReading(signal, { site: 'cybsafe', read: readCybSafeCompletion }),
      },
    ]);
  },
});
