// `npm run demo -- --store-assets`: the Chrome Web Store's pictures, made from the real extension on
// the demo sites: five 1280×800 screenshots, each a real screen of the extension under a one-line
// caption, and the 440×280 small promo tile. Written into store-assets/ (not committed: run it again
// after the pages change). The listing text that goes with them is in docs/store-listing.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { DemoServer } from '../tests/fixtures/server';
import { sampleTeam, teamReportXlsx } from '../tests/fixtures/team-report';

const WIDTH = 1280;
const HEIGHT = 800;
/** The caption band on top of every screenshot; the screen below it. */
const CAPTION = 130;

interface Shot {
  file: string;
  title: string;
  line: string;
  /** `full`: one screen; `beside`: a page with the extension's own panel or popup over its right side. */
  layout: { kind: 'full'; image: Buffer } | { kind: 'beside'; page: Buffer; panel: Buffer };
}

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** One store screenshot: caption and screen composed in a plain page, then captured at exactly 1280×800. */
async function compose(canvas: Page, shot: Shot): Promise<Buffer> {
  const area = `top:${CAPTION}px;height:${HEIGHT - CAPTION}px`;
  const body =
    shot.layout.kind === 'full'
      ? `<img class="screen" style="${area};left:40px;width:${WIDTH - 80}px;object-fit:contain;object-position:top" src="${dataUrl(shot.layout.image)}">`
      : `<img class="screen" style="${area};left:40px;width:${WIDTH - 80}px;object-fit:cover;object-position:top left" src="${dataUrl(shot.layout.page)}">
         <img class="screen panel" style="top:${CAPTION - 10}px;right:60px" data-max-height="${HEIGHT - CAPTION + 10}" src="${dataUrl(shot.layout.panel)}">`;
  await canvas.setViewportSize({ width: WIDTH, height: HEIGHT });
  await canvas.setContent(`<!doctype html><html><head><style>
    body { margin: 0; width: ${WIDTH}px; height: ${HEIGHT}px; overflow: hidden; position: relative;
      font-family: system-ui, "DejaVu Sans", Arial, sans-serif; background: linear-gradient(#e8edfb, #f6f8fd); }
    h1 { position: absolute; left: 40px; top: 26px; margin: 0; font-size: 38px; color: #1e3a8a; }
    p { position: absolute; left: 40px; top: 78px; margin: 0; font-size: 21px; color: #1f2937; }
    .screen { position: absolute; border-radius: 10px 10px 0 0; box-shadow: 0 6px 24px rgba(15, 23, 42, .25); background: #fff; }
    .panel { border-radius: 10px; border: 1px solid #c9c9c9; }
  </style></head><body><h1>${escapeHtml(shot.title)}</h1><p>${escapeHtml(shot.line)}</p>${body}</body></html>`);
  await canvas.evaluate(async () => {
    await Promise.all([...document.images].map((img) => img.decode()));
    // The extension's own panel at its real size (readable), its bottom cut off where the picture ends.
    for (const img of document.querySelectorAll<HTMLImageElement>('img[data-max-height]')) {
      Object.assign(img.style, { width: `${img.naturalWidth}px`, height: `${Math.min(img.naturalHeight, Number(img.dataset.maxHeight))}px`, objectFit: 'cover', objectPosition: 'top' });
    }
  });
  return canvas.screenshot({ clip: { x: 0, y: 0, width: WIDTH, height: HEIGHT } });
}

/** The small promo tile (440×280): the icon, the name and what it is for. */
async function promoTile(canvas: Page, icon: Buffer): Promise<Buffer> {
  await canvas.setViewportSize({ width: 440, height: 280 });
  await canvas.setContent(`<!doctype html><html><body style="margin:0;width:440px;height:280px;overflow:hidden;background:#1e3a8a;color:#fff;
    font-family:system-ui,'DejaVu Sans',Arial,sans-serif;display:flex;align-items:center;gap:18px;padding:0 26px;box-sizing:border-box">
    <img src="${dataUrl(icon)}" width="112" height="112" style="flex:none;background:#fff;border-radius:22px;padding:6px">
    <div><div style="font-size:27px;font-weight:700;line-height:1.15">Mandatory Training Companion</div>
    <div style="font-size:16px;margin-top:10px;line-height:1.35">Renewal dates, sign-in help and completion evidence on LearnUpon and CybSafe</div></div>
  </body></html>`);
  await canvas.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
  return canvas.screenshot({ clip: { x: 0, y: 0, width: 440, height: 280 } });
}

