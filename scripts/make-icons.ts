// `npm run icons`: renders scripts/icons/icon.svg, the one source of every icon, into the PNGs the
// extension ships (public/icon/). Chromium draws them: the same Debian Chromium the tests use, so
// nothing is downloaded and no image library is needed. The PNGs are committed; run this after
// editing the SVG.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
// @ts-expect-error plain ESM helper shared with the tests and the demo
import { ensureChromium } from './chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const SOURCE = join(root, 'scripts/icons/icon.svg');

/** The drawing's own 32-unit square, and the same with the Web Store's margin (96 px of art in 128). */
const FULL = '0 0 32 32';
const STORE = `${-16 / 3} ${-16 / 3} ${128 / 3} ${128 / 3}`;

export interface IconFile {
  path: string;
  size: number;
  state: 'normal' | 'attention';
  viewBox: string;
}

/** Every PNG drawn from the SVG. The toolbar uses 16 and 32; Chrome's pages 48; the store and install dialog 128. */
export const ICONS: IconFile[] = [
  ...[16, 32, 48].map((size) => ({ path: `public/icon/${size}.png`, size, state: 'normal' as const, viewBox: FULL })),
  { path: 'public/icon/128.png', size: 128, state: 'normal', viewBox: STORE },
  // The toolbar's "something to renew" state.
  ...[16, 32].map((size) => ({ path: `public/icon/attention/${size}.png`, size, state: 'attention' as const, viewBox: FULL })),
];

async function main() {
  const svg = readFileSync(SOURCE, 'utf8');
  const browser = await chromium.launch({ executablePath: ensureChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1, viewport: { width: 256, height: 256 } });
    for (const icon of ICONS) {
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg.replace(/^<\?xml[^>]*>\s*/, '')}</body></html>`);
      await page.evaluate(({ size, state, viewBox }) => {
        const el = document.querySelector('svg')!;
        el.setAttribute('class', state);
        el.setAttribute('viewBox', viewBox);
        el.setAttribute('width', String(size));
        el.setAttribute('height', String(size));
        el.style.display = 'block';
      }, icon);
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: icon.size, height: icon.size } });
      const out = join(root, icon.path);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, png);
      console.log(`${icon.path} (${icon.size}×${icon.size}, ${icon.state})`);
    }
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
