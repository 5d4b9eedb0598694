// Every IndexedDB object store, declared once: its key, indexes, the schema of its values, who writes
// it, what a backup does with it, and the words the restore preview uses. utils/store/db.ts creates
// them (MIGRATIONS); tests/data/declared.test.ts checks that what the migrations make is exactly this.
import type { StoreDeclaration } from './declare';
import { EvidenceItemSchema } from './evidence';
import { STORE_NAMES, TEAM_MAPPING_KEY, TEAM_REPORT_KEY, type StoreName } from './keys';
import { META } from './meta';
import { ProblemLogEntrySchema } from './problem';
import { CompletionRecordSchema } from './record';
import { PersonMarkSchema, SavedMappingSchema, StoredTeamReportSchema } from './team';
import { TimeEntrySchema } from './time-log';

export const STORES = {
  records: {
    keyPath: 'id',
    autoIncrement: false,
    indexes: { course: 'course' },
    since: 1,
    schema: CompletionRecordSchema,
    writers: ['background', 'pages', 'restore'],
    backup: 'carried',
    words: { plural: 'Training records', one: 'training record' },
  },
  evidence: {
    keyPath: 'id',
    autoIncrement: false,
    indexes: { course: 'course', kind: 'kind' },
    since: 1,
    schema: EvidenceItemSchema,
    writers: ['background', 'pages', 'restore'],
    backup: 'carried',
    words: { plural: 'Evidence files (certificates, screenshots, history files)', one: 'evidence file' },
  },
  problems: {
    keyPath: 'id',
    autoIncrement: true,
    indexes: { at: 'at' },
    since: 1,
    schema: ProblemLogEntrySchema,
    writers: ['background', 'restore'],
    backup: 'carried',
    words: { plural: 'Troubleshooting log entries', one: 'troubleshooting log entry' },
  },
  meta: {
    keyPath: null,
    autoIncrement: false,
    indexes: {},
    since: 1,
    keys: META,
    words: { plural: 'Saved details (your name and email, reminders sent)', one: 'saved detail' },
  },
  /** A line manager's imported compliance report, apart from their own records. */
  teamReport: {
    keyPath: null,
    autoIncrement: false,
    indexes: {},
    since: 2,
    keys: {
      [TEAM_REPORT_KEY]: {
        schema: StoredTeamReportSchema,
        writers: ['pages', 'restore'],
        backup: 'carried',
        words: { plural: 'Team compliance report', one: 'team report' },
      },
    },
    words: { plural: 'Team compliance report', one: 'team report' },
  },
  /** The manager's own marks: who is on leave or not working now. */
  teamPeople: {
    keyPath: 'person',
    autoIncrement: false,
    indexes: {},
    since: 2,
    schema: PersonMarkSchema,
    writers: ['pages', 'restore'],
    backup: 'carried',
    words: { plural: 'Team marks (on leave, not working)', one: 'team mark' },
  },
  /** Team page settings (the column mapping). */
  teamSettings: {
    keyPath: null,
    autoIncrement: false,
    indexes: {},
    since: 2,
    keys: {
      [TEAM_MAPPING_KEY]: {
        schema: SavedMappingSchema,
        writers: ['pages', 'restore'],
        backup: 'carried',
        words: { plural: 'Team page settings', one: 'team setting' },
      },
    },
    words: { plural: 'Team page settings', one: 'team setting' },
  },
  /** The PGTA time log, per course and London day. */
  timeLog: {
    keyPath: 'id',
    autoIncrement: false,
    indexes: { day: 'day' },
    since: 2,
    schema: TimeEntrySchema,
    writers: ['background', 'pages', 'restore'],
    backup: 'carried',
    words: { plural: 'Training time log entries', one: 'time log entry' },
  },
} as const satisfies Record<StoreName, StoreDeclaration>;

/** The declaration of a store name found in a database or a backup, or undefined for one not declared. */
export function storeDeclaration(name: string): StoreDeclaration | undefined {
  return (STORE_NAMES as readonly string[]).includes(name) ? STORES[name as StoreName] : undefined;
}

export function storeWords(name: string): { plural: string; one: string } {
  return storeDeclaration(name)?.words ?? { plural: `Other data (${name})`, one: `${name} entry` };
}
