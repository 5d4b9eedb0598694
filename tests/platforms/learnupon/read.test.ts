// @vitest-environment jsdom
// The LearnUpon reader against the demo site's own HTML (rendered for a fixed day), and against layout
// variants it has never seen: the real markup is a guess, so the reader must survive a different one.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERSONA, personaEnrollments, type PersonaEnrollment } from '../../fixtures/persona';
import { paths, portalDate } from '../../fixtures/sites/learnupon/model';
import { renderDashboard, renderEnrollmentDetails, renderPlayer, renderProfile } from '../../fixtures/sites/learnupon/pages';
import { layoutArb } from './layouts';
import { readLearnUponAccount } from '@/utils/platforms/learnupon/account';
import { readLearnUponCourses } from '@/utils/platforms/learnupon/courses';
import { findTrainingHistoryButton, findTrainingHistoryLink } from '@/utils/platforms/learnupon/history-controls';
import type { PageCourse } from '@/utils/platforms/types';
import { createCourseMatcher, createTitlePieceTest } from '@/utils/catalogue/match';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import type { EnrollmentStatus } from '@/utils/records';

// jsdom ships no types (and @types/jsdom is not installed): type the one constructor used. A JSDOM of our own,
// not the test's global document, so each page has its real URL and, when asked, runs its own scripts.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string, options: { url: string; runScripts?: 'dangerously'; pretendToBeVisual?: boolean }) => { window: Window };
};

const TODAY = new Date('2026-11-28T09:00:00Z');
const ORIGIN = 'https://ucl.learnupon.com';
const expected = personaEnrollments(TODAY);

function load(html: string, path = '/dashboard', options: { runScripts?: boolean } = {}): Document {
  const dom = new JSDOM(html, { url: ORIGIN + path, runScripts: options.runScripts ? 'dangerously' : undefined, pretendToBeVisual: true });
  return dom.window.document;
}

const STATUS: Record<PersonaEnrollment['status'], EnrollmentStatus> = {
  completed: 'completed',
  passed: 'passed',
  in_progress: 'in-progress',
  not_started: 'not-started',
};

function expectedCourse(e: PersonaEnrollment) {
  const done = e.status === 'completed' || e.status === 'passed';
  return {
    title: e.title,
    status: STATUS[e.status],
    completedOn: e.completedOn,
    dueOn: e.dueOn,
    certExpiresOn: e.certExpiresOn,
    enrollmentId: e.id,
    certificateUrl: done && e.hasCertificate ? ORIGIN + paths.certificate(e.id) : null,
  };
}

function withoutAnchor({ anchor: _anchor, courseUrl: _url, reading: _reading, ...rest }: PageCourse) {
  return rest;
}

