import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Course } from '@/utils/catalogue/profile';
import { formatDate } from '@/utils/dates/calendar';
import type { CollectRuns, SiteRun } from '@/utils/data/meta';
import { collectSiteForFlow, SITE_STEPS, type StepId, type StepReport } from '@/utils/evidence/flow-collect';
import { flowPackInput } from '@/utils/evidence/flow-pack';
import { agoText, isFresh, sitesFor, type FlowSite } from '@/utils/evidence/flow-plan';
import { reviewCourse } from '@/utils/evidence/flow-review';
import type { FlowRequest } from '@/utils/evidence/flow-tab';
import { mailSubject } from '@/utils/evidence/subject';
import { listEvidence } from '@/utils/store/evidence';
import type { Overview } from '../useOverview';
import { useCollectRuns, useLockerItems } from '../useStored';
import { CollectSteps, type ShownStep } from './CollectSteps';
import { CourseReviewCard } from './CourseReviewCard';
import { PackDownload } from './PackDownload';
import { SenderFields } from './SenderFields';
import { useSender } from './useSender';

function reusedStep(id: StepId, run: SiteRun, now: number): StepReport {
  const when = `Collected ${agoText(run.at, now)}`;
  if (id === 'learnupon-history') {
    return run.historyProblem ? { id, state: 'problem', text: `${when}; the file could not be kept then: ${run.historyProblem}` } : { id, state: 'reused', text: `${when}: kept, not fetched again.` };
  }
  const problems = run.certificateProblems.length;
  return { id, state: 'reused', text: `${when}: kept, not fetched again.${problems ? ` ${problems} could not be kept then (see the review).` : ''}` };
}

