// Backup → wipe → restore gives back exactly what was there: every store (whatever stores the schema
// has), every blob byte for byte, and the settings.
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { DB_VERSION, openStore } from '@/utils/store/db';
import { applyRestore, createBackup, prepareRestore, takeSnapshot } from '@/utils/backup/store';
import { buildBackup, parseBackup, type Snapshot } from '@/utils/backup/format';
import { encodeValue, decodeValue, UnsupportedValueError } from '@/utils/backup/codec';
import { comparable } from '../fixtures/db/dump';
import { sampleRecord, samples } from '../fixtures/db/samples';
import { CUSTOM_PROFILE, everything, seedEverything, wipeEverything } from './helpers';

afterEach(wipeEverything);

describe('backup and restore', () => {
  it('backup → wipe → restore gives back everything, identical', async () => {
    await seedEverything();
    const before = await everything();
    const backup = await createBackup(new Date('2026-11-28T10:00:00Z'));
    expect(backup.fileName).toBe('mandatory-training-backup-2026-11-28.zip');

    await wipeEverything();
    expect(await everything()).not.toEqual(before);

    const prepared = await prepareRestore(backup.zip);
    const records = prepared.preview.find((r) => r.store === 'records')!;
    expect(records).toMatchObject({ label: 'Training records', now: 0, inBackup: samples().records!.length });
    expect(records.newestInBackup).toBe('2026-11-08T09:00:00.000Z');
    expect(prepared.preview[0]!.store).toBe('records');
    expect(prepared.profile).toEqual(CUSTOM_PROFILE);
    await applyRestore(prepared);
    expect(await everything()).toEqual(before);
  });

  it('includes every object store the database has, not a fixed list', async () => {
    await seedEverything();
    const db = await openStore();
    const snapshot = await takeSnapshot();
    expect(snapshot.schemaVersion).toBe(DB_VERSION);
    expect(snapshot.stores.map((s) => s.name).sort()).toEqual(Array.from(db.objectStoreNames).sort());
    const { zip } = await createBackup();
    const names = Object.keys(unzipSync(zip));
    for (const store of db.objectStoreNames) expect(names).toContain(`stores/${store}.json`);
  });

  it('restores over existing data: what the backup does not hold is gone, the rest is as backed up', async () => {
    await seedEverything();
    const before = await everything();
    const { zip } = await createBackup();
    // Later changes, replaced by the restore.
    const db = await openStore();
    await db.put('records', sampleRecord(99));
    await db.delete('evidence', (samples().evidence![0]!.value as { id: string }).id);
    await browser.storage.local.remove('profile');
    const prepared = await prepareRestore(zip);
    expect(prepared.preview.find((r) => r.store === 'records')).toMatchObject({ now: samples().records!.length + 1, inBackup: samples().records!.length });
    expect(prepared.preview.find((r) => r.store === 'evidence')).toMatchObject({ now: 1, inBackup: 2 });
    await applyRestore(prepared);
    expect(await everything()).toEqual(before);
  });

  it('a backup taken with the built-in settings restores the built-in settings', async () => {
    await seedEverything();
    await browser.storage.local.remove('profile');
    const { zip } = await createBackup();
    await browser.storage.local.set({ profile: CUSTOM_PROFILE });
    await applyRestore(await prepareRestore(zip));
    expect((await browser.storage.local.get('profile')).profile).toBeUndefined();
  });

  it('takes every setting in storage.local, and leaves passing state (dismissed alerts) alone', async () => {
    await seedEverything();
    await browser.storage.local.set({ 'dismissed-alerts': { 'https://x/|sso-error': 1 } });
    const { zip } = await createBackup();
    const prepared = await prepareRestore(zip);
    expect(prepared.settings).toEqual({ timeLog: { enabled: true, name: 'Alex Taylor' } });
    await browser.storage.local.set({ timeLog: { enabled: false, name: '' }, extra: 1, 'dismissed-alerts': { later: 2 } });
    await applyRestore(prepared);
    expect(await browser.storage.local.get(null)).toEqual({ profile: CUSTOM_PROFILE, timeLog: { enabled: true, name: 'Alex Taylor' }, 'dismissed-alerts': { later: 2 } });
  });

  it('restores an empty backup (a fresh install) as empty', async () => {
    const { zip } = await createBackup();
    await seedEverything();
    await applyRestore(await prepareRestore(zip));
    const stores = (await takeSnapshot()).stores;
    expect(stores.every((s) => s.entries.length === 0)).toBe(true);
  });

  it('brings a backup made at an older schema version up to date through the migrations', async () => {
    // A version-1 backup: only the stores migration 1 made.
    const data = samples();
    const v1: Snapshot = {
      schemaVersion: 1,
      profile: null,
      settings: {},
      stores: [
        { name: 'records', keyPath: 'id', autoIncrement: false, entries: data.records! },
        { name: 'evidence', keyPath: 'id', autoIncrement: false, entries: data.evidence! },
        { name: 'problems', keyPath: 'id', autoIncrement: true, entries: data.problems! },
        { name: 'meta', keyPath: null, autoIncrement: false, entries: data.meta! },
      ],
    };
    const { zip } = await buildBackup(v1, { createdAt: new Date('2025-01-01T00:00:00Z'), appName: 'x', appVersion: '0.0.1' });
    const prepared = await prepareRestore(zip);
    expect(prepared.schemaVersion).toBe(1);
    await applyRestore(prepared);
    const after = new Map((await takeSnapshot()).stores.map((s) => [s.name, s]));
    // In key order, as IndexedDB gives them back.
    const sorted = (s: Snapshot['stores'][number]) => [...s.entries].sort((a, b) => (String(keyAt(a, s)) < String(keyAt(b, s)) ? -1 : 1));
    const keyAt = (e: { key?: unknown; value: unknown }, s: Snapshot['stores'][number]) => (s.keyPath === null ? e.key : (e.value as Record<string, unknown>)[s.keyPath as string]);
    for (const s of v1.stores) expect(await comparable(after.get(s.name)!.entries)).toEqual(await comparable(sorted(s)));
    expect(after.size).toBe((await openStore()).objectStoreNames.length);
    // The scratch database used for the upgrade is gone.
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('mandatory-training-companion-restore-upgrade');
  });
});

