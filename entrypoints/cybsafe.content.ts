import { runFeatures } from '@/utils/content/features';
import { initRenewalBadges } from '@/utils/content/renewal-badges';
import { initDoctor } from '@/utils/content/doctor';
import { readCybSafeAccount, readCybSafeCompletion } from '@/utils/platforms/cybsafe/read';
import { cybSafePageKind } from '@/utils/platforms/cybsafe/pages';

export default defineContentScript({
  matches: ['https://app.cybsafe.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runFeatures(ctx, [
      {
        name: 'renewal badges',
        include: (url) => cybSafePageKind(url) === 'home',
        init: (signal) =>
          initRenewalBadges({ source: 'cybsafe', read: readCybSafeCompletion, expectsCourses: () => true, signal }),
      },
      {
        name: 'sign-in and connection doctor',
        include: () => true,
        init: (signal) => initDoctor({ signal, readAccount: readCybSafeAccount, watchLoads: true }),
      },
    ]);
  },
});
