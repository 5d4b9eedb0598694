import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiHead, createCourseMatcher, createTitlePieceTest, matchCourse, normaliseAnyTitle, normaliseTitle, titleKey } from '@/utils/catalogue/match';
import type { Course } from '@/utils/catalogue/profile';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';

const courses = UCL_PROFILE.courses;
const match = createCourseMatcher(courses);
const name = (title: string) => match(title)?.name ?? null;

/** Every (label, course) pair of the catalogue: names and aliases. */
const labels = courses.flatMap((c) => [c.name, ...c.aliases].map((label) => ({ label, course: c.name })));

describe('normaliseTitle', () => {
  it.each([
    ['  Prevent   at UCL ', 'prevent at ucl'],
    ['Data Protection & Freedom of Information', 'data protection and freedom of information'],
    ['Change Possible: Sustainable UCL', 'change possible sustainable ucl'],
    ['Prevent at UCL (2024)', 'prevent at ucl'],
    ['UCL Fire Safety (v2)', 'ucl fire safety'],
    ['UCL Fire Safety (Version 2.1)', 'ucl fire safety'],
    ['UCL Fire Safety [2025]', 'ucl fire safety'],
    ['UCL Fire Safety (2024/25)', 'ucl fire safety'],
    ['UCL Fire Safety (2024) [v3].', 'ucl fire safety'],
    ['UCL’s “Fire” Safety', 'ucls fire safety'],
    ['Équalité, Diversité', 'equalite diversite'],
    ['Føroyar Łódź', 'foroyar lodz'],
    ['Fire\u00a0Safety\u200b', 'fire safety'],
    ['ＵＣＬ Fire Safety', 'ucl fire safety'],
    ['Fire Safety 2024', 'fire safety 2024'], // only a bracketed tag is dropped
    ['(2024)', ''],
    ['!!!', ''],
  ])('%j → %j', (title, expected) => {
    expect(normaliseTitle(title)).toBe(expected);
  });
});

