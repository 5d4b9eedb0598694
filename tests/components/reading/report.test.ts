// @vitest-environment jsdom
// The page report as the side panel makes it from the page's copy: nothing of the persona survives in it,
// it says the date order its numeric dates are in, and reading it back finds what the extension read on
// the page (the panel says so; when it does not, the panel says that instead).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makePageReport } from '@/components/reading/report';
import { createCourseMatcher, createTitlePieceTest } from '@/utils/catalogue/match';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import type { PageReadAnswer } from '@/utils/data/messages';
import { datesInText } from '@/utils/dates/shift';
import { textNodes } from '@/utils/dom/text';
import { readCybSafeCompletion } from '@/utils/platforms/cybsafe/read';
import { explainReading } from '@/utils/platforms/explain';
import { readLearnUponCourses } from '@/utils/platforms/learnupon/courses';
import type { CourseReader } from '@/utils/platforms/types';
import { PERSONA, personaCybsafe, personaEnrollments } from '../../fixtures/persona';
import { longDate, renderCybSafeHome } from '../../fixtures/sites/cybsafe/pages';
import { portalDate } from '../../fixtures/sites/learnupon/model';
import { renderDashboard } from '../../fixtures/sites/learnupon/pages';
import { NHS_PORTAL, nhsEnrollments, renderCourseDetailsDl, renderLearningPath, renderNhsDashboard, renderQuotingLesson, slugOf, variantPaths } from '../../fixtures/sites/learnupon/variants';
import { loadPage } from '../../platforms/learnupon/jsdom';
import { seeded } from '../../fixtures/random';
import { layoutArb } from '../../platforms/learnupon/layouts';

const TODAY = new Date('2026-11-28T09:00:00Z');
const LU = 'https://ucl.learnupon.com';
const match = createCourseMatcher(UCL_PROFILE.courses);
// As the content script reads: texts no title can hold are not looked at.
const titlePiece = createTitlePieceTest(UCL_PROFILE.courses);
const courseKey = (title: string) => match(title)?.name ?? null;

/** What the page's content script answers for `doc` (utils/content/page-reading.ts). */
function answerFor(doc: Document, site: PageReadAnswer['site'], read: CourseReader, otherPortal = false): PageReadAnswer {
  const entries = read(doc, 'day-first', { courseKey, titlePiece });
  const { counted, notCounted } = explainReading(entries, { courseOf: courseKey, otherPortal });
  const out = (e: (typeof counted)[number]) => ({ ...e, used: { completedOn: entries[e.index]!.completedOn, dueOn: entries[e.index]!.dueOn, certExpiresOn: entries[e.index]!.certExpiresOn } });
  return { site, pageUrl: doc.URL, otherPortal, counted: counted.map(out), notCounted: notCounted.map(out) };
}

function printedDates(doc: Document): string[] {
  return textNodes(doc.body)
    .flatMap((t) => datesInText(t.nodeValue ?? '', 'day-first'))
    .flatMap((iso) => [iso, portalDate(iso, 'day-first', 'numeric'), portalDate(iso, 'day-first', 'short'), portalDate(iso, 'day-first', 'long'), longDate(iso)]);
}

const whole = (s: string) => new RegExp(`(?<!\\d)${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\d)`);
const persona = [PERSONA.name, PERSONA.email, PERSONA.personalEmail, 'Alex', 'Taylor', NHS_PORTAL.email, ...personaEnrollments(TODAY).map((e) => e.id), ...nhsEnrollments(TODAY).map((e) => e.id)];

