// A full disk, faked inside fake-indexeddb. Two ways a write can fail:
// - 'request': the Nth write's request fails once the transaction runs it, as Chrome reports a full
//   disk (an error on the request, then the transaction aborts with QuotaExceededError);
// - 'throw': the Nth put()/add() call throws on the spot (what IndexedDB does for a value or key it
//   refuses), which leaves the transaction running unless our code aborts it.

type AnyFn = (...args: unknown[]) => unknown;

export interface QuotaFake {
  /** Whether the failure has happened yet. */
  fired(): boolean;
  restore(): void;
}

export function failWrite(nth: number, how: 'request' | 'throw' = 'request'): QuotaFake {
  const proto = IDBObjectStore.prototype as unknown as Record<'put' | 'add', AnyFn>;
  const original = { put: proto.put, add: proto.add };
  const patchedRaw: { proto: Record<string, AnyFn>; storeRecord: AnyFn }[] = [];
  let calls = 0;
  let writes = 0;
  let fired = false;

  const armRaw = (store: unknown) => {
    const raw = (store as { _rawObjectStore?: object })._rawObjectStore;
    if (!raw) throw new Error('not fake-indexeddb: cannot fake a full disk');
    const rawProto = Object.getPrototypeOf(raw) as Record<string, AnyFn>;
    if (patchedRaw.some((p) => p.proto === rawProto)) return;
    const storeRecord = rawProto.storeRecord!;
    patchedRaw.push({ proto: rawProto, storeRecord });
    rawProto.storeRecord = function (this: unknown, record: unknown, noOverwrite: unknown, rollbackLog: unknown) {
      // Rollback re-stores old records without a log: never fail those.
      if (rollbackLog && !fired && ++writes >= nth) {
        fired = true;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return storeRecord.call(this, record, noOverwrite, rollbackLog);
    };
  };

  for (const method of ['put', 'add'] as const) {
    proto[method] = function (this: unknown, ...args: unknown[]) {
      if (how === 'request') armRaw(this);
      else if (!fired && ++calls >= nth) {
        fired = true;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return original[method].apply(this, args);
    };
  }
  return {
    fired: () => fired,
    restore() {
      proto.put = original.put;
      proto.add = original.add;
      for (const p of patchedRaw) p.proto.storeRecord = p.storeRecord;
    },
  };
}
