// @vitest-environment jsdom
// The LearnUpon reader on pages it was not built against (issue 12): a learning path, the catalogue and its
// search results, details as a definition list, a list drawn after load, another organisation's portal.
// Read with the catalogue, as the content script reads them, and taken through the renewal rules.
import { describe, expect, it } from 'vitest';
import { createCourseMatcher, createTitlePieceTest } from '@/utils/catalogue/match';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { londonDate } from '@/utils/dates/calendar';
import { readLearnUponCourses } from '@/utils/platforms/learnupon/courses';
import { makesClaim, type PageCourse } from '@/utils/platforms/types';
import { recordId, type CompletionRecord } from '@/utils/records';
import { summariseCourses } from '@/utils/renewal/summary';
import { personaEnrollments } from '../../fixtures/persona';
import {
  CATALOGUE,
  NHS_PORTAL,
  learningPathCourses,
  myLearningRows,
  nhsEnrollments,
  renderCatalogue,
  renderCourseDetailsDl,
  renderDrawnAfterLoad,
  renderLearningPath,
  renderNhsDashboard,
  slugOf,
  variantPaths,
} from '../../fixtures/sites/learnupon/variants';
import { loadPage } from './jsdom';

const TODAY = new Date('2026-11-28T09:00:00Z');
const ORIGIN = 'https://ucl.learnupon.com';
const match = createCourseMatcher(UCL_PROFILE.courses);
// As the content script reads: texts no title can hold are not looked at.
const titlePiece = createTitlePieceTest(UCL_PROFILE.courses);
const courseKey = (title: string) => match(title)?.name ?? null;

function read(doc: Document): PageCourse[] {
  return readLearnUponCourses(doc, 'day-first', { courseKey, titlePiece });
}

/** What the content script keeps of a page: a record per catalogue entry that says anything of its own. */
function records(courses: PageCourse[], pageUrl: string): CompletionRecord[] {
  return courses.flatMap((c) => {
    const course = match(c.title);
    if (!course || !makesClaim(c)) return [];
    const base = { course: course.name, title: c.title, status: c.status, completedOn: c.completedOn, dueOn: c.dueOn, certExpiresOn: c.certExpiresOn, enrollmentId: c.enrollmentId, certificateUrl: c.certificateUrl, source: 'learnupon' as const, sourceUrl: pageUrl, seenAt: '2026-11-28T09:00:00.000Z', countsForCompliance: true };
    return [{ ...base, id: recordId(base) }];
  });
}

describe('a learning path', () => {
  const url = ORIGIN + variantPaths.learningPath;
  const doc = loadPage(renderLearningPath({ today: TODAY }), url);
  const path = learningPathCourses(TODAY);

  it('reads every course with its state and dates, whether it links an enrollment or not', () => {
    const courses = read(doc);
    expect(courses.map((c) => ({ title: c.title, status: c.status, completedOn: c.completedOn, certExpiresOn: c.certExpiresOn, dueOn: c.dueOn, enrollmentId: c.enrollmentId }))).toEqual(
      path.map((c) => ({
        title: c.title,
        status: { Completed: 'completed', Passed: 'passed', 'Not Started': 'not-started', 'In Progress': 'in-progress' }[c.state],
        completedOn: c.completedOn,
        certExpiresOn: c.certExpiresOn,
        dueOn: c.dueOn,
        enrollmentId: c.enrollmentId,
      })),
    );
    expect(courses.every((c) => c.anchor.tagName === 'H2')).toBe(true);
    expect(courses.map((c) => c.reading?.foundBy)).toEqual(path.map((c) => (c.enrollmentId ? 'enrollment-link' : 'catalogue-title')));
  });

  it('gives each course the status and due date it should have, on a profile that read only this page', () => {
    const lines = summariseCourses(records(read(doc), url), UCL_PROFILE, londonDate(TODAY));
    for (const c of path) {
      const line = lines.find((l) => l.course.name === c.catalogueName)!;
      expect({ course: c.catalogueName, status: line.status, due: line.due ?? '' }).toEqual({ course: c.catalogueName, ...c.expected });
    }
  });

  it('without the catalogue, finds only the course that links its enrollment', () => {
    expect(readLearnUponCourses(doc, 'day-first').map((c) => c.title)).toEqual(['UCL Fire Safety']);
  });
});

