// Every key of storage.local: settings and small state, each with its schema and rules. Read and
// written only through utils/store/local.ts (`readLocal`, `writeLocal`), by the background and the
// extension's pages. Content scripts never touch it: the background calls
// `storage.local.setAccessLevel('TRUSTED_CONTEXTS')` (entrypoints/background.ts), and they ask it instead.
import { z } from '@/utils/zod';
import type { ValueDeclaration } from './declare';
import { LOCAL_KEYS } from './keys';
import { ProfileSchema } from './profile';
import { TimeLogSettingsSchema } from './time-log';

/** Per page and alert kind (`<origin><path>|<kind>`), when it was dismissed (epoch ms): it stays quiet there for a day. */
export const DismissedAlertsSchema = z.record(z.string().check(z.maxLength(2200)), z.number());
export type DismissedAlerts = z.infer<typeof DismissedAlertsSchema>;

/**
 * A restore under way (utils/backup/journal.ts): written before anything is replaced, removed when all of
 * it is. Holds the storage.local values the restore puts in place, so a restore cut short (the settings
 * tab closed half-way) can be finished on the next start, or known not to have changed anything.
 */
export const RestoreJournalSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  fileName: z.string().check(z.maxLength(500)),
  startedAt: z.string(),
  /** Every carried storage.local key after the restore; a key left out is removed. */
  settings: z.record(z.string().check(z.maxLength(200)), z.unknown()),
});
export type RestoreJournal = z.infer<typeof RestoreJournalSchema>;

/** What became of a restore that was cut short, for the settings page to say once. */
export const RestoreOutcomeSchema = z.object({
  outcome: z.enum(['finished', 'undone']),
  fileName: z.string().check(z.maxLength(500)),
  at: z.string(),
});
export type RestoreOutcome = z.infer<typeof RestoreOutcomeSchema>;

/** The side panel's task last shown (Courses, Evidence, Help), opened again next time. */
export const SidePanelViewSchema = z.enum(['courses', 'evidence', 'help']);
export type SidePanelView = z.infer<typeof SidePanelViewSchema>;

/**
 * The organisation's policy as Chrome last gave it (utils/store/policy.ts), unchecked like the original:
 * Chrome answers managed storage only seconds after it starts, and pages and badges must not wait.
 */
export const PolicyCopySchema = z.record(z.string().check(z.maxLength(200)), z.unknown());

export const LOCAL = {
  [LOCAL_KEYS.profile]: {
    schema: ProfileSchema,
    writers: ['pages', 'restore'],
    backup: 'carried',
    words: { plural: 'Settings (organisation, courses)', one: 'settings' },
  },
  [LOCAL_KEYS.timeLog]: {
    schema: TimeLogSettingsSchema,
    writers: ['pages', 'restore'],
    backup: 'carried',
    words: { plural: 'Time log settings', one: 'time log setting' },
  },
  [LOCAL_KEYS.dismissedAlerts]: {
    schema: DismissedAlertsSchema,
    writers: ['background'],
    backup: 'device',
    words: { plural: 'Alerts dismissed for a day', one: 'dismissed alert' },
  },
  [LOCAL_KEYS.restoreJournal]: {
    schema: RestoreJournalSchema,
    writers: ['pages', 'background'],
    backup: 'device',
    words: { plural: 'Restore in progress', one: 'restore in progress' },
  },
  [LOCAL_KEYS.restoreOutcome]: {
    schema: RestoreOutcomeSchema,
    writers: ['pages', 'background'],
    backup: 'device',
    words: { plural: 'Outcome of an interrupted restore', one: 'restore outcome' },
  },
  [LOCAL_KEYS.sidePanelView]: {
    schema: SidePanelViewSchema,
    writers: ['pages'],
    backup: 'device',
    words: { plural: 'Side panel view last shown', one: 'side panel view' },
  },
  [LOCAL_KEYS.policyCopy]: {
    schema: PolicyCopySchema,
    writers: ['background'],
    backup: 'device',
    words: { plural: 'Your organisation’s settings, as last read', one: 'copy of your organisation’s settings' },
  },
} as const satisfies Record<string, ValueDeclaration>;

export type LocalKey = keyof typeof LOCAL;
export type LocalValue<K extends LocalKey> = z.infer<(typeof LOCAL)[K]['schema']>;

export function isLocalKey(key: unknown): key is LocalKey {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(LOCAL, key);
}

/** The storage.local keys a backup carries. */
export const CARRIED_LOCAL_KEYS = (Object.keys(LOCAL) as LocalKey[]).filter((k) => LOCAL[k].backup === 'carried');
