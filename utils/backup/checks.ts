// What a restored entry must look like before it may replace anything, from the declarations in
// utils/data/: every store must be declared, every entry has a valid IndexedDB key, and every value —
// records, evidence, each `meta` key, the Team data, the time log, each setting — is parsed with its
// schema. A key or store this version does not declare is refused, naming it. Values the extension
// rebuilds or keeps per device (`derived`, `device`) are dropped, never restored. Pure.
import type { z } from '@/utils/zod';
import type { StoreDeclaration, ValueDeclaration } from '@/utils/data/declare';
import { evidenceFileProblem, type EvidenceItem } from '@/utils/data/evidence';
import { LOCAL, isLocalKey } from '@/utils/data/local';
import { storeDeclaration, storeWords } from '@/utils/data/stores';
import type { KeyPath, StoreDump } from './format';

export { storeWords };

/** IndexedDB's own rule for keys (numbers, strings, dates, binary, and arrays of them). */
export function isValidKey(key: unknown, depth = 0): boolean {
  if (typeof key === 'number') return !Number.isNaN(key);
  if (typeof key === 'string') return true;
  if (key instanceof Date) return !Number.isNaN(key.getTime());
  if (key instanceof ArrayBuffer || ArrayBuffer.isView(key)) return true;
  if (Array.isArray(key)) return depth < 10 && key.every((k) => isValidKey(k, depth + 1));
  return false;
}

export function keyAt(value: unknown, keyPath: Exclude<KeyPath, null>): unknown {
  if (Array.isArray(keyPath)) return keyPath.map((p) => keyAt(value, p));
  let at: unknown = value;
  for (const part of keyPath.split('.')) {
    if (typeof at !== 'object' || at === null || !Object.prototype.hasOwnProperty.call(at, part)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

/** The first problem a schema finds: the field it is in (if any) and what is wrong. */
function firstIssue(error: z.core.$ZodError): { field: string | null; message: string } {
  const issue = error.issues[0];
  return { field: issue?.path.length ? issue.path.map(String).join('.') : null, message: issue?.message ?? 'not valid' };
}

const words = (problem: { field: string | null; message: string }) => `${problem.field ? `${problem.field}: ` : ''}${problem.message}`;

/** The declaration of one value of a store: the store's own for keyed-by-path stores, the key's for the others. */
function valueDeclaration(store: StoreDeclaration, key: unknown): ValueDeclaration | undefined {
  if (store.keyPath !== null) return store;
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(store.keys, key) ? store.keys[key] : undefined;
}

/**
 * The entries a backup carries: declared, `carried` values only. Used when making a backup and when
 * reading one, so neither a derived copy nor per-device state is ever restored.
 */
export function carriedOnly(stores: readonly StoreDump[]): StoreDump[] {
  return stores.map((s) => {
    const declared = storeDeclaration(s.name);
    if (!declared || declared.keyPath !== null) return s;
    return { ...s, entries: s.entries.filter((e) => typeof e.key !== 'string' || valueDeclaration(declared, e.key)?.backup !== 'derived' && valueDeclaration(declared, e.key)?.backup !== 'device') };
  });
}

/** Why one entry may not be restored (and in which field), or null. */
function entryIssue(store: StoreDump, entry: { key?: unknown; value: unknown }): { field: string | null; message: string } | null {
  const declared = storeDeclaration(store.name);
  if (!declared) return { field: null, message: 'this version of the extension does not know it' };
  const key = store.keyPath === null ? entry.key : keyAt(entry.value, store.keyPath);
  if (!(key === undefined && store.keyPath !== null && store.autoIncrement) && !isValidKey(key)) return { field: null, message: 'it has no valid key' };
  const value = valueDeclaration(declared, key);
  if (!value) return { field: null, message: 'this version of the extension does not know it' };
  const parsed = value.schema.safeParse(entry.value);
  return parsed.success ? null : firstIssue(parsed.error);
}

/** Why one entry may not be restored, in words, or null. */
export function entryProblem(store: StoreDump, entry: { key?: unknown; value: unknown }): string | null {
  const issue = entryIssue(store, entry);
  return issue && words(issue);
}

/** How an entry is named in a message: its key for keyed stores (“person”), its place for the others. */
function entryName(store: StoreDump, i: number): string {
  const words = storeWords(store.name);
  const key = store.keyPath === null ? store.entries[i]?.key : undefined;
  return typeof key === 'string' ? `${words.one} “${key.slice(0, 80)}”` : `${words.one} ${i + 1}`;
}

/**
 * Every entry of one store, checked. Returns the first problem in plain words (no full stop), or null. The values
 * themselves are restored as they are (not the parsed copies), so fields a schema does not know survive.
 */
export function checkStore(store: StoreDump): string | null {
  const seen = new Set<string>();
  for (const [i, entry] of store.entries.entries()) {
    const issue = entryIssue(store, entry);
    if (issue) return `${entryName(store, i)}${issue.field ? `, ${issue.field}` : ''}: ${issue.message}`;
    const key = store.keyPath === null ? entry.key : keyAt(entry.value, store.keyPath);
    // Duplicates would silently overwrite each other on restore; the stores here use text or number keys.
    if (typeof key === 'string' || typeof key === 'number') {
      const id = `${typeof key}:${String(key)}`;
      if (seen.has(id)) return `${entryName(store, i)} repeats the key of another entry`;
      seen.add(id);
    }
  }
  return null;
}

/** Every evidence file's bytes against what its item says it is (utils/data/evidence.ts): the first that disagrees, named. */
export async function checkEvidenceFiles(store: StoreDump): Promise<string | null> {
  if (store.name !== 'evidence') return null;
  for (const [i, entry] of store.entries.entries()) {
    const item = entry.value as EvidenceItem;
    const problem = await evidenceFileProblem(item);
    if (problem) return `${entryName(store, i)} (“${String(item.name).slice(0, 80)}”): ${problem}`;
  }
  return null;
}

/** The settings a backup carries (storage.local, less the profile): each must be a declared, carried key, valid by its schema. */
export function checkSettings(settings: Record<string, unknown>): string | null {
  for (const [key, value] of Object.entries(settings)) {
    if (!isLocalKey(key) || LOCAL[key].backup !== 'carried' || key === 'profile') return `the setting “${key.slice(0, 80)}” is not one this version of the extension knows`;
    const parsed = LOCAL[key].schema.safeParse(value);
    if (!parsed.success) return `the setting “${key}” is not valid (${words(firstIssue(parsed.error))})`;
  }
  return null;
}
