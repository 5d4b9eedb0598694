// The sign-in and connection doctor on the demo sites: each alert where it should be and nowhere else.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe';
import { cspErrors, launch, realErrors, type Harness } from './harness';
import { doctorDone } from './settle';
import { firstPageId, paths } from '../fixtures/sites/learnupon/model';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  h.server.setMode({ persona: 'alex', delayMs: 0, stallVideo: false });
});

const ALERT = '[data-mtc="alert"]';

async function alertOn(url: string, setup?: (page: Page) => Promise<void>) {
  const page = await h.context.newPage();
  await setup?.(page);
  await page.goto(url);
  await page.waitForSelector(ALERT, { timeout: 20_000 });
  const kind = await page.getAttribute(ALERT, 'data-mtc-alert');
  const text = await page.locator(ALERT).evaluate((e) => e.shadowRoot?.textContent ?? '');
  return { page, kind, text };
}


/** No alert once the doctor is done with the page. */
async function noAlertOn(url: string) {
  const page = await h.context.newPage();
  await page.goto(url);
  await doctorDone(page);
  expect(await page.$$(ALERT), url).toHaveLength(0);
  await page.close();
}

describe('wrong account and sign-in errors', () => {
  it('My Apps signed in with a personal account: wrong-account, with a sign-out step', async () => {
    h.server.setMode({ persona: 'personal' });
    const { page, kind, text } = await alertOn('https://myapps.microsoft.com/');
    expect(kind).toBe('wrong-account');
    expect(text).toMatch(/sign out/i);
    expect(text).toContain('ucl.ac.uk');
    expect(await axeViolations(page, ALERT)).toEqual([]);
    await page.close();
  });

  it.each([
    ['50020', 'wrong-account'],
    ['500200', 'wrong-account'],
    ['50105', 'sso-error'],
  ])('Microsoft error AADSTS%s: %s', async (code, expected) => {
    const { page, kind, text } = await alertOn(`https://login.microsoftonline.com/error?code=${code}`);
    expect(kind).toBe(expected);
    if (code === '50105') expect(text).toMatch(/Request Id/i);
    await page.close();
  });

  it('"Pick an account" with only a personal account: wrong-account, use another account', async () => {
    const { page, kind, text } = await alertOn('https://login.microsoftonline.com/common/oauth2/v2.0/authorize?tiles=personal');
    expect(kind).toBe('wrong-account');
    expect(text).toMatch(/Use another account/i);
    await page.close();
  });

  it('LearnUpon "There was a problem processing your request": sso-error with the FAQ steps', async () => {
    const { page, kind, text } = await alertOn('https://ucl.learnupon.com/saml/error');
    expect(kind).toBe('sso-error');
    expect(text).toMatch(/myapps\.microsoft\.com|My Apps/i);
    await page.close();
  });

  it('LearnUpon signed in with a personal email: wrong-account', async () => {
    h.server.setMode({ persona: 'personal' });
    const { page, kind } = await alertOn('https://ucl.learnupon.com/dashboard');
    expect(kind).toBe('wrong-account');
    await page.close();
  });

  it('CybSafe "Account not found": sso-error', async () => {
    const { page, kind, text } = await alertOn('https://app.cybsafe.com/login?error=account_not_found');
    expect(kind).toBe('sso-error');
    expect(text).toMatch(/alias|work (email|address)/i);
    await page.close();
  });

  it('raises nothing on the normal pages', async () => {
    const player = `https://ucl.learnupon.com${paths.player('104837261', firstPageId('104837261'))}`;
    for (const url of ['https://ucl.learnupon.com/dashboard', player, 'https://app.cybsafe.com/', 'https://app.cybsafe.com/help/account-not-found', 'https://myapps.microsoft.com/', 'https://app.cybsafe.com/login']) {
      await noAlertOn(url);
    }
  });
});

