// What a restored entry must look like before it may replace anything. Every entry of every store is
// checked for a valid IndexedDB key; stores whose values the extension relies on are also parsed with
// their zod schema. A store with no schema here (one added later) is restored as it was backed up —
// add it to STORE_SCHEMAS when its values have a schema. Pure.
import { z } from '@/utils/zod';
import { CompletionRecordSchema, IsoDateSchema } from '@/utils/records';
import type { KeyPath, StoreDump } from './format';

const BlobSchema = z.custom<Blob>((v) => v instanceof Blob, 'must be a file');

export const EvidenceItemSchema = z
  .object({
    id: z.string().check(z.minLength(1), z.maxLength(200)),
    kind: z.enum(['certificate', 'screenshot', 'history', 'other']),
    course: z.nullable(z.string().check(z.maxLength(500))),
    completedOn: z.nullable(IsoDateSchema),
    name: z.string().check(z.maxLength(500)),
    contentType: z.string().check(z.maxLength(200)),
    size: z.number().check(z.int(), z.gte(0)),
    sourceUrl: z.string().check(z.maxLength(2000)),
    addedAt: z.string(),
    countsForCompliance: z.boolean(),
    data: BlobSchema,
  })
  .check(z.refine((item) => item.size === item.data.size, { message: 'the file is not the size recorded', path: ['size'] }));

const ProblemSchema = z.object({
  id: z.number().check(z.int(), z.positive()),
  at: z.string(),
  kind: z.string().check(z.maxLength(100)),
  title: z.string().check(z.maxLength(1000)),
  pageUrl: z.string().check(z.maxLength(2000)),
});

interface Parser {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } };
}

export const STORE_SCHEMAS: Record<string, Parser> = {
  records: CompletionRecordSchema,
  evidence: EvidenceItemSchema,
  problems: ProblemSchema,
};

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

/** What a person calls each store, for messages and the restore preview. */
export const STORE_WORDS: Record<string, { plural: string; one: string }> = {
  records: { plural: 'Training records', one: 'training record' },
  evidence: { plural: 'Evidence files (certificates, screenshots, history files)', one: 'evidence file' },
  problems: { plural: 'Troubleshooting log entries', one: 'troubleshooting log entry' },
  meta: { plural: 'Saved details (your name and email, reminders sent)', one: 'saved detail' },
  teamReport: { plural: 'Team compliance report', one: 'team report' },
  teamPeople: { plural: 'Team marks (on leave, not working)', one: 'team mark' },
  teamSettings: { plural: 'Team page settings', one: 'team setting' },
  timeLog: { plural: 'Training time log entries', one: 'time log entry' },
};

export function storeWords(name: string): { plural: string; one: string } {
  return STORE_WORDS[name] ?? { plural: `Other data (${name})`, one: `${name} entry` };
}

/**
 * Every entry of one store, checked. Returns the first problem in plain words (no full stop), or null. The values
 * themselves are restored as they are (not the parsed copies), so fields a schema does not know survive.
 */
export function checkStore(store: StoreDump): string | null {
  const words = storeWords(store.name);
  const schema = STORE_SCHEMAS[store.name];
  const seen = new Set<string>();
  for (const [i, entry] of store.entries.entries()) {
    const which = `${words.one} ${i + 1}`;
    const key = store.keyPath === null ? entry.key : keyAt(entry.value, store.keyPath);
    if (key === undefined && store.keyPath !== null && store.autoIncrement) continue;
    if (!isValidKey(key)) return `${which} has no valid key`;
    // Duplicates would silently overwrite each other on restore; the stores here use text or number keys.
    if (typeof key === 'string' || typeof key === 'number') {
      const id = `${typeof key}:${String(key)}`;
      if (seen.has(id)) return `${which} repeats the key of another entry`;
      seen.add(id);
    }
    if (schema) {
      const parsed = schema.safeParse(entry.value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return `${which}${issue?.path.length ? `, ${issue.path.map(String).join('.')}` : ''}: ${issue?.message ?? 'not valid'}`;
      }
    }
  }
  return null;
}
