import { useRef, useState } from 'preact/hooks';
import type { Profile } from '@/utils/catalogue/profile';
import type { PageReadAnswer } from '@/utils/data/messages';
import { sendToTab } from '@/utils/data/send';
import { errorText } from '@/utils/errors';
import { downloadBlob } from '../download';
import type { MadeReport } from './report';

type State = { kind: 'idle' } | { kind: 'making' } | { kind: 'error'; message: string } | { kind: 'shown'; report: MadeReport };

/**
 * "Copy a page report for the extension's maintainers": the page's copy, anonymised here, shown whole
 * before the user copies or saves it. Nothing is sent anywhere.
 */
export function PageReport({ tabId, read, profile, today }: { tabId: number; read: PageReadAnswer; profile: Profile; today: string }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [done, setDone] = useState<string | null>(null);
  const shown = useRef<HTMLTextAreaElement>(null);

  const make = async () => {
    setState({ kind: 'making' });
    setDone(null);
    try {
      const copy = await sendToTab(tabId, { type: 'copy-page' });
      if (!copy) throw new Error('the page did not answer');
      // The anonymiser and the readers load only when a report is asked for: the panel opens without them.
      const { makePageReport } = await import('./report');
      setState({ kind: 'shown', report: makePageReport(copy.html, read, profile) });
      // To the report's start, for the user to read it from the top.
      requestAnimationFrame(() => {
        shown.current?.setSelectionRange(0, 0);
        shown.current?.focus();
        if (shown.current) shown.current.scrollTop = 0;
      });
    } catch (e) {
      setState({ kind: 'error', message: `The report could not be made (${errorText(e)}). Reload the page, then try again.` });
    }
  };
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setDone('Copied. Paste it into your message to the extension’s maintainers.');
    } catch (e) {
      setDone(`Not copied (${errorText(e)}). Select the report above and copy it, or save it as a file.`);
    }
  };
  const save = (text: string) => {
    // The site and the day, nothing of the page.
    const name = `page-report-${read.site}-${today}.html`;
    downloadBlob(new Blob([text], { type: 'text/html' }), name);
    setDone(`Saved as ${name} (Chrome puts it where your downloads go). Attach it to your message to the extension’s maintainers.`);
  };

  return (
    <div data-mtc-section="page-report">
      <h3 id="page-report-heading">Report a page the extension reads wrong</h3>
      <p>
        A page report lets the extension’s maintainers see how this page is built, without seeing anything about you. It keeps the page’s
        layout (its tags, roles, ARIA attributes and class names), the names of courses in your catalogue, and the short words the
        extension reads by, such as “Completed” or “Due date”. It replaces all other text (your name, email address, other course
        titles, anything written on the page) with placeholders of the same shape, such as “Xxxx Xxxxxx”; replaces numbers in links and
        ids with other numbers; moves every date by the same number of days, keeping its format; and leaves out scripts and styles.
      </p>
      <p>Nothing is sent anywhere: you see the whole report first, then copy it or save it yourself.</p>
      <button type="button" class="secondary" onClick={() => void make()} disabled={state.kind === 'making'} data-mtc-action="make-page-report">
        Copy a page report for the extension’s maintainers…
      </button>
      <div aria-live="polite">{state.kind === 'making' && <p class="muted">Making the report…</p>}</div>
      {state.kind === 'error' && (
        <p class="error" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'shown' && (
        <>
          <label for="page-report-text">The whole report (read it before you copy or save it)</label>
          <textarea id="page-report-text" ref={shown} readOnly rows={12} class="page-report" value={state.report.text} data-mtc-report="page" />
          <p class="muted" data-mtc-report-check={state.report.same ? 'same' : 'different'}>
            {state.report.same
              ? `Checked: read back, this report shows the same ${state.report.onPage} course ${state.report.onPage === 1 ? 'entry' : 'entries'} as the page, with the same statuses and kinds of date.`
              : `Read back, this report shows ${state.report.inReport} course ${state.report.inReport === 1 ? 'entry' : 'entries'} where the page showed ${state.report.onPage}, or reads them differently: it may not show the problem, so say what you see on the page in your message too.`}
          </p>
          <div class="row">
            <button type="button" onClick={() => void copy(state.report.text)} data-mtc-action="copy-page-report">
              Copy the report
            </button>
            <button type="button" class="secondary" onClick={() => save(state.report.text)} data-mtc-action="save-page-report">
              Save it as a file
            </button>
          </div>
          <div role="status">{done && <p class="muted">{done}</p>}</div>
        </>
      )}
    </div>
  );
}
