import { useCallback, useEffect, useState } from 'preact/hooks';
import { broadcast } from '@/utils/data/send';
import { LOCAL_KEYS } from '@/utils/data/keys';
import type { SidePanelView } from '@/utils/data/local';
import { readLocal, writeLocal } from '@/utils/store/local';
import { CourseList } from './CourseList';
import { CourseHistory } from './CourseHistory';
import { ManualEntry } from './ManualEntry';
import { Troubleshoot } from './Troubleshoot';
import { EvidenceView } from './EvidenceView';
import { ReportIssueButton } from './ReportIssueButton';
import { Tabs } from './Tabs';
import { useOverview, type Overview } from './useOverview';
import { useRead } from './useRead';
import { portalDashboardUrl } from '@/utils/hosts';
import { LazyDetails } from './LazyDetails';
import { useSiteChangedNotice } from './useStored';
import { PageReadingPanel } from './reading/PageReadingPanel';
import { featureOn } from '@/utils/catalogue/policy';
import type { EffectiveProfile } from '@/utils/catalogue/profile';

const readView = async (): Promise<SidePanelView> => (await readLocal(LOCAL_KEYS.sidePanelView)) ?? 'courses';

/** The task last shown, opened again next time (issue 13: the side panel by task). */
function usePanelView(): [SidePanelView | null, (view: SidePanelView) => void] {
  const stored = useRead(readView, { what: 'The view last shown' });
  const [view, setView] = useState<SidePanelView | null>(null);
  useEffect(() => {
    if (stored.value && view === null) setView(stored.value);
    else if (stored.error && view === null) setView('courses');
  }, [stored.value, stored.error]);
  const choose = useCallback((next: SidePanelView) => {
    setView(next);
    void writeLocal(LOCAL_KEYS.sidePanelView, next).catch(() => undefined);
  }, []);
  return [view, choose];
}

function CoursesView({ overview, onChanged }: { overview: Overview; onChanged: () => void }) {
  return (
    <section aria-labelledby="courses-heading">
      <h2 id="courses-heading">Courses</h2>
      {overview.records.length === 0 && (
        <p class="muted">
          Nothing seen yet. Open your <a href={portalDashboardUrl(overview.profile.portalHost)} target="_blank" rel="noopener noreferrer">LearnUpon dashboard</a>{' '}
          and CybSafe once, or enter a completion below.
        </p>
      )}
      <CourseList summaries={overview.summaries} action={(s) => <ReportIssueButton course={s.course.name} from="panel" />}>
        {(s) => (
          <LazyDetails summary="History and manual entry">
            {() => (
              <>
                <CourseHistory history={s.history} />
                <ManualEntry course={s.course} today={overview.today} onSaved={onChanged} />
              </>
            )}
          </LazyDetails>
        )}
      </CourseList>
    </section>
  );
}

/** Help: the FAQ's checklist, then what the reader read on the page in the tab beside the panel. */
function HelpView({ overview, onChanged }: { overview: Overview; onChanged: () => void }) {
  return (
    <>
      <Troubleshoot profile={overview.profile} />
      <PageReadingPanel profile={overview.profile} today={overview.today} onSaved={onChanged} />
    </>
  );
}

/**
 * The Team page, one link away in every view; what the organisation's policy turned off is said, as the
 * Team page itself does (components/team/TeamPage.tsx), and the time log stays reachable while it is on.
 */
function TeamLink({ profile }: { profile: EffectiveProfile }) {
  if (featureOn(profile, 'teamPage')) {
    return (
      <p>
        Line manager or PGTA?{' '}
        <a href="/team.html" target="_blank" data-mtc-link="team">Team report and training time log</a>
      </p>
    );
  }
  return (
    <p data-mtc-turned-off="team-link">
      Team report: Turned off by your organisation.
      {featureOn(profile, 'timeLog') && (
        <>
          {' '}PGTA? <a href="/team.html#time-log" target="_blank" data-mtc-link="time-log">Training time log</a>
        </>
      )}
    </p>
  );
}

export function SidePanel() {
  const { overview, error, reload } = useOverview();
  const [view, setView] = usePanelView();
  // Read by `npm run bench` (scripts/bench-scale.ts): when the course list first shows (it needs the view too).
  useEffect(() => void (overview && view && performance.mark('mtc:first-render')), [!overview || !view]);
  const siteChanged = useSiteChangedNotice();
  const changed = async () => {
    await reload();
    // The toolbar badge and any other open page read the records again.
    broadcast('records-changed');
  };
  return (
    <main style={{ padding: '12px 14px' }}>
      <h1>Mandatory training — full view</h1>
      {error && <p class="error" role="alert">{error}</p>}
      {siteChanged && (
        <p class="notice" data-mtc-notice="site-changed">
          Your LearnUpon dashboard showed no courses we could read ({new Date(siteChanged.at).toLocaleString('en-GB')}). If you do have
          courses there, LearnUpon may have changed its pages: use “Fetch my training history” in Evidence (or download it from the dashboard
          and import the file), or enter completions by hand.
        </p>
      )}
      {overview && view && (
        <Tabs
          id="panel"
          label="Tasks"
          current={view}
          onChange={setView}
          tabs={[
            { key: 'courses', label: 'Courses', panel: () => <CoursesView overview={overview} onChanged={() => void changed()} /> },
            { key: 'evidence', label: 'Evidence', panel: () => <EvidenceView overview={overview} onChanged={() => void changed()} /> },
            { key: 'help', label: 'Help', panel: () => <HelpView overview={overview} onChanged={() => void changed()} /> },
          ]}
        />
      )}
      {overview && <TeamLink profile={overview.profile} />}
    </main>
  );
}
