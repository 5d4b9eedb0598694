// A derived value is rebuilt only when its version changes (utils/data/meta.ts). This pins what the
// rules behind `records-basis` (utils/renewal/basis.ts) keep, per version: when the rules change, this
// fails until RECORDS_BASIS_VERSION is raised and the new fingerprint recorded here, so no stored basis
// made by the old rules is ever read again.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RECORDS_BASIS_VERSION } from '@/utils/data/meta';
import type { CompletionRecord } from '@/utils/records';
import { summaryBasis } from '@/utils/renewal/basis';

/** What summaryBasis keeps of `grid()`, per basis version. Add a line when you raise the version; never edit one. */
const FINGERPRINTS: Record<number, string> = {
  1: 'a937ab4263ffc57032da38b10cf0716b430231c03d03df4df9f7c9fdc41a8bb4',
  2: '9c0d25491d871f5551b5c9a472ca418465ffa92720de13549d2fb50e113d2bd2',
};

/**
 * Every combination of the fields the rules look at, for two courses holding all of them, and again with
 * each record alone under a course of its own (what the rules keep for a course with no completion shows
 * only there). Version 1's fingerprint was taken over the first half alone.
 */
function grid(): CompletionRecord[] {
  const records: CompletionRecord[] = [];
  let n = 0;
  for (const course of ['UCL Fire Safety', 'Prevent at UCL', null])
    for (const status of ['completed', 'passed', 'in-progress', 'not-started', 'failed', 'pending-review', 'unknown'] as const)
      for (const source of ['learnupon', 'cybsafe', 'training-history', 'manual', 'external'] as const)
        for (const countsForCompliance of [true, false])
          for (const completedOn of [null, '2024-05-01', '2025-05-01'])
            for (const certExpiresOn of [null, '2027-05-01'])
              for (const dueOn of [null, '2026-12-20']) {
                n += 1;
                const name = course ?? `Course ${n}`;
                records.push({
                  id: `r${String(n).padStart(5, '0')}`, course: name, title: name, status, completedOn, dueOn, certExpiresOn, enrollmentId: null, certificateUrl: null,
                  source, sourceUrl: '', seenAt: '2026-01-01T09:00:00.000Z', countsForCompliance,
                });
              }
  return records;
}

describe('derived values carry the version of the rules that made them', () => {
  it('records-basis: the rules keep what this version says they keep', () => {
    const kept = summaryBasis(grid()).map((r) => r.id).sort();
    const fingerprint = createHash('sha256').update(kept.join(',')).digest('hex');
    expect(
      fingerprint,
      `utils/renewal/basis.ts now keeps different records: raise RECORDS_BASIS_VERSION in utils/data/meta.ts and add ${RECORDS_BASIS_VERSION + 1}: '${fingerprint}' to FINGERPRINTS here`,
    ).toBe(FINGERPRINTS[RECORDS_BASIS_VERSION]);
  });
});
