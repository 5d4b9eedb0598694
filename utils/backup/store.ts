// The thin part that touches storage: read every object store (and the settings) into a snapshot, and
// write a checked backup back — all or nothing across IndexedDB and storage.local (./journal.ts).
// Driven by the declarations in utils/data/: a backup carries exactly the declared `carried` values, and
// every value restored is checked by its schema first (./checks.ts).
import { deleteDB, openDB, type IDBPDatabase, type StoreNames } from 'idb';
import { META_KEYS } from '@/utils/data/keys';
import { LOCAL, isLocalKey } from '@/utils/data/local';
import { META } from '@/utils/data/meta';
import { ProfileSchema } from '@/utils/data/profile';
import { storeDeclaration } from '@/utils/data/stores';
import { DB_NAME, DB_VERSION, MIGRATIONS, openStore, type MtcSchema } from '@/utils/store/db';
import { readAllLocal } from '@/utils/store/local';
import { isQuotaError } from '@/utils/store/quota';
import { errorText } from '@/utils/errors';
import { browser } from 'wxt/browser';
import { carriedOnly, checkEvidenceFiles, checkStore, entryProblem, storeWords } from './checks';
import { backupFileName, buildBackup, BackupError, MAX_BACKUP_FILE_BYTES, parseBackup, sizeWords, type Snapshot, type StoreDump } from './format';
import { abandonRestore, beginRestore, carriedLocalKeys, finishRestore, withRestoreLock } from './journal';
import { evidenceFileProblem, type EvidenceItem } from '@/utils/data/evidence';

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

/** The stores less the values the extension rebuilds by itself (declared `derived`, e.g. the records copy). */
export function withoutDerived(stores: StoreDump[]): StoreDump[] {
  return stores.map((s) => (s.name === 'meta' ? { ...s, entries: s.entries.filter((e) => !(typeof e.key === 'string' && e.key in META && META[e.key as keyof typeof META].backup === 'derived')) } : s));
}

/** The settings a backup carries: the profile apart, and the other carried storage.local keys that are valid. */
async function storedSettings(): Promise<Pick<Snapshot, 'profile' | 'settings'>> {
  const { profile: stored, ...rest } = await readAllLocal();
  const parsed = ProfileSchema.safeParse(stored);
  const settings = Object.fromEntries(
    Object.entries(rest).filter(([key, value]) => isLocalKey(key) && LOCAL[key].backup === 'carried' && LOCAL[key].schema.safeParse(value).success),
  );
  // Nothing saved (or something unreadable, which the extension ignores too): the defaults are in use.
  return { profile: stored !== undefined && parsed.success ? parsed.data : null, settings };
}

/** Everything a backup carries. */
export async function takeSnapshot(): Promise<Snapshot> {
  const db = await openStore();
  return { schemaVersion: db.version, ...(await storedSettings()), stores: carriedOnly(await readAllStores(db)) };
}

/**
 * The snapshot less anything a restore would refuse (a value its declaration says cannot be, an
 * evidence file that is not what it says), named, so every backup made can be restored.
 */
async function restorable(snapshot: Snapshot): Promise<{ snapshot: Snapshot; leftOut: string[] }> {
  const leftOut: string[] = [];
  const stores: StoreDump[] = [];
  for (const store of snapshot.stores) {
    if (!storeDeclaration(store.name)) {
      leftOut.push(`${storeWords(store.name).plural} (this version does not know them)`);
      continue;
    }
    const entries: StoreDump['entries'] = [];
    for (const entry of store.entries) {
      const problem = entryProblem(store, entry) ?? (store.name === 'evidence' ? await evidenceFileProblem(entry.value as EvidenceItem) : null);
      if (problem) leftOut.push(`${storeWords(store.name).one}${store.name === 'evidence' ? ` “${(entry.value as EvidenceItem).name}”` : ''}: ${problem}`);
      else entries.push(entry);
    }
    stores.push({ ...store, entries });
  }
  return { snapshot: { ...snapshot, stores }, leftOut };
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
  /** What was left out, and why: entries a restore would refuse (they cannot be what they say). */
  leftOut: string[];
}

