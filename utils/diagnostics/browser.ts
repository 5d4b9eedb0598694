// Chrome is the browser the FAQ recommends. Client hints name Chromium-based browsers reliably
// (Edge, Opera, Brave list themselves as a brand); the user-agent string is the fallback (Firefox, Safari).
import type { Profile } from '@/utils/catalogue/profile';
import { type Diagnosis, step } from './alerts';

export interface UaBrand {
  brand: string;
  version: string;
}

/** Chrome adds a made-up brand ("Not)A;Brand", "Not_A Brand") so sites don't match on exact lists. */
const GREASE_BRAND = /not.?a.?brand/i;
const CHROME_BRANDS = new Set(['google chrome', 'chromium']);

/** Most specific first: Edge and Opera also say "Chrome/" and "Safari/" in their user agent. */
const UA_RULES: [RegExp, string | null][] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Microsoft Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bYaBrowser\//, 'Yandex Browser'],
  [/\bVivaldi\//, 'Vivaldi'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bTrident\/|\bMSIE /, 'Internet Explorer'],
  [/\bCriOS\/|\bChrome\/|\bChromium\//, null],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

/** The browser's name when it is not Chrome/Chromium; null for Chrome, Chromium, or a user agent we cannot place. */
export function nonChromeBrowserName(uaData: { brands: UaBrand[] } | undefined, userAgent: string): string | null {
  const brands = (uaData?.brands ?? []).map((b) => b.brand.trim()).filter((b) => b && !GREASE_BRAND.test(b));
  if (brands.length > 0) return brands.find((b) => !CHROME_BRANDS.has(b.toLowerCase())) ?? null;
  for (const [pattern, name] of UA_RULES) if (pattern.test(userAgent)) return name;
  // Unknown: say nothing rather than nag someone on a browser we cannot name.
  return null;
}

export function detectUnsupportedBrowser(uaData: { brands: UaBrand[] } | undefined, userAgent: string, profile: Profile): Diagnosis | null {
  const name = nonChromeBrowserName(uaData, userAgent);
  if (!name) return null;
  return {
    kind: 'unsupported-browser',
    title: `You are using ${name}: the training works best in Google Chrome`,
    summary: `${profile.organisation} recommends Google Chrome for the online training. In other browsers videos and course pages can fail to load or to record your completion.`,
    steps: [
      { text: 'Open the training in Google Chrome (install it if you don’t have it).', href: 'https://www.google.com/chrome/' },
      step.device(profile),
      step.mailbox(profile),
    ],
    details: { browser: name },
  };
}
