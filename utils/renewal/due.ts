// When a course must be renewed, and where that date came from (the UI says which).
import { addMonths } from '@/utils/dates/calendar';

/**
 * certificate: the platform's certificate expiry; computed: completion + cadence; one-off: completed, no
 * renewal; assigned: never completed, due on the date the platform set for the enrollment; none: no date.
 */
export type DueBasis = 'certificate' | 'computed' | 'one-off' | 'assigned' | 'none';

export interface DueInput {
  completedOn: string | null;
  certExpiresOn: string | null;
  /** Null for a one-off course. */
  cadenceMonths: number | null;
}

export interface RenewalDue {
  due: string | null;
  basis: DueBasis;
}

/**
 * A certificate expiry shown by the platform wins over completion + cadence (docs/rules.md). An expiry
 * before the completion it is recorded with cannot belong to that completion (a misread or an old
 * certificate), so the computed date is used instead.
 */
export function renewalDue({ completedOn, certExpiresOn, cadenceMonths }: DueInput): RenewalDue {
  if (certExpiresOn !== null && (completedOn === null || certExpiresOn >= completedOn)) {
    return { due: certExpiresOn, basis: 'certificate' };
  }
  if (completedOn === null) return { due: null, basis: 'none' };
  if (cadenceMonths === null) return { due: null, basis: 'one-off' };
  return { due: addMonths(completedOn, cadenceMonths), basis: 'computed' };
}
