// How long a course takes, as its own LearnUpon entry says (issue 17 item 3): only a duration inside the entry
// and with a duration word beside it; never a figure that says something else, never one from around the entry.
import { describe, expect, it } from 'vitest';
import { readLearnUponCourses } from '@/utils/platforms/learnupon/courses';
import { createCourseMatcher, createTitlePieceTest } from '@/utils/catalogue/match';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { loadPage } from './jsdom';

const match = createCourseMatcher(UCL_PROFILE.courses);
// As the content script reads: texts no title can hold are not looked at.
const titlePiece = createTitlePieceTest(UCL_PROFILE.courses);
const courseKey = (title: string) => match(title)?.name ?? null;

/** Each entry's title and minutes (null when it shows none). */
function minutes(html: string): [string, number | null][] {
  const doc = loadPage(`<!doctype html><body>${html}</body>`, 'https://ucl.learnupon.com/learning');
  return readLearnUponCourses(doc, 'day-first', { courseKey, titlePiece }).map((c) => [c.title, c.minutes ?? null]);
}

/** A card of a list, with `extra` inside it. */
const card = (id: string, title: string, extra: string) =>
  `<li><h3><a href="/enrollments/${id}/details">${title}</a></h3><p>Status: In progress</p>${extra}</li>`;

describe('a course’s duration on LearnUpon', () => {
  it('reads the duration an entry gives in its own words', () => {
    expect(
      minutes(`<main><ul>
        ${card('55500001', 'UCL Fire Safety', '<p>Self-paced course · about 30 minutes</p>')}
        ${card('55500002', 'Prevent at UCL', '<p>Duration: 1 h 20 min</p>')}
        ${card('55500003', 'Change Possible: Sustainable UCL', '<p>It takes about 45 minutes and can be paused.</p>')}
        ${card('55500004', 'UCL Safety Induction', '<p>Estimated time: 1.5 hours</p>')}
      </ul></main>`),
    ).toEqual([
      ['UCL Fire Safety', 30],
      ['Prevent at UCL', 80],
      ['Change Possible: Sustainable UCL', 45],
      ['UCL Safety Induction', 90],
    ]);
  });

  it('reads a figure set apart from its duration word: in its own element, a definition list, a table row', () => {
    expect(
      minutes(`<main><ul>
        ${card('55500011', 'UCL Fire Safety', '<p>Duration: <strong>1 h 20 min</strong></p>')}
        ${card('55500012', 'Prevent at UCL', '<dl><dt>Duration</dt><dd><span>25 mins</span></dd></dl>')}
        ${card('55500013', 'UCL Safety Induction', '<table><tr><th scope="row">Duration</th><td>2 hours</td></tr></table>')}
      </ul></main>`),
    ).toEqual([
      ['UCL Fire Safety', 80],
      ['Prevent at UCL', 25],
      ['UCL Safety Induction', 120],
    ]);
  });

  it('reads no duration from a figure that says something else, or from a bare figure with no duration word', () => {
    expect(
      minutes(`<main><ul>
        ${card('55500021', 'UCL Fire Safety', '<p>Session expires in 20 minutes</p>')}
        ${card('55500022', 'Prevent at UCL', '<p>Your session expires in <b>20 minutes</b></p>')}
        ${card('55500023', 'Change Possible: Sustainable UCL', '<p>Last opened about 2 hours ago</p>')}
        ${card('55500024', 'UCL Safety Induction', '<span>45 min</span>')}
        ${card('55500025', 'Introduction to Equality, Diversity, and Inclusion', '<dl><dt>Time left in this session</dt><dd>15 minutes</dd></dl><p>Completed 12 Mar 2024 · Score 85%</p>')}
        ${card('55500026', 'Disclosing and managing conflicts of interests at UCL', '<p>Due in about 3 hours</p>')}
      </ul></main>`),
    ).toEqual([
      ['UCL Fire Safety', null],
      ['Prevent at UCL', null],
      ['Change Possible: Sustainable UCL', null],
      ['UCL Safety Induction', null],
      ['Introduction to Equality, Diversity, and Inclusion', null],
      ['Disclosing and managing conflicts of interests at UCL', null],
    ]);
  });

  it('gives each entry only its own duration, never one from the page around it', () => {
    expect(
      minutes(`<header role="banner"><p>Mandatory training takes about 2 hours in all</p></header><main>
        <p>Plan about 40 minutes for each course.</p>
        <ul>
          ${card('55500031', 'UCL Fire Safety', '<p>About 30 min</p>')}
          ${card('55500032', 'Prevent at UCL', '')}
        </ul></main>`),
    ).toEqual([
      ['UCL Fire Safety', 30],
      ['Prevent at UCL', null],
    ]);
  });
});
