// The completion-issue flow's review, honest about what is missing (issue 13): a course LearnUpon shows
// no certificate for gives a pack whose email and manifest say so, with the fixes at hand before the
// download (add a file, capture a page); who is writing (live from the sites, checked, remembered); and
// role-specific training, which goes to its department. Packs are read back with jszip and postal-mime.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PERSONA } from '../fixtures/persona';
import { makeCertificatePdf } from '../fixtures/sites/learnupon/pdf';
import { axeViolations } from './axe';
import { cspErrors, launch, realErrors, type Harness } from './harness';
import { collected, downloadPack, readPack } from './flow-helpers';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

const EDI = 'Introduction to Equality, Diversity, and Inclusion';
const PNG = readFileSync(new URL('../../public/icon/48.png', import.meta.url));

async function flowFor(query: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(h.extensionUrl(`report.html?${query}`));
  return page;
}

describe('a course LearnUpon shows no certificate for', () => {
  it('the review says what is missing and why, offers the fixes, and the pack says the same', async () => {
    const flow = await flowFor(`course=${encodeURIComponent(EDI)}&from=popup`);
    await collected(flow);
    const card = flow.locator(`[data-mtc-review="${EDI}"]`);
    expect(await card.locator('[data-mtc-found="certificate"]').getAttribute('data-mtc-state')).toBe('missing');
    expect(await card.locator('[data-mtc-found="certificate"]').innerText()).toMatch(/No certificate\. LearnUpon shows no certificate for this course: it is not completed there\./);
    expect(await card.locator('[data-mtc-found="completion-record"]').innerText()).toMatch(/No completion date\. LearnUpon shows this course as not started/);
    // The fixes, before the download: a file, a capture, the course's own page.
    await card.locator('[data-mtc-fix="add-proof"]').waitFor();
    expect(await card.locator('[data-mtc-fix="capture"]').count()).toBe(1);
    expect(await card.locator('[data-mtc-fix="open-course"]').getAttribute('href')).toMatch(/^https:\/\/ucl\.learnupon\.com\/enrollments\/112903346\/details$/);
    expect(await flow.locator('[data-mtc-flow="missing"]').innerText()).toMatch(/no certificate/);
    expect(await axeViolations(flow)).toEqual([]);

    const { zip } = await downloadPack(flow);
    const pack = await readPack(zip);
    expect(pack.manifest.missing).toEqual([
      { course: EDI, evidence: 'completion-record', reason: 'LearnUpon shows this course as not started, with no completion date' },
      { course: EDI, evidence: 'certificate', reason: 'LearnUpon shows no certificate for this course: it is not completed there' },
    ]);
    expect(pack.mail.text).toContain('Certificate: none attached — LearnUpon shows no certificate for this course: it is not completed there');
    expect(pack.mail.text).not.toMatch(/with everything attached/);
    // What the email says is attached is exactly what is attached.
    const listed = [...pack.mail.text!.matchAll(/^- (\S+) \(/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(pack.mail.attachments.map((a) => a.filename).sort());
    expect(pack.names.filter((n) => n.startsWith('certificates/'))).toEqual([]);

    // The fix: a certificate the user has, dropped (here: chosen) on the course. The review changes at once.
    await flow.setInputFiles(`[data-mtc-review="${EDI}"] [data-mtc-input="review-file"]`, {
      name: 'edi-certificate.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(makeCertificatePdf({ name: PERSONA.name, courseTitle: EDI, completedOn: '2026-01-15', certificateId: 'EXT-1' })),
    });
    await expect.poll(() => card.locator('[data-mtc-found="certificate"]').getAttribute('data-mtc-state')).toBe('found');
    await expect.poll(() => flow.evaluate(() => document.activeElement?.hasAttribute('data-mtc-review-status'))).toBe(true);
    const again = await readPack((await downloadPack(flow)).zip);
    expect(again.manifest.missing.map((m) => m.evidence)).toEqual(['completion-record']);
    expect(again.mail.attachments.filter((a) => a.mimeType === 'application/pdf')).toHaveLength(1);
    expect(again.mail.text).toMatch(/Certificate: Introduction-to-Equality-Div[\w-]*\.pdf/);
    await flow.close();
  });

  it('“Capture a page for this course” keeps the next capture for that course, and the review shows it', async () => {
    const flow = await flowFor(`course=${encodeURIComponent('Change Possible: Sustainable UCL')}&from=panel`);
    await collected(flow);
    const card = flow.locator('[data-mtc-review="Change Possible: Sustainable UCL"]');
    const opened = h.context.waitForEvent('page');
    await card.locator('[data-mtc-fix="capture"]').click();
    const site = await opened;
    await site.waitForLoadState();
    expect(await card.locator('[data-mtc-review-status]').innerText()).toMatch(/press Alt\+Shift\+E/);
    // On the page: the toolbar button, then "Capture this page".
    await h.pressToolbarButton(site);
    const popup = await h.openInPopupWindow('popup.html');
    await popup.click('[data-mtc-action="capture"]');
    await expect.poll(() => popup.locator('.ok').innerText().catch(() => ''), { timeout: 10_000 }).toMatch(/for Change Possible: Sustainable UCL/);
    await popup.close();
    await expect.poll(() => card.locator('[data-mtc-found="screenshot"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await card.locator('[data-mtc-found="certificate"]').innerText()).toMatch(/a screenshot is attached instead/);
    const pack = await readPack((await downloadPack(flow)).zip);
    expect(pack.names.filter((n) => /^screenshots\/.+\.png$/.test(n))).toHaveLength(1);
    expect(pack.mail.attachments.some((a) => a.mimeType === 'image/png')).toBe(true);
    await site.close();
    await flow.close();
  });
});

describe('who is writing', () => {
  it('is checked: not an address gives no From; an address outside ucl.ac.uk is warned about; what is typed is remembered', async () => {
    const flow = await flowFor('course=UCL+Fire+Safety&from=popup');
    await collected(flow);
    const note = flow.locator('#sender-email-note');
    expect(await note.getAttribute('data-mtc-sender-check')).toBe('ok');
    await flow.fill('#sender-email', 'not-an-email');
    expect(await note.getAttribute('data-mtc-sender-check')).toBe('no-sender');
    expect(await note.innerText()).toMatch(/is not an email address, so the draft has no sender/);
    expect(await axeViolations(flow)).toEqual([]);
    const noSender = await readPack((await downloadPack(flow)).zip);
    expect(noSender.mail.from).toBeUndefined();
    expect(noSender.mail.text).toContain('Email: (not known)');

    await flow.fill('#sender-email', PERSONA.personalEmail);
    await flow.locator('#sender-email').blur();
    expect(await note.getAttribute('data-mtc-sender-check')).toBe('outside');
    expect(await note.innerText()).toMatch(/is not a ucl\.ac\.uk address\. HR match evidence to your work address/);
    expect(await axeViolations(flow)).toEqual([]);
    const personal = await readPack((await downloadPack(flow)).zip);
    expect(personal.mail.from?.address).toBe(PERSONA.personalEmail);

    // Remembered: the next flow starts with it.
    await flow.reload();
    await collected(flow);
    expect(await flow.inputValue('#sender-email')).toBe(PERSONA.personalEmail);
    // Emptied, it follows what the sites show again.
    await flow.fill('#sender-email', '');
    await flow.locator('#sender-email').blur();
    await flow.reload();
    await collected(flow);
    expect(await flow.inputValue('#sender-email')).toBe(PERSONA.email);
    await flow.close();
  });
});

describe('role-specific training', () => {
  it('goes to the department named (remembered for the course), with the subject pattern and the locker’s screenshot', async () => {
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.click('[role="tab"][data-mtc-view="evidence"]');
    const opened = h.context.waitForEvent('page');
    await panel.click('[data-mtc-action="start-role-flow"]');
    const flow = await opened;
    await flow.waitForURL(/report\.html\?.*role=1/);
    await flow.waitForSelector('#role-course');
    expect(await flow.locator('[data-mtc-action="download-pack"]').isDisabled()).toBe(true);
    const course = 'Research Data Management Essentials';
    // The course named and the address typed in one go (as a browser's autofill can): the address stays.
    await flow.evaluate(
      ([name, to]) => {
        const enter = (selector: string, value: string) => {
          const input = document.querySelector<HTMLInputElement>(selector)!;
          input.value = value;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        };
        enter('#role-course', name!);
        enter('#role-to', to!);
      },
      [course, 'research-data@ucl.ac.uk'],
    );
    await flow.setInputFiles(`[data-mtc-review="${course}"] [data-mtc-input="review-file"]`, { name: 'rdm-completed.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => flow.locator(`[data-mtc-review="${course}"] [data-mtc-found="screenshot"]`).count()).toBe(1);
    // Where it goes is said before the download.
    expect(await flow.locator('[data-mtc-flow="to"]').innerText()).toMatch(/^research-data@ucl\.ac\.uk \(the department responsible for Research Data Management Essentials, not UCLmandatorystafflearning@ucl\.ac\.uk\)/);
    expect(await axeViolations(flow)).toEqual([]);
    const pack = await readPack((await downloadPack(flow)).zip);
    expect(pack.mail.to?.[0]?.address).toBe('research-data@ucl.ac.uk');
    expect(pack.manifest.mailbox).toBe('research-data@ucl.ac.uk');
    expect(pack.mail.subject).toBe(`Mandatory Training (${course}) completion issue`);
    expect(pack.mail.attachments.map((a) => a.mimeType)).toContain('image/png');
    expect(pack.mail.text).toMatch(/^Dear colleagues,/);

    // The address is remembered for this course.
    await flow.reload();
    await flow.fill('#role-course', course);
    await expect.poll(() => flow.inputValue('#role-to')).toBe('research-data@ucl.ac.uk');
    await flow.close();
    await panel.close();
  });
});

describe('the sender follows the sites live', () => {
  it('an open flow page fills in the name and email when a LearnUpon page shows them, without reopening', async () => {
    const fresh = await launch();
    try {
      const flow = await fresh.context.newPage();
      await flow.goto(fresh.extensionUrl('report.html?role=1&from=panel'));
      await flow.waitForSelector('#sender-name');
      expect(await flow.inputValue('#sender-email')).toBe('');
      await flow.evaluate(() => ((window as unknown as { __same: boolean }).__same = true));
      const dashboard = await fresh.context.newPage();
      await dashboard.goto('https://ucl.learnupon.com/dashboard');
      await expect.poll(() => flow.inputValue('#sender-email'), { timeout: 15_000 }).toBe(PERSONA.email);
      expect(await flow.inputValue('#sender-name')).toBe(PERSONA.name);
      expect(await flow.evaluate(() => (window as unknown as { __same?: boolean }).__same)).toBe(true);
      expect(realErrors(fresh.consoleErrors)).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});

describe('console', () => {
  it('no CSP or console errors', () => {
    expect(cspErrors(h.consoleErrors)).toEqual([]);
    expect(realErrors(h.consoleErrors)).toEqual([]);
  });
});
