// The thin part that touches storage: read every object store (and the settings) into a snapshot,
// and write a checked backup back in one IndexedDB transaction — all or nothing.
// Generic over the stores: it reads whatever stores the database has, so a store added by a later
// migration is backed up and restored with no change here.
import { browser } from 'wxt/browser';
import { deleteDB, openDB, type IDBPDatabase, type StoreNames } from 'idb';
import { ProfileSchema } from '@/utils/catalogue/profile';
import { DB_NAME, DB_VERSION, MIGRATIONS, openStore, type MtcSchema } from '@/utils/store/db';
import { isQuotaError } from '@/utils/store/quota';
import { DERIVED_RECORD_KEYS } from '@/utils/store/records';
import { PROFILE_KEY } from '@/utils/store/profile';
import { checkStore, storeWords } from './checks';
import { backupFileName, buildBackup, BackupError, parseBackup, type Snapshot, type StoreDump } from './format';

/** storage.local keys that are passing state, not the user's data: neither backed up nor replaced. */
const TRANSIENT_SETTINGS = ['dismissed-alerts'];
export const RESTORE_NO_ROOM =
  'There is not enough storage space to restore this backup, so nothing was changed: everything you had is still here. Free some disk space, then try again.';
const APP_NAME = 'Mandatory Training Companion';
/** Where an older backup is brought up to this version's schema before it is checked. */
export const UPGRADE_DB_NAME = `${DB_NAME}-restore-upgrade`;

type Db = IDBPDatabase<MtcSchema>;
type Name = StoreNames<MtcSchema>;

/** Opens (or creates) a database at `version`, running the migrations up to that version only. */
export function openAtVersion(name: string, version: number): Promise<Db> {
  return openDB<MtcSchema>(name, version, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < version; v++) MIGRATIONS[v]!(db, tx);
    },
  });
}

/** Every store's entries, read in one transaction: a consistent picture even while pages write. */
export async function readAllStores(db: Db): Promise<StoreDump[]> {
  const names = Array.from(db.objectStoreNames) as Name[];
  if (!names.length) return [];
  const tx = db.transaction(names, 'readonly');
  const stores = await Promise.all(
    names.map(async (name) => {
      const store = tx.objectStore(name);
      const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()]);
      const keyPath = store.keyPath as string | string[] | null;
      return {
        name: name as string,
        keyPath,
        autoIncrement: store.autoIncrement,
        entries: values.map((value, i) => (keyPath === null ? { key: keys[i], value } : { value })),
      };
    }),
  );
  await tx.done;
  return stores;
}

/** Copies the extension rebuilds by itself: left out of backups, and dropped from any backup that has them. */
const DERIVED: { store: string; key: string }[] = DERIVED_RECORD_KEYS.map((key) => ({ store: 'meta', key }));

export function withoutDerived(stores: StoreDump[]): StoreDump[] {
  return stores.map((s) => {
    const keys = DERIVED.filter((d) => d.store === s.name).map((d) => d.key);
    return keys.length && s.keyPath === null ? { ...s, entries: s.entries.filter((e) => !keys.includes(e.key as string)) } : s;
  });
}

async function storedSettings(): Promise<Pick<Snapshot, 'profile' | 'settings'>> {
  const { [PROFILE_KEY]: stored, ...rest } = await browser.storage.local.get(null);
  const parsed = ProfileSchema.safeParse(stored);
  const settings = Object.fromEntries(Object.entries(rest).filter(([key]) => !TRANSIENT_SETTINGS.includes(key)));
  // Nothing saved (or something unreadable, which the extension ignores too): the defaults are in use.
  return { profile: stored !== undefined && parsed.success ? parsed.data : null, settings };
}

export async function takeSnapshot(): Promise<Snapshot> {
  const db = await openStore();
  return { schemaVersion: db.version, ...(await storedSettings()), stores: withoutDerived(await readAllStores(db)) };
}

function appVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return 'unknown';
  }
}

export interface BackupResult {
  zip: Uint8Array;
  fileName: string;
  counts: Record<string, number>;
}