describe('the catalogue and its search results', () => {
  it('reads each catalogue course as an entry that makes no claim of its own', () => {
    const courses = read(loadPage(renderCatalogue({ today: TODAY }), ORIGIN + variantPaths.catalogue));
    const mandatory = CATALOGUE.filter((c) => match(c.title));
    expect(courses.map((c) => c.title)).toEqual(mandatory.map((c) => c.title));
    expect(courses.some(makesClaim)).toBe(false);
    expect(courses.every((c) => c.anchor.tagName === 'H3')).toBe(true);
  });

  it('reads only the results shown', () => {
    const courses = read(loadPage(renderCatalogue({ today: TODAY, search: 'safety' }), `${ORIGIN}${variantPaths.catalogue}?search=safety`));
    expect(courses.map((c) => c.title)).toEqual(['UCL Fire Safety', 'UCL Safety Induction']);
  });
});

describe('course details as a definition list, at an address never seen', () => {
  it.each(personaEnrollments(TODAY).filter((e) => e.catalogueName).map((e) => [e.title, e] as const))('%s', (_, e) => {
    const doc = loadPage(renderCourseDetailsDl(e, { today: TODAY }), ORIGIN + variantPaths.courseDetails(slugOf(e.title)));
    const [course, ...rest] = read(doc);
    expect(rest).toEqual([]);
    expect(course).toMatchObject({
      title: e.title,
      status: { completed: 'completed', passed: 'passed', not_started: 'not-started', in_progress: 'in-progress' }[e.status],
      completedOn: e.completedOn,
      certExpiresOn: e.certExpiresOn,
      dueOn: e.dueOn,
      enrollmentId: null,
      // "Self-paced course · about 30 minutes" under the title (issue 17).
      minutes: 30,
    });
    expect(course!.anchor.tagName).toBe('H1');
  });
});

describe('a list drawn after load', () => {
  it('is read once drawn', async () => {
    const rows = myLearningRows(TODAY);
    const doc = loadPage(renderDrawnAfterLoad({ today: TODAY }), ORIGIN + variantPaths.drawnAfterLoad, {
      runScripts: true,
      beforeParse: (win) => Object.assign(win, { fetch: async () => ({ json: async () => rows }) }),
    });
    expect(read(doc)).toEqual([]);
    await new Promise((resolve) => doc.defaultView!.setTimeout(resolve, 900));
    const courses = read(doc);
    expect(courses.map((c) => c.title)).toEqual(rows.map((r) => r.title));
    const byTitle = new Map(personaEnrollments(TODAY).filter((e) => e.catalogueName).map((e) => [e.title, e]));
    // Rows of the same title (Data Protection's two enrollments) each keep their own dates.
    expect(courses.map((c) => [c.completedOn, c.certExpiresOn, c.dueOn])).toEqual(
      personaEnrollments(TODAY).filter((e) => e.catalogueName).map((e) => [e.completedOn, e.certExpiresOn, e.dueOn]),
    );
    expect(courses.every((c) => byTitle.has(c.title) && c.anchor.tagName === 'A')).toBe(true);
    doc.defaultView!.close();
  });
});

describe("another organisation's portal", () => {
  it('is read like any portal (what counts is decided by where it was read)', () => {
    const doc = loadPage(renderNhsDashboard({ today: TODAY }), `https://${NHS_PORTAL.host}/dashboard`);
    expect(read(doc).map((c) => [c.title, c.enrollmentId, c.status])).toEqual(
      nhsEnrollments(TODAY).map((e) => [e.title, e.id, { completed: 'completed', passed: 'passed', not_started: 'not-started', in_progress: 'in-progress' }[e.status]]),
    );
  });
});
