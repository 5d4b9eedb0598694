import { useEffect, useState } from 'preact/hooks';
import type { EvidenceEmail } from '@/utils/evidence/pack';
import { buildPackOffThread } from '@/utils/evidence/build-off-thread';
import { assemblePackInput, defaultIssueCourses, savedPerson, type Person } from '@/utils/evidence/export';
import { ATTACHMENTS_NOTE, mailtoUrl, outlookComposeUrl } from '@/utils/evidence/links';
import { downloadBlob } from './download';
import type { Overview } from './useOverview';
import { errorText } from '@/utils/errors';

type State = { phase: 'idle' } | { phase: 'working' } | { phase: 'done'; fileName: string; email: EvidenceEmail; missing: number } | { phase: 'error'; text: string };

/** "Export evidence": pick the course(s) the issue is about; one click downloads the pack. */
export function ExportPanel({ overview, compact = false }: { overview: Overview; compact?: boolean }) {
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(defaultIssueCourses(overview.summaries)));
  const [person, setPerson] = useState<Person>({ name: '', email: '' });
  const [includeExternal, setIncludeExternal] = useState(false);
  const [state, setState] = useState<State>({ phase: 'idle' });
  const [copied, setCopied] = useState(false);
  useEffect(() => void savedPerson().then(setPerson).catch(() => undefined), []);

  const toggle = (name: string) => {
    const next = new Set(chosen);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    setChosen(next);
  };

  const exportPack = async () => {
    if (!chosen.size) return setState({ phase: 'error', text: 'Tick at least one course the email is about.' });
    setState({ phase: 'working' });
    try {
      const input = await assemblePackInput({ ...overview, person, courseNames: [...chosen], includeExternal });
      const pack = await buildPackOffThread(input);
      downloadBlob(new Blob([pack.zip as BlobPart], { type: 'application/zip' }), pack.fileName);
      setState({ phase: 'done', fileName: pack.fileName, email: pack.email, missing: pack.manifest.failures.length });
    } catch (error) {
      setState({ phase: 'error', text: `The pack could not be made: ${errorText(error)}. Your records and evidence are unchanged; try again.` });
    }
  };

  return (
    <section aria-labelledby="export-heading" data-mtc-section="export">
      <h2 id="export-heading">Export evidence</h2>
      {!compact && (
        <p class="muted">
          For when you completed a course and are still asked to redo it: one zip with a ready-to-send email to {overview.profile.mailbox}, your certificates,
          training history and screenshots.
        </p>
      )}
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600 }}>Which course(s) is the email about?</legend>
        {overview.summaries.map((s) => (
          <div class="check" key={s.course.name}>
            <input type="checkbox" id={`export-${s.course.name}`} checked={chosen.has(s.course.name)} onChange={() => toggle(s.course.name)} />
            <label for={`export-${s.course.name}`}>{s.course.name}</label>
          </div>
        ))}
      </fieldset>
      {!compact && (
        <>
          <label for="export-name">Your name</label>
          <input id="export-name" value={person.name} autocomplete="name" onInput={(e) => setPerson({ ...person, name: e.currentTarget.value })} />
          <label for="export-email">Your work email</label>
          <input id="export-email" type="email" autocomplete="email" value={person.email} onInput={(e) => setPerson({ ...person, email: e.currentTarget.value })} />
          <div class="check">
            <input type="checkbox" id="export-external" checked={includeExternal} onChange={(e) => setIncludeExternal(e.currentTarget.checked)} />
            <label for="export-external">Also include evidence from MyLearning, Moodle or an NHS trust (it does not count for {overview.profile.organisation} compliance)</label>
          </div>
        </>
      )}
      <div class="row" style={{ marginTop: '8px' }}>
        <button type="button" data-mtc-action="export" disabled={state.phase === 'working'} onClick={() => void exportPack()}>
          {state.phase === 'working' ? 'Making the pack…' : 'Export evidence'}
        </button>
      </div>
      <div aria-live="polite">
        {state.phase === 'error' && <p class="error" role="alert">{state.text}</p>}
        {state.phase === 'done' && (
          <div class="ok" data-mtc-export="done">
            <p style={{ margin: '0 0 6px' }}>
              Downloaded <strong>{state.fileName}</strong>. Open <em>completion-issue.eml</em> inside it: it opens as a draft with everything attached.
              {state.missing > 0 && ` ${state.missing} item${state.missing > 1 ? 's' : ''} could not be collected; the email says which.`}
            </p>
            <p style={{ margin: '0 0 6px' }}>Or start the email another way. {ATTACHMENTS_NOTE}</p>
            <div class="row">
              <a class="button secondary" href={outlookComposeUrl(state.email)} target="_blank" rel="noopener noreferrer">Open in Outlook on the web</a>
              <button type="button" class="secondary" onClick={() => void navigator.clipboard.writeText(`To: ${state.email.to}\nSubject: ${state.email.subject}\n\n${state.email.body}`).then(() => setCopied(true))}>
                {copied ? 'Copied' : 'Copy email text'}
              </button>
              <a class="button secondary" href={mailtoUrl(state.email)}>Email app (mailto)</a>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
