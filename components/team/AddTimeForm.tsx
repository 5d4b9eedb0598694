import { useEffect, useRef, useState } from 'preact/hooks';
import type { Course } from '@/utils/catalogue/profile';
import { formatDate } from '@/utils/dates/calendar';
import { correctTime, listTimeEntries } from '@/utils/timelog/store';
import { formatMinutes } from '@/utils/timelog/timesheet';
import type { TimeEntry } from '@/utils/timelog/types';

/** Time the log could not see (another computer, a course on paper) is added to that day's entry. */
export function AddTimeForm(props: { courses: Course[]; today: string; entries: TimeEntry[]; onAdded: (text: string) => void }) {
  const [day, setDay] = useState(props.today);
  const [course, setCourse] = useState('');
  const [minutes, setMinutes] = useState('');
  const [error, setError] = useState<string | null>(null);
  // What went wrong gets focus, so a keyboard user hears it and is beside the fields to fix.
  const errorBox = useRef<HTMLParagraphElement>(null);
  const [tries, setTries] = useState(0);
  useEffect(() => void (error && errorBox.current?.focus()), [error, tries]);
  const names = [...new Set([...props.courses.map((c) => c.name), ...props.entries.map((e) => e.course)])];

  const add = async (event: Event) => {
    event.preventDefault();
    setTries((t) => t + 1);
    const n = Math.round(Number(minutes));
    if (!day || !course) return setError('Choose the date and the course.');
    if (!Number.isFinite(n) || n <= 0 || n > 24 * 60) return setError('Enter the minutes to add, between 1 and 1440.');
    setError(null);
    const held = (await listTimeEntries(day, day)).find((e) => e.course === course);
    const counted = held ? (held.correctedMs ?? held.trackedMs) : 0;
    await correctTime(day, course, counted + n * 60_000);
    setMinutes('');
    props.onAdded(`Added ${formatMinutes(n)} to ${course} on ${formatDate(day)}.`);
  };

  return (
    <form onSubmit={(e) => void add(e)} aria-labelledby="add-time-heading">
      <h3 id="add-time-heading">Add time the log did not see</h3>
      <div class="filters">
        <div>
          <label for="add-time-day">Date</label>
          <input id="add-time-day" type="date" value={day} max={props.today} onChange={(e) => setDay(e.currentTarget.value)} />
        </div>
        <div>
          <label for="add-time-course">Course</label>
          <select id="add-time-course" value={course} onChange={(e) => setCourse(e.currentTarget.value)}>
            <option value="">Choose a course</option>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="add-time-minutes">Minutes</label>
          <input id="add-time-minutes" type="number" min={1} max={1440} step={1} style={{ width: '6em' }} value={minutes} onInput={(e) => setMinutes(e.currentTarget.value)} />
        </div>
        <button type="submit" class="secondary">Add the time</button>
      </div>
      {error && (
        <p class="error" role="alert" ref={errorBox} tabIndex={-1}>
          {error}
        </p>
      )}
    </form>
  );
}
