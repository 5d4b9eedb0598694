// The backup file: one zip holding a versioned index (`backup.json`), one JSON file per object store
// and the binary parts (certificates, screenshots, spreadsheets) as files of their own. Every file is
// listed in the index with its size and SHA-256, and the index is checked by its CRC-32 (./zip-crc.ts),
// so damage anywhere is found before anything is restored. Pure: build and parse know nothing of
// IndexedDB or browser storage (see ./store.ts).
import { unzipSync, zipSync, type ZipOptions } from 'fflate';
import { z } from '@/utils/zod';
import { droppedLinksText, parseProfileJson } from '@/utils/catalogue/io';
import type { Profile } from '@/utils/catalogue/profile';
import { sha256Hex } from '@/utils/bytes';
import { checkSettings } from './checks';
import { decodeValue, DecodeError, encodeValue, type Json } from './codec';
import { crc32, listedCrc } from './zip-crc';

export const BACKUP_FORMAT = 'mandatory-training-companion-backup';
/** Raise when the layout changes in a way an older reader would misread; keep reading older ones. */
export const BACKUP_FORMAT_VERSION = 1;
export const INDEX_PATH = 'backup.json';

/** Anything the user would see: every refusal says what is wrong in plain words. */
export class BackupError extends Error {}

export type KeyPath = string | string[] | null;

export interface StoreDump {
  name: string;
  keyPath: KeyPath;
  autoIncrement: boolean;
  /** `key` is kept only for stores without a key path (for the others it is inside the value). */
  entries: { key?: unknown; value: unknown }[];
}

export interface Snapshot {
  /** The database version the stores were read at (MIGRATIONS.length then). */
  schemaVersion: number;
  /** The saved settings, or null when the built-in defaults are in use. */
  profile: Profile | null;
  /** Every other setting kept in storage.local (JSON values), by key: the time log switch and the like. */
  settings: Record<string, unknown>;
  stores: StoreDump[];
}

const FileEntrySchema = z.object({
  path: z.string().check(z.regex(/^(stores|files)\/[A-Za-z0-9._%-]{1,120}$/)),
  size: z.number().check(z.int(), z.gte(0)),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});

const StoreEntrySchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(100)),
  file: z.string(),
  count: z.number().check(z.int(), z.gte(0)),
  keyPath: z.nullable(z.union([z.string(), z.array(z.string())])),
  autoIncrement: z.boolean(),
});

const IndexSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.iso.datetime(),
  app: z.object({ name: z.string(), version: z.string() }),
  schemaVersion: z.number().check(z.int(), z.positive()),
  profile: z.unknown(),
  settings: z.record(z.string().check(z.minLength(1), z.maxLength(200)), z.unknown()),
  stores: z.array(StoreEntrySchema),
  files: z.array(FileEntrySchema),
});
export type BackupIndex = z.infer<typeof IndexSchema>;

const EntrySchema = z.object({ key: z.optional(z.unknown()), value: z.unknown() });

const encoder = new TextEncoder();
const TEXT_LEVEL = 6;
/** The index is small; anything bigger than this is not ours (and is not inflated to find out). */
const MAX_INDEX_BYTES = 10_000_000;

function pad(n: number): string {
  return String(n).padStart(6, '0');
}

export function backupFileName(createdAt: Date): string {
  return `mandatory-training-backup-${createdAt.toISOString().slice(0, 10)}.zip`;
}

