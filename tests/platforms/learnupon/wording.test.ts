// The reader on wording and markup nobody here has seen (issue 12): weekday-prefixed dates with a time, a
// "Completed at" column, an expired certificate's date, <time datetime> without a year in its text, and a
// status shown only by an icon's accessible name. Each with the case where it must not read.
import { describe, expect, it } from 'vitest';
import { readLearnUponCourses } from '@/utils/platforms/learnupon/courses';
import type { PageCourse } from '@/utils/platforms/types';
import { createCourseMatcher, createTitlePieceTest } from '@/utils/catalogue/match';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { recordId, type CompletionRecord } from '@/utils/records';
import { summariseCourses } from '@/utils/renewal/summary';
import { loadPage } from './jsdom';

const match = createCourseMatcher(UCL_PROFILE.courses);
// As the content script reads: texts no title can hold are not looked at.
const titlePiece = createTitlePieceTest(UCL_PROFILE.courses);
const courseKey = (title: string) => match(title)?.name ?? null;

function read(html: string, path = '/learning'): PageCourse[] {
  return readLearnUponCourses(loadPage(`<!doctype html><body>${html}</body>`, `https://ucl.learnupon.com${path}`), 'day-first', { courseKey, titlePiece });
}

/** What the renewal rules see of an entry: status and the three dates. */
const facts = (c: PageCourse) => [c.title, c.status, c.completedOn, c.dueOn, c.certExpiresOn];

describe('dates with a weekday, a time or an ordinal', () => {
  it('reads "Completed: Tue, 12 Mar 2024 14:32" and "Completion date 12th March 2024" as completions', () => {
    const courses = read(`<main>
      <div><h3><a href="/enrollments/555555556/details">Prevent at UCL</a></h3><p>Status: Completed</p><p>Completed: Tue, 12 Mar 2024 14:32</p></div>
      <div><h3><a href="/enrollments/555555557/details">UCL Fire Safety</a></h3><p>Status: Completed</p><p>Completion date 12th March 2024</p></div></main>`);
    expect(courses.map(facts)).toEqual([
      ['Prevent at UCL', 'completed', '2024-03-12', null, null],
      ['UCL Fire Safety', 'completed', '2024-03-12', null, null],
    ]);
    expect(courses[0]!.reading!.dates).toEqual([{ kind: 'completed', iso: '2024-03-12', text: 'Tue, 12 Mar 2024', label: 'Completed' }]);
  });

  it('takes a status word followed by a weekday-prefixed date as that date’s label', () => {
    const [course] = read(`<ul><li><a href="/enrollments/555555551/details">UCL Fire Safety</a> <span>Completed</span> <span>Wednesday, 13 March 2024</span></li></ul>`);
    expect(facts(course!)).toEqual(['UCL Fire Safety', 'completed', '2024-03-13', null, null]);
    expect(course!.reading!.statusFromDate).toBe(true);
  });

  it('reads a timestamp under a "Completed at" column and a date under "Expires at"', () => {
    const courses = read(`<main><table>
      <tr><th>Course name</th><th>Enrollment status</th><th>Completed at</th><th>Expires at</th></tr>
      <tr><td>UCL Fire Safety</td><td>completed</td><td>12/03/2024 09:15</td><td>12/03/2027</td></tr></table></main>`);
    expect(courses.map(facts)).toEqual([['UCL Fire Safety', 'completed', '2024-03-12', null, '2027-03-12']]);
    expect(courses[0]!.reading!.dates.map((d) => [d.kind, d.label])).toEqual([
      ['completed', 'Completed at'],
      ['cert-expires', 'Expires at'],
    ]);
  });

  it('reads no date from a weekday or a time alone, nor from a date after a time with no label of its own', () => {
    const courses = read(`<ul><li><a href="/enrollments/555555552/details">UCL Fire Safety</a> <span>In progress</span>
      <p>Last accessed Tuesday 14:32</p><p>Completed 09:15 12/03/2024</p></li></ul>`);
    expect(facts(courses[0]!)).toEqual(['UCL Fire Safety', 'in-progress', null, null, null]);
  });

  it('takes "Passed" before a date as a completion label, but not "Not passed" or "Not yet completed"', () => {
    const courses = read(`<ul>
      <li><a href="/enrollments/555555553/details">UCL Fire Safety</a> <span>Passed</span> <span>Mon 11 Mar 2024</span></li>
      <li><a href="/enrollments/555555554/details">Prevent at UCL</a> <span>Failed</span> <span>Not passed 11 Mar 2024</span> <span>Not yet completed: 12 Mar 2024</span></li></ul>`);
    expect(courses.map(facts)).toEqual([
      ['UCL Fire Safety', 'completed', '2024-03-11', null, null],
      ['Prevent at UCL', 'failed', null, null, null],
    ]);
  });
});

