// A content script's readings become records here, in the background, from what the background knows
// for itself: the site and address of the page that sent them, the catalogue, and the clock. Nothing a
// page says decides a record's source, address or id, so a page can only add to its own site's records
// (docs/rules.md, "Which records count"). Pure.
import { createCourseMatcher } from '@/utils/catalogue/match';
import type { EffectiveProfile, Profile } from '@/utils/data/profile';
import { LIMITS } from '@/utils/data/keys';
import { isOtherOrganisationsPortal, recordSourceOfSite, siteOfUrl, type Site } from '@/utils/hosts';
import { recordId, type CompletionRecord, type PageReading } from '@/utils/records';

/** The note on a record read on another organisation's LearnUpon portal. */
export function otherPortalNote(profile: Pick<Profile, 'organisation'>): string {
  return `another organisation's portal — does not count for ${profile.organisation}`;
}

/** The note on one that counts all the same, because the organisation's policy says so (`countsForCompliance`). */
export function countingOutsideNote(profile: Pick<Profile, 'organisation'>, host: string): string {
  return `another organisation's portal (${host}) — counts for ${profile.organisation}: your organisation accepts this course from there`;
}

/** Either note above, as an older or this version wrote it: replaced when a record is classed again. */
const OUTSIDE_NOTE = /^another organisation's portal (\([^)]*\) )?— /;

/**
 * Whether a record of `course` (its catalogue name) read on `otherPortal` counts: every record from the
 * organisation's own sites does (`otherPortal` null); one from another organisation's portal only where
 * the organisation's policy lists that portal for that course (`countingOutsideSources`, none by
 * default: docs/rules.md, "Which records count").
 */
export function countsForCompliance(course: string, otherPortal: string | null, profile: Pick<EffectiveProfile, 'countingOutsideSources'>): boolean {
  if (otherPortal === null) return true;
  return (profile.countingOutsideSources ?? []).some((s) => s.source === otherPortal && s.courses.includes(course));
}

function outsideNote(counts: boolean, otherPortal: string | null, profile: Pick<Profile, 'organisation'>): { note?: string } {
  if (otherPortal === null) return {};
  return { note: counts ? countingOutsideNote(profile, otherPortal) : otherPortalNote(profile) };
}

/**
 * A certificate link (read relative to the page) is kept only when it is an https address on a site that
 * keeps records (LearnUpon or CybSafe): never `javascript:`, `data:`, `http:`, another host or the
 * Microsoft sign-in pages.
 */
export function coveredLink(link: string | null, page: URL): string | null {
  if (!link) return null;
  let url: URL;
  try {
    url = new URL(link, page);
  } catch {
    return null;
  }
  const site = siteOfUrl(url);
  return (site === 'learnupon' || site === 'cybsafe') && url.href.length <= LIMITS.url ? url.href : null;
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
export function recordsFromReadings(readings: readonly PageReading[], site: Site, page: URL, profile: EffectiveProfile, seenAt: Date): CompletionRecord[] {
  const origin = pageOrigin(site, page, profile);
  if (!origin) return [];
  const match = createCourseMatcher(profile.courses);
  const records: CompletionRecord[] = [];
  for (const reading of readings) {
    const course = match(reading.title);
    if (!course) continue;
    const counts = countsForCompliance(course.name, origin.otherPortal, profile);
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
      countsForCompliance: counts,
      ...outsideNote(counts, origin.otherPortal, profile),
    };
    records.push({ ...base, id: recordId(base, origin.otherPortal ?? undefined) });
  }
  return records;
}

/**
 * LearnUpon records whose portal is classed differently under this profile than when they were kept:
 * read on another organisation's portal by a version that counted them, on a portal the profile has
 * since named as the organisation's own, or on a portal whose completions of that course the
 * organisation's policy has started (or stopped) counting. Each comes back as its id then and the record
 * it is now (id, whether it counts, note). Pure.
 */
export function reclassifiedRecords(records: readonly CompletionRecord[], profile: EffectiveProfile): { from: string; to: CompletionRecord }[] {
  const changed: { from: string; to: CompletionRecord }[] = [];
  const match = createCourseMatcher(profile.courses);
  for (const r of records) {
    if (r.source !== 'learnupon') continue;
    let host: string;
    try {
      host = new URL(r.sourceUrl).hostname.toLowerCase();
    } catch {
      continue;
    }
    const otherPortal = isOtherOrganisationsPortal(host, profile) ? host : null;
    const id = recordId(r, otherPortal ?? undefined);
    const counts = countsForCompliance(match(r.course)?.name ?? r.course, otherPortal, profile);
    if (id === r.id && r.countsForCompliance === counts) continue;
    const { note, ...rest } = r;
    const kept = note !== undefined && !OUTSIDE_NOTE.test(note) ? { note } : {};
    changed.push({ from: r.id, to: { ...rest, ...kept, ...outsideNote(counts, otherPortal, profile), id, countsForCompliance: counts } });
  }
  return changed;
}
