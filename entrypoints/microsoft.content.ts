import { defineContentScript } from 'wxt/utils/define-content-script';
import { runFeatures } from '@/utils/content/features';
import { initDoctor } from '@/utils/content/doctor';

// Microsoft sign-in pages: account and sign-in checks only; nothing is read or kept from them.
export default defineContentScript({
  matches: ['https://myapps.microsoft.com/*', 'https://login.microsoftonline.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runFeatures(ctx, [
      { name: 'sign-in doctor', include: () => true, init: (signal) => initDoctor({ signal, watchLoads: false }) },
    ]);
  },
});
