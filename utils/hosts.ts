// The covered sites, written once (docs/contract.md, "Build"). wxt.config.ts takes its host permissions
// from here, each content script its matches, the background router its sender check, and the pages
// their links. No schema library: content scripts import it too.

export type Site = 'learnupon' | 'cybsafe' | 'microsoft';

export const CYBSAFE_HOST = 'app.cybsafe.com';
export const CYBSAFE_HOME = `https://${CYBSAFE_HOST}/`;
export const MY_APPS_HOST = 'myapps.microsoft.com';
export const MICROSOFT_LOGIN_HOST = 'login.microsoftonline.com';

/** Match patterns per site: content-script `matches` and, together, the host permissions. */
export const SITE_MATCHES = {
  learnupon: ['https://*.learnupon.com/*'],
  cybsafe: [`https://${CYBSAFE_HOST}/*`],
  microsoft: [`https://${MY_APPS_HOST}/*`, `https://${MICROSOFT_LOGIN_HOST}/*`],
} as const satisfies Record<Site, readonly string[]>;

export const COVERED_MATCHES: string[] = [...SITE_MATCHES.learnupon, ...SITE_MATCHES.cybsafe, ...SITE_MATCHES.microsoft];

const LEARNUPON_HOST = /^[a-z0-9-]+\.learnupon\.com$/;

/** Any organisation's LearnUpon portal (`<org>.learnupon.com`). */
export function isLearnUponHost(hostname: string): boolean {
  return LEARNUPON_HOST.test(hostname.toLowerCase());
}

export function siteOfHost(hostname: string): Site | null {
  const host = hostname.toLowerCase();
  if (LEARNUPON_HOST.test(host)) return 'learnupon';
  if (host === CYBSAFE_HOST) return 'cybsafe';
  if (host === MY_APPS_HOST || host === MICROSOFT_LOGIN_HOST) return 'microsoft';
  return null;
}

/** The site of an `https:` URL on a covered host, else null (any other scheme, host or a bad URL). */
export function siteOfUrl(url: string | URL): Site | null {
  let u: URL;
  try {
    u = new URL(String(url));
  } catch {
    return null;
  }
  return u.protocol === 'https:' && !u.username && !u.password ? siteOfHost(u.hostname) : null;
}

/** The only record source a page on this site may claim (a `RecordSource`, utils/data/record.ts): the sites that keep records. */
export function recordSourceOfSite(site: Site): Exclude<Site, 'microsoft'> | null {
  return site === 'microsoft' ? null : site;
}

/** Start page of the organisation's LearnUpon portal, e.g. `https://ucl.learnupon.com/dashboard`. */
export function portalDashboardUrl(portalHost: string): string {
  return `https://${portalHost}/dashboard`;
}

/** The organisation's own LearnUpon portals, lower case: the only ones whose records count. */
export function organisationPortals(profile: { portalHost: string; morePortalHosts?: readonly string[] }): string[] {
  return [profile.portalHost, ...(profile.morePortalHosts ?? [])].map((h) => h.trim().toLowerCase());
}

/** A LearnUpon host that is not one of the organisation's portals (e.g. an NHS trust's). */
export function isOtherOrganisationsPortal(hostname: string, profile: { portalHost: string; morePortalHosts?: readonly string[] }): boolean {
  return isLearnUponHost(hostname) && !organisationPortals(profile).includes(hostname.toLowerCase());
}
