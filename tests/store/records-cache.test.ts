// The one-value copy of the records (a speed-up for 5,000 records) must always read the same as the
// records store itself, whatever sequence of saves, deletes and lost copies came before.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '@/utils/store/db';
import { deleteRecord, listRecords, readRecordsBasis, RECORDS_BASIS_KEY, RECORDS_CACHE_KEY, upsertRecords } from '@/utils/store/records';
import { summaryBasis } from '@/utils/renewal/basis';
import { RECORDS_BASIS_VERSION } from '@/utils/data/meta';
import { createBackup } from '@/utils/backup/store';
import { unzipSync } from 'fflate';
import { sampleRecord } from '../fixtures/db/samples';
import { failWrite } from './quota-fake';
import { deleteTestDatabase } from '../fixtures/db/wipe';

afterEach(deleteTestDatabase);

const raw = async () => (await openStore()).getAll('records');

describe('records cache', () => {
  it('reads the same as the records store, and the course-line basis matches them, after any mix of saves, deletes and a lost copy', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('save' as const), ids: fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 4 }), seen: fc.integer({ min: 1, max: 28 }) }),
      fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 12 }) }),
      fc.record({ kind: fc.constant('drop-copy' as const) }),
      fc.record({ kind: fc.constant('drop-basis' as const) }),
      fc.record({ kind: fc.constant('read-basis' as const) }),
      fc.record({ kind: fc.constant('read' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 12 }), async (ops) => {
        await deleteTestDatabase();
        for (const o of ops) {
          if (o.kind === 'save') await upsertRecords(o.ids.map((i) => sampleRecord(i, { seenAt: `2026-10-${String(o.seen).padStart(2, '0')}T00:00:00.000Z` })));
          else if (o.kind === 'delete') await deleteRecord(sampleRecord(o.id).id);
          else if (o.kind === 'drop-copy') await (await openStore()).delete('meta', RECORDS_CACHE_KEY);
          else if (o.kind === 'drop-basis') await (await openStore()).delete('meta', RECORDS_BASIS_KEY);
          else if (o.kind === 'read-basis') await readRecordsBasis();
          else await listRecords();
          const held = await raw();
          expect(await readRecordsBasis()).toEqual({ version: RECORDS_BASIS_VERSION, count: held.length, records: summaryBasis(held) });
          expect(await listRecords()).toEqual(held);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('keeps the basis it had to rebuild (an update from before the basis has only the copy)', async () => {
    await upsertRecords([sampleRecord(1), sampleRecord(2)]);
    await listRecords();
    await (await openStore()).delete('meta', RECORDS_BASIS_KEY);
    const basis = await readRecordsBasis();
    expect(await (await openStore()).get('meta', RECORDS_BASIS_KEY)).toEqual(basis);
    expect(basis).toEqual({ version: RECORDS_BASIS_VERSION, count: 2, records: summaryBasis(await raw()) });
  });

  it('a failed save leaves the copy as it was', async () => {
    await upsertRecords([sampleRecord(1)]);
    await listRecords();
    const fake = failWrite(2, 'request');
    await expect(upsertRecords([sampleRecord(2), sampleRecord(3)])).rejects.toThrow();
    fake.restore();
    expect(await listRecords()).toEqual([sampleRecord(1)]);
    expect(await raw()).toEqual([sampleRecord(1)]);
  });

  it('is not put in backups, nor is the basis (both are rebuilt from the records)', async () => {
    await upsertRecords([sampleRecord(1)]);
    await listRecords();
    expect(await (await openStore()).get('meta', RECORDS_CACHE_KEY)).toBeDefined();
    const files = unzipSync((await createBackup()).zip);
    expect(await (await openStore()).get('meta', RECORDS_BASIS_KEY)).toBeDefined();
    const meta = new TextDecoder().decode(files['stores/meta.json']);
    expect(meta).not.toContain(RECORDS_CACHE_KEY);
    expect(meta).not.toContain(RECORDS_BASIS_KEY);
  });
});

describe('a basis made by other rules', () => {
  it('is not used, and is rebuilt by the current rules on its next read', async () => {
    await upsertRecords([sampleRecord(1), sampleRecord(2)]);
    const current = await readRecordsBasis();
    // As an older version left it: the same shape, another rules version, and records the rules no longer keep.
    await (await openStore()).put('meta', { ...current, version: RECORDS_BASIS_VERSION - 1, records: [] }, RECORDS_BASIS_KEY);
    expect(await readRecordsBasis()).toEqual(current);
    expect(await (await openStore()).get('meta', RECORDS_BASIS_KEY)).toEqual(current);
  });
});
