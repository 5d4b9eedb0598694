// A report of a LearnUpon page the maintainers can use without personal data (issue 12 item 6): its
// structure, the words the reader goes by, catalogue course titles, and its dates moved by one random
// offset (format kept); every other text replaced by placeholders of the same shape. Run the reader on it
// and it finds the same entries, statuses and kinds of dates as on the page. Pure DOM → string: the user
// sees the whole report before it is copied or saved (the side panel's job).
import { daysBetween } from '@/utils/dates/calendar';
import type { DateOrder } from '@/utils/dates/parse';
import { datesInText, shiftDatesInText } from '@/utils/dates/shift';
import { anonymisePage } from '@/utils/dom/anonymise';
import { textNodes } from '@/utils/dom/text';

/** The words the reader goes by (selectors.ts): statuses, date labels, actions, the profile menu, the training history. */
export const READER_WORDS: ReadonlySet<string> = new Set(
  `status enrollment enrolment course completed complete passed in progress started incomplete not yet attempted failed
   pending review approval awaiting access expires expiry expiration ends until on date certificate cert valid due by
   overdue since deadline completion of finished enrolled start last accessed assigned created updated resume continue
   revisit retake launch view details open play begin enrol enroll re go to download more my profile sign out log logout
   settings account help support preferences switch portal menu notifications training history ready here file
   spreadsheet excel your expired at duration about takes hour hours h minutes min mins`.split(/\s+/),
);

export interface PageReportOptions {
  /** The catalogue name a title is, or null: catalogue titles are kept. */
  courseKey: (title: string) => string | null;
  /** The portal's date order, to read and reprint numeric dates. */
  order: DateOrder;
  /** Where the offset and stand-in numbers come from (Math.random by default). */
  random?: () => number;
}

/** Every date the page prints, in its text and in the attributes the report keeps. */
function pageDates(doc: Document, order: DateOrder): string[] {
  const found = textNodes(doc.body ?? doc.documentElement).flatMap((t) => datesInText(t.nodeValue ?? '', order));
  for (const el of Array.from(doc.querySelectorAll('[datetime], [title], [aria-label]'))) {
    for (const name of ['datetime', 'title', 'aria-label']) found.push(...datesInText(el.getAttribute(name) ?? '', order));
  }
  return found;
}

/**
 * One offset, 30 to 400 days either way, that takes no date of the page onto another date of the page:
 * no real date shows up anywhere in the report.
 */
function chooseOffset(dates: readonly string[], random: () => number): number {
  const unique = [...new Set(dates)];
  const gaps = new Set<number>();
  for (const a of unique) for (const b of unique) gaps.add(daysBetween(a, b));
  for (;;) {
    const days = (30 + Math.floor(random() * 371)) * (random() < 0.5 ? -1 : 1);
    if (!gaps.has(days)) return days;
  }
}

export function learnUponPageReport(doc: Document, options: PageReportOptions): string {
  const random = options.random ?? Math.random;
  const days = chooseOffset(pageDates(doc, options.order), random);
  return anonymisePage(doc, {
    keepWhole: (text) => options.courseKey(text) !== null,
    keepWord: (word) => READER_WORDS.has(word.toLowerCase()),
    shiftDates: (text, rest) => shiftDatesInText(text, days, options.order, rest),
    random,
  });
}
