import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { droppedLinksText, jsonErrorOffset, parseProfileJson, readProfileFile, serialiseProfile } from '@/utils/catalogue/io';
import type { Profile } from '@/utils/catalogue/profile';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';

/** A copy of the UCL profile as plain JSON data, changed by `edit`. */
function edited(edit: (p: any) => void): string {
  const data = JSON.parse(JSON.stringify(UCL_PROFILE));
  edit(data);
  return JSON.stringify(data);
}

function refusal(text: string): string {
  const result = parseProfileJson(text);
  expect(result.ok).toBe(false);
  expect(result).not.toHaveProperty('profile'); // nothing is kept from a refused file
  return result.ok ? '' : result.error;
}

describe('serialiseProfile / parseProfileJson', () => {
  it('round-trips the UCL profile', () => {
    const text = serialiseProfile(UCL_PROFILE);
    expect(text).toContain('\n  "organisation": "UCL"');
    const result = parseProfileJson(text);
    expect(result).toEqual({ ok: true, profile: UCL_PROFILE });
  });

  it('round-trips edited profiles', () => {
    const course = fc.record({
      name: fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,30}[A-Za-z]$/),
      aliases: fc.constant([] as string[]),
      platform: fc.constantFrom('learnupon' as const, 'cybsafe' as const),
      cadenceMonths: fc.option(fc.integer({ min: 1, max: 240 }), { nil: null }),
      scope: fc.constantFrom('all-staff' as const, 'role-specific' as const),
    });
    const courses = fc.uniqueArray(course, {
      minLength: 1,
      maxLength: 12,
      selector: (c) => c.name.toLowerCase().replace(/[^a-z]/g, ''),
    });
    fc.assert(
      fc.property(courses, fc.integer({ min: 0, max: 365 }), fc.boolean(), (list, dueSoonDays, remindersEnabled) => {
        const profile: Profile = { ...UCL_PROFILE, courses: list, dueSoonDays, remindersEnabled };
        expect(parseProfileJson(serialiseProfile(profile))).toEqual({ ok: true, profile });
      }),
    );
  });

  it('accepts a byte-order mark and ignores unknown fields', () => {
    const text = `\uFEFF${edited((p) => (p.comment = 'from HR'))}`;
    const result = parseProfileJson(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.profile).toEqual(UCL_PROFILE);
  });

  it('trims names', () => {
    const result = parseProfileJson(edited((p) => (p.courses[0].name = '  Info Sec  ')));
    expect(result.ok && result.profile.courses[0]!.name).toBe('Info Sec');
  });
});

