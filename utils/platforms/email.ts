// Email addresses as pages show them (account menus, sign-in errors, tiles). Pure string rules.

const EMAIL = /^[^\s@"<>()[\]]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;
/** Addresses inside running text ("User account 'x@outlook.com' from identity provider…"). */
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

export function isEmail(text: string): boolean {
  return EMAIL.test(text.trim());
}

/** The domain part, lower case; null for something that is not an address. */
export function emailDomain(email: string): string | null {
  const trimmed = email.trim();
  if (!isEmail(trimmed)) return null;
  return trimmed.slice(trimmed.lastIndexOf('@') + 1).toLowerCase();
}

/** Every address in a text, in order, without the quotes or apostrophes around it. */
export function emailsIn(text: string): string[] {
  return Array.from(text.matchAll(EMAIL_IN_TEXT), (m) => m[0].replace(/^'+|'+$/g, '')).filter(isEmail);
}
