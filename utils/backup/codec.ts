// IndexedDB keeps structured-clone values (Blobs, ArrayBuffers, Dates…); a backup is JSON plus files.
// encodeValue turns any stored value into JSON, moving binary parts out to files by reference;
// decodeValue turns it back. Generic on purpose: a store added later is backed up with no code here.
// Pure: no storage, no DOM.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A tagged value: the only objects in a backup with this key are ours (a stored `$mtc` key is escaped). */
const TAG = '$mtc';

export class UnsupportedValueError extends Error {}
export class DecodeError extends Error {}

/** Where binary parts go while encoding: returns the reference (a path in the zip) for each. */
export interface BinarySink {
  add(data: Blob | Uint8Array): string;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function copyBytes(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer);
}

/** `where` names the store and key in the message, so a failed backup says what it could not save. */
export function encodeValue(value: unknown, sink: BinarySink, where: string): Json {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (Number.isNaN(value)) return { [TAG]: 'number', value: 'NaN' };
      if (value === Infinity) return { [TAG]: 'number', value: 'Infinity' };
      if (value === -Infinity) return { [TAG]: 'number', value: '-Infinity' };
      if (Object.is(value, -0)) return { [TAG]: 'number', value: '-0' };
      return value;
    case 'undefined':
      return { [TAG]: 'undefined' };
    case 'object':
      break;
    default:
      throw new UnsupportedValueError(`${where}: a ${typeof value} cannot be backed up`);
  }
  if (value === null) return null;
  if (Array.isArray(value)) return value.map((item, i) => encodeValue(item, sink, `${where}[${i}]`));
  if (value instanceof Blob) {
    const tagged: Json = { [TAG]: 'blob', file: sink.add(value), type: value.type };
    if (typeof File !== 'undefined' && value instanceof File) tagged.name = value.name;
    return tagged;
  }
  if (value instanceof ArrayBuffer) return { [TAG]: 'buffer', file: sink.add(new Uint8Array(value.slice(0))) };
  if (value instanceof Uint8Array) return { [TAG]: 'bytes', file: sink.add(copyBytes(value)) };
  if (value instanceof Date) return { [TAG]: 'date', time: encodeValue(value.getTime(), sink, where) };
  if (isPlainObject(value)) {
    const out: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value)) {
      // A missing property and an undefined one read the same; leaving it out keeps files small.
      if (item !== undefined) out[key] = encodeValue(item, sink, `${where}.${key}`);
    }
    return TAG in value ? { [TAG]: 'object', value: out } : out;
  }
  const kind = (value as object).constructor?.name ?? 'object';
  throw new UnsupportedValueError(`${where}: a ${kind} cannot be backed up`);
}

/** Reads back what encodeValue wrote. `file(ref)` gives a file's bytes, or undefined when there is none. */
export function decodeValue(json: unknown, file: (ref: string) => { bytes: Uint8Array } | undefined, where = 'value'): unknown {
  if (json === null || typeof json === 'string' || typeof json === 'boolean') return json;
  if (typeof json === 'number') {
    if (!Number.isFinite(json)) throw new DecodeError(`${where}: not a number`);
    return json;
  }
  if (Array.isArray(json)) return json.map((item, i) => decodeValue(item, file, `${where}[${i}]`));
  if (typeof json !== 'object') throw new DecodeError(`${where}: unexpected value`);
  const obj = json as Record<string, unknown>;
  if (!(TAG in obj)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(obj)) {
      // Own data property even for "__proto__": a plain assignment would change the prototype instead.
      Object.defineProperty(out, key, { value: decodeValue(item, file, `${where}.${key}`), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  const bytesOf = (ref: unknown): Uint8Array => {
    const found = typeof ref === 'string' ? file(ref) : undefined;
    if (!found) throw new DecodeError(`${where}: refers to a file the backup does not hold`);
    return found.bytes;
  };
  switch (obj[TAG]) {
    case 'undefined':
      return undefined;
    case 'number': {
      const special: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 };
      const value = typeof obj.value === 'string' ? special[obj.value] : undefined;
      if (value === undefined) throw new DecodeError(`${where}: unknown number`);
      return value;
    }
    case 'blob': {
      const bytes = bytesOf(obj.file);
      const type = typeof obj.type === 'string' ? obj.type : '';
      if (typeof obj.name === 'string' && typeof File !== 'undefined') return new File([bytes as BlobPart], obj.name, { type });
      return new Blob([bytes as BlobPart], { type });
    }
    case 'buffer':
      return bytesOf(obj.file).slice().buffer;
    case 'bytes':
      return bytesOf(obj.file).slice();
    case 'date': {
      const time = decodeValue(obj.time, file, where);
      if (typeof time !== 'number') throw new DecodeError(`${where}: not a date`);
      return new Date(time);
    }
    case 'object': {
      if (typeof obj.value !== 'object' || obj.value === null || Array.isArray(obj.value)) throw new DecodeError(`${where}: not an object`);
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(obj.value)) {
        Object.defineProperty(out, key, { value: decodeValue(item, file, `${where}.${key}`), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    default:
      throw new DecodeError(`${where}: unknown kind of value`);
  }
}
