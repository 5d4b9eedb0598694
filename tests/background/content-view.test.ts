// The content scripts' view in storage.session (utils/background/content-view.ts, utils/data/session.ts):
// written whenever the records or the profile change, holding only what the badges need, and giving the
// badges the same lines as every record would; a content script reads it (utils/content/state.ts) and
// asks the background when there is none it can use.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { contentView, endOfLondonDay, refreshContentView } from '@/utils/background/content-view';
import { checkPolicy, contentState, refreshBadge, savePageRecords } from '@/utils/background/state';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { londonDate } from '@/utils/dates/calendar';
import { SESSION_KEYS } from '@/utils/data/keys';
import { heldKey, type ContentView } from '@/utils/data/session';
import { mergeById } from '@/utils/content/renewal-badges';
import { fetchState, isUsableView } from '@/utils/content/state';
import { recordId, type CompletionRecord } from '@/utils/records';
import { summariseCourses, type CourseSummary } from '@/utils/renewal/summary';
import { saveProfile } from '@/utils/store/profile';
import { listRecords, saveManualCompletion } from '@/utils/store/records';
import { isoDate } from '../dates/arbitraries';
import { deleteTestDatabase } from '../fixtures/db/wipe';

beforeEach(() => {
  // The fake browser has no setIcon, which refreshBadge calls after writing the view.
  (fakeBrowser.action as unknown as { setIcon: () => Promise<void> }).setIcon = async () => undefined;
});

afterEach(async () => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  await deleteTestDatabase();
  await browser.storage.local.clear();
  await browser.storage.session.clear();
  await fakeBrowser.storage.managed.clear();
});

const dashboard = { kind: 'content' as const, site: 'learnupon' as const, url: new URL('https://ucl.learnupon.com/dashboard') };
const reading = (title: string, completedOn: string, extra: Partial<{ certificateUrl: string; enrollmentId: string }> = {}) => ({
  title,
  status: 'completed' as const,
  completedOn,
  dueOn: null,
  certExpiresOn: null,
  enrollmentId: extra.enrollmentId ?? null,
  certificateUrl: extra.certificateUrl ?? null,
});

async function storedView(): Promise<ContentView | undefined> {
  return (await browser.storage.session.get(SESSION_KEYS.contentView))[SESSION_KEYS.contentView] as ContentView | undefined;
}

