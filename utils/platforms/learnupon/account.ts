// Who is signed in to LearnUpon: the profile menu (the round initials badge, top right) or the header.
import { createTextReader, isAscii, textNodes, type TextReader } from '@/utils/dom/text';
import type { PageAccount } from '@/utils/platforms/types';
import { linkTarget } from './links';
import { EMAIL, INITIALS, LU_SELECTORS as S, MENU_ACTION_TEXT, personNamePattern, PROFILE_LINK_HREF, PROFILE_LINK_TEXT, normalise } from './selectors';

/** Text pieces in document order (one per text node), outside buttons (the initials badge) and our UI. */
function pieces(scope: Element): string[] {
  return textNodes(scope)
    .filter((t) => {
      const button = t.parentElement?.closest('button, [role="button"]');
      return !button || !scope.contains(button);
    })
    .map((t) => (t.nodeValue ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** personNamePattern's answer for ASCII text, without compiling its Unicode classes (a millisecond, on every page). */
const ASCII_PERSON_NAME = /^[A-Za-z][A-Za-z'.\- ]{0,79}$/;

function looksLikeName(piece: string): boolean {
  return (isAscii(piece) ? ASCII_PERSON_NAME : personNamePattern()).test(piece) && !INITIALS.test(piece) && !MENU_ACTION_TEXT.test(normalise(piece));
}

function identity(scope: Element, strict: boolean): PageAccount {
  const list = pieces(scope);
  const at = list.findIndex((p) => EMAIL.test(p));
  const email = at >= 0 ? (EMAIL.exec(list[at]!)?.[0] ?? null) : null;
  const before = at > 0 ? list[at - 1]! : null;
  let name = before && looksLikeName(before) ? before : null;
  // In the profile menu a lone name (a username instead of an email) is still the user's.
  if (!name && !strict) name = list.find(looksLikeName) ?? null;
  return { name, email };
}

/** The element's raw text (our UI and scripts included: more, never less, than is read) holds `word`, in any case. */
function hasWord(el: Element, word: string): boolean {
  return (el.textContent ?? '').toLowerCase().includes(word);
}

/** The link is the profile menu's "My Profile" by its words or its address. */
function isProfileLink(a: Element, read: TextReader): boolean {
  // Its words, as read, are among its raw text's: without "profile" there, they are not read (a dashboard
  // has hundreds of links, and the doctor asks on every look).
  if (hasWord(a, 'profile') && PROFILE_LINK_TEXT.test(normalise(read.short(a, 600) ?? read.clean(a)))) return true;
  // An address from the root or with a scheme has its path in what is written (the parser only drops
  // `.` segments and tabs or line breaks): without one of these words it is no profile address, unparsed.
  const raw = a.getAttribute('href') ?? '';
  if (!raw.includes('profile') && !raw.includes('edit') && /^\s*(\/|[a-z][a-z0-9+.-]*:)/i.test(raw) && !/[\t\n\r]/.test(raw)) return false;
  const target = linkTarget(a);
  return target !== null && PROFILE_LINK_HREF.test(target.path);
}

/** The profile menu: around its "My Profile" link, or the element the initials badge controls. */
function profileMenu(root: ParentNode, read: TextReader): Element | null {
  for (const a of root.querySelectorAll(S.links)) {
    if (!isProfileLink(a, read) || read.skipped(a)) continue;
    let el: Element | null = a.parentElement;
    for (let i = 0; el && i < 5 && !el.matches('html, body'); i++, el = el.parentElement) {
      if (pieces(el).some((p) => EMAIL.test(p) || looksLikeName(p))) return el;
    }
  }
  for (const button of Array.from(root.querySelectorAll(S.menuButtons))) {
    const id = button.getAttribute('aria-controls');
    const menu = id ? button.ownerDocument.getElementById(id) : button.nextElementSibling;
    if (menu && hasWord(menu, '@') && pieces(menu).some((p) => EMAIL.test(p))) return menu;
  }
  return null;
}

/** Who is signed in, from the profile menu (read even while it is closed) or, failing that, the page header. */
export function readLearnUponAccount(root: ParentNode): PageAccount {
  const menu = profileMenu(root, createTextReader());
  if (menu) return identity(menu, false);
  for (const header of Array.from(root.querySelectorAll(S.header))) {
    if (!hasWord(header, '@')) continue; // no address, no account: the header names one only beside its address
    const found = identity(header, true);
    if (found.email) return found;
  }
  return { name: null, email: null };
}