export async function createBackup(now = new Date()): Promise<BackupResult> {
  const snapshot = await takeSnapshot();
  const { zip } = await buildBackup(snapshot, { createdAt: now, appName: APP_NAME, appVersion: appVersion() });
  return { zip, fileName: backupFileName(now), counts: Object.fromEntries(snapshot.stores.map((s) => [s.name, s.entries.length])) };
}

// ---------------------------------------------------------------- restore

export interface PreviewRow {
  store: string;
  label: string;
  now: number;
  inBackup: number;
  /** Newest date found in the entries (`seenAt`, `addedAt`…), ISO; null when they carry none. */
  newestNow: string | null;
  newestInBackup: string | null;
}

export interface PreparedRestore {
  createdAt: Date;
  appVersion: string;
  schemaVersion: number;
  profile: Snapshot['profile'];
  settings: Snapshot['settings'];
  stores: StoreDump[];
  preview: PreviewRow[];
}

const DATE_FIELDS = ['seenAt', 'addedAt', 'updatedAt', 'importedAt', 'at'];

/** The latest timestamp-like field among the values: enough to show which copy is newer. */
export function newestDate(entries: readonly { value: unknown }[]): string | null {
  let newest: string | null = null;
  for (const { value } of entries) {
    if (typeof value !== 'object' || value === null) continue;
    for (const field of DATE_FIELDS) {
      const v = (value as Record<string, unknown>)[field];
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) && (newest === null || v > newest)) newest = v;
    }
  }
  return newest;
}

/** Blobs read from a database that is about to be deleted are copied into memory first. */
async function detachBlobs(value: unknown): Promise<unknown> {
  if (value instanceof Blob) {
    const bytes = await value.arrayBuffer();
    return typeof File !== 'undefined' && value instanceof File ? new File([bytes], value.name, { type: value.type }) : new Blob([bytes], { type: value.type });
  }
  if (Array.isArray(value)) return Promise.all(value.map(detachBlobs));
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await detachBlobs(v);
    return out;
  }
  return value;
}

/**
 * A backup from an older schema: written into a scratch database at its own version, then opened
 * at this version so the same migrations a real update runs bring it up to date.
 */
async function upgradeStores(fromVersion: number, stores: StoreDump[]): Promise<StoreDump[]> {
  await deleteDB(UPGRADE_DB_NAME);
  try {
    const old = await openAtVersion(UPGRADE_DB_NAME, fromVersion);
    try {
      assertSameStores(Array.from(old.objectStoreNames), stores);
      await writeAll(old, stores);
    } finally {
      old.close();
    }
    const db = await openAtVersion(UPGRADE_DB_NAME, DB_VERSION);
    try {
      const upgraded = await readAllStores(db);
      return await Promise.all(upgraded.map(async (s) => ({ ...s, entries: await Promise.all(s.entries.map(async (e) => ({ ...e, value: await detachBlobs(e.value) }))) })));
    } finally {
      db.close();
    }
  } finally {
    await deleteDB(UPGRADE_DB_NAME);
  }
}

function assertSameStores(expected: string[], stores: StoreDump[]): void {
  const held = new Set(stores.map((s) => s.name));
  const extra = stores.find((s) => !expected.includes(s.name));
  if (extra) throw new BackupError(`The backup holds data this version of the extension does not know (${extra.name}). Update the extension, then try again.`);
  const missing = expected.find((name) => !held.has(name));
  if (missing) throw new BackupError(`The backup file is damaged or incomplete: it has no ${storeWords(missing).plural.toLowerCase()}.`);
}

/**
 * Reads, checks and (for an older backup) upgrades a backup file, and compares it with what is held
 * now. Nothing is written to the extension's data. Throws BackupError saying what is wrong.
 */
