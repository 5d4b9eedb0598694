// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { courseLink, mailSubject } from '@/utils/evidence/subject';
import { buildEvidencePack } from '@/utils/evidence/pack';
import { groupReminder } from '@/utils/team/remind';

describe('mailSubject', () => {
  it('replaces every {course}, keeps $ patterns, and says "course name" when none is named', () => {
    expect(mailSubject('Mandatory Training ({course}) completion issue', ['A', 'B $& C'])).toBe('Mandatory Training (A; B $& C) completion issue');
    expect(mailSubject('{course}: evidence for {course}', ['Prevent at UCL'])).toBe('Prevent at UCL: evidence for Prevent at UCL');
    expect(mailSubject('Mandatory Training ({course}) completion issue')).toBe('Mandatory Training (course name) completion issue');
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 3 }), fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 3 }), (pieces, names) => {
        const template = pieces.join('{course}') + '{course}';
        expect(mailSubject(template, names).split(names.join('; ')).length).toBeGreaterThanOrEqual(pieces.length + 1);
        expect(mailSubject(template, names)).not.toContain('{course}');
      }),
    );
  });

  it('is the one the team reminders use: a template naming {course} twice is filled twice', () => {
    const profile = { ...UCL_PROFILE, subjectTemplate: '{course} completion issue ({course})' };
    const reminder = groupReminder(['a@ucl.ac.uk'], [UCL_PROFILE.courses[0]!], profile)!;
    expect(reminder.fields.body).toContain('with the subject "course name completion issue (course name)"');
  });

  it('is the one the evidence email uses', async () => {
    const profile = { ...UCL_PROFILE, subjectTemplate: '{course} — {course}' };
    const pack = await buildEvidencePack({
      profile, person: { name: '', email: '' }, today: '2025-05-01', records: [], renewalFor: () => null, certificates: [], screenshots: [], failures: [],
      courses: [{ name: 'UCL Fire Safety', completedOn: null, due: null, certificateFiles: [] }],
    });
    expect(pack.email.subject).toBe('UCL Fire Safety — UCL Fire Safety');
  });
});

describe('courseLink', () => {
  const course = (url: string | undefined, platform: 'learnupon' | 'cybsafe' = 'learnupon') => ({ url, platform });
  it('keeps https links on the covered sites and the organisation’s own', () => {
    expect(courseLink(course('https://www.ucl.ac.uk/human-resources/x'), UCL_PROFILE)).toBe('https://www.ucl.ac.uk/human-resources/x');
    expect(courseLink(course('https://ucl.learnupon.com/catalog/courses/1'), UCL_PROFILE)).toBe('https://ucl.learnupon.com/catalog/courses/1');
    expect(courseLink(course('https://app.cybsafe.com/', 'cybsafe'), UCL_PROFILE)).toBe('https://app.cybsafe.com/');
  });
  it('never offers javascript:, data:, http: or other hosts: the dashboard or CybSafe instead', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'http://www.ucl.ac.uk/x', 'https://attacker.example/ucl.ac.uk', 'https://evilucl.ac.uk/', 'https://user:pw@ucl.learnupon.com/', 'not a url', undefined]) {
      expect(courseLink(course(url), UCL_PROFILE)).toBe('https://ucl.learnupon.com/dashboard');
    }
    expect(courseLink(course('javascript:alert(1)', 'cybsafe'), UCL_PROFILE)).toBe('https://app.cybsafe.com/');
  });
});
