import { useEffect, useRef, useState } from 'preact/hooks';
import type { Course, EffectiveProfile, Profile } from '@/utils/catalogue/profile';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { droppedLinksText, parseProfileJson, readProfileFile, serialiseProfile } from '@/utils/catalogue/io';
import type { PolicyKey } from '@/utils/data/policy';
import { databaseState } from '@/utils/store/db';
import { loadSettings, resetProfile, saveProfile } from '@/utils/store/profile';
import { broadcast } from '@/utils/data/send';
import { useRead } from './useRead';
import { downloadBlob } from './download';
import { BackupPanel } from './BackupPanel';
import { FilePicker } from './FilePicker';
import { CellLabel } from './CellLabel';

type Message = { ok: boolean; text: string } | null;

const emptyCourse = (): Course => ({ name: '', aliases: [], platform: 'learnupon', cadenceMonths: 12, scope: 'all-staff' });

/** The profile fields a policy may set that the form shows (the others are shown in words). */
type Shown = 'organisation' | 'emailDomain' | 'portalHost' | 'mailbox' | 'subjectTemplate' | 'dateOrder' | 'dueSoonDays' | 'courses';
const SHOWN: readonly Shown[] = ['organisation', 'emailDomain', 'portalHost', 'mailbox', 'subjectTemplate', 'dateOrder', 'dueSoonDays', 'courses'];

const PLATFORM_WORDS: Record<Course['platform'], string> = { learnupon: 'LearnUpon', cybsafe: 'CybSafe' };
const SCOPE_WORDS: Record<Course['scope'], string> = { 'all-staff': 'All staff', 'role-specific': 'Role-specific' };

// Settings and the policy are read together, and again when either changes (the background says so).
const readSettings = loadSettings;
const readDatabase = databaseState;

