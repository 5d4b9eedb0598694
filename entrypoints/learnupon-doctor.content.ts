import { defineContentScript } from 'wxt/utils/define-content-script';
import { runFeatures } from '@/utils/content/features';
import { prefetchState } from '@/utils/content/state';
import { initDoctor } from '@/utils/content/doctor';
import { shareSignedInAccount } from '@/utils/content/collect';
import { diagnoseLearnUponPage } from '@/utils/diagnostics/learnupon';
import { readLearnUponAccount } from '@/utils/platforms/learnupon/account';
import { learnUponPageKind } from '@/utils/platforms/learnupon/pages';
import { SITE_MATCHES } from '@/utils/hosts';

// The sign-in and connection doctor on every LearnUpon page, in a script of its own beside the renewal
// badges and the evidence collector (learnupon.content.ts): each stays within the content-script size
// budget, and neither carries the other's code. Both run in the extension's one isolated world of the page.
export default defineContentScript({
  matches: [...SITE_MATCHES.learnupon],
  runAt: 'document_idle',
  main(ctx) {
    prefetchState(); // ready by the time the features start, after the page's load
    runFeatures(ctx, [
      {
        name: 'sign-in and connection doctor',
        include: () => true,
        init: (signal) => initDoctor({ signal, diagnose: diagnoseLearnUponPage, readAccount: readLearnUponAccount, watchLoads: true }),
      },
      {
        // Prefills the evidence email's sender (the completion-issue flow); the user can change it there.
        // Here rather than in learnupon.content.ts, which is at the size budget: this script reads the account already.
        name: 'signed-in account',
        include: (url) => ['dashboard', 'details'].includes(learnUponPageKind(url)),
        init: (signal) => shareSignedInAccount(signal, readLearnUponAccount),
      },
    ]);
  },
});
