// Who is writing the evidence email: the name and work email the sites showed (`person`, kept by the
// background as pages are read), unless the user typed their own (`sender`), field by field. The From
// header is set only from a usable address (pack-email.ts `checkSender`).
import type { SavedPerson, Sender } from '@/utils/data/meta';
import { META_KEYS } from '@/utils/data/keys';
import { readMeta, writeMeta } from '@/utils/store/meta';
import { isUsableAddress } from './pack-email';

export interface Person {
  name: string;
  email: string;
}

/** What the form shows: per field, what the user typed, else what the sites showed, else empty. */
export function prefill(seen: SavedPerson | undefined | null, typed: Sender | undefined | null): Person {
  return {
    name: typed?.name ?? seen?.name ?? '',
    email: typed?.email ?? seen?.email ?? '',
  };
}

/**
 * What a page showed, merged into what is held: an address that is not one is not kept; a field the page
 * did not show keeps its value, unless the address changed (someone else signed in). Null when nothing changes.
 */
export function mergeSeen(held: SavedPerson | undefined | null, shown: { name: string | null; email: string | null }): SavedPerson | null {
  const email = shown.email && isUsableAddress(shown.email.trim()) ? shown.email.trim() : null;
  const name = shown.name?.trim() || null;
  if (!email && !name) return null;
  const otherPerson = email !== null && held?.email != null && held.email.toLowerCase() !== email.toLowerCase();
  const next = { name: name ?? (otherPerson ? null : (held?.name ?? null)), email: email ?? held?.email ?? null };
  return held && held.name === next.name && held.email === next.email ? null : next;
}

/** Keeps who a page showed signed in (the background, on `save-account`); true when it changed. */
export async function saveSeenAccount(shown: { name: string | null; email: string | null }): Promise<boolean> {
  const next = mergeSeen(await readMeta(META_KEYS.person), shown);
  if (!next) return false;
  await writeMeta(META_KEYS.person, next);
  return true;
}

export async function readSeenPerson(): Promise<SavedPerson | null> {
  return (await readMeta(META_KEYS.person)) ?? null;
}

export async function readTypedSender(): Promise<Sender | null> {
  return (await readMeta(META_KEYS.sender)) ?? null;
}

/**
 * Remembers what the user typed. A field typed back to what the sites show, or emptied, follows the
 * sites again (null).
 */
export async function saveTypedSender(person: Person, seen: SavedPerson | null): Promise<void> {
  const field = (typed: string, shown: string | null | undefined) => {
    const value = typed.trim().slice(0, 300);
    return value === '' || value === (shown ?? '') ? null : value;
  };
  await writeMeta(META_KEYS.sender, { name: field(person.name, seen?.name), email: field(person.email, seen?.email) });
}
