// Who is working now. The report includes people on leave and people not yet in active service on
// purpose (FAQ 12–13); their words vary, so these rules read them generously and the manager can
// always set someone by hand.
import type { Availability, PersonMark } from './types';

const key = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

const ACTIVE = /^(|active|in service|active service|working|at work|present|none|no absence|not absent|n a|na|no|n|false|0)$/;
const NOT_WORKING =
  /\b(inactive|not active|not (yet )?started|not (yet )?begun|pending start|future start|yet to start|suspended|zero hours|no hours|0 hours|not working|no work|terminated|leaver|left)\b/;
const ON_LEAVE =
  /\b(leave|maternity|paternity|parental|adoption|sick|sickness|illness|absence|absent|holiday|vacation|sabbatical|career break|compassionate|bereavement|jury|furlough|secondment)\b/;

/** A leave/absence column: any absence named there means on leave ("Yes" too). */
export function fromAbsence(text: string): Availability {
  const k = key(text);
  if (ACTIVE.test(k) || /^(no|not on|not) (leave|absence|absent)$/.test(k)) return 'active';
  if (NOT_WORKING.test(k)) return 'not-working';
  // Anything else named in an absence column is an absence of some kind, recognised or not.
  return 'on-leave';
}

/** A working-status column ("Active", "Inactive", "Yes"/"No" under "Active"). */
export function fromEmployment(text: string): Availability {
  const k = key(text);
  if (/^(no|n|false|0)$/.test(k) || NOT_WORKING.test(k)) return 'not-working';
  if (ON_LEAVE.test(k)) return 'on-leave';
  return 'active';
}

/** The report's view of a person: not working beats on leave beats working. */
export function reportAvailability(absence: string, employment: string): Availability {
  const a = fromAbsence(absence);
  const e = fromEmployment(employment);
  if (a === 'not-working' || e === 'not-working') return 'not-working';
  if (a === 'on-leave' || e === 'on-leave') return 'on-leave';
  return 'active';
}

export function effectiveAvailability(report: Availability, mark: PersonMark | undefined): { availability: Availability; byYou: boolean } {
  return mark ? { availability: mark.availability, byYou: true } : { availability: report, byYou: false };
}

export const AVAILABILITY_WORDS: Record<Availability, string> = {
  active: 'Working',
  'on-leave': 'On leave',
  'not-working': 'Not working now',
};
