// "Add to my calendar" from the popup (issue 17), in real Chromium on the demo persona: the downloaded
// .ics, parsed back by Mozilla's ical.js, holds one event per mandatory course with the dates the
// badges show; the Outlook link beside a course carries the same event; a new completion makes the
// popup say the file is out of date, and the new file updates the same event (same UID, higher SEQUENCE).
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, londonDate } from '@/utils/dates/calendar';
import { formatMinutes } from '@/utils/platforms/duration';
import { personaEnrollments } from '../fixtures/persona';
import { cybsafeModules } from '../fixtures/sites/cybsafe/pages';
import { axeViolations } from './axe';
import { launch, realErrors, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

interface Parsed {
  uid: string;
  summary: string;
  sequence: number;
  start: string;
  allDay: boolean;
  description: string;
}

function parse(ics: string): Parsed[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, summary: e.summary, sequence: e.sequence, start: e.startDate.toString(), allDay: e.startDate.isDate, description: e.description };
  });
}

/** The badges on the demo dashboard once it has settled: course, status and due date as shown. */
async function dashboardBadges(): Promise<{ course: string; status: string; due: string }[]> {
  const page = await h.context.newPage();
  await page.goto('https://ucl.learnupon.com/dashboard');
  await page.waitForFunction(() => {
    const redrawn = performance.getEntriesByName('demo:dashboard:redrawn')[0];
    return !!redrawn && performance.getEntriesByName('mtc:renewal:read').some((m) => m.startTime > redrawn.startTime);
  });
  const expected = personaEnrollments().filter((e) => e.expected).length;
  await page.waitForFunction((n) => document.querySelectorAll('[data-mtc="renewal"]').length >= n, expected);
  const badges = await page.$$eval('[data-mtc="renewal"]', (els) =>
    els.map((e) => ({ course: e.getAttribute('data-mtc-course')!, status: e.getAttribute('data-mtc-status')!, due: e.getAttribute('data-mtc-due') ?? '' })),
  );
  await page.close();
  return badges;
}

async function download(popup: Page, click: () => Promise<void>): Promise<{ name: string; ics: string }> {
  const [file] = await Promise.all([popup.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), ics: readFileSync((await file.path())!, 'utf8') };
}

