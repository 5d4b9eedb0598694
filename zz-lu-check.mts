import { chromium } from 'playwright-core';
const port = process.env.PORT ?? '8443';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', `--host-resolver-rules=MAP ucl.learnupon.com 127.0.0.1:${port}`, '--autoplay-policy=no-user-gesture-required'] });
const ctx = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } });
await ctx.addInitScript(() => {
  const w = window as any; w.events = []; const t0 = performance.now();
  for (const t of ['loadedmetadata', 'canplay', 'playing', 'waiting', 'stalled', 'ended', 'error', 'suspend']) document.addEventListener(t, (e) => w.events.push(`${t}@${((performance.now() - t0) / 1000).toFixed(1)}s/v${(e.target as HTMLMediaElement).currentTime.toFixed(1)}`), true);
});
const page = await ctx.newPage();
const errors: string[] = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('pageerror', (e) => errors.push(String(e)));
if (process.argv.includes('--dash')) {
  await page.goto('https://ucl.learnupon.com/dashboard');
  await page.click('#lu-avatar-toggle');
  await page.screenshot({ path: '/tmp/lu-menu.png' });
  await page.keyboard.press('Escape');
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Download training history' }).click();
  const link = page.getByRole('link', { name: /training history is ready/ });
  await link.waitFor();
  console.log('history link after', Date.now() - t0, 'ms', await link.getAttribute('href'));
  await page.getByRole('tab', { name: /Not started/ }).click();
  console.log('url', page.url(), 'tiles', await page.locator('[role=listitem]').count());
  await page.goBack();
  console.log('back url', page.url(), 'tiles', await page.locator('[role=listitem]').count());
  await page.screenshot({ path: '/tmp/lu-history.png' });
  for (const p of ['/enrollments/104837261/details', '/users/sign_in', '/saml/consumer?error=1']) {
    await page.goto('https://ucl.learnupon.com' + p);
    await page.screenshot({ path: `/tmp/lu-${p.split('/')[1]}-${p.split('/').pop()!.replace(/\W/g, '')}.png` });
  }
}
if (process.argv.includes('--video')) {
  await page.goto('https://ucl.learnupon.com/enrollments/104837261/page/3104837');
  const frame = page.frames().find((f) => f.url().includes('/scorm/'))!;
  await frame.waitForSelector('video');
  await page.waitForTimeout(Number(process.env.WAIT ?? 9000));
  console.log(await frame.evaluate(() => { const v = document.querySelector('video')!; return { events: (window as any).events.join(' '), t: v.currentTime, rs: v.readyState, ns: v.networkState, paused: v.paused, dur: v.duration }; }));
  await page.screenshot({ path: '/tmp/lu-player.png' });
}
console.log('errors', errors);
await browser.close();
