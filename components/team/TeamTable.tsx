import type { Profile } from '@/utils/catalogue/profile';
import { formatDate } from '@/utils/dates/calendar';
import { AVAILABILITY_WORDS } from '@/utils/team/availability';
import { isOutstanding, type TeamEntry } from '@/utils/team/entries';
import { personReminder } from '@/utils/team/remind';
import type { Availability } from '@/utils/team/types';
import type { Sort, SortKey } from '@/utils/team/view';
import { StatusChip } from '../StatusChip';
import { CellLabel } from '../CellLabel';

/** Rows per page: a whole 20,000-row report at once would make the page slow to use. */
export const PAGE_SIZE = 100;

const HEADINGS: { key: SortKey; label: string }[] = [
  { key: 'person', label: 'Person' },
  { key: 'course', label: 'Course' },
  { key: 'status', label: 'Status' },
  { key: 'completed', label: 'Completed' },
  { key: 'due', label: 'Renew by' },
];

interface Props {
  rows: TeamEntry[];
  sort: Sort;
  page: number;
  outstanding: Map<string, TeamEntry[]>;
  profile: Profile;
  onSort: (sort: Sort) => void;
  onPage: (page: number) => void;
  onMark: (person: string, availability: Availability | null) => void;
}

export function TeamTable(props: Props) {
  const pages = Math.max(1, Math.ceil(props.rows.length / PAGE_SIZE));
  const page = Math.min(props.page, pages - 1);
  const slice = props.rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  if (!props.rows.length) return null;
  return (
    <>
      <div class="table-wrap">
        <table class="cards" data-mtc-team="table">
          <caption class="visually-hidden">Team members' mandatory courses; choose a column heading to sort</caption>
          <thead class="sort-bar">
            <tr>
              {HEADINGS.map((h) => {
                const on = props.sort.key === h.key;
                return (
                  <th key={h.key} scope="col" aria-sort={on ? (props.sort.descending ? 'descending' : 'ascending') : undefined}>
                    <button type="button" class="sort" data-mtc-sort={h.key} onClick={() => props.onSort({ key: h.key, descending: on ? !props.sort.descending : false })}>
                      {h.label}
                      <span aria-hidden="true">{on ? (props.sort.descending ? ' ▼' : ' ▲') : ''}</span>
                    </button>
                  </th>
                );
              })}
              <th scope="col">Working now?</th>
              <th scope="col">Remind</th>
            </tr>
          </thead>
          <tbody>
            {slice.map((e) => (
              <Row key={`${e.person}|${e.course.name}`} entry={e} outstanding={props.outstanding.get(e.person) ?? []} profile={props.profile} onMark={props.onMark} />
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav class="pager" aria-label="Table pages">
          <button type="button" class="secondary" disabled={page === 0} onClick={() => props.onPage(page - 1)}>
            Previous<span class="visually-hidden"> {PAGE_SIZE} rows</span>
          </button>
          <span>
            Rows {(page * PAGE_SIZE + 1).toLocaleString('en-GB')}–{Math.min(props.rows.length, (page + 1) * PAGE_SIZE).toLocaleString('en-GB')} of{' '}
            {props.rows.length.toLocaleString('en-GB')}
          </span>
          <button type="button" class="secondary" disabled={page >= pages - 1} onClick={() => props.onPage(page + 1)}>
            Next<span class="visually-hidden"> {PAGE_SIZE} rows</span>
          </button>
        </nav>
      )}
    </>
  );
}

function Row({ entry: e, outstanding, profile, onMark }: { entry: TeamEntry; outstanding: TeamEntry[]; profile: Profile; onMark: Props['onMark'] }) {
  const reminder = isOutstanding(e.status) ? personReminder(outstanding, profile) : null;
  const who = e.name || e.email || e.staffId;
  return (
    <tr data-mtc-person={e.person} data-mtc-course={e.course.name} data-mtc-status={e.status} data-mtc-due={e.due ?? ''} data-mtc-availability={e.availability}>
      <td>
        <div class="person-name">{who}</div>
        <div class="muted">{[e.email, e.staffId && `Staff no. ${e.staffId}`, e.department].filter(Boolean).join(' · ')}</div>
      </td>
      <td>
        <CellLabel>Course</CellLabel>
        {e.course.name}
      </td>
      <td>
        <CellLabel>Status</CellLabel>
        <StatusChip status={e.status} />
      </td>
      <td>
        <CellLabel>Completed</CellLabel>
        {e.completedOn ? formatDate(e.completedOn) : '—'}
      </td>
      <td>
        <CellLabel>Renew by</CellLabel>
        {e.due ? formatDate(e.due) : '—'}
        {e.basis === 'certificate' && <div class="muted">expiry date in the report</div>}
      </td>
      <td>
        <CellLabel>Working now?</CellLabel>
        {e.availability !== 'active' && <span class="away">{AVAILABILITY_WORDS[e.availability]}</span>}
        {e.leaveText && <div class="muted">Report: {e.leaveText}</div>}
        <select aria-label={`Is ${who} working now?`} value={e.availabilityByYou ? e.availability : ''} onChange={(ev) => onMark(e.person, (ev.currentTarget.value || null) as Availability | null)}>
          <option value="">As the report says ({AVAILABILITY_WORDS[e.reportAvailability].toLowerCase()})</option>
          <option value="active">Working</option>
          <option value="on-leave">On leave</option>
          <option value="not-working">Not working now</option>
        </select>
      </td>
      <td>
        {isOutstanding(e.status) && <CellLabel>Remind</CellLabel>}
        {reminder ? (
          <div class="links">
            <a href={reminder.outlook} target="_blank" rel="noopener noreferrer" data-mtc-remind="outlook">
              Outlook<span class="visually-hidden"> email to {who}</span>
            </a>
            <a href={reminder.mailto} data-mtc-remind="mailto">
              Mail app<span class="visually-hidden"> email to {who}</span>
            </a>
          </div>
        ) : isOutstanding(e.status) ? (
          <span class="muted">No email in the report</span>
        ) : null}
      </td>
    </tr>
  );
}
