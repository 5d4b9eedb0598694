// What an organisation may set by policy: Chrome's managed storage (chrome.storage.managed), declared for
// Chrome in public/managed_schema.json and read by utils/store/policy.ts. Chrome drops a value that does
// not fit that schema before the extension sees it; these schemas check what it cannot (an email address,
// `{course}` in the subject, a cadence or "once"), one key at a time, so one bad value leaves the rest
// in force (utils/catalogue/policy.ts). docs/administrators.md documents every key.
import { z } from '@/utils/zod';
import { CountingSourceSchema, FeatureSwitchesSchema, PlatformSchema, ProfileSchema } from './profile';

const nonEmpty = () => z.string().check(z.trim(), z.minLength(1));

/** A course as a policy gives it: `cadenceMonths`, or `oneOff: true` for a course done once (Chrome's schemas have no null). */
export const PolicyCourseSchema = z.object({
  name: nonEmpty(),
  aliases: z.optional(z.array(nonEmpty())),
  platform: PlatformSchema,
  cadenceMonths: z.optional(z.number().check(z.int(), z.positive(), z.lte(240))),
  oneOff: z.optional(z.boolean()),
  scope: z.optional(z.enum(['all-staff', 'role-specific'])),
  url: z.optional(z.string()),
});
export type PolicyCourse = z.infer<typeof PolicyCourseSchema>;

const shape = ProfileSchema.shape;

/**
 * Every key of the managed storage, with its schema and the words the settings page uses for it. The
 * keys that share a name with the profile's fields replace them; `features` and
 * `countingOutsideSources` exist only here.
 */
export const POLICY = {
  organisation: { schema: shape.organisation, label: 'Organisation name' },
  emailDomain: { schema: shape.emailDomain, label: 'Work email domain' },
  portalHost: { schema: shape.portalHost.check(z.regex(/^[a-z0-9-]+\.learnupon\.com$/i, 'must be a LearnUpon portal like ucl.learnupon.com')), label: 'LearnUpon portal address' },
  morePortalHosts: { schema: z.array(nonEmpty().check(z.regex(/^[a-z0-9-]+\.learnupon\.com$/i, 'must be a LearnUpon portal like ucl.learnupon.com'))), label: 'Further LearnUpon portals' },
  mailbox: { schema: shape.mailbox, label: 'Training mailbox' },
  subjectTemplate: { schema: shape.subjectTemplate, label: 'Email subject' },
  dateOrder: { schema: shape.dateOrder, label: 'How the portal writes dates' },
  dueSoonDays: { schema: shape.dueSoonDays, label: 'Days of warning before a course is due' },
  courses: { schema: z.array(PolicyCourseSchema).check(z.minLength(1)), label: 'Courses' },
  features: { schema: FeatureSwitchesSchema, label: 'Features' },
  countingOutsideSources: { schema: z.array(CountingSourceSchema), label: 'Outside completions that count' },
} as const;

export type PolicyKey = keyof typeof POLICY;
export type PolicyValue<K extends PolicyKey> = z.infer<(typeof POLICY)[K]['schema']>;
/** The policy's usable values: only the keys it sets, each checked. */
export type PolicySettings = { [K in PolicyKey]?: PolicyValue<K> };

export const POLICY_KEYS = Object.keys(POLICY) as PolicyKey[];