/** Builds the zip. Throws UnsupportedValueError (from the codec) if a store holds a value JSON cannot carry. */
export async function buildBackup(snapshot: Snapshot, meta: { createdAt: Date; appName: string; appVersion: string }): Promise<{ zip: Uint8Array; index: BackupIndex }> {
  const binaries: { path: string; data: Blob | Uint8Array }[] = [];
  const sink = {
    add(data: Blob | Uint8Array) {
      const path = `files/${pad(binaries.length + 1)}`;
      binaries.push({ path, data });
      return path;
    },
  };
  const texts: { path: string; data: Uint8Array }[] = [];
  const stores: BackupIndex['stores'] = [];
  for (const store of snapshot.stores) {
    const entries = store.entries.map((entry, i) => {
      const where = `${store.name} #${i + 1}`;
      const value = encodeValue(entry.value, sink, where);
      return store.keyPath === null ? { key: encodeValue(entry.key, sink, `${where} key`), value } : { value };
    });
    const path = `stores/${encodeURIComponent(store.name).replace(/[^A-Za-z0-9._%-]/g, '_')}.json`;
    texts.push({ path, data: encoder.encode(JSON.stringify(entries)) });
    stores.push({ name: store.name, file: path, count: entries.length, keyPath: store.keyPath, autoIncrement: store.autoIncrement });
  }
  const files: { path: string; data: Uint8Array; compress: boolean }[] = [
    ...texts.map((t) => ({ ...t, compress: true })),
    ...(await Promise.all(
      binaries.map(async (b) => ({ path: b.path, data: b.data instanceof Blob ? new Uint8Array(await b.data.arrayBuffer()) : b.data, compress: false })),
    )),
  ];
  const index: BackupIndex = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: meta.createdAt.toISOString(),
    app: { name: meta.appName, version: meta.appVersion },
    schemaVersion: snapshot.schemaVersion,
    profile: snapshot.profile,
    settings: snapshot.settings,
    stores,
    files: await Promise.all(files.map(async (f) => ({ path: f.path, size: f.data.length, sha256: await sha256Hex(f.data) }))),
  };
  const entries: Record<string, [Uint8Array, ZipOptions]> = {
    [INDEX_PATH]: [encoder.encode(`${JSON.stringify(index, null, 2)}\n`), { level: TEXT_LEVEL, mtime: meta.createdAt }],
  };
  // Certificates, screenshots and spreadsheets are compressed already: stored, not deflated again.
  for (const f of files) entries[f.path] = [f.data, { level: f.compress ? TEXT_LEVEL : 0, mtime: meta.createdAt }];
  return { zip: zipSync(entries), index };
}

export interface ParsedBackup {
  index: BackupIndex;
  createdAt: Date;
  profile: Profile | null;
  settings: Record<string, unknown>;
  /** Values decoded: Blobs, ArrayBuffers and Dates are back; nothing checked against a store's rules yet. */
  stores: StoreDump[];
}

const NOT_A_BACKUP = 'This file is not a Mandatory Training Companion backup.';
const DAMAGED = 'The backup file is damaged or incomplete (perhaps it did not finish downloading or copying).';
const CHANGED = 'The backup file has been changed or damaged since it was made';

/**
 * The most a backup may unpack to, all its files together: far above the largest real backup (hundreds
 * of certificates at a few hundred KB each come to well under 1 GB), and low enough for a settings page
 * to hold. A file claiming more is refused before anything is unpacked.
 */
export const MAX_UNPACKED_BYTES = 2 * 1024 ** 3;
/** A backup file larger than this on disk is not read at all (its files are stored, not compressed, so it is about its unpacked size). */
export const MAX_BACKUP_FILE_BYTES = MAX_UNPACKED_BYTES;
/**
 * The most one entry may unpack to per byte it takes in the zip, for entries over 1 MB. Our JSON files
 * compress about 10:1 and certificates not at all; a "zip bomb" reaches 1000:1.
 */
export const MAX_RATIO = 100;
const RATIO_FROM_BYTES = 1024 * 1024;
/** More files than any real backup holds (one per certificate or screenshot, one per store). */
export const MAX_ENTRIES = 100_000;

/** "1.2 GB", "350 MB", "12 KB". */
export function sizeWords(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

interface ZipEntryInfo {
  name: string;
  /** Bytes in the zip. */
  size: number;
  /** Bytes once unpacked, as the zip's central directory says: fflate unpacks into a buffer of exactly this size. */
  originalSize: number;
}

/** What the zip's central directory lists, read without unpacking anything. */
function listEntries(bytes: Uint8Array): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  unzip(bytes, (f) => {
    if (entries.length >= MAX_ENTRIES) throw new BackupError(`${NOT_A_BACKUP} (It holds more than ${MAX_ENTRIES.toLocaleString('en-GB')} files.)`);
    entries.push({ name: f.name, size: f.size, originalSize: f.originalSize });
    return false;
  });
  return entries;
}

/** One entry, unpacked on its own (so only the files asked for are ever in memory). */
function unpackEntry(bytes: Uint8Array, name: string): Uint8Array | undefined {
  let seen = false;
  return unzip(bytes, (f) => {
    if (f.name !== name || seen) return false;
    seen = true;
    return true;
  })[name];
}

