// The extension's IndexedDB: one database, versioned, with an ordered list of migrations.
// Opened only from the extension's own origin (background and extension pages); content scripts
// run in the page's origin, so they reach records through messages, never directly.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { CompletionRecord } from '@/utils/records';
import type { PersonMark, StoredTeamReport } from '@/utils/team/types';
import type { TimeEntry } from '@/utils/timelog/types';

export const DB_NAME = 'mandatory-training-companion';

export interface EvidenceItem {
  id: string;
  kind: 'certificate' | 'screenshot' | 'history' | 'other';
  course: string | null;
  completedOn: string | null;
  name: string;
  contentType: string;
  size: number;
  sourceUrl: string;
  addedAt: string;
  /** MyLearning, Moodle or NHS evidence: kept, but left out of the email unless ticked. */
  countsForCompliance: boolean;
  data: Blob;
}

export interface ProblemLogEntry {
  id?: number;
  at: string;
  kind: string;
  title: string;
  pageUrl: string;
}

export interface MtcSchema extends DBSchema {
  records: { key: string; value: CompletionRecord; indexes: { course: string } };
  evidence: { key: string; value: EvidenceItem; indexes: { course: string; kind: string } };
  problems: { key: number; value: ProblemLogEntry; indexes: { at: string } };
  meta: { key: string; value: unknown };
  /** A line manager's imported compliance report (key `current`), apart from their own records. */
  teamReport: { key: string; value: StoredTeamReport };
  /** The manager's own marks: who is on leave or not working now. */
  teamPeople: { key: string; value: PersonMark };
  /** Team page settings (the column mapping), parsed on read. */
  teamSettings: { key: string; value: unknown };
  /** The PGTA time log, per course and London day. */
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