/** Waits until the badges on a page have stopped changing (the demo dashboard redraws its list once). */
async function badgesSettled(page: Page): Promise<void> {
  await page.waitForSelector('[data-mtc="renewal"]', { timeout: 15_000 });
  let last = -1;
  for (let same = 0; same < 3; ) {
    const count = await page.locator('[data-mtc="renewal"]').count();
    same = count === last && count > 0 ? same + 1 : 0;
    last = count;
    await page.waitForTimeout(250);
  }
}

export async function makeStoreAssets(context: BrowserContext, server: DemoServer, extensionId: string, outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const extensionUrl = (name: string) => `chrome-extension://${extensionId}/${name}`;
  const open = async (url: string, width = WIDTH, height = HEIGHT): Promise<Page> => {
    const page = await context.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(url);
    return page;
  };

  const dashboard = await open('https://ucl.learnupon.com/dashboard');
  await badgesSettled(dashboard);
  const dashboardPng = await dashboard.screenshot();
  const cybsafe = await open('https://app.cybsafe.com/');
  await badgesSettled(cybsafe);
  const cybsafePng = await cybsafe.screenshot();

  const popup = await open(extensionUrl('popup.html'), 400, 700);
  await popup.waitForSelector('[data-mtc-list="courses"] li');
  const popupPng = await popup.locator('main').screenshot();

  server.setMode({ persona: 'personal' });
  const myApps = await open('https://myapps.microsoft.com/');
  await myApps.waitForSelector('[data-mtc="alert"]', { timeout: 15_000 });
  const alertPng = await myApps.screenshot();
  server.setMode({ persona: 'alex' });

  // The completion-issue flow, as "My completion isn't recorded" opens it: collected and downloaded.
  const panel = await open(extensionUrl('report.html?course=Prevent+at+UCL&from=popup'), 460, HEIGHT);
  await panel.waitForSelector('[data-mtc-flow-status="ready"]', { timeout: 90_000 });
  await Promise.all([panel.waitForEvent('download'), panel.click('[data-mtc-action="download-pack"]')]);
  await panel.waitForSelector('[data-mtc-export="done"]');
  await panel.evaluate(() => {
    document.querySelector('[data-mtc-section="send"]')!.scrollIntoView();
    window.scrollBy(0, -12);
  });
  const panelPng = await panel.screenshot();

  const team = await open(extensionUrl('team.html'));
  await team.waitForSelector('[data-mtc-action="team-import"]:not([disabled])');
  await team.setInputFiles('[data-mtc-input="team-report"]', { name: 'compliance-report.xlsx', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from(teamReportXlsx(sampleTeam())) });
  await team.waitForSelector('[data-mtc-team="table"]');
  // The filters and the table, where the report's answer is.
  await team.evaluate(() => {
    document.querySelector('[data-mtc-team="table"]')!.scrollIntoView();
    window.scrollBy(0, -262);
  });
  const teamPng = await team.screenshot();

  const shots: Shot[] = [
    { file: '1-renewal-dates.png', title: 'See when each course must be renewed', line: 'A badge beside every mandatory course on your LearnUpon dashboard: due soon, overdue or current, with the date.', layout: { kind: 'full', image: dashboardPng } },
    { file: '2-all-courses.png', title: 'Everything that needs doing, in one list', line: 'The toolbar counts the courses to renew; its popup lists every course, LearnUpon and CybSafe, worst first.', layout: { kind: 'beside', page: cybsafePng, panel: popupPng } },
    { file: '3-sign-in-help.png', title: 'Sign-in problems explained, with the fix', line: 'Wrong account, sign-in errors, a slow connection: a calm note says what is wrong and what to do next.', layout: { kind: 'full', image: alertPng } },
    { file: '4-evidence-pack.png', title: 'Asked to redo a course you have done?', line: 'One click gathers your training history and certificates into a draft email to the training team.', layout: { kind: 'beside', page: dashboardPng, panel: panelPng } },
    { file: '5-team.png', title: 'For line managers: your team at a glance', line: 'Open the monthly compliance report: see who is overdue, set aside people on leave, prepare reminder emails.', layout: { kind: 'full', image: teamPng } },
  ];
  const canvas = await context.newPage();
  const written: string[] = [];
  for (const shot of shots) {
    writeFileSync(join(outDir, shot.file), await compose(canvas, shot));
    written.push(shot.file);
  }
  const icon = readFileSync(join(import.meta.dirname, '../public/icon/128.png'));
  writeFileSync(join(outDir, 'promo-tile-440x280.png'), await promoTile(canvas, icon));
  written.push('promo-tile-440x280.png');
  writeFileSync(join(outDir, 'icon-128.png'), icon);
  written.push('icon-128.png');
  for (const page of [dashboard, cybsafe, popup, myApps, panel, team, canvas]) await page.close();
  return written;
}
