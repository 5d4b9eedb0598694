// Plain words for where a due date came from; docs/rules.md asks the UI to say which source it used.
import { formatDate } from '@/utils/dates/calendar';
import type { RecordSource } from '@/utils/records';

/** "3 years", "1 year", "18 months". */
export function cadenceWords(months: number): string {
  if (months % 12 === 0) return months === 12 ? '1 year' : `${months / 12} years`;
  return months === 1 ? '1 month' : `${months} months`;
}

const COMPLETION_FROM: Record<RecordSource, string> = {
  learnupon: 'date shown by LearnUpon',
  cybsafe: 'date shown by CybSafe',
  'training-history': 'date from the LearnUpon training history',
  manual: 'date you entered',
  external: 'date from an external record',
};

const CERTIFICATE_FROM: Record<RecordSource, string> = {
  learnupon: 'Certificate expiry shown by LearnUpon',
  cybsafe: 'Certificate expiry shown by CybSafe',
  'training-history': 'Certificate expiry shown in the LearnUpon training history',
  manual: 'Certificate expiry you entered',
  external: 'Certificate expiry from an external record',
};

/** "Completed 3 Mar 2025 + 3 years (date shown by LearnUpon)". */
export function explainComputed(completedOn: string, cadenceMonths: number, source: RecordSource): string {
  return `Completed ${formatDate(completedOn)} + ${cadenceWords(cadenceMonths)} (${COMPLETION_FROM[source]})`;
}

/** "Certificate expiry shown by LearnUpon (completed 3 Mar 2025)". */
export function explainCertificate(source: RecordSource, completedOn: string | null): string {
  return CERTIFICATE_FROM[source] + (completedOn ? ` (completed ${formatDate(completedOn)})` : '');
}

export function explainOneOff(completedOn: string | null): string {
  return `One-off course: no renewal (${completedOn ? `completed ${formatDate(completedOn)}` : 'marked completed'})`;
}

/** What was seen for a course but completes nothing: records from elsewhere, failed attempts, attempts awaiting review. */
export interface Uncounted {
  elsewhere: number;
  failed: number;
  pendingReview: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "No completion on record", or what was seen and why it does not count: "No completion on record that
 * counts; 1 record from elsewhere is kept for reference only; 1 failed attempt is not counted".
 */
export function explainNotCompleted({ elsewhere, failed, pendingReview }: Uncounted): string {
  const parts: string[] = [];
  if (elsewhere) parts.push(`${plural(elsewhere, 'record from elsewhere is', 'records from elsewhere are')} kept for reference only`);
  if (failed) parts.push(`${plural(failed, 'failed attempt is', 'failed attempts are')} not counted`);
  if (pendingReview) parts.push(`${plural(pendingReview, 'attempt awaiting review is', 'attempts awaiting review are')} not counted yet`);
  return parts.length ? `No completion on record that counts; ${parts.join('; ')}` : 'No completion on record';
}

const DUE_FROM: Record<RecordSource, string> = {
  learnupon: 'set by LearnUpon',
  cybsafe: 'set by CybSafe',
  'training-history': 'in the LearnUpon training history',
  manual: 'you entered',
  external: 'from an external record',
};

/** "Not completed yet: due date 20 Dec 2026 set by LearnUpon". */
export function explainAssigned(due: string, source: RecordSource): string {
  return `Not completed yet: due date ${formatDate(due)} ${DUE_FROM[source]}`;
}

export type DateWhat = 'completion date' | 'certificate expiry' | 'due date';

const SHOWN_BY: Record<RecordSource, string> = {
  learnupon: 'shown by LearnUpon',
  cybsafe: 'shown by CybSafe',
  'training-history': 'in the LearnUpon training history',
  manual: 'you entered',
  external: 'in an external record',
};

/** "The certificate expiry shown by LearnUpon (31 Dec 2999) looks wrong, so it was not used". */
export function explainImplausible(what: DateWhat, iso: string, source: RecordSource): string {
  return `The ${what} ${SHOWN_BY[source]} (${formatDate(iso)}) looks wrong, so it was not used`;
}

export const EXPLAIN_UNDATED = 'Marked completed, but the completion date could not be read';
