// Extension pages read the extension's data through these hooks, never by opening the store: each read
// says when it fails (nothing hangs on "Loading…"), and reads again when the background or another page
// says the data changed (utils/data/send.ts `onBroadcast`).
import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { BroadcastType } from '@/utils/data/messages';
import { onBroadcast } from '@/utils/data/send';
import { errorText } from '@/utils/errors';
import { NewerDataError } from '@/utils/store/db';

export interface Read<T> {
  value: T | null;
  error: string | null;
  reload: () => Promise<void>;
}

/** The words shown when a read fails: what could not be read, why, and what to do. */
export function readError(what: string, error: unknown): string {
  // Data saved by a newer version: its own words say what to do (reopening would not help).
  if (error instanceof NewerDataError) return error.message;
  return `${what} could not be read (${errorText(error)}). Close and reopen this page; if it keeps happening, restart Chrome.`;
}

/**
 * `read` run after the first render (a layout effect: right after it, not a frame later), again on
 * `reload()`, and again whenever one of `on` is broadcast. `read` must be stable (a module function or
 * a useCallback).
 */
export function useRead<T>(read: () => Promise<T>, options: { what: string; on?: readonly BroadcastType[]; failure?: (error: unknown) => string }): Read<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { what, on = [], failure } = options;
  const reload = useCallback(async () => {
    try {
      setValue(await read());
      setError(null);
    } catch (e) {
      setError(failure ? failure(e) : readError(what, e));
    }
  }, [read, what, failure]);
  useLayoutEffect(() => {
    void reload();
  }, [reload]);
  const topics = on.join(' ');
  useEffect(() => (topics ? onBroadcast(topics.split(' ') as BroadcastType[], () => void reload()) : undefined), [topics, reload]);
  return { value, error, reload };
}
