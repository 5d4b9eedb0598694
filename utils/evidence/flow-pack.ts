// The evidence pack's input from the flow's review (pack-input.ts documents it): exactly the files the
// review names for each course, and its reasons for what is missing, so the email, summary.html and
// manifest.json say what the user saw before downloading.
import type { Profile } from '@/utils/catalogue/profile';
import type { CompletionRecord } from '@/utils/records';
import { renewalDue } from '@/utils/renewal/summary';
import type { EvidenceItem } from '@/utils/data/evidence';
import type { CourseReview } from './flow-review';
import type { EvidencePackInput, EvidenceRecipient } from './pack-input';
import type { Person } from './sender';

export interface FlowPackOptions {
  profile: Profile;
  records: readonly CompletionRecord[];
  today: string;
  person: Person;
  reviews: readonly CourseReview[];
  /** The locker's items with their files (those the reviews name are used). */
  files: ReadonlyMap<string, EvidenceItem>;
  /** The department, for role-specific training. */
  to?: EvidenceRecipient;
}

async function bytesOf(item: EvidenceItem): Promise<Uint8Array> {
  return new Uint8Array(await item.data.arrayBuffer());
}

/** Throws when a file the review names is no longer in the locker (deleted meanwhile): the review is read again. */
function fileOf(files: ReadonlyMap<string, EvidenceItem>, id: string): EvidenceItem {
  const item = files.get(id);
  if (!item) throw new Error('A file in the review is no longer in your evidence locker. Check the review again, then download.');
  return item;
}

export async function flowPackInput(options: FlowPackOptions): Promise<EvidencePackInput> {
  const { profile, reviews, files } = options;
  const cadence = new Map(profile.courses.map((c) => [c.name, c.cadenceMonths]));
  const certificates = await Promise.all(
    reviews.flatMap((r) =>
      r.certificates.map(async (c) => {
        const item = fileOf(files, c.id);
        return { course: r.name, completedOn: item.completedOn, fileName: item.name, data: await bytesOf(item), sourceUrl: item.sourceUrl };
      }),
    ),
  );
  const screenshots = await Promise.all(
    reviews.flatMap((r) =>
      r.screenshots.map(async (s) => {
        const item = fileOf(files, s.id);
        return { title: item.name, url: item.sourceUrl, capturedAt: item.addedAt, data: await bytesOf(item), course: r.name };
      }),
    ),
  );
  const historyItem = reviews.find((r) => r.history)?.history;
  const history = historyItem ? fileOf(files, historyItem.id) : null;
  const historyMissing = reviews.find((r) => r.historyApplies && !r.history)?.missing.find((m) => m.evidence === 'training-history')?.reason;
  return {
    profile,
    person: options.person,
    ...(options.to ? { to: options.to } : {}),
    today: options.today,
    courses: reviews.map((r) => ({
      name: r.name,
      completedOn: r.completion?.date ?? null,
      ...(r.completion ? { completedFrom: r.completion.from } : {}),
      due: r.due,
      certificateFiles: r.certificates.map((c) => c.name),
      platform: r.platform,
      roleSpecific: r.roleSpecific,
      missing: r.missing,
    })),
    records: options.records,
    renewalFor: (r) => renewalDue({ completedOn: r.completedOn, certExpiresOn: r.certExpiresOn, cadenceMonths: cadence.get(r.course) ?? null }).due,
    history: history ? { bytes: await bytesOf(history), fileName: history.name, sourceUrl: history.sourceUrl } : undefined,
    ...(historyMissing ? { historyMissing } : {}),
    certificates,
    screenshots,
    failures: [],
  };
}
