// "What I read on this page" (issue 12 items 5 and 6): for the active tab on LearnUpon or CybSafe, each
// course entry the reader read with the words it went by, the entries it saw but did not count and why,
// outlines on the page, a correction by manual entry, and the page report for the maintainers.
import { useState } from 'preact/hooks';
import type { Profile } from '@/utils/catalogue/profile';
import type { ReadEntryAnswer } from '@/utils/data/messages';
import { errorText } from '@/utils/errors';
import { hostOf } from '../host';
import { PageReport } from './PageReport';
import { ReadEntryItem } from './ReadEntryItem';
import { usePageReading, type PageView } from './usePageReading';
import { summaryLine } from './words';
import './reading.css';

const SITE_NAMES = { learnupon: 'LearnUpon', cybsafe: 'CybSafe' } as const;

function hostAndPath(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return url;
  }
}

/** One line for a tab with nothing to read, or a page that has not answered yet. */
function waiting(view: PageView): string | null {
  switch (view.kind) {
    case 'looking':
      return 'Looking at the tab beside this panel…';
    case 'not-covered':
      return view.microsoft
        ? 'This tab is Microsoft’s sign-in page: there are no courses on it to read.'
        : 'This tab is not LearnUpon or CybSafe, so there is nothing on it for me to read.';
    case 'reading':
      return `Reading the ${SITE_NAMES[view.tab.site]} page…`;
    case 'no-answer':
      return `The ${SITE_NAMES[view.tab.site]} page has not answered. Reload the page (press F5 in it), then press Refresh.`;
    default:
      return null;
  }
}

/** One list of entries read (counted, or seen but not counted); nothing when it is empty. */
function ReadList({ title, list, entries, portal, profile, today, onSaved }: { title: string; list: string; entries: ReadEntryAnswer[]; portal: string; profile: Profile; today: string; onSaved: () => void }) {
  if (!entries.length) return null;
  return (
    <>
      <h3>{title}</h3>
      <ol class="read-entries" data-mtc-list={list}>
        {entries.map((entry) => (
          <ReadEntryItem key={entry.index} entry={entry} portal={portal} profile={profile} today={today} onSaved={onSaved} />
        ))}
      </ol>
    </>
  );
}

export function PageReadingPanel({ profile, today, onSaved }: { profile: Profile; today: string; onSaved: () => void }) {
  const { view, refresh, outlined, showOnPage } = usePageReading();
  const [outlineNote, setOutlineNote] = useState<string | null>(null);
  const line = waiting(view);
  const portal = view.kind === 'read' ? hostOf(view.answer.pageUrl, 'this portal') : '';

  const toggle = async () => {
    const on = !outlined;
    try {
      const shown = await showOnPage(on);
      setOutlineNote(on ? (shown ? `Outlined ${shown} ${shown === 1 ? 'entry' : 'entries'} on the page, numbered as listed here.` : 'There is nothing on this page to outline.') : 'Outlines taken off the page.');
    } catch (e) {
      setOutlineNote(`The page did not answer (${errorText(e)}). Press Refresh and try again.`);
    }
  };

  return (
    <section aria-labelledby="page-reading-heading" data-mtc-section="page-reading">
      <h2 id="page-reading-heading">What I read on this page</h2>
      <div role="status" data-mtc-reading={view.kind}>
        {line && <p class="muted">{line}</p>}
        {view.kind === 'read' && <p>{summaryLine(view.answer.counted.length, view.answer.notCounted.length)}</p>}
      </div>
      {view.kind === 'error' && (
        <p class="error" role="alert">
          {view.message} Reload the page, then press Refresh.
        </p>
      )}
      {view.kind !== 'not-covered' && view.kind !== 'looking' && (
        <div class="row">
          <button type="button" class="secondary" onClick={refresh} data-mtc-action="refresh-reading">
            Refresh
          </button>
          {view.kind === 'read' && view.answer.counted.length + view.answer.notCounted.length > 0 && (
            <button type="button" class="secondary" aria-pressed={outlined} onClick={() => void toggle()} data-mtc-action="show-on-page">
              Show on page
            </button>
          )}
        </div>
      )}
      <div aria-live="polite">{outlineNote && view.kind === 'read' && <p class="muted">{outlineNote}</p>}</div>
      {view.kind === 'read' && (
        <>
          <p class="muted">
            {hostAndPath(view.answer.pageUrl)}
            {view.updating ? ' (reading it again…)' : ''}
          </p>
          {view.answer.otherPortal && (
            <p class="notice">
              This is another organisation’s LearnUpon portal: nothing on it counts for {profile.organisation}. Your {profile.organisation} courses are on{' '}
              {profile.portalHost}.
            </p>
          )}
          <ReadList title="Counted towards your training" list="read-counted" entries={view.answer.counted} portal={portal} profile={profile} today={today} onSaved={onSaved} />
          <ReadList title="Seen but not counted" list="read-not-counted" entries={view.answer.notCounted} portal={portal} profile={profile} today={today} onSaved={onSaved} />
          <PageReport key={`${view.tab.id} ${view.answer.pageUrl}`} tabId={view.tab.id} read={view.answer} profile={profile} today={today} />
        </>
      )}
    </section>
  );
}
