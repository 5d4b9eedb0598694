// Gathers what the store holds into the evidence pack's input: the chosen courses, their
// certificates, screenshots, the latest training history, and what could not be collected.
import type { Profile } from '@/utils/catalogue/profile';
import type { CompletionRecord } from '@/utils/records';
import { renewalDue, type CourseSummary } from '@/utils/renewal/summary';
import type { EvidenceItem } from '@/utils/store/db';
import { META_KEYS } from '@/utils/data/keys';
import { readMeta } from '@/utils/store/meta';
import { listEvidence } from '@/utils/store/evidence';
import type { EvidenceFailure, EvidencePackInput } from './pack';

export interface Person {
  name: string;
  email: string;
}

/**
 * The courses a completion issue is most likely about: overdue ones with a completion on record, and
 * ones re-enrolled while a valid completion is on record (the FAQ's "still being asked to redo it").
 */
export function defaultIssueCourses(summaries: readonly CourseSummary[]): string[] {
  return summaries
    .filter((s) => {
      const reEnrolled = s.latest && s.status !== 'overdue' && s.history.some((r) => !r.completedOn && (r.status === 'not-started' || r.status === 'in-progress'));
      return (s.status === 'overdue' && s.latest) || reEnrolled;
    })
    .map((s) => s.course.name);
}

export async function savedPerson(): Promise<Person> {
  const value = await readMeta(META_KEYS.person);
  return { name: value?.name ?? '', email: value?.email ?? '' };
}

export async function assemblePackInput(options: {
  profile: Profile;
  records: CompletionRecord[];
  summaries: CourseSummary[];
  today: string;
  person: Person;
  courseNames: string[];
  includeExternal: boolean;
}): Promise<EvidencePackInput> {
  const { profile, summaries, courseNames } = options;
  const chosen = new Set(courseNames);
  const items = await listEvidence();
  const allowed = (e: EvidenceItem) => e.countsForCompliance || options.includeExternal;
  const certificates = await Promise.all(
    items
      .filter((e) => e.kind === 'certificate' && allowed(e) && (e.course === null || chosen.has(e.course)))
      .map(async (e) => ({ course: e.course ?? 'Other', completedOn: e.completedOn, fileName: e.name, data: await bytes(e.data), sourceUrl: e.sourceUrl })),
  );
  const screenshots = await Promise.all(
    items
      .filter((e) => (e.kind === 'screenshot' || e.kind === 'other') && allowed(e) && (e.course === null || chosen.has(e.course)))
      .map(async (e) => ({ title: e.name, url: e.sourceUrl, capturedAt: e.addedAt, data: await bytes(e.data) })),
  );
  const history = items.find((e) => e.kind === 'history' && /\.xlsx$/i.test(e.name));
  const failures: EvidenceFailure[] = (await readMeta(META_KEYS.collectFailures)) ?? [];
  const cadence = new Map(profile.courses.map((c) => [c.name, c.cadenceMonths]));
  return {
    profile,
    person: options.person,
    today: options.today,
    courses: summaries
      .filter((s) => chosen.has(s.course.name))
      .map((s) => ({
        name: s.course.name,
        completedOn: s.latest?.completedOn ?? null,
        due: s.due,
        certificateFiles: certificates.filter((c) => c.course === s.course.name).map((c) => c.fileName),
      })),
    records: options.records,
    renewalFor: (r) => renewalDue({ completedOn: r.completedOn, certExpiresOn: r.certExpiresOn, cadenceMonths: cadence.get(r.course) ?? null }).due,
    history: history ? { bytes: await bytes(history.data), fileName: history.name, sourceUrl: history.sourceUrl } : undefined,
    certificates,
    screenshots,
    failures: failures.filter((f) => [...chosen].some((name) => f.what.includes(name))),
  };
}

async function bytes(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}
