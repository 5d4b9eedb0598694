// The organisation profile (storage.local `profile`): who the organisation is, its portals and mailbox,
// and its mandatory courses. One definition; utils/catalogue/profile.ts re-exports it for the catalogue code.
import { z } from '@/utils/zod';

export const PlatformSchema = z.enum(['learnupon', 'cybsafe']);
export type Platform = z.infer<typeof PlatformSchema>;

const nonEmpty = () => z.string().check(z.trim(), z.minLength(1));

export const CourseSchema = z.object({
  name: nonEmpty(),
  aliases: z.array(nonEmpty()),
  platform: PlatformSchema,
  /** Months between renewals; null for a one-off course (no renewal). */
  cadenceMonths: z.nullable(z.number().check(z.int(), z.positive(), z.lte(240))),
  scope: z.enum(['all-staff', 'role-specific']),
  /** Where to start the course; optional because portals differ. */
  url: z.optional(z.string()),
});
export type Course = z.infer<typeof CourseSchema>;

export const ProfileSchema = z.object({
  version: z.literal(1),
  organisation: nonEmpty(),
  /** Sign-ins outside this domain are the "wrong account". */
  emailDomain: nonEmpty().check(z.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'must be a domain like ucl.ac.uk')),
  /** The organisation's LearnUpon portal (`ucl.learnupon.com`): only its records count (docs/rules.md, "Which records count"). */
  portalHost: nonEmpty(),
  /** Further portals of the same organisation, if it has more than one. */
  morePortalHosts: z.optional(z.array(nonEmpty())),
  mailbox: z.email(),
  /** `{course}` is replaced by the course name(s). */
  subjectTemplate: nonEmpty().check(z.includes('{course}', 'must contain {course}')),
  dateOrder: z.enum(['day-first', 'month-first']),
  dueSoonDays: z.number().check(z.int(), z.gte(0), z.lte(365)),
  remindersEnabled: z.boolean(),
  courses: z.array(CourseSchema).check(z.minLength(1)),
});
export type Profile = z.infer<typeof ProfileSchema>;

/**
 * Features an organisation may turn off for everyone by policy (utils/data/policy.ts): `false` is off;
 * `true` or left out leaves the choice to each person.
 */
export const FeatureSwitchesSchema = z.object({
  reminders: z.optional(z.boolean()),
  timeLog: z.optional(z.boolean()),
  teamPage: z.optional(z.boolean()),
});
export type FeatureSwitches = z.infer<typeof FeatureSwitchesSchema>;

/**
 * Another organisation's LearnUpon portal (an NHS trust's, say) whose completions of the named courses
 * count, once the organisation has an agreement with it (docs/rules.md, "Which records count"). Set only
 * by the organisation's policy; none by default.
 */
export const CountingSourceSchema = z.object({
  /** The portal's host, e.g. `nhs-trust.learnupon.com`. */
  source: nonEmpty().check(z.regex(/^[a-z0-9-]+\.learnupon\.com$/i, 'must be a LearnUpon portal like trust.learnupon.com')),
  /** Catalogue course names (or aliases) whose completions there count. */
  courses: z.array(nonEmpty()).check(z.minLength(1)),
});
export type CountingSource = z.infer<typeof CountingSourceSchema>;

/**
 * The profile every part of the extension works with: the person's own settings with whatever the
 * organisation's policy sets on top (utils/catalogue/policy.ts `applyPolicy`, read by
 * utils/store/profile.ts `loadProfile`), as content scripts are told it too. The two policy-only parts
 * are optional so a plain profile (the UCL defaults, a settings file) stands for "nothing turned off, no
 * outside source counts"; they are never stored with the person's own settings.
 */
export const EffectiveProfileSchema = z.extend(ProfileSchema, {
  features: z.optional(FeatureSwitchesSchema),
  countingOutsideSources: z.optional(z.array(CountingSourceSchema)),
});
export type EffectiveProfile = z.infer<typeof EffectiveProfileSchema>;