describe('behaviour', () => {
  it.each([
    'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?tiles=personal',
    'https://login.microsoftonline.com/common/login?loginfmt=alex.taylor1987%40outlook.com',
    'https://myapps.microsoft.com/',
  ])('in a small window the alert stays clear of the sign-in controls: %s', async (url) => {
    h.server.setMode({ persona: 'personal' });
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.goto(url);
    await page.waitForSelector(ALERT, { timeout: 20_000 });
    const clash = await page.evaluate(() => {
      const alert = document.querySelector('[data-mtc="alert"]')!.getBoundingClientRect();
      return [...document.querySelectorAll('input:not([type="hidden"]), button, [role="button"], [data-test-id], #otherTile, a')]
        .filter((el) => !el.closest('[data-mtc]'))
        .map((el) => ({ el: el.outerHTML.slice(0, 60), r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && r.height > 0 && r.left < alert.right && alert.left < r.right && r.top < alert.bottom && alert.top < r.bottom)
        .map(({ el }) => el);
    });
    expect(clash).toEqual([]);
    await page.close();
  });

  it('is dismissed by keyboard and stays dismissed for that page', async () => {
    const { page } = await alertOn('https://login.microsoftonline.com/error?code=50105');
    await page.locator(ALERT).locator('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.$$(ALERT).then((a) => a.length)).toBe(0);
    await page.reload();
    await doctorDone(page);
    expect(await page.$$(ALERT)).toHaveLength(0);
    await page.close();
  });
});

describe('slow connection and buffering', () => {
  it('a throttled, slow site raises slow-connection', async () => {
    h.server.setMode({ delayMs: 1_500 });
    const { page, kind, text } = await alertOn('https://ucl.learnupon.com/dashboard', async (p) => {
      const cdp = await h.context.newCDPSession(p);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 2_000, downloadThroughput: 40_000, uploadThroughput: 20_000 });
    });
    expect(kind).toBe('slow-connection');
    expect(text).toMatch(/VPN/);
    expect(text).not.toMatch(/your VPN is on/i);
    expect(await axeViolations(page, ALERT)).toEqual([]);
    await page.close();
  });

  it('a video that keeps stalling raises media-buffering', async () => {
    h.server.setMode({ stallVideo: true });
    const page = await h.context.newPage();
    await page.goto('https://ucl.learnupon.com/enrollments/104837261/details');
    await page.getByRole('link', { name: /start|resume|review/i }).first().click();
    const frame = page.frameLocator('iframe').first();
    await frame.locator('video').evaluate((v: HTMLVideoElement) => { v.muted = true; void v.play().catch(() => undefined); });
    await page.waitForSelector(ALERT, { timeout: 30_000 });
    expect(await page.getAttribute(ALERT, 'data-mtc-alert')).toBe('media-buffering');
    await page.close();
  });
});

describe('browser check', () => {
  it('Edge (by its client hints) raises unsupported-browser once', async () => {
    const page = await h.context.newPage();
    const cdp = await h.context.newCDPSession(page);
    await cdp.send('Emulation.setUserAgentOverride', {
      userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 Edg/156.0.0.0',
      userAgentMetadata: { brands: [{ brand: 'Microsoft Edge', version: '156' }, { brand: 'Chromium', version: '156' }], platform: 'Windows', platformVersion: '15.0.0', architecture: 'x86', model: '', mobile: false },
    });
    await page.goto('https://app.cybsafe.com/');
    await page.waitForSelector(ALERT, { timeout: 10_000 });
    expect(await page.getAttribute(ALERT, 'data-mtc-alert')).toBe('unsupported-browser');
    await page.close();
  });
});

describe('console', () => {
  it('no CSP errors; no console errors but the slow and stalled loads we caused', () => {
    expect(cspErrors(h.consoleErrors)).toEqual([]);
    expect(realErrors(h.consoleErrors).filter((e) => !/intro-video|ERR_|net::/.test(e))).toEqual([]);
  });
});
