// The organisation's policy, as Chrome gives it: managed storage (chrome.storage.managed), set by an
// administrator (docs/administrators.md) and checked against public/managed_schema.json by Chrome. Read
// only; read afresh each time, so a policy change applies at once.
import { browser } from 'wxt/browser';
import { NO_POLICY, readPolicy, type PolicyReading } from '@/utils/catalogue/policy';

export async function readManagedPolicy(): Promise<PolicyReading> {
  let raw: unknown;
  try {
    raw = await browser.storage.managed.get(null);
  } catch {
    // A browser without managed storage for this extension (no policy support): nothing is set.
    return NO_POLICY;
  }
  return readPolicy(raw);
}

/** Calls `listener` when the administrator changes the policy (Chrome reloads it while running). Returns a stop function. */
export function onPolicyChanged(listener: () => void): () => void {
  const changed = (_changes: unknown, area: string) => {
    if (area === 'managed') listener();
  };
  browser.storage.onChanged.addListener(changed);
  return () => browser.storage.onChanged.removeListener(changed);
}
