import { defineContentScript } from 'wxt/utils/define-content-script';
import { runFeatures } from '@/utils/content/features';
import { prefetchState } from '@/utils/content/state';
import { initRenewalBadges } from '@/utils/content/renewal-badges';
import { readLearnUponCourses, readLearnUponSteps } from '@/utils/platforms/learnupon/courses';
import { learnUponPageKind } from '@/utils/platforms/learnupon/pages';
import { SITE_MATCHES } from '@/utils/hosts';

// The renewal badges, on every page of the portal. Beside this script: the sign-in and connection doctor
// and the signed-in account's sharing (learnupon-doctor.content.ts); put in only when the user asks, the
// evidence collector and "What I read on this page" (learnupon-on-request.content.ts).
export default defineContentScript({
  matches: [...SITE_MATCHES.learnupon],
  runAt: 'document_idle',
  // As the doctor's (learnupon-doctor.content.ts): no window.postMessage to the page's listeners on every load.
  noScriptStartedPostMessage: true,
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
            readInSteps: readLearnUponSteps,
            expectsCourses: (url) => learnUponPageKind(url) === 'dashboard',
            signal,
          }),
      },
    ]);
  },
});
