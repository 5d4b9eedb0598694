// Links to enrollments (`/enrollments/<id>/…`, platforms.md): the surest sign of a course entry.
import { isSkipped } from '@/utils/dom/text';
import { pauseAt, type Steps } from '@/utils/platforms/steps';
import { ENROLLMENT_PATH, LU_SELECTORS as S } from './selectors';

export interface EnrollmentLink {
  a: Element;
  id: string;
  href: string;
  /** The path of `href` (pathOf). */
  path: string;
}

/** A link's address and its path, from one parse of its href. */
export interface LinkTarget {
  href: string;
  path: string;
}

/** The link's address (see hrefOf) and its path (see pathOf), parsing the address once. */
export function linkTarget(a: Element): LinkTarget | null {
  const raw = a.getAttribute('href')?.trim();
  if (!raw || raw.startsWith('#') || /^javascript:/i.test(raw)) return null;
  try {
    const url = new URL(raw, a.ownerDocument?.baseURI);
    return { href: url.href, path: url.pathname };
  } catch {
    return { href: raw, path: pathOf(raw) };
  }
}

/** The link's absolute URL when the document has a base to resolve against, else the attribute as written. */
export function hrefOf(a: Element): string | null {
  return linkTarget(a)?.href ?? null;
}

export function pathOf(href: string): string {
  try {
    return new URL(href, 'https://portal.invalid').pathname;
  } catch {
    return href;
  }
}

/** linkTarget, remembered for one read (an entry's links are asked about more than once). */
export type LinkReader = (a: Element) => LinkTarget | null;

/**
 * A path from the site's root made only of characters the URL parser leaves as they are, with no `.` or
 * `..` segments to resolve: its address is the page's origin followed by it, with no parsing.
 */
const PLAIN_ROOT_PATH = /^\/(?![/\\])[A-Za-z0-9\-_~!$&()*+,;=:@/%?#.]*$/;
const DOT_SEGMENT = /\/\.|%2e/i;

export function createLinkReader(): LinkReader {
  const known = new Map<Element, LinkTarget | null>();
  const origins = new Map<string, string | null>();
  const originOf = (base: string): string | null => {
    let origin = origins.get(base);
    if (origin === undefined) {
      try {
        const url = new URL(base);
        origin = url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
      } catch {
        origin = null;
      }
      origins.set(base, origin);
    }
    return origin;
  };
  const read = (a: Element): LinkTarget | null => {
    const raw = a.getAttribute('href')?.trim();
    const base = a.ownerDocument?.baseURI;
    if (raw && base && PLAIN_ROOT_PATH.test(raw) && !DOT_SEGMENT.test(raw)) {
      const origin = originOf(base);
      if (origin) return { href: origin + raw, path: raw.replace(/[?#].*$/s, '') };
    }
    return linkTarget(a);
  };
  return (a) => {
    let target = known.get(a);
    if (target === undefined) {
      target = read(a);
      known.set(a, target);
    }
    return target;
  };
}

/** Every element enrollmentLinks may take: links whose address mentions enrollments. */
export const ENROLLMENT_LINKS = `${S.links}[href*="/enrollments/"]`;

/**
 * Every link to an enrollment, in document order (not our own UI's), as steps (utils/platforms/steps.ts):
 * a 500-course page has a thousand such links or more.
 */
export function* enrollmentLinks(root: ParentNode, links: LinkReader = linkTarget, skipped: (el: Element) => boolean = isSkipped): Steps<EnrollmentLink[]> {
  // Most links on a page are not enrollments: the selector keeps those whose address says so, before any URL is parsed.
  const candidates = root.querySelectorAll(ENROLLMENT_LINKS);
  const found: EnrollmentLink[] = [];
  for (let i = 0; i < candidates.length; i++) {
    if (pauseAt(i, 32)) yield;
    const a = candidates[i]!;
    const target = links(a);
    const id = target && !skipped(a) ? ENROLLMENT_PATH.exec(target.path)?.[1] : undefined;
    if (target && id) found.push({ a, id, href: target.href, path: target.path });
  }
  return found;
}
