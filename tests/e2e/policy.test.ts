// The organisation's settings by policy, in real Chromium: a machine policy file, as an administrator
// writes it on Linux (docs/administrators.md), sets the training mailbox and one course's cadence for
// the extension; the badges, the side panel, the settings page and the evidence email follow it, and a
// value that cannot be used is named on the settings page while the rest applies.
//
// Chromium reads /etc/chromium/policies/managed/*.json for every browser on the machine, so the policy
// names the id of a private copy of the build (an unpacked extension's id comes from its folder), which
// no other test loads, and the file is removed afterwards whatever happens.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UCL_PROFILE } from '../../utils/catalogue/ucl';
import { addMonths } from '../../utils/dates/calendar';
import { personaEnrollments } from '../fixtures/persona';
import { axeViolations } from './axe';
import { collected, downloadPack, nextFlowPage } from './flow-helpers';
import { EXTENSION_DIR, launch, realErrors, type Harness } from './harness';
import { dashboardSettled } from './settle';

/** Where Debian's Chromium (the browser these tests drive) reads machine policies. */
const POLICY_DIR = '/etc/chromium/policies/managed';
const MAILBOX = 'training-records@ucl.ac.uk';
const PREVENT = 'Prevent at UCL';

/** Chromium's id for an extension loaded unpacked from `dir`: the SHA-256 of its path, in the letters a–p. */
export function unpackedExtensionId(dir: string): string {
  return [...createHash('sha256').update(dir).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** The policy as an administrator would give it: Prevent renewed every 4 years, a mailbox, the Team page and time log off, and one value that cannot be used. */
const POLICY = {
  mailbox: MAILBOX,
  features: { teamPage: false, timeLog: false },
  subjectTemplate: 'Training completion issue', // no {course}: left out, and said on the settings page
  courses: UCL_PROFILE.courses.map(({ cadenceMonths, ...c }) =>
    c.name === PREVENT ? { ...c, cadenceMonths: 48 } : cadenceMonths === null ? { ...c, oneOff: true } : { ...c, cadenceMonths },
  ),
};

const root = mkdtempSync(join(tmpdir(), 'mtc-policy-'));
const extensionDir = join(root, 'extension');
const policyFile = join(POLICY_DIR, `mtc-e2e-${process.pid}-${Date.now()}.json`);
const removePolicy = () => rmSync(policyFile, { force: true });
let h: Harness;

beforeAll(async () => {
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [unpackedExtensionId(extensionDir)]: POLICY } } }));
  } catch (error) {
    throw new Error(`This test writes a machine policy for Chromium in ${POLICY_DIR}, which needs root (the tests run as root in CI): ${String(error)}`);
  }
  // Even if the run is cut short, no policy is left behind for the machine's other browsers.
  process.once('exit', removePolicy);
  h = await launch({ extensionDir });
}, 120_000);

afterAll(async () => {
  try {
    await h?.close();
  } finally {
    removePolicy();
    rmSync(root, { recursive: true, force: true });
  }
});

async function settledDashboard(): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto('https://ucl.learnupon.com/dashboard');
  await dashboardSettled(page); // past the demo dashboard's own redraw
  return page;
}

