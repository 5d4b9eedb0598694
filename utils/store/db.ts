// The extension's IndexedDB: one database, versioned, with an ordered list of migrations.
// Opened only from the extension's own origin (background and extension pages); content scripts
// run in the page's origin, so they reach records through messages, never directly.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { CompletionRecord } from '@/utils/data/record';
import type { EvidenceItem } from '@/utils/data/evidence';
import type { ProblemLogEntry } from '@/utils/data/problem';
import type { PersonMark, StoredTeamReport } from '@/utils/data/team';
import type { TimeEntry } from '@/utils/data/time-log';
import { DB_NAME, META_KEYS } from '@/utils/data/keys';
import type { SchemaUpgrades } from '@/utils/data/meta';

export { DB_NAME };
// The stored shapes are declared in utils/data/ (one definition each); named here for the store's callers.
export type { EvidenceItem, ProblemLogEntry };

/**
 * The stores as idb's typed schema. What each holds, who writes it and what a backup does with it is
 * declared in utils/data/stores.ts; tests/data/declared.test.ts checks the two agree.
 */
export interface MtcSchema extends DBSchema {
  records: { key: string; value: CompletionRecord; indexes: { course: string } };
  evidence: { key: string; value: EvidenceItem; indexes: { course: string; kind: string } };
  /** The id is given by IndexedDB on add (auto-increment). */
  problems: { key: number; value: Omit<ProblemLogEntry, 'id'> & { id?: number }; indexes: { at: string } };
  /** Keyed values, each declared in utils/data/meta.ts: read and written through utils/store/meta.ts only. */
  meta: { key: string; value: unknown };
  teamReport: { key: string; value: StoredTeamReport };
  teamPeople: { key: string; value: PersonMark };
  /** Parsed on read (utils/team/store.ts). */
  teamSettings: { key: string; value: unknown };
  timeLog: { key: string; value: TimeEntry; indexes: { day: string } };
}

type UpgradeTx = IDBPTransaction<MtcSchema, StoreNames<MtcSchema>[], 'versionchange'>;

/** Migration N takes the database from version N-1 to N. Append only; never edit a shipped one. */
export const MIGRATIONS: ((db: IDBPDatabase<MtcSchema>, tx: UpgradeTx) => void)[] = [
  // 1: records, evidence blobs, the troubleshooting log, and small settings.
  (db) => {
    const records = db.createObjectStore('records', { keyPath: 'id' });
    records.createIndex('course', 'course');
    const evidence = db.createObjectStore('evidence', { keyPath: 'id' });
    evidence.createIndex('course', 'course');
    evidence.createIndex('kind', 'kind');
    const problems = db.createObjectStore('problems', { keyPath: 'id', autoIncrement: true });
    problems.createIndex('at', 'at');
    db.createObjectStore('meta');
  },
  // 2: the Team page's report and marks, and the PGTA time log (separate stores, deletable on their own).
  (db) => {
    db.createObjectStore('teamReport');
    db.createObjectStore('teamPeople', { keyPath: 'person' });
    db.createObjectStore('teamSettings');
    db.createObjectStore('timeLog', { keyPath: 'id' }).createIndex('day', 'day');
  },
];

export const DB_VERSION = MIGRATIONS.length;

/**
 * The database was written by a newer version of the extension (an update rolled back, or a profile
 * copied from a newer install): this version cannot read it, so it reads nothing and writes nothing, and
 * every page says so rather than showing an empty list or offering to start again.
 */
export class NewerDataError extends Error {
  constructor(readonly found: number | null) {
    super(
      'Your training records were saved by a newer version of Mandatory Training Companion than this one, so this version cannot show them. ' +
        'Nothing has been changed or deleted. Update the extension (on chrome://extensions, or ask whoever installed it) and they will be back.',
    );
    this.name = 'NewerDataError';
  }
}

/** The version the database is at now, if the browser says (Chromium does). */
async function versionOnDisk(name: string): Promise<number | null> {
  try {
    return (await indexedDB.databases()).find((d) => d.name === name)?.version ?? null;
  } catch {
    return null;
  }
}

let opening: Promise<IDBPDatabase<MtcSchema>> | null = null;

export function openStore(name = DB_NAME): Promise<IDBPDatabase<MtcSchema>> {
  if (name !== DB_NAME) return openAt(name);
  opening ??= openAt(name).catch((error) => {
    opening = null;
    throw error;
  });
  return opening;
}

async function openAt(name: string): Promise<IDBPDatabase<MtcSchema>> {
  return openDB<MtcSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < DB_VERSION; v++) MIGRATIONS[v]!(db, tx);
      // Each upgrade notes itself in the same transaction (meta `schema-upgrades`): it happened exactly
      // once, or not at all (tests/e2e/migration.test.ts counts them across restarts).
      const meta = tx.objectStore('meta');
      void meta.get(META_KEYS.schemaUpgrades).then((held) => {
        const upgrades = (Array.isArray(held) ? held : []) as SchemaUpgrades;
        return meta.put([...upgrades, { from: oldVersion, to: DB_VERSION, at: new Date().toISOString() }].slice(-100), META_KEYS.schemaUpgrades);
      });
    },
    blocking() {
      // A newer version (extension update) wants the database: let it have it.
      void opening?.then((db) => db.close());
      opening = null;
    },
  }).catch(async (error: unknown) => {
    if (error instanceof DOMException && error.name === 'VersionError') throw new NewerDataError(await versionOnDisk(name));
    throw error;
  });
}

/** For tests: forget the shared connection. */
export async function closeStore(): Promise<void> {
  const db = await opening?.catch(() => null);
  db?.close();
  opening = null;
}

/** Whether this version can use the database: `newer` when a newer version saved it (`NewerDataError`). */
export async function databaseState(): Promise<'ok' | 'newer'> {
  try {
    await openStore();
    return 'ok';
  } catch (error) {
    if (error instanceof NewerDataError) return 'newer';
    throw error;
  }
}
