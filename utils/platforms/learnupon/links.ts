// Links to enrollments (`/enrollments/<id>/…`, platforms.md): the surest sign of a course entry.
import { isSkipped } from '@/utils/dom/text';
import { ENROLLMENT_PATH, LU_SELECTORS as S } from './selectors';

export interface EnrollmentLink {
  a: Element;
  id: string;
  href: string;
}

/** The link's absolute URL when the document has a base to resolve against, else the attribute as written. */
export function hrefOf(a: Element): string | null {
  const raw = a.getAttribute('href')?.trim();
  if (!raw || raw.startsWith('#') || /^javascript:/i.test(raw)) return null;
  try {
    return new URL(raw, a.ownerDocument?.baseURI).href;
  } catch {
    return raw;
  }
}

export function pathOf(href: string): string {
  try {
    return new URL(href, 'https://portal.invalid').pathname;
  } catch {
    return href;
  }
}

/** Every link to an enrollment, in document order (not our own UI's). */
export function enrollmentLinks(root: ParentNode): EnrollmentLink[] {
  return Array.from(root.querySelectorAll(S.links)).flatMap((a) => {
    // Most links on a page are not enrollments: a plain substring test before resolving the URL.
    if (!a.getAttribute('href')?.includes('/enrollments/')) return [];
    const href = hrefOf(a);
    const id = href && !isSkipped(a) ? ENROLLMENT_PATH.exec(pathOf(href))?.[1] : undefined;
    return href && id ? [{ a, id, href }] : [];
  });
}
