// A content script's message can only add to its own site's records: the background makes each record's
// source, address and id from the sender (utils/background/page-records.ts). Before, the id came from
// the message: a LearnUpon page turned the CybSafe record and a manual entry into "not completed".
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { route, type Handlers } from '@/utils/background/router';
import { contentState, reclassifyPortalRecords, savePageRecords } from '@/utils/background/state';
import { saveProfile } from '@/utils/store/profile';
import { countingOutsideNote, coveredLink, otherPortalNote } from '@/utils/background/page-records';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { londonDate } from '@/utils/dates/calendar';
import { recordId, type CompletionRecord } from '@/utils/records';
import { summariseCourses } from '@/utils/renewal/summary';
import { listRecords, saveManualCompletion, upsertRecords } from '@/utils/store/records';
import { readMeta } from '@/utils/store/meta';
import { deleteTestDatabase } from '../fixtures/db/wipe';
import { browser } from 'wxt/browser';

afterEach(async () => {
  await deleteTestDatabase();
  await browser.storage.local.clear();
  await fakeBrowser.storage.managed.clear();
});

const ids = { id: fakeBrowser.runtime.id, origin: 'chrome-extension://test' };
const tab = { id: 7 } as never;
const learnupon = { id: fakeBrowser.runtime.id, url: 'https://ucl.learnupon.com/dashboard', tab };

/** The background's own handlers for the two messages this is about; the rest are not needed here. */
const handlers = {
  'get-state': (_m, from) => contentState(from),
  'save-page-records': async (m, from) => ({ saved: await savePageRecords(from, m.readings, m.found) }),
} as Partial<Handlers> as Handlers;

function cybsafeRecord(): CompletionRecord {
  const base = {
    course: 'Information Security Training', title: 'Information Security Training', status: 'completed' as const, completedOn: '2026-06-01', dueOn: null,
    certExpiresOn: null, enrollmentId: null, certificateUrl: null, source: 'cybsafe' as const, sourceUrl: 'https://app.cybsafe.com/', seenAt: '2026-06-01T09:00:00.000Z',
    countsForCompliance: true,
  };
  return { ...base, id: recordId(base) };
}

const statusOf = async (course: string) => summariseCourses(await listRecords(), UCL_PROFILE, londonDate()).find((s) => s.course.name === course)!.status;

describe('a LearnUpon message cannot replace another site’s record or a manual entry', () => {
  it('neither by the old message’s forged ids nor by fields added to a reading', async () => {
    const cyb = cybsafeRecord();
    await upsertRecords([cyb]);
    const manual = await saveManualCompletion({ name: 'UCL Fire Safety' }, '2026-05-01');
    const before = await listRecords();
    expect(await statusOf('Information Security Training')).toBe('current');
    expect(await statusOf('UCL Fire Safety')).toBe('current');

    // As the old message carried them: whole records, ids and all, saying "not started".
    const forged = [cyb, manual].map((r) => ({ ...r, status: 'not-started', completedOn: null, source: 'learnupon', sourceUrl: learnupon.url }));
    await route({ type: 'save-page-records', pageUrl: learnupon.url, found: 2, records: forged }, learnupon, ids, handlers).catch(() => undefined);
    // As readings, with the ids and sources added anyway.
    await route({ type: 'save-page-records', found: 2, readings: forged.map(({ course: _c, seenAt: _s, countsForCompliance: _f, note: _n, ...r }) => r) }, learnupon, ids, handlers);

    const after = await listRecords();
    for (const held of before) expect(after.find((r) => r.id === held.id)).toEqual(held);
    expect(await statusOf('Information Security Training')).toBe('current');
    expect(await statusOf('UCL Fire Safety')).toBe('current');
    // What the page said is kept as LearnUpon's own (not-started) records, beside the others.
    const own = after.filter((r) => !before.some((b) => b.id === r.id));
    expect(own.map((r) => [r.source, r.status])).toEqual([['learnupon', 'not-started'], ['learnupon', 'not-started']]);
  });
});

