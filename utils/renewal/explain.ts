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

export function explainNotCompleted(otherRecords: number): string {
  if (otherRecords === 0) return 'No completion on record';
  const what = otherRecords === 1 ? '1 record from elsewhere is' : `${otherRecords} records from elsewhere are`;
  return `No completion on record that counts; ${what} kept for reference only`;
}

export const EXPLAIN_UNDATED = 'Marked completed, but the completion date could not be read';
