// The bench's trace arithmetic (scripts/bench-content.ts): which work is ours, and what blocks the page.
import { describe, expect, it } from 'vitest';
import { UNPROFILED_CATEGORIES, traceFigures } from '../../scripts/bench-content';

const EXT = 'chrome-extension://abc/content-scripts/learnupon.js';
const ev = (name: string, ts: number, dur: number | undefined, url?: string, ph = 'X') => ({ name, ph, ts: ts * 1000, dur: dur === undefined ? undefined : dur * 1000, pid: 1, tid: 1, args: { data: { url, isOutermostMainFrame: true } } });

describe('traceFigures', () => {
  const events = [
    ev('MarkLoad', 100, undefined, undefined, 'I'),
    // Before load: a 20 ms task holding the script's evaluation (compile inside it is not counted twice).
    ev('RunTask', 10, 20),
    ev('EvaluateScript', 12, 8, EXT),
    ev('v8.compile', 12, 2, EXT),
    // After load: an 80 ms task, 40 ms of it ours: without us it would block 0 ms instead of 30.
    ev('RunTask', 200, 80),
    ev('FunctionCall', 205, 40, EXT),
    ev('FunctionCall', 250, 20, 'https://ucl.learnupon.com/app.js'),
    ev('Layout', 260, 5),
    // The page's own long task, no JS of ours: blocking, but not caused by us.
    ev('RunTask', 400, 120),
    ev('FunctionCall', 401, 110, 'https://ucl.learnupon.com/app.js'),
    // Ours again after 1.5 s: outside the window.
    ev('RunTask', 1700, 5),
    ev('FunctionCall', 1700, 4, EXT),
  ];

  it('counts our JS per task, the blocking it causes, and the first 1.5 s after load', () => {
    const f = traceFigures(events);
    expect(f.evaluation).toBeCloseTo(8);
    expect(f.longestTask).toBeCloseTo(40);
    expect(f.blocking).toBeCloseTo(30);
    expect(f.firstSeconds).toBeCloseTo(40);
    expect(f.styleLayout).toBeCloseTo(5);
  });

  it('takes our JavaScript from the CPU-profile samples when there are some (promise callbacks have no event of their own)', () => {
    // The same trace, and samples every 1 ms from 200 ms: 30 with our code on the stack (20 in it, 10 in a
    // DOM call it made) in the after-load task where the events say 40, then 5 of the page's.
    const nodes = [
      { id: 1, callFrame: { url: '' } },
      { id: 2, parent: 1, callFrame: { url: EXT } },
      { id: 3, parent: 2, callFrame: { url: '' } }, // a DOM call made by our code
      { id: 4, parent: 1, callFrame: { url: 'https://ucl.learnupon.com/app.js' } },
    ];
    const run = (n: number, node: number) => Array.from({ length: n }, () => node);
    const samples = [...run(20, 2), ...run(10, 3), ...run(5, 4), ...run(1, 1)];
    const profile = [
      { name: 'Profile', ph: 'P', ts: 199_000, pid: 1, tid: 1, id: '0x1', args: { data: { startTime: 199_000 } } },
      { name: 'ProfileChunk', ph: 'P', ts: 300_000, pid: 1, tid: 9, id: '0x1', args: { data: { cpuProfile: { nodes, samples }, timeDeltas: samples.map(() => 1000) } } },
    ];
    const f = traceFigures([...events, ...profile] as never);
    expect(f.evaluation).toBeCloseTo(8);
    expect(f.longestTask).toBeCloseTo(30);
    // An 80 ms task, 30 ms of it ours: 50 ms without us, so 30 ms of blocking are ours.
    expect(f.blocking).toBeCloseTo(30);
    expect(f.firstSeconds).toBeCloseTo(30);
  });

  it("counts V8's compiling between the badges' start and all badges, nested compiles once, other threads not at all", () => {
    const f = traceFigures([
      ...events,
      ev('mtc:renewal:start', 150, undefined, undefined, 'R'),
      ev('V8.CompileCode', 140, 3), // before the start
      ev('V8.CompileCode', 206, 4),
      ev('V8.CompileCode', 207, 1), // inside the one above
      ev('V8.CompileCode', 230, 2.5),
      { ...ev('V8.CompileCode', 240, 9), tid: 2 }, // a worker thread's
      ev('mtc:renewal:mounted', 260, undefined, undefined, 'R'),
      ev('V8.CompileCode', 300, 5), // after all badges
    ]);
    expect(f.readCompile).toBeCloseTo(6.5);
    expect(traceFigures(events).readCompile).toBe(0);
  });
});

describe('UNPROFILED_CATEGORIES', () => {
  it('records the scripts\' evaluation events without a CPU profile, which would make the engine compile more', () => {
    expect(UNPROFILED_CATEGORIES).toContain('devtools.timeline'); // EvaluateScript
    expect(UNPROFILED_CATEGORIES).toContain('v8'); // v8.compile
    expect(UNPROFILED_CATEGORIES.some((c) => c.includes('cpu_profiler'))).toBe(false);
  });
});
