// Which CybSafe page a URL is. Paths other than /login are guesses (docs/pages.md), so anything on the
// host that is not recognised is "other" rather than an error, and the readers still try their luck.
import { CYBSAFE_HOST } from '@/utils/hosts';

export type CybSafePageKind = 'login' | 'home' | 'account' | 'module' | 'certificate' | 'other';

export function isCybSafeUrl(url: URL | string): boolean {
  try {
    const u = new URL(String(url));
    return u.protocol === 'https:' && u.hostname.toLowerCase() === CYBSAFE_HOST;
  } catch {
    return false;
  }
}

/** The page kind, or null when the URL is not CybSafe's. */
export function cybSafePageKind(url: URL | string): CybSafePageKind | null {
  if (!isCybSafeUrl(url)) return null;
  const path = new URL(String(url)).pathname.replace(/\/+$/, '').toLowerCase() || '/';
  if (/^\/(login|sign-?in|sso)(\/|$)/.test(path)) return 'login';
  if (path === '/' || /^\/(home|dashboard)(\/|$)/.test(path)) return 'home';
  if (/^\/(account|my-account|profile|settings)(\/|$)/.test(path)) return 'account';
  if (/\.pdf$/.test(path) || /^\/certificates?(\/|$)/.test(path)) return 'certificate';
  if (/^\/(modules?|learn|courses?)(\/|$)/.test(path)) return 'module';
  return 'other';
}