describe('readLearnUponCourses on the demo dashboard', () => {
  it('reads all seven enrollments, both Data Protection entries included', () => {
    const doc = load(renderDashboard({ today: TODAY }));
    const courses = readLearnUponCourses(doc, 'day-first');
    expect(courses).toHaveLength(7);
    expect(courses.map(withoutAnchor)).toEqual(expected.map(expectedCourse));
    expect(courses.filter((c) => c.title === 'Data Protection & Freedom of Information').map((c) => c.status)).toEqual(['completed', 'not-started']);
  });

  it('anchors each entry on its title heading and links the details page', () => {
    const doc = load(renderDashboard({ today: TODAY }));
    for (const c of readLearnUponCourses(doc, 'day-first')) {
      expect(c.anchor.tagName).toBe('H3');
      expect(c.anchor.textContent?.trim()).toBe(c.title);
      expect(c.courseUrl).toBe(`${ORIGIN}/enrollments/${c.enrollmentId}/details`);
    }
  });

  it('reads the server-filtered lists', () => {
    const byFilter = (filter: 'completed' | 'not_started' | 'in_progress') =>
      readLearnUponCourses(load(renderDashboard({ today: TODAY, filter })), 'day-first').map((c) => c.enrollmentId);
    expect(byFilter('completed')).toEqual(expected.filter((e) => e.completedOn).map((e) => e.id));
    expect(byFilter('not_started')).toEqual(['118204377', '112903346']);
    expect(byFilter('in_progress')).toEqual([]);
  });

  it('keeps a lone card to itself: tabs, widget and page furniture are not its status or dates', () => {
    const doc = load(renderDashboard({ today: TODAY }));
    const tiles = Array.from(doc.querySelectorAll('[role="listitem"]'));
    tiles.slice(1).forEach((t) => t.remove());
    const courses = readLearnUponCourses(doc, 'day-first');
    expect(courses.map(withoutAnchor)).toEqual([expectedCourse(expected[0]!)]);
    // Again with the list roles gone, so nothing but <main> bounds the entry.
    doc.querySelectorAll('[role]').forEach((el) => el.getAttribute('role') === 'listitem' || el.getAttribute('role') === 'list' ? el.removeAttribute('role') : null);
    expect(readLearnUponCourses(doc, 'day-first').map(withoutAnchor)).toEqual([expectedCourse(expected[0]!)]);
  });

  it('ignores its own badges when reading again', () => {
    const doc = load(renderDashboard({ today: TODAY }));
    for (const c of readLearnUponCourses(doc, 'day-first')) {
      const badge = doc.createElement('mtc-renewal');
      badge.setAttribute('data-mtc', 'renewal');
      badge.textContent = 'Overdue since 3 Nov 2026 — Completed';
      c.anchor.after(badge);
    }
    expect(readLearnUponCourses(doc, 'day-first').map(withoutAnchor)).toEqual(expected.map(expectedCourse));
  });

  it('reads a month-first portal when told the order', () => {
    const doc = load(renderDashboard({ today: TODAY, dateOrder: 'month-first' }));
    expect(doc.body.textContent).toMatch(/[A-Z][a-z]{2} \d{1,2}, \d{4}/);
    expect(readLearnUponCourses(doc, 'month-first').map(withoutAnchor)).toEqual(expected.map(expectedCourse));
  });

  it('finds nothing on a page without enrollments', () => {
    expect(readLearnUponCourses(load(renderProfile({ today: TODAY }), '/users/profile'), 'day-first')).toEqual([]);
  });
});

describe('the dashboard single-page app', () => {
  it('re-renders the list on a tab click, pushes the URL, and still reads', async () => {
    const doc = load(renderDashboard({ today: TODAY }), '/dashboard?display=my_courses', { runScripts: true });
    const win = doc.defaultView!;
    const firstTile = doc.querySelector('[role="listitem"]');
    await new Promise((r) => setTimeout(r, 400)); // the client's own first render
    expect(doc.querySelector('[role="listitem"]')).not.toBe(firstTile);
    const tab = Array.from(doc.querySelectorAll('[role="tab"]')).find((t) => t.textContent?.startsWith('Completed')) as HTMLElement;
    tab.click();
    expect(win.location.search).toBe('?display=my_courses&filter=completed');
    expect(tab.getAttribute('aria-selected')).toBe('true');
    const completed = readLearnUponCourses(doc, 'day-first');
    expect(completed.map((c) => c.enrollmentId)).toEqual(expected.filter((e) => e.completedOn).map((e) => e.id));
    const inProgress = Array.from(doc.querySelectorAll('[role="tab"]')).find((t) => t.textContent?.startsWith('In progress')) as HTMLElement;
    inProgress.click();
    expect(readLearnUponCourses(doc, 'day-first')).toEqual([]);
    expect(doc.getElementById('lu-course-list')?.textContent).toMatch(/no courses in progress/);
    win.close();
  });
});

