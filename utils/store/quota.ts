// Running out of room: spotting the browser's quota errors, and warning before it happens.
// Pure apart from storageEstimate (navigator.storage).

/** The browser refused a write for lack of space (an IndexedDB request, or the transaction's error). */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; code?: unknown };
  return e.name === 'QuotaExceededError' || (error instanceof DOMException && e.code === 22);
}

/**
 * Aborts a transaction that may still be running; its pending requests' own rejections are expected
 * (the caller reports the first error) and would otherwise surface as unhandled.
 */
export function abortQuietly(tx: { abort(): void; done: Promise<unknown> }, requests: Promise<unknown>[] = []): void {
  for (const p of [tx.done, ...requests]) p.catch(() => undefined);
  try {
    tx.abort();
  } catch {
    // already committed or aborted
  }
}

/** Above this share of the quota, the pages say so before anything fails. */
export const PRESSURE_RATIO = 0.9;

export interface StorageUse {
  usage: number;
  quota: number;
}

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
}

/** A warning in plain words when storage is nearly full, else null. */
export function storageWarning(use: StorageUse | null): string | null {
  if (!use || !(use.quota > 0) || use.usage / use.quota <= PRESSURE_RATIO) return null;
  const percent = Math.min(100, Math.floor((use.usage / use.quota) * 100));
  return (
    `Storage is nearly full: ${percent}% of the space this browser allows is used (${size(use.usage)} of ${size(use.quota)}). ` +
    'New certificates or screenshots may not fit. Make a backup (Settings, “Back up everything”), then delete evidence you no longer need or free some disk space.'
  );
}

export async function storageEstimate(): Promise<StorageUse | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return null;
  const { usage = 0, quota = 0 } = await navigator.storage.estimate();
  return { usage, quota };
}
