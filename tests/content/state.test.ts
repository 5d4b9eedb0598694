// The content script's one way to the background (utils/content/state.ts): typed from the message table,
// no schema library, and one question for the features that start together on a page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { collectCommandOf, fetchProfile, fetchState } from '@/utils/content/state';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';

afterEach(() => {
  vi.restoreAllMocks();
  // The early reading lives on the global object (the isolated world's, in a page): not left for the next test.
  delete (globalThis as { mtcEarlyState?: unknown }).mtcEarlyState;
});

describe('content state', () => {
  it('features starting together share one get-state; a later one asks again', async () => {
    const ask = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => ({ profile: UCL_PROFILE, today: '2026-11-28', records: [] }));
    const [state, profile] = await Promise.all([fetchState(), fetchProfile()]);
    expect(state.records).toEqual([]);
    expect(profile).toEqual(UCL_PROFILE);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(ask).toHaveBeenCalledWith({ type: 'get-state' });
    await fetchState();
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it("a page's scripts share the reading started at injection: one storage read, each script's first features use it once", async () => {
    const view = vi.spyOn(fakeBrowser.storage.session, 'get');
    const ask = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => ({ profile: UCL_PROFILE, today: '2026-11-28', records: [] }));
    // Two bundles in one isolated world: each has its own copy of the module, and the world's global object in common.
    vi.resetModules();
    const badges = await import('@/utils/content/state');
    vi.resetModules();
    const doctor = await import('@/utils/content/state');
    expect(doctor.fetchState).not.toBe(badges.fetchState);
    badges.prefetchState();
    doctor.prefetchState(); // the second script's prefetch starts no second reading
    const [a, b] = await Promise.all([badges.fetchState(), doctor.fetchProfile()]);
    expect(a.profile).toEqual(UCL_PROFILE);
    expect(b).toEqual(UCL_PROFILE);
    expect(view).toHaveBeenCalledTimes(1);
    expect(ask).toHaveBeenCalledTimes(1);
    // Later features (after the single-page app navigates) read afresh, in each script.
    await doctor.fetchState();
    await badges.fetchState();
    expect(ask).toHaveBeenCalledTimes(3);
  });

  it('a script put in the page later (when the user asks) reads afresh, not the reading from the page load', async () => {
    vi.spyOn(fakeBrowser.storage.session, 'get');
    const ask = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => ({ profile: UCL_PROFILE, today: '2026-11-28', records: [] }));
    vi.resetModules();
    const badges = await import('@/utils/content/state');
    badges.prefetchState();
    await badges.fetchState();
    expect(ask).toHaveBeenCalledTimes(1);
    const later = vi.spyOn(performance, 'now').mockReturnValue(performance.now() + 6_000);
    vi.resetModules();
    const onRequest = await import('@/utils/content/state');
    await onRequest.fetchState();
    expect(ask).toHaveBeenCalledTimes(2);
    later.mockRestore();
  });

  it('knows the collect command by hand: exactly its type and a true/false history', () => {
    expect(collectCommandOf({ type: 'collect-evidence', history: true })).toEqual({ type: 'collect-evidence', history: true });
    expect(collectCommandOf({ type: 'collect-evidence', history: false, extra: 'x' })).toEqual({ type: 'collect-evidence', history: false });
    for (const bad of [null, 'collect-evidence', [], { type: 'collect-evidence' }, { type: 'collect-evidence', history: 'yes' }, { type: 'download', history: true }]) {
      expect(collectCommandOf(bad)).toBeNull();
    }
  });
});