describe('value codec', () => {
  const roundTrip = (value: unknown) => {
    const files: Uint8Array[] = [];
    const json = encodeValue(value, { add: (d) => (files.push(d instanceof Uint8Array ? d : new Uint8Array()), `files/${files.length}`) }, 'v');
    const text = JSON.stringify(json);
    return decodeValue(JSON.parse(text), (ref) => ({ bytes: files[Number(ref.split('/')[1]) - 1]! }));
  };

  it('keeps numbers JSON cannot, dates, bytes, undefined in lists, and objects that use our tag', () => {
    const value = { a: NaN, b: -0, c: Infinity, d: new Date('2026-01-02T03:04:05Z'), e: new Uint8Array([1, 2, 3]), f: [undefined, 1], g: { $mtc: 'blob', file: 'x' }, h: new Uint8Array([9]).buffer };
    const back = roundTrip(value) as typeof value;
    expect(back.a).toBeNaN();
    expect(Object.is(back.b, -0)).toBe(true);
    expect(back.c).toBe(Infinity);
    expect(back.d).toEqual(value.d);
    expect(back.e).toEqual(value.e);
    expect(back.f).toEqual([undefined, 1]);
    expect(back.g).toEqual({ $mtc: 'blob', file: 'x' });
    expect(new Uint8Array(back.h)).toEqual(new Uint8Array([9]));
  });

  it('refuses, by name, a value it cannot carry (rather than backing up something wrong)', () => {
    expect(() => encodeValue({ m: new Map() }, { add: () => '' }, 'meta #1')).toThrow(UnsupportedValueError);
    expect(() => encodeValue({ m: new Map() }, { add: () => '' }, 'meta #1')).toThrow(/meta #1\.m: a Map cannot be backed up/);
  });

  it('parses what it builds, for any store names', async () => {
    const snapshot: Snapshot = {
      schemaVersion: 7,
      profile: null,
      settings: {},
      stores: [{ name: 'some future store', keyPath: null, autoIncrement: false, entries: [{ key: ['a', 1], value: { blob: new Blob(['hi'], { type: 'text/plain' }) } }] }],
    };
    const { zip } = await buildBackup(snapshot, { createdAt: new Date(), appName: 'x', appVersion: '1' });
    const parsed = await parseBackup(zip, 7);
    expect(await comparable(parsed.stores)).toEqual(await comparable(snapshot.stores));
  });
});
