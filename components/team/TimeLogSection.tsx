import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Course } from '@/utils/catalogue/profile';
import { addDays, formatDate, londonDate } from '@/utils/dates/calendar';
import { loadProfile } from '@/utils/store/profile';
import { createCourseMatcher } from '@/utils/catalogue/match';
import { readError } from '../useRead';
import { loadTimeLogSettings, saveTimeLogSettings, type TimeLogSettings } from '@/utils/timelog/settings';
import { clearTimeLog, correctTime, deleteTimeEntry, listTimeEntries } from '@/utils/timelog/store';
import { PAID_CAP_MINUTES, buildTimesheet, formatMinutes, rangeWords, timesheetCsv } from '@/utils/timelog/timesheet';
import type { TimeEntry } from '@/utils/timelog/types';
import { downloadBlob } from '../download';
import { AddTimeForm } from './AddTimeForm';
import { ConfirmDelete } from './ConfirmDelete';
import { CellLabel } from '../CellLabel';
import { errorText } from '@/utils/errors';

/** PGTAs are paid for up to 4 hours of mandatory training (FAQ 13): an opt-in log of time on course pages, and a timesheet. */
export function TimeLogSection({ turnedOff = false }: { turnedOff?: boolean }) {
  const today = londonDate();
  const [settings, setSettings] = useState<TimeLogSettings | null>(null);
  const [courses, setCourses] = useState<Course[]>([]);
  const [from, setFrom] = useState(addDays(today, -30));
  const [to, setTo] = useState(today);
  const [entries, setEntries] = useState<TimeEntry[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  /** The whole log, while the question before deleting it is open. */
  const [confirming, setConfirming] = useState<TimeEntry[] | null>(null);
  // After an action (add, delete), focus moves to the notice that says what came of it. Not after a
  // setting or a correction is changed: focus stays where the user is typing.
  const noticeBox = useRef<HTMLParagraphElement>(null);
  const [focusNotice, setFocusNotice] = useState(0);
  useEffect(() => void (focusNotice && noticeBox.current?.focus()), [focusNotice]);
  const announce = (text: string) => {
    setNotice(text);
    setFocusNotice((n) => n + 1);
  };

  const reload = useCallback(async () => setEntries(await listTimeEntries(from, to)), [from, to]);
  useEffect(() => {
    void loadTimeLogSettings().then(setSettings, (error: unknown) => setNotice(readError('The time log settings', error)));
    void loadProfile().then((p) => setCourses(p.courses), (error: unknown) => setNotice(readError('Your course list', error)));
  }, []);
  useEffect(() => void reload().catch((error: unknown) => setNotice(readError('The time log', error))), [reload]);
  // FAQ 13 names fire safety: the catalogue's course for it, whatever the organisation calls it.
  const FIRE_SAFETY = createCourseMatcher(courses)('Fire Safety')?.name ?? 'Fire Safety';

  const save = async (next: TimeLogSettings, text?: string) => {
    await saveTimeLogSettings(next);
    setSettings(next);
    if (text) setNotice(text);
  };

  const correct = async (entry: TimeEntry, value: string) => {
    const minutes = value.trim() === '' ? null : Math.round(Number(value));
    if (minutes !== null && (!Number.isFinite(minutes) || minutes < 0 || minutes > 24 * 60)) {
      setNotice('Enter a number of minutes between 0 and 1440, or leave the box empty to use the logged time.');
      return;
    }
    await correctTime(entry.day, entry.course, minutes === null ? null : minutes * 60_000);
    setNotice(minutes === null ? `${entry.course} on ${formatDate(entry.day)}: back to the logged time.` : `${entry.course} on ${formatDate(entry.day)}: corrected to ${formatMinutes(minutes)}.`);
    await reload();
  };

  const removeEntry = async (entry: TimeEntry) => {
    try {
      await deleteTimeEntry(entry.id);
      await reload();
      announce(`Deleted the entry for ${entry.course} on ${formatDate(entry.day)}.`);
    } catch (error) {
      announce(`The entry was not deleted (${errorText(error)}).`);
    }
  };

  /** Every entry, whatever dates are shown: what “the whole log” means. */
  const askToClear = async () => {
    try {
      const all = await listTimeEntries('0000-01-01', '9999-12-31');
      if (all.length) setConfirming(all);
      else announce('The time log is empty: there is nothing to delete.');
    } catch (error) {
      announce(readError('The time log', error));
    }
  };

  const clear = async () => {
    setConfirming(null);
    try {
      await clearTimeLog();
      await reload();
      announce('The whole time log was deleted.');
    } catch (error) {
      announce(`The time log was not deleted (${errorText(error)}). Nothing was changed.`);
    }
  };

  const cancelClear = () => {
    setConfirming(null);
    announce('Nothing was deleted.');
  };

  const print = () => {
    document.body.dataset.printing = 'timesheet';
    window.addEventListener('afterprint', () => delete document.body.dataset.printing, { once: true });
    window.print();
  };

  const sheet = buildTimesheet(entries);
  const name = settings?.name ?? '';
  return (
    <section id="time-log" aria-labelledby="time-log-heading" data-mtc-section="time-log">
      <h2 id="time-log-heading">Training time log</h2>
      <div class="timesheet-print-heading">
        <p>
          <strong>Mandatory training timesheet</strong>
          {name && ` — ${name}`}. {rangeWords(from, to)}.
        </p>
      </div>
      <div class="no-print">
        <p class="muted">
          For PGTAs, who are paid for up to {PAID_CAP_MINUTES / 60} hours of mandatory training before their work starts. When this is on, the extension
          notes the time you spend on LearnUpon and CybSafe course pages, per course and day. It counts only while the course tab is in front and
          you are using it: after 5 minutes with no typing, clicking, scrolling or video playing, the time since you last did something is not counted.
          The log stays on this computer; you can correct any entry.
        </p>
        {turnedOff && (
          <p class="notice" data-mtc-turned-off="time-log">
            Your organisation has turned off the training time log: nothing new is logged. What was logged before is kept here, and you can still
            print or download it.
          </p>
        )}
        {settings && (
          <>
            <div class="check">
              <input
                id="time-log-enabled"
                type="checkbox"
                data-mtc-time-log="enabled"
                disabled={turnedOff}
                checked={settings.enabled && !turnedOff}
                onChange={(e) => void save({ ...settings, enabled: e.currentTarget.checked }, e.currentTarget.checked ? 'Time logging is on. Open a course to start.' : 'Time logging is off. The log so far is kept.')}
              />
              <label for="time-log-enabled">Log the time I spend on course pages</label>
            </div>
            <label for="time-log-name">Your name (printed on the timesheet)</label>
            <input id="time-log-name" value={settings.name} autocomplete="name" onChange={(e) => void save({ ...settings, name: e.currentTarget.value.slice(0, 200) })} />
          </>
        )}
        <div class="filters">
          <div>
            <label for="time-log-from">From</label>
            <input id="time-log-from" type="date" value={from} max={to} onChange={(e) => e.currentTarget.value && setFrom(e.currentTarget.value)} />
          </div>
          <div>
            <label for="time-log-to">To</label>
            <input id="time-log-to" type="date" value={to} min={from} onChange={(e) => e.currentTarget.value && setTo(e.currentTarget.value)} />
          </div>
        </div>
      </div>
      <p aria-live="polite" class="muted no-print" data-mtc-time-log-notice ref={noticeBox} tabIndex={-1}>
        {notice}
      </p>
      {sheet.rows.length === 0 ? (
        <p class="muted" data-mtc-time-log="empty">No training time logged from {formatDate(from)} to {formatDate(to)}.</p>
      ) : (
        <div class="table-wrap">
          <table class="cards" data-mtc-time-log="table">
            <caption class="visually-hidden">Training time, {rangeWords(from, to).toLowerCase()}</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Course</th>
                <th scope="col">Logged</th>
                <th scope="col">Your correction (minutes)</th>
                <th scope="col">Counted</th>
                <th scope="col">Within the {PAID_CAP_MINUTES / 60}-hour cap</th>
                <th scope="col" class="no-print"><span class="visually-hidden">Delete</span></th>
              </tr>
            </thead>
            <tbody>
              {sheet.rows.map((r) => (
                <tr key={r.entry.id} data-mtc-time-entry={r.entry.course} data-mtc-day={r.entry.day} data-mtc-tracked-ms={r.entry.trackedMs}>
                  <td>
                    <CellLabel>Date</CellLabel>
                    {formatDate(r.entry.day)}
                  </td>
                  <td>
                    <CellLabel>Course</CellLabel>
                    {r.entry.course}
                  </td>
                  <td>
                    <CellLabel>Logged</CellLabel>
                    {formatMinutes(r.loggedMinutes)}
                  </td>
                  <td>
                    <CellLabel>Your correction (minutes)</CellLabel>
                    <input
                      type="number"
                      min={0}
                      max={1440}
                      step={1}
                      style={{ width: '6em' }}
                      aria-label={`Correct the minutes for ${r.entry.course} on ${formatDate(r.entry.day)} (empty: use the logged time)`}
                      value={r.entry.correctedMs === null ? '' : String(r.countedMinutes)}
                      placeholder={String(r.loggedMinutes)}
                      onChange={(e) => void correct(r.entry, e.currentTarget.value)}
                    />
                  </td>
                  <td>
                    <CellLabel>Counted</CellLabel>
                    {formatMinutes(r.countedMinutes)}
                  </td>
                  <td>
                    <CellLabel>Within the {PAID_CAP_MINUTES / 60}-hour cap</CellLabel>
                    {formatMinutes(r.claimableMinutes)}
                  </td>
                  <td class="no-print">
                    <button type="button" class="secondary" onClick={() => void removeEntry(r.entry)}>
                      Delete<span class="visually-hidden"> {r.entry.course} on {formatDate(r.entry.day)}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p data-mtc-time-log="total">
        Total: <strong>{formatMinutes(sheet.totalMinutes)}</strong>.{' '}
        {sheet.overCapMinutes > 0
          ? `Up to ${PAID_CAP_MINUTES / 60} hours are paid: ${formatMinutes(sheet.claimableMinutes)} can be claimed, and ${formatMinutes(sheet.overCapMinutes)} is over the cap.`
          : `Up to ${PAID_CAP_MINUTES / 60} hours are paid: ${formatMinutes(PAID_CAP_MINUTES - sheet.claimableMinutes)} left before the cap.`}
      </p>
      {sheet.rows.some((r) => r.entry.course === FIRE_SAFETY) && (
        <p class="notice">
          {FIRE_SAFETY}: training you must already do as a student (such as {FIRE_SAFETY}) is not paid again (FAQ 13). Set its minutes to 0 if that
          applies to you.
        </p>
      )}
      <div class="row no-print">
        <button type="button" data-mtc-action="timesheet-csv" onClick={() => downloadBlob(new Blob(['\uFEFF', timesheetCsv(sheet, { from, to, name })], { type: 'text/csv' }), `training-timesheet-${from}-to-${to}.csv`)}>
          Download the timesheet (CSV)
        </button>
        <button type="button" class="secondary" onClick={print}>
          Print the timesheet
        </button>
        <button type="button" class="secondary" data-mtc-action="time-log-delete" aria-expanded={!!confirming} onClick={() => void askToClear()}>
          Delete the whole time log
        </button>
      </div>
      {confirming && <ConfirmClear entries={confirming} name={name} onConfirm={() => void clear()} onCancel={cancelClear} />}
      <div class="no-print">
        <AddTimeForm courses={courses} today={today} entries={entries} onAdded={(text) => void reload().then(() => announce(text))} />
      </div>
    </section>
  );
}

/** The question before the whole log goes: how much it holds, and a timesheet of all of it to keep first. */
function ConfirmClear(props: { entries: TimeEntry[]; name: string; onConfirm: () => void; onCancel: () => void }) {
  const sheet = buildTimesheet(props.entries);
  const first = props.entries[0]!.day;
  const last = props.entries[props.entries.length - 1]!.day;
  const download = () =>
    downloadBlob(new Blob(['\uFEFF', timesheetCsv(sheet, { from: first, to: last, name: props.name })], { type: 'text/csv' }), `training-timesheet-${first}-to-${last}.csv`);
  return (
    <ConfirmDelete
      id="time-log-delete"
      title="Delete the whole time log?"
      confirm="Delete the whole time log"
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
      extra={
        <button type="button" class="secondary" data-mtc-action="time-log-csv-all" onClick={download}>
          Download all of it as a timesheet (CSV)
        </button>
      }
    >
      <p>
        This deletes every entry of your training time log from this computer, whatever dates are shown above:{' '}
        {props.entries.length === 1 ? '1 entry' : `${props.entries.length} entries`} from {formatDate(first)} to {formatDate(last)}, {formatMinutes(sheet.totalMinutes)} in
        all, of which {formatMinutes(sheet.claimableMinutes)} is within the {PAID_CAP_MINUTES / 60}-hour paid cap. It is your record of the training time you can
        claim. A timesheet you have already downloaded or printed is not affected.
      </p>
    </ConfirmDelete>
  );
}
