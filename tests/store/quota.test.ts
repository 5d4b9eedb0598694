// Storage pressure: a warning before the quota runs out, a plain message when it does, and no partial
// writes — a write that fails half-way leaves exactly what was there before.
import { afterEach, describe, expect, it } from 'vitest';
import { addEvidence, listEvidence, StorageFullError, type NewEvidence } from '@/utils/store/evidence';
import { listRecords, upsertRecords } from '@/utils/store/records';
import { isQuotaError, storageWarning } from '@/utils/store/quota';
import { sampleRecord } from '../fixtures/db/samples';
import { failWrite, type QuotaFake } from './quota-fake';
import { deleteTestDatabase } from '../fixtures/db/wipe';

let fake: QuotaFake | null = null;
afterEach(async () => {
  fake?.restore();
  fake = null;
  await deleteTestDatabase();
});

const pdf = (n: number): NewEvidence => ({
  kind: 'certificate', course: 'UCL Fire Safety', completedOn: null, name: `cert-${n}.pdf`, contentType: 'application/pdf', sourceUrl: '',
  countsForCompliance: true, data: new Blob([`%PDF-1.4 ${n}`], { type: 'application/pdf' }),
});

describe('a full disk in the middle of a write', () => {
  it.each(['request', 'throw'] as const)('evidence: three files at once, the second refused (%s): none kept, a plain message', async (how) => {
    await addEvidence([pdf(0)]);
    fake = failWrite(2, how);
    const error = await addEvidence([pdf(1), pdf(2), pdf(3)]).catch((e: unknown) => e);
    expect(fake.fired()).toBe(true);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toMatch(/no room left.*Nothing already stored was lost/);
    fake.restore();
    expect((await listEvidence()).map((e) => e.name)).toEqual(['cert-0.pdf']);
  });

  it.each(['request', 'throw'] as const)('records: five at once, the third refused (%s): none kept', async (how) => {
    await upsertRecords([sampleRecord(0)]);
    fake = failWrite(3, how);
    const error = await upsertRecords([1, 2, 3, 4, 5].map((i) => sampleRecord(i))).catch((e: unknown) => e);
    expect(fake.fired()).toBe(true);
    expect(error).toBeInstanceOf(StorageFullError);
    fake.restore();
    expect((await listRecords()).map((r) => r.id)).toEqual([sampleRecord(0).id]);
  });
});

describe('storage warning', () => {
  it('says nothing below 90% of the quota, and says what to do above it', () => {
    expect(storageWarning(null)).toBeNull();
    expect(storageWarning({ usage: 0, quota: 0 })).toBeNull();
    expect(storageWarning({ usage: 90, quota: 100 })).toBeNull();
    const warning = storageWarning({ usage: 950 * 1024 * 1024, quota: 1000 * 1024 * 1024 });
    expect(warning).toMatch(/nearly full: 95%/);
    expect(warning).toMatch(/950\.0 MB of 1000\.0 MB/);
    expect(warning).toMatch(/backup/i);
  });

  it('knows a quota error by name, whatever carries it', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'QuotaExceededError' })).toBe(true);
    expect(isQuotaError(new DOMException('x', 'AbortError'))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
  });
});
