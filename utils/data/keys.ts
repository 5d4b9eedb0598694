// The names of everything the extension keeps, and the limits on what crosses from a page: written
// once here and used by the declarations (./stores.ts, ./meta.ts, ./local.ts, ./messages.ts) and by
// content scripts. No schema library and no browser API: content scripts import it.
import type { Site } from '@/utils/hosts';

/** The one IndexedDB database (utils/store/db.ts opens it). */
export const DB_NAME = 'mandatory-training-companion';

/** Every IndexedDB object store; each is declared in ./stores.ts. */
export const STORE_NAMES = ['records', 'evidence', 'problems', 'meta', 'teamReport', 'teamPeople', 'teamSettings', 'timeLog'] as const;
export type StoreName = (typeof STORE_NAMES)[number];

/** Keys of the `meta` store (small values beside the records); each is declared in ./meta.ts. */
export const META_KEYS = {
  recordsCache: 'records-cache',
  recordsBasis: 'records-basis',
  remindersSent: 'reminders-sent',
  person: 'person',
  collectFailures: 'collect-failures',
  timeLogAcceptedUntil: 'time-log-accepted-until',
  restoreCommitted: 'restore-committed',
  // The completion-issue flow (docs/contract.md, "Completion-issue flow"):
  sender: 'sender',
  collectRuns: 'collect-runs',
  departmentAddresses: 'department-addresses',
  captureFor: 'capture-for',
  schemaUpgrades: 'schema-upgrades',
  calendarState: 'calendar-state',
} as const;

/** `empty-page:<site>`: the last time a page of the organisation that should list courses showed none. */
export const EMPTY_PAGE_KEYS = { learnupon: 'empty-page:learnupon', cybsafe: 'empty-page:cybsafe' } as const satisfies Partial<Record<Site, string>>;

/** Keys of storage.local (settings and small state); each is declared in ./local.ts. */
export const LOCAL_KEYS = {
  profile: 'profile',
  timeLog: 'timeLog',
  dismissedAlerts: 'dismissed-alerts',
  restoreJournal: 'restore-journal',
  restoreOutcome: 'restore-outcome',
  sidePanelView: 'side-panel-view',
  policyCopy: 'policy-copy',
} as const;

/** Keys of storage.session; each is declared in ./session.ts. */
export const SESSION_KEYS = {
  contentView: 'content-view',
} as const;

/** The one key of each single-value Team store. */
export const TEAM_REPORT_KEY = 'current';
export const TEAM_MAPPING_KEY = 'mapping';

/** The side panel's connection to the active tab's content script while "What I read on this page" is open (./messages.ts). */
export const PAGE_READING_PORT = 'mtc-page-reading';

/** docs/contract.md, "Alerts": the kinds a content script may show, report and dismiss. */
export const ALERT_KINDS = ['wrong-account', 'sso-error', 'slow-connection', 'media-buffering', 'unsupported-browser', 'other-portal'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/**
 * Longest texts and lists a content script may send (the background refuses longer ones): a content
 * script trims to these before sending rather than lose the whole message.
 */
export const LIMITS = {
  title: 500,
  problemTitle: 300,
  url: 2000,
  enrollmentId: 50,
  readingsPerPage: 2000,
} as const;
