// The sign-in and connection doctor on a covered page: what the page says, who is signed in,
// how it loads, and which browser this is. Each finding becomes at most one calm alert.
import type { Profile } from '@/utils/catalogue/profile';
import type { PageAccount } from '@/utils/platforms/types';
import { diagnoseAccount } from '@/utils/diagnostics/accounts';
import type { PageDiagnoser } from '@/utils/diagnostics/signin';
import { diagnoseOtherPortal } from '@/utils/diagnostics/portal';
import { detectUnsupportedBrowser } from '@/utils/diagnostics/browser';
import { createAlertQueue } from './alerts';
import { fetchProfile } from './state';
import { watchConnection } from './connection-watch';

export interface DoctorOptions {
  signal: AbortSignal;
  /** This site's sign-in checks (utils/diagnostics/<site>.ts): each content script carries only its own. */
  diagnose: PageDiagnoser;
  readAccount?: (root: ParentNode) => PageAccount;
  /** Watch load times and video stalls (training pages, not the sign-in pages). */
  watchLoads: boolean;
}

/** Pages render their errors late (SPA, redirects): look again for a few seconds after load. */
const RECHECK_DELAYS_MS = [0, 800, 2500];

/** Set after each look at the page, once its alert (if any) is shown: browser tests wait for these, not for time. */
export const DOCTOR_MARKS = { checked: 'mtc:doctor:checked' } as const;

export async function initDoctor(options: DoctorOptions): Promise<void> {
  const profile: Profile = await fetchProfile();
  const alerts = createAlertQueue();
  options.signal.addEventListener('abort', () => alerts.destroy());

  // Another organisation's portal: say so once; its own sign-ins and accounts are not the organisation's business.
  const otherPortal = diagnoseOtherPortal(new URL(location.href), profile, document);
  const offered = otherPortal ? alerts.offer(otherPortal) : Promise.resolve();

  const checkPage = async () => {
    if (options.signal.aborted) return;
    const url = new URL(location.href);
    const found =
      options.diagnose(document, url, profile) ??
      (options.readAccount && !otherPortal ? diagnoseAccount(options.readAccount(document).email, profile, url) : null);
    await offered;
    if (found) await alerts.offer(found);
    performance.mark(DOCTOR_MARKS.checked);
  };
  for (const delay of RECHECK_DELAYS_MS) {
    const timer = setTimeout(() => void checkPage(), delay);
    options.signal.addEventListener('abort', () => clearTimeout(timer));
  }

  const browserVerdict = detectUnsupportedBrowser(
    (navigator as Navigator & { userAgentData?: { brands: { brand: string; version: string }[] } }).userAgentData,
    navigator.userAgent,
    profile,
  );
  if (browserVerdict) void alerts.offer(browserVerdict);

  if (options.watchLoads) watchConnection(options.signal, profile, (d) => alerts.offer(d));
}
