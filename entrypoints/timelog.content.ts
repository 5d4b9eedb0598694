import { defineContentScript } from 'wxt/utils/define-content-script';
import { runFeatures } from '@/utils/content/features';
import { initTimeLog } from '@/utils/content/time-log';
import { learnUponPageKind } from '@/utils/platforms/learnupon/pages';
import { cybSafePageKind } from '@/utils/platforms/cybsafe/pages';
import { SITE_MATCHES } from '@/utils/hosts';

// The PGTA time log (opt-in) on course pages only: its own small script, so the LearnUpon and CybSafe
// scripts stay within their size budget and nothing of it loads on the dashboard.
export default defineContentScript({
  // Narrower than the LearnUpon script: course pages live under /enrollments/.
  matches: [...SITE_MATCHES.learnupon.map((m) => m.replace(/\/\*$/, '/enrollments/*')), ...SITE_MATCHES.cybsafe],
  runAt: 'document_idle',
  main(ctx) {
    runFeatures(ctx, [
      {
        name: 'training time log',
        include: (url) => learnUponPageKind(url) === 'player' || cybSafePageKind(url) === 'module',
        init: (signal) => initTimeLog(signal),
      },
    ]);
  },
});
