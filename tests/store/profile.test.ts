// The profile every context works with (utils/store/profile.ts): the person's own settings from
// storage.local with the organisation's policy (managed storage) on top, and never a course link the
// extension would not offer, however it was stored.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import type { Profile } from '@/utils/catalogue/profile';
import { loadOwnProfile, loadProfile, loadSettings, saveProfile } from '@/utils/store/profile';
import { refreshPolicyCopy } from '@/utils/store/policy';

afterEach(async () => {
  await fakeBrowser.storage.local.clear();
  await fakeBrowser.storage.managed.clear();
});

const HOSTILE_LINKS = ['javascript:alert(document.domain)', 'data:text/html,<script>alert(1)</script>', 'http://www.ucl.ac.uk/mandatory', 'https://attacker.example/ucl.ac.uk', 'https://user:pw@ucl.learnupon.com/'];

describe('loadProfile', () => {
  it('is the UCL defaults with nothing stored and no policy', async () => {
    expect(await loadProfile()).toEqual({ ...UCL_PROFILE, features: {}, countingOutsideSources: [] });
  });

  it('puts what the policy sets over the person’s own settings; their own settings stay theirs to save', async () => {
    await saveProfile({ ...UCL_PROFILE, organisation: 'UCL (Physics)', mailbox: 'me@ucl.ac.uk' });
    await fakeBrowser.storage.managed.set({ mailbox: 'training@ucl.ac.uk', subjectTemplate: 'no placeholder' });
    const profile = await loadProfile();
    expect(profile.mailbox).toBe('training@ucl.ac.uk');
    expect(profile.organisation).toBe('UCL (Physics)');
    expect(profile.subjectTemplate).toBe(UCL_PROFILE.subjectTemplate);
    expect((await loadOwnProfile()).mailbox).toBe('me@ucl.ac.uk');
    const settings = await loadSettings();
    expect([...settings.locked]).toEqual(['mailbox']);
    expect(settings.problems).toHaveLength(1);
    expect(settings.problems[0]).toMatch(/“Email subject” \(subjectTemplate\) is not used/);
  });

  it('a policy change applies at the next read', async () => {
    expect((await loadProfile()).dueSoonDays).toBe(30);
    await fakeBrowser.storage.managed.set({ dueSoonDays: 60 });
    expect((await loadProfile()).dueSoonDays).toBe(60);
    await fakeBrowser.storage.managed.remove('dueSoonDays');
    expect((await loadProfile()).dueSoonDays).toBe(30);
  });

  it('never holds a javascript:, data:, http: or foreign course link, even one stored by an older version', async () => {
    // As an older version let it be stored (any text) and a backup could bring it back.
    const stored: Profile = { ...UCL_PROFILE, courses: UCL_PROFILE.courses.map((c, i) => (i < HOSTILE_LINKS.length ? { ...c, url: HOSTILE_LINKS[i] } : c)) };
    await fakeBrowser.storage.local.set({ profile: stored });
    for (const profile of [await loadProfile(), await loadOwnProfile()]) {
      expect(profile.courses.slice(0, HOSTILE_LINKS.length).map((c) => c.url)).toEqual(HOSTILE_LINKS.map(() => undefined));
      // Everything else is as stored: the links the extension offers, and the rest of each course.
      expect(profile.courses.slice(HOSTILE_LINKS.length)).toEqual(UCL_PROFILE.courses.slice(HOSTILE_LINKS.length));
      expect(profile.courses.map(({ url: _u, ...c }) => c)).toEqual(UCL_PROFILE.courses.map(({ url: _u, ...c }) => c));
    }
  });
});

describe('while Chrome is not ready to answer for the policy (the first seconds after it starts)', () => {
  /** Managed storage that answers only when `answer()` is called, as Chrome does at start. */
  function slowManaged() {
    const real = fakeBrowser.storage.managed.get.bind(fakeBrowser.storage.managed);
    let answer = () => undefined as void;
    const spy = vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation((keys) => new Promise((resolve) => (answer = () => void real(keys as never).then(resolve))));
    return { answer: () => answer(), restore: () => spy.mockRestore() };
  }

  it('readers do not wait: they take the copy of the last policy the background read', async () => {
    await fakeBrowser.storage.managed.set({ mailbox: 'training@ucl.ac.uk' });
    expect(await refreshPolicyCopy()).toBe(true);
    expect(await refreshPolicyCopy()).toBe(false);
    const slow = slowManaged();
    try {
      const started = Date.now();
      expect((await loadProfile()).mailbox).toBe('training@ucl.ac.uk');
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      slow.restore();
    }
  });

  it('with no copy yet, readers go on without a policy; the background then finds it changed, and keeps it', async () => {
    await fakeBrowser.storage.managed.set({ dueSoonDays: 60 });
    const slow = slowManaged();
    try {
      expect((await loadProfile()).dueSoonDays).toBe(30);
      const refreshed = refreshPolicyCopy();
      slow.answer();
      expect(await refreshed).toBe(true);
    } finally {
      slow.restore();
    }
    expect((await loadProfile()).dueSoonDays).toBe(60);
    // The policy withdrawn: the copy goes too.
    await fakeBrowser.storage.managed.clear();
    expect(await refreshPolicyCopy()).toBe(true);
    expect(await fakeBrowser.storage.local.get('policy-copy')).toEqual({});
    expect(await refreshPolicyCopy()).toBe(false);
  });
});
