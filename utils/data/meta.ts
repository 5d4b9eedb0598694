// Every key of the `meta` store: small values kept beside the records, each with its schema and rules.
// Read and written only through utils/store/meta.ts (`readMeta`, `writeMeta`), which check them.
import { z } from '@/utils/zod';
import type { ValueDeclaration } from './declare';
import { EMPTY_PAGE_KEYS, META_KEYS } from './keys';
import { CompletionRecordSchema } from './record';

/**
 * Version of the rules that make `records-basis` (utils/renewal/basis.ts and the renewal rules it
 * keeps records for). Raise it whenever those rules change: every stored basis is then rebuilt on its
 * next read. tests/data/derived-versions.test.ts fails when the rules' output changes and this has not.
 */
export const RECORDS_BASIS_VERSION = 3;
/** Version of the records copy's layout; raise it if CompletionRecord changes shape. */
export const RECORDS_CACHE_VERSION = 1;

export const RecordsCacheSchema = z.object({ version: z.number(), records: z.array(CompletionRecordSchema) });
export type RecordsCache = z.infer<typeof RecordsCacheSchema>;

export const RecordsBasisSchema = z.object({ version: z.number(), count: z.number().check(z.int(), z.gte(0)), records: z.array(CompletionRecordSchema) });
export type RecordsBasis = z.infer<typeof RecordsBasisSchema>;

/** Who the sites say is signed in (the evidence email's sender); either may be unknown. */
export const PersonSchema = z.object({ name: z.nullable(z.string().check(z.maxLength(300))), email: z.nullable(z.string().check(z.maxLength(300))) });
export type SavedPerson = z.infer<typeof PersonSchema>;

/** Evidence the last collection could not get, and why (the pack's `missing` list). */
export const CollectFailuresSchema = z.array(z.object({ what: z.string().check(z.maxLength(1000)), reason: z.string().check(z.maxLength(2000)) })).check(z.maxLength(1000));
export type CollectFailures = z.infer<typeof CollectFailuresSchema>;

/** Reminder keys already notified (utils/renewal/reminders.ts `reminderKey`), so a restart never repeats one. */
export const RemindersSentSchema = z.array(z.string().check(z.maxLength(1000))).check(z.maxLength(100_000));

/**
 * The name and work email the user typed in the completion-issue flow; a field left null follows what
 * the sites show (`person`). Remembered for the next email.
 */
export const SenderSchema = z.object({ name: z.nullable(z.string().check(z.maxLength(300))), email: z.nullable(z.string().check(z.maxLength(300))) });
export type Sender = z.infer<typeof SenderSchema>;

const words = (max: number) => z.string().check(z.maxLength(max));

/** One collection from a site for the completion-issue flow: when, and what it could not get and why. */
export const SiteRunSchema = z.object({
  /** Epoch ms. A run within the last hour is reused rather than repeated (utils/evidence/flow-plan.ts). */
  at: z.number().check(z.int(), z.gte(0)),
  /** Whether the training history was asked for. */
  history: z.boolean(),
  /** Why the history file was not kept; null when it was, or was not asked for. */
  historyProblem: z.nullable(words(2000)),
  /** Catalogue courses whose certificate could not be kept, and why. */
  certificateProblems: z.array(z.object({ course: words(500), reason: words(2000) })).check(z.maxLength(500)),
});
export type SiteRun = z.infer<typeof SiteRunSchema>;
export const CollectRunsSchema = z.object({ learnupon: z.optional(SiteRunSchema), cybsafe: z.optional(SiteRunSchema) });
export type CollectRuns = z.infer<typeof CollectRunsSchema>;

/** Role-specific training: the department's address the evidence pack was last made for, per course (the FAQ). */
export const DepartmentAddressesSchema = z.record(words(500), words(300));
export type DepartmentAddresses = z.infer<typeof DepartmentAddressesSchema>;

/** The next page capture (popup or Alt+Shift+E) is evidence for this course, until `until` (epoch ms). */
export const CaptureForSchema = z.object({ course: z.string().check(z.minLength(1), z.maxLength(500)), until: z.number().check(z.int(), z.gte(0)) });
export type CaptureFor = z.infer<typeof CaptureForSchema>;

/** A page that should list courses showed none (the site may have changed); null once one did. */
export const EmptyPageSchema = z.nullable(z.object({ url: z.string().check(z.maxLength(2000)), at: z.string() }));
export type EmptyPage = z.infer<typeof EmptyPageSchema>;

/** The end (epoch ms) of the latest time-log slice accepted: a slice before it is a replay or an overlap. */
export const AcceptedUntilSchema = z.number().check(z.int(), z.gte(0));

/** Each upgrade of the database's schema, as it ran (utils/store/db.ts): from which version to which, when. */
export const SchemaUpgradesSchema = z.array(z.object({ from: z.number().check(z.int(), z.gte(0)), to: z.number().check(z.int(), z.gte(1)), at: z.string() })).check(z.maxLength(100));
export type SchemaUpgrades = z.infer<typeof SchemaUpgradesSchema>;

