// Report rows → one entry per person and course, with status and renewal date by the same rules as
// everywhere else (utils/renewal): each person's rows become records and go through summariseCourses.
import type { Course, Profile } from '@/utils/catalogue/profile';
import type { CompletionRecord } from '@/utils/records';
import { summariseCourses, type CourseStatus, type DueBasis } from '@/utils/renewal/summary';
import { effectiveAvailability, reportAvailability } from './availability';
import type { Availability, PersonMark, TeamRow } from './types';

export interface TeamEntry {
  person: string;
  name: string;
  email: string;
  staffId: string;
  department: string;
  /** What the report says; `availability` is this unless the manager set it (applyMarks). */
  reportAvailability: Availability;
  availability: Availability;
  /** True when the manager set it rather than the report. */
  availabilityByYou: boolean;
  /** The report's own words about leave or working status, to show beside the person. */
  leaveText: string;
  course: Course;
  status: CourseStatus;
  due: string | null;
  basis: DueBasis;
  completedOn: string | null;
}

function toRecord(row: TeamRow, course: string): CompletionRecord {
  return {
    id: `team|${row.row}|${course}`,
    course,
    title: row.course,
    status: row.status,
    completedOn: row.completedOn,
    dueOn: null,
    certExpiresOn: row.expiresOn,
    enrollmentId: null,
    certificateUrl: null,
    source: 'training-history',
    sourceUrl: 'file:compliance-report',
    seenAt: '',
    countsForCompliance: true,
  };
}

/** Rows grouped by person, in the order people first appear. */
export function groupByPerson(rows: readonly TeamRow[]): Map<string, TeamRow[]> {
  const people = new Map<string, TeamRow[]>();
  for (const row of rows) {
    const list = people.get(row.person);
    if (list) list.push(row);
    else people.set(row.person, [row]);
  }
  return people;
}

/**
 * Only the courses the report lists for a person are shown for them (it knows who must do what).
 * Each person goes through summariseCourses with a profile of just their courses, renamed to short
 * keys ("c3") without aliases: the rules are the same, but its title matcher has almost nothing to
 * normalise, which keeps 20,000 rows fast.
 */
export function buildTeamEntries(rows: readonly TeamRow[], profile: Profile, today: string): TeamEntry[] {
  const keyOf = new Map(profile.courses.map((c, i) => [c.name, `c${i}`]));
  const byKey = new Map(profile.courses.map((c, i) => [`c${i}`, c]));
  const entries: TeamEntry[] = [];
  for (const [person, own] of groupByPerson(rows)) {
    const first = own[0]!;
    const absence = own.find((r) => r.absence)?.absence ?? '';
    const employment = own.find((r) => r.employment)?.employment ?? '';
    const fromReport = reportAvailability(absence, employment);
    const records = own.flatMap((r) => {
      const key = keyOf.get(r.course);
      return key ? [toRecord(r, key)] : [];
    });
    // In catalogue order, so ties sort as they do everywhere else.
    const keys = [...new Set(records.map((r) => r.course))].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
    if (!keys.length) continue;
    const courses = keys.map((key) => ({ ...byKey.get(key)!, name: key, aliases: [] }));
    for (const s of summariseCourses(records, { ...profile, courses }, today)) {
      entries.push({
        person,
        name: first.name,
        email: own.find((r) => r.email)?.email ?? '',
        staffId: first.staffId,
        department: own.find((r) => r.department)?.department ?? '',
        reportAvailability: fromReport,
        availability: fromReport,
        availabilityByYou: false,
        leaveText: [absence, employment].filter(Boolean).join('; '),
        course: byKey.get(s.course.name)!,
        status: s.status,
        due: s.due,
        basis: s.basis,
        completedOn: s.latest?.completedOn ?? null,
      });
    }
  }
  return entries;
}

/** The manager's marks win over the report's words; cheap, so it runs on every change of a mark. */
export function applyMarks(entries: readonly TeamEntry[], marks: ReadonlyMap<string, PersonMark>): TeamEntry[] {
  return entries.map((e) => {
    const { availability, byYou } = effectiveAvailability(e.reportAvailability, marks.get(e.person));
    return availability === e.availability && byYou === e.availabilityByYou ? e : { ...e, availability, availabilityByYou: byYou };
  });
}

/** Needs chasing: overdue, due soon, or never done. */
export function isOutstanding(status: CourseStatus): boolean {
  return status === 'overdue' || status === 'due-soon' || status === 'not-completed';
}
