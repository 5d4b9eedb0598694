import { defineContentScript } from 'wxt/utils/define-content-script';
import { runFeatures } from '@/utils/content/features';
import { initDoctor } from '@/utils/content/doctor';
import { diagnoseMicrosoftPage } from '@/utils/diagnostics/microsoft';
import { SITE_MATCHES } from '@/utils/hosts';

// Microsoft sign-in pages: account and sign-in checks only; nothing is read or kept from them.
export default defineContentScript({
  matches: [...SITE_MATCHES.microsoft],
  runAt: 'document_idle',
  main(ctx) {
    runFeatures(ctx, [
      { name: 'sign-in doctor', include: () => true, init: (signal) => initDoctor({ signal, diagnose: diagnoseMicrosoftPage, watchLoads: false }) },
    ]);
  },
});
