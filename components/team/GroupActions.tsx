import { useMemo, useState } from 'preact/hooks';
import type { Course, Profile } from '@/utils/catalogue/profile';
import { chaseListCsv } from '@/utils/team/chase-csv';
import { isOutstanding, type TeamEntry } from '@/utils/team/entries';
import { groupReminder } from '@/utils/team/remind';
import { downloadBlob } from '../download';

/** More links than this is no help: copying the addresses is then the better way. */
const MAX_LINKS = 10;

/** For everyone shown: one email in BCC (split when the addresses do not fit one link), their addresses, and the rows as CSV. */
export function GroupActions(props: { visible: TeamEntry[]; profile: Profile; today: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const chased = useMemo(() => props.visible.filter((e) => isOutstanding(e.status)), [props.visible]);
  const emails = useMemo(() => [...new Set(chased.map((e) => e.email).filter(Boolean))], [chased]);
  const group = useMemo(() => {
    const courses = new Map<string, Course>(chased.map((e) => [e.course.name, e.course]));
    return groupReminder(emails, [...courses.values()], props.profile);
  }, [chased, emails, props.profile]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(emails.join('; '));
      setCopied(`${emails.length} address${emails.length === 1 ? '' : 'es'} copied: paste them into the BCC line of an email.`);
    } catch {
      setCopied('The addresses could not be copied. Use the email links instead.');
    }
  };

  const exportCsv = () => {
    // A byte-order mark, so Excel reads names with accents correctly.
    downloadBlob(new Blob(['\uFEFF', chaseListCsv(props.visible)], { type: 'text/csv' }), `team-chase-list-${props.today}.csv`);
  };

  const parts = (n: number) => (n > 1 ? ' (the addresses need more than one email)' : '');
  const outlook = group && group.outlook.length <= MAX_LINKS ? group.outlook : [];
  const mailto = group && group.mailto.length <= MAX_LINKS ? group.mailto : [];
  return (
    <div data-mtc-team-actions>
      {group ? (
        <>
          <p style={{ margin: '4px 0' }}>
            Remind everyone shown who has a course to do ({emails.length} {emails.length === 1 ? 'person' : 'people'}) in one email, with their addresses in BCC
            so no one sees the others{parts(Math.max(mailto.length, outlook.length))}:
          </p>
          <div class="links">
            {outlook.map((href, i) => (
              <a key={`o${i}`} href={href} target="_blank" rel="noopener noreferrer" data-mtc-remind-all="outlook">
                {outlook.length > 1 ? `Outlook on the web, email ${i + 1} of ${outlook.length}` : 'Email them in Outlook on the web'}
              </a>
            ))}
            {mailto.map((href, i) => (
              <a key={`m${i}`} href={href} data-mtc-remind-all="mailto">
                {mailto.length > 1 ? `Mail app, email ${i + 1} of ${mailto.length}` : 'Email them in your mail app'}
              </a>
            ))}
          </div>
          {(!outlook.length || !mailto.length) && (
            <p class="muted">
              {outlook.length ? 'Too many people for mail-app links: use Outlook on the web' : 'Too many people for email links'}, copy their addresses
              below, or narrow the table (by department or course).
            </p>
          )}
        </>
      ) : (
        <p class="muted">No one shown has a course to do, or the report has no email addresses for them.</p>
      )}
      <div class="row" style={{ margin: '8px 0' }}>
        {emails.length > 0 && (
          <button type="button" class="secondary" onClick={() => void copy()}>
            Copy their email addresses
          </button>
        )}
        <button type="button" class="secondary" data-mtc-action="team-export" disabled={!props.visible.length} onClick={exportCsv}>
          Download these rows (CSV)
        </button>
      </div>
      <p aria-live="polite" class="muted">{copied}</p>
    </div>
  );
}
