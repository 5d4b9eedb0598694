import { useState } from 'preact/hooks';
import type { Profile } from '@/utils/catalogue/profile';
import type { ReadEntryAnswer } from '@/utils/data/messages';
import { ManualEntry } from '../ManualEntry';
import { correctionStart, entryLines, entryName } from './words';

/** One entry the reader read: its number (as outlined on the page), the words it went by, and "This isn't right". */
export function ReadEntryItem({ entry, portal, profile, today, onSaved }: { entry: ReadEntryAnswer; portal: string; profile: Profile; today: string; onSaved: () => void }) {
  const [correcting, setCorrecting] = useState(false);
  const course = entry.course ? profile.courses.find((c) => c.name === entry.course) : undefined;
  const name = entryName(entry);
  return (
    <li data-mtc-read-entry={String(entry.index)} data-mtc-course={entry.course ?? ''} data-mtc-counted={String(entry.notCounted === null)} data-mtc-reason={entry.notCounted ?? ''}>
      <p class="read-name">
        <span class="read-number" aria-hidden="true">
          {entry.index + 1}
        </span>
        <span class="visually-hidden">Entry {entry.index + 1}: </span>
        {name}
      </p>
      <ul class="read-words">
        {entryLines(entry, portal, profile.organisation).map((line, i) => (
          <li key={i}>{line}.</li>
        ))}
      </ul>
      {course ? (
        <>
          <button type="button" class="secondary" aria-expanded={correcting} onClick={() => setCorrecting(!correcting)} data-mtc-action="not-right">
            This isn’t right<span class="visually-hidden"> ({name})</span>
          </button>
          {correcting && (
            <div class="read-correction">
              <p>
                Tell the extension when you completed {course.name}: it is kept as your own manual entry and counts from that date. What the
                page shows is not changed. If the extension reads this page wrong, a page report (below) helps its maintainers fix that.
              </p>
              <ManualEntry course={course} today={today} initialDate={correctionStart(entry, today)} onSaved={onSaved} />
            </div>
          )}
        </>
      ) : (
        <p class="muted">If this is one of your mandatory courses under another name, a page report (below) helps the extension’s maintainers fix that.</p>
      )}
    </li>
  );
}
