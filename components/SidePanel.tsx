import { useEffect } from 'preact/hooks';
import { broadcast } from '@/utils/data/send';
import { CourseList } from './CourseList';
import { CourseHistory } from './CourseHistory';
import { ManualEntry } from './ManualEntry';
import { Troubleshoot } from './Troubleshoot';
import { EvidenceLocker } from './EvidenceLocker';
import { ExportPanel } from './ExportPanel';
import { useOverview } from './useOverview';
import { portalDashboardUrl } from '@/utils/hosts';
import { LazyDetails } from './LazyDetails';
import { useSiteChangedNotice } from './useStored';
import { PageReadingPanel } from './reading/PageReadingPanel';

export function SidePanel() {
  const { overview, error, reload } = useOverview();
  // Read by `npm run bench` (scripts/bench-scale.ts): when the course list first shows.
  useEffect(() => void (overview && performance.mark('mtc:first-render')), [!overview]);
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
          courses there, LearnUpon may have changed its pages: use “Fetch my training history” below (or download it from the dashboard
          and import the file), or enter completions by hand.
        </p>
      )}
      {overview && (
        <section aria-labelledby="courses-heading">
          <h2 id="courses-heading">Courses</h2>
          {overview.records.length === 0 && (
            <p class="muted">
              Nothing seen yet. Open your <a href={portalDashboardUrl(overview.profile.portalHost)} target="_blank" rel="noopener noreferrer">LearnUpon dashboard</a>{' '}
              and CybSafe once, or enter a completion below.
            </p>
          )}
          <CourseList summaries={overview.summaries}>
            {(s) => (
              <LazyDetails summary="History and manual entry">
                {() => (
                  <>
                    <CourseHistory history={s.history} />
                    <ManualEntry course={s.course} today={overview.today} onSaved={() => void changed()} />
                  </>
                )}
              </LazyDetails>
            )}
          </CourseList>
        </section>
      )}
      {overview && <ExportPanel overview={overview} />}
      {overview && <EvidenceLocker overview={overview} onChanged={() => void changed()} />}
      {overview && <Troubleshoot profile={overview.profile} />}
      <p>
        Line manager or PGTA?{' '}
        <a href="/team.html" target="_blank" data-mtc-link="team">Team report and training time log</a>
      </p>
      {overview && <PageReadingPanel profile={overview.profile} today={overview.today} onSaved={() => void changed()} />}
    </main>
  );
}
