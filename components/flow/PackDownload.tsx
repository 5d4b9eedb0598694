import { useEffect, useRef, useState } from 'preact/hooks';
import type { EvidencePack, EvidencePackInput } from '@/utils/evidence/pack';
import { buildPackOffThread } from '@/utils/evidence/build-off-thread';
import type { CourseReview } from '@/utils/evidence/flow-review';
import { ATTACHMENTS_NOTE, mailtoUrl, outlookComposeUrl } from '@/utils/evidence/links';
import { errorText } from '@/utils/errors';
import { downloadBlob } from '../download';

type State =
  | { phase: 'idle' }
  | { phase: 'working' }
  | { phase: 'done'; pack: Pick<EvidencePack, 'fileName' | 'email' | 'missing' | 'sender'>; emlDescription: string }
  | { phase: 'error'; text: string };

const PIECE_WORDS = { 'completion-record': 'completion date', certificate: 'certificate', 'training-history': 'training history file' } as const;

/** What the email will attach, as the review shows it (the pack builder attaches the same; the result below says exactly). */
function attachmentsOf(reviews: readonly CourseReview[]): string[] {
  const names = reviews.flatMap((r) => [...r.certificates.map((c) => c.name), ...r.screenshots.map((s) => s.name)]);
  const history = reviews.find((r) => r.history)?.history;
  names.push(history ? `${history.name} (your training history)` : 'training-history.csv (the records the extension holds)');
  return names;
}

/**
 * The end of the flow (docs/contract.md): where the email goes and what it will hold, then
 * `download-pack`, then ways to open a new email with the subject and text filled in.
 */
export function PackDownload({ to, toWords, subject, reviews, ready, notReady, makeInput }: {
  to: string;
  /** Who that is, in words ("the UCL mandatory training mailbox"). */
  toWords: string;
  subject: string;
  reviews: readonly CourseReview[];
  ready: boolean;
  /** Why the pack cannot be made yet. */
  notReady: string;
  makeInput: () => Promise<EvidencePackInput>;
}) {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const [copied, setCopied] = useState(false);
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => void ((state.phase === 'done' || state.phase === 'error') && result.current?.focus()), [state.phase]);
  const missing = reviews.flatMap((r) => r.missing.map((m) => `${r.name}: no ${PIECE_WORDS[m.evidence]}`));

  const download = async () => {
    setState({ phase: 'working' });
    setCopied(false);
    try {
      const pack = await buildPackOffThread(await makeInput());
      downloadBlob(new Blob([pack.zip as BlobPart], { type: 'application/zip' }), pack.fileName);
      const eml = pack.manifest.files.find((f) => f.path === 'completion-issue.eml');
      setState({ phase: 'done', pack, emlDescription: eml?.description ?? 'draft e-mail' });
    } catch (error) {
      setState({ phase: 'error', text: `The pack could not be made: ${errorText(error)}. Your records and evidence are unchanged; try again.` });
    }
  };

  return (
    <section aria-labelledby="send-heading" data-mtc-section="send">
      <h2 id="send-heading">Download the email and send it</h2>
      <dl class="facts">
        <dt>To</dt>
        <dd data-mtc-flow="to">
          {to} ({toWords})
        </dd>
        <dt>Subject</dt>
        <dd>{subject}</dd>
        <dt>Attached</dt>
        {/* The pack renames them (course and date, training-history.xlsx): the result below names the files it holds. */}
        <dd>{attachmentsOf(reviews).join('; ')} (renamed in the pack by course and date)</dd>
        <dt>Missing</dt>
        <dd data-mtc-flow="missing">{missing.length ? `${missing.join('; ')}. The email says so, and why.` : 'nothing'}</dd>
      </dl>
      <div class="row">
        <button type="button" data-mtc-action="download-pack" disabled={!ready || state.phase === 'working'} aria-describedby={ready ? undefined : 'download-not-ready'} onClick={() => void download()}>
          {state.phase === 'working' ? 'Making the pack…' : 'Download the evidence pack'}
        </button>
      </div>
      {!ready && <p class="muted" id="download-not-ready">{notReady}</p>}
      <div aria-live="polite" ref={result} tabIndex={-1} data-mtc-flow="result">
        {state.phase === 'error' && <p class="error">{state.text}</p>}
        {state.phase === 'done' && (
          <div class="ok" data-mtc-export="done">
            <p style={{ margin: '0 0 6px' }}>
              Downloaded <strong>{state.pack.fileName}</strong>. Inside: <em>completion-issue.eml</em>, a {state.emlDescription}.
              {state.pack.missing.length > 0 && ` It says what is missing and why (${state.pack.missing.length} item${state.pack.missing.length === 1 ? '' : 's'}).`}
              {state.pack.sender.from ? ` It is from ${state.pack.sender.from}.` : ` ${state.pack.sender.problem}`}
            </p>
            <h3>Open a new email</h3>
            <div class="row">
              <a class="button" href={outlookComposeUrl(state.pack.email)} target="_blank" rel="noopener noreferrer" data-mtc-action="open-outlook-web">
                Outlook on the web
              </a>
              <a class="button secondary" href={mailtoUrl(state.pack.email)} data-mtc-action="open-mailto">
                Email app (mailto)
              </a>
              <button
                type="button"
                class="secondary"
                onClick={() => void navigator.clipboard.writeText(`To: ${state.pack.email.to}\nSubject: ${state.pack.email.subject}\n\n${state.pack.email.body}`).then(() => setCopied(true), () => setCopied(false))}
              >
                {copied ? 'Copied' : 'Copy the email text'}
              </button>
            </div>
            <ul>
              <li>Outlook on Windows (desktop) or Thunderbird: unzip the download and open <em>completion-issue.eml</em>. It opens as a draft with the files attached; check it, then Send.</li>
              <li>Outlook on the web, Gmail or another mail program: use a button above; the address, subject and text are filled in. {ATTACHMENTS_NOTE} Unzip it first.</li>
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
