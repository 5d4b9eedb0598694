import type { Course } from '@/utils/catalogue/profile';
import { STATUS_ORDER, type CourseStatus } from '@/utils/renewal/summary';
import type { TeamFilter } from '@/utils/team/view';

const ONLY: Record<CourseStatus, string> = {
  overdue: 'Only overdue',
  'due-soon': 'Only due soon',
  'not-completed': 'Only not completed',
  unknown: 'Only date unknown',
  current: 'Only up to date',
};

/** Narrow the table down; the starting view is the chase list. */
export function TeamFilters(props: { filter: TeamFilter; courses: Course[]; departments: string[]; onChange: (filter: TeamFilter) => void }) {
  const { filter } = props;
  const set = <K extends keyof TeamFilter>(key: K, value: TeamFilter[K]) => props.onChange({ ...filter, [key]: value });
  return (
    <div class="filters" role="group" aria-label="Filter the table">
      <div>
        <label for="team-search">Find a person</label>
        <input id="team-search" type="search" value={filter.search} placeholder="Name, email or staff number" onInput={(e) => set('search', e.currentTarget.value)} />
      </div>
      <div>
        <label for="team-status">Show</label>
        <select id="team-status" data-mtc-team-filter="status" value={filter.status} onChange={(e) => set('status', e.currentTarget.value as TeamFilter['status'])}>
          <option value="outstanding">Needs action (overdue, due soon, not completed)</option>
          <option value="all">Every course</option>
          {STATUS_ORDER.map((s) => (
            <option key={s} value={s}>
              {ONLY[s]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="team-course">Course</label>
        <select id="team-course" value={filter.course} onChange={(e) => set('course', e.currentTarget.value)}>
          <option value="">All courses</option>
          {props.courses.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {props.departments.length > 1 && (
        <div>
          <label for="team-department">Department</label>
          <select id="team-department" value={filter.department} onChange={(e) => set('department', e.currentTarget.value)}>
            <option value="">All departments</option>
            {props.departments.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="check">
        <input id="team-include-away" type="checkbox" data-mtc-team-filter="include-away" checked={filter.includeAway} onChange={(e) => set('includeAway', e.currentTarget.checked)} />
        <label for="team-include-away">Include people on leave or not working now</label>
      </div>
    </div>
  );
}
