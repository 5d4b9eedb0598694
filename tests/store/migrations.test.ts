// Every past schema version has a fixture database (tests/fixtures/db/v<N>.json, made when version N
// was current). Each is written into IndexedDB at its own version, then opened with today's code: the
// migrations must bring it up to date without losing or changing anything it held.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, MIGRATIONS, NewerDataError, closeStore, openStore } from '@/utils/store/db';
import { META_KEYS } from '@/utils/data/keys';
import { openAtVersion, readAllStores } from '@/utils/backup/store';
import { listRecords } from '@/utils/store/records';
import { listEvidence } from '@/utils/store/evidence';
import { CompletionRecordSchema } from '@/utils/data/record';
import { EvidenceItemSchema } from '@/utils/data/evidence';
import { checkStore } from '@/utils/backup/checks';
import { comparable, loadStores, type FixtureFile } from '../fixtures/db/dump';
import { deleteTestDatabase } from '../fixtures/db/wipe';

const DIR = join(__dirname, '../fixtures/db');
const fixtureVersions = readdirSync(DIR)
  .map((f) => /^v(\d+)\.json$/.exec(f)?.[1])
  .filter((v): v is string => v !== undefined)
  .map(Number)
  .sort((a, b) => a - b);

function readFixture(version: number): FixtureFile {
  return JSON.parse(readFileSync(join(DIR, `v${version}.json`), 'utf8')) as FixtureFile;
}

afterEach(deleteTestDatabase);

describe('schema migrations', () => {
  it('has a fixture database for every past schema version', () => {
    for (let v = 1; v < DB_VERSION; v++) {
      expect(existsSync(join(DIR, `v${v}.json`)), `no fixture for schema version ${v}: run \`node --import tsx tests/fixtures/db/make.ts ${v}\` before adding migration ${v + 1}`).toBe(true);
    }
    expect(Math.max(...fixtureVersions)).toBeLessThanOrEqual(DB_VERSION);
  });

  it.each(fixtureVersions)('a database at version %i opens with the current code and keeps everything', async (version) => {
    const fixture = readFixture(version);
    expect(fixture.schemaVersion).toBe(version);
    const stores = loadStores(fixture);

    // The database as that version left it, built from the migration list up to that version.
    const old = await openAtVersion(DB_NAME, version);
    expect(Array.from(old.objectStoreNames).sort()).toEqual(stores.map((s) => s.name).sort());
    const tx = old.transaction(Array.from(old.objectStoreNames), 'readwrite');
    for (const s of stores) {
      const os = tx.objectStore(s.name as never);
      for (const e of s.entries) void (s.keyPath === null ? os.put(e.value as never, e.key as never) : os.put(e.value as never));
    }
    await tx.done;
    old.close();

    // Today's code opens it: the migrations after `version` run.
    const db = await openStore();
    expect(db.version).toBe(DB_VERSION);
    const now = new Map((await readAllStores(db)).map((s) => [s.name, s]));
    // The upgrade noted itself once, in its own transaction (utils/store/db.ts), beside what was held;
    // a database already at this version is not upgraded at all.
    const upgrades = now.get('meta')!.entries.filter((e) => e.key === META_KEYS.schemaUpgrades);
    expect(upgrades.map((e) => (e.value as { from: number; to: number }[]).map(({ from, to }) => ({ from, to })))).toEqual(version < DB_VERSION ? [[{ from: version, to: DB_VERSION }]] : []);
    for (const s of stores) {
      const after = now.get(s.name);
      expect(after, `store ${s.name} is gone`).toBeDefined();
      expect(after!.keyPath).toEqual(s.keyPath);
      const entries = s.name === 'meta' ? after!.entries.filter((e) => e.key !== META_KEYS.schemaUpgrades) : after!.entries;
      expect(await comparable(entries), `store ${s.name} changed`).toEqual(await comparable(s.entries));
      // Still valid for today's readers and today's backup checks.
      expect(checkStore(after!)).toBeNull();
    }

    // And the app's own readers see it.
    const records = await listRecords();
    expect(records.length).toBe(stores.find((s) => s.name === 'records')!.entries.length);
    for (const r of records) expect(CompletionRecordSchema.safeParse(r).success).toBe(true);
    const evidence = await listEvidence();
    for (const item of evidence) {
      expect(EvidenceItemSchema.safeParse(item).success).toBe(true);
      expect((await item.data.arrayBuffer()).byteLength).toBe(item.size);
    }
  });

  it('an upgrade runs once: opening the database again, as every start does, upgrades nothing more', async () => {
    const first = await openStore();
    const log = await first.get('meta', META_KEYS.schemaUpgrades);
    expect((log as { from: number; to: number }[]).map(({ from, to }) => ({ from, to }))).toEqual([{ from: 0, to: DB_VERSION }]);
    for (let start = 0; start < 3; start++) {
      await closeStore();
      expect(await (await openStore()).get('meta', META_KEYS.schemaUpgrades)).toEqual(log);
    }
  });
});

describe('a database newer than this version', () => {
  it('is refused with words saying so, and nothing in it is changed or deleted', async () => {
    // What a later version would leave: one more version, a store this one does not know, and records.
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, DB_VERSION + 1);
      req.onupgradeneeded = () => {
        for (let v = 0; v < DB_VERSION; v++) MIGRATIONS[v]!(req.result as never, req.transaction as never);
        req.result.createObjectStore('later');
        req.transaction!.objectStore('later').put({ kept: true }, 'k');
        req.transaction!.objectStore('records').put({ id: 'r1', course: 'UCL Fire Safety', shape: 'of a later version' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    newer.close();
    const before = await dumpRaw();

    const refused = await openStore().then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(NewerDataError);
    expect((refused as Error).message).toMatch(/newer version of Mandatory Training Companion/);
    expect((refused as Error).message).toMatch(/Nothing has been changed or deleted\. Update the extension/);
    // Every reader says the same, and nothing is written on the way.
    await expect(listRecords()).rejects.toBeInstanceOf(NewerDataError);
    await expect(listEvidence()).rejects.toBeInstanceOf(NewerDataError);
    expect(await dumpRaw()).toEqual(before);
  });
});

/** The database as it is on disk, opened at whatever version it has (no upgrade). */
async function dumpRaw(): Promise<{ version: number; stores: Record<string, unknown[]> }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const stores: Record<string, unknown[]> = {};
  for (const name of Array.from(db.objectStoreNames)) {
    stores[name] = await new Promise((resolve) => {
      const req = db.transaction(name).objectStore(name).getAll();
      req.onsuccess = () => resolve(req.result);
    });
  }
  db.close();
  return { version: db.version, stores };
}
