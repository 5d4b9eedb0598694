import { defineContentScript } from 'wxt/utils/define-content-script';
import { runFeatures } from '@/utils/content/features';
import { readWhenChanged } from '@/utils/content/page-changes';
import { initDoctor } from '@/utils/content/doctor';
import { shareSignedInAccount } from '@/utils/content/collect';
import { diagnoseLearnUponPage } from '@/utils/diagnostics/learnupon';
import { readLearnUponAccount } from '@/utils/platforms/learnupon/account';
import { showsOwnEnrollments } from '@/utils/platforms/learnupon/pages';
import { mentionsProblemIn } from '@/utils/diagnostics/trouble';
import { SITE_MATCHES } from '@/utils/hosts';

// The sign-in and connection doctor on every LearnUpon page, in a script of its own beside the renewal
// badges (learnupon.content.ts): each stays within the content-script size budget, and neither carries
// the other's code. Both run in the extension's one isolated world of the page.
export default defineContentScript({
  matches: [...SITE_MATCHES.learnupon],
  runAt: 'document_idle',
  // WXT's custom event tells a reloaded script's old copy to stop; its extra window.postMessage would wake
  // the page's own message listeners on every load for nothing.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // No prefetchState() here: the badges' script, injected with this one, starts the page's one reading
    // of the state, which this script shares (utils/content/state.ts). The account is read once per page
    // change, for both features below.
    const readAccount = readWhenChanged(readLearnUponAccount);
    runFeatures(ctx, [
      {
        name: 'sign-in and connection doctor',
        include: () => true,
        init: (signal) => initDoctor({ signal, diagnose: diagnoseLearnUponPage, mentionsProblem: mentionsProblemIn, readAccount, watchLoads: true }),
      },
      {
        // Prefills the evidence email's sender (the completion-issue flow); the user can change it there.
        // Here rather than in learnupon.content.ts, which is at the size budget: this script reads the account already.
        name: 'signed-in account',
        include: showsOwnEnrollments,
        init: (signal) => shareSignedInAccount(signal, readAccount),
      },
    ]);
  },
});
