import { describe, expect, it } from 'vitest';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { detectUnsupportedBrowser as detectFor, nonChromeBrowserName } from '@/utils/diagnostics/browser';

// The doctor always hands in the profile it holds; these tests read UCL's.
const detectUnsupportedBrowser = (uaData: Parameters<typeof detectFor>[0], userAgent: string) => detectFor(uaData, userAgent, UCL_PROFILE);

const CHROME_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const EDGE_UA = `${CHROME_UA} Edg/131.0.0.0`;
const OPERA_UA = `${CHROME_UA} OPR/115.0.0.0`;
const FIREFOX_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI_UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15';
const brands = (...names: string[]) => ({ brands: names.map((brand) => ({ brand, version: '131' })) });

describe('detectUnsupportedBrowser', () => {
  it('Chrome and Chromium are fine', () => {
    expect(detectUnsupportedBrowser(brands('Google Chrome', 'Chromium', 'Not_A Brand'), CHROME_UA)).toBeNull();
    expect(detectUnsupportedBrowser(brands('Chromium', 'Not)A;Brand'), CHROME_UA)).toBeNull();
    expect(detectUnsupportedBrowser(undefined, CHROME_UA)).toBeNull();
  });

  it('Edge and Opera are named from client hints', () => {
    const d = detectUnsupportedBrowser(brands('Microsoft Edge', 'Chromium', 'Not?A_Brand'), EDGE_UA);
    expect(d).toMatchObject({ kind: 'unsupported-browser', details: { browser: 'Microsoft Edge' } });
    expect(d?.title).toContain('Google Chrome');
    expect(d?.steps[0]?.href).toBe('https://www.google.com/chrome/');
    expect(nonChromeBrowserName(brands('Opera', 'Chromium', 'Not/A)Brand'), OPERA_UA)).toBe('Opera');
  });

  it('falls back to the user agent when there are no client hints', () => {
    expect(nonChromeBrowserName(undefined, FIREFOX_UA)).toBe('Firefox');
    expect(nonChromeBrowserName(undefined, SAFARI_UA)).toBe('Safari');
    expect(nonChromeBrowserName(undefined, EDGE_UA)).toBe('Microsoft Edge');
    expect(nonChromeBrowserName(undefined, OPERA_UA)).toBe('Opera');
    expect(nonChromeBrowserName(brands('Not A(Brand'), FIREFOX_UA)).toBe('Firefox');
    expect(detectUnsupportedBrowser(undefined, FIREFOX_UA)?.kind).toBe('unsupported-browser');
  });

  it('says nothing for a user agent it cannot place', () => {
    expect(detectUnsupportedBrowser(undefined, 'curl/8.0')).toBeNull();
    expect(detectUnsupportedBrowser(undefined, '')).toBeNull();
  });
});
