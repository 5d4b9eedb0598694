// Typed access to the `meta` store: every key and its schema are declared in utils/data/meta.ts. Reads
// are checked (a damaged value, or a derived one from other rules, reads as missing), writes are checked
// before they are stored. Nothing else opens the `meta` store by hand.
import { META, type MetaKey, type MetaValue } from '@/utils/data/meta';
import { openStore } from './db';

/** The part of an idb object store these helpers need: the `meta` store of a running transaction, or the database. */
export interface MetaArea {
  get(key: string): Promise<unknown>;
  put(value: unknown, key: string): Promise<unknown>;
  delete(key: string): Promise<unknown>;
}

/** A stored value checked against its declaration: undefined when missing, damaged, or derived by other rules. */
export function parseMeta<K extends MetaKey>(key: K, raw: unknown): MetaValue<K> | undefined {
  if (raw === undefined) return undefined;
  const declared = META[key];
  const parsed = declared.schema.safeParse(raw);
  if (!parsed.success) return undefined;
  const version = 'version' in declared ? declared.version : undefined;
  if (version !== undefined && (parsed.data as { version?: unknown }).version !== version) return undefined;
  return parsed.data as MetaValue<K>;
}

/** Checks a value before it is stored; throws (naming the key) when it is not what the declaration says. */
export function checkMeta<K extends MetaKey>(key: K, value: MetaValue<K>): MetaValue<K> {
  const parsed = META[key].schema.safeParse(value);
  if (!parsed.success) throw new Error(`Not saved: the value for ${key} is not in the expected form.`);
  return value;
}

/** Reading and writing inside a transaction the caller holds (so several stores change together). */
export function metaIn(store: MetaArea) {
  return {
    async get<K extends MetaKey>(key: K): Promise<MetaValue<K> | undefined> {
      return parseMeta(key, await store.get(key));
    },
    async put<K extends MetaKey>(key: K, value: MetaValue<K>): Promise<void> {
      await store.put(checkMeta(key, value), key);
    },
    async delete(key: MetaKey): Promise<void> {
      await store.delete(key);
    },
  };
}

export async function readMeta<K extends MetaKey>(key: K): Promise<MetaValue<K> | undefined> {
  return parseMeta(key, await (await openStore()).get('meta', key));
}

export async function writeMeta<K extends MetaKey>(key: K, value: MetaValue<K>): Promise<void> {
  await (await openStore()).put('meta', checkMeta(key, value), key);
}

export async function deleteMeta(key: MetaKey): Promise<void> {
  await (await openStore()).delete('meta', key);
}
