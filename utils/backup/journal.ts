// A restore is all or nothing across IndexedDB and storage.local, even when the settings page goes away
// half-way. The order makes that possible:
//   1. a journal in storage.local (`restore-journal`) says a restore has begun and holds the settings it
//      will put in place;
//   2. one IndexedDB transaction replaces every store and, in the same transaction, marks `meta`
//      `restore-committed` with the journal's id: either all of it happened or none of it did;
//   3. the settings are replaced, then the journal and the mark are removed.
// On the next start (the background, or the settings page when it opens), a journal left behind is
// finished when the mark says step 2 happened, and otherwise dropped (nothing had changed); either way
// the user is told which (`restore-outcome`). A Web Lock keeps a running restore and a recovery apart.
import { LOCAL, isLocalKey, type RestoreJournal, type RestoreOutcome } from '@/utils/data/local';
import { LOCAL_KEYS, META_KEYS } from '@/utils/data/keys';
import { deleteMeta, readMeta } from '@/utils/store/meta';
import { readAllLocal, readLocal, removeLocal, replaceLocal, writeLocal } from '@/utils/store/local';

const LOCK = 'mtc-restore';

interface LockManagerLike {
  request<T>(name: string, options: { ifAvailable?: boolean }, work: (lock: unknown) => Promise<T>): Promise<T>;
}

/**
 * Runs `work` holding the restore lock, shared by the extension's pages and its service worker (Web
 * Locks). With `ifAvailable`, gives up (null) when someone else holds it: a restore is running. Where
 * there are no Web Locks (unit tests), runs without one.
 */
export async function withRestoreLock<T>(work: () => Promise<T>, options: { ifAvailable?: boolean } = {}): Promise<T | null> {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  if (!locks) return work();
  return locks.request(LOCK, { ifAvailable: options.ifAvailable ?? false }, async (lock) => (lock === null ? null : work()));
}

/** The storage.local keys a restore replaces: the carried ones. */
export function carriedLocalKeys(): string[] {
  return Object.entries(LOCAL)
    .filter(([, declared]) => declared.backup === 'carried')
    .map(([key]) => key);
}

export async function beginRestore(fileName: string, settings: Record<string, unknown>, now = new Date()): Promise<RestoreJournal> {
  const journal: RestoreJournal = { id: crypto.randomUUID(), fileName: fileName.slice(0, 500), startedAt: now.toISOString(), settings };
  await writeLocal(LOCAL_KEYS.restoreJournal, journal);
  return journal;
}

/**
 * Step 3: the journal's settings in place, then the journal and the mark gone. Carried keys the journal
 * does not hold are removed, and so are keys this version does not declare; per-device ones stay.
 */
export async function finishRestore(journal: RestoreJournal): Promise<void> {
  const held = await readAllLocal();
  const carried = carriedLocalKeys();
  const gone = Object.keys(held).filter((key) => (carried.includes(key) && !(key in journal.settings)) || !isLocalKey(key));
  await replaceLocal(Object.fromEntries(Object.entries(journal.settings).filter(([key]) => carried.includes(key))), gone);
  await removeLocal(LOCAL_KEYS.restoreJournal);
  await deleteMeta(META_KEYS.restoreCommitted);
}

/** A restore that failed before its transaction committed: nothing changed, the journal goes. */
export async function abandonRestore(): Promise<void> {
  await removeLocal(LOCAL_KEYS.restoreJournal);
}

/**
 * Finishes or undoes a restore left half-done, and notes which for the settings page. Null when there was
 * none. The worker, at start, passes `wait: false`: a restore running in a page right now is left alone;
 * a page waits for one to end (then finds nothing left to do).
 */
export async function recoverRestore(now = new Date(), options: { wait?: boolean } = {}): Promise<RestoreOutcome | null> {
  return withRestoreLock(
    async () => {
      const journal = await readLocal(LOCAL_KEYS.restoreJournal);
      if (!journal) {
        // A mark with no journal: step 3 was cut short after the journal went; nothing is left to do.
        if (await readMeta(META_KEYS.restoreCommitted)) await deleteMeta(META_KEYS.restoreCommitted);
        return null;
      }
      const committed = (await readMeta(META_KEYS.restoreCommitted))?.id === journal.id;
      if (committed) await finishRestore(journal);
      else await abandonRestore();
      const outcome: RestoreOutcome = { outcome: committed ? 'finished' : 'undone', fileName: journal.fileName, at: now.toISOString() };
      await writeLocal(LOCAL_KEYS.restoreOutcome, outcome);
      return outcome;
    },
    { ifAvailable: !options.wait },
  );
}

/** What the settings page says about a restore that was cut short, once. */
export async function takeRestoreOutcome(): Promise<RestoreOutcome | null> {
  const outcome = (await readLocal(LOCAL_KEYS.restoreOutcome)) ?? null;
  if (outcome) await removeLocal(LOCAL_KEYS.restoreOutcome);
  return outcome;
}

/** The words for an outcome. */
export function restoreOutcomeText(outcome: RestoreOutcome): string {
  return outcome.outcome === 'finished'
    ? `The restore of “${outcome.fileName}” was interrupted (the page closed before it ended). It has now been finished: everything is as in that backup.`
    : `The restore of “${outcome.fileName}” was interrupted before it changed anything. Nothing was restored: everything is as it was before. Restore it again if you still want to.`;
}
