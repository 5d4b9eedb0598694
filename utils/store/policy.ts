// The organisation's policy, as Chrome gives it: managed storage (chrome.storage.managed), set by an
// administrator (docs/administrators.md) and checked against public/managed_schema.json by Chrome. Read
// only. Chrome answers it only once its policy service is ready, some seconds after the browser starts
// (~2.5 s measured in Chromium 156), so readers never wait for that: they take the copy the background
// keeps of the last policy read (storage.local `policy-copy`), and the background, which does wait,
// refreshes the copy and tells everyone when the policy turns out to have changed.
import { browser } from 'wxt/browser';
import { LOCAL_KEYS } from '@/utils/data/keys';
import { NO_POLICY, readPolicy, type PolicyReading } from '@/utils/catalogue/policy';
import { readLocal, removeLocal, writeLocal } from './local';

/** How long a reader waits for Chrome before it takes the copy: the answer takes a few ms once Chrome is ready. */
const READY_MS = 100;

type Raw = Record<string, unknown>;

/** What Chrome holds now; `{}` where this browser has no managed storage for the extension. */
async function readLive(): Promise<Raw> {
  try {
    return await browser.storage.managed.get(null);
  } catch {
    return {};
  }
}

/** The policy in force: Chrome's when it answers at once, else the last copy (none: nothing set yet). */
export async function readManagedPolicy(): Promise<PolicyReading> {
  const live = readLive();
  const late = Symbol('late');
  const first = await Promise.race([live, new Promise<typeof late>((resolve) => setTimeout(() => resolve(late), READY_MS))]);
  if (first !== late) return readPolicy(first);
  const copy = await readLocal(LOCAL_KEYS.policyCopy);
  return copy ? readPolicy(copy) : NO_POLICY;
}

/** JSON with keys in order, to compare two readings whatever order Chrome lists them in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Raw)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * For the background: waits for Chrome's answer and keeps it as the copy readers fall back on. True when
 * it differs from the copy (the policy changed since it was last read), so what depends on it is redone.
 */
export async function refreshPolicyCopy(): Promise<boolean> {
  const [live, copy] = await Promise.all([readLive(), readLocal(LOCAL_KEYS.policyCopy)]);
  if (canonical(live) === canonical(copy ?? {})) return false;
  if (Object.keys(live).length) await writeLocal(LOCAL_KEYS.policyCopy, live);
  else await removeLocal(LOCAL_KEYS.policyCopy);
  return true;
}

/** Calls `listener` when the administrator changes the policy (Chrome reloads it while running). Returns a stop function. */
export function onPolicyChanged(listener: () => void): () => void {
  const changed = (_changes: unknown, area: string) => {
    if (area === 'managed') listener();
  };
  browser.storage.onChanged.addListener(changed);
  return () => browser.storage.onChanged.removeListener(changed);
}