export async function createBackup(now = new Date()): Promise<BackupResult> {
  const { snapshot, leftOut } = await restorable(await takeSnapshot());
  const { zip } = await buildBackup(snapshot, { createdAt: now, appName: APP_NAME, appVersion: appVersion() });
  return { zip, fileName: backupFileName(now), counts: Object.fromEntries(snapshot.stores.map((s) => [s.name, s.entries.length])), leftOut };
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

/** A file chosen as a backup, refused by its size before it is read at all (a huge file cannot be one of ours). */
export async function readBackupFile(file: Blob): Promise<Uint8Array> {
  if (file.size === 0) throw new BackupError('The file is empty.');
  if (file.size > MAX_BACKUP_FILE_BYTES) {
    throw new BackupError(`The file is ${sizeWords(file.size)}, too large to be a backup (a backup is at most ${sizeWords(MAX_BACKUP_FILE_BYTES)}).`);
  }
  return new Uint8Array(await file.arrayBuffer());
}

/**
 * Reads, checks and (for an older backup) upgrades a backup file, and compares it with what is held
 * now. Nothing is written to the extension's data. Throws BackupError saying what is wrong.
 */
export async function prepareRestore(bytes: Uint8Array): Promise<PreparedRestore> {
  const parsed = await parseBackup(bytes, DB_VERSION);
  let stores = carriedOnly(parsed.stores);
  if (parsed.index.schemaVersion < DB_VERSION) stores = await upgradeStores(parsed.index.schemaVersion, stores);
  const db = await openStore();
  const names = Array.from(db.objectStoreNames) as Name[];
  assertSameStores(names, stores);
  const tx = db.transaction(names, 'readonly');
  const now = await Promise.all(stores.map(async (s) => tx.objectStore(s.name as Name).getAll()));
  const keyPaths = stores.map((s) => tx.objectStore(s.name as Name).keyPath);
  await tx.done;
  for (const [i, store] of stores.entries()) {
    if (JSON.stringify(keyPaths[i]) !== JSON.stringify(store.keyPath)) {
      throw new BackupError(`The backup file is damaged: its ${storeWords(store.name).plural.toLowerCase()} are not laid out as this version expects.`);
    }
    const problem = checkStore(store) ?? (await checkEvidenceFiles(store));
    if (problem) throw new BackupError(`The backup’s ${storeWords(store.name).plural.toLowerCase()} are not valid (${problem}).`);
  }
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

/** Keys of a keyed store that belong to this device and stay as they are through a restore. */
function deviceKeys(storeName: string): string[] {
  const declared = storeDeclaration(storeName);
  return declared && declared.keyPath === null ? Object.entries(declared.keys).filter(([, d]) => d.backup === 'device').map(([key]) => key) : [];
}

/**
 * Clears every store and writes the entries, in one transaction. Any failure — a refused value, a
 * full disk — aborts it, and IndexedDB then keeps exactly what it held before. Per-device values stay;
 * with `commitId`, the `meta` mark that this restore's stores are in place is written in the same
 * transaction (./journal.ts).
 */
async function writeAll(db: Db, stores: StoreDump[], commitId?: string): Promise<void> {
  const names = stores.map((s) => s.name as Name);
  if (!names.length) return;
  const tx = db.transaction(names, 'readwrite');
  // The first refused request says why (tx.done only says "aborted"); the rest just must not go unhandled.
  let cause: unknown = null;
  const quiet = (p: Promise<unknown>) => void p.catch((error: unknown) => (cause ??= error));
  try {
    const kept = await Promise.all(
      stores.map(async (s) => Promise.all(deviceKeys(s.name).map(async (key) => ({ key, value: await tx.objectStore(s.name as Name).get(key as never) })))),
    );
    for (const [i, store] of stores.entries()) {
      const os = tx.objectStore(store.name as Name);
      quiet(os.clear());
      for (const entry of store.entries) quiet(store.keyPath === null ? os.put(entry.value as never, entry.key as never) : os.put(entry.value as never));
      for (const { key, value } of kept[i]!) if (value !== undefined && key !== META_KEYS.restoreCommitted) quiet(os.put(value as never, key as never));
      if (commitId && store.name === 'meta') quiet(os.put({ id: commitId } as never, META_KEYS.restoreCommitted as never));
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

/**
 * Replaces everything with the prepared backup, all or nothing (./journal.ts): a journal first, then
 * every store in one transaction, then the settings. A failure before the stores are written changes
 * nothing; a page closed after it is finished on the next start.
 */
export async function applyRestore(prepared: PreparedRestore, fileName = 'the backup'): Promise<void> {
  await withRestoreLock(async () => {
    const db = await openStore();
    const settings: Record<string, unknown> = { ...prepared.settings };
    if (prepared.profile) settings.profile = prepared.profile;
    const carried = carriedLocalKeys();
    const journal = await beginRestore(fileName, Object.fromEntries(Object.entries(settings).filter(([key]) => carried.includes(key))));
    try {
      await writeAll(db, prepared.stores, journal.id);
    } catch (error) {
      await abandonRestore();
      if (isQuotaError(error)) throw new BackupError(RESTORE_NO_ROOM);
      throw error;
    }
    try {
      await finishRestore(journal);
    } catch (error) {
      throw new RestoreUnfinishedError(
        `Your records and evidence are restored, but the settings could not be put in place yet (${errorText(error)}). They will be the next time the extension starts, or when you open this page again.`,
      );
    }
  });
}

/** The stores are restored but the settings are not yet: ./journal.ts finishes it on the next start. */
export class RestoreUnfinishedError extends BackupError {}