function unzip(bytes: Uint8Array, filter: (file: { name: string; size: number; originalSize: number }) => boolean): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, { filter });
  } catch (error) {
    if (error instanceof BackupError) throw error;
    // fflate says "invalid zip data" and the like: the user needs to know the file is unusable, not why.
    throw new BackupError(bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b ? DAMAGED : NOT_A_BACKUP);
  }
}

/** Refuses, before unpacking, what would unpack to too much: in all, or far out of proportion to its size in the zip. */
function checkSizes(listed: readonly ZipEntryInfo[]): void {
  const total = listed.reduce((sum, entry) => sum + entry.originalSize, 0);
  if (total > MAX_UNPACKED_BYTES) {
    throw new BackupError(`${NOT_A_BACKUP} (It would unpack to ${sizeWords(total)}; a backup holds at most ${sizeWords(MAX_UNPACKED_BYTES)}.)`);
  }
  for (const entry of listed) {
    if (entry.originalSize > RATIO_FROM_BYTES && entry.originalSize > entry.size * MAX_RATIO) {
      throw new BackupError(`${CHANGED}: ${entry.name} would unpack to ${sizeWords(entry.originalSize)} from ${sizeWords(entry.size)}, far more than a backup’s files ever do.`);
    }
  }
}

/**
 * Reads and checks a backup zip: the index, every file's size and SHA-256, every store file's shape,
 * and that the files are exactly the ones listed. Sizes are checked from the zip's directory before
 * anything is unpacked, and files are unpacked one at a time. Throws BackupError with a plain-words
 * reason. `currentSchemaVersion`: backups from a newer extension are refused, not half-read.
 */