describe('an expired certificate', () => {
  const html = `<main><div class="tile"><h3><a href="/enrollments/555555559/details">UCL Fire Safety</a></h3>
    <span class="label">Completed</span><span>Completed 1 Nov 2024</span><span>Certificate expired 1 Nov 2025</span></div></main>`;

  it('reads "Certificate expired 1 Nov 2025" as the certificate’s expiry', () => {
    expect(read(html).map(facts)).toEqual([['UCL Fire Safety', 'completed', '2024-11-01', null, '2025-11-01']]);
  });

  it('is what the renewal rules go by: the course is overdue from the expiry, not current by its 3-year cadence', () => {
    const [course] = read(html);
    const base = {
      course: 'UCL Fire Safety', title: course!.title, status: course!.status, completedOn: course!.completedOn, dueOn: course!.dueOn, certExpiresOn: course!.certExpiresOn,
      enrollmentId: course!.enrollmentId, certificateUrl: null, source: 'learnupon' as const, sourceUrl: 'https://ucl.learnupon.com/learning', seenAt: '2026-01-15T09:00:00.000Z', countsForCompliance: true,
    };
    const record: CompletionRecord = { ...base, id: recordId(base) };
    const fire = summariseCourses([record], UCL_PROFILE, '2026-01-15').find((s) => s.course.name === 'UCL Fire Safety')!;
    expect([fire.status, fire.due, fire.basis]).toEqual(['overdue', '2025-11-01', 'certificate']);
  });

  it('reads an "Access expired" date as another date, and the word "Expired" with no date as no date', () => {
    const courses = read(`<main>
      <div><h3><a href="/enrollments/555555560/details">UCL Fire Safety</a></h3><span>Completed</span><span>Access expired 1 Nov 2025</span></div>
      <div><h3><a href="/enrollments/555555561/details">Prevent at UCL</a></h3><span>Expired</span><span>Certificate expired</span></div></main>`);
    expect(courses.map(facts)).toEqual([
      ['UCL Fire Safety', 'completed', null, null, null],
      ['Prevent at UCL', 'unknown', null, null, null],
    ]);
    expect(courses[0]!.reading!.dates.map((d) => d.kind)).toEqual(['other']);
  });
});

describe('<time datetime>', () => {
  it('reads the machine-readable date when the text shown lacks the year', () => {
    const courses = read(`<main><div class="tile"><h3><a href="/enrollments/555555560/details">Prevent at UCL</a></h3>
      <span class="label">Passed</span><time datetime="2024-05-01">1 May</time></div>
      <div class="tile"><h3><a href="/enrollments/555555562/details">UCL Fire Safety</a></h3>
      <span>In progress</span><span>Due date <time datetime="2026-12-20T00:00:00Z">20 Dec</time></span></div></main>`);
    expect(courses.map(facts)).toEqual([
      ['Prevent at UCL', 'passed', '2024-05-01', null, null],
      ['UCL Fire Safety', 'in-progress', null, '2026-12-20', null],
    ]);
    expect(courses[1]!.reading!.dates).toEqual([{ kind: 'due', iso: '2026-12-20', text: '20 Dec', label: 'Due date' }]);
  });

  it('goes by the text shown when it has the whole date, and reads no date from an unlabelled <time> or a duration', () => {
    const courses = read(`<main>
      <div><h3><a href="/enrollments/555555563/details">UCL Fire Safety</a></h3><span>In progress</span>
        <span>Due <time datetime="2026-12-20">21/12/2026</time></span></div>
      <div><h3><a href="/enrollments/555555564/details">Prevent at UCL</a></h3><span>In progress</span>
        <p><time datetime="2024-05-01">1 May</time></p><p>Due <time datetime="PT30M">30 min</time></p></div></main>`);
    expect(courses.map(facts)).toEqual([
      ['UCL Fire Safety', 'in-progress', null, '2026-12-21', null],
      ['Prevent at UCL', 'in-progress', null, null, null],
    ]);
  });
});

describe('a status shown by an icon alone', () => {
  it('reads the icon’s accessible name, tooltip or alternative text as the status word', () => {
    const courses = read(`<main><ul role="list">
      <li><a href="/enrollments/555555555/details"><h3>UCL Fire Safety</h3></a><span class="icon icon-check" role="img" aria-label="Completed"></span><span>12/03/2025</span></li>
      <li><a href="/enrollments/555555565/details"><h3>Prevent at UCL</h3></a><i class="fa fa-check" aria-hidden="true" title="Passed">✓</i></li>
      <li><a href="/enrollments/555555566/details"><h3>Change Possible: Sustainable UCL</h3></a><img src="/i/half.svg" alt="In progress"></li>
    </ul></main>`);
    expect(courses.map((c) => [c.title, c.status, c.reading!.statusText])).toEqual([
      ['UCL Fire Safety', 'completed', 'Completed'],
      ['Prevent at UCL', 'passed', 'Passed'],
      ['Change Possible: Sustainable UCL', 'in-progress', 'In progress'],
    ]);
    // The unlabelled date stays unread: an icon is a status, not a date's label.
    expect(courses[0]!.completedOn).toBeNull();
  });

  it('does not take an icon-only control, an element with words of its own or the page furniture for a course’s status', () => {
    const courses = read(`<main>
      <nav aria-label="Filters"><a href="?filter=completed" aria-label="Completed"><svg></svg></a></nav>
      <ul role="list">
        <li><a href="/enrollments/555555567/details"><h3>UCL Fire Safety</h3></a><button type="button" aria-label="Completed"><i class="fa fa-filter"></i></button></li>
        <li><section aria-label="Completed"><a href="/enrollments/555555568/details"><h3>Prevent at UCL</h3></a><p>Not started</p></section></li>
        <li><a href="/enrollments/555555569/details"><h3>UCL Safety Induction</h3></a><span role="img" aria-label="Completed 5 of 8 modules"></span></li>
      </ul></main>`);
    expect(courses.map((c) => [c.title, c.status])).toEqual([
      ['UCL Fire Safety', 'unknown'],
      ['Prevent at UCL', 'not-started'],
      ['UCL Safety Induction', 'unknown'],
    ]);
  });
});