describe('Add to my calendar', () => {
  it('downloads one event per mandatory course on the dates the badges show; each course has its own file and Outlook link', async () => {
    const badges = await dashboardBadges();
    const cybsafe = await h.context.newPage();
    await cybsafe.goto('https://app.cybsafe.com/');
    await cybsafe.waitForFunction(() => performance.getEntriesByName('mtc:renewal:read').length > 0);
    await cybsafe.close();

    const popup = await h.openExtensionPage('popup.html');
    await popup.waitForSelector('[data-mtc-list="courses"] > li');
    const lines = await popup.$$eval('[data-mtc-list="courses"] > li', (els) =>
      els.map((e) => ({ course: e.getAttribute('data-mtc-course')!, status: e.getAttribute('data-mtc-status')!, due: e.getAttribute('data-mtc-due')! })),
    );
    const today = londonDate();

    // Time needed (issue 17 item 3): CybSafe's modules' minutes, summed, on its line and in the headline.
    const minutes = cybsafeModules({ today: new Date(), complete: true }).reduce((sum, m) => sum + m.minutes, 0);
    const security = popup.locator('li[data-mtc-course="Information Security Training"]');
    expect((await security.locator('[data-mtc-minutes]').innerText()).trim()).toBe(`Time needed: ${formatMinutes(minutes)}.`);
    const urgent = lines.filter((l) => l.status === 'overdue' || l.status === 'due-soon');
    const unknown = urgent.filter((l) => l.course !== 'Information Security Training').length;
    expect(unknown).toBeGreaterThan(1);
    const headline = await popup.locator('main > p.muted').first().innerText();
    expect(headline).toBe(
      `${urgent.length} courses to renew soon or overdue. About ${formatMinutes(minutes).replace(/^about /, '')} for Information Security Training; the other ${unknown} do not show how long they take.`,
    );

    const { name, ics } = await download(popup, () => popup.getByRole('button', { name: 'Add to my calendar' }).click());
    expect(name).toBe(`mandatory-training-renewals-${today}.ics`);
    const events = parse(ics);
    expect(events.every((e) => e.allDay && e.sequence === 0)).toBe(true);

    // Every badge on the dashboard: its course has one event, on the badge's date when it is to renew.
    expect(badges.length).toBeGreaterThan(0);
    for (const badge of badges) {
      if (badge.status === 'current' && !badge.due) {
        // A one-off course: nothing to renew, no event, and the popup says so.
        expect(events.some((e) => e.summary.endsWith(`: ${badge.course}`)), badge.course).toBe(false);
        continue;
      }
      const mine = events.filter((e) => e.summary.endsWith(`: ${badge.course}`));
      expect(mine, badge.course).toHaveLength(1);
      const [event] = mine;
      if (badge.status === 'overdue') {
        expect(event!.summary).toBe(`Overdue: ${badge.course}`);
        expect(event!.start).toBe(addDays(today, 7));
        expect(event!.description).toMatch(/overdue|no completion is on record/);
      } else if (event!.summary.startsWith('Not completed: ')) {
        // Never completed (due on the date its platform set, or not at all): planned a week from today,
        // or on its due date when that comes sooner.
        expect(badge.status === 'not-completed' || badge.due !== '').toBe(true);
        expect(event!.start).toBe(badge.due && badge.due < addDays(today, 7) ? badge.due : addDays(today, 7));
        expect(event!.description).toContain(`No completion of ${badge.course} is on record`);
      } else {
        expect(event!.summary).toBe(`Renew: ${badge.course}`);
        expect(event!.start).toBe(badge.due);
      }
    }
    // And the popup's lines agree: every course with a date has its event, none without.
    for (const line of lines.filter((l) => l.due)) {
      expect(events.filter((e) => e.summary.endsWith(`: ${line.course}`)), line.course).toHaveLength(1);
    }
    for (const e of events.filter((x) => x.summary.startsWith('Renew: '))) {
      expect(lines.find((l) => e.summary === `Renew: ${l.course}`)?.due).toBe(e.start);
    }
    const section = popup.locator('[data-mtc-section="calendar"]');
    await expect.poll(() => section.locator('[data-mtc-calendar="saved"]').innerText()).toContain(`Saving ${name} to your downloads, with ${events.length} events.`);
    for (const oneOff of badges.filter((b) => b.status === 'current' && !b.due)) {
      expect(await section.innerText()).toContain(`${oneOff.course} (a one-off course: it needs no renewal)`);
    }

    // One course: its own file, the same UID as in the file of all courses.
    const fire = lines.find((l) => events.some((e) => e.summary === `Renew: ${l.course}`))!;
    const row = popup.locator(`[data-mtc-calendar-course="${fire.course}"]`);
    const one = await download(popup, () => row.getByRole('button', { name: /^Add to calendar/ }).click());
    const [only] = parse(one.ics);
    expect(parse(one.ics)).toHaveLength(1);
    expect(only!.uid).toBe(events.find((e) => e.summary === `Renew: ${fire.course}`)!.uid);
    expect(only!.start).toBe(fire.due);

    // Outlook on the web: the same event, filled in.
    const outlook = new URL((await row.getByRole('link', { name: /^Add to Outlook calendar/ }).getAttribute('href'))!);
    expect(outlook.host).toBe('outlook.office.com');
    expect(outlook.searchParams.get('subject')).toBe(`Renew: ${fire.course}`);
    expect(outlook.searchParams.get('startdt')).toBe(fire.due);
    expect(outlook.searchParams.get('allday')).toBe('true');

    expect(await axeViolations(popup)).toEqual([]);
    expect(realErrors(h.consoleErrors)).toEqual([]);
    await popup.close();
  });

  it('says the file is out of date after a new completion, and the new file updates the same event', async () => {
    const popup = await h.openExtensionPage('popup.html');
    await popup.waitForSelector('[data-mtc-list="courses"] > li');
    const first = parse((await download(popup, () => popup.locator('[data-mtc-action="calendar"]').click())).ics);
    await popup.close();

    // A completion the user enters for a course never completed: its event changes.
    const course = 'Change Possible: Sustainable UCL';
    const panel = await h.openExtensionPage('sidepanel.html');
    const row = panel.locator(`[data-mtc-list="courses"] > li[data-mtc-course="${course}"]`);
    await row.locator('summary').click();
    await row.getByLabel('I completed this on').fill('2026-01-15');
    await row.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => row.getAttribute('data-mtc-due')).toBe('2029-01-15');
    await panel.close();

    const again = await h.openExtensionPage('popup.html');
    const notice = again.locator('[data-mtc-calendar="out-of-date"]');
    await expect.poll(() => notice.innerText().catch(() => '')).toContain(`is out of date: ${course} has changed.`);
    const button = again.locator('[data-mtc-action="calendar"]');
    expect(await button.innerText()).toBe('Get the new calendar file');
    expect(await axeViolations(again)).toEqual([]);
    const second = parse((await download(again, () => button.click())).ics);
    const before = first.find((e) => e.summary.endsWith(`: ${course}`))!;
    const after = second.find((e) => e.summary.endsWith(`: ${course}`))!;
    expect(after).toMatchObject({ uid: before.uid, summary: `Renew: ${course}`, start: '2029-01-15', sequence: before.sequence + 1 });
    // Events that did not change keep their SEQUENCE: a calendar leaves them be.
    for (const e of second.filter((x) => x.uid !== before.uid)) expect(e.sequence).toBe(first.find((x) => x.uid === e.uid)!.sequence);
    await expect.poll(() => again.locator('[data-mtc-calendar="out-of-date"]').count()).toBe(0);
    await again.close();
  });
});