export function OptionsPage() {
  const stored = useRead(readSettings, { what: 'Your settings', on: ['profile-changed'] });
  const database = useRead(readDatabase, { what: 'Your training records' });
  const [draft, setDraft] = useState<Profile | null>(null);
  const [message, setMessage] = useState<Message>(null);
  // After save, import or reset, focus moves to the message that says how it went.
  const messageBox = useRef<HTMLParagraphElement>(null);
  useEffect(() => messageBox.current?.focus(), [message]);
  // The form starts from what is saved; a later read replaces it only after a restore, never what is being typed.
  const takeNext = useRef(false);
  useEffect(() => {
    if (!stored.value) return;
    setDraft((d) => (d === null || takeNext.current ? stored.value!.own : d));
    takeNext.current = false;
  }, [stored.value]);
  if (!draft || !stored.value) {
    return <main style={{ padding: '16px' }}>{stored.error ? <p class="error" role="alert">{stored.error}</p> : <p>Loading…</p>}</main>;
  }
  const { profile: effective, locked, problems } = stored.value;
  // Data saved by a newer version: this one changes nothing, settings included (utils/store/db.ts NewerDataError).
  const newer = database.value === 'newer';
  const isLocked = (key: PolicyKey) => locked.has(key);
  /** What the form shows: the person's own settings, with what the organisation sets in their place. */
  const shown: Profile = { ...draft, ...Object.fromEntries(SHOWN.filter(isLocked).map((k) => [k, effective[k]])) };
  const remindersOff = effective.features?.reminders === false;
  const timeLogOff = effective.features?.timeLog === false;
  const teamPageOff = effective.features?.teamPage === false;
  const managed = locked.size > 0;

  const set = <K extends keyof Profile>(key: K, value: Profile[K]) => setDraft({ ...draft, [key]: value });
  const setCourse = (index: number, patch: Partial<Course>) =>
    set('courses', draft.courses.map((c, i) => (i === index ? { ...c, ...patch } : c)));

  const stillSet = managed ? ' What your organisation sets still applies over it.' : '';
  const apply = async (profile: Profile, done: string) => {
    await saveProfile(profile);
    setDraft(profile);
    setMessage({ ok: true, text: done });
    broadcast('profile-changed');
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (newer) return;
    // The same checks as an imported file: one path for both, so the form can't save what an import would refuse.
    const result = parseProfileJson(serialiseProfile(draft));
    if (!result.ok) return setMessage({ ok: false, text: `Not saved. ${result.error}` });
    await apply(result.profile, `Saved.${stillSet}`);
  };

  const importFile = async (file: File | undefined) => {
    if (!file || newer) return;
    const result = await readProfileFile(file);
    if (!result.ok) return setMessage({ ok: false, text: `“${file.name}” was not imported; your current settings are unchanged.\n${result.error}` });
    const dropped = result.droppedLinks ? ` ${droppedLinksText(result.droppedLinks, result.profile)}` : '';
    await apply(result.profile, `Imported “${file.name}”.${dropped}${stillSet}`);
  };

  return (
    <main class="options-page" style={{ padding: '16px', maxWidth: '980px' }}>
      <h1>Mandatory Training Companion — settings</h1>
      <p class="muted">These settings describe your organisation and its mandatory courses. An HR team can share one file with everyone: use Export and Import below.</p>
      {newer && (
        <p class="error" role="alert" data-mtc-newer-data>
          Your training records were saved by a newer version of Mandatory Training Companion than this one. This version changes nothing: saving,
          importing and restoring are off until you update the extension (on chrome://extensions, or ask whoever installed it).
        </p>
      )}
      {managed && (
        <p class="notice" data-mtc-policy-notice>
          Your organisation manages some of these settings. They are marked “Set by your organisation” and cannot be changed here; the rest are yours.
        </p>
      )}
      {problems.length > 0 && (
        <div class="notice" data-mtc-policy-problems>
          <p style={{ margin: 0 }}>Some of your organisation’s settings could not be used, so they are left out and the rest still apply. Tell your IT team:</p>
          <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      )}
      {message && <p ref={messageBox} tabIndex={-1} class={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'} data-mtc-options-message={message.ok ? 'ok' : 'error'}>{message.text}</p>}
      <form onSubmit={(e) => void save(e)}>
        <fieldset disabled={newer} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
        <h2>Organisation</h2>
        <Field id="organisation" label="Organisation name" value={shown.organisation} locked={isLocked('organisation')} onInput={(v) => set('organisation', v)} />
        <Field id="emailDomain" label="Work email domain (sign-ins outside it are the wrong account)" value={shown.emailDomain} locked={isLocked('emailDomain')} onInput={(v) => set('emailDomain', v)} />
        <Field id="portalHost" label="LearnUpon portal address" value={shown.portalHost} locked={isLocked('portalHost')} onInput={(v) => set('portalHost', v)} />
        {isLocked('morePortalHosts') && (
          <p data-mtc-policy-field="morePortalHosts">
            Also your organisation’s LearnUpon portals: {(effective.morePortalHosts ?? []).join(', ') || 'none'} <SetByOrganisation id="morePortalHosts" />
          </p>
        )}
        <Field id="mailbox" label="Training mailbox" type="email" value={shown.mailbox} locked={isLocked('mailbox')} onInput={(v) => set('mailbox', v)} />
        <Field id="subjectTemplate" label="Email subject ({course} becomes the course name)" value={shown.subjectTemplate} locked={isLocked('subjectTemplate')} onInput={(v) => set('subjectTemplate', v)} />
        <label for="dateOrder">Dates on the portal are written{isLocked('dateOrder') && <SetByOrganisation id="dateOrder" />}</label>
        <select id="dateOrder" value={shown.dateOrder} disabled={isLocked('dateOrder')} onChange={(e) => set('dateOrder', e.currentTarget.value as Profile['dateOrder'])}>
          <option value="day-first">day first (12/03/2025 is 12 March)</option>
          <option value="month-first">month first (03/12/2025 is 12 March)</option>
        </select>
        <label for="dueSoonDays">Warn this many days before a course is due{isLocked('dueSoonDays') && <SetByOrganisation id="dueSoonDays" />}</label>
        <input id="dueSoonDays" type="number" min={0} max={365} value={shown.dueSoonDays} readOnly={isLocked('dueSoonDays')} aria-describedby={isLocked('dueSoonDays') ? 'dueSoonDays-policy' : undefined} onInput={(e) => set('dueSoonDays', Number(e.currentTarget.value))} />
        <div class="check" style={{ marginTop: '8px' }}>
          <input id="remindersEnabled" type="checkbox" checked={remindersOff ? false : draft.remindersEnabled} disabled={remindersOff} aria-describedby={remindersOff ? 'remindersEnabled-policy' : undefined} onChange={(e) => set('remindersEnabled', e.currentTarget.checked)} />
          <label for="remindersEnabled">Remind me (a notification when a course is due soon or overdue){remindersOff && <SetByOrganisation id="remindersEnabled" words="Turned off by your organisation" />}</label>
        </div>
        {(timeLogOff || teamPageOff) && (
          <p data-mtc-policy-field="features">
            {[teamPageOff && 'The Team page', timeLogOff && 'the training time log'].filter(Boolean).join(' and ').replace(/^the/, 'The')} {timeLogOff && teamPageOff ? 'are' : 'is'} turned off by your organisation.
          </p>
        )}
        {(effective.countingOutsideSources ?? []).length > 0 && (
          <div data-mtc-policy-field="countingOutsideSources">
            <p style={{ marginBottom: 0 }}>Your organisation counts these completions from other organisations’ LearnUpon portals <SetByOrganisation id="countingOutsideSources" />:</p>
            <ul>{effective.countingOutsideSources!.map((s) => <li key={s.source}>{s.source}: {s.courses.join(', ')}</li>)}</ul>
          </div>
        )}

        <h2>Courses</h2>
        {isLocked('courses') ? (
          <PolicyCourses courses={effective.courses} />
        ) : (
        <>
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
        </>
        )}
        <div class="row">
          <button type="submit">Save settings</button>
          <button type="button" class="secondary" onClick={() => void resetProfile().then(() => apply(UCL_PROFILE, `Reset to the ${UCL_PROFILE.organisation} defaults.${stillSet}`))}>Reset to {UCL_PROFILE.organisation} defaults</button>
          <button type="button" class="secondary" onClick={() => downloadBlob(new Blob([serialiseProfile(shown)], { type: 'application/json' }), 'training-profile.json')}>Export settings</button>
          <FilePicker secondary accept="application/json,.json" label="Settings file to import" onPick={(files) => importFile(files[0])}>
            Import settings…
          </FilePicker>
        </div>
        </fieldset>
      </form>
      {!newer && (
        <BackupPanel
          onRestored={() => {
            takeNext.current = true;
            void stored.reload();
          }}
        />
      )}
      {!teamPageOff && (
        <p style={{ marginTop: '16px' }}>
          Line manager or PGTA? <a href="/team.html" data-mtc-link="team">Open the team report and training time log</a>.
        </p>
      )}
    </main>
  );
}

/** A field the organisation's policy may set: then shown read-only, with a note saying who set it. */
function Field(props: { id: string; label: string; value: string; type?: string; locked?: boolean; onInput: (v: string) => void }) {
  return (
    <>
      <label for={props.id}>{props.label}{props.locked && <SetByOrganisation id={props.id} />}</label>
      <input
        id={props.id}
        type={props.type ?? 'text'}
        size={48}
        value={props.value}
        readOnly={props.locked}
        aria-describedby={props.locked ? `${props.id}-policy` : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </>
  );
}

/** The words beside a value the organisation's policy decides (`id`-policy, for aria-describedby). */
function SetByOrganisation(props: { id: string; words?: string }) {
  return (
    <span class="muted" id={`${props.id}-policy`} data-mtc-set-by="organisation" style={{ fontWeight: 400 }}>
      {' '}({props.words ?? 'Set by your organisation'})
    </span>
  );
}

/** The course list when the organisation's policy sets it: read-only. */
function PolicyCourses(props: { courses: EffectiveProfile['courses'] }) {
  return (
    <>
      <p data-mtc-policy-field="courses">
        Your organisation sets the course list <SetByOrganisation id="courses" />.
      </p>
      <table class="cards">
        <caption class="visually-hidden">Mandatory courses, set by your organisation</caption>
        <thead>
          <tr><th scope="col">Course name</th><th scope="col">Other titles</th><th scope="col">Platform</th><th scope="col">Renewed every</th><th scope="col">Who</th></tr>
        </thead>
        <tbody>
          {props.courses.map((course) => (
            <tr key={course.name} data-mtc-policy-course={course.name}>
              <td><CellLabel>Course name</CellLabel>{course.name}</td>
              <td><CellLabel>Other titles</CellLabel>{course.aliases.join(', ')}</td>
              <td><CellLabel>Platform</CellLabel>{PLATFORM_WORDS[course.platform]}</td>
              <td><CellLabel>Renewed every</CellLabel>{course.cadenceMonths === null ? 'once' : `${course.cadenceMonths} months`}</td>
              <td><CellLabel>Who</CellLabel>{SCOPE_WORDS[course.scope]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function splitList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}
