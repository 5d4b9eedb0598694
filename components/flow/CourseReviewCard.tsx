import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Profile } from '@/utils/catalogue/profile';
import { formatDate } from '@/utils/dates/calendar';
import { broadcast } from '@/utils/data/send';
import { errorText } from '@/utils/errors';
import { captureForCourse } from '@/utils/evidence/capture';
import type { CourseReview, LockerItem } from '@/utils/evidence/flow-review';
import { checkEvidenceFile, importHistoryFile } from '@/utils/evidence/locker';
import { addEvidence, restoreEvidence, StorageFullError } from '@/utils/store/evidence';
import type { EvidenceItem } from '@/utils/data/evidence';
import { FilePicker } from '../FilePicker';
import { hostOf } from '../host';

const dateText = (iso: string) => formatDate(iso);

function origin(item: LockerItem): string {
  return item.sourceUrl ? `from ${hostOf(item.sourceUrl, 'a web page')}` : 'added by you';
}

/**
 * One course in the review: what was found and where it came from, what is missing and why (the words
 * the email will use), and the fixes at hand: add a file, capture a page, open the course.
 */
export function CourseReviewCard({ review, profile, unassigned = [], onChanged }: {
  review: CourseReview;
  profile: Profile;
  /** Role-specific training: pictures and certificates in the locker with no course, to use for this one. */
  unassigned?: readonly EvidenceItem[];
  onChanged: () => Promise<void>;
}) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const status = useRef<HTMLDivElement>(null);
  useEffect(() => void (message && status.current?.focus()), [message]);
  const slug = review.name.replace(/[^A-Za-z0-9]+/g, '-');
  const why = (piece: 'completion-record' | 'certificate' | 'training-history') => review.missing.find((m) => m.evidence === piece)?.reason;
  const site = review.platform === 'cybsafe' ? 'CybSafe' : 'LearnUpon';
  const needsProof = !review.certificates.length;

  const act = async (work: () => Promise<string>) => {
    try {
      setMessage({ ok: true, text: await work() });
    } catch (error) {
      setMessage({ ok: false, text: error instanceof StorageFullError ? error.message : `Not added: ${errorText(error)}` });
    }
    await onChanged();
    broadcast('evidence-changed');
  };

  const addFiles = (files: FileList | File[] | null | undefined) =>
    files?.length &&
    act(async () => {
      const added: string[] = [];
      const refused: string[] = [];
      for (const file of files) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const check = checkEvidenceFile(bytes);
        if ('error' in check) {
          refused.push(`${file.name}: ${check.error}`);
          continue;
        }
        await addEvidence([{ kind: check.kind, course: review.name, completedOn: null, name: file.name.slice(0, 300), contentType: check.contentType, sourceUrl: '', countsForCompliance: true, data: new Blob([bytes], { type: check.contentType }) }]);
        added.push(file.name);
      }
      if (refused.length && !added.length) throw new Error(refused.join(' '));
      return `${added.map((n) => `“${n}”`).join(', ')} added for ${review.name}.${refused.length ? ` Not added: ${refused.join(' ')}` : ''}`;
    });

  const importHistory = (file: File | undefined) =>
    file &&
    act(async () => {
      const outcome = await importHistoryFile(new Uint8Array(await file.arrayBuffer()), file.name, '', profile);
      if (outcome.problems.length) throw new Error(outcome.problems.join(' '));
      broadcast('records-changed');
      return outcome.done.join(' ');
    });

  const capture = () =>
    act(async () => {
      await captureForCourse(review.name);
      if (review.page) await browser.tabs.create({ url: review.page, active: true });
      return `On the page that shows your completion${review.page ? ` (opened in a new tab)` : ''}, press Alt+Shift+E, or click the extension’s toolbar button and then “Capture this page”. The picture is added here for ${review.name} (for the next 15 minutes).`;
    });

  const use = (item: EvidenceItem) => act(async () => {
    await restoreEvidence({ ...item, course: review.name });
    return `“${item.name}” is now evidence for ${review.name}.`;
  });

  return (
    <article class="card" aria-labelledby={`review-${slug}`} data-mtc-review={review.name}>
      <h3 id={`review-${slug}`}>{review.name}</h3>
      <ul class="found">
        <li data-mtc-found="completion-record" data-mtc-state={review.completion ? 'found' : 'missing'}>
          {review.completion ? (
            <>Completed {dateText(review.completion.date)}, {review.completion.from}.</>
          ) : (
            <>
              <strong>No completion date.</strong> {why('completion-record')}.
            </>
          )}
        </li>
        <li data-mtc-found="certificate" data-mtc-state={review.certificates.length ? 'found' : 'missing'}>
          {review.certificates.length ? (
            <>Certificate: {review.certificates.map((c) => `${c.name} (${origin(c)})`).join('; ')}.</>
          ) : (
            <>
              <strong>No certificate.</strong> {why('certificate')}.
            </>
          )}
        </li>
        {review.screenshots.length > 0 && (
          <li data-mtc-found="screenshot" data-mtc-state="found">
            Screenshot{review.screenshots.length > 1 ? 's' : ''}: {review.screenshots.map((s) => `${s.name} (${origin(s)})`).join('; ')}.
          </li>
        )}
        {review.historyApplies && (
          <li data-mtc-found="training-history" data-mtc-state={review.history ? 'found' : 'missing'}>
            {review.history ? (
              <>Training history file: {review.history.name} ({origin(review.history)}, {new Date(review.history.addedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}).</>
            ) : (
              <>
                <strong>No training history file.</strong> {why('training-history')}. The records the extension holds (training-history.csv) go in its place.
              </>
            )}
          </li>
        )}
        {!review.roleSpecific && <li>Renewal due: {review.due ? dateText(review.due) : 'no renewal date recorded'}.</li>}
      </ul>
      {needsProof && (
        <div class="drop" data-mtc-fix="add-proof" onDragOver={(e) => e.preventDefault()} onDrop={(e) => { e.preventDefault(); void addFiles(e.dataTransfer?.files); }}>
          <p style={{ margin: '0 0 6px' }}>
            To send proof with the email, drop your certificate or a screenshot here (PDF, PNG or JPEG), or use one of these:
          </p>
          <div class="row">
            <FilePicker secondary multiple accept="application/pdf,image/png,image/jpeg" label={`Certificate or screenshot for ${review.name}`} input="review-file" action="add-proof" onPick={addFiles}>
              Choose a file…
            </FilePicker>
            <button type="button" class="secondary" data-mtc-fix="capture" onClick={() => void capture()}>
              Capture a page for this course<span class="visually-hidden"> ({review.name})</span>
            </button>
            {review.page && (
              <a class="button secondary" href={review.page} target="_blank" rel="noopener noreferrer" data-mtc-fix="open-course">
                Open the course on {site}<span class="visually-hidden"> ({review.name})</span>
              </a>
            )}
          </div>
        </div>
      )}
      {unassigned.length > 0 && (
        <details data-mtc-fix="use-kept">
          <summary>Use something already in your evidence locker ({unassigned.length})</summary>
          <ul class="found">
            {unassigned.map((item) => (
              <li key={item.id}>
                {item.name} ({origin(item)}){' '}
                <button type="button" class="link" onClick={() => void use(item)}>Use for this course<span class="visually-hidden"> ({item.name})</span></button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {review.historyApplies && !review.history && (
        <div class="row" data-mtc-fix="history">
          <FilePicker secondary accept=".xlsx,.xls,.csv" label="Training history file" input="review-history" onPick={(files) => importHistory(files[0])}>
            Import a training history file you downloaded…
          </FilePicker>
        </div>
      )}
      <div aria-live="polite" ref={status} tabIndex={-1} data-mtc-review-status>
        {message && <p class={message.ok ? 'ok' : 'error'}>{message.text}</p>}
      </div>
    </article>
  );
}
