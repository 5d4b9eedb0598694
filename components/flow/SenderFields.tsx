import type { Profile } from '@/utils/catalogue/profile';
import type { SavedPerson } from '@/utils/data/meta';
import { checkSender } from '@/utils/evidence/pack';
import type { Person } from '@/utils/evidence/sender';

/**
 * "Who is writing": the name and work email, filled in from what the sites showed (and kept up to date
 * while this page is open), changed here if wrong, remembered. The note under the address says what the
 * draft's From will be: only a usable address is used, and one outside the organisation gets a warning.
 */
export function SenderFields({ person, seen, profile, onInput, onCommit }: {
  person: Person;
  seen: SavedPerson | null;
  profile: Profile;
  onInput: (field: keyof Person, value: string) => void;
  onCommit: () => void;
}) {
  const check = checkSender(person.email, profile.emailDomain);
  const note = check.problem ?? check.warning ?? `The draft email is from ${check.from}.`;
  const fromSites = Boolean(seen?.email || seen?.name);
  return (
    <section aria-labelledby="sender-heading" data-mtc-section="sender">
      <h2 id="sender-heading">Who is writing</h2>
      <p class="muted">
        {fromSites ? 'Filled in from what LearnUpon or CybSafe showed. Change it here if it is wrong; what you type is remembered.' : 'Your name and work email go in the email; what you type is remembered.'}
      </p>
      <label for="sender-name">Your name</label>
      <input id="sender-name" autocomplete="name" value={person.name} onInput={(e) => onInput('name', e.currentTarget.value)} onChange={onCommit} />
      <label for="sender-email">Your work email</label>
      <input
        id="sender-email"
        type="email"
        autocomplete="email"
        value={person.email}
        aria-describedby="sender-email-note"
        onInput={(e) => onInput('email', e.currentTarget.value)}
        onChange={onCommit}
      />
      <p id="sender-email-note" class={check.problem || check.warning ? 'notice' : 'muted'} data-mtc-sender-check={check.problem ? 'no-sender' : check.warning ? 'outside' : 'ok'}>
        {note}
      </p>
    </section>
  );
}