/** Written in the same transaction as a restore's stores: the restore with this id has replaced them. */
export const RestoreCommittedSchema = z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) });

/**
 * What the last calendar file held (utils/calendar/state.ts, `CalendarState`): the next file keeps the
 * same event UIDs with a higher SEQUENCE where an event changed, and the popup says when the file is out of date.
 */
const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
export const CalendarStateSchema = z.object({
  version: z.literal(1),
  exportedOn: Day,
  events: z.record(
    z.string().check(z.maxLength(300)),
    z.object({
      uid: z.string().check(z.maxLength(300)),
      sequence: z.number().check(z.int(), z.gte(0)),
      kind: z.enum(['renew', 'overdue', 'not-completed']),
      date: Day,
      due: z.nullable(Day),
      title: z.string().check(z.maxLength(400)),
      active: z.boolean(),
    }),
  ),
});

const emptyPage: ValueDeclaration<typeof EmptyPageSchema> = {
  schema: EmptyPageSchema,
  writers: ['background'],
  backup: 'carried',
  words: { plural: 'Notes that a site showed no courses', one: 'note that a site showed no courses' },
};

export const META = {
  [META_KEYS.recordsCache]: {
    schema: RecordsCacheSchema,
    writers: ['background', 'pages'],
    backup: 'derived',
    version: RECORDS_CACHE_VERSION,
    words: { plural: 'Copy of the training records (rebuilt)', one: 'copy of the training records' },
  },
  [META_KEYS.recordsBasis]: {
    schema: RecordsBasisSchema,
    writers: ['background', 'pages'],
    backup: 'derived',
    version: RECORDS_BASIS_VERSION,
    words: { plural: 'Records behind the course dates (rebuilt)', one: 'summary of the records' },
  },
  [META_KEYS.remindersSent]: {
    schema: RemindersSentSchema,
    writers: ['background'],
    backup: 'carried',
    words: { plural: 'Reminders already sent', one: 'list of reminders sent' },
  },
  [META_KEYS.person]: {
    schema: PersonSchema,
    // The background keeps what each LearnUpon or CybSafe page shows (`save-account`); pages, what a collection read.
    writers: ['pages', 'background'],
    backup: 'carried',
    words: { plural: 'Your name and email as the sites show them', one: 'name and email' },
  },
  [META_KEYS.collectFailures]: {
    schema: CollectFailuresSchema,
    writers: ['pages'],
    backup: 'carried',
    words: { plural: 'Evidence that could not be collected', one: 'list of evidence not collected' },
  },
  [EMPTY_PAGE_KEYS.learnupon]: emptyPage,
  [EMPTY_PAGE_KEYS.cybsafe]: emptyPage,
  [META_KEYS.timeLogAcceptedUntil]: {
    schema: AcceptedUntilSchema,
    writers: ['background'],
    backup: 'device',
    words: { plural: 'Time log: latest time counted', one: 'latest time counted' },
  },
  [META_KEYS.restoreCommitted]: {
    schema: RestoreCommittedSchema,
    writers: ['pages', 'background'],
    backup: 'device',
    words: { plural: 'Restore in progress', one: 'restore in progress' },
  },
  [META_KEYS.sender]: {
    schema: SenderSchema,
    writers: ['pages'],
    backup: 'carried',
    words: { plural: 'Your name and email as you typed them for the evidence email', one: 'name and email you typed' },
  },
  [META_KEYS.collectRuns]: {
    schema: CollectRunsSchema,
    writers: ['pages'],
    backup: 'device',
    words: { plural: 'When evidence was last collected from each site', one: 'last collection' },
  },
  [META_KEYS.departmentAddresses]: {
    schema: DepartmentAddressesSchema,
    writers: ['pages'],
    backup: 'carried',
    words: { plural: 'Department addresses for role-specific training', one: 'department address' },
  },
  [META_KEYS.captureFor]: {
    schema: CaptureForSchema,
    writers: ['pages', 'background'],
    backup: 'device',
    words: { plural: 'Course the next page capture is for', one: 'course for the next capture' },
  },
  [META_KEYS.schemaUpgrades]: {
    schema: SchemaUpgradesSchema,
    writers: ['pages', 'background'],
    backup: 'device',
    words: { plural: 'Database upgrades done on this computer', one: 'list of database upgrades' },
  },
  [META_KEYS.calendarState]: {
    schema: CalendarStateSchema,
    writers: ['pages'],
    backup: 'carried',
    words: { plural: 'What your last calendar file held', one: 'calendar file record' },
  },
} as const satisfies Record<string, ValueDeclaration>;

export type MetaKey = keyof typeof META;
export type MetaValue<K extends MetaKey> = z.infer<(typeof META)[K]['schema']>;

export function isMetaKey(key: unknown): key is MetaKey {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(META, key);
}
