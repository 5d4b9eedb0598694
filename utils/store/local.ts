// Typed access to storage.local: every key and its schema are declared in utils/data/local.ts. Only the
// background and the extension's pages use it (content scripts are refused by the browser: see
// entrypoints/background.ts). A damaged value reads as missing; a write is checked before it is stored.
import { browser } from 'wxt/browser';
import { LOCAL, type LocalKey, type LocalValue } from '@/utils/data/local';

export function parseLocal<K extends LocalKey>(key: K, raw: unknown): LocalValue<K> | undefined {
  if (raw === undefined) return undefined;
  const parsed = LOCAL[key].schema.safeParse(raw);
  return parsed.success ? (parsed.data as LocalValue<K>) : undefined;
}

export async function readLocal<K extends LocalKey>(key: K): Promise<LocalValue<K> | undefined> {
  return parseLocal(key, (await browser.storage.local.get(key))[key]);
}

export async function writeLocal<K extends LocalKey>(key: K, value: LocalValue<K>): Promise<void> {
  const parsed = LOCAL[key].schema.safeParse(value);
  if (!parsed.success) throw new Error(`Not saved: the value for ${key} is not in the expected form.`);
  await browser.storage.local.set({ [key]: parsed.data });
}

export async function removeLocal(...keys: LocalKey[]): Promise<void> {
  await browser.storage.local.remove(keys);
}

/** Everything in storage.local, unchecked: for the backup, which checks each key against its declaration. */
export async function readAllLocal(): Promise<Record<string, unknown>> {
  return browser.storage.local.get(null);
}

/** Replaces storage.local's keys by `values` and removes `gone`, in two calls (set, then remove). */
export async function replaceLocal(values: Record<string, unknown>, gone: string[]): Promise<void> {
  if (Object.keys(values).length) await browser.storage.local.set(values);
  if (gone.length) await browser.storage.local.remove(gone);
}
