import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CaptureButton } from './CaptureButton';
import { CourseList } from './CourseList';
import { timeNeededText } from '@/utils/renewal/time-needed';
import { PopupCalendar } from './calendar/CalendarSection';
import { ReportIssueButton } from './ReportIssueButton';
import { inToolbarPopup } from './toolbar';
import { useCourseLines } from './useOverview';
import { portalDashboardUrl } from '@/utils/hosts';

async function openSidePanel() {
  // Opening the side panel needs the user's click; the popup's button is that click.
  const win = await browser.windows.getCurrent();
  if (win.id !== undefined) await browser.sidePanel.open({ windowId: win.id });
  window.close();
}

export function Popup() {
  const { courses, error } = useCourseLines();
  // Read by `npm run bench` (scripts/bench-scale.ts): when the course list first shows.
  useEffect(() => void (courses && performance.mark('mtc:first-render')), [!courses]);
  return (
    // 380 px wide as a toolbar popup, which Chrome sizes to its content (a width relative to the window
    // would shrink it); opened anywhere else, never wider than the window (reflow at 320 px).
    <main style={{ ...(inToolbarPopup() ? { width: '380px' } : { maxWidth: '380px' }), padding: '12px 14px' }}>
      <h1>Your mandatory training</h1>
      {error && <p class="error" role="alert">{error}</p>}
      {courses && (
        <>
          <p class="muted" aria-live="polite">
            {courses.recordCount === 0
              ? 'Nothing seen yet. Open your LearnUpon dashboard and CybSafe once, and the dates will appear here.'
              : (timeNeededText(courses.lines) ?? 'Nothing overdue or due soon.')}
          </p>
          <PopupCalendar
            courses={courses}
            list={(calendar) => (
              <CourseList summaries={courses.lines} action={(s) => <ReportIssueButton course={s.course.name} from="popup" />}>
                {calendar}
              </CourseList>
            )}
          />
        </>
      )}
      <div class="row" style={{ marginTop: '12px' }}>
        <button type="button" onClick={() => void openSidePanel()}>Open full view</button>
        {courses?.recordCount === 0 && (
          <a class="button secondary" href={portalDashboardUrl(courses.profile.portalHost)} target="_blank" rel="noopener noreferrer">
            Open LearnUpon dashboard
          </a>
        )}
        <a class="button secondary" href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener noreferrer">
          Settings
        </a>
      </div>
      <div style={{ marginTop: '12px' }}>
        <CaptureButton />
      </div>
    </main>
  );
}
