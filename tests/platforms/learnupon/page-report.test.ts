// @vitest-environment jsdom
// The page report (issue 12 item 6): no string of the persona survives in a report of any demo page or of
// random layouts, and the reader run on the report finds the same entries, statuses and kinds of dates as on
// the page itself, every date moved by the same offset.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCourseMatcher, createTitlePieceTest } from '@/utils/catalogue/match';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { daysBetween } from '@/utils/dates/calendar';
import { datesInText } from '@/utils/dates/shift';
import { textNodes } from '@/utils/dom/text';
import { readLearnUponAccount } from '@/utils/platforms/learnupon/account';
import { readLearnUponCourses } from '@/utils/platforms/learnupon/courses';
import { READER_WORDS, learnUponPageReport } from '@/utils/platforms/learnupon/page-report';
import type { PageCourse } from '@/utils/platforms/types';
import { PERSONA, personaEnrollments } from '../../fixtures/persona';
import { paths, portalDate } from '../../fixtures/sites/learnupon/model';
import { renderDashboard, renderEnrollmentDetails, renderPlayer, renderProfile } from '../../fixtures/sites/learnupon/pages';
import {
  NHS_PORTAL,
  myLearningRows,
  nhsEnrollments,
  renderCatalogue,
  renderCourseDetailsDl,
  renderDrawnAfterLoad,
  renderErrorTitledCourse,
  renderLearningPath,
  renderNhsDashboard,
  renderQuotingLesson,
  renderSignInHelp,
  slugOf,
  variantPaths,
} from '../../fixtures/sites/learnupon/variants';
import { parsePage } from '../../diagnostics/dom';
import { loadPage } from './jsdom';
import { seeded } from '../../fixtures/random';
import { layoutArb } from './layouts';

const TODAY = new Date('2026-11-28T09:00:00Z');
const LU = 'https://ucl.learnupon.com';
const match = createCourseMatcher(UCL_PROFILE.courses);
// As the content script reads: texts no title can hold are not looked at.
const titlePiece = createTitlePieceTest(UCL_PROFILE.courses);
const courseKey = (title: string) => match(title)?.name ?? null;

const read = (doc: Document) => readLearnUponCourses(doc, 'day-first', { courseKey, titlePiece });

/** What must be the same on the report: which courses, statuses, and which kinds of date each shows. */
function facts(courses: PageCourse[]) {
  return courses.map((c) => ({
    course: courseKey(c.title),
    found: c.reading?.foundBy,
    status: c.status,
    kinds: c.reading?.dates.map((d) => d.kind),
    ids: c.enrollmentId !== null,
  }));
}

/** The report of `doc`, checked: same facts, one offset for every date, nothing of `persona` left. */
function checkReport(doc: Document, url: string, persona: string[], seed: number): string {
  const report = learnUponPageReport(doc, { courseKey, order: 'day-first', random: seeded(seed) });
  const again = parsePage(report, url);
  const before = read(doc);
  const after = read(again);
  expect(facts(after)).toEqual(facts(before));
  // Every date moved by the same number of days, never by none.
  const shifts = new Set(before.flatMap((c, i) => c.reading!.dates.map((d, j) => daysBetween(d.iso, after[i]!.reading!.dates[j]!.iso))));
  expect(shifts.size).toBeLessThanOrEqual(1);
  expect(shifts.has(0)).toBe(false);
  for (const s of persona) {
    // A number or date counts as itself, not as the tail of another ("6 Nov 2029" inside "26 Nov 2029").
    const whole = new RegExp(`(?<!\\d)${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\d)`);
    expect(whole.test(report), `“${s}” survived`).toBe(false);
  }
  return report;
}