export async function parseBackup(bytes: Uint8Array, currentSchemaVersion: number): Promise<ParsedBackup> {
  if (bytes.length < 22) throw new BackupError(bytes.length === 0 ? 'The file is empty.' : NOT_A_BACKUP);
  if (bytes.length > MAX_BACKUP_FILE_BYTES) throw new BackupError(`${NOT_A_BACKUP} (It is ${sizeWords(bytes.length)}; a backup is at most ${sizeWords(MAX_BACKUP_FILE_BYTES)}.)`);
  const entries = listEntries(bytes);
  const byName = new Map<string, ZipEntryInfo>();
  for (const entry of entries) {
    if (byName.has(entry.name)) throw new BackupError(`${CHANGED}: it holds ${entry.name} twice.`);
    byName.set(entry.name, entry);
  }
  const indexInfo = byName.get(INDEX_PATH);
  if (!indexInfo) throw new BackupError(`${NOT_A_BACKUP} (It has no ${INDEX_PATH}.)`);
  if (indexInfo.originalSize > MAX_INDEX_BYTES) throw new BackupError(`${NOT_A_BACKUP} (Its ${INDEX_PATH} is too large.)`);
  checkSizes([indexInfo]);
  const indexBytes = unpackEntry(bytes, INDEX_PATH);
  if (!indexBytes) throw new BackupError(`${NOT_A_BACKUP} (It has no ${INDEX_PATH}.)`);
  // The index lists every other file's SHA-256; its own check is the zip's CRC, which fflate does not make.
  if (listedCrc(bytes, INDEX_PATH) !== crc32(indexBytes)) throw new BackupError(`${DAMAGED} (Its index does not match its checksum.)`);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(indexBytes));
  } catch {
    throw new BackupError(`${DAMAGED} (Its index cannot be read.)`);
  }
  const looks = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  if (looks.format !== BACKUP_FORMAT) throw new BackupError(NOT_A_BACKUP);
  if (typeof looks.formatVersion === 'number' && looks.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError('This backup was made by a newer version of the extension. Update the extension (chrome://extensions), then restore it again.');
  }
  const parsed = IndexSchema.safeParse(raw);
  if (!parsed.success) throw new BackupError(`${DAMAGED} (Its index is not in the expected form: ${parsed.error.issues[0]?.path.join('.') || 'the file'}.)`);
  const index = parsed.data;
  if (index.schemaVersion > currentSchemaVersion) {
    throw new BackupError('This backup was made by a newer version of the extension, which keeps its data differently. Update the extension (chrome://extensions), then restore it again.');
  }

  const listed = new Map(index.files.map((f) => [f.path, f]));
  if (listed.size !== index.files.length) throw new BackupError(`${CHANGED}: a file is listed twice.`);
  const unlisted = entries.filter((e) => e.name !== INDEX_PATH && !listed.has(e.name) && !e.name.endsWith('/')).map((e) => e.name);
  if (unlisted.length) throw new BackupError(`${CHANGED}: it holds files its index does not list (${unlisted.slice(0, 3).join(', ')}).`);
  for (const entry of index.files) {
    const info = byName.get(entry.path);
    if (!info) throw new BackupError(`${DAMAGED} (${entry.path} is missing.)`);
    // Checked before unpacking: a file claiming one size and holding another is not expanded at all.
    if (info.originalSize !== entry.size) throw new BackupError(`${CHANGED}: ${entry.path} is not the size it should be.`);
  }
  checkSizes(index.files.map((f) => byName.get(f.path)!));
  const files: Record<string, Uint8Array> = {};
  for (const entry of index.files) {
    const data = unpackEntry(bytes, entry.path);
    if (!data) throw new BackupError(`${DAMAGED} (${entry.path} is missing.)`);
    if (data.length !== entry.size || (await sha256Hex(data)) !== entry.sha256) {
      throw new BackupError(`${CHANGED}: ${entry.path} does not match its checksum.`);
    }
    files[entry.path] = data;
  }

  let profile: Profile | null = null;
  if (index.profile !== null) {
    const checked = parseProfileJson(JSON.stringify(index.profile));
    if (!checked.ok) throw new BackupError(`The settings in the backup are not valid: ${checked.error}`);
    // The extension never saves a link it would not offer, so a backup holding one was changed after it
    // was made: refused, rather than restored with something quietly left out.
    if (checked.droppedLinks?.length) {
      throw new BackupError(`The settings in the backup are not valid: ${droppedLinksText(checked.droppedLinks, checked.profile)} A backup made by the extension never holds such a link.`);
    }
    profile = checked.profile;
  }

  // Plain JSON, as storage.local holds, each key declared (utils/data/local.ts) and valid; the profile has
  // its own field and its own checks.
  if ('profile' in index.settings || JSON.stringify(index.settings).length > MAX_INDEX_BYTES) {
    throw new BackupError(`${CHANGED}: its settings are not in the expected form.`);
  }
  const settingsProblem = checkSettings(index.settings);
  if (settingsProblem) throw new BackupError(`The settings in the backup are not valid: ${settingsProblem}.`);

  const names = new Set<string>();
  const referenced = new Set<string>();
  const file = (ref: string) => {
    if (!ref.startsWith('files/') || !files[ref]) return undefined;
    referenced.add(ref);
    return { bytes: files[ref]! };
  };
  const stores: StoreDump[] = [];
  for (const store of index.stores) {
    if (names.has(store.name)) throw new BackupError(`${CHANGED}: the ${store.name} store is listed twice.`);
    names.add(store.name);
    const data = files[store.file];
    if (!data || !store.file.startsWith('stores/')) throw new BackupError(`${DAMAGED} (The data for ${store.name} is missing.)`);
    let rows: unknown;
    try {
      rows = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
    } catch {
      throw new BackupError(`${DAMAGED} (The data for ${store.name} cannot be read.)`);
    }
    if (!Array.isArray(rows) || rows.length !== store.count) throw new BackupError(`${DAMAGED} (The data for ${store.name} does not hold ${store.count} entries.)`);
    const entries = rows.map((row, i) => {
      const where = `${store.name} entry ${i + 1}`;
      const shape = EntrySchema.safeParse(row);
      const keyed = shape.success && (store.keyPath === null) === ('key' in (row as object));
      if (!shape.success || !keyed) throw new BackupError(`${DAMAGED} (${where} is not in the expected form.)`);
      try {
        const value = decodeValue(shape.data.value as Json, file, where);
        return store.keyPath === null ? { key: decodeValue(shape.data.key as Json, file, `${where} key`), value } : { value };
      } catch (error) {
        if (error instanceof DecodeError) throw new BackupError(`${DAMAGED} (${error.message}.)`);
        throw error;
      }
    });
    stores.push({ name: store.name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, entries });
  }
  const storeFiles = new Set(index.stores.map((s) => s.file));
  const orphan = index.files.find((f) => (f.path.startsWith('files/') ? !referenced.has(f.path) : !storeFiles.has(f.path)));
  if (orphan) throw new BackupError(`${CHANGED}: ${orphan.path} belongs to nothing in it.`);
  return { index, createdAt: new Date(index.createdAt), profile, settings: index.settings, stores };
}
