// Seeding, wiping and comparing the whole of the extension's data (fake-indexeddb + fake browser storage).
import { browser } from 'wxt/browser';
import { openStore } from '@/utils/store/db';
import { META_KEYS } from '@/utils/data/keys';
import { readAllStores, withoutDerived } from '@/utils/backup/store';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import type { Profile } from '@/utils/catalogue/profile';
import { comparable } from '../fixtures/db/dump';
import { samples } from '../fixtures/db/samples';
import { deleteTestDatabase } from '../fixtures/db/wipe';

export const CUSTOM_PROFILE: Profile = { ...UCL_PROFILE, organisation: 'UCL (Physics)', dueSoonDays: 45 };

/** Every store filled with the samples, and a saved profile. */
export async function seedEverything(extra: (data: ReturnType<typeof samples>) => void = () => undefined): Promise<void> {
  const db = await openStore();
  const data = samples();
  extra(data);
  const names = Array.from(db.objectStoreNames);
  const tx = db.transaction(names, 'readwrite');
  for (const name of names) {
    const store = tx.objectStore(name);
    for (const e of data[name] ?? []) void (store.keyPath === null ? store.put(e.value as never, e.key as never) : store.put(e.value as never));
  }
  await tx.done;
  await browser.storage.local.set({ profile: CUSTOM_PROFILE, timeLog: { enabled: true, name: 'Alex Taylor' } });
}

/**
 * Everything the extension holds (less copies it rebuilds itself, and the database's own log of its
 * upgrades: a wiped database starts one afresh), in a form toEqual can compare (blob contents, not Blob objects).
 */
export async function everything(): Promise<unknown> {
  const db = await openStore();
  const stores = withoutDerived(await readAllStores(db)).map((s) => (s.name === 'meta' ? { ...s, entries: s.entries.filter((e) => e.key !== META_KEYS.schemaUpgrades) } : s));
  return { settings: await browser.storage.local.get(null), stores: await comparable(stores) };
}

export async function wipeEverything(): Promise<void> {
  await deleteTestDatabase();
  await browser.storage.local.clear();
}