describe('settings set by the organisation’s policy', () => {
  it('Chromium gives the extension the policy (the id is the private copy’s)', async () => {
    expect(h.extensionId).toBe(unpackedExtensionId(extensionDir));
    const managed = await h.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { managed: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.managed.get(null));
    expect(managed).toMatchObject({ mailbox: MAILBOX, subjectTemplate: POLICY.subjectTemplate });
  });

  it('the badges follow the policy’s cadence: Prevent, 37 months old, is current on a 4-year cycle', async () => {
    const prevent = personaEnrollments().find((e) => e.catalogueName === PREVENT)!;
    const page = await settledDashboard();
    const badge = page.locator(`[data-mtc="renewal"][data-mtc-course="${PREVENT}"]`).first();
    expect(await badge.getAttribute('data-mtc-status')).toBe('current');
    expect(await badge.getAttribute('data-mtc-due')).toBe(addMonths(prevent.completedOn!, 48));
    // The other courses are as the person's defaults have them (here: the UCL ones).
    const fire = personaEnrollments().find((e) => e.catalogueName === 'UCL Fire Safety')!;
    expect(await page.locator('[data-mtc="renewal"][data-mtc-course="UCL Fire Safety"]').first().getAttribute('data-mtc-status')).toBe(fire.expected!.status);
    await page.close();

    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.waitForSelector(`[data-mtc-list="courses"] > li[data-mtc-course="${PREVENT}"]`);
    expect(await panel.locator(`[data-mtc-list="courses"] > li[data-mtc-course="${PREVENT}"]`).getAttribute('data-mtc-status')).toBe('current');
    await panel.close();
  });

  it('the settings page shows what the organisation sets, read-only, and names the value it could not use', async () => {
    const options = await h.openExtensionPage('options.html');
    await options.waitForSelector('#mailbox');
    expect(await options.inputValue('#mailbox')).toBe(MAILBOX);
    expect(await options.locator('#mailbox').getAttribute('readonly')).not.toBeNull();
    expect(await options.locator('label[for="mailbox"]').innerText()).toMatch(/Set by your organisation/);
    // Left to the person: editable, their own value.
    expect(await options.locator('#subjectTemplate').getAttribute('readonly')).toBeNull();
    expect(await options.inputValue('#subjectTemplate')).toBe(UCL_PROFILE.subjectTemplate);
    expect(await options.locator(`[data-mtc-policy-course="${PREVENT}"]`).innerText()).toMatch(/48 months/);
    expect(await options.locator('[data-mtc-policy-problems]').innerText()).toMatch(/“Email subject” \(subjectTemplate\) is not used: must contain \{course\}/);
    expect(await axeViolations(options)).toEqual([]);
    // Saving the person's own settings leaves the organisation's in force.
    await options.fill('#organisation', 'UCL (Physics)');
    await options.click('button[type="submit"]');
    await expect.poll(() => options.locator('[data-mtc-options-message="ok"]').innerText().catch(() => '')).toMatch(/Saved\. What your organisation sets still applies over it\./);
    await options.reload();
    await options.waitForSelector('#mailbox');
    expect(await options.inputValue('#mailbox')).toBe(MAILBOX);
    expect(await options.inputValue('#organisation')).toBe('UCL (Physics)');
    await options.close();
  });

  it('the Team page says what the organisation turned off: the team report, and the time log (its switch cannot be turned on)', async () => {
    const team = await h.openExtensionPage('team.html');
    await team.waitForSelector('[data-mtc-turned-off="team-page"]');
    expect(await team.locator('[data-mtc-turned-off="team-page"]').innerText()).toMatch(/Your organisation has turned off the team report/);
    expect(await team.locator('[data-mtc-section="team"]').count()).toBe(0);
    await team.waitForSelector('[data-mtc-turned-off="time-log"]');
    expect(await team.locator('[data-mtc-time-log="enabled"]').isDisabled()).toBe(true);
    expect(await team.locator('[data-mtc-time-log="enabled"]').isChecked()).toBe(false);
    expect(await axeViolations(team)).toEqual([]);
    await team.close();
    // The side panel says so too, rather than linking to a report that is off (the time log is off as well).
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.waitForSelector('[data-mtc-turned-off="team-link"]');
    expect(await panel.locator('[data-mtc-turned-off="team-link"]').innerText()).toMatch(/Team report: Turned off by your organisation/);
    expect(await panel.locator('[data-mtc-link="team"], [data-mtc-link="time-log"]').count()).toBe(0);
    expect(await axeViolations(panel)).toEqual([]);
    await panel.close();
  });

  it('the evidence email goes to the policy’s mailbox, with the person’s own subject, and leaves out the course now current', async () => {
    // The completion-issue flow from the side panel's Evidence view, for the courses it ticks itself.
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.click('[role="tab"][data-mtc-view="evidence"]');
    await panel.waitForSelector('[data-mtc-action="start-flow"]');
    expect(await panel.locator(`input[id="report-${PREVENT}"]`).isChecked()).toBe(false);
    const opened = nextFlowPage(h);
    await panel.click('[data-mtc-action="start-flow"]');
    const flow = await opened;
    await collected(flow);
    const { zip } = await downloadPack(flow);
    const mail = await PostalMime.parse(await zip.file('completion-issue.eml')!.async('string'));
    expect(mail.to?.map((a) => a.address)).toEqual([MAILBOX]);
    expect(mail.subject).toMatch(/^Mandatory Training \(.+\) completion issue$/);
    expect(mail.subject).not.toContain(PREVENT);
    await flow.close();
    await panel.close();
    expect(realErrors(h.consoleErrors)).toEqual([]);
  });
});
