import { useCallback, useState } from 'preact/hooks';
import type { SavedPerson, Sender } from '@/utils/data/meta';
import { prefill, readTypedSender, saveTypedSender, type Person } from '@/utils/evidence/sender';
import { useSeenPerson } from '../useStored';
import { useRead } from '../useRead';

/**
 * The sender for the flow: per field, what the user typed here or before (remembered), else what the
 * sites show, which follows pages read while this page is open (person-changed).
 */
export function useSender(): { person: Person; seen: SavedPerson | null; set: (field: keyof Person, value: string) => void; remember: () => Promise<void>; reload: () => Promise<void> } {
  const seen = useSeenPerson();
  const typed = useRead<Sender | null>(readTypedSender, { what: 'Your name and email' });
  const [edits, setEdits] = useState<Partial<Person>>({});
  const base = prefill(seen.value, typed.value);
  const person = { name: edits.name ?? base.name, email: edits.email ?? base.email };
  const set = useCallback((field: keyof Person, value: string) => setEdits((e) => ({ ...e, [field]: value })), []);
  const remember = async () => {
    if (edits.name === undefined && edits.email === undefined) return;
    await saveTypedSender(person, seen.value).catch(() => undefined);
  };
  return { person, seen: seen.value, set, remember, reload: seen.reload };
}