export async function prepareRestore(bytes: Uint8Array): Promise<PreparedRestore> {
  const parsed = await parseBackup(bytes, DB_VERSION);
  let stores = withoutDerived(parsed.stores);
  if (parsed.index.schemaVersion < DB_VERSION) stores = await upgradeStores(parsed.index.schemaVersion, stores);
  const db = await openStore();
  const names = Array.from(db.objectStoreNames) as Name[];
  assertSameStores(names, stores);
  const tx = db.transaction(names, 'readonly');
  for (const store of stores) {
    const here = tx.objectStore(store.name as Name);
    if (JSON.stringify(here.keyPath) !== JSON.stringify(store.keyPath)) {
      throw new BackupError(`The backup file is damaged: its ${storeWords(store.name).plural.toLowerCase()} are not laid out as this version expects.`);
    }
    const problem = checkStore(store);
    if (problem) throw new BackupError(`The backup’s ${storeWords(store.name).plural.toLowerCase()} are not valid (${problem}).`);
  }
  const now = await Promise.all(stores.map(async (s) => tx.objectStore(s.name as Name).getAll()));
  await tx.done;
  // Backup order: the stores people care about first.
  const rank = (name: string) => {
    const i = ['records', 'evidence'].indexOf(name);
    return i < 0 ? 2 : i;
  };
  const preview = stores
    .map((s, i) => ({
      store: s.name,
      label: storeWords(s.name).plural,
      now: now[i]!.length,
      inBackup: s.entries.length,
      newestNow: newestDate(now[i]!.map((value) => ({ value }))),
      newestInBackup: newestDate(s.entries),
    }))
    .sort((a, b) => rank(a.store) - rank(b.store));
  return {
    createdAt: parsed.createdAt,
    appVersion: parsed.index.app.version,
    schemaVersion: parsed.index.schemaVersion,
    profile: parsed.profile,
    settings: parsed.settings,
    stores,
    preview,
  };
}

/**
 * Clears every store and writes the entries, in one transaction. Any failure — a refused value, a
 * full disk — aborts it, and IndexedDB then keeps exactly what it held before.
 */
async function writeAll(db: Db, stores: StoreDump[]): Promise<void> {
  const names = stores.map((s) => s.name as Name);
  if (!names.length) return;
  const tx = db.transaction(names, 'readwrite');
  // The first refused request says why (tx.done only says "aborted"); the rest just must not go unhandled.
  let cause: unknown = null;
  const quiet = (p: Promise<unknown>) => void p.catch((error: unknown) => (cause ??= error));
  try {
    for (const store of stores) {
      const os = tx.objectStore(store.name as Name);
      quiet(os.clear());
      for (const entry of store.entries) quiet(store.keyPath === null ? os.put(entry.value as never, entry.key as never) : os.put(entry.value as never));
    }
  } catch (error) {
    // A request refused on the spot (a bad key or value): nothing may commit.
    try {
      tx.abort();
    } catch {
      // already finished
    }
    quiet(tx.done);
    throw error;
  }
  try {
    await tx.done;
  } catch (error) {
    throw cause ?? tx.error ?? error;
  }
}

/** Makes storage.local hold exactly `wanted` (transient keys aside). */
async function replaceSettings(wanted: Record<string, unknown>): Promise<void> {
  const held = await browser.storage.local.get(null);
  const gone = Object.keys(held).filter((key) => !(key in wanted) && !TRANSIENT_SETTINGS.includes(key));
  if (gone.length) await browser.storage.local.remove(gone);
  if (Object.keys(wanted).length) await browser.storage.local.set(wanted);
}

/**
 * Replaces everything with the prepared backup: settings first, then every store in one transaction;
 * if the transaction fails, the settings are put back as they were, so nothing has changed.
 */
export async function applyRestore(prepared: PreparedRestore): Promise<void> {
  const db = await openStore();
  const { [PROFILE_KEY]: _profile, ...previous } = await browser.storage.local.get(null);
  const before = _profile === undefined ? previous : { ...previous, [PROFILE_KEY]: _profile };
  await replaceSettings(prepared.profile ? { ...prepared.settings, [PROFILE_KEY]: prepared.profile } : prepared.settings);
  try {
    await writeAll(db, prepared.stores);
  } catch (error) {
    await replaceSettings(Object.fromEntries(Object.entries(before).filter(([key]) => !TRANSIENT_SETTINGS.includes(key))));
    if (isQuotaError(error)) throw new BackupError(RESTORE_NO_ROOM);
    throw error;
  }
}
