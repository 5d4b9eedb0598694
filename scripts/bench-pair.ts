// `npm run bench:pair -- <build A> <build B> [courses…]`: two builds of the extension compared on the demo
// LearnUpon dashboard in loads that alternate between them (A B, B A, …), each in a fresh tab of its own
// browser. Bench runs minutes apart drift by more than most changes move (README, Benchmarks), so a change
// is judged this way: its build beside the one before it, in the same minutes.
// For each number of courses (default 1 and 100) it prints, per build, the medians of the first read's
// script time and of `load` → all badges, and the median of the paired differences (B − A).
// LOADS=<n> sets the loads per build and number of courses (default 40).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, type Harness } from '../tests/e2e/harness';
import { MARKS } from '../utils/content/renewal-badges';

interface Load {
  /** The first read's script time (`mtc:renewal:run`). */
  script: number;
  /** From the end of the page's `load` to all badges mounted. */
  loadToBadges: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(1)} ms`;

async function measure(h: Harness, courses: number): Promise<Load> {
  const page: Page = await h.context.newPage();
  try {
    await page.goto(`https://ucl.learnupon.com/dashboard?courses=${courses}`, { waitUntil: 'load' });
    await page.waitForFunction((mounted) => performance.getEntriesByName(mounted).length > 0, MARKS.mounted);
    return await page.evaluate(
      ([run, mounted]) => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return {
          script: performance.getEntriesByName(run)[0]!.duration,
          loadToBadges: performance.getEntriesByName(mounted)[0]!.startTime - nav.loadEventEnd,
        };
      },
      [MARKS.run, MARKS.mounted] as const,
    );
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dirs = args.slice(0, 2).map((d) => resolve(d));
  const courses = args.slice(2).map(Number);
  const loads = Number(process.env.LOADS ?? 40);
  if (dirs.length < 2 || dirs.some((d) => !existsSync(join(d, 'manifest.json'))) || courses.some((n) => !(n >= 1)) || !(loads >= 1)) {
    console.error('Usage: npm run bench:pair -- <built extension A> <built extension B> [courses…]   (LOADS=<n>, default 40)');
    process.exit(2);
  }
  const [a, b] = await Promise.all(dirs.map((dir) => launch({ extensionDir: dir })));
  try {
    for (const n of courses.length ? courses : [1, 100]) {
      const pairs: [Load, Load][] = [];
      for (let i = 0; i < loads; i++) {
        // Alternate which build goes first, so neither always meets the machine a moment later.
        const first = i % 2 === 0;
        const x = await measure(first ? a! : b!, n);
        const y = await measure(first ? b! : a!, n);
        pairs.push(first ? [x, y] : [y, x]);
      }
      console.log(`\n${n} course${n === 1 ? '' : 's'}, ${loads} paired loads`);
      for (const key of ['script', 'loadToBadges'] as const) {
        const label = key === 'script' ? 'script time' : 'load → all badges';
        const [ma, mb] = [0, 1].map((k) => median(pairs.map((p) => p[k]![key])));
        const diff = median(pairs.map(([p, q]) => q[key] - p[key]));
        console.log(`  ${label}: A ${ms(ma!)}, B ${ms(mb!)}; B − A, median of pairs: ${signed(diff)}`);
      }
    }
  } finally {
    await Promise.all([a!.close(), b!.close()]);
  }
}

await main();
