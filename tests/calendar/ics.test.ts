// @vitest-environment node
// The .ics parsed back with Mozilla's ical.js, an independent reader (issue 17).
import fc from 'fast-check';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCalendar, calendarStatus, type CalendarInput } from '@/utils/calendar/ics';
import { outlookCalendarUrl } from '@/utils/calendar/outlook';
import { courseUid } from '@/utils/calendar/plan';
import { readCalendarState, type CalendarState } from '@/utils/calendar/state';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { addDays } from '@/utils/dates/calendar';
import { summariseCourses } from '@/utils/renewal/summary';
import { recordId, type CompletionRecord } from '@/utils/records';

function record(course: string, completedOn: string | null, over: Partial<CompletionRecord> = {}): CompletionRecord {
  const r: CompletionRecord = {
    id: '', course, title: course, status: 'completed', completedOn, dueOn: null, certExpiresOn: null, enrollmentId: null, certificateUrl: null,
    source: 'learnupon', sourceUrl: 'https://ucl.learnupon.com/dashboard', seenAt: '2026-11-01T09:00:00Z', countsForCompliance: true, ...over,
  };
  return { ...r, id: recordId(r) };
}

/** London's calendar date of an instant, worked out here apart from the code under test. */
const londonDay = (instant: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

const NOW = new Date('2026-11-28T12:00:00Z');
const RECORDS = [
  record('UCL Fire Safety', '2024-03-12'), // due 12 Mar 2027
  record('Data Protection and Freedom of Information', '2024-11-05'), // due 5 Nov 2025: overdue
  record('Information Security Training', '2025-12-10', { source: 'cybsafe' }), // due 10 Dec 2026: due soon
  record('UCL Safety Induction', '2020-01-01'), // one-off
  record('Prevent at UCL', null), // completed, date unreadable: unknown
];

function input(records: CompletionRecord[], now: Date, previous: CalendarState | null, over: Partial<CalendarInput> = {}): CalendarInput {
  return { lines: summariseCourses(records, UCL_PROFILE, londonDay(now)), profile: UCL_PROFILE, now, previous, ...over };
}

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  sequence: number;
  start: string;
  end: string;
  allDay: boolean;
  url: string;
  alarms: string[];
}

function parse(ics: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      sequence: event.sequence,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate && event.endDate.isDate,
      url: String(vevent.getFirstPropertyValue('url')),
      alarms: vevent.getAllSubcomponents('valarm').map((a) => `${a.getFirstPropertyValue('action')} ${String(a.getFirstPropertyValue('trigger'))}`),
    };
  });
}

const byTitle = (events: ParsedEvent[], title: string) => events.find((e) => e.summary === title)!;