describe('another organisation’s LearnUpon portal', () => {
  const trust = { id: fakeBrowser.runtime.id, url: 'https://nhs-trust.learnupon.com/dashboard', tab };

  it('keeps its completions as personal records that do not count, and never changes the organisation’s status', async () => {
    expect(await statusOf('UCL Fire Safety')).toBe('not-completed');
    const reading = { title: 'Fire Safety', status: 'completed', completedOn: '2026-09-01', dueOn: null, certExpiresOn: null, enrollmentId: '109552810', certificateUrl: null };
    await route({ type: 'save-page-records', found: 1, readings: [reading] }, trust, ids, handlers);
    const [record] = await listRecords();
    expect(record).toMatchObject({ course: 'UCL Fire Safety', source: 'learnupon', countsForCompliance: false, note: otherPortalNote(UCL_PROFILE) });
    expect(record!.note).toBe("another organisation's portal — does not count for UCL");
    expect(await statusOf('UCL Fire Safety')).toBe('not-completed');

    // The organisation's own portal with the same enrollment id is a record of its own, and it counts.
    await route({ type: 'save-page-records', found: 1, readings: [{ ...reading, completedOn: '2026-09-01' }] }, learnupon, ids, handlers);
    const all = await listRecords();
    expect(all).toHaveLength(2);
    expect(new Set(all.map((r) => r.id)).size).toBe(2);
    expect(await statusOf('UCL Fire Safety')).toBe('current');
  });

  it('is told no records, and an empty page there is not taken for the organisation’s dashboard changing', async () => {
    await upsertRecords([cybsafeRecord()]);
    expect(await route({ type: 'get-state' }, trust, ids, handlers)).toMatchObject({ records: null, profile: { organisation: 'UCL' } });
    await route({ type: 'save-page-records', found: 0, readings: [] }, trust, ids, handlers);
    expect(await readMeta('empty-page:learnupon')).toBeUndefined();
    await route({ type: 'save-page-records', found: 0, readings: [] }, learnupon, ids, handlers);
    expect(await readMeta('empty-page:learnupon')).toMatchObject({ url: learnupon.url });
  });
});

describe('what each content script is told', () => {
  it('the Microsoft sign-in pages get the settings and no records; the organisation’s portal and CybSafe get the records', async () => {
    await upsertRecords([cybsafeRecord()]);
    const microsoft = await route({ type: 'get-state' }, { id: fakeBrowser.runtime.id, url: 'https://login.microsoftonline.com/common/oauth2', tab }, ids, handlers);
    expect(microsoft).toMatchObject({ records: null, profile: { emailDomain: 'ucl.ac.uk' } });
    expect((await route({ type: 'get-state' }, learnupon, ids, handlers)) as { records: unknown[] }).toMatchObject({ records: [expect.objectContaining({ source: 'cybsafe' })] });
    expect((await route({ type: 'get-state' }, { id: fakeBrowser.runtime.id, url: 'https://app.cybsafe.com/', tab }, ids, handlers)) as { records: unknown[] }).toMatchObject({ records: [expect.anything()] });
  });
});

describe('links and titles in readings', () => {
  it('keeps only https certificate links on the covered sites, and only catalogue courses', async () => {
    const base = { status: 'completed', completedOn: '2026-09-01', dueOn: null, certExpiresOn: null, enrollmentId: null };
    await route(
      {
        type: 'save-page-records',
        found: 5,
        readings: [
          { ...base, title: 'Prevent at UCL', certificateUrl: '/enrollments/1/certificate' },
          { ...base, title: 'UCL Fire Safety', certificateUrl: 'javascript:alert(1)' },
          { ...base, title: 'Data Protection', certificateUrl: 'https://attacker.example/cert.pdf' },
          { ...base, title: 'Change Possible', certificateUrl: 'http://ucl.learnupon.com/cert.pdf' },
          { ...base, title: 'Knitting for beginners', certificateUrl: null },
        ],
      },
      learnupon,
      ids,
      handlers,
    );
    const byCourse = Object.fromEntries((await listRecords()).map((r) => [r.course, r.certificateUrl]));
    expect(byCourse).toEqual({
      'Prevent at UCL': 'https://ucl.learnupon.com/enrollments/1/certificate',
      'UCL Fire Safety': null,
      'Data Protection and Freedom of Information': null,
      'Change Possible: Sustainable UCL': null,
    });
  });
});

describe('records an older version kept from another organisation’s portal', () => {
  function oldTrustRecord(): CompletionRecord {
    // As the release before counted it: a LearnUpon record like any other, read on the trust's portal.
    const base = {
      course: 'UCL Fire Safety', title: 'Fire Safety', status: 'completed' as const, completedOn: '2026-09-01', dueOn: null, certExpiresOn: null, enrollmentId: '555',
      certificateUrl: null, source: 'learnupon' as const, sourceUrl: 'https://nhs-trust.learnupon.com/dashboard', seenAt: '2026-09-02T09:00:00.000Z', countsForCompliance: true,
    };
    return { ...base, id: recordId(base) };
  }

  it('stop counting at the next start, and count again once the profile names that portal as the organisation’s', async () => {
    await upsertRecords([oldTrustRecord()]);
    expect(await statusOf('UCL Fire Safety')).toBe('current');
    expect(await reclassifyPortalRecords()).toBe(1);
    const [now] = await listRecords();
    expect(now).toMatchObject({ id: 'learnupon@nhs-trust.learnupon.com|555|2026-09-01', countsForCompliance: false, note: otherPortalNote(UCL_PROFILE) });
    expect(await statusOf('UCL Fire Safety')).toBe('not-completed');
    expect(await reclassifyPortalRecords()).toBe(0);

    await saveProfile({ ...UCL_PROFILE, morePortalHosts: ['nhs-trust.learnupon.com'] });
    expect(await reclassifyPortalRecords()).toBe(1);
    const [back] = await listRecords();
    expect(back).toEqual(oldTrustRecord());
  });

  it('leave the organisation’s own records, and other sources, as they are', async () => {
    await upsertRecords([cybsafeRecord(), { ...oldTrustRecord(), sourceUrl: 'https://ucl.learnupon.com/dashboard' }]);
    const before = await listRecords();
    expect(await reclassifyPortalRecords()).toBe(0);
    expect(await listRecords()).toEqual(before);
  });
});

