// The sign-in and connection doctor on a covered page: what the page says, who is signed in,
// how it loads, and which browser this is. Each finding becomes at most one calm alert.
import type { Profile } from '@/utils/catalogue/profile';
import type { PageAccount } from '@/utils/platforms/types';
import { diagnoseAccount } from '@/utils/diagnostics/accounts';
import type { PageDiagnoser } from '@/utils/diagnostics/signin';
import type { Diagnosis } from '@/utils/diagnostics/alerts';
import { pageText } from '@/utils/diagnostics/trouble';
import { diagnoseOtherPortal } from '@/utils/diagnostics/portal';
import { detectUnsupportedBrowser } from '@/utils/diagnostics/browser';
import { createAlertQueue } from './alerts';
import { fetchProfile } from './state';
import { watchConnection } from './connection-watch';
import { pageVersion } from './page-changes';

export interface DoctorOptions {
  signal: AbortSignal;
  /** This site's sign-in checks (utils/diagnostics/<site>.ts): each content script carries only its own. */
  diagnose: PageDiagnoser;
  /**
   * The diagnoser's own first look, on the page's text (utils/diagnostics/trouble.ts `mentionsProblemIn`):
   * when it fails, `diagnose` finds nothing whatever the page's structure, so it is not asked. Without it,
   * `diagnose` is asked on every look at a changed page.
   */
  mentionsProblem?: (text: string) => boolean;
  readAccount?: (root: ParentNode) => PageAccount;
  /** Watch load times and video stalls (training pages, not the sign-in pages). */
  watchLoads: boolean;
}

/**
 * Pages render their errors late (SPA, redirects): look again for a few seconds after load. A look costs
 * little unless the page changed (see `look` in initDoctor).
 */
export const RECHECK_DELAYS_MS = [0, 800, 2500];

/** Set after each look at the page, once its alert (if any) is shown: browser tests wait for these, not for time. */
export const DOCTOR_MARKS = { checked: 'mtc:doctor:checked' } as const;

export async function initDoctor(options: DoctorOptions): Promise<void> {
  const profile: Profile = await fetchProfile();
  const alerts = createAlertQueue();
  options.signal.addEventListener('abort', () => alerts.destroy());

  // Another organisation's portal: say so once; its own sign-ins and accounts are not the organisation's business.
  const otherPortal = diagnoseOtherPortal(new URL(location.href), profile, document);
  const offered = otherPortal ? alerts.offer(otherPortal) : Promise.resolve();

  // What the last look saw. Looks are cheap first (issue 15): a page that did not change since (no mutation
  // outside our own UI, nothing typed, the same address) is not read again; a changed page's text is read
  // in one pass, and the walks (the diagnoser's, the account's) run only when that text says they may
  // find something new: the diagnoser's words are in it, or it differs from the text last walked (a
  // dashboard drawing its list again from the same data reads the same).
  let last: { version: number; href: string; text: string; found: Diagnosis | null } | null = null;
  const look = (): Diagnosis | null => {
    const version = pageVersion(document);
    const href = location.href;
    if (last && last.version === version && last.href === href) return last.found;
    const text = pageText(document);
    const mentions = options.mentionsProblem?.(text) ?? true;
    if (last && last.href === href && last.text === text && !mentions) {
      last.version = version;
      return last.found;
    }
    const url = new URL(href);
    const found =
      (mentions ? options.diagnose(document, url, profile) : null) ??
      (options.readAccount && !otherPortal ? diagnoseAccount(options.readAccount(document).email, profile, url) : null);
    last = { version, href, text, found };
    return found;
  };
  const checkPage = async (final: boolean) => {
    if (options.signal.aborted) return;
    const found = look();
    // The page's text is not kept past the last look.
    if (final) last = null;
    await offered;
    if (found) await alerts.offer(found);
    performance.mark(DOCTOR_MARKS.checked);
  };
  RECHECK_DELAYS_MS.forEach((delay, i) => {
    const timer = setTimeout(() => void checkPage(i === RECHECK_DELAYS_MS.length - 1), delay);
    options.signal.addEventListener('abort', () => clearTimeout(timer));
  });

  const browserVerdict = detectUnsupportedBrowser(
    (navigator as Navigator & { userAgentData?: { brands: { brand: string; version: string }[] } }).userAgentData,
    navigator.userAgent,
    profile,
  );
  if (browserVerdict) void alerts.offer(browserVerdict);

  if (options.watchLoads) watchConnection(options.signal, profile, (d) => alerts.offer(d));
}
