// What the Team page reads from a compliance report, and the column headings it recognises for each.
// The real report's format is not public, so headings are guesses with aliases; the user can pick
// any other column on the page, and that choice is saved by heading name for next month's report.

// The fields themselves are part of the stored report's shape (utils/data/team.ts).
import { TEAM_FIELDS, type TeamField } from '@/utils/data/team';

export { TEAM_FIELDS, type TeamField };

/** Plain words for the mapping table. */
export const FIELD_LABELS: Record<TeamField, string> = {
  name: 'Name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email address',
  staffId: 'Staff number',
  department: 'Department',
  course: 'Course',
  status: 'Completion status',
  completedOn: 'Completion date',
  expiresOn: 'Certificate expiry date',
  absence: 'Leave or absence',
  employment: 'Working status (active or not)',
};

/** Header aliases, compared after lower-casing and dropping everything but letters and digits. */
const ALIASES: Record<TeamField, string[]> = {
  name: ['Name', 'Full Name', 'Employee Name', 'Staff Name', 'Learner Name', 'Display Name', 'User Name', 'Person', 'Employee'],
  firstName: ['First Name', 'Forename', 'Given Name', 'Known As', 'Preferred Name'],
  lastName: ['Last Name', 'Surname', 'Family Name'],
  email: ['Email', 'Email Address', 'Work Email', 'Work Email Address', 'User Email', 'Learner Email', 'Login', 'Login ID', 'Username'],
  staffId: ['Staff Number', 'Staff No', 'Staff ID', 'Employee Number', 'Employee No', 'Employee ID', 'Person Number', 'Person ID', 'Payroll Number', 'UPI', 'User ID'],
  department: ['Department', 'Dept', 'Division', 'Faculty', 'Organisation Unit', 'Org Unit', 'Team', 'Cost Centre', 'Group'],
  course: ['Course', 'Course Name', 'Course Title', 'Learning Object Name', 'Module', 'Training', 'Training Name'],
  status: ['Status', 'Enrollment Status', 'Enrolment Status', 'Completion Status', 'Compliance Status', 'Compliant', 'Course Status'],
  completedOn: ['Completion Date', 'Date Completed', 'Completed', 'Completed Date', 'Completed On', 'Enrollment Completed Date', 'Last Completed', 'Date of Completion'],
  expiresOn: ['Certificate Expiry Date', 'Certificate Expires Date', 'Certificate Expiry', 'Certificate Expires', 'Expiry Date', 'Expiry', 'Expires', 'Expires On', 'Valid Until', 'Renewal Date'],
  absence: ['Absence', 'Absence Status', 'Absence Type', 'Current Absence', 'Leave', 'Leave Status', 'Leave Type', 'On Leave', 'Absent'],
  employment: ['Employment Status', 'Assignment Status', 'Active', 'In Service', 'Active Service', 'Work Status', 'Person Status', 'User Status'],
};

export const normalizeHeader = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

const HEADER_TO_FIELD = new Map<string, TeamField>();
for (const field of TEAM_FIELDS) {
  for (const alias of ALIASES[field]) HEADER_TO_FIELD.set(normalizeHeader(alias), field);
}

/** The field a heading names by default, if any. */
export function fieldOfHeader(header: string): TeamField | undefined {
  return HEADER_TO_FIELD.get(normalizeHeader(header));
}

/** Some way of telling who a row is about. */
export const PERSON_FIELDS: readonly TeamField[] = ['email', 'staffId', 'name', 'firstName', 'lastName'];
