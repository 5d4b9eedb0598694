// The content script's one way to the background (utils/content/state.ts): typed from the message table,
// no schema library, and one question for the features that start together on a page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { collectCommandOf, fetchProfile, fetchState } from '@/utils/content/state';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';

afterEach(() => vi.restoreAllMocks());

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

  it('knows the collect command by hand: exactly its type and a true/false history', () => {
    expect(collectCommandOf({ type: 'collect-evidence', history: true })).toEqual({ type: 'collect-evidence', history: true });
    expect(collectCommandOf({ type: 'collect-evidence', history: false, extra: 'x' })).toEqual({ type: 'collect-evidence', history: false });
    for (const bad of [null, 'collect-evidence', [], { type: 'collect-evidence' }, { type: 'collect-evidence', history: 'yes' }, { type: 'download', history: true }]) {
      expect(collectCommandOf(bad)).toBeNull();
    }
  });
});
