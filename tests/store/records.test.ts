import { afterEach, describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION } from '@/utils/store/db';
import { listRecords, upsertRecords } from '@/utils/store/records';
import { recordId, type CompletionRecord } from '@/utils/records';
import { savePageRecords } from '@/utils/background/state';
import { deleteTestDatabase } from '../fixtures/db/wipe';

function record(patch: Partial<CompletionRecord> = {}): CompletionRecord {
  const base: CompletionRecord = {
    id: '', course: 'UCL Fire Safety', title: 'UCL Fire Safety', status: 'completed', completedOn: '2025-03-03', dueOn: null,
    certExpiresOn: '2028-03-03', enrollmentId: '109552810', certificateUrl: 'https://ucl.learnupon.com/c.pdf', source: 'learnupon',
    sourceUrl: 'https://ucl.learnupon.com/dashboard', seenAt: '2026-11-28T09:00:00Z', countsForCompliance: true, ...patch,
  };
  return { ...base, id: patch.id ?? recordId(base) };
}

afterEach(deleteTestDatabase);

describe('records store', () => {
  it('opens at the latest schema version', async () => {
    await listRecords();
    const dbs = await indexedDB.databases();
    expect(dbs.find((d) => d.name === DB_NAME)?.version).toBe(DB_VERSION);
  });

  it('a later read never erases an earlier completion or certificate', async () => {
    await upsertRecords([record()]);
    await upsertRecords([record({ completedOn: null, certExpiresOn: null, certificateUrl: null, id: recordId(record()), seenAt: '2026-11-29T09:00:00Z' })]);
    const [held] = await listRecords();
    expect(held).toMatchObject({ completedOn: '2025-03-03', certExpiresOn: '2028-03-03', certificateUrl: 'https://ucl.learnupon.com/c.pdf', seenAt: '2026-11-29T09:00:00Z' });
  });

  it('is all or nothing: one invalid record stores none', async () => {
    await upsertRecords([record()]);
    await expect(upsertRecords([record({ enrollmentId: '1' }), { ...record(), completedOn: 'yesterday' }])).rejects.toThrow();
    expect(await listRecords()).toHaveLength(1);
  });

  it('a page may only store records of its own site and host', async () => {
    // The readings say nothing of source or address; whatever else a message claims is not read.
    const page = { kind: 'content' as const, site: 'learnupon' as const, url: new URL('https://ucl.learnupon.com/dashboard') };
    const { source: _s, sourceUrl: _u, id: _i, ...reading } = record();
    const saved = await savePageRecords(page, [
      reading,
      { ...reading, enrollmentId: '2', source: 'manual' } as never,
      { ...reading, enrollmentId: '3', sourceUrl: 'https://app.cybsafe.com/' } as never,
      { ...reading, enrollmentId: '4', source: 'cybsafe' } as never,
    ], 1);
    expect(saved).toBe(4);
    const held = await listRecords();
    expect(held.map((r) => r.enrollmentId)).toEqual(['109552810', '2', '3', '4']);
    for (const r of held) {
      expect(r.source).toBe('learnupon');
      expect(new URL(r.sourceUrl).host).toBe('ucl.learnupon.com');
      expect(r.id.startsWith('learnupon|')).toBe(true);
    }
  });
});
