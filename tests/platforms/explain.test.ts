// @vitest-environment jsdom
// "What I read on this page" as data: each entry with the words it went by, and what was seen but not counted.
import { describe, expect, it } from 'vitest';
import { createCourseMatcher, createTitlePieceTest } from '@/utils/catalogue/match';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { readLearnUponCourses } from '@/utils/platforms/learnupon/courses';
import { explainReading } from '@/utils/platforms/explain';
import { readCybSafeCompletion } from '@/utils/platforms/cybsafe/read';
import { personaEnrollments } from '../fixtures/persona';
import { portalDate } from '../fixtures/sites/learnupon/model';
import { renderDashboard } from '../fixtures/sites/learnupon/pages';
import { NHS_PORTAL, renderCatalogue, renderNhsDashboard, variantPaths } from '../fixtures/sites/learnupon/variants';
import { renderCybSafeHome } from '../fixtures/sites/cybsafe/pages';
import { loadPage } from './learnupon/jsdom';

const TODAY = new Date('2026-11-28T09:00:00Z');
const match = createCourseMatcher(UCL_PROFILE.courses);
// As the content script reads: texts no title can hold are not looked at.
const titlePiece = createTitlePieceTest(UCL_PROFILE.courses);
const courseOf = (title: string) => match(title)?.name ?? null;
const read = (doc: Document) => readLearnUponCourses(doc, 'day-first', { courseKey: courseOf, titlePiece });

describe('explainReading', () => {
  it('on the dashboard: title as shown → catalogue name, status word, each date with its label; the course outside the catalogue is not counted', () => {
    const entries = read(loadPage(renderDashboard({ today: TODAY }), 'https://ucl.learnupon.com/dashboard'));
    const reading = explainReading(entries, { courseOf, otherPortal: false });
    const prevent = personaEnrollments(TODAY).find((e) => e.catalogueName === 'Prevent at UCL')!;
    expect(reading.counted.find((e) => e.course === 'Prevent at UCL')).toEqual({
      index: personaEnrollments(TODAY).findIndex((e) => e.id === prevent.id),
      titleShown: 'Prevent at UCL (2024)',
      course: 'Prevent at UCL',
      status: 'completed',
      statusShown: 'Completed',
      statusFromDate: false,
      dates: [{ kind: 'completed', iso: prevent.completedOn, text: portalDate(prevent.completedOn!, 'day-first', 'numeric'), label: 'Completed' }],
      enrollmentId: prevent.id,
      foundBy: 'enrollment-link',
      claims: true,
      notCounted: null,
    });
    expect(reading.notCounted.map((e) => [e.titleShown, e.notCounted])).toEqual([['Research Data Management Essentials', 'not-mandatory']]);
    // JSON-safe: what the side panel receives is what the content script read.
    expect(JSON.parse(JSON.stringify(reading))).toEqual(reading);
  });

  it("another organisation's portal: nothing counts, and says why", () => {
    const entries = read(loadPage(renderNhsDashboard({ today: TODAY }), `https://${NHS_PORTAL.host}/dashboard`));
    const reading = explainReading(entries, { courseOf, otherPortal: true });
    expect(reading.counted).toEqual([]);
    expect(reading.notCounted.map((e) => [e.titleShown, e.course, e.notCounted])).toEqual([
      ['Prevent Duty', 'Prevent at UCL', 'other-portal'],
      ['Data Protection', 'Data Protection and Freedom of Information', 'other-portal'],
      ['Equality, Diversity and Inclusion', 'Introduction to Equality, Diversity, and Inclusion', 'other-portal'],
      ['Information Governance and Data Security', null, 'not-mandatory'],
    ]);
  });

  it('a failed attempt and one awaiting review are seen but not counted', () => {
    const html = `<main><ul><li><h3><a href="/enrollments/12345678/details">UCL Fire Safety</a></h3><span>Failed</span> <span>Completed on 2 Mar 2026</span></li>
      <li><h3><a href="/enrollments/12345679/details">Prevent at UCL</a></h3><span>Pending review</span></li></ul></main>`;
    const reading = explainReading(read(loadPage(html, 'https://ucl.learnupon.com/x')), { courseOf, otherPortal: false });
    expect(reading.notCounted.map((e) => [e.course, e.notCounted, e.statusShown])).toEqual([
      ['UCL Fire Safety', 'failed-attempt', 'Failed'],
      ['Prevent at UCL', 'awaiting-review', 'Pending review'],
    ]);
  });

  it('catalogue entries that make no claim of their own are read, and say so', () => {
    const reading = explainReading(read(loadPage(renderCatalogue({ today: TODAY }), `https://ucl.learnupon.com${variantPaths.catalogue}`)), { courseOf, otherPortal: false });
    expect(reading.counted.length).toBeGreaterThan(0);
    expect(reading.counted.every((e) => !e.claims && e.foundBy === 'catalogue-title' && e.dates.length === 0)).toBe(true);
  });

  it('takes entries of a reader that does not say what it read by (CybSafe)', () => {
    const entries = readCybSafeCompletion(loadPage(renderCybSafeHome({ today: TODAY }), 'https://app.cybsafe.com/'), 'day-first');
    const [entry] = explainReading(entries, { courseOf, otherPortal: false }).counted;
    expect(entry).toMatchObject({ course: 'Information Security Training', foundBy: 'page', statusShown: null, dates: [] });
  });
});
