// Waiting for the page and the extension to be done, by their own signals, never by time: the demo
// dashboard marks its own redraw (as LearnUpon's app redraws its list ~300 ms after load), the extension
// marks each read of the badges and each look of the sign-in doctor (docs/contract.md).
import type { Page } from 'playwright-core';

/** Badges mounted, and the demo dashboard's own redraw done and read again. */
export async function dashboardSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const redrawn = performance.getEntriesByName('demo:dashboard:redrawn')[0];
    return !!redrawn && performance.getEntriesByName('mtc:renewal:read').some((m) => m.startTime > redrawn.startTime);
  });
}

/**
 * The doctor has looked at the page as often as it does (three checks, the last 2.5 s after load) and, on
 * training pages, assessed the connection once since: each sets a mark once any alert it raised is shown.
 */
export async function doctorDone(page: Page): Promise<void> {
  const watchesLoads = !/microsoft/.test(new URL(page.url()).hostname);
  await page.waitForFunction(
    (loads) => {
      const checks = performance.getEntriesByName('mtc:doctor:checked');
      if (checks.length < 3) return false;
      const last = checks[checks.length - 1]!.startTime;
      return !loads || performance.getEntriesByName('mtc:connection:assessed').some((m) => m.startTime > last);
    },
    watchesLoads,
    { timeout: 20_000 },
  );
}
