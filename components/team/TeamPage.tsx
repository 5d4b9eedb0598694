import { featureOn } from '@/utils/catalogue/policy';
import { useProfile } from '../useStored';
import { TeamSection } from './TeamSection';
import { TimeLogSection } from './TimeLogSection';

/** Two jobs no platform does (FAQ 11–13): a line manager's compliance report, and a PGTA's training time. */
export function TeamPage() {
  // What the organisation's policy turned off (docs/administrators.md) is said, not silently missing.
  const profile = useProfile().value;
  const teamOff = !!profile && !featureOn(profile, 'teamPage');
  const timeLogOff = !!profile && !featureOn(profile, 'timeLog');
  return (
    <main class="team-page">
      <h1>Team training report and time log</h1>
      <nav aria-label="On this page">
        <ul>
          <li><a href="#team">Team compliance report (line managers)</a></li>
          <li><a href="#time-log">Training time log (PGTAs)</a></li>
        </ul>
      </nav>
      {teamOff ? (
        <section id="team" aria-labelledby="team-heading">
          <h2 id="team-heading">Team compliance report</h2>
          <p class="notice" data-mtc-turned-off="team-page">
            Your organisation has turned off the team report in this extension. Use the monthly compliance report as your organisation provides it.
          </p>
        </section>
      ) : (
        <TeamSection />
      )}
      <TimeLogSection turnedOff={timeLogOff} />
    </main>
  );
}