/** The page's own free text (not catalogue titles, not the words the reader goes by): sentences of 25+ characters. */
function freeText(doc: Document): string[] {
  return textNodes(doc.body)
    .map((t) => (t.nodeValue ?? '').replace(/\s+/g, ' ').trim())
    .filter((t) => t.length >= 25 && !courseKey(t) && !/\d/.test(t) && !t.split(/[^\p{L}]+/u).filter(Boolean).every((w) => READER_WORDS.has(w.toLowerCase())));
}

/** Every date the page prints, in each of the portal's styles (and ISO). */
function printedDates(doc: Document): string[] {
  const dates = textNodes(doc.body).flatMap((t) => datesInText(t.nodeValue ?? '', 'day-first'));
  return dates.flatMap((iso) => [iso, portalDate(iso, 'day-first', 'numeric'), portalDate(iso, 'day-first', 'short'), portalDate(iso, 'day-first', 'long')]);
}

const ids = [...personaEnrollments(TODAY).map((e) => e.id), ...nhsEnrollments(TODAY).map((e) => e.id)];
const who = [PERSONA.name, PERSONA.email, PERSONA.personalEmail, PERSONA.loginId, NHS_PORTAL.email, 'Alex', 'Taylor'];

const demoPages: [string, string, () => Document][] = [
  ...(['all', 'completed', 'not_started', 'in_progress'] as const).map((filter): [string, string, () => Document] => [`dashboard (${filter})`, `${LU}/dashboard`, () => loadPage(renderDashboard({ today: TODAY, filter }), `${LU}/dashboard`)]),
  ['dashboard signed in with a personal account', `${LU}/dashboard`, () => loadPage(renderDashboard({ today: TODAY, persona: 'personal' }), `${LU}/dashboard`)],
  ...personaEnrollments(TODAY).flatMap((e): [string, string, () => Document][] => [
    [`details ${e.id}`, LU + paths.details(e.id), () => loadPage(renderEnrollmentDetails(e, { today: TODAY }), LU + paths.details(e.id))],
    [`player ${e.id}`, LU + paths.player(e.id, '3000001'), () => loadPage(renderPlayer(e, '3000001', { today: TODAY }), LU + paths.player(e.id, '3000001'))],
  ]),
  ...personaEnrollments(TODAY)
    .filter((e) => e.catalogueName)
    .map((e): [string, string, () => Document] => [`details as a list: ${e.title}`, LU + variantPaths.courseDetails(slugOf(e.title)), () => loadPage(renderCourseDetailsDl(e, { today: TODAY }), LU + variantPaths.courseDetails(slugOf(e.title)))]),
  ['profile', `${LU}/users/profile`, () => loadPage(renderProfile({ today: TODAY }), `${LU}/users/profile`)],
  ['learning path', LU + variantPaths.learningPath, () => loadPage(renderLearningPath({ today: TODAY }), LU + variantPaths.learningPath)],
  ['catalogue', LU + variantPaths.catalogue, () => loadPage(renderCatalogue({ today: TODAY }), LU + variantPaths.catalogue)],
  ['search results', `${LU}${variantPaths.catalogue}?search=safety`, () => loadPage(renderCatalogue({ today: TODAY, search: 'safety' }), `${LU}${variantPaths.catalogue}?search=safety`)],
  ['lesson quoting errors', LU + variantPaths.lesson, () => loadPage(renderQuotingLesson({ today: TODAY }), LU + variantPaths.lesson)],
  ['course titled with an error', `${LU}/enrollments/120553002/details`, () => loadPage(renderErrorTitledCourse({ today: TODAY }), `${LU}/enrollments/120553002/details`)],
  ['help article', LU + variantPaths.help, () => loadPage(renderSignInHelp({ today: TODAY }), LU + variantPaths.help)],
  ["another organisation's portal", `https://${NHS_PORTAL.host}/dashboard`, () => loadPage(renderNhsDashboard({ today: TODAY }), `https://${NHS_PORTAL.host}/dashboard`)],
];