describe('readLearnUponCourses on a details page', () => {
  it.each(expected.map((e) => [e.id, e] as const))('reads enrollment %s as one course', (id, e) => {
    const doc = load(renderEnrollmentDetails(e, { today: TODAY }), paths.details(id));
    const courses = readLearnUponCourses(doc, 'day-first');
    // The page's "About this course" says "It takes about 30 minutes" (issue 17: the course's own duration).
    expect(courses.map(withoutAnchor)).toEqual([{ ...expectedCourse(e), minutes: 30 }]);
    expect(courses[0]!.anchor.tagName).toBe('H1');
    expect(courses[0]!.courseUrl).toBe(`${ORIGIN}/enrollments/${id}/page/${/\/page\/(\d+)/.exec(doc.body.innerHTML)![1]}`);
  });

  it('reads the player page title bar without inventing a status', () => {
    const e = expected[0]!;
    const doc = load(renderPlayer(e, '3000001', { today: TODAY }), paths.player(e.id, '3000001'));
    const courses = readLearnUponCourses(doc, 'day-first');
    expect(courses.map((c) => [c.enrollmentId, c.status])).toEqual([[e.id, 'unknown']]);
  });
});

describe('readLearnUponCourses on layouts it has not seen', () => {
  const monthFirst = (iso: string | null) => (iso ? portalDate(iso, 'month-first', 'short') : '');

  it('reads table rows with column headers and month-first dates', () => {
    const rows = expected
      .map(
        (e) => `<tr class="row-x">
          <td class="c1"><a class="name" href="/enrollments/${e.id}/details">${e.title}</a></td>
          <td class="c2">${{ completed: 'Completed', passed: 'Passed', in_progress: 'In Progress', not_started: 'Not Started' }[e.status]}</td>
          <td class="c3">${monthFirst(e.enrolledOn)}</td>
          <td class="c4">${monthFirst(e.completedOn)}</td>
          <td class="c5">${monthFirst(e.dueOn)}</td>
          <td class="c6">${monthFirst(e.certExpiresOn)}</td>
          <td class="c7">${e.completedOn && e.hasCertificate ? `<a href="/files/cert/${e.id}" title="Certificate">PDF</a>` : ''}</td>
        </tr>`,
      )
      .join('');
    const html = `<main><h1>Learning history</h1><table class="grid-z">
      <thead><tr><th>Course</th><th>Status</th><th>Enrolled on</th><th>Date completed</th><th>Due by</th><th>Certificate expiry date</th><th></th></tr></thead>
      <tbody>${rows}</tbody></table></main>`;
    const courses = readLearnUponCourses(load(html), 'month-first');
    expect(courses.map(withoutAnchor)).toEqual(
      expected.map((e) => ({ ...expectedCourse(e), certificateUrl: e.completedOn && e.hasCertificate ? `${ORIGIN}/files/cert/${e.id}` : null })),
    );
    expect(courses[0]!.anchor.tagName).toBe('A');
  });

  it('reads whole-card links, definition lists and "Status:" lines', () => {
    const cards = expected
      .map(
        (e) => `<article class="k-card">
          <a class="k-card__link" href="/enrollments/${e.id}/page/77${e.id}">
            <div class="k-img"></div>
            <h4 class="k-title">${e.title}</h4>
            <p class="k-state">Status: ${{ completed: 'completed', passed: 'passed', in_progress: 'in progress', not_started: 'not started' }[e.status]}</p>
          </a>
          <dl class="k-dates">
            ${e.completedOn ? `<dt>Completion date</dt><dd>${portalDate(e.completedOn, 'day-first', 'long')}</dd>` : ''}
            ${e.dueOn ? `<dt>Due</dt><dd>${e.dueOn}</dd>` : ''}
            ${e.certExpiresOn ? `<dt>Expires</dt><dd>${portalDate(e.certExpiresOn, 'day-first', 'numeric').replace(/\//g, '.')}</dd>` : ''}
            <dt>Access expires</dt><dd>01/01/2030</dd>
          </dl>
          ${e.completedOn && e.hasCertificate ? `<button type="button">Share</button><a href="/enrollments/${e.id}/cert">View certificate</a>` : ''}
        </article>`,
      )
      .join('');
    const html = `<div class="app"><nav><a href="/dashboard">Home</a> <span>Completed</span></nav><section class="feed">${cards}</section></div>`;
    const courses = readLearnUponCourses(load(html), 'day-first');
    expect(courses.map(withoutAnchor)).toEqual(
      expected.map((e) => ({ ...expectedCourse(e), certificateUrl: e.completedOn && e.hasCertificate ? `${ORIGIN}/enrollments/${e.id}/cert` : null })),
    );
    expect(courses.every((c) => c.anchor.tagName === 'H4')).toBe(true);
  });

  it('finds the certificate by the words its link says, in its text, its aria-label or its title, and never in a script or our own UI', () => {
    const card = (id: number, link: string) => `<li><a href="/enrollments/${id}/details">Course ${id}</a> <span>Completed</span> ${link}</li>`;
    const html = `<ul>${[
      card(10000001, '<a href="/c/1">View certificate</a>'),
      card(10000002, '<a href="/c/2"><span aria-hidden="true">⬇</span> Download <b>Certificate</b></a>'),
      card(10000003, '<a href="/c/3" aria-label="Certificate for course 3">PDF</a>'),
      card(10000004, '<a href="/c/4" title="Your certificate">⬇</a>'),
      card(10000005, '<a href="/c/5">Certifi<script>void 0</script>cate</a>'),
      card(10000006, '<a href="/c/6">Review<span data-mtc="renewal">certificate</span></a> <a href="/c/6b">Certificates and more</a>'),
    ].join('')}</ul>`;
    expect(readLearnUponCourses(load(html), 'day-first').map((c) => [c.enrollmentId, c.certificateUrl])).toEqual([
      ['10000001', `${ORIGIN}/c/1`],
      ['10000002', `${ORIGIN}/c/2`],
      ['10000003', `${ORIGIN}/c/3`],
      ['10000004', `${ORIGIN}/c/4`],
      // A script's text is no word of the page's: the link reads "Certificate" around it.
      ['10000005', `${ORIGIN}/c/5`],
      ['10000006', null],
    ]);
  });

  it('leaves unlabelled dates alone and says unknown when no status word is shown', () => {
    const html = `<ul><li><a href="/enrollments/12345678/details">Some course</a> <span>12/03/2025</span></li></ul>`;
    expect(readLearnUponCourses(load(html), 'day-first').map(withoutAnchor)).toEqual([
      { title: 'Some course', status: 'unknown', completedOn: null, dueOn: null, certExpiresOn: null, enrollmentId: '12345678', certificateUrl: null },
    ]);
  });
});

describe('readLearnUponAccount', () => {
  it('reads name and email from the closed profile menu', () => {
    const doc = load(renderDashboard({ today: TODAY }));
    expect(doc.getElementById('lu-user-dropdown')?.hasAttribute('hidden')).toBe(true);
    expect(readLearnUponAccount(doc)).toEqual({ name: PERSONA.name, email: PERSONA.email });
  });

  it('shows the personal account when signed in with one', () => {
    const doc = load(renderEnrollmentDetails(expected[2]!, { today: TODAY, persona: 'personal' }), paths.details(expected[2]!.id));
    expect(readLearnUponAccount(doc)).toEqual({ name: PERSONA.name, email: PERSONA.personalEmail });
  });

  it('finds the menu through the initials button when there is no profile link', () => {
    const doc = load(`<header><button aria-controls="m" aria-expanded="false">JS</button>
      <ul id="m" role="menu" style="display:none"><li>Jo Smith</li><li>jo.smith@ucl.ac.uk</li><li><a href="/logout">Log out</a></li></ul></header>
      <main><p>Contact UCLmandatorystafflearning@ucl.ac.uk</p></main>`);
    expect(readLearnUponAccount(doc)).toEqual({ name: 'Jo Smith', email: 'jo.smith@ucl.ac.uk' });
  });

  it('reads a name written outside ASCII, and twice alike (the pattern is made on first use)', () => {
    const page = (name: string) =>
      load(`<header><button aria-controls="m" aria-expanded="false">ZÓ</button>
      <ul id="m" role="menu" style="display:none"><li>${name}</li><li>z.obriain@ucl.ac.uk</li><li><a href="/logout">Log out</a></li></ul></header>`);
    expect(readLearnUponAccount(page('Zoë Ó Briain'))).toEqual({ name: 'Zoë Ó Briain', email: 'z.obriain@ucl.ac.uk' });
    expect(readLearnUponAccount(page('Łucja Nowak-Żak'))).toEqual({ name: 'Łucja Nowak-Żak', email: 'z.obriain@ucl.ac.uk' });
    // Symbols are no one's name.
    expect(readLearnUponAccount(page('★ ☆ ★')).name).toBeNull();
  });

  it('returns nothing rather than a stranger’s address when no account is shown', () => {
    const doc = load(`<main><p>Contact UCLmandatorystafflearning@ucl.ac.uk</p></main>`);
    expect(readLearnUponAccount(doc)).toEqual({ name: null, email: null });
  });
});

describe('training history controls', () => {
  it('finds the button, and the link only once the file is ready', () => {
    const doc = load(renderDashboard({ today: TODAY }));
    const button = findTrainingHistoryButton(doc);
    expect(button?.tagName).toBe('BUTTON');
    expect(button?.textContent).toBe('Download training history');
    expect(findTrainingHistoryLink(doc)).toBeNull();
    const status = doc.getElementById('lu-history-status')!;
    const a = doc.createElement('a');
    a.href = '/exports/0123456789abcdef/training_history.xlsx';
    a.textContent = 'Your training history is ready — download';
    status.append(a);
    expect(findTrainingHistoryLink(doc)?.href).toBe(`${ORIGIN}/exports/0123456789abcdef/training_history.xlsx`);
  });

  it('finds a link by its words when the address does not end in .xlsx', () => {
    const doc = load(`<a href="#">Download training history</a><div><a href="/f/9d8e7">Click here to download your training history</a></div>`);
    expect(findTrainingHistoryButton(doc)?.textContent).toBe('Download training history');
    expect(findTrainingHistoryLink(doc)?.getAttribute('href')).toBe('/f/9d8e7');
  });
});

describe('read with the catalogue, as the content script reads every page', () => {
  const match = createCourseMatcher(UCL_PROFILE.courses);
  const courseKey = (title: string) => match(title)?.name ?? null;
  const titlePiece = createTitlePieceTest(UCL_PROFILE.courses);
  const both = (doc: Document, order: 'day-first' | 'month-first' = 'day-first') => {
    const withCatalogue = readLearnUponCourses(doc, order, { courseKey });
    // The texts no title can hold are not looked at: what is read stays the same, entry for entry.
    expect(readLearnUponCourses(doc, order, { courseKey, titlePiece })).toEqual(withCatalogue);
    return [readLearnUponCourses(doc, order).map(withoutAnchor), withCatalogue.map(withoutAnchor)];
  };

  it('finds the same entries on the dashboard, its filtered lists and every details and player page', () => {
    for (const filter of ['all', 'completed', 'not_started', 'in_progress'] as const) {
      const [plain, withCatalogue] = both(load(renderDashboard({ today: TODAY, filter })));
      expect(withCatalogue).toEqual(plain);
    }
    for (const e of expected) {
      const [plain, withCatalogue] = both(load(renderEnrollmentDetails(e, { today: TODAY }), paths.details(e.id)));
      expect(withCatalogue).toEqual(plain);
      const [p1, p2] = both(load(renderPlayer(e, '3000001', { today: TODAY }), paths.player(e.id, '3000001')));
      expect(p2).toEqual(p1);
    }
    const [m1, m2] = both(load(renderDashboard({ today: TODAY, dateOrder: 'month-first' })), 'month-first');
    expect(m2).toEqual(m1);
  });

  it('reads the same on pages it has not seen whether or not it passes over the texts no title can hold', () => {
    let read = 0;
    fc.assert(
      fc.property(layoutArb, ({ html }) => {
        const doc = load(html, '/learning_paths/1');
        const withCatalogue = readLearnUponCourses(doc, 'day-first', { courseKey });
        read += withCatalogue.length;
        expect(readLearnUponCourses(doc, 'day-first', { courseKey, titlePiece })).toEqual(withCatalogue);
      }),
      { numRuns: 150 },
    );
    expect(read).toBeGreaterThan(150);
  });

  it('says what it read each entry by: the status as shown and each date with its label', () => {
    const courses = readLearnUponCourses(load(renderDashboard({ today: TODAY })), 'day-first', { courseKey });
    const dp = courses[0]!;
    expect(dp.reading).toEqual({
      foundBy: 'enrollment-link',
      statusText: 'Completed',
      statusFromDate: false,
      dates: [
        { kind: 'completed', iso: expected[0]!.completedOn, text: portalDate(expected[0]!.completedOn!, 'day-first', 'numeric'), label: 'Completed' },
        { kind: 'cert-expires', iso: expected[0]!.certExpiresOn, text: portalDate(expected[0]!.certExpiresOn!, 'day-first', 'numeric'), label: 'Certificate expires' },
      ],
    });
    const edi = courses.find((c) => c.title.startsWith('Introduction'))!;
    expect(edi.reading?.statusText).toBe('Not started');
    expect(edi.reading?.dates.map((d) => [d.kind, d.label])).toEqual([
      ['due', 'Due date'],
      ['other', 'Enrolled'],
    ]);
  });

  it('takes a completion date without a status word as a completion, and says so', () => {
    const html = `<main><ul><li><h3>UCL Fire Safety</h3><p>Completed: 12/03/2025</p><p>Certificate expiry: 12/03/2028</p></li></ul></main>`;
    const [course] = readLearnUponCourses(load(html, '/catalog/mine'), 'day-first', { courseKey });
    expect(course).toMatchObject({ title: 'UCL Fire Safety', status: 'completed', completedOn: '2025-03-12', certExpiresOn: '2028-03-12' });
    expect(course!.reading).toMatchObject({ foundBy: 'catalogue-title', statusText: null, statusFromDate: true });
  });

  it('a title beside a "Start" link is that enrollment’s, and a title-only neighbour stays its own entry', () => {
    const html = `<main><div class="x">
      <div><h4>UCL Fire Safety</h4><span>Not started</span><span>Due date 20 Dec 2026</span><a href="/enrollments/12345678/page/1">Start</a></div>
      <div><h4>Prevent at UCL</h4><span>Completed</span><span>Completed on 1 Feb 2025</span><a href="/catalog/courses/9">View</a></div>
    </div></main>`;
    const courses = readLearnUponCourses(load(html, '/learning_paths/1'), 'day-first', { courseKey });
    expect(courses.map((c) => [c.title, c.enrollmentId, c.status, c.dueOn, c.completedOn])).toEqual([
      ['UCL Fire Safety', '12345678', 'not-started', '2026-12-20', null],
      ['Prevent at UCL', null, 'completed', null, '2025-02-01'],
    ]);
  });

  it('leaves titles in navigation, menus and form controls alone', () => {
    const html = `<nav><a href="/c/1">UCL Fire Safety</a></nav><form><label><input type="checkbox"> Prevent at UCL</label><select><option>UCL Safety Induction</option></select></form><main><p>Nothing else.</p></main>`;
    expect(readLearnUponCourses(load(html, '/catalog'), 'day-first', { courseKey })).toEqual([]);
  });

  it('a details page found by its title keeps the enrollment id of its address', () => {
    const html = `<main><h1>UCL Fire Safety</h1><dl><dt>Status</dt><dd>Passed</dd><dt>Date completed</dt><dd>28 January 2026</dd></dl></main>`;
    const [course] = readLearnUponCourses(load(html, '/enrollments/109552810/details'), 'day-first', { courseKey });
    expect(course).toMatchObject({ enrollmentId: '109552810', status: 'passed', completedOn: '2026-01-28' });
  });
});
