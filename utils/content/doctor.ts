// The sign-in and connection doctor on a covered page: what the page says, who is signed in,
// how it loads, and which browser this is. Each finding becomes at most one calm alert.
import type { Profile } from '@/utils/catalogue/profile';
import type { PageAccount } from '@/utils/platforms/types';
import { diagnoseAccount, diagnoseSignInPage } from '@/utils/diagnostics/signin';
import { detectUnsupportedBrowser } from '@/utils/diagnostics/browser';
import { createAlertQueue } from './alerts';
import { fetchProfile } from './state';
import { watchConnection } from './connection-watch';

export interface DoctorOptions {
  signal: AbortSignal;
  readAccount?: (root: ParentNode) => PageAccount;
  /** Watch load times and video stalls (training pages, not the sign-in pages). */
  watchLoads: boolean;
}

/** Pages render their errors late (SPA, redirects): look again for a few seconds after load. */
const RECHECK_DELAYS_MS = [0, 800, 2500];

export async function initDoctor(options: DoctorOptions): Promise<void> {
  const profile: Profile = await fetchProfile();
  const alerts = createAlertQueue();
  options.signal.addEventListener('abort', () => alerts.destroy());

  const checkPage = () => {
    if (options.signal.aborted) return;
    const found =
      diagnoseSignInPage(document, new URL(location.href), profile) ??
      (options.readAccount ? diagnoseAccount(options.readAccount(document).email, profile, new URL(location.href)) : null);
    if (found) void alerts.offer(found);
  };
  for (const delay of RECHECK_DELAYS_MS) {
    const timer = setTimeout(checkPage, delay);
    options.signal.addEventListener('abort', () => clearTimeout(timer));
  }

  const browserVerdict = detectUnsupportedBrowser(
    (navigator as Navigator & { userAgentData?: { brands: { brand: string; version: string }[] } }).userAgentData,
    navigator.userAgent,
    profile,
  );
  if (browserVerdict) void alerts.offer(browserVerdict);

  if (options.watchLoads) watchConnection(options.signal, profile, (d) => void alerts.offer(d));
}
