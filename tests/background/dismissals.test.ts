// A dismissed alert stays quiet for a day on that page, kept by the background for the page that asked
// (content scripts no longer write storage; before, one write redirected the evidence email).
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { DISMISS_FOR_MS, dismiss, isDismissed } from '@/utils/background/dismissals';

const page = new URL('https://ucl.learnupon.com/dashboard?x=1');
const NOW = Date.parse('2026-11-28T10:00:00Z');

describe('dismissed alerts', () => {
  it('hold for that page (whatever its query) and that kind, for a day', async () => {
    expect(await isDismissed(page, 'sso-error', NOW)).toBe(false);
    await dismiss(page, 'sso-error', NOW);
    expect(await isDismissed(new URL('https://ucl.learnupon.com/dashboard'), 'sso-error', NOW + 1000)).toBe(true);
    expect(await isDismissed(page, 'slow-connection', NOW + 1000)).toBe(false);
    expect(await isDismissed(new URL('https://ucl.learnupon.com/enrollments/1/details'), 'sso-error', NOW + 1000)).toBe(false);
    expect(await isDismissed(page, 'sso-error', NOW + DISMISS_FOR_MS)).toBe(false);
  });

  it('keep only the last day’s, in the declared form', async () => {
    await dismiss(page, 'sso-error', NOW);
    await dismiss(new URL('https://app.cybsafe.com/login'), 'wrong-account', NOW + DISMISS_FOR_MS + 1);
    expect(await browser.storage.local.get(null)).toEqual({ 'dismissed-alerts': { 'https://app.cybsafe.com/login|wrong-account': NOW + DISMISS_FOR_MS + 1 } });
  });
});
