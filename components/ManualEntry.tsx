import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Course } from '@/utils/catalogue/profile';
import { saveManualCompletion } from '@/utils/store/records';
import { errorText } from '@/utils/errors';

/** "I completed this on …": for completions the extension could not see. Clearly labelled manual. */
export function ManualEntry({ course, today, onSaved, initialDate = '' }: { course: Course; today: string; onSaved: () => void; initialDate?: string }) {
  const [date, setDate] = useState(initialDate);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // After Save, focus moves to what came of it (the form's date was emptied, or kept to be corrected).
  const status = useRef<HTMLSpanElement>(null);
  useEffect(() => void (message && status.current?.focus()), [message]);
  // Unique on the page: the side panel can show the same course's entry twice (its course list, "What I read on this page").
  const id = `manual-${useId()}`;
  const save = async (event: Event) => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date > today) {
      setMessage({ ok: false, text: 'Pick the date you completed it (not a future date).' });
      return;
    }
    try {
      await saveManualCompletion(course, date);
      setMessage({ ok: true, text: 'Saved as a manual entry.' });
      setDate('');
      onSaved();
    } catch (e) {
      setMessage({ ok: false, text: `Not saved: ${errorText(e)}. Nothing else was changed.` });
    }
  };
  return (
    <form class="row" onSubmit={(e) => void save(e)} aria-label={`Manual completion for ${course.name}`}>
      <label for={id} style={{ fontWeight: 400 }}>I completed this on</label>
      <input id={id} type="date" max={today} value={date} onInput={(e) => setDate(e.currentTarget.value)} required />
      <button type="submit" class="secondary">Save</button>
      {message && <span class={message.ok ? 'ok' : 'error'} role="status" tabIndex={-1} ref={status}>{message.text}</span>}
    </form>
  );
}
