// The extension's IndexedDB: one database, versioned, with an ordered list of migrations.
// Opened only from the extension's own origin (background and extension pages); content scripts
// run in the page's origin, so they reach records through messages, never directly.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { CompletionRecord } from '@/utils/data/record';
import type { EvidenceItem } from '@/utils/data/evidence';
import type { ProblemLogEntry } from '@/utils/data/problem';
import type { PersonMark, StoredTeamReport } from '@/utils/data/team';
import type { TimeEntry } from '@/utils/data/time-log';
import { DB_NAME } from '@/utils/data/keys';

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

let opening: Promise<IDBPDatabase<MtcSchema>> | null = null;

export function openStore(name = DB_NAME): Promise<IDBPDatabase<MtcSchema>> {
  if (name !== DB_NAME) return openAt(name);
  opening ??= openAt(name).catch((error) => {
    opening = null;
    throw error;
  });
  return opening;
}

function openAt(name: string): Promise<IDBPDatabase<MtcSchema>> {
  return openDB<MtcSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < DB_VERSION; v++) MIGRATIONS[v]!(db, tx);
    },
    blocking() {
      // A newer version (extension update) wants the database: let it have it.
      void opening?.then((db) => db.close());
      opening = null;
    },
  });
}

/** For tests: forget the shared connection. */
export async function closeStore(): Promise<void> {
  const db = await opening?.catch(() => null);
  db?.close();
  opening = null;
}
