// Reflow (WCAG 1.4.10): at 320 CSS pixels wide the team page and the settings page scroll only
// vertically, with a report of many people loaded, time logged, and the panels open.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeTeam, teamReportXlsx } from '../fixtures/team-report';
import { axeViolations } from './axe';
import { launch, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

const NARROW = { width: 320, height: 720 };

/** Sideways scrolling, and what sticks out past the right edge (to say why, when there is some). */
async function sideways(page: Page): Promise<{ scrollWidth: number; clientWidth: number; wide: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5 && el.getClientRects().length > 0)
      .filter((el) => getComputedStyle(el).position !== 'absolute')
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} → ${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  });
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth, wide } = await sideways(page);
  expect({ scrollWidth: scrollWidth <= clientWidth ? 'fits' : scrollWidth, wide: scrollWidth <= clientWidth ? [] : wide }).toEqual({ scrollWidth: 'fits', wide: [] });
}

describe('team page at 320 px', () => {
  let page: Page;
  beforeAll(async () => {
    page = await h.context.newPage();
    await page.setViewportSize(NARROW);
    await page.goto(h.extensionUrl('team.html'));
    await page.waitForSelector('[data-mtc-action="team-import"]:not([disabled])');
  });

  it('has no sideways scrolling before anything is loaded', async () => {
    await expectNoSidewaysScroll(page);
  });

  it('reflows the table of a report of many people into labelled cards', async () => {
    const file = teamReportXlsx(largeTeam(700));
    await page.setInputFiles('[data-mtc-input="team-report"]', { name: 'large-compliance-report-with-a-long-file-name.xlsx', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from(file) });
    await page.waitForSelector('[data-mtc-team="table"] tbody tr');
    expect(await page.locator('[data-mtc-team="table"] tbody tr').count()).toBeGreaterThan(50);
    await expectNoSidewaysScroll(page);
    // Every course row is a card whose values say what they are.
    const card = page.locator('[data-mtc-team="table"] tbody tr').first();
    const text = await card.innerText();
    for (const label of ['Course', 'Status', 'Completed', 'Renew by']) expect(text).toContain(label);
    // Sorting is still at hand.
    await page.click('[data-mtc-sort="person"]');
    await expectNoSidewaysScroll(page);
    // Every course and every department shown, and the columns' mapping open.
    await page.selectOption('[data-mtc-team-filter="status"]', 'all');
    await page.check('[data-mtc-team-filter="include-away"]');
    await page.click('[data-mtc-team-mapping] summary');
    await expectNoSidewaysScroll(page);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('reflows the time log with entries in it', async () => {
    const course = await page.locator('#add-time-course option').nth(1).getAttribute('value');
    await page.selectOption('#add-time-course', course!);
    await page.fill('#add-time-minutes', '45');
    await page.click('#time-log button[type="submit"]');
    await page.waitForSelector('[data-mtc-time-log="table"] tbody tr');
    await expectNoSidewaysScroll(page);
    expect(await axeViolations(page, '#time-log')).toEqual([]);
    // Cards on the narrow screen; the printed timesheet keeps its table.
    const display = () => page.locator('[data-mtc-time-log="table"]').evaluate((t) => getComputedStyle(t).display);
    expect(await display()).toBe('block');
    await page.emulateMedia({ media: 'print' });
    expect(await display()).toBe('table');
    await page.emulateMedia({ media: 'screen' });
  });

  it('keeps the delete confirmations within the width', async () => {
    await page.click('[data-mtc-action="team-delete"]');
    await page.waitForSelector('[data-mtc-confirm="team-delete"]');
    await page.click('[data-mtc-action="time-log-delete"]');
    await page.waitForSelector('[data-mtc-confirm="time-log-delete"]');
    await expectNoSidewaysScroll(page);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('settings page at 320 px', () => {
  it('has no sideways scrolling, the course table included', async () => {
    const page = await h.context.newPage();
    await page.setViewportSize(NARROW);
    await page.goto(h.extensionUrl('options.html'));
    await page.waitForSelector('form');
    await page.waitForSelector('[data-mtc-section="backup"]');
    await expectNoSidewaysScroll(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
