// The few records that decide every course's status, due date and explanation: the popup reads these
// (a few dozen) instead of every record (thousands), and gets the same lines as from all of them.
import type { CompletionRecord } from '@/utils/records';
import { isAssignment, isComplianceCompletion, isOtherCompletion, isUncountedAttempt } from './summary';

/**
 * For each `course` value (the name summariseCourses matches on): its newest dated compliance
 * completions (every record sharing that date, for the certificate expiry), else its undated ones; and,
 * only when it has no compliance completion, what a course never completed is explained by: other-source
 * completions and failed or pending attempts (they are only counted) and the due dates its platform set.
 * Aliases merge names into one course; the newest of the merged names is among the kept ones, so
 * summariseCourses gives the same lines, apart from `history`, as it does for all records.
 */
export function summaryBasis(records: readonly CompletionRecord[]): CompletionRecord[] {
  const byCourse = new Map<string, CompletionRecord[]>();
  for (const r of records) {
    const list = byCourse.get(r.course);
    if (list) list.push(r);
    else byCourse.set(r.course, [r]);
  }
  const kept: CompletionRecord[] = [];
  for (const list of byCourse.values()) {
    const completions = list.filter(isComplianceCompletion);
    if (completions.length === 0) {
      kept.push(...list.filter((r) => isOtherCompletion(r) || isUncountedAttempt(r) || isAssignment(r)));
      continue;
    }
    let newest: string | null = null;
    for (const r of completions) if (r.completedOn !== null && (newest === null || r.completedOn > newest)) newest = r.completedOn;
    kept.push(...completions.filter((r) => r.completedOn === newest));
  }
  return kept;
}
