import { defineContentScript } from 'wxt/utils/define-content-script';
import { runFeatures } from '@/utils/content/features';
import { initDoctor } from '@/utils/content/doctor';
import { diagnoseCybSafePage } from '@/utils/diagnostics/cybsafe';
import { readCybSafeAccount } from '@/utils/platforms/cybsafe/read';
import { mentionsProblemIn } from '@/utils/diagnostics/trouble';
import { SITE_MATCHES } from '@/utils/hosts';

// The sign-in and connection doctor on every CybSafe page, in a script of its own beside the renewal
// badges and the evidence collector (cybsafe.content.ts), as on LearnUpon (learnupon-doctor.content.ts).
export default defineContentScript({
  matches: [...SITE_MATCHES.cybsafe],
  runAt: 'document_idle',
  // WXT's custom event tells a reloaded script's old copy to stop; its extra window.postMessage would wake
  // the page's own message listeners on every load for nothing.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // No prefetchState() here: the badges' script, injected with this one, starts the page's one reading
    // of the state, which this script shares (utils/content/state.ts).
    runFeatures(ctx, [
      {
        name: 'sign-in and connection doctor',
        include: () => true,
        init: (signal) => initDoctor({ signal, diagnose: diagnoseCybSafePage, mentionsProblem: mentionsProblemIn, readAccount: readCybSafeAccount, watchLoads: true }),
      },
    ]);
  },
});