describe('matchCourse', () => {
  it('finds every catalogue name and alias as written', () => {
    for (const { label, course } of labels) expect(name(label)).toBe(course);
  });

  it.each([
    ['Data Protection & Freedom of Information', 'Data Protection and Freedom of Information'],
    ['DATA PROTECTION AND FREEDOM OF INFORMATION', 'Data Protection and Freedom of Information'],
    ['Prevent at UCL (2024)', 'Prevent at UCL'],
    ['UCL Fire Safety (v2)', 'UCL Fire Safety'],
    ['UCL Fire Safety [2025]', 'UCL Fire Safety'],
    ['Change Possible - Sustainable UCL', 'Change Possible: Sustainable UCL'],
    ['Introduction to Equality, Diversity & Inclusion', 'Introduction to Equality, Diversity, and Inclusion'],
    ['Disclosing and managing conflicts of interests at UCL (2025)', 'Disclosing and managing conflicts of interests at UCL'],
    ['Disclosing & Managing Conflicts of Interest at UCL', 'Disclosing and managing conflicts of interests at UCL'],
    ['Information Security Training', 'Information Security Training'],
    ['Prevent', 'Prevent at UCL'],
    ['PREVENT.', 'Prevent at UCL'],
    ['UCL Safety Induction', 'UCL Safety Induction'],
    ['Prévent at UCL', 'Prevent at UCL'],
    ['\u201cUCL Fire Safety\u201d', 'UCL Fire Safety'],
  ])('%j is %j', (title, expected) => {
    expect(name(title)).toBe(expected);
    expect(matchCourse(title, courses)?.name).toBe(expected);
  });

  it.each([
    'Preventing falls in the lab',
    'Prevention of Harassment',
    'Prevent at UCL refresher quiz',
    'Fire Safety for Fire Wardens',
    'Data Protection for Researchers',
    'Information Security Policy',
    'UCL Safety',
    'Safety',
    'Moodle basics',
    '',
    '   ',
    '(2024)',
  ])('%j is not a catalogue course', (title) => {
    expect(match(title)).toBeNull();
    expect(matchCourse(title, courses)).toBeNull();
  });

  it('matches any name or alias with random case, spacing, punctuation and decoration', () => {
    const spacing = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', ' - ', ': ', ', ', ' / ', '_', '.');
    const edge = fc.constantFrom('', ' ', '  ', '.', '!', ':', ' *', '"', '\u201c');
    const tag = fc.constantFrom('', ' (2024)', ' [2025]', ' (v2)', '(v10)', ' (Version 3)', ' {2023-24}');
    const perturbed = fc
      .record({
        pick: fc.integer({ min: 0, max: labels.length - 1 }),
        upper: fc.array(fc.boolean(), { minLength: 120, maxLength: 120 }),
        gaps: fc.array(spacing, { minLength: 30, maxLength: 30 }),
        before: edge,
        after: edge,
        tag,
        ampersand: fc.boolean(),
        curly: fc.boolean(),
      })
      .map(({ pick, upper, gaps, before, after, tag, ampersand, curly }) => {
        const { label, course } = labels[pick]!;
        let text = label
          .split(/\s+/)
          .map((word) => word.replace(/,|:/g, ''))
          .map((word) => (ampersand && word.toLowerCase() === 'and' ? '&' : word))
          .reduce((acc, word, i) => (i === 0 ? word : acc + gaps[i % gaps.length] + word), '');
        text = [...text].map((c, i) => (upper[i % upper.length] ? c.toUpperCase() : c.toLowerCase())).join('');
        if (curly) text = `\u201c${text}\u201d`;
        return { title: before + text + tag + after, course };
      });
    fc.assert(
      fc.property(perturbed, ({ title, course }) => {
        expect(name(title)).toBe(course);
      }),
      { numRuns: 500 },
    );
  });

  it('never matches a catalogue label with extra words added', () => {
    const word = fc.stringMatching(/^[A-Za-z]{2,10}$/);
    fc.assert(
      fc.property(fc.constantFrom(...labels), word, fc.boolean(), ({ label }, extra, front) => {
        const title = front ? `${extra} ${label}` : `${label} ${extra}`;
        const hit = match(title);
        // Only if the longer text happens to be another label of the catalogue.
        if (hit) expect(labels.map((l) => normaliseTitle(l.label).replace(/ /g, ''))).toContain(normaliseTitle(title).replace(/ /g, ''));
      }),
    );
  });

  it('the first course wins when two claim the same title', () => {
    const a: Course = { name: 'Alpha', aliases: ['Shared'], platform: 'learnupon', cadenceMonths: 12, scope: 'all-staff' };
    const b: Course = { name: 'Beta', aliases: ['shared!'], platform: 'learnupon', cadenceMonths: 12, scope: 'all-staff' };
    expect(matchCourse('SHARED', [a, b])).toBe(a);
    expect(matchCourse('SHARED', [b, a])).toBe(b);
  });

  it('indexes 500 titles quickly', () => {
    const titles = Array.from({ length: 500 }, (_, i) => (i % 5 === 0 ? `Prevent at UCL (${2000 + (i % 30)})` : `Course number ${i}`));
    const started = performance.now();
    const hits = titles.map(match).filter(Boolean);
    expect(hits).toHaveLength(100);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('normaliseTitle on ASCII titles', () => {
  it('takes its ASCII way to the same words as the general one', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...' \t\n&\'`"()[]{}.,;:-/_!?0123456789abcxyzUCLFireSafetyv2024Version'.split('')), maxLength: 40 });
    const tagged = fc.tuple(ascii, fc.constantFrom('', ' (2024)', ' [2024/25].', ' (v2)', ' {Version 2.1}', " (2024) (v3) ", '&', "'s")).map(([a, b]) => a + b);
    fc.assert(fc.property(fc.oneof(ascii, tagged, fc.string({ maxLength: 30 })), (title) => {
      if (/[^\x00-\x7f]/.test(title)) return;
      expect(normaliseTitle(title)).toBe(normaliseAnyTitle(title));
    }), { numRuns: 3000 });
  });
});

