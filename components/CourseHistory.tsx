import { formatDate } from '@/utils/dates/calendar';
import type { CompletionRecord, RecordSource } from '@/utils/records';

const SOURCE_WORDS: Record<RecordSource, string> = {
  learnupon: 'LearnUpon page',
  cybsafe: 'CybSafe page',
  'training-history': 'Training history file',
  manual: 'Entered by you (manual)',
  external: 'Other platform (does not count for compliance)',
};

export function sourceWords(source: RecordSource): string {
  return SOURCE_WORDS[source];
}

/** Each completion on record for a course, newest first, with where it came from. */
export function CourseHistory({ history }: { history: CompletionRecord[] }) {
  const done = history.filter((r) => r.completedOn);
  if (!done.length) return <p class="muted">No completion on record yet.</p>;
  return (
    <table>
      <caption class="visually-hidden">Completions on record</caption>
      <thead>
        <tr><th scope="col">Completed</th><th scope="col">Source</th><th scope="col">Seen</th></tr>
      </thead>
      <tbody>
        {done.map((r) => (
          <tr key={r.id}>
            <td>{formatDate(r.completedOn!)}</td>
            <td>{sourceWords(r.source)}</td>
            <td>{new Date(r.seenAt).toLocaleDateString('en-GB')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