describe('parseProfileJson refuses bad files, naming the field', () => {
  it.each([
    ['an empty file', '', /empty/],
    ['whitespace', '  \n ', /empty/],
    ['broken JSON', '{\n  "version": 1,\n  "organisation": }', /not valid JSON.*line 3, column 19/],
    ['a list', '[]', /one JSON object/],
    ['a number', '42', /one JSON object/],
    ['null', 'null', /one JSON object/],
  ])('%s', (_, text, message) => {
    expect(refusal(text)).toMatch(message);
  });

  it.each([
    ['a wrong version', (p: any) => (p.version = 2), 'version: must be 1 (found 2)'],
    ['a missing organisation', (p: any) => delete p.organisation, 'organisation: is missing'],
    ['an empty organisation', (p: any) => (p.organisation = '   '), 'organisation: must not be empty'],
    ['a bad domain', (p: any) => (p.emailDomain = 'ucl'), 'emailDomain: must be a domain like ucl.ac.uk (found "ucl")'],
    ['a bad mailbox', (p: any) => (p.mailbox = 'training'), 'mailbox: must be an email address (found "training")'],
    ['a subject without {course}', (p: any) => (p.subjectTemplate = 'Training'), 'subjectTemplate: must contain {course} (found "Training")'],
    ['a bad date order', (p: any) => (p.dateOrder = 'year-first'), 'dateOrder: must be "day-first" or "month-first" (found "year-first")'],
    ['a text window', (p: any) => (p.dueSoonDays = '30'), 'dueSoonDays: must be a number (found "30")'],
    ['a negative window', (p: any) => (p.dueSoonDays = -1), 'dueSoonDays: must be at least 0 (found -1)'],
    ['no courses', (p: any) => (p.courses = []), 'courses: must list at least 1'],
    ['courses not a list', (p: any) => (p.courses = {}), 'courses: must be a list (found an object)'],
    ['a fractional cadence', (p: any) => (p.courses[2].cadenceMonths = 1.5), 'courses.2.cadenceMonths: must be a whole number (found 1.5)'],
    ['a zero cadence', (p: any) => (p.courses[2].cadenceMonths = 0), 'courses.2.cadenceMonths: must be more than 0 (found 0)'],
    ['a huge cadence', (p: any) => (p.courses[2].cadenceMonths = 300), 'courses.2.cadenceMonths: must be at most 240 (found 300)'],
    ['a missing cadence', (p: any) => delete p.courses[2].cadenceMonths, 'courses.2.cadenceMonths: is missing'],
    ['an unknown platform', (p: any) => (p.courses[1].platform = 'moodle'), 'courses.1.platform: must be "learnupon" or "cybsafe" (found "moodle")'],
    ['an alias that is not text', (p: any) => (p.courses[3].aliases = ['Prevent', 7]), 'courses.3.aliases.1: must be text (found 7)'],
    ['a blank name', (p: any) => (p.courses[0].name = ' '), 'courses.0.name: must not be empty'],
    ['reminders as text', (p: any) => (p.remindersEnabled = 'yes'), 'remindersEnabled: must be true or false (found "yes")'],
  ])('%s', (_, edit, message) => {
    expect(refusal(edited(edit)).split('\n')).toContain(message);
  });

  it('lists every problem, one line each', () => {
    const error = refusal(edited((p) => {
      p.version = 3;
      p.courses[4].cadenceMonths = 'yearly';
    }));
    expect(error.split('\n')).toEqual([
      'This is not a valid training profile:',
      'version: must be 1 (found 3)',
      'courses.4.cadenceMonths: must be a number (found "yearly")',
    ]);
  });

  it('refuses duplicate course names, ignoring case and punctuation, and says which', () => {
    const error = refusal(edited((p) => p.courses.push({ ...p.courses[2], name: 'ucl fire-safety', aliases: [] })));
    expect(error).toContain('courses.8.name: the course name "ucl fire-safety" is used twice (also courses.2.name, course "UCL Fire Safety")');
  });

  it('refuses an alias that names another course', () => {
    const error = refusal(edited((p) => p.courses[7].aliases.push('PREVENT')));
    expect(error).toContain('courses.7.aliases.1: the alias "PREVENT" already names another course (courses.3.aliases.0, course "Prevent at UCL")');
  });

  it('allows a course to repeat its own name as an alias', () => {
    expect(parseProfileJson(edited((p) => p.courses[2].aliases.push('ucl fire safety'))).ok).toBe(true);
  });

  it('refuses a label no title could match', () => {
    expect(refusal(edited((p) => p.courses[2].aliases.push('—')))).toContain('courses.2.aliases.2: "—" has no letters or digits');
  });

  it('refuses a huge file without reading it', () => {
    expect(refusal(' '.repeat(1_000_001))).toMatch(/too large/);
  });

  it('refuses any single-character corruption of a valid file or reads it back whole', () => {
    const text = serialiseProfile(UCL_PROFILE);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length - 1 }), fc.constantFrom('', '"', '{', ',', 'x', '9'), (at, insert) => {
        const result = parseProfileJson(text.slice(0, at) + insert + text.slice(at + 1));
        if (result.ok) expect(() => serialiseProfile(result.profile)).not.toThrow();
        else expect(result.error.length).toBeGreaterThan(10);
      }),
    );
  });
});

