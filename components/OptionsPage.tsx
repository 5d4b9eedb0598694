import { useEffect, useRef, useState } from 'preact/hooks';
import type { Course, Profile } from '@/utils/catalogue/profile';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { parseProfileJson, readProfileFile, serialiseProfile } from '@/utils/catalogue/io';
import { resetProfile, saveProfile } from '@/utils/store/profile';
import { broadcast } from '@/utils/data/send';
import { useProfile } from './useStored';
import { downloadBlob } from './download';
import { BackupPanel } from './BackupPanel';
import { FilePicker } from './FilePicker';
import { CellLabel } from './CellLabel';

type Message = { ok: boolean; text: string } | null;

const emptyCourse = (): Course => ({ name: '', aliases: [], platform: 'learnupon', cadenceMonths: 12, scope: 'all-staff' });

export function OptionsPage() {
  const stored = useProfile();
  const [draft, setDraft] = useState<Profile | null>(null);
  const [message, setMessage] = useState<Message>(null);
  // After save, import or reset, focus moves to the message that says how it went.
  const messageBox = useRef<HTMLParagraphElement>(null);
  useEffect(() => messageBox.current?.focus(), [message]);
  // The form starts from what is saved; a later read replaces it only after a restore, never what is being typed.
  const takeNext = useRef(false);
  useEffect(() => {
    if (!stored.value) return;
    setDraft((d) => (d === null || takeNext.current ? stored.value : d));
    takeNext.current = false;
  }, [stored.value]);
  if (!draft) {
    return <main style={{ padding: '16px' }}>{stored.error ? <p class="error" role="alert">{stored.error}</p> : <p>Loading…</p>}</main>;
  }

  const set = <K extends keyof Profile>(key: K, value: Profile[K]) => setDraft({ ...draft, [key]: value });
  const setCourse = (index: number, patch: Partial<Course>) =>
    set('courses', draft.courses.map((c, i) => (i === index ? { ...c, ...patch } : c)));

  const apply = async (profile: Profile, done: string) => {
    await saveProfile(profile);
    setDraft(profile);
    setMessage({ ok: true, text: done });
    broadcast('profile-changed');
  };

  const save = async (event: Event) => {
    event.preventDefault();
    // The same checks as an imported file: one path for both, so the form can't save what an import would refuse.
    const result = parseProfileJson(serialiseProfile(draft));
    if (!result.ok) return setMessage({ ok: false, text: `Not saved. ${result.error}` });
    await apply(result.profile, 'Saved.');
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const result = await readProfileFile(file);
    if (!result.ok) return setMessage({ ok: false, text: `“${file.name}” was not imported; your current settings are unchanged.\n${result.error}` });
    await apply(result.profile, `Imported “${file.name}”.`);
  };

  return (
    <main class="options-page" style={{ padding: '16px', maxWidth: '980px' }}>
      <h1>Mandatory Training Companion — settings</h1>
      <p class="muted">These settings describe your organisation and its mandatory courses. An HR team can share one file with everyone: use Export and Import below.</p>
      {message && <p ref={messageBox} tabIndex={-1} class={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'} data-mtc-options-message={message.ok ? 'ok' : 'error'}>{message.text}</p>}
      <form onSubmit={(e) => void save(e)}>
        <h2>Organisation</h2>
        <Field id="organisation" label="Organisation name" value={draft.organisation} onInput={(v) => set('organisation', v)} />
        <Field id="emailDomain" label="Work email domain (sign-ins outside it are the wrong account)" value={draft.emailDomain} onInput={(v) => set('emailDomain', v)} />
        <Field id="portalHost" label="LearnUpon portal address" value={draft.portalHost} onInput={(v) => set('portalHost', v)} />
        <Field id="mailbox" label="Training mailbox" type="email" value={draft.mailbox} onInput={(v) => set('mailbox', v)} />
        <Field id="subjectTemplate" label="Email subject ({course} becomes the course name)" value={draft.subjectTemplate} onInput={(v) => set('subjectTemplate', v)} />
        <label for="dateOrder">Dates on the portal are written</label>
        <select id="dateOrder" value={draft.dateOrder} onChange={(e) => set('dateOrder', e.currentTarget.value as Profile['dateOrder'])}>
          <option value="day-first">day first (12/03/2025 is 12 March)</option>
          <option value="month-first">month first (03/12/2025 is 12 March)</option>
        </select>
        <label for="dueSoonDays">Warn this many days before a course is due</label>
        <input id="dueSoonDays" type="number" min={0} max={365} value={draft.dueSoonDays} onInput={(e) => set('dueSoonDays', Number(e.currentTarget.value))} />
        <div class="check" style={{ marginTop: '8px' }}>
          <input id="remindersEnabled" type="checkbox" checked={draft.remindersEnabled} onChange={(e) => set('remindersEnabled', e.currentTarget.checked)} />
          <label for="remindersEnabled">Remind me (a notification when a course is due soon or overdue)</label>
        </div>

        <h2>Courses</h2>
        <table class="cards">
          <caption class="visually-hidden">Mandatory courses</caption>
          <thead>
            <tr><th scope="col">Course name</th><th scope="col">Other titles (comma-separated)</th><th scope="col">Platform</th><th scope="col">Renew every (months; empty = once)</th><th scope="col">Who</th><th scope="col"><span class="visually-hidden">Remove</span></th></tr>
          </thead>
          <tbody>
            {draft.courses.map((course, i) => (
              <tr key={i}>
                <td><CellLabel>Course name</CellLabel><input aria-label={`Course ${i + 1} name`} value={course.name} onInput={(e) => setCourse(i, { name: e.currentTarget.value })} /></td>
                <td><CellLabel>Other titles</CellLabel><input aria-label={`Course ${i + 1} other titles`} value={course.aliases.join(', ')} onInput={(e) => setCourse(i, { aliases: splitList(e.currentTarget.value) })} /></td>
                <td>
                  <CellLabel>Platform</CellLabel>
                  <select aria-label={`Course ${i + 1} platform`} value={course.platform} onChange={(e) => setCourse(i, { platform: e.currentTarget.value as Course['platform'] })}>
                    <option value="learnupon">LearnUpon</option>
                    <option value="cybsafe">CybSafe</option>
                  </select>
                </td>
                <td><CellLabel>Renew every (months)</CellLabel><input aria-label={`Course ${i + 1} renewal months`} type="number" min={1} max={240} style={{ width: '6em' }} value={course.cadenceMonths ?? ''} onInput={(e) => setCourse(i, { cadenceMonths: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) })} /></td>
                <td>
                  <CellLabel>Who</CellLabel>
                  <select aria-label={`Course ${i + 1} scope`} value={course.scope} onChange={(e) => setCourse(i, { scope: e.currentTarget.value as Course['scope'] })}>
                    <option value="all-staff">All staff</option>
                    <option value="role-specific">Role-specific</option>
                  </select>
                </td>
                <td><button type="button" class="secondary" onClick={() => set('courses', draft.courses.filter((_, j) => j !== i))}>Remove<span class="visually-hidden"> {course.name}</span></button></td>
              </tr>
            ))}
          </tbody>
        </table>
        <div class="row" style={{ margin: '8px 0 16px' }}>
          <button type="button" class="secondary" onClick={() => set('courses', [...draft.courses, emptyCourse()])}>Add a course</button>
        </div>
        <div class="row">
          <button type="submit">Save settings</button>
          <button type="button" class="secondary" onClick={() => void resetProfile().then(() => apply(UCL_PROFILE, `Reset to the ${UCL_PROFILE.organisation} defaults.`))}>Reset to {UCL_PROFILE.organisation} defaults</button>
          <button type="button" class="secondary" onClick={() => downloadBlob(new Blob([serialiseProfile(draft)], { type: 'application/json' }), 'training-profile.json')}>Export settings</button>
          <FilePicker secondary accept="application/json,.json" label="Settings file to import" onPick={(files) => importFile(files[0])}>
            Import settings…
          </FilePicker>
        </div>
      </form>
      <BackupPanel
        onRestored={() => {
          takeNext.current = true;
          void stored.reload();
        }}
      />
      <p style={{ marginTop: '16px' }}>
        Line manager or PGTA? <a href="/team.html" data-mtc-link="team">Open the team report and training time log</a>.
      </p>
    </main>
  );
}

function Field(props: { id: string; label: string; value: string; type?: string; onInput: (v: string) => void }) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <input id={props.id} type={props.type ?? 'text'} size={48} value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />
    </>
  );
}

function splitList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}
