import { useMemo, useState } from 'preact/hooks';
import type { Profile } from '@/utils/catalogue/profile';
import { isOutstanding, type TeamEntry } from '@/utils/team/entries';
import type { Availability } from '@/utils/team/types';
import { CHASE_LIST, DEFAULT_SORT, departmentsOf, filterEntries, sortEntries, type Sort, type TeamFilter } from '@/utils/team/view';
import { GroupActions } from './GroupActions';
import { TeamFilters } from './TeamFilters';
import { TeamTable } from './TeamTable';

/** The report as a table: filters, the chase list's group actions, and the rows. */
export function TeamView(props: { entries: TeamEntry[]; profile: Profile; today: string; onMark: (person: string, availability: Availability | null) => void }) {
  const [filter, setFilter] = useState<TeamFilter>(CHASE_LIST);
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const [page, setPage] = useState(0);
  const visible = useMemo(() => sortEntries(filterEntries(props.entries, filter), sort), [props.entries, filter, sort]);
  const departments = useMemo(() => departmentsOf(props.entries), [props.entries]);
  // A reminder names everything a person has outstanding, whatever the table is narrowed to.
  const outstanding = useMemo(() => {
    const byPerson = new Map<string, TeamEntry[]>();
    for (const e of props.entries) if (isOutstanding(e.status)) byPerson.set(e.person, [...(byPerson.get(e.person) ?? []), e]);
    return byPerson;
  }, [props.entries]);
  const courses = useMemo(() => props.profile.courses.filter((c) => props.entries.some((e) => e.course.name === c.name)), [props.entries, props.profile]);
  const people = useMemo(() => new Set(visible.map((e) => e.person)).size, [visible]);
  // Left out of the chase list, but never silently: the count says how many and why.
  const away = useMemo(
    () => (filter.includeAway ? 0 : new Set(filterEntries(props.entries, { ...filter, includeAway: true }).filter((e) => e.availability !== 'active').map((e) => e.person)).size),
    [props.entries, filter],
  );

  const change = (next: TeamFilter) => {
    setFilter(next);
    setPage(0);
  };

  return (
    <div data-mtc-team-view>
      <h3>Who needs to do what</h3>
      <p class="muted">
        Renewal dates follow the same rules as your own courses. The Remind links open a ready-to-send email in Outlook on the web or your mail app,
        for you to check and send: the extension sends nothing itself.
      </p>
      <TeamFilters filter={filter} courses={courses} departments={departments} onChange={change} />
      <p aria-live="polite" data-mtc-team-count={visible.length}>
        {visible.length === 0
          ? 'No rows match.'
          : `${visible.length.toLocaleString('en-GB')} row${visible.length === 1 ? '' : 's'} for ${people.toLocaleString('en-GB')} ${people === 1 ? 'person' : 'people'}.`}
        {away > 0 &&
          ` ${away.toLocaleString('en-GB')} ${away === 1 ? 'person' : 'people'} on leave or not working now ${away === 1 ? 'is' : 'are'} left out: tick “Include people on leave or not working now” to see them.`}
      </p>
      <GroupActions visible={visible} profile={props.profile} today={props.today} />
      <TeamTable
        rows={visible}
        sort={sort}
        page={page}
        outstanding={outstanding}
        profile={props.profile}
        onSort={(s) => {
          setSort(s);
          setPage(0);
        }}
        onPage={setPage}
        onMark={props.onMark}
      />
    </div>
  );
}