describe('the view the background writes', () => {
  it('is written with the toolbar badge, after a page’s records are saved, and holds nothing but what the badges need', async () => {
    await savePageRecords(dashboard, [reading('UCL Fire Safety', '2025-03-03', { enrollmentId: '104837261', certificateUrl: 'https://ucl.learnupon.com/enrollments/104837261/certificate' })], 7);
    await saveManualCompletion({ name: 'Prevent at UCL' }, '2026-01-02');
    await refreshBadge();
    const view = await storedView();
    expect(isUsableView(view)).toBe(true);
    // The profile in force (no policy here: nothing turned off, no outside source counting).
    expect(view!.profile).toEqual({ ...UCL_PROFILE, features: {}, countingOutsideSources: [] });
    expect(view!.today).toBe(londonDate());
    expect(view!.records.map((r) => r.course).sort()).toEqual(['Prevent at UCL', 'UCL Fire Safety']);
    for (const r of view!.records) {
      expect(r).toMatchObject({ title: '', enrollmentId: null, certificateUrl: null, sourceUrl: '' });
      expect(r).not.toHaveProperty('note');
    }
    // Held keys for what pages read (not the manual entry); no titles, links or notes. Record ids stay
    // (site, enrollment number, date): the badges merge a page's readings with the held records by id.
    const records = await listRecords();
    expect(view!.held).toEqual(records.filter((r) => r.source === 'learnupon').map(heldKey));
    expect(JSON.stringify(view)).not.toMatch(/\/certificate|learnupon\.com\/enrollments|"note"/);
    // storage.session holds only its declared keys.
    expect(Object.keys(await browser.storage.session.get(null))).toEqual(Object.values(SESSION_KEYS));
  });

  it('carries the profile with the organisation’s policy on top, rewritten when the policy changes, as get-state tells it', async () => {
    await refreshBadge();
    expect((await storedView())!.profile.dueSoonDays).toBe(UCL_PROFILE.dueSoonDays);
    const outside = { source: 'nhs-trust.learnupon.com', courses: ['Prevent at UCL'] };
    await fakeBrowser.storage.managed.set({ dueSoonDays: 60, countingOutsideSources: [outside] });
    expect(await checkPolicy()).toBe(true);
    const view = await storedView();
    expect(isUsableView(view)).toBe(true);
    expect(view!.profile.dueSoonDays).toBe(60);
    expect(view!.profile.countingOutsideSources).toEqual([outside]);
    // A content script reading the view is told the same profile as one asking the background.
    vi.stubGlobal('location', new URL('https://ucl.learnupon.com/dashboard'));
    const fromView = await fetchState();
    expect(fromView.profile).toEqual(view!.profile);
    expect((await contentState(dashboard)).profile).toEqual(view!.profile);
    // A view whose policy part is not in shape is not used.
    expect(isUsableView({ ...view!, profile: { ...view!.profile, countingOutsideSources: [{ source: 'x' }] } })).toBe(false);
  });

  it('writes one view after another, the last from the last state, however their reads interleave', async () => {
    await saveProfile({ ...UCL_PROFILE, organisation: 'First' });
    const first = refreshContentView();
    await saveProfile({ ...UCL_PROFILE, organisation: 'Second' });
    const second = refreshContentView();
    await Promise.all([first, second]);
    expect((await storedView())!.profile.organisation).toBe('Second');
  });

  it('says until when its date is today: the next London midnight, in winter and in summer time', () => {
    expect(new Date(endOfLondonDay(new Date('2026-01-15T10:00:00Z'))).toISOString()).toBe('2026-01-16T00:00:00.000Z');
    expect(new Date(endOfLondonDay(new Date('2026-07-15T10:00:00Z'))).toISOString()).toBe('2026-07-15T23:00:00.000Z');
    // 23:30 UTC in summer is already tomorrow in London.
    expect(new Date(endOfLondonDay(new Date('2026-07-15T23:30:00Z'))).toISOString()).toBe('2026-07-16T23:00:00.000Z');
    // The clocks change at 01:00 UTC on the last Sundays of March and October.
    expect(new Date(endOfLondonDay(new Date('2026-03-28T12:00:00Z'))).toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(new Date(endOfLondonDay(new Date('2026-03-29T12:00:00Z'))).toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(new Date(endOfLondonDay(new Date('2026-10-24T12:00:00Z'))).toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(new Date(endOfLondonDay(new Date('2026-10-25T12:00:00Z'))).toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });
});

describe('the badges drawn from the view are the ones every record gives', () => {
  const line = ({ course, status, due, basis, explanation }: CourseSummary) => ({ course: course.name, status, due, basis, explanation });
  const courseName = fc.constantFrom('UCL Fire Safety', 'Fire Safety', 'Prevent at UCL', 'Data Protection and Freedom of Information', 'Information Security Training', 'Moodle basics');
  const someDate = fc.oneof(fc.constantFrom('2024-05-01', '2025-05-01', '2025-06-30'), isoDate);
  const arbitraryRecord = (seenAt: string) =>
    fc
      .record({
        course: courseName,
        status: fc.constantFrom('completed', 'passed', 'in-progress', 'not-started', 'failed', 'pending-review', 'unknown') as fc.Arbitrary<CompletionRecord['status']>,
        completedOn: fc.option(someDate, { nil: null }),
        certExpiresOn: fc.option(someDate, { freq: 3, nil: null }),
        dueOn: fc.option(someDate, { freq: 2, nil: null }),
        // A few enrollments, so a page's reading often has a held record's id.
        enrollmentId: fc.option(fc.constantFrom('100000001', '100000002', '100000003'), { nil: null }),
        source: fc.constantFrom('learnupon', 'cybsafe', 'training-history', 'manual', 'external') as fc.Arbitrary<CompletionRecord['source']>,
        counts: fc.boolean(),
      })
      .map(({ counts, ...f }): CompletionRecord => {
        // A LearnUpon record that does not count was read on another organisation's portal: its id says which (utils/background/page-records.ts).
        const otherPortal = f.source === 'learnupon' && !counts;
        const base = { ...f, title: f.course, certificateUrl: null, sourceUrl: 'https://ucl.learnupon.com/dashboard', seenAt, countsForCompliance: f.source !== 'external' && !otherPortal };
        return { ...base, id: recordId(base, otherPortal ? 'nhs-trust.learnupon.com' : undefined) };
      });

  it('for any records held and any page read over them, on any day', () => {
    fc.assert(
      fc.property(
        // As the store holds them: one record per id.
        fc.uniqueArray(arbitraryRecord('2026-01-01T09:00:00.000Z'), { maxLength: 30, selector: (r) => r.id }),
        // What the organisation's portal shows now (another portal's page shows no badges).
        fc.array(arbitraryRecord('2026-02-01T09:00:00.000Z').filter((r) => r.source === 'learnupon' && r.countsForCompliance), { maxLength: 6 }),
        isoDate,
        (held, page, today) => {
          const view = contentView(UCL_PROFILE, held, new Date('2026-02-01T09:00:00Z'));
          expect(summariseCourses(mergeById(view.records, page), UCL_PROFILE, today).map(line)).toEqual(summariseCourses(mergeById(held, page), UCL_PROFILE, today).map(line));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('a content script reading the view', () => {
  const here = (href: string) => vi.stubGlobal('location', new URL(href));

  it('uses it without asking the background, and knows which of a page’s records are held as read', async () => {
    await savePageRecords(dashboard, [reading('UCL Fire Safety', '2025-03-03', { enrollmentId: '104837261' })], 7);
    await refreshBadge();
    const ask = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    here('https://ucl.learnupon.com/dashboard');
    const state = await fetchState();
    expect(ask).not.toHaveBeenCalled();
    expect(state.profile).toEqual({ ...UCL_PROFILE, features: {}, countingOutsideSources: [] });
    const [held] = await listRecords();
    expect(state.records).toHaveLength(1);
    expect(state.holds(held!)).toBe(true);
    expect(state.holds({ ...held!, completedOn: '2025-03-04', id: recordId({ ...held!, completedOn: '2025-03-04' }) })).toBe(false);
    expect(state.holds({ ...held!, certificateUrl: 'https://ucl.learnupon.com/enrollments/104837261/certificate' })).toBe(false);
  });

  it('a course time held from one page is nothing new to a page that shows none; a time is new only when it differs', async () => {
    await savePageRecords(dashboard, [{ ...reading('UCL Fire Safety', '2025-03-03', { enrollmentId: '104837261' }), minutes: 30 }], 7);
    await refreshBadge();
    here('https://ucl.learnupon.com/dashboard');
    const state = await fetchState();
    const [held] = await listRecords();
    expect(held!.minutes).toBe(30);
    const { minutes: _shown, ...withoutTime } = held!;
    expect(state.holds(withoutTime)).toBe(true);
    expect(state.holds(held!)).toBe(true);
    expect(state.holds({ ...held!, minutes: 45 })).toBe(false);
  });

  it('gives no records on another organisation’s portal or Microsoft’s pages, as the background would', async () => {
    await savePageRecords(dashboard, [reading('UCL Fire Safety', '2025-03-03')], 7);
    await refreshBadge();
    for (const href of ['https://nhs-trust.learnupon.com/dashboard', 'https://login.microsoftonline.com/common']) {
      here(href);
      const state = await fetchState();
      expect(state.records).toBeNull();
      expect(state.holds((await listRecords())[0]!)).toBe(false);
    }
  });

  it('asks the background when there is no view, or one it cannot use; works out today itself once the view’s day is over', async () => {
    here('https://ucl.learnupon.com/dashboard');
    const ask = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => ({ profile: UCL_PROFILE, today: '2026-11-28', records: [] }));
    await fetchState();
    expect(ask).toHaveBeenCalledTimes(1);
    await refreshBadge();
    const view = (await storedView())!;
    for (const broken of [{ ...view, version: 2 }, { ...view, records: [{ id: 1 }] }, { ...view, profile: { ...view.profile, courses: 'none' } }, 'text']) {
      await browser.storage.session.set({ [SESSION_KEYS.contentView]: broken });
      await fetchState();
    }
    expect(ask).toHaveBeenCalledTimes(5);
    await browser.storage.session.set({ [SESSION_KEYS.contentView]: { ...view, today: '2000-01-01', todayUntil: Date.now() - 1 } });
    expect((await fetchState()).today).toBe(londonDate());
    expect(ask).toHaveBeenCalledTimes(5);
  });
});
