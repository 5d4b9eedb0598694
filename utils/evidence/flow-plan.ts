// The completion-issue flow's plan (docs/contract.md, "Completion-issue flow"): which sites to collect
// from for the chosen courses, and which collections are recent enough to reuse. Pure.
import type { Course } from '@/utils/catalogue/profile';
import type { CollectRuns, SiteRun } from '@/utils/data/meta';

export type FlowSite = 'learnupon' | 'cybsafe';

/** Work done within the last hour is reused, not repeated (issue 13). */
export const REUSE_MS = 60 * 60 * 1000;

/** The sites the courses are done on, LearnUpon first. */
export function sitesFor(courses: readonly Pick<Course, 'platform'>[]): FlowSite[] {
  const platforms = new Set(courses.map((c) => c.platform));
  return (['learnupon', 'cybsafe'] as const).filter((site) => platforms.has(site));
}

/** A run to reuse: within the last hour, and (on LearnUpon) one that asked for the training history. */
export function isFresh(run: SiteRun | undefined, site: FlowSite, now: number): run is SiteRun {
  if (!run || run.at > now || now - run.at > REUSE_MS) return false;
  return site !== 'learnupon' || run.history;
}

/** The sites to collect from now: those the courses need, less the ones collected within the hour. */
export function sitesToCollect(courses: readonly Pick<Course, 'platform'>[], runs: CollectRuns | null | undefined, now: number): FlowSite[] {
  return sitesFor(courses).filter((site) => !isFresh(runs?.[site], site, now));
}

/** "12 minutes ago", "just now": when a reused collection was made. */
export function agoText(at: number, now: number): string {
  const minutes = Math.max(0, Math.round((now - at) / 60_000));
  if (minutes < 1) return 'just now';
  return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
}
