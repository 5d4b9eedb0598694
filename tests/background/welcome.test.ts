import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openWelcomeOnInstall, wantsWelcome, WELCOME_PAGE } from '@/utils/background/welcome';

describe('first-run welcome', () => {
  afterEach(() => void vi.restoreAllMocks());

  it('opens the welcome page in a new tab on a first install', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await openWelcomeOnInstall({ reason: 'install' });
    expect(create).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL(WELCOME_PAGE) });
    expect(create.mock.calls[0]![0].url).toMatch(/\/welcome\.html$/);
  });

  it('opens nothing on an update, a browser update or a shared module update', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update']) {
      expect(wantsWelcome({ reason })).toBe(false);
      await openWelcomeOnInstall({ reason });
    }
    expect(create).not.toHaveBeenCalled();
  });
});
