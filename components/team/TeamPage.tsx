import { TeamSection } from './TeamSection';
import { TimeLogSection } from './TimeLogSection';

/** Two jobs no platform does (FAQ 11–13): a line manager's compliance report, and a PGTA's training time. */
export function TeamPage() {
  return (
    <main class="team-page">
      <h1>Team training report and time log</h1>
      <nav aria-label="On this page">
        <ul>
          <li><a href="#team">Team compliance report (line managers)</a></li>
          <li><a href="#time-log">Training time log (PGTAs)</a></li>
        </ul>
      </nav>
      <TeamSection />
      <TimeLogSection />
    </main>
  );
}
