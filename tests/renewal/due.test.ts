import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renewalDue } from '@/utils/renewal/due';
import { isoDate } from '../dates/arbitraries';

describe('renewalDue', () => {
  it.each([
    [{ completedOn: '2025-03-03', certExpiresOn: null, cadenceMonths: 36 }, { due: '2028-03-03', basis: 'computed' }],
    [{ completedOn: '2025-01-31', certExpiresOn: null, cadenceMonths: 1 }, { due: '2025-02-28', basis: 'computed' }],
    [{ completedOn: '2024-02-29', certExpiresOn: null, cadenceMonths: 12 }, { due: '2025-02-28', basis: 'computed' }],
    [{ completedOn: '2025-12-31', certExpiresOn: null, cadenceMonths: 12 }, { due: '2026-12-31', basis: 'computed' }],
    [{ completedOn: '2025-03-03', certExpiresOn: '2026-01-15', cadenceMonths: 36 }, { due: '2026-01-15', basis: 'certificate' }],
    [{ completedOn: null, certExpiresOn: '2026-01-15', cadenceMonths: 36 }, { due: '2026-01-15', basis: 'certificate' }],
    [{ completedOn: '2025-03-03', certExpiresOn: '2027-01-15', cadenceMonths: null }, { due: '2027-01-15', basis: 'certificate' }],
    [{ completedOn: '2025-03-03', certExpiresOn: null, cadenceMonths: null }, { due: null, basis: 'one-off' }],
    [{ completedOn: null, certExpiresOn: null, cadenceMonths: 12 }, { due: null, basis: 'none' }],
    [{ completedOn: null, certExpiresOn: null, cadenceMonths: null }, { due: null, basis: 'none' }],
    // An expiry before its completion cannot be that completion's certificate.
    [{ completedOn: '2025-03-03', certExpiresOn: '2024-03-03', cadenceMonths: 12 }, { due: '2026-03-03', basis: 'computed' }],
  ] as const)('%j → %j', (input, expected) => {
    expect(renewalDue(input)).toEqual(expected);
  });

  it('is never before the completion', () => {
    fc.assert(
      fc.property(
        isoDate,
        fc.option(isoDate, { nil: null }),
        fc.option(fc.integer({ min: 1, max: 240 }), { nil: null }),
        (completedOn, certExpiresOn, cadenceMonths) => {
          const { due } = renewalDue({ completedOn, certExpiresOn, cadenceMonths });
          if (due !== null) expect(due >= completedOn).toBe(true);
        },
      ),
    );
  });

  it('a certificate expiry always wins when it can belong to the completion', () => {
    fc.assert(
      fc.property(isoDate, isoDate, fc.option(fc.integer({ min: 1, max: 240 }), { nil: null }), (a, b, cadenceMonths) => {
        const [completedOn, certExpiresOn] = a <= b ? [a, b] : [b, a];
        expect(renewalDue({ completedOn, certExpiresOn, cadenceMonths })).toEqual({ due: certExpiresOn, basis: 'certificate' });
      }),
    );
  });

  it('a longer cadence never gives an earlier date', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 239 }), (completedOn, m) => {
        const shorter = renewalDue({ completedOn, certExpiresOn: null, cadenceMonths: m }).due!;
        const longer = renewalDue({ completedOn, certExpiresOn: null, cadenceMonths: m + 1 }).due!;
        expect(longer > shorter).toBe(true);
      }),
    );
  });
});
