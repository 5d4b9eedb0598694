import { useState } from 'preact/hooks';
import { defaultIssueCourses } from '@/utils/evidence/export';
import { openFlowTab } from '@/utils/evidence/flow-tab';
import { errorText } from '@/utils/errors';
import { EvidenceLocker } from './EvidenceLocker';
import type { Overview } from './useOverview';

/**
 * The side panel's Evidence view: the completion-issue flow for one or several courses (or for
 * role-specific training, which goes to a department), then the evidence locker.
 */
export function EvidenceView({ overview, onChanged }: { overview: Overview; onChanged: () => void }) {
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(defaultIssueCourses(overview.summaries)));
  const [message, setMessage] = useState<string | null>(null);
  const toggle = (name: string) => {
    const next = new Set(chosen);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    setChosen(next);
  };
  const start = async (roleSpecific: boolean) => {
    if (!roleSpecific && !chosen.size) return setMessage('Tick at least one course the email is about.');
    setMessage(null);
    // Most urgent first, as listed here and as the email will list them.
    const courses = roleSpecific ? [] : overview.summaries.map((s) => s.course.name).filter((n) => chosen.has(n));
    await openFlowTab({ courses, from: 'panel', roleSpecific }).catch((error: unknown) => setMessage(`The page could not be opened (${errorText(error)}). Try again.`));
  };
  return (
    <>
      <section aria-labelledby="report-heading" data-mtc-section="report">
        <h2 id="report-heading">My completion isn’t recorded</h2>
        <p class="muted">
          Completed a course and still asked to redo it? The extension gathers your completion dates, certificates and training history, shows you what it found, and
          prepares an email to {overview.profile.mailbox}.
        </p>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontWeight: 600 }}>Which course(s) is it about?</legend>
          {overview.summaries.map((s) => (
            <div class="check" key={s.course.name}>
              <input type="checkbox" id={`report-${s.course.name}`} checked={chosen.has(s.course.name)} onChange={() => toggle(s.course.name)} />
              <label for={`report-${s.course.name}`}>{s.course.name}</label>
            </div>
          ))}
        </fieldset>
        <div class="row" style={{ marginTop: '8px' }}>
          <button type="button" data-mtc-action="start-flow" onClick={() => void start(false)}>Gather my evidence</button>
        </div>
        <p>
          Role-specific training (not one of these)? Its evidence goes to the department responsible for it.{' '}
          <button type="button" class="link" data-mtc-action="start-role-flow" onClick={() => void start(true)}>Prepare an email to your department</button>
        </p>
        <div aria-live="polite">{message && <p class="error">{message}</p>}</div>
      </section>
      <EvidenceLocker overview={overview} onChanged={onChanged} />
    </>
  );
}
