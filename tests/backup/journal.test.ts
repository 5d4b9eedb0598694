// A restore is all or nothing across IndexedDB and storage.local, even when the settings page goes away
// half-way (utils/backup/journal.ts). Before, the settings were written first and the stores second:
// closing the tab between them left the backup's profile over the old records, with no message.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyRestore, createBackup, prepareRestore } from '@/utils/backup/store';
import { beginRestore, recoverRestore, restoreOutcomeText, takeRestoreOutcome } from '@/utils/backup/journal';
import { openStore } from '@/utils/store/db';
import { sampleRecord } from '../fixtures/db/samples';
import { CUSTOM_PROFILE, everything, seedEverything, wipeEverything } from './helpers';

let backup: Uint8Array;
let backedUp: unknown;
let before: unknown;

beforeEach(async () => {
  await seedEverything();
  backedUp = await everything();
  backup = (await createBackup(new Date('2026-11-28T10:00:00Z'))).zip;
  // Changed since the backup, in the stores and in the settings.
  await (await openStore()).put('records', sampleRecord(42, { course: 'Prevent at UCL' }));
  await browser.storage.local.set({ profile: { ...CUSTOM_PROFILE, organisation: 'Changed since' }, timeLog: { enabled: false, name: 'Changed' } });
  before = await everything();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await wipeEverything();
});

/** The page goes away at the first storage.local write after the stores are in: that write never happens. */
function pageClosesBeforeTheSettings(): void {
  const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
  vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    if ('profile' in items) throw new Error('the page was closed');
    return set(items);
  });
}

describe('a restore cut short', () => {
  it('after the stores were replaced: the next start finishes it, and says so', async () => {
    pageClosesBeforeTheSettings();
    await expect(applyRestore(await prepareRestore(backup), 'my-backup.zip')).rejects.toThrow(/records and evidence are restored, but the settings could not be put in place yet \(the page was closed\)/);
    vi.restoreAllMocks();
    // Half-done: the backup's records, the old settings. (What the old code left behind, for good.)
    expect(await everything()).not.toEqual(backedUp);

    const outcome = await recoverRestore(new Date('2026-11-29T08:00:00Z'));
    expect(outcome).toEqual({ outcome: 'finished', fileName: 'my-backup.zip', at: '2026-11-29T08:00:00.000Z' });
    const taken = await takeRestoreOutcome();
    expect(taken && restoreOutcomeText(taken)).toMatch(/restore of “my-backup\.zip” was interrupted .* It has now been finished: everything is as in that backup/);
    expect(await takeRestoreOutcome()).toBeNull(); // said once
    expect(await everything()).toEqual(backedUp);
  });

  it('before the stores were replaced: the next start undoes it (nothing had changed), and says so', async () => {
    // The page went away right after the journal was written.
    await beginRestore('my-backup.zip', { profile: CUSTOM_PROFILE });
    const outcome = await recoverRestore();
    expect(outcome?.outcome).toBe('undone');
    expect(restoreOutcomeText((await takeRestoreOutcome())!)).toMatch(/interrupted before it changed anything\. Nothing was restored: everything is as it was before/);
    expect(await everything()).toEqual(before);
  });

  it('a restore that runs to the end leaves no journal, no mark and no message', async () => {
    await applyRestore(await prepareRestore(backup), 'my-backup.zip');
    expect(await everything()).toEqual(backedUp);
    expect(await recoverRestore()).toBeNull();
    expect(await takeRestoreOutcome()).toBeNull();
  });

  it('the next start with nothing half-done changes nothing', async () => {
    expect(await recoverRestore()).toBeNull();
    expect(await everything()).toEqual(before);
  });
});

describe('a backup holds only what can be restored', () => {
  it('an entry its declaration refuses is left out, and the result says which and why', async () => {
    await (await openStore()).put('timeLog', { id: 'x', day: 'not a day', course: 'UCL Fire Safety', trackedMs: 1, correctedMs: null, updatedAt: '' });
    const made = await createBackup();
    expect(made.leftOut).toEqual([expect.stringMatching(/^time log entry: day: /)]);
    await expect(prepareRestore(made.zip)).resolves.toBeDefined();
  });
});
