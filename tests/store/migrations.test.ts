// Every past schema version has a fixture database (tests/fixtures/db/v<N>.json, made when version N
// was current). Each is written into IndexedDB at its own version, then opened with today's code: the
// migrations must bring it up to date without losing or changing anything it held.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, openStore } from '@/utils/store/db';
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
    for (const s of stores) {
      const after = now.get(s.name);
      expect(after, `store ${s.name} is gone`).toBeDefined();
      expect(after!.keyPath).toEqual(s.keyPath);
      expect(await comparable(after!.entries), `store ${s.name} changed`).toEqual(await comparable(s.entries));
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
});
