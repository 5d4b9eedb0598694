// A content script's readings become records here, in the background, from what the background knows
// for itself: the site and address of the page that sent them, the catalogue, and the clock. Nothing a
// page says decides a record's source, address or id, so a page can only add to its own site's records
// (docs/rules.md, "Which records count"). Pure.
import { createCourseMatcher } from '@/utils/catalogue/match';
import type { Profile } from '@/utils/data/profile';
import { LIMITS } from '@/utils/data/keys';
import { isOtherOrganisationsPortal, recordSourceOfSite, siteOfUrl, type Site } from '@/utils/hosts';
import { recordId, type CompletionRecord, type PageReading } from '@/utils/records';

/** The note on a record read on another organisation's LearnUpon portal. */
export function otherPortalNote(profile: Pick<Profile, 'organisation'>): string {
  return `another organisation's portal — does not count for ${profile.organisation}`;
}

/** A certificate link (read relative to the page) is kept only when it is an https address on a covered site. */
export function coveredLink(link: string | null, page: URL): string | null {
  if (!link) return null;
  let url: URL;
  try {
    url = new URL(link, page);
  } catch {
    return null;
  }
  return siteOfUrl(url) !== null && url.href.length <= LIMITS.url ? url.href : null;
}

/** Where a page's records may come from, or null for a site that keeps none (Microsoft's sign-in pages). */
export function pageOrigin(site: Site, page: URL, profile: Profile): { source: 'learnupon' | 'cybsafe'; otherPortal: string | null } | null {
  const source = recordSourceOfSite(site);
  if (source !== 'learnupon' && source !== 'cybsafe') return null;
  return { source, otherPortal: source === 'learnupon' && isOtherOrganisationsPortal(page.hostname, profile) ? page.hostname.toLowerCase() : null };
}

/**
 * The records a page's readings stand for. Entries whose titles are not catalogue courses are left out;
 * records from another organisation's portal are kept as personal records that do not count.
 */
export function recordsFromReadings(readings: readonly PageReading[], site: Site, page: URL, profile: Profile, seenAt: Date): CompletionRecord[] {
  const origin = pageOrigin(site, page, profile);
  if (!origin) return [];
  const match = createCourseMatcher(profile.courses);
  const records: CompletionRecord[] = [];
  for (const reading of readings) {
    const course = match(reading.title);
    if (!course) continue;
    const base = {
      course: course.name,
      title: reading.title,
      status: reading.status,
      completedOn: reading.completedOn,
      dueOn: reading.dueOn,
      certExpiresOn: reading.certExpiresOn,
      enrollmentId: reading.enrollmentId,
      certificateUrl: coveredLink(reading.certificateUrl, page),
      source: origin.source,
      sourceUrl: page.href.slice(0, LIMITS.url),
      seenAt: seenAt.toISOString(),
      countsForCompliance: origin.otherPortal === null,
      ...(origin.otherPortal === null ? {} : { note: otherPortalNote(profile) }),
    };
    records.push({ ...base, id: recordId(base, origin.otherPortal ?? undefined) });
  }
  return records;
}

const OTHER_PORTAL_NOTE = /^another organisation's portal — does not count for /;

/**
 * LearnUpon records whose portal is classed differently under this profile than when they were kept:
 * read on another organisation's portal by a version that counted them, or on a portal the profile has
 * since named as the organisation's own. Each comes back as its id then and the record it is now
 * (id, whether it counts, note). Pure.
 */
export function reclassifiedRecords(records: readonly CompletionRecord[], profile: Profile): { from: string; to: CompletionRecord }[] {
  const changed: { from: string; to: CompletionRecord }[] = [];
  for (const r of records) {
    if (r.source !== 'learnupon') continue;
    let host: string;
    try {
      host = new URL(r.sourceUrl).hostname.toLowerCase();
    } catch {
      continue;
    }
    const other = isOtherOrganisationsPortal(host, profile);
    const id = recordId(r, other ? host : undefined);
    if (id === r.id && r.countsForCompliance === !other) continue;
    const { note, ...rest } = r;
    const kept = note !== undefined && !OTHER_PORTAL_NOTE.test(note) ? { note } : {};
    changed.push({ from: r.id, to: { ...rest, ...kept, ...(other ? { note: otherPortalNote(profile) } : {}), id, countsForCompliance: !other } });
  }
  return changed;
}
