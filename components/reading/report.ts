// The page report for the extension's maintainers (issue 12 item 6), made in the side panel from the copy
// of the page its content script sent: parsed into an inert document (DOMParser runs no script and loads
// nothing), anonymised (utils/platforms/learnupon/page-report.ts), then read back by the same reader to
// say whether the report still shows what the extension read on the page.
import type { Profile } from '@/utils/catalogue/profile';
import { createCourseMatcher, createTitlePieceTest } from '@/utils/catalogue/match';
import type { PageReadAnswer, ReadEntryAnswer } from '@/utils/data/messages';
import { readCybSafeCompletion } from '@/utils/platforms/cybsafe/read';
import { explainReading } from '@/utils/platforms/explain';
import { readLearnUponCourses } from '@/utils/platforms/learnupon/courses';
import { learnUponPageReport } from '@/utils/platforms/learnupon/page-report';
import type { CourseReader } from '@/utils/platforms/types';

const READERS: Record<PageReadAnswer['site'], CourseReader> = { learnupon: readLearnUponCourses, cybsafe: readCybSafeCompletion };
const SITE_NAMES: Record<PageReadAnswer['site'], string> = { learnupon: 'LearnUpon', cybsafe: 'CybSafe' };

export interface MadeReport {
  /** The report, whole: what the user sees, copies and saves. */
  text: string;
  /** How many entries the extension read on the page, and how many it reads in the report. */
  onPage: number;
  inReport: number;
  /** The report shows the same entries, statuses and kinds of date as the page. */
  same: boolean;
}

/** What must match between the page and its report: the course, its status, the kinds of date, whether it counts. */
function facts(entries: readonly ReadEntryAnswer[] | ReturnType<typeof explainReading>['counted']) {
  return [...entries]
    .sort((a, b) => a.index - b.index)
    .map((e) => ({ course: e.course, status: e.status, kinds: e.dates.map((d) => d.kind), counts: e.notCounted === null }));
}

export function makePageReport(html: string, read: PageReadAnswer, profile: Profile, random: () => number = Math.random): MadeReport {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const match = createCourseMatcher(profile.courses);
  const courseKey = (title: string) => match(title)?.name ?? null;
  const report = learnUponPageReport(doc, { courseKey, order: profile.dateOrder, random });
  // Whoever reads the report needs the date order its numeric dates were read in.
  const text = report.replace(
    /^<!doctype html>\n/i,
    `<!doctype html>\n<!-- Page report from Mandatory Training Companion: a ${SITE_NAMES[read.site]} page, its text replaced and its dates moved; numeric dates are ${profile.dateOrder === 'day-first' ? 'day first' : 'month first'}. -->\n`,
  );
  const again = READERS[read.site](new DOMParser().parseFromString(text, 'text/html'), profile.dateOrder, { courseKey, titlePiece: createTitlePieceTest(profile.courses) });
  const back = explainReading(again, { courseOf: courseKey, otherPortal: read.otherPortal });
  const page = facts([...read.counted, ...read.notCounted]);
  const inReport = facts([...back.counted, ...back.notCounted]);
  return { text, onPage: page.length, inReport: inReport.length, same: JSON.stringify(page) === JSON.stringify(inReport) };
}

