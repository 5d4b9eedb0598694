// The completion-issue flow's review (docs/contract.md, "Completion-issue flow"): per course, what was
// found (the completion date and what showed it, certificates, screenshots, the training history file)
// and what is missing and why, in words that go into the email unchanged. Pure: the page gives it the
// records, the locker's items and what each collection said.
import type { Course } from '@/utils/catalogue/profile';
import type { CollectRuns } from '@/utils/data/meta';
import type { EvidenceItem } from '@/utils/data/evidence';
import type { CompletionRecord, EnrollmentStatus, RecordSource } from '@/utils/records';
import { compareNewestFirst, isComplianceCompletion } from '@/utils/renewal/summary';
import { CYBSAFE_HOME, organisationPortals, portalDashboardUrl } from '@/utils/hosts';
import type { FlowSite } from './flow-plan';
import type { MissingPiece } from './pack-input';
import { andList } from '@/utils/words';

/** A locker item without its file: what the review needs to name and choose it. */
export type LockerItem = Omit<EvidenceItem, 'data'>;

export interface CourseReview {
  name: string;
  platform: 'learnupon' | 'cybsafe' | 'other';
  roleSpecific: boolean;
  /** The completion that counts, with what showed it in words ("shown by LearnUpon and the training history file"). */
  completion: { date: string; from: string } | null;
  /** Renewal due date; null for a one-off course, role-specific training, or when unknown. */
  due: string | null;
  certificates: LockerItem[];
  /** Screenshots and pictures kept for this course. */
  screenshots: LockerItem[];
  /** Whether the LearnUpon training history is evidence for this course (LearnUpon catalogue courses). */
  historyApplies: boolean;
  history: LockerItem | null;
  /** Where the course can be seen on its site (null for role-specific training). */
  page: string | null;
  /** In the order completion record, certificate, training history (pack-input.ts `MissingPiece`). */
  missing: MissingPiece[];
}

export interface ReviewContext {
  items: readonly LockerItem[];
  runs: CollectRuns | null | undefined;
  /** Why a site could not be collected from at all in this flow (it did not open, or answered oddly). */
  siteProblems: Partial<Record<FlowSite, string>>;
}

const PLATFORM_NAME = { learnupon: 'LearnUpon', cybsafe: 'CybSafe' } as const;

const SOURCE_WORDS: Record<RecordSource, string> = {
  learnupon: 'LearnUpon',
  cybsafe: 'CybSafe',
  'training-history': 'the LearnUpon training history file',
  manual: 'your own entry in this extension',
  external: 'another platform',
};

const STATUS_WORDS: Partial<Record<EnrollmentStatus, string>> = {
  'not-started': 'not started',
  'in-progress': 'in progress',
  failed: 'failed',
  'pending-review': 'pending review',
};

/** The completion that counts (the latest dated compliance completion), and every source that showed that date. */
export function completionOf(history: readonly CompletionRecord[]): CourseReview['completion'] {
  const done = history.filter((r) => isComplianceCompletion(r) && r.completedOn).sort(compareNewestFirst);
  const date = done[0]?.completedOn;
  if (!date) return null;
  const shown = new Set(done.filter((r) => r.completedOn === date).map((r) => r.source));
  const sources = (Object.keys(SOURCE_WORDS) as RecordSource[]).filter((s) => shown.has(s));
  return { date, from: `shown by ${andList(sources.map((s) => SOURCE_WORDS[s]))}` };
}

const usable = (item: LockerItem) => item.countsForCompliance;
const byNewest = (a: LockerItem, b: LockerItem) => b.addedAt.localeCompare(a.addedAt);

/** The newest training history file kept. */
export function newestHistory(items: readonly LockerItem[]): LockerItem | null {
  return items.filter((i) => i.kind === 'history').sort(byNewest)[0] ?? null;
}

function completionReason(platform: FlowSite, history: readonly CompletionRecord[]): string {
  const site = PLATFORM_NAME[platform];
  const open = history.filter((r) => r.source === platform && STATUS_WORDS[r.status]).sort(compareNewestFirst)[0];
  if (open) return `${site} shows this course as ${STATUS_WORDS[open.status]}, with no completion date`;
  const undated = history.find((r) => isComplianceCompletion(r) && !r.completedOn);
  if (undated) return `${SOURCE_WORDS[undated.source]} shows the course as completed but gives no date`;
  const where = platform === 'learnupon' ? 'on LearnUpon, in the training history file' : 'on CybSafe';
  return `no completion for this course was found ${where} or in your own entries`;
}