/** The flow for catalogue courses: to the organisation's training mailbox. */
export function CatalogueFlow({ overview, request, reloadOverview }: { overview: Overview; request: FlowRequest; reloadOverview: () => Promise<void> }) {
  const { profile } = overview;
  const [chosen, setChosen] = useState<string[]>(() => request.courses.filter((n) => profile.courses.some((c) => c.name === n)));
  const unknown = request.courses.filter((n) => !profile.courses.some((c) => c.name === n));
  const items = useLockerItems();
  const runs = useCollectRuns();
  const sender = useSender();
  const [steps, setSteps] = useState<Partial<Record<StepId, StepReport>>>({});
  const [siteProblems, setSiteProblems] = useState<Partial<Record<FlowSite, string>>>({});
  const [collecting, setCollecting] = useState(false);
  const attempted = useRef(new Set<FlowSite>());
  const [adding, setAdding] = useState('');

  // In the order asked for (the side panel lists the most urgent first), as the email lists them.
  const courses: Course[] = chosen.flatMap((name) => profile.courses.filter((c) => c.name === name));
  const sites = sitesFor(courses);

  const collect = async (todo: FlowSite[], known: CollectRuns, force: boolean) => {
    setCollecting(true);
    for (const site of todo) {
      const run = known[site];
      const now = Date.now();
      if (!force && isFresh(run, site, now)) {
        setSteps((s) => ({ ...s, ...Object.fromEntries(SITE_STEPS[site].map((id) => [id, reusedStep(id, run, now)])) }));
        continue;
      }
      setSiteProblems((p) => ({ ...p, [site]: undefined }));
      const problem = await collectSiteForFlow(site, courses.filter((c) => c.platform === site).map((c) => c.name), profile, (step) => setSteps((s) => ({ ...s, [step.id]: step })));
      if (problem) setSiteProblems((p) => ({ ...p, [site]: problem }));
    }
    // This page's own broadcasts do not reach it: read again what the collection changed.
    await Promise.all([reloadOverview(), items.reload(), runs.reload(), sender.reload()]);
    setCollecting(false);
  };

  // Collects for every site the chosen courses need, once per site on this page (the user's click that
  // opened it is the go-ahead); a course added later brings its site in.
  useEffect(() => {
    if (!runs.value || collecting) return;
    const todo = sites.filter((s) => !attempted.current.has(s));
    if (!todo.length) return;
    todo.forEach((s) => attempted.current.add(s));
    void collect(todo, runs.value, false);
  }, [runs.value, sites.join(' '), collecting]);

  // After "Fetch again", focus goes to what came of it.
  const status = useRef<HTMLParagraphElement>(null);
  const again = async () => {
    sites.forEach((s) => attempted.current.add(s));
    await collect(sites, {}, true);
    status.current?.focus();
  };

  const summaries = new Map(overview.summaries.map((s) => [s.course.name, s]));
  const reviews = useMemo(
    () => courses.map((c) => reviewCourse(c, summaries.get(c.name) ?? { history: [], due: null }, { items: items.value ?? [], runs: runs.value, siteProblems, profile })),
    [overview, items.value, runs.value, siteProblems, chosen.join('\n')],
  );

  const unassigned = (items.value ?? []).filter((i) => i.course === null && i.kind !== 'history' && i.countsForCompliance);
  const undated = reviews.filter((r) => !r.completion);
  const completionStep: ShownStep = (collecting || sites.some((s) => !attempted.current.has(s))) && undated.length
    ? { id: 'completion', state: 'working', text: 'Looking at what the sites show…' }
    : undated.length
      ? { id: 'completion', state: 'problem', text: `No completion date for ${undated.map((r) => r.name).join(', ')} (see the review).` }
      : { id: 'completion', state: 'done', text: reviews.map((r) => `${r.name}: completed ${formatDate(r.completion!.date)}`).join('; ') || '—' };
  const shown: ShownStep[] = [...sites.flatMap((site) => SITE_STEPS[site].map((id) => steps[id] ?? { id, state: 'waiting' as const, text: 'Waiting…' })), completionStep];
  const missingCount = reviews.reduce((n, r) => n + r.missing.length, 0);
  const loaded = items.value !== null && runs.value !== null;
  // A site not yet started counts as collecting: the download waits for it (no moment of "ready" between).
  const pending = collecting || sites.some((s) => !attempted.current.has(s));

  const add = () => {
    if (adding && !chosen.includes(adding)) setChosen([...chosen, adding]);
    setAdding('');
  };
  const remove = (name: string) => setChosen(chosen.filter((n) => n !== name));
  const others = profile.courses.filter((c) => !chosen.includes(c.name));

  return (
    <>
      <p>
        For when you completed a course and are still asked to do it again. The extension gathers the proof by itself, shows you what it found, and prepares an
        email to {profile.organisation}’s mandatory training team with everything it could collect attached.
      </p>
      <section aria-labelledby="courses-heading" data-mtc-section="flow-courses">
        <h2 id="courses-heading">The course{chosen.length === 1 ? '' : 's'} it is about</h2>
        {unknown.length > 0 && <p class="notice">Not one of the mandatory courses, so left out: {unknown.join(', ')}.</p>}
        {chosen.length ? (
          <ul data-mtc-flow="courses">
            {courses.map((c) => (
              <li key={c.name} data-mtc-course={c.name}>
                {c.name}{' '}
                {chosen.length > 1 && (
                  <button type="button" class="link" onClick={() => remove(c.name)}>
                    Remove<span class="visually-hidden"> {c.name}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p class="notice">Choose the course your completion issue is about.</p>
        )}
        {others.length > 0 && (
          <div class="row">
            <label for="add-course" style={{ margin: 0 }}>{chosen.length ? 'Add another course' : 'Course'}</label>
            <select id="add-course" value={adding} onChange={(e) => setAdding(e.currentTarget.value)}>
              <option value="">Choose…</option>
              {others.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
            </select>
            <button type="button" class="secondary" onClick={add} disabled={!adding}>Add</button>
          </div>
        )}
      </section>
      {chosen.length > 0 && (
        <>
          <section aria-labelledby="collect-heading" data-mtc-section="collect">
            <h2 id="collect-heading">Collecting your evidence</h2>
            <p class="muted">From your open {sites.map((s) => (s === 'learnupon' ? 'LearnUpon' : 'CybSafe')).join(' and ')} session, in a tab (one is opened in the background if needed, and closed when done). Nothing is sent anywhere.</p>
            <CollectSteps steps={shown} />
            <p aria-live="polite" ref={status} tabIndex={-1} data-mtc-flow-status={pending || !loaded ? 'collecting' : 'ready'}>
              {pending
                ? 'Collecting…'
                : loaded
                  ? `Collection finished. ${missingCount ? `${missingCount} thing${missingCount === 1 ? ' is' : 's are'} missing: the review below says what and why.` : 'Everything was found.'}`
                  : ''}
            </p>
            {!pending && loaded && (
              <button type="button" class="secondary" data-mtc-action="collect-again" onClick={() => void again()}>
                Fetch again
              </button>
            )}
          </section>
          <section aria-labelledby="review-heading" data-mtc-section="review">
            <h2 id="review-heading">What the email will say</h2>
            {reviews.map((r) => (
              <CourseReviewCard key={r.name} review={r} profile={profile} unassigned={unassigned} onChanged={async () => void (await Promise.all([items.reload(), reloadOverview()]))} />
            ))}
          </section>
          <SenderFields person={sender.person} seen={sender.seen} profile={profile} onInput={sender.set} onCommit={() => void sender.remember()} />
          <PackDownload
            to={profile.mailbox}
            toWords={`${profile.organisation}’s mandatory training mailbox`}
            subject={mailSubject(profile.subjectTemplate, courses.map((c) => c.name))}
            reviews={reviews}
            ready={!pending && loaded}
            notReady="Wait until the collection above has finished."
            makeInput={async () => {
              await sender.remember();
              const files = new Map((await listEvidence()).map((i) => [i.id, i]));
              return flowPackInput({ profile, records: overview.records, today: overview.today, person: sender.person, reviews, files });
            }}
          />
        </>
      )}
    </>
  );
}
