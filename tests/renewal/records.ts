// A completion record with sensible defaults, for renewal tests.
import type { CompletionRecord } from '@/utils/records';

let counter = 0;

export function record(fields: Partial<CompletionRecord> & Pick<CompletionRecord, 'course'>): CompletionRecord {
  counter += 1;
  return {
    id: `test-${counter}`,
    title: fields.course,
    status: 'completed',
    completedOn: null,
    dueOn: null,
    certExpiresOn: null,
    enrollmentId: null,
    certificateUrl: null,
    source: 'learnupon',
    sourceUrl: 'https://ucl.learnupon.com/dashboard',
    seenAt: '2026-01-01T09:00:00.000Z',
    countsForCompliance: fields.source !== 'external',
    ...fields,
  };
}
