// The toolbar (utils/background/state.ts `refreshBadge`) and a reminder's click (utils/background/reminders.ts):
// the attention icon while a course is overdue or due soon; a clicked reminder opens only a link the
// extension may offer; data from a newer version leaves the toolbar saying to update.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { refreshBadge, TOOLBAR_ICONS } from '@/utils/background/state';
import { openCourseFromNotification } from '@/utils/background/reminders';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { londonDate } from '@/utils/dates/calendar';
import { DB_NAME, DB_VERSION, closeStore } from '@/utils/store/db';
import { saveProfile } from '@/utils/store/profile';
import { saveManualCompletion } from '@/utils/store/records';
import { deleteTestDatabase } from '../fixtures/db/wipe';

let icons: unknown[];
beforeEach(() => {
  icons = [];
  // The fake browser has no setIcon: record what the toolbar is given.
  (fakeBrowser.action as unknown as { setIcon: (d: { path: unknown }) => Promise<void> }).setIcon = async (details) => void icons.push(details.path);
});
afterEach(async () => {
  await deleteTestDatabase();
  await fakeBrowser.storage.local.clear();
  await fakeBrowser.storage.managed.clear();
});

/** A London date `months` months before today. */
function monthsAgo(months: number): string {
  const [y, m, d] = londonDate().split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 - months, Math.min(d, 28)));
  return date.toISOString().slice(0, 10);
}

describe('refreshBadge', () => {
  it('shows the attention icon while a course is overdue or due soon, and the usual icon otherwise', async () => {
    // Nothing done at all: courses are not completed, which is not "overdue or due soon".
    await refreshBadge();
    expect(icons.at(-1)).toEqual(TOOLBAR_ICONS.normal);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');

    // Data Protection (12 months) done 13 months ago: overdue.
    await saveManualCompletion({ name: 'Data Protection and Freedom of Information' }, monthsAgo(13));
    await refreshBadge();
    expect(icons.at(-1)).toEqual(TOOLBAR_ICONS.attention);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');

    // Renewed: back to the usual icon.
    await saveManualCompletion({ name: 'Data Protection and Freedom of Information' }, monthsAgo(1));
    await refreshBadge();
    expect(icons.at(-1)).toEqual(TOOLBAR_ICONS.normal);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('follows the policy: a cadence it sets makes a course due that the person’s own settings would not', async () => {
    await saveManualCompletion({ name: 'UCL Fire Safety' }, monthsAgo(14));
    await refreshBadge();
    expect(icons.at(-1)).toEqual(TOOLBAR_ICONS.normal);
    await fakeBrowser.storage.managed.set({ courses: UCL_PROFILE.courses.map(({ cadenceMonths, ...c }) => (c.name === 'UCL Fire Safety' ? { ...c, cadenceMonths: 12 } : cadenceMonths === null ? { ...c, oneOff: true } : { ...c, cadenceMonths })) });
    await refreshBadge();
    expect(icons.at(-1)).toEqual(TOOLBAR_ICONS.attention);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('with data from a newer version: “!”, the attention icon, and a title saying to update', async () => {
    await closeStore();
    await new Promise<void>((resolve) => {
      const req = indexedDB.open(DB_NAME, DB_VERSION + 1);
      req.onsuccess = () => (req.result.close(), resolve());
    });
    await refreshBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(icons.at(-1)).toEqual(TOOLBAR_ICONS.attention);
    expect(await fakeBrowser.action.getTitle({})).toMatch(/update the extension to see your training records/);
  });
});

describe('a reminder clicked', () => {
  it('opens the course’s link only when it is one the extension offers, else the dashboard or CybSafe', async () => {
    const opened: string[] = [];
    vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(async (p) => (opened.push(p.url!), {} as never));
    (fakeBrowser.notifications as unknown as { clear: () => Promise<boolean> }).clear = async () => true;
    await saveProfile({
      ...UCL_PROFILE,
      courses: UCL_PROFILE.courses.map((c) =>
        c.name === 'UCL Fire Safety' ? { ...c, url: 'https://attacker.example/fire' } : c.name === 'Information Security Training' ? { ...c, url: 'http://app.cybsafe.com/' } : c.name === 'Prevent at UCL' ? { ...c, url: 'https://ucl.learnupon.com/catalog/courses/9' } : c,
      ),
    });
    for (const name of ['UCL Fire Safety', 'Information Security Training', 'Prevent at UCL']) await openCourseFromNotification(`mtc|${name}`);
    expect(opened).toEqual(['https://ucl.learnupon.com/dashboard', 'https://app.cybsafe.com/', 'https://ucl.learnupon.com/catalog/courses/9']);
  });
});