describe('the calendar file', () => {
  it('has one all-day event per course on its renewal date, with two alarms, where the date came from and the link', () => {
    const file = buildCalendar(input(RECORDS, NOW, null));
    expect(file.fileName).toBe('mandatory-training-renewals-2026-11-28.ics');
    expect(file.ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const events = parse(file.ics);
    expect(events.map((e) => e.summary).sort()).toEqual(
      [
        'Renew: UCL Fire Safety',
        'Overdue: Data Protection and Freedom of Information',
        'Renew: Information Security Training',
        'Not completed: Change Possible: Sustainable UCL',
        'Not completed: Introduction to Equality, Diversity, and Inclusion',
        'Not completed: Disclosing and managing conflicts of interests at UCL',
      ].sort(),
    );
    const fire = byTitle(events, 'Renew: UCL Fire Safety');
    expect(fire).toMatchObject({ start: '2027-03-12', end: '2027-03-13', allDay: true, sequence: 0, alarms: ['DISPLAY -P30D', 'DISPLAY -P7D'] });
    expect(fire.description).toContain('Where this date comes from: Completed 12 Mar 2024 + 3 years (date shown by LearnUpon).');
    expect(fire.description).toContain('Course: https://www.ucl.ac.uk/human-resources/learning-development/mandatory-learning');
    expect(fire.url).toBe('https://www.ucl.ac.uk/human-resources/learning-development/mandatory-learning');
    // Due in 12 days: the 30-day alarm has passed, the 7-day one is still to come.
    expect(byTitle(events, 'Renew: Information Security Training')).toMatchObject({ start: '2026-12-10', alarms: ['DISPLAY -P7D'] });
    expect(events.every((e) => e.allDay)).toBe(true);
  });

  it('puts overdue and never-completed courses a week from today, and says so', () => {
    const events = parse(buildCalendar(input(RECORDS, NOW, null)).ics);
    const overdue = byTitle(events, 'Overdue: Data Protection and Freedom of Information');
    expect(overdue).toMatchObject({ start: '2026-12-05', alarms: ['DISPLAY -P1D'] });
    expect(overdue.description).toContain('was due for renewal on 5 Nov 2025 and is overdue.');
    expect(overdue.description).toContain('This reminder is set a week after the day this calendar file was made (28 Nov 2026)');
    const never = byTitle(events, 'Not completed: Change Possible: Sustainable UCL');
    expect(never.start).toBe('2026-12-05');
    expect(never.description).toMatch(/^No completion of Change Possible: Sustainable UCL is on record\.\nThis reminder is set a week after/);
  });

  it('says which courses get no event, and why', () => {
    const { skipped } = buildCalendar(input(RECORDS, NOW, null));
    expect(skipped).toEqual([
      { course: 'Prevent at UCL', reason: 'the renewal date is not known (Marked completed, but the completion date could not be read)' },
      { course: 'UCL Safety Induction', reason: 'a one-off course: it needs no renewal' },
    ]);
  });

  it('makes one course’s file on its own', () => {
    const file = buildCalendar(input(RECORDS, NOW, null, { course: 'UCL Fire Safety' }));
    expect(file.fileName).toBe('renew-ucl-fire-safety-2026-11-28.ics');
    expect(parse(file.ics).map((e) => e.summary)).toEqual(['Renew: UCL Fire Safety']);
  });
});

describe('updates', () => {
  it('keeps each course’s UID across exports, and raises SEQUENCE only where an event changed', () => {
    const first = buildCalendar(input(RECORDS, NOW, null));
    const again = buildCalendar(input(RECORDS, NOW, first.state));
    const uids = (ics: string) => Object.fromEntries(parse(ics).map((e) => [e.summary.replace(/^[^:]+: /, ''), e.uid]));
    expect(uids(again.ics)).toEqual(uids(first.ics));
    expect(new Set(Object.values(uids(first.ics))).size).toBe(6);
    expect(uids(first.ics)['UCL Fire Safety']).toBe(courseUid('UCL Fire Safety'));
    expect(parse(again.ics).every((e) => e.sequence === 0)).toBe(true);
    expect(calendarStatus(input(RECORDS, NOW, first.state))).toEqual({ changed: [], removed: [], added: [], outOfDate: false });

    // A new completion of Fire Safety moves its date: the file is out of date, and the next one updates it.
    const newer = [...RECORDS, record('UCL Fire Safety', '2026-11-20')];
    expect(calendarStatus(input(newer, NOW, first.state))).toEqual({ changed: ['UCL Fire Safety'], removed: [], added: [], outOfDate: true });
    const updated = buildCalendar(input(newer, NOW, again.state));
    const fire = byTitle(parse(updated.ics), 'Renew: UCL Fire Safety');
    expect(fire).toMatchObject({ start: '2029-11-20', sequence: 1, uid: uids(first.ics)['UCL Fire Safety'] });
    expect(parse(updated.ics).filter((e) => e.sequence > 0).map((e) => e.summary)).toEqual(['Renew: UCL Fire Safety']);
    expect(calendarStatus(input(newer, NOW, updated.state)).outOfDate).toBe(false);

    // Completing the overdue course turns its event into a renewal, with a higher SEQUENCE still.
    const done = [...newer, record('Data Protection and Freedom of Information', '2026-11-27')];
    const third = buildCalendar(input(done, NOW, updated.state));
    expect(byTitle(parse(third.ics), 'Renew: Data Protection and Freedom of Information')).toMatchObject({ start: '2027-11-27', sequence: 1 });
  });

  it('moves an overdue course’s reminder on a later export without calling the file out of date', () => {
    const first = buildCalendar(input(RECORDS, NOW, null));
    const later = new Date('2026-12-03T09:00:00Z');
    expect(calendarStatus(input(RECORDS, later, first.state)).changed).toEqual([]);
    const next = buildCalendar(input(RECORDS, later, first.state));
    expect(byTitle(parse(next.ics), 'Overdue: Data Protection and Freedom of Information')).toMatchObject({ start: '2026-12-10', sequence: 1 });
  });

  it('says a course whose event should go is out of date, and keeps SEQUENCE rising if it comes back', () => {
    const first = buildCalendar(input(RECORDS, NOW, null));
    const unreadable = RECORDS.map((r) => (r.course === 'UCL Fire Safety' ? record('UCL Fire Safety', null) : r));
    expect(calendarStatus(input(unreadable, NOW, first.state))).toMatchObject({ removed: ['UCL Fire Safety'], outOfDate: true });
    const without = buildCalendar(input(unreadable, NOW, first.state));
    expect(without.state.events['UCL Fire Safety']).toMatchObject({ active: false, sequence: 0 });
    const back = buildCalendar(input(RECORDS, NOW, without.state));
    expect(byTitle(parse(back.ics), 'Renew: UCL Fire Safety').sequence).toBe(1);
  });

  it('reads back its own stored state and refuses anything else', () => {
    const { state } = buildCalendar(input(RECORDS, NOW, null));
    expect(readCalendarState(JSON.parse(JSON.stringify(state)))).toEqual(state);
    for (const bad of [null, 'x', { version: 2 }, { ...state, exportedOn: 'today' }, { ...state, events: { a: { uid: 'x', sequence: -1 } } }]) {
      expect(readCalendarState(bad)).toBeNull();
    }
  });
});

describe('dates in any time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  // Instants within a day of the BST/GMT changes of 2024–2030 and ordinary ones.
  const changeDays = ['2024-03-31', '2024-10-27', '2025-03-30', '2025-10-26', '2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31', '2030-03-31'];
  const instant = fc.oneof(
    fc.tuple(fc.constantFrom(...changeDays), fc.integer({ min: -36 * 60, max: 36 * 60 })).map(([day, minutes]) => new Date(Date.parse(`${day}T00:00:00Z`) + minutes * 60_000)),
    fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2031-01-01T00:00:00Z'), noInvalidDate: true }),
  );
  const zone = fc.constantFrom('Europe/London', 'UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kolkata', 'Australia/Lord_Howe');

  it('renewal and reminder days are the London calendar days, however the computer’s clock is set', () => {
    fc.assert(
      fc.property(instant, zone, fc.constantFrom(...changeDays), fc.integer({ min: -3, max: 3 }), (now, tz, changeDay, shift) => {
        process.env.TZ = tz;
        const completedOn = addDays(changeDay, shift); // a renewal date 3 years on, near a clock change
        const records = [record('UCL Fire Safety', addDays(completedOn, 0)), record('Data Protection and Freedom of Information', '2020-01-01')];
        const today = londonDay(now);
        const file = buildCalendar(input(records, now, null));
        const events = parse(file.ics);
        const fire = events.find((e) => e.summary.endsWith(': UCL Fire Safety'))!;
        const due = `${Number(completedOn.slice(0, 4)) + 3}${completedOn.slice(4)}`;
        if (due >= today) expect(fire.start).toBe(due);
        expect(byTitle(events, 'Overdue: Data Protection and Freedom of Information').start).toBe(addDays(today, 7));
        expect(file.fileName).toBe(`mandatory-training-renewals-${today}.ics`);
        for (const e of events) {
          expect(e.allDay).toBe(true);
          expect(e.end).toBe(addDays(e.start, 1));
        }
      }),
      { numRuns: 150 },
    );
    // 150 whole calendars written and parsed back: seconds on a busy two-core machine.
  }, 30_000);
});

describe('Outlook on the web', () => {
  it('opens the calendar compose page with the subject, the all-day date and the body', () => {
    const event = buildCalendar(input(RECORDS, NOW, null)).events.find((e) => e.course === 'UCL Fire Safety')!;
    const link = outlookCalendarUrl(event);
    expect(link).not.toContain('+');
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe('https://outlook.office.com/calendar/0/deeplink/compose');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      path: '/calendar/action/compose',
      rru: 'addevent',
      subject: 'Renew: UCL Fire Safety',
      startdt: '2027-03-12',
      enddt: '2027-03-13',
      allday: 'true',
      body: event.description,
    });
    const short = new URL(outlookCalendarUrl(event, 400));
    expect(short.href.length).toBeLessThanOrEqual(400);
    expect(event.description.startsWith(short.searchParams.get('body')!)).toBe(true);
  });
});
