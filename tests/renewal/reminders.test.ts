import { describe, expect, it } from 'vitest';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { addDays } from '@/utils/dates/calendar';
import { dueReminders, reminderKey, summariseCourses } from '@/utils/renewal/summary';
import { reminderText } from '@/utils/renewal/reminders';
import { record } from './records';

const DP = 'Data Protection and Freedom of Information';
const FIRE = 'UCL Fire Safety';

/** Runs the daily check from `start` for `days` days, remembering what was sent as the alarm does. */
function simulate(records: Parameters<typeof summariseCourses>[0], start: string, days: number) {
  const sent = new Set<string>();
  const log: string[] = [];
  for (let d = 0; d < days; d++) {
    const today = addDays(start, d);
    for (const r of dueReminders(summariseCourses(records, UCL_PROFILE, today), sent)) {
      sent.add(r.key);
      log.push(`${today} ${r.course.name} ${r.status} ${r.due}`);
    }
  }
  return log;
}

describe('reminders', () => {
  it('keys name the course, status and due date', () => {
    expect(reminderKey(UCL_PROFILE.courses[1]!, 'due-soon', '2026-04-09')).toBe(`${DP}|due-soon|2026-04-09`);
    expect(reminderKey(DP, 'overdue', '2026-04-09')).toBe(`${DP}|overdue|2026-04-09`);
  });

  it('notifies once on entering due-soon and once on becoming overdue', () => {
    const records = [record({ course: DP, completedOn: '2025-04-09' })];
    expect(simulate(records, '2026-02-01', 120)).toEqual([
      `2026-03-10 ${DP} due-soon 2026-04-09`,
      `2026-04-10 ${DP} overdue 2026-04-09`,
    ]);
  });

  it('notifies again after a renewal falls due in turn', () => {
    const first = record({ course: DP, completedOn: '2025-04-09' });
    const sent = new Set<string>();
    const send = (records: ReturnType<typeof record>[], today: string) =>
      dueReminders(summariseCourses(records, UCL_PROFILE, today), sent).map((r) => (sent.add(r.key), r.key));
    expect(send([first], '2026-03-20')).toEqual([`${DP}|due-soon|2026-04-09`]);
    expect(send([first], '2026-03-21')).toEqual([]);
    const renewed = record({ course: DP, completedOn: '2026-04-01' });
    expect(send([first, renewed], '2026-04-20')).toEqual([]);
    expect(send([first, renewed], '2027-03-05')).toEqual([`${DP}|due-soon|2027-04-01`]);
  });

  it('a course found already overdue gets only the overdue notice', () => {
    const records = [record({ course: FIRE, completedOn: '2020-01-01' })];
    const reminders = dueReminders(summariseCourses(records, UCL_PROFILE, '2026-03-10'), new Set());
    expect(reminders).toEqual([
      { course: UCL_PROFILE.courses[2], status: 'overdue', due: '2023-01-01', basis: 'computed', key: `${FIRE}|overdue|2023-01-01` },
    ]);
  });

  it('says nothing for current, not-completed or unknown courses', () => {
    const records = [record({ course: FIRE, completedOn: '2026-01-01' }), record({ course: DP })];
    expect(dueReminders(summariseCourses(records, UCL_PROFILE, '2026-03-10'), new Set())).toEqual([]);
  });
});

describe('reminder words', () => {
  it('a renewal says renew; a course never completed, due on the date its platform set, says complete', () => {
    const today = '2026-11-30';
    const renewal = record({ course: DP, completedOn: '2025-12-10' });
    const assigned = record({ course: FIRE, status: 'not-started', completedOn: null, dueOn: '2026-12-20' });
    const texts = dueReminders(summariseCourses([renewal, assigned], UCL_PROFILE, today), new Set()).map(reminderText);
    expect(texts).toContainEqual({ title: `Due soon: ${DP}`, message: 'Renew by 10 Dec 2026. Click to open the course.' });
    expect(texts).toContainEqual({ title: `Due soon: ${FIRE}`, message: 'Complete by 20 Dec 2026. Click to open the course.' });
  });

  it('an overdue course says when it was due', () => {
    const texts = dueReminders(summariseCourses([record({ course: DP, completedOn: '2024-01-05' })], UCL_PROFILE, '2026-11-30'), new Set()).map(reminderText);
    expect(texts).toEqual([{ title: `Overdue: ${DP}`, message: 'This course was due on 5 Jan 2025. Click to open it.' }]);
  });
});