const pages: [string, string, PageReadAnswer['site'], CourseReader, boolean, () => string][] = [
  ['the dashboard', `${LU}/dashboard`, 'learnupon', readLearnUponCourses, false, () => renderDashboard({ today: TODAY })],
  ['a learning path', LU + variantPaths.learningPath, 'learnupon', readLearnUponCourses, false, () => renderLearningPath({ today: TODAY })],
  ...personaEnrollments(TODAY)
    .filter((e) => e.catalogueName)
    .map((e): [string, string, PageReadAnswer['site'], CourseReader, boolean, () => string] => [`details as a definition list: ${e.title}`, LU + variantPaths.courseDetails(slugOf(e.title)), 'learnupon', readLearnUponCourses, false, () => renderCourseDetailsDl(e, { today: TODAY })]),
  ['the NHS trust’s portal', `https://${NHS_PORTAL.host}/dashboard`, 'learnupon', readLearnUponCourses, true, () => renderNhsDashboard({ today: TODAY })],
  ['a lesson quoting errors', LU + variantPaths.lesson, 'learnupon', readLearnUponCourses, false, () => renderQuotingLesson({ today: TODAY })],
  ['CybSafe, completed', 'https://app.cybsafe.com/', 'cybsafe', readCybSafeCompletion, false, () => renderCybSafeHome({ today: TODAY, complete: true })],
  ['CybSafe, half done', 'https://app.cybsafe.com/', 'cybsafe', readCybSafeCompletion, false, () => renderCybSafeHome({ today: TODAY })],
];

describe('the page report made in the side panel', () => {
  it.each(pages)('%s: nothing of the persona, and read back it shows what was read on the page', (_, url, site, read, otherPortal, html) => {
    const doc = loadPage(html(), url);
    const answer = answerFor(doc, site, read, otherPortal);
    const made = makePageReport(html(), answer, UCL_PROFILE, seeded(5));
    expect(made).toMatchObject({ same: true, onPage: answer.counted.length + answer.notCounted.length });
    expect(made.inReport).toBe(made.onPage);
    expect(made.text).toMatch(/^<!doctype html>\n<!-- Page report from Mandatory Training Companion: a (LearnUpon|CybSafe) page, its text replaced and its dates moved; numeric dates are day first\. -->\n/);
    for (const s of [...persona, ...printedDates(doc), personaCybsafe(TODAY).completedOn, longDate(personaCybsafe(TODAY).completedOn)]) expect(whole(s).test(made.text), `“${s}” survived`).toBe(false);
  });

  it('says so when the report does not show what was read on the page', () => {
    const doc = loadPage(renderDashboard({ today: TODAY }), `${LU}/dashboard`);
    const answer = answerFor(doc, 'learnupon', readLearnUponCourses);
    const fewer = { ...answer, notCounted: [] };
    expect(makePageReport(renderDashboard({ today: TODAY }), fewer, UCL_PROFILE, seeded(5))).toMatchObject({ same: false, onPage: 6, inReport: 7 });
    const otherStatus = { ...answer, counted: answer.counted.map((e, i) => (i === 0 ? { ...e, status: 'failed' as const } : e)) };
    expect(makePageReport(renderDashboard({ today: TODAY }), otherStatus, UCL_PROFILE, seeded(5)).same).toBe(false);
  });

  it('parses the copy inertly: its scripts never run, and none is in the report', () => {
    const hostile = '<!doctype html><html><body><main><h1>Hi</h1><img src="x" onerror="window.__pwned = 1"><script>window.__pwned = 2</script></main></body></html>';
    const made = makePageReport(hostile, { site: 'learnupon', pageUrl: `${LU}/x`, otherPortal: false, counted: [], notCounted: [] }, UCL_PROFILE);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    expect(made.text).not.toMatch(/<script|onerror/i);
    expect(made.same).toBe(true);
  });

  it('agrees with the page on random layouts', () => {
    fc.assert(
      fc.property(layoutArb, fc.integer(), (layout, seed) => {
        const url = `${LU}/learning/somewhere-new`;
        const doc = loadPage(layout.html, url);
        const made = makePageReport(layout.html, answerFor(doc, 'learnupon', readLearnUponCourses), UCL_PROFILE, seeded(seed));
        expect(made.same).toBe(true);
        for (const s of layout.persona) expect(whole(s).test(made.text), `“${s}” survived`).toBe(false);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
