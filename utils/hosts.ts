// The four covered sites (contract.md). wxt.config.ts grants host permissions for exactly these.
import type { RecordSource } from '@/utils/records';

export type Site = 'learnupon' | 'cybsafe' | 'microsoft';

export function siteOfHost(hostname: string): Site | null {
  const host = hostname.toLowerCase();
  if (/^[a-z0-9-]+\.learnupon\.com$/.test(host)) return 'learnupon';
  if (host === 'app.cybsafe.com') return 'cybsafe';
  if (host === 'myapps.microsoft.com' || host === 'login.microsoftonline.com') return 'microsoft';
  return null;
}

/** The only record source a page on this site may claim. */
export function recordSourceOfSite(site: Site): RecordSource | null {
  return site === 'microsoft' ? null : site;
}