function certificateReason(platform: FlowSite, course: string, history: readonly CompletionRecord[], ctx: ReviewContext, done: boolean): string {
  const site = PLATFORM_NAME[platform];
  const problem = ctx.runs?.[platform]?.certificateProblems.find((p) => p.course === course);
  if (problem) return `the certificate could not be kept from ${site}: ${problem.reason}`;
  const siteProblem = ctx.siteProblems[platform];
  if (siteProblem) return `the certificate could not be collected from ${site}: ${siteProblem}`;
  const seen = history.filter((r) => r.source === platform);
  if (!done && seen.length) return `${site} shows no certificate for this course: it is not completed there`;
  if (seen.some((r) => r.completedOn) && seen.every((r) => !r.certificateUrl)) return `${site} shows no certificate for this course`;
  if (ctx.runs?.[platform]) return `${site} showed no certificate for this course`;
  return `no certificate for this course was fetched from ${site} or added by you`;
}

/** One catalogue course's review. */
export function reviewCourse(course: Course, summary: { history: readonly CompletionRecord[]; due: string | null }, ctx: ReviewContext & { profile: { portalHost: string; morePortalHosts?: readonly string[] } }): CourseReview {
  const platform = course.platform;
  const items = ctx.items.filter(usable);
  const certificates = items.filter((i) => i.kind === 'certificate' && i.course === course.name).sort(byNewest);
  const screenshots = items.filter((i) => (i.kind === 'screenshot' || i.kind === 'other') && i.course === course.name).sort(byNewest);
  const completion = completionOf(summary.history);
  const historyApplies = platform === 'learnupon';
  const history = historyApplies ? newestHistory(items) : null;
  const missing: MissingPiece[] = [];
  if (!completion) missing.push({ evidence: 'completion-record', reason: completionReason(platform, summary.history) });
  if (!certificates.length) {
    const why = certificateReason(platform, course.name, summary.history, ctx, completion !== null);
    missing.push({ evidence: 'certificate', reason: screenshots.length ? `${why}; a screenshot is attached instead` : why });
  }
  if (historyApplies && !history) {
    const why = ctx.runs?.learnupon?.historyProblem ?? ctx.siteProblems.learnupon ?? 'the training history file was not fetched from LearnUpon';
    missing.push({ evidence: 'training-history', reason: why.replace(/[.\s]+$/, '') });
  }
  const page = coursePageUrl(course, summary.history, ctx.profile);
  return { name: course.name, platform, roleSpecific: false, completion, due: summary.due, certificates, screenshots, historyApplies, history, page, missing };
}

/** Role-specific training (outside the catalogue): evidence comes from the locker; it goes to the department. */
export function reviewRoleSpecific(name: string, records: readonly CompletionRecord[], ctx: Pick<ReviewContext, 'items'>): CourseReview {
  const items = ctx.items.filter(usable);
  const certificates = items.filter((i) => i.kind === 'certificate' && i.course === name).sort(byNewest);
  const screenshots = items.filter((i) => (i.kind === 'screenshot' || i.kind === 'other') && i.course === name).sort(byNewest);
  const completion = completionOf(records.filter((r) => r.course === name));
  const missing: MissingPiece[] = [];
  if (!completion) missing.push({ evidence: 'completion-record', reason: 'no completion date for this course is on record in the extension' });
  if (!certificates.length) {
    missing.push({ evidence: 'certificate', reason: screenshots.length ? 'no certificate was added; a screenshot is attached instead' : 'no certificate or screenshot for this course was added' });
  }
  return { name, platform: 'other', roleSpecific: true, completion, due: null, certificates, screenshots, historyApplies: false, history: null, page: null, missing };
}

/** The role-specific courses the records know of (history file rows outside the catalogue), for suggestions. */
export function knownRoleSpecific(records: readonly CompletionRecord[], catalogue: readonly Pick<Course, 'name'>[]): string[] {
  const names = new Set(catalogue.map((c) => c.name));
  return [...new Set(records.filter((r) => r.countsForCompliance && !names.has(r.course)).map((r) => r.course))].sort((a, b) => a.localeCompare(b));
}

/**
 * Where the course can be seen on its site, for the review's "open the course" and "capture a page":
 * its LearnUpon course summary (`/enrollments/<id>/details`, docs/pages.md) on the portal it was read
 * from, else the organisation's dashboard; CybSafe's home.
 */
export function coursePageUrl(course: Pick<Course, 'platform'>, history: readonly CompletionRecord[], profile: { portalHost: string; morePortalHosts?: readonly string[] }): string {
  if (course.platform === 'cybsafe') return CYBSAFE_HOME;
  const portals = organisationPortals(profile);
  for (const r of [...history].sort(compareNewestFirst)) {
    if (r.source !== 'learnupon' || !r.enrollmentId || !/^\d{1,12}$/.test(r.enrollmentId)) continue;
    let host: string;
    try {
      host = new URL(r.sourceUrl).hostname.toLowerCase();
    } catch {
      continue;
    }
    if (portals.includes(host)) return `https://${host}/enrollments/${r.enrollmentId}/details`;
  }
  return portalDashboardUrl(profile.portalHost);
}
