// `npm run bench:pair -- <build A> <build B> [courses…]`: two builds of the extension compared on the demo
// LearnUpon dashboard in loads that alternate between them (A B, B A, …), each in a fresh tab of its own
// browser (bench-content.ts pairedLoads, as the bench pairs its own builds). Bench runs minutes apart drift by
// more than most changes move (docs/benchmarks.md), so a change is judged this way: its build beside the one
// before it, in the same minutes.
// For each number of courses (default 1 and 100) it prints, per build, the medians of the first read's
// script time, of `load` → all badges, of the load event itself and of first contentful paint, and the median of
// the paired differences (B − A).
// LOADS=<n> sets the loads per build and number of courses (default 40). TRACED=1 traces each load instead
// (bench-content.ts tracedLoad) and prints the traced rows: evaluation, most extension JS in one task,
// blocking time and all extension JS in the first 1.5 s after `load` (the work after the first read counts).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch } from '../tests/e2e/harness';
import { alternating, median, ms, pairedLoads, signed, tracedLoad, url } from './bench-content';

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
      if (process.env.TRACED) {
        const pairs = await alternating(() => tracedLoad(a!.context, url(n)), () => tracedLoad(b!.context, url(n)), loads);
        report(`${n} course${n === 1 ? '' : 's'}, ${loads} paired traced loads`, pairs, [['evaluation', 'evaluation before load'], ['longestTask', 'most extension JS in one task'], ['blocking', 'blocking time'], ['firstSeconds', 'all extension JS in the first 1.5 s']]);
      } else {
        const pairs = await pairedLoads(a!.context, b!.context, url(n), true, true, loads);
        report(`${n} course${n === 1 ? '' : 's'}, ${loads} paired loads`, pairs, [['run', 'script time'], ['loadToBadges', 'load → all badges'], ['load', 'the load event'], ['fcp', 'first contentful paint']]);
      }
    }
  } finally {
    await Promise.all([a!.close(), b!.close()]);
  }
}

/** Per row: each build's median, and the median of the paired differences (B − A). */
function report<T>(title: string, pairs: [T, T][], rows: [keyof T, string][]): void {
  console.log(`\n${title}`);
  for (const [key, label] of rows) {
    const value = (x: T) => x[key] as number;
    const [ma, mb] = [0, 1].map((k) => median(pairs.map((p) => value(p[k]!))));
    console.log(`  ${label}: A ${ms(ma!)}, B ${ms(mb!)}; B − A, median of pairs: ${signed(median(pairs.map(([x, y]) => value(y) - value(x))))}`);
  }
}

await main();
