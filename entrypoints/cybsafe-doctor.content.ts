import { defineContentScript } from 'wxt/utils/define-content-script';
import { runFeatures } from '@/utils/content/features';
import { prefetchState } from '@/utils/content/state';
import { initDoctor } from '@/utils/content/doctor';
import { diagnoseCybSafePage } from '@/utils/diagnostics/cybsafe';
import { readCybSafeAccount } from '@/utils/platforms/cybsafe/read';
import { SITE_MATCHES } from '@/utils/hosts';

// The sign-in and connection doctor on every CybSafe page, in a script of its own beside the renewal
// badges and the evidence collector (cybsafe.content.ts), as on LearnUpon (learnupon-doctor.content.ts).
export default defineContentScript({
  matches: [...SITE_MATCHES.cybsafe],
  runAt: 'document_idle',
  main(ctx) {
    prefetchState(); // ready by the time the features start, after the page's load
    runFeatures(ctx, [
      {
        name: 'sign-in and connection doctor',
        include: () => true,
        init: (signal) => initDoctor({ signal, diagnose: diagnoseCybSafePage, readAccount: readCybSafeAccount, watchLoads: true }),
      },
    ]);
  },
});
