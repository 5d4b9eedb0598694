// Importing and exporting a catalogue profile as JSON. An import is all or nothing: any problem
// refuses the whole file, and the message names each field and says what is wrong in plain words.
import { z } from '@/utils/zod';
import { isLearnUponHost } from '@/utils/hosts';
import { titleKey } from './match';
import { ProfileSchema, withSafeCourseLinks, type Course, type Profile } from './profile';

/** `droppedLinks`: courses whose link was left out (`withSafeCourseLinks`), only when there are any. */
export type ProfileParseResult = { ok: true; profile: Profile; droppedLinks?: string[] } | { ok: false; error: string };

/** Far larger than any real catalogue; stops a wrong file (a video, a spreadsheet) being read at all. */
export const MAX_PROFILE_BYTES = 1_000_000;

type Issue = z.core.$ZodIssue;

/** `courses.2.cadenceMonths`, or "the file" for the top level. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join('.') : 'the file';
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

const KIND: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

/** What is wrong with one value, in plain words: "must be a whole number (found 1.5)". */
export function issueReason(issue: Issue): string {
  const got = 'input' in issue ? ` (found ${shown(issue.input)})` : '';
  switch (issue.code) {
    case 'invalid_type':
      if (!('input' in issue) || issue.input === undefined) return 'is missing';
      return `must be ${KIND[issue.expected] ?? issue.expected}${got}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}${got}`;
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'array') return `must list at least ${String(issue.minimum)}`;
      return `must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}${got}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${String(issue.maximum)} characters`;
      if (issue.origin === 'array') return `must list at most ${String(issue.maximum)}`;
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}${got}`;
    case 'invalid_format':
      if (issue.message && issue.message !== 'Invalid input') return `${issue.message}${got}`;
      return issue.format === 'email' ? `must be an email address${got}` : `is not in the expected form${got}`;
    default:
      return issue.message && issue.message !== 'Invalid input' ? issue.message : `is not valid${got}`;
  }
}

/** One line per problem: "courses.2.cadenceMonths: must be a whole number (found 1.5)". */
export function describeProfileIssues(issues: readonly Issue[]): string {
  return issues.map((issue) => `${fieldPath(issue.path)}: ${issueReason(issue)}`).join('\n');
}

/**
 * Rules the schema cannot express. The portals are linked to ("Open your LearnUpon dashboard") and decide
 * which records count: LearnUpon portals only. And `courseConflicts`.
 */
export function profileConflicts(profile: Profile): string[] {
  const problems: string[] = [];
  const portals = [{ host: profile.portalHost, field: 'portalHost' }, ...(profile.morePortalHosts ?? []).map((host, i) => ({ host, field: `morePortalHosts.${i}` }))];
  for (const { host, field } of portals) {
    if (!isLearnUponHost(host.trim())) problems.push(`${field}: must be a LearnUpon portal like ucl.learnupon.com (found ${shown(host)})`);
  }
  return [...problems, ...courseConflicts(profile.courses)];
}

/**
 * Each course name and alias must lead to one course only: two courses answering to "Fire Safety" would
 * make matching depend on their order.
 */
export function courseConflicts(courses: readonly Course[]): string[] {
  const problems: string[] = [];
  const owners = new Map<string, { index: number; field: string }>();
  courses.forEach((course, index) => {
    const labels = [
      { text: course.name, field: `courses.${index}.name` },
      ...course.aliases.map((text, a) => ({ text, field: `courses.${index}.aliases.${a}` })),
    ];
    for (const { text, field } of labels) {
      const key = titleKey(text);
      if (!key) {
        problems.push(`${field}: ${shown(text)} has no letters or digits, so no course title could match it`);
        continue;
      }
      const owner = owners.get(key);
      if (owner === undefined) {
        owners.set(key, { index, field });
      } else if (owner.index !== index) {
        const other = courses[owner.index]!.name;
        problems.push(
          field.endsWith('.name')
            ? `${field}: the course name ${shown(text)} is used twice (also ${owner.field}, course ${shown(other)}); course names must be unique`
            : `${field}: the alias ${shown(text)} already names another course (${owner.field}, course ${shown(other)})`,
        );
      }
    }
  });
  return problems;
}

/**
 * Where JSON.parse gave up, found by a small scanner because V8's messages only sometimes carry a
 * position. Returns the offset of the first character that cannot continue valid JSON.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const expect = (c: string) => (text[i] === c ? i++ : fail());
  const string = () => {
    expect('"');
    while (text[i] !== '"') {
      if (i >= text.length || text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-f]{4}$/i.test(text.slice(i + 1, i + 5))) fail();
          i += 5;
        } else if ('"\\/bfnrt'.includes(text[i] ?? 'x')) i++;
        else fail();
      } else i++;
    }
    i++;
  };
  /** An object's members or an array's elements, from the opening bracket to `close`. */
  const items = (close: string, item: () => void): void => {
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      ws();
      if (text[i] === ',') i++;
      else return void expect(close);
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      return items('}', () => {
        ws();
        string();
        ws();
        expect(':');
        value();
      });
    }
    if (c === '[') return items(']', value);
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!literal) fail();
    i += literal![0].length;
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (at) {
    return typeof at === 'number' ? at : 0; // a stack overflow from absurd nesting: point at the start
  }
}

function jsonSyntaxError(text: string): string {
  const at = jsonErrorOffset(text);
  if (at < 0) return 'The file is not valid JSON.';
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  const where = at >= text.length ? 'it ends too early' : `the problem is at line ${line}, column ${column}`;
  return `The file is not valid JSON: ${where}. Check for a missing comma, quote or bracket near there.`;
}

/** Reads a profile file. Nothing is returned unless the whole file is valid. */
export function parseProfileJson(text: string): ProfileParseResult {
  if (text.length > MAX_PROFILE_BYTES) return { ok: false, error: 'The file is too large to be a training profile.' };
  const body = text.replace(/^\uFEFF/, ''); // editors on Windows add a byte-order mark
  if (!body.trim()) return { ok: false, error: 'The file is empty.' };
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return { ok: false, error: jsonSyntaxError(body) };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, error: 'The file must hold one JSON object (a training profile), not a list or a single value.' };
  }
  const parsed = ProfileSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    return { ok: false, error: `This is not a valid training profile:\n${describeProfileIssues(parsed.error.issues)}` };
  }
  const conflicts = profileConflicts(parsed.data);
  if (conflicts.length) return { ok: false, error: `This is not a valid training profile:\n${conflicts.join('\n')}` };
  // A link the extension would never offer is left out, and said (droppedLinksText); the rest is kept.
  const safe = withSafeCourseLinks(parsed.data);
  return safe.dropped.length ? { ok: true, profile: safe.profile, droppedLinks: safe.dropped } : { ok: true, profile: safe.profile };
}

/** Says which course links were left out and why. */
export function droppedLinksText(courses: readonly string[], profile: Pick<Profile, 'emailDomain'>): string {
  const names = courses.map((c) => `“${c}”`).join(', ');
  return `The link${courses.length > 1 ? 's' : ''} of ${names} ${courses.length > 1 ? 'were' : 'was'} left out: only https links to LearnUpon, CybSafe or ${profile.emailDomain} are kept.`;
}

function megabytes(bytes: number): string {
  return bytes >= 512 * 1024 ? `${Math.max(1, Math.round(bytes / (1024 * 1024)))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * Reads a chosen profile file, refusing by its size before reading it (a file of hundreds of MB cannot
 * be read as text at all, and is no profile); an empty file is said to be empty.
 */
export async function readProfileFile(file: Blob): Promise<ProfileParseResult> {
  if (file.size > MAX_PROFILE_BYTES) {
    return { ok: false, error: `The file is too large to be a training profile (${megabytes(file.size)}; a profile is at most ${megabytes(MAX_PROFILE_BYTES)}).` };
  }
  if (file.size === 0) return { ok: false, error: 'The file is empty.' };
  return parseProfileJson(await file.text());
}

/** Pretty JSON that parseProfileJson reads back to an equal profile. */
export function serialiseProfile(profile: Profile): string {
  return `${JSON.stringify(profile, null, 2)}\n`;
}
