// `npm run bench:pair -- <build A> <build B> [courses…]`: two builds of the extension compared on the demo
// LearnUpon dashboard in loads that alternate between them (A B, B A, …), each in a fresh tab of its own
// browser (bench-content.ts pairedLoads, as the bench pairs its own builds). Bench runs minutes apart drift by
// more than most changes move (README, Benchmarks), so a change is judged this way: its build beside the one
// before it, in the same minutes.
// For each number of courses (default 1 and 100) it prints, per build, the medians of the first read's
// script time, of `load` → all badges and of the load event itself, and the median of the paired differences (B − A).
// LOADS=<n> sets the loads per build and number of courses (default 40). TRACED=1 traces each load instead
// (bench-content.ts tracedLoad) and prints the traced rows: evaluation, most extension JS in one task,
// blocking time and all extension JS in the first 1.5 s after `load` (the work after the first read counts).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch } from '../tests/e2e/harness';
import { median, ms, pairedLoads, signed, tracedLoad, url, type TraceFigures } from './bench-content';

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
        const pairs: [TraceFigures, TraceFigures][] = [];
        for (let i = 0; i < loads; i++) {
          // Alternating which goes first, as pairedLoads does.
          const [x, y] = i % 2 === 0 ? [await tracedLoad(a!.context, url(n)), await tracedLoad(b!.context, url(n))] : [await tracedLoad(b!.context, url(n)), await tracedLoad(a!.context, url(n))].reverse();
          pairs.push([x!, y!]);
        }
        console.log(`\n${n} course${n === 1 ? '' : 's'}, ${loads} paired traced loads`);
        for (const [key, label] of [['evaluation', 'evaluation before load'], ['longestTask', 'most extension JS in one task'], ['blocking', 'blocking time'], ['firstSeconds', 'all extension JS in the first 1.5 s']] as const) {
          const [ma, mb] = [0, 1].map((k) => median(pairs.map((p) => p[k]![key])));
          console.log(`  ${label}: A ${ms(ma!)}, B ${ms(mb!)}; B − A, median of pairs: ${signed(median(pairs.map(([x, y]) => y[key] - x[key])))}`);
        }
        continue;
      }
      const pairs = await pairedLoads(a!.context, b!.context, url(n), true, true, loads);
      console.log(`\n${n} course${n === 1 ? '' : 's'}, ${loads} paired loads`);
      for (const [key, label] of [['run', 'script time'], ['loadToBadges', 'load → all badges'], ['load', 'the load event']] as const) {
        const [ma, mb] = [0, 1].map((k) => median(pairs.map((p) => p[k]![key])));
        const diff = median(pairs.map(([x, y]) => y[key] - x[key]));
        console.log(`  ${label}: A ${ms(ma!)}, B ${ms(mb!)}; B − A, median of pairs: ${signed(diff)}`);
      }
    }
  } finally {
    await Promise.all([a!.close(), b!.close()]);
  }
}

await main();
