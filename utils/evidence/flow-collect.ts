// The completion-issue flow's collection, one site at a time with each step said as it happens: the
// certificates from the course list, then (LearnUpon) the training history through the dashboard's own
// button. Uses the user's open tab, or opens the site in a background tab (closed again when done).
// Each finished collection is kept (`collect-runs`) so that one within the hour is reused (flow-plan.ts).
import type { Profile } from '@/utils/catalogue/profile';
import { META_KEYS } from '@/utils/data/keys';
import type { CollectRuns, SiteRun } from '@/utils/data/meta';
import { broadcast } from '@/utils/data/send';
import { errorText } from '@/utils/errors';
import { readMeta, writeMeta } from '@/utils/store/meta';
import { askSiteTab, closeSiteTab, openSiteTab, SITE_NAMES } from './collect-client';
import type { FlowSite } from './flow-plan';
import { importCollected, type CollectOutcome } from './locker';

export type StepId = 'learnupon-certificates' | 'learnupon-history' | 'cybsafe-certificate';
export type StepState = 'waiting' | 'working' | 'done' | 'reused' | 'problem';

export interface StepReport {
  id: StepId;
  state: StepState;
  /** What is happening or what came of it, in words. */
  text: string;
}

export const SITE_STEPS: Record<FlowSite, StepId[]> = {
  learnupon: ['learnupon-certificates', 'learnupon-history'],
  cybsafe: ['cybsafe-certificate'],
};

export async function readCollectRuns(): Promise<CollectRuns> {
  return (await readMeta(META_KEYS.collectRuns)) ?? {};
}

async function keepRun(site: FlowSite, run: SiteRun): Promise<void> {
  const runs = await readCollectRuns();
  await writeMeta(META_KEYS.collectRuns, { ...runs, [site]: run });
}

/** A collection made elsewhere (the locker's Fetch buttons) counts too: the flow reuses it within the hour. */
export async function keepLockerRun(site: FlowSite, history: boolean, outcome: Pick<CollectOutcome, 'historyProblem' | 'certificateProblems'>): Promise<void> {
  await keepRun(site, { at: Date.now(), history, historyProblem: outcome.historyProblem, certificateProblems: outcome.certificateProblems.slice(0, 500) });
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Per course the flow is about: kept, not kept, or none shown; and how many were kept in all. */
function certificateText(site: FlowSite, courses: readonly string[], kept: readonly string[], problems: readonly { course: string }[]): string {
  const each = courses.map((c) =>
    kept.includes(c) ? `${c}: kept` : problems.some((p) => p.course === c) ? `${c}: not kept (the review says why)` : `${c}: ${SITE_NAMES[site]} shows none`,
  );
  const others = new Set(kept.filter((c) => !courses.includes(c))).size;
  return `${each.join('; ')}.${others ? ` (${plural(others, 'certificate')} for your other courses kept too.)` : ''}`;
}

/**
 * Collects from one site, saying each step through `report`. Resolves with why the site could not be
 * collected from at all (it did not open, the user is not signed in), or null when it was.
 */
export async function collectSiteForFlow(site: FlowSite, courses: readonly string[], profile: Profile, report: (step: StepReport) => void): Promise<string | null> {
  const [first, second] = SITE_STEPS[site];
  const name = SITE_NAMES[site];
  report({ id: first!, state: 'working', text: `Opening ${name} and reading your courses…` });
  let tab: Awaited<ReturnType<typeof openSiteTab>> | null = null;
  let current: StepId = first!;
  try {
    tab = await openSiteTab(site, profile);
    const certificates = await importCollected(await askSiteTab(tab, { type: 'collect-evidence', history: false }), profile);
    if (certificates.personChanged) broadcast('person-changed');
    const failed = courses.some((c) => certificates.certificateProblems.some((p) => p.course === c) && !certificates.certificatesFor.includes(c));
    report({ id: first!, state: failed ? 'problem' : 'done', text: certificateText(site, courses, certificates.certificatesFor, certificates.certificateProblems) });
    let historyProblem: string | null = null;
    if (second) {
      current = second;
      report({ id: second, state: 'working', text: 'Asking LearnUpon for your training history file (its “Download training history” button); this takes a few seconds…' });
      const history = await importCollected(await askSiteTab(tab, { type: 'collect-evidence', history: true, certificates: false }), profile);
      historyProblem = history.historyProblem;
      report({ id: second, state: historyProblem ? 'problem' : 'done', text: historyProblem ? `Not kept: ${historyProblem}` : history.done[0] ?? 'Training history file kept.' });
    }
    await keepRun(site, { at: Date.now(), history: Boolean(second), historyProblem, certificateProblems: certificates.certificateProblems.slice(0, 500) });
    // A tab we opened goes once it has answered; after a failure it stays, for the user to sign in there.
    await closeSiteTab(tab);
    return null;
  } catch (error) {
    const why = errorText(error).slice(0, 1000);
    for (const id of SITE_STEPS[site].slice(SITE_STEPS[site].indexOf(current))) report({ id, state: 'problem', text: why });
    return why;
  } finally {
    // Other open pages (the side panel) read the records and the locker again.
    broadcast('records-changed');
    broadcast('evidence-changed');
  }
}
