// Backups that must be refused — damaged, cut short, from a newer version, tampered with — each with
// a clear message, and with nothing changed; and a restore that runs out of room half-way changes nothing.
import { unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { DB_VERSION, openStore } from '@/utils/store/db';
import { applyRestore, createBackup, prepareRestore, RESTORE_NO_ROOM } from '@/utils/backup/store';
import { BackupError, INDEX_PATH, type BackupIndex } from '@/utils/backup/format';
import { sha256Hex } from '@/utils/bytes';
import { sampleRecord } from '../fixtures/db/samples';
import { failWrite, type QuotaFake } from '../store/quota-fake';
import { everything, seedEverything, wipeEverything } from './helpers';

let good: Uint8Array;
let before: unknown;
let fake: QuotaFake | null = null;

beforeEach(async () => {
  await seedEverything();
  good = (await createBackup(new Date('2026-11-28T10:00:00Z'))).zip;
  // What is held now differs from the backup, so "nothing changed" is a real check.
  await (await openStore()).put('records', sampleRecord(42, { course: 'Prevent at UCL' }));
  await browser.storage.local.set({ profile: { ...((await browser.storage.local.get('profile')).profile as object), organisation: 'Changed since' } });
  before = await everything();
});
afterEach(async () => {
  fake?.restore();
  fake = null;
  await wipeEverything();
});

const enc = new TextEncoder();
const dec = new TextDecoder();

/** Rewrites files inside the zip; `rehash` keeps the index's sizes and checksums in step (a careful forger). */
async function edit(change: (files: Record<string, Uint8Array>, index: BackupIndex) => void, rehash = false): Promise<Uint8Array> {
  const files = unzipSync(good);
  const index = JSON.parse(dec.decode(files[INDEX_PATH])) as BackupIndex;
  change(files, index);
  if (rehash) {
    for (const f of index.files) {
      if (!files[f.path]) continue;
      f.size = files[f.path]!.length;
      f.sha256 = await sha256Hex(files[f.path]!);
    }
  }
  files[INDEX_PATH] = enc.encode(JSON.stringify(index));
  return zipSync(files);
}

async function refused(bytes: Uint8Array, message: RegExp): Promise<void> {
  const error = await prepareRestore(bytes).then(applyRestore).then(() => null, (e: unknown) => e);
  expect(error, 'restored when it should have been refused').toBeInstanceOf(BackupError);
  expect((error as Error).message).toMatch(message);
  expect(await everything()).toEqual(before);
}

describe('refused backups change nothing', () => {
  it('an empty file', () => refused(new Uint8Array(), /The file is empty/));

  it('a file that is not a zip', () => refused(enc.encode('Hello, I am a spreadsheet, honest.'), /not a Mandatory Training Companion backup/));

  it('a zip that is not a backup (an evidence pack, say)', () => refused(zipSync({ 'manifest.json': enc.encode('{}'), 'summary.html': enc.encode('<p>') }), /not a Mandatory Training Companion backup/));

  it('a backup cut short (an interrupted download)', async () => {
    for (const keep of [0.3, 0.9, 0.999]) await refused(good.slice(0, Math.floor(good.length * keep)), /damaged or incomplete/);
  });

  it('a backup with a byte flipped inside a certificate', async () => {
    const at = findBytes(good, enc.encode('%PDF-1.4'));
    expect(at).toBeGreaterThan(0);
    const bad = good.slice();
    bad[at + 3] = bad[at + 3]! ^ 0xff;
    await refused(bad, /changed or damaged since it was made: files\/\d+ does not match its checksum/);
  });

  it('a backup from a newer version of the extension', async () => {
    await refused(await edit((_, index) => void (index.formatVersion = 2 as 1)), /newer version of the extension/);
    await refused(await edit((_, index) => void (index.schemaVersion = DB_VERSION + 1)), /newer version of the extension/);
  });

  it('a backup whose index is not what we write', async () => {
    await refused(zipSync({ ...unzipSync(good), [INDEX_PATH]: enc.encode('{"format":') }), /damaged or incomplete .*\(Its index cannot be read\.\)/);
    await refused(await edit((_, index) => void ((index as { stores: unknown }).stores = 'all of them')), /damaged or incomplete.*stores/);
  });

  it('a record edited after the backup was made (checksum no longer matches)', async () => {
    const bad = await edit((files) => {
      files['stores/records.json'] = enc.encode(dec.decode(files['stores/records.json']).replace('"completedOn":"2021', '"completedOn":"2029'));
    });
    await refused(bad, /stores\/records\.json does not match its checksum/);
  });

  it('a record edited, checksums forged: refused by the record rules, naming the field', async () => {
    const bad = await edit((files) => {
      files['stores/records.json'] = enc.encode(dec.decode(files['stores/records.json']).replace('"completedOn":"2021-02-11"', '"completedOn":"11/02/2021"'));
    }, true);
    await refused(bad, /training records are not valid \(training record \d+, completedOn: /);
  });

  it('an evidence file swapped for another size, checksums forged: refused', async () => {
    const bad = await edit((files, index) => {
      const blob = index.files.find((f) => f.path.startsWith('files/'))!;
      files[blob.path] = enc.encode('something else entirely, and longer than before');
    }, true);
    await refused(bad, /evidence files .* are not valid \(evidence file \d+, size: the file is not the size recorded\)/);
  });

  it('files added to the zip that the index does not list', () => refused(
    (() => {
      const files = unzipSync(good);
      files['files/999999'] = enc.encode('<script>alert(1)</script>');
      return zipSync(files);
    })(),
    /holds files its index does not list \(files\/999999\)/,
  ));

  it('a store missing, or one this version does not know', async () => {
    await refused(await edit((_, index) => void (index.stores = index.stores.filter((s) => s.name !== 'evidence'))), /belongs to nothing|no evidence files/);
    await refused(
      await edit((files, index) => {
        files['stores/mystery.json'] = enc.encode('[]');
        index.stores.push({ name: 'mystery', file: 'stores/mystery.json', count: 0, keyPath: null, autoIncrement: false });
        index.files.push({ path: 'stores/mystery.json', size: 2, sha256: '' });
      }, true),
      /does not know \(mystery\)/,
    );
  });

  it('settings in the backup that are not valid', async () => {
    await refused(await edit((_, index) => void ((index.profile as { mailbox: string }).mailbox = 'not an email')), /settings in the backup are not valid/);
  });
});

describe('running out of room while restoring', () => {
  it.each(['request', 'throw'] as const)('the disk fills half-way (%s): the message says so and nothing changed', async (how) => {
    const prepared = await prepareRestore(good);
    fake = failWrite(6, how);
    const error = await applyRestore(prepared).then(() => null, (e: unknown) => e);
    expect(fake.fired()).toBe(true);
    fake.restore();
    expect((error as Error).message).toBe(RESTORE_NO_ROOM);
    expect(await everything()).toEqual(before);
  });
});

function findBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