describe('a report of every demo page', () => {
  it.each(demoPages)('%s', (_, url, make) => {
    const doc = make();
    const report = checkReport(doc, url, [...who, ...ids, ...printedDates(doc), ...freeText(doc)], 7);
    // The structure is kept: tags, roles, ARIA attributes and class names.
    expect(report).toMatch(/<main[^>]*>/);
    for (const el of Array.from(doc.querySelectorAll('[role]')).slice(0, 20)) expect(report).toContain(`role="${el.getAttribute('role')}"`);
  });

  it('the list drawn after load, once drawn', async () => {
    const rows = myLearningRows(TODAY);
    const doc = loadPage(renderDrawnAfterLoad({ today: TODAY }), LU + variantPaths.drawnAfterLoad, {
      runScripts: true,
      beforeParse: (win) => Object.assign(win, { fetch: async () => ({ json: async () => rows }) }),
    });
    await new Promise((resolve) => doc.defaultView!.setTimeout(resolve, 900));
    expect(read(doc).length).toBe(rows.length);
    checkReport(doc, LU + variantPaths.drawnAfterLoad, [...who, ...printedDates(doc)], 11);
    doc.defaultView!.close();
  });

  it('keeps catalogue titles, status and label words; the signed-in account keeps only its shape', () => {
    const doc = loadPage(renderDashboard({ today: TODAY }), `${LU}/dashboard`);
    const report = learnUponPageReport(doc, { courseKey, order: 'day-first', random: seeded(3) });
    for (const kept of ['Data Protection &amp; Freedom of Information', 'Prevent at UCL (2024)', 'Not started', 'Certificate expires:', 'Due date', 'Download training history']) expect(report).toContain(kept);
    expect(report).toContain('Xxxxxxxx Xxxx Xxxxxxxxxx Xxxxxxxxxx'); // a course outside the catalogue
    const account = readLearnUponAccount(parsePage(report, `${LU}/dashboard`));
    expect(account).toEqual({ name: 'Xxxx Xxxxxx', email: 'x.xxxxxx@xxx.xx.xx' });
  });

  it('a different random source gives a different offset and different stand-in numbers', () => {
    const doc = loadPage(renderDashboard({ today: TODAY }), `${LU}/dashboard`);
    const a = learnUponPageReport(doc, { courseKey, order: 'day-first', random: seeded(1) });
    const b = learnUponPageReport(doc, { courseKey, order: 'day-first', random: seeded(2) });
    expect(a).not.toBe(b);
  });
});

describe('reports of random layouts', () => {
  it('leave nothing of the persona, and the reader finds the same on the report as on the page', () => {
    fc.assert(
      fc.property(layoutArb, fc.integer(), (layout, seed) => {
        const url = `${LU}/learning/somewhere-new`;
        const doc = loadPage(layout.html, url);
        checkReport(doc, url, layout.persona, seed);
      }),
      { numRuns: 120 },
    );
  }, 60_000);

  it('and the reader reads the random layouts right in the first place', () => {
    fc.assert(
      fc.property(layoutArb, (layout) => {
        const doc = loadPage(layout.html, `${LU}/learning/somewhere-new`);
        const found = read(doc);
        const expected = layout.entries.filter((e) => e.catalogue || e.enrollmentId);
        expect(found.map((c) => c.title)).toEqual(expected.map((e) => e.title));
        found.forEach((c, i) => {
          const e = expected[i]!;
          const first = (kind: string) => e.dates.find((d) => d.kind === kind)?.iso ?? null;
          const status = e.status ?? (first('completed') ? 'completed' : 'unknown');
          expect({ status: c.status, completedOn: c.completedOn, dueOn: c.dueOn, certExpiresOn: c.certExpiresOn, enrollmentId: c.enrollmentId }).toEqual({
            status,
            completedOn: first('completed'),
            dueOn: first('due'),
            certExpiresOn: first('cert-expires'),
            enrollmentId: e.enrollmentId,
          });
        });
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