describe('outside sources the organisation’s policy counts (countingOutsideSources)', () => {
  const trust = { id: fakeBrowser.runtime.id, url: 'https://nhs-trust.learnupon.com/dashboard', tab };
  const reading = (title: string, enrollmentId: string) => ({ title, status: 'completed', completedOn: '2026-09-01', dueOn: null, certExpiresOn: null, enrollmentId, certificateUrl: null });
  const policy = { countingOutsideSources: [{ source: 'nhs-trust.learnupon.com', courses: ['Data Protection', 'Prevent'] }] };

  it('count only for the courses and the portal it names; the rest from there still does not', async () => {
    await fakeBrowser.storage.managed.set(policy);
    await route({ type: 'save-page-records', found: 2, readings: [reading('Data Protection & Freedom of Information', '1'), reading('Fire Safety', '2')] }, trust, ids, handlers);
    const byCourse = Object.fromEntries((await listRecords()).map((r) => [r.course, r]));
    expect(byCourse['Data Protection and Freedom of Information']).toMatchObject({
      id: 'learnupon@nhs-trust.learnupon.com|1|2026-09-01', countsForCompliance: true, note: countingOutsideNote(UCL_PROFILE, 'nhs-trust.learnupon.com'),
    });
    expect(byCourse['UCL Fire Safety']).toMatchObject({ countsForCompliance: false, note: otherPortalNote(UCL_PROFILE) });
    expect(await statusOf('Data Protection and Freedom of Information')).toBe('current');
    expect(await statusOf('UCL Fire Safety')).toBe('not-completed');
    // Another trust's portal is not named: nothing from it counts.
    await route({ type: 'save-page-records', found: 1, readings: [reading('Prevent', '3')] }, { ...trust, url: 'https://other-trust.learnupon.com/dashboard' }, ids, handlers);
    expect(await statusOf('Prevent at UCL')).toBe('not-completed');
  });

  it('records kept before the policy said so start counting when it does, and stop when it no longer does', async () => {
    await route({ type: 'save-page-records', found: 1, readings: [reading('Prevent Duty', '7')] }, trust, ids, handlers);
    const [kept] = await listRecords();
    expect(kept).toMatchObject({ countsForCompliance: false, note: otherPortalNote(UCL_PROFILE) });

    await fakeBrowser.storage.managed.set(policy);
    expect(await reclassifyPortalRecords()).toBe(1);
    const [counted] = await listRecords();
    expect(counted).toEqual({ ...kept, countsForCompliance: true, note: countingOutsideNote(UCL_PROFILE, 'nhs-trust.learnupon.com') });
    expect(await statusOf('Prevent at UCL')).toBe('current');
    expect(await reclassifyPortalRecords()).toBe(0);

    await fakeBrowser.storage.managed.clear();
    expect(await reclassifyPortalRecords()).toBe(1);
    expect(await listRecords()).toEqual([kept]);
    expect(await statusOf('Prevent at UCL')).toBe('not-completed');
  });
});

describe('coveredLink', () => {
  const page = new URL('https://ucl.learnupon.com/dashboard');
  it('keeps https links on LearnUpon and CybSafe only: no other scheme, host or the Microsoft sign-in pages', () => {
    expect(coveredLink('/enrollments/1/certificate', page)).toBe('https://ucl.learnupon.com/enrollments/1/certificate');
    expect(coveredLink('https://app.cybsafe.com/certificates/1.pdf', page)).toBe('https://app.cybsafe.com/certificates/1.pdf');
    for (const link of ['javascript:alert(1)', 'data:application/pdf;base64,JVBERi0=', 'http://ucl.learnupon.com/c.pdf', 'https://attacker.example/c.pdf', 'https://login.microsoftonline.com/c.pdf', 'https://u:p@ucl.learnupon.com/c.pdf', `/c?${'x'.repeat(2100)}`]) {
      expect(coveredLink(link, page), link).toBeNull();
    }
  });
});
