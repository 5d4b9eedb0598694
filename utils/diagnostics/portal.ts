// Another organisation's LearnUpon portal (e.g. an NHS trust's): its completions do not count for the
// organisation (docs/rules.md, "Which records count"). One calm alert says so, with the way back.
import type { EffectiveProfile } from '@/utils/catalogue/profile';
import { isOtherOrganisationsPortal, portalDashboardUrl } from '@/utils/hosts';
import type { Diagnosis } from './alerts';
import { titleParts } from './trouble';

/** The portal's own name when the page gives one (its site name, or the last part of its title). */
export function portalName(root: ParentNode): string | null {
  const doc = (root as Node).nodeType === 9 ? (root as Document) : (root as Node).ownerDocument;
  const meta = doc?.querySelector('meta[property="og:site_name"], meta[name="application-name"]')?.getAttribute('content')?.trim();
  if (meta) return meta.slice(0, 100);
  const title = doc?.querySelector('title')?.textContent ?? '';
  const parts = title.split(/\s[|–—-]\s/).map((p) => p.trim()).filter(Boolean);
  return parts.length > 1 && titleParts(root).length > 1 ? parts.at(-1)!.slice(0, 100) : null;
}

export function diagnoseOtherPortal(url: URL, profile: EffectiveProfile, root?: ParentNode): Diagnosis | null {
  const host = url.hostname.toLowerCase();
  if (!isOtherOrganisationsPortal(host, profile)) return null;
  const org = profile.organisation;
  const name = root ? portalName(root) : null;
  const whose = name ? `${name} (${host})` : host;
  // Courses the organisation's policy accepts from this portal (utils/background/page-records.ts `countsForCompliance`).
  const accepted = (profile.countingOutsideSources ?? []).find((s) => s.source === host)?.courses ?? [];
  const names = accepted.join(', ');
  return {
    kind: 'other-portal',
    title: `This is another organisation’s LearnUpon portal`,
    summary: accepted.length
      ? `You are on ${whose}, not ${org}’s portal (${profile.portalHost}). ${org} accepts completions of ${names} from here; other training completed here does not count for ${org}, and this page shows no ${org} renewal dates.`
      : `You are on ${whose}, not ${org}’s portal (${profile.portalHost}). Training completed here does not count for ${org}, and this page shows no ${org} renewal dates.`,
    steps: [
      { text: `For your ${org} mandatory training, go to ${org}’s portal.`, href: portalDashboardUrl(profile.portalHost) },
      {
        text: accepted.length
          ? `If you complete ${names} here, the extension counts it for ${org}; any other of ${org}’s mandatory courses completed here is kept only as a personal record, marked as not counting for ${org}.`
          : `If you complete one of ${org}’s mandatory courses here, the extension keeps it only as a personal record, marked as not counting for ${org}.`,
      },
    ],
    details: { portal: host },
  };
}