describe('the quick refusal of texts that share no key\'s first letters', () => {
  /** The matcher without it: every title normalised and looked up. */
  const lookup = (list: readonly Course[]) => {
    const index = new Map<string, string>();
    for (const c of list) for (const l of [c.name, ...c.aliases]) if (titleKey(l) && !index.has(titleKey(l))) index.set(titleKey(l), c.name);
    return (title: string) => index.get(titleKey(title)) ?? null;
  };
  // Short names and aliases too (a key shorter than the compared head), beside the catalogue's.
  const withShort: Course[] = [...courses, { ...courses[0]!, name: 'DSE', aliases: ['A&B', 'x1'] }];
  // A later course whose name, written differently, has an earlier one's key: the earlier one wins, even
  // for the later one's name exactly as written (the matcher answers exact names without normalising).
  const clash = `${courses[0]!.name}.`;
  const withClash: Course[] = [...courses, { ...courses[1]!, name: clash, aliases: [] }];
  const decorated = fc.tuple(
    fc.constantFrom('', ' ', '  ', '&', "'", '"', '- ', 'UCL ', '(2024) '),
    fc.constantFrom(...labels.map((l) => l.label), 'DSE', 'A&B', 'x1', clash, 'Completed: 14/12/2025', 'Start', 'Ünïcode Fire Safety'),
    fc.constantFrom('', ' (2024)', ' [2024/25].', ' (v2)', ' {Version 2.1}', '.', ' x', "'s"),
  ).map(([a, b, c]) => a + b + c);
  const noise = fc.string({ unit: fc.constantFrom(...' &\'`"()[]{}.,:-/0123456789abdeilnprstxyzADFPSUCL\u00e9\u2019\u00a0⬇•…❶➀→™①'.split('')), maxLength: 30 });

  it('gives every title the same course as normalising it whole', () => {
    expect(createCourseMatcher(withClash)(clash)?.name).toBe(courses[0]!.name);
    for (const list of [courses, withShort, withClash]) {
      const fast = createCourseMatcher(list);
      const slow = lookup(list);
      fc.assert(fc.property(fc.oneof(decorated, noise, fc.string({ maxLength: 30 })), (title) => {
        expect(fast(title)?.name ?? null).toBe(slow(title));
      }), { numRuns: 3000 });
    }
  });

  it('reads the head as the key starts, or leaves it to the whole normalisation', () => {
    expect(asciiHead('Data Protection & Freedom')).toBe('datap');
    expect(asciiHead("& UCL's")).toBe('anduc');
    expect(asciiHead('A&B')).toBe('aandb');
    expect(asciiHead('Ünïcode')).toBeNull();
    expect(asciiHead('⬇ Download certificate')).toBe('downl');
    expect(asciiHead('❶ Fire')).toBeNull();
    expect(asciiHead('12/03/2025')).toBe('12032');
  });

  it('passes over a character outside ASCII only when the whole normalisation drops it too', () => {
    for (let c = 0x80; c < 0x3000; c++) {
      const title = `x${String.fromCharCode(c)}yz12`;
      const head = asciiHead(title);
      if (head !== null) expect(head, `U+${c.toString(16)}`).toBe(titleKey(title).slice(0, 5));
    }
  });
});

describe('the test of a piece of text a title may hold', () => {
  const piece = createTitlePieceTest(courses);

  it('lets through every piece of every title that names a course, however the page splits it', () => {
    const titled = fc
      .record({
        pick: fc.integer({ min: 0, max: labels.length - 1 }),
        upper: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        ampersand: fc.boolean(),
        before: fc.constantFrom('', ' ', '\u201c', '• ', '"'),
        after: fc.constantFrom('', '.', ' *', '\u201d', ':'),
        tag: fc.constantFrom('', ' (2024)', ' [2024/25].', ' (v2)', ' {Version 2.1}', ' (2024) (v3) '),
        cuts: fc.array(fc.nat(), { maxLength: 6 }),
      })
      .map(({ pick, upper, ampersand, before, after, tag, cuts }) => {
        let text = labels[pick]!.label.replace(/\band\b/gi, (w) => (ampersand ? '&' : w));
        text = [...text].map((c, i) => (upper[i % upper.length] ? c.toUpperCase() : c.toLowerCase())).join('');
        const title = before + text + tag + after;
        const at = [...new Set(cuts.map((c) => c % (title.length + 1)))].sort((a, b) => a - b);
        const pieces = [0, ...at].map((from, i) => title.slice(from, [...at, title.length][i]));
        return { title, pieces };
      });
    fc.assert(
      fc.property(titled, ({ title, pieces }) => {
        expect(name(title), title).not.toBeNull();
        for (const p of pieces) expect(piece(p), JSON.stringify({ title, p })).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses the other words a dashboard shows, and lets through what it cannot rule out', () => {
    for (const text of ['Completed', 'Not started', 'Due date', 'Start course', 'Download certificate', 'Score:', 'Certificate expires:', 'My courses'])
      expect(piece(text), text).toBe(false);
    // Digits, brackets and characters outside ASCII may belong to a title's tag or fold into its letters.
    for (const text of ['Enrolled: 15/11/2026', '(2024)', 'Version', 'Sécurité']) expect(piece(text), text).toBe(true);
  });
});
