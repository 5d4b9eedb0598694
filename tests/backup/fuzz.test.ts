// Issue 14, "Evidence it works": restore fed random and mutated files (fast-check) never loses the data
// already held and never throws past the page — every failure is a BackupError, which the settings
// page shows in words — and a file it does accept restores exactly what the backup held.
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { openStore } from '@/utils/store/db';
import { applyRestore, createBackup, prepareRestore } from '@/utils/backup/store';
import { BackupError, INDEX_PATH } from '@/utils/backup/format';
import { sampleRecord } from '../fixtures/db/samples';
import { everything, seedEverything, wipeEverything } from './helpers';

let good: Uint8Array;
/** What the backup holds, and what is held now (a later change, so "nothing changed" is a real check). */
let backedUp: unknown;
let held: unknown;

async function holdLaterState(): Promise<void> {
  await wipeEverything();
  await seedEverything();
  await (await openStore()).put('records', sampleRecord(42, { course: 'Prevent at UCL' }));
  await browser.storage.local.set({ profile: { ...((await browser.storage.local.get('profile')).profile as object), organisation: 'Changed since' } });
}

// Per test: the fake browser's storage is reset before each one (tests/setup.ts).
beforeEach(async () => {
  await wipeEverything();
  await seedEverything();
  backedUp = await everything();
  good = (await createBackup(new Date('2026-11-28T10:00:00Z'))).zip;
  await holdLaterState();
  held = await everything();
});
afterEach(wipeEverything);

/** Restores `bytes` as the settings page does; the outcome, and what is held afterwards. */
async function tryRestore(bytes: Uint8Array): Promise<void> {
  const error = await prepareRestore(bytes).then(applyRestore).then(() => null, (e: unknown) => e);
  if (error === null) {
    // Accepted: only a file that still is the backup (a change the zip format ignores) may be.
    expect(await everything()).toEqual(backedUp);
    await holdLaterState();
    return;
  }
  expect(error, String(error)).toBeInstanceOf(BackupError);
  expect((error as Error).message.length).toBeGreaterThan(10);
  expect(await everything()).toEqual(held);
}

const mutation = fc.oneof(
  // Bytes changed anywhere: the entries, their headers, the central directory.
  fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), value: fc.integer({ min: 0, max: 255 }) }),
  // Cut short, as an interrupted download.
  fc.record({ kind: fc.constant('cut' as const), keep: fc.double({ min: 0, max: 1, noNaN: true }) }),
  // Bytes inserted (a copy that went through a text conversion, say).
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const out = bytes.slice();
  if (m.kind === 'flip') {
    for (const at of m.at) out[at % out.length] = m.value;
    return out;
  }
  if (m.kind === 'cut') return out.subarray(0, Math.floor(out.length * m.keep));
  const at = m.at % out.length;
  return new Uint8Array([...out.subarray(0, at), ...m.bytes, ...out.subarray(at)]);
}

describe('restore, fuzzed', () => {
  it('a mutated backup is refused in words, or restores exactly the backup; what is held is never lost', async () => {
    await fc.assert(fc.asyncProperty(mutation, async (m) => tryRestore(mutate(good, m))), { numRuns: 150 });
  }, 120_000);

  it('random files, and random zips that look like a backup, are refused in words and change nothing', async () => {
    const name = fc.constantFrom(INDEX_PATH, 'stores/records.json', 'stores/meta.json', 'evidence/1.pdf', 'settings.json', '../escape.json', 'x');
    const json = fc.jsonValue().map((v) => strToU8(JSON.stringify(v)));
    const zip = fc.dictionary(name, fc.oneof(json, fc.uint8Array({ maxLength: 200 }))).map((files) => zipSync(files));
    await fc.assert(fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 400 }), zip), async (bytes) => tryRestore(bytes)), { numRuns: 150 });
  }, 120_000);
});