describe('jsonErrorOffset', () => {
  it('agrees with JSON.parse on whether text is valid', () => {
    const mutated = fc
      .tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.constantFrom('', '"', '{', '}', ',', ':', ']', '\\', 'x', '0', ' ', '\u0001'), fc.boolean())
      .map(([json, at, c, replace]) => {
        const k = at % (json.length + 1);
        return json.slice(0, k) + c + json.slice(replace ? k + 1 : k);
      });
    fc.assert(
      fc.property(mutated, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(jsonErrorOffset(text) === -1).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ['[1, 2', 5],
    ['"\\q"', 2],
    ['01', 1],
  ])('%j fails at %i', (text, at) => {
    expect(jsonErrorOffset(text)).toBe(at);
  });

  it('survives absurd nesting', () => {
    expect(refusal('['.repeat(200_000))).toMatch(/not valid JSON/);
  });
});

describe('reading a chosen settings file', () => {
  it('a file far too large is refused by its size, saying so (a 600 MB file was once called empty)', async () => {
    const huge = { size: 600 * 1024 * 1024, text: () => Promise.resolve('') } as unknown as Blob;
    expect(await readProfileFile(huge)).toEqual({ ok: false, error: 'The file is too large to be a training profile (600 MB; a profile is at most 1 MB).' });
  });

  it('an empty file is empty, and a good one reads', async () => {
    expect(await readProfileFile(new Blob([]))).toEqual({ ok: false, error: 'The file is empty.' });
    expect(await readProfileFile(new Blob([serialiseProfile(UCL_PROFILE)]))).toEqual({ ok: true, profile: UCL_PROFILE });
  });
});

describe('course links in a settings file', () => {
  it('keeps https links to LearnUpon, CybSafe and the organisation’s site; leaves out every other, and names the courses', () => {
    const links = ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'http://www.ucl.ac.uk/x', 'https://attacker.example/', 'https://ucl.learnupon.com/catalog/courses/1', 'https://www.ucl.ac.uk/hr'];
    const result = parseProfileJson(edited((p) => links.forEach((url, i) => (p.courses[i].url = url))));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile.courses.slice(0, links.length).map((c) => c.url)).toEqual([undefined, undefined, undefined, undefined, 'https://ucl.learnupon.com/catalog/courses/1', 'https://www.ucl.ac.uk/hr']);
    const names = UCL_PROFILE.courses.slice(0, 4).map((c) => c.name);
    expect(result.droppedLinks).toEqual(names);
    expect(droppedLinksText(result.droppedLinks!, result.profile)).toBe(`The links of ${names.map((n) => `“${n}”`).join(', ')} were left out: only https links to LearnUpon, CybSafe or ucl.ac.uk are kept.`);
    // Nothing else changes.
    expect(result.profile.courses.map(({ url: _u, ...c }) => c)).toEqual(UCL_PROFILE.courses.map(({ url: _u, ...c }) => c));
  });
});

describe('portals in a settings file', () => {
  it('must be LearnUpon portals: the dashboard link and which records count depend on them', () => {
    expect(refusal(edited((p) => (p.portalHost = 'attacker.example')))).toMatch(/portalHost: must be a LearnUpon portal like ucl\.learnupon\.com \(found "attacker\.example"\)/);
    expect(refusal(edited((p) => (p.portalHost = 'https://ucl.learnupon.com/dashboard')))).toMatch(/portalHost: must be a LearnUpon portal/);
    expect(refusal(edited((p) => (p.morePortalHosts = ['ucl2.learnupon.com', 'javascript:alert(1)'])))).toMatch(/morePortalHosts\.1: must be a LearnUpon portal/);
    expect(parseProfileJson(edited((p) => (p.morePortalHosts = ['ucl2.learnupon.com']))).ok).toBe(true);
  });
});
