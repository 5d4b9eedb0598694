// "Remind": prefilled emails the manager sends from their own mail (nothing is sent by the extension).
// One per person naming their outstanding courses, or one for a group with everyone in BCC.
import type { Course, Profile } from '@/utils/catalogue/profile';
import { MAILTO_MAX_URL, OUTLOOK_MAX_URL, mailtoUrl, outlookComposeUrl, type ComposeFields } from '@/utils/evidence/links';
import { statusLabel } from '@/utils/renewal/summary';
import type { TeamEntry } from './entries';
import { courseLink, mailSubject } from '@/utils/evidence/subject';

export interface PersonReminder {
  fields: ComposeFields;
  mailto: string;
  outlook: string;
}

export interface GroupReminder {
  fields: ComposeFields;
  /** Several links when the addresses do not fit one (mail apps fail beyond ~2,000 characters). */
  mailto: string[];
  outlook: string[];
}

export { courseLink } from '@/utils/evidence/subject';

/** "Jane" from "Jane Smith" or "Smith, Jane"; nothing when the report has no usable name. */
export function firstName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.includes('@')) return '';
  const comma = trimmed.indexOf(',');
  const given = comma >= 0 ? trimmed.slice(comma + 1).trim() : trimmed;
  return given.split(/\s+/)[0] ?? '';
}

function linkLines(courses: readonly Course[], profile: Profile): string[] {
  const byLink = new Map<string, string[]>();
  for (const c of courses) {
    const link = courseLink(c, profile);
    byLink.set(link, [...(byLink.get(link) ?? []), c.name]);
  }
  // One link needs no names; several say which course is where (CybSafe is separate, FAQ 2).
  if (byLink.size === 1) return [...byLink.keys()];
  return [...byLink].map(([link, names]) => `${names.join(', ')}: ${link}`);
}

function alreadyDone(profile: Profile): string {
  const subject = mailSubject(profile.subjectTemplate);
  return `If you have already completed one and it still shows here, send your certificate to ${profile.mailbox} with the subject "${subject}".`;
}

function subjectFor(courses: readonly TeamEntry[]): string {
  if (courses.length === 1) return `Mandatory training: ${courses[0]!.course.name}`;
  return `Mandatory training: ${courses.length} courses to complete`;
}

/** The email for one person, from their outstanding entries. Null when the report has no address. */
export function personReminder(outstanding: readonly TeamEntry[], profile: Profile): PersonReminder | null {
  const first = outstanding[0];
  if (!first?.email) return null;
  const hello = firstName(first.name);
  const lines = outstanding.map((e) => `- ${e.course.name}: ${statusLabel(e.status, e.due)}`);
  const one = outstanding.length === 1;
  const body = (withHelp: boolean) =>
    [
      `Hello${hello ? ` ${hello}` : ''},`,
      '',
      `The monthly mandatory training report shows ${one ? 'this course needs' : 'these courses need'} your attention:`,
      ...lines,
      '',
      `You can do ${one ? 'it' : 'them'} here:`,
      ...linkLines(outstanding.map((e) => e.course), profile),
      '',
      `Please complete ${one ? 'it' : 'them'} as soon as you can.${withHelp ? ` ${alreadyDone(profile)}` : ''}`,
      '',
      'Thank you',
    ].join('\n');
  let fields: ComposeFields = { to: first.email, subject: subjectFor(outstanding), body: body(true) };
  // A long list must not be cut off mid-way in a mail app's link: drop the help sentence first.
  if (mailtoUrl(fields, Infinity).length > MAILTO_MAX_URL) fields = { ...fields, body: body(false) };
  return { fields, mailto: mailtoUrl(fields), outlook: outlookComposeUrl(fields) };
}

/** One email for everyone given, in BCC so no one sees the others, naming the courses any of them has outstanding. */
export function groupReminder(emails: readonly string[], courses: readonly Course[], profile: Profile): GroupReminder | null {
  const unique = [...new Set(emails.filter(Boolean))];
  if (!unique.length || !courses.length) return null;
  const body = [
    'Hello,',
    '',
    'The monthly mandatory training report shows you have at least one of these courses to complete or renew:',
    ...courses.map((c) => `- ${c.name}`),
    '',
    'You can do them here:',
    ...linkLines(courses, profile),
    '',
    `Your LearnUpon dashboard shows which ones are yours. ${alreadyDone(profile)}`,
    '',
    'Thank you',
  ].join('\n');
  const fields: ComposeFields = { to: '', subject: 'Mandatory training: please complete your outstanding courses', body };
  // Each address encoded once: a department's report can hold thousands.
  const encoded = unique.map((a) => encodeURIComponent(a).replace(/%40/g, '@'));
  // Built from the single-recipient links, with the BCC list put in front of the subject.
  const mailtoTail = mailtoUrl(fields).replace(/^mailto:\?/, '');
  const outlookBase = outlookComposeUrl(fields);
  const outlookTail = outlookBase.replace(/^[^?]*\?to=&/, '');
  const outlookPrefix = outlookBase.slice(0, outlookBase.indexOf('?') + 1);
  return {
    fields,
    mailto: chunk(encoded, ',', (list) => `mailto:?bcc=${list}&${mailtoTail}`, MAILTO_MAX_URL),
    outlook: chunk(encoded, '%3B', (list) => `${outlookPrefix}bcc=${list}&${outlookTail}`, OUTLOOK_MAX_URL),
  };
}

/** As few links as fit the limit, each with at least one address; lengths are added up, not rebuilt. */
function chunk(encoded: readonly string[], separator: string, link: (list: string) => string, max: number): string[] {
  const fixed = link('').length;
  const links: string[] = [];
  let current: string[] = [];
  let length = fixed;
  for (const address of encoded) {
    if (current.length && length + separator.length + address.length > max) {
      links.push(link(current.join(separator)));
      current = [];
      length = fixed;
    }
    length += (current.length ? separator.length : 0) + address.length;
    current.push(address);
  }
  if (current.length) links.push(link(current.join(separator)));
  return links;
}
