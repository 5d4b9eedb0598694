import { describe, expect, it } from 'vitest';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { MAILTO_MAX_URL, OUTLOOK_MAX_URL, SHORTENED_NOTE } from '@/utils/evidence/links';
import type { CourseStatus } from '@/utils/renewal/summary';
import type { TeamEntry } from '@/utils/team/entries';
import { firstName, groupReminder, personReminder } from '@/utils/team/remind';

function entry(course: string, status: CourseStatus, due: string | null, patch: Partial<TeamEntry> = {}): TeamEntry {
  return {
    person: 'jane.smith@ucl.ac.uk', name: 'Jane Smith', email: 'jane.smith@ucl.ac.uk', staffId: '1', department: 'Physics',
    reportAvailability: 'active', availability: 'active', availabilityByYou: false, leaveText: '',
    course: UCL_PROFILE.courses.find((c) => c.name === course)!, status, due, basis: due ? 'computed' : 'none', completedOn: null, ...patch,
  };
}

function decode(href: string) {
  const [to, query] = href.replace(/^mailto:/, '').split('?');
  return { to: decodeURIComponent(to!), ...Object.fromEntries(query!.split('&').map((kv) => kv.split('=').map(decodeURIComponent))) } as Record<string, string>;
}

describe('reminder to one person', () => {
  it('names each outstanding course with its status and the links to do them', () => {
    const r = personReminder([entry('Prevent at UCL', 'overdue', '2026-10-28'), entry('Information Security Training', 'due-soon', '2026-12-08'), entry('UCL Fire Safety', 'not-completed', null)], UCL_PROFILE)!;
    expect(r.fields.to).toBe('jane.smith@ucl.ac.uk');
    expect(r.fields.subject).toBe('Mandatory training: 3 courses to complete');
    expect(r.fields.body).toBe(
      [
        'Hello Jane,',
        '',
        'The monthly mandatory training report shows these courses need your attention:',
        '- Prevent at UCL: Overdue since 28 Oct 2026',
        '- Information Security Training: Due soon: renew by 8 Dec 2026',
        '- UCL Fire Safety: Not completed yet',
        '',
        'You can do them here:',
        'Prevent at UCL, UCL Fire Safety: https://www.ucl.ac.uk/human-resources/learning-development/mandatory-learning',
        'Information Security Training: https://app.cybsafe.com/',
        '',
        'Please complete them as soon as you can. If you have already completed one and it still shows here, send your certificate to UCLmandatorystafflearning@ucl.ac.uk with the subject "Mandatory Training (course name) completion issue".',
        '',
        'Thank you',
      ].join('\n'),
    );
    const mail = decode(r.mailto);
    expect(mail.to).toBe('jane.smith@ucl.ac.uk');
    expect(mail.subject).toBe(r.fields.subject);
    expect(mail.body).toBe(r.fields.body.replace(/\n/g, '\r\n'));
    const outlook = new URL(r.outlook);
    expect(outlook.searchParams.get('to')).toBe('jane.smith@ucl.ac.uk');
    expect(outlook.searchParams.get('body')).toBe(r.fields.body);
  });

  it('speaks of one course in the singular, with one link', () => {
    const r = personReminder([entry('UCL Fire Safety', 'not-completed', null)], UCL_PROFILE)!;
    expect(r.fields.subject).toBe('Mandatory training: UCL Fire Safety');
    expect(r.fields.body).toContain('shows this course needs your attention');
    expect(r.fields.body).toContain('You can do it here:\nhttps://www.ucl.ac.uk/');
  });

  it('fits every catalogue course in a mail-app link without cutting the list', () => {
    const all = UCL_PROFILE.courses.map((c) => entry(c.name, 'overdue', '2026-01-31'));
    const r = personReminder(all, UCL_PROFILE)!;
    expect(r.mailto.length).toBeLessThanOrEqual(MAILTO_MAX_URL);
    const body = decode(r.mailto).body!;
    expect(body).not.toContain(SHORTENED_NOTE);
    for (const c of UCL_PROFILE.courses) expect(body).toContain(`- ${c.name}: Overdue since 31 Jan 2026`);
  });

  it('has no link when the report has no address', () => {
    expect(personReminder([entry('UCL Fire Safety', 'not-completed', null, { email: '' })], UCL_PROFILE)).toBeNull();
  });

  it.each([
    ['Jane Smith', 'Jane'],
    ['Smith, Jane', 'Jane'],
    ['  Ana  ', 'Ana'],
    ['jane@ucl.ac.uk', ''],
    ['', ''],
  ])('greets “%s” as “%s”', (name, expected) => {
    expect(firstName(name)).toBe(expected);
  });
});

describe('reminder to everyone, in BCC', () => {
  const courses = [UCL_PROFILE.courses[1]!, UCL_PROFILE.courses[3]!];

  it('puts the addresses in BCC, none in To, and names the courses', () => {
    const g = groupReminder(['a@ucl.ac.uk', 'b@ucl.ac.uk', 'a@ucl.ac.uk'], courses, UCL_PROFILE)!;
    expect(g.mailto).toHaveLength(1);
    const mail = decode(g.mailto[0]!);
    expect(mail.to).toBe('');
    expect(mail.bcc).toBe('a@ucl.ac.uk,b@ucl.ac.uk');
    expect(mail.body).toContain('- Data Protection and Freedom of Information\r\n- Prevent at UCL');
    const outlook = new URL(g.outlook[0]!);
    expect(outlook.searchParams.get('bcc')).toBe('a@ucl.ac.uk;b@ucl.ac.uk');
    expect(outlook.searchParams.get('to')).toBeNull();
    expect(outlook.searchParams.get('subject')).toBe(g.fields.subject);
  });

  it('splits a long list into as many links as needed, each within the limit, every address once', () => {
    const emails = Array.from({ length: 400 }, (_, i) => `person.number.${i}@ucl.ac.uk`);
    const g = groupReminder(emails, courses, UCL_PROFILE)!;
    expect(g.mailto.length).toBeGreaterThan(1);
    for (const link of g.mailto) expect(link.length).toBeLessThanOrEqual(MAILTO_MAX_URL);
    for (const link of g.outlook) expect(link.length).toBeLessThanOrEqual(OUTLOOK_MAX_URL);
    expect(g.mailto.flatMap((l) => decode(l).bcc!.split(','))).toEqual(emails);
    expect(g.outlook.flatMap((l) => new URL(l).searchParams.get('bcc')!.split(';'))).toEqual(emails);
    expect(g.outlook.length).toBeLessThan(g.mailto.length);
  });

  it('gives nothing to send when there is no one or nothing to chase', () => {
    expect(groupReminder([], courses, UCL_PROFILE)).toBeNull();
    expect(groupReminder(['a@ucl.ac.uk'], [], UCL_PROFILE)).toBeNull();
  });
});
