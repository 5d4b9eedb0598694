// The organisation's policy over the person's own settings (utils/catalogue/policy.ts): what it sets wins,
// what it leaves out stays the person's, and a value that cannot be used is left out with a sentence
// saying so while the rest still applies.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPolicy, featureOn, NO_POLICY, readPolicy } from '@/utils/catalogue/policy';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { POLICY_KEYS } from '@/utils/data/policy';
import type { Profile } from '@/utils/catalogue/profile';

const OWN: Profile = { ...UCL_PROFILE, mailbox: 'me@ucl.ac.uk', dueSoonDays: 14, organisation: 'UCL (Physics)' };
const applied = (raw: unknown, own: Profile = OWN) => applyPolicy(own, readPolicy(raw));

describe('readPolicy and applyPolicy', () => {
  it('no policy: the person’s own settings, nothing turned off, no outside source counting', () => {
    const { profile, locked, problems } = applyPolicy(OWN, NO_POLICY);
    expect(profile).toEqual({ ...OWN, features: {}, countingOutsideSources: [] });
    expect(locked.size).toBe(0);
    expect(problems).toEqual([]);
    expect(applied(undefined).profile).toEqual(profile);
    expect(applied([]).profile).toEqual(profile);
  });

  it('what the policy sets wins; what it leaves out stays the person’s', () => {
    const { profile, locked, problems } = applied({ mailbox: 'training@example.ac.uk', dueSoonDays: 45 });
    expect(problems).toEqual([]);
    expect(profile.mailbox).toBe('training@example.ac.uk');
    expect(profile.dueSoonDays).toBe(45);
    expect(profile.organisation).toBe('UCL (Physics)');
    expect(profile.subjectTemplate).toBe(OWN.subjectTemplate);
    expect([...locked].sort()).toEqual(['dueSoonDays', 'mailbox']);
  });

  it('a value that cannot be used is left out with a sentence naming it; the rest still applies', () => {
    const { profile, locked, problems } = applied({
      mailbox: 'not an address',
      subjectTemplate: 'Training issue',
      dueSoonDays: 30.5,
      portalHost: 'ucl.example.com',
      dueSoonDay: 10,
      emailDomain: 'ucl.ac.uk',
    });
    expect(profile.mailbox).toBe('me@ucl.ac.uk');
    expect(profile.subjectTemplate).toBe(OWN.subjectTemplate);
    expect(profile.dueSoonDays).toBe(14);
    expect(profile.portalHost).toBe('ucl.learnupon.com');
    expect([...locked]).toEqual(['emailDomain']);
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/^Your organisation’s setting “Training mailbox” \(mailbox\) is not used: must be an email address \(found "not an address"\)\. Instead, your own setting applies\.$/);
    expect(problems[1]).toMatch(/“Email subject” \(subjectTemplate\) is not used: must contain \{course\}/);
    expect(problems[2]).toMatch(/\(dueSoonDays\) is not used: must be a whole number/);
    expect(problems[3]).toMatch(/\(portalHost\) is not used: must be a LearnUpon portal/);
    expect(problems[4]).toBe('Your organisation’s policy sets “dueSoonDay”, which this version of the extension does not know; it is not used.');
  });

  it('a course list replaces the person’s whole list: cadences, one-off courses, aliases, defaults', () => {
    const { profile, locked } = applied({
      courses: [
        { name: 'Fire Safety', aliases: ['UCL Fire Safety'], platform: 'learnupon', cadenceMonths: 12 },
        { name: 'Safety Induction', platform: 'learnupon', oneOff: true, scope: 'role-specific' },
      ],
    });
    expect(locked.has('courses')).toBe(true);
    expect(profile.courses).toEqual([
      { name: 'Fire Safety', aliases: ['UCL Fire Safety'], platform: 'learnupon', cadenceMonths: 12, scope: 'all-staff' },
      { name: 'Safety Induction', aliases: [], platform: 'learnupon', cadenceMonths: null, scope: 'role-specific' },
    ]);
  });

  it('a course list with a course that cannot be one is left out whole, saying which', () => {
    for (const [courses, why] of [
      [[{ name: 'Fire Safety', platform: 'learnupon' }], /course 0 \(“Fire Safety”\) needs cadenceMonths \(months between renewals\) or oneOff: true/],
      [[{ name: 'Fire Safety', platform: 'learnupon', cadenceMonths: 12, oneOff: true }], /gives both cadenceMonths and oneOff/],
      [[{ name: 'Fire Safety', platform: 'learnupon', cadenceMonths: 12 }, { name: 'Prevent', aliases: ['fire safety'], platform: 'learnupon', cadenceMonths: 36 }], /the alias "fire safety" already names another course/],
      [[{ name: 'Fire Safety', platform: 'moodle', cadenceMonths: 12 }], /0\.platform must be "learnupon" or "cybsafe"/],
      [[], /must list at least 1/],
    ] as const) {
      const { profile, locked, problems } = applied({ courses });
      expect(profile.courses).toEqual(OWN.courses);
      expect(locked.has('courses')).toBe(false);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(why);
      expect(problems[0]).toMatch(/Instead, your own course list applies\.$/);
    }
  });

  it('a course link the extension would never offer is left out of the policy’s list, and said', () => {
    const { profile, problems } = applied({
      courses: [
        { name: 'Fire Safety', platform: 'learnupon', cadenceMonths: 12, url: 'javascript:alert(1)' },
        { name: 'Prevent', platform: 'learnupon', cadenceMonths: 36, url: 'https://www.ucl.ac.uk/prevent' },
      ],
    });
    expect(profile.courses.map((c) => c.url)).toEqual([undefined, 'https://www.ucl.ac.uk/prevent']);
    expect(problems).toEqual(['Your organisation’s course list: The link of “Fire Safety” was left out: only https links to LearnUpon, CybSafe or ucl.ac.uk are kept.']);
  });

  it('features: false turns one off for everyone (reminders with it); true or left out leaves it to the person', () => {
    const off = applied({ features: { reminders: false, timeLog: false } }).profile;
    expect(off.remindersEnabled).toBe(false);
    expect(featureOn(off, 'reminders')).toBe(false);
    expect(featureOn(off, 'timeLog')).toBe(false);
    expect(featureOn(off, 'teamPage')).toBe(true);
    const on = applied({ features: { reminders: true } }, { ...OWN, remindersEnabled: false }).profile;
    expect(on.remindersEnabled).toBe(false);
    expect(featureOn(on, 'reminders')).toBe(true);
    expect(featureOn(UCL_PROFILE, 'teamPage')).toBe(true);
  });

  it('outside sources: none by default; named courses from a named portal, by catalogue name', () => {
    expect(applied({}).profile.countingOutsideSources).toEqual([]);
    const { profile, problems } = applied({
      countingOutsideSources: [
        { source: 'NHS-Trust.learnupon.com', courses: ['Data Protection', 'Prevent', 'Information Security Training', 'Prevent Duty', 'Knitting'] },
        { source: 'ucl.learnupon.com', courses: ['UCL Fire Safety'] },
      ],
    });
    expect(profile.countingOutsideSources).toEqual([
      { source: 'nhs-trust.learnupon.com', courses: ['Data Protection and Freedom of Information', 'Prevent at UCL', 'Information Security Training'] },
    ]);
    expect(problems).toEqual(['Your organisation counts “Knitting” from nhs-trust.learnupon.com, but no course of that name is in the course list; it is not used.']);
    expect(applied({ countingOutsideSources: [{ source: 'https://trust.example.org', courses: ['Prevent'] }] }).problems[0]).toMatch(/\(countingOutsideSources\) is not used: 0\.source must be a LearnUpon portal like trust\.learnupon\.com.*Instead, no outside completions count\.$/);
  });
});

describe('public/managed_schema.json and the sample policy', () => {
  const root = join(import.meta.dirname, '../..');
  const schema = JSON.parse(readFileSync(join(root, 'public/managed_schema.json'), 'utf8')) as { type: string; properties: Record<string, unknown>; additionalProperties?: unknown };

  it('declares exactly the keys the extension reads, as Chrome requires (an object, no additionalProperties at the top)', () => {
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBeUndefined();
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort());
  });

  it('the sample policy in docs/ applies whole, without a problem', () => {
    const sample = JSON.parse(readFileSync(join(root, 'docs/sample-policy.json'), 'utf8')) as Record<string, unknown>;
    const { locked, problems } = applied(sample);
    expect(problems).toEqual([]);
    expect([...locked].sort()).toEqual(Object.keys(sample).sort());
  });
});
