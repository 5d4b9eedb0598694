// The LearnUpon content scripts' budgets (issue 15), measured beside two builds made in the same run:
// - "empty": the same extension with empty LearnUpon content scripts (`void 0;`: the badges' script and the
//   doctor's): what any content script costs the page, whatever it does;
// - "floor": a hand-written script that reads every card (querySelectorAll + textContent) and marks each
//   with a plain span (and again after a redraw), and no doctor: about the least any badge script can do.
// It knows the demo dashboard's markup on purpose: it is a yardstick, not a reader.
// Our build, the two above and the browser without an extension are launched the same way (each its own
// copy of the build, the welcome tab closed), so paired rows compare the scripts and nothing else.
// Every row is a median over fresh tabs; with/without rows are medians of paired, alternating loads.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { browserArgs, EXTENSION_DIR, WELCOME_PAGE, welcomeTab, type Harness } from '../tests/e2e/harness';
import { listMarkupWithoutBadges } from '../tests/e2e/redraw';
// @ts-expect-error plain ESM helper
import { findChromium } from './chromium.mjs';

export interface ContentRow {
  what: string;
  measured: string;
  budget?: string;
  ok?: boolean | null;
}

// At least 20 loads behind each median (issue 15): the traced rows moved by several milliseconds between
// runs with 7, more than some of them have to spare.
const PAIRS = 20;
const RUNS = 20;
const TRACED_RUNS = 20;
/** Traced loads with V8's compile events, per build and size. */
const COMPILE_RUNS = 8;
const LONG_TASK_MS = 50;

export const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : Number.NaN;
};
export const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');
export const signed = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${x.toFixed(1)} ms` : 'n/a');
export const url = (n: number) => `https://ucl.learnupon.com/dashboard?courses=${n}`;

export const FLOOR_SCRIPT = `(() => {
  const mark = () => {
    const t0 = performance.now();
    for (const card of document.querySelectorAll('.enrollment-tile')) {
      if (card.querySelector('[data-mtc-floor]')) continue;
      const text = card.textContent || '';
      const span = document.createElement('span');
      span.setAttribute('data-mtc', 'renewal');
      span.setAttribute('data-mtc-floor', '');
      span.textContent = text.includes('Completed') ? 'Renew by 1 Jan 2027' : 'Not completed yet';
      (card.querySelector('h3') || card).after(span);
    }
    return t0;
  };
  const start = () => {
    performance.mark('mtc:renewal:start');
    const t0 = mark();
    performance.measure('mtc:renewal:run', { start: t0, end: performance.now() });
    performance.mark('mtc:renewal:mounted');
    let queued = 0;
    new MutationObserver((records) => {
      if (queued || records.every((r) => [...r.addedNodes].every((n) => n.nodeType === 1 && n.hasAttribute('data-mtc-floor')))) return;
      queued = requestAnimationFrame(() => { queued = 0; mark(); });
    }).observe(document.body, { childList: true, subtree: true });
  };
  if (document.readyState === 'complete') setTimeout(start);
  else addEventListener('load', () => setTimeout(start), { once: true });
})();
`;

/** The built content scripts that run on the LearnUpon dashboard (the badges' and the doctor's), from the manifest. */
function dashboardScripts(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts?: { matches: string[]; js?: string[] }[] };
  return (manifest.content_scripts ?? []).filter((c) => c.matches.includes('https://*.learnupon.com/*')).flatMap((c) => c.js ?? []);
}

/** A copy of the built extension; `badges` replaces the LearnUpon badges' script, and every other LearnUpon script is emptied. */
function variant(name: string, badges?: string): string {
  const dir = mkdtempSync(join(tmpdir(), `mtc-bench-${name}-`));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  if (badges !== undefined) {
    for (const js of dashboardScripts(dir)) writeFileSync(join(dir, js), js === 'content-scripts/learnupon.js' ? badges : 'void 0;\n');
  }
  return dir;
}

async function launchWith(extensionDir: string | null, h: Harness): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'mtc-bench-profile-'));
  const ext = extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    args: [...ext, ...browserArgs(h.server)],
  });
  if (extensionDir) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    // The install opens the welcome tab: closed, so it does not load beside the first measured pages.
    await (await welcomeTab(context, `${new URL(worker.url()).origin}/${WELCOME_PAGE}`))?.close();
  }
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PageTimes {
  load: number;
  fcp: number;
  lcp: number;
  /** Script time of the first run to all badges (mtc:renewal:run), when the script marks it. */
  run: number;
  /** `load` → all badges mounted. */
  loadToBadges: number;
  badges: number;
}

/** Set before any page script: the LCP candidates, kept for reading after load. */
const LCP_INIT = `(() => {
  window.__mtcLcp = NaN;
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__mtcLcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true }); } catch {}
})();`;

/** A fresh tab: load the page, wait for the badges (when an extension draws them), read the timings. */
async function loadOnce(context: BrowserContext, target: string, options: { badges: boolean; before?: (page: Page) => Promise<void> }): Promise<PageTimes> {
  const page = await context.newPage();
  await page.addInitScript(LCP_INIT);
  try {
    await options.before?.(page);
    await page.goto(target, { waitUntil: 'load' });
    if (options.badges) await page.waitForFunction(() => performance.getEntriesByName('mtc:renewal:mounted').length > 0, undefined, { timeout: 30_000 });
    // Without badges to wait for: until the first paint is timed (a page can fire `load` before it), so
    // every load of a pair has its paint times.
    else await page.waitForFunction(() => performance.getEntriesByType('paint').length > 0 && !Number.isNaN((window as unknown as { __mtcLcp: number }).__mtcLcp), undefined, { timeout: 10_000, polling: 'raf' });
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const mounted = performance.getEntriesByName('mtc:renewal:mounted')[0]?.startTime ?? Number.NaN;
      return {
        load: nav.loadEventEnd,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        lcp: (window as unknown as { __mtcLcp: number }).__mtcLcp,
        run: performance.getEntriesByName('mtc:renewal:run')[0]?.duration ?? Number.NaN,
        loadToBadges: mounted - nav.loadEventEnd,
        badges: document.querySelectorAll('[data-mtc="renewal"]').length,
      };
    });
  } finally {
    await page.close();
  }
}

/** Paired, alternating loads of the same page in two browsers, after one load in each to warm them: each pair as (a, b). */
export async function pairedLoads(a: BrowserContext, b: BrowserContext, target: string, aBadges: boolean, bBadges: boolean, count = PAIRS): Promise<[PageTimes, PageTimes][]> {
  const one = (ctx: BrowserContext) => loadOnce(ctx, target, { badges: ctx === a ? aBadges : bBadges });
  await one(a);
  await one(b); // warm both
  return alternating(() => one(a), () => one(b), count);
}

/** `count` pairs of runs back to back, alternating which goes first (the machine's load drifts over seconds): [a's, b's]. */
export async function alternating<T>(a: () => Promise<T>, b: () => Promise<T>, count: number): Promise<[T, T][]> {
  const pairs: [T, T][] = [];
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      const x = await a();
      pairs.push([x, await b()]);
    } else {
      const y = await b();
      pairs.push([await a(), y]);
    }
  }
  return pairs;
}

/** The median of the pairs' differences (a − b) in `load` and paint, over paired, alternating loads. */
async function paired(a: BrowserContext, b: BrowserContext, target: string, aBadges: boolean, bBadges: boolean) {
  const pairs = await pairedLoads(a, b, target, aBadges, bBadges);
  const diff = (key: 'load' | 'fcp' | 'lcp') => median(pairs.map(([x, y]) => x[key] - y[key]));
  return { load: diff('load'), fcp: diff('fcp'), lcp: diff('lcp') };
}

/**
 * After the badges are up, the list is drawn again from its own HTML (as a single-page app does) and the
 * time until every badge is back is taken in the page: from just after the redraw to the mutation that
 * brings the last badge back.
 */
async function redrawOnce(context: BrowserContext, target: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(target, { waitUntil: 'load' });
    // Past the demo dashboard's own redraw (300 ms after its script) and the badges' return from it.
    await page.waitForFunction(() => performance.now() > 1500 && document.querySelectorAll('[data-mtc="renewal"]').length > 0, undefined, { timeout: 30_000, polling: 100 });
    const html = await page.evaluate(listMarkupWithoutBadges);
    return await page.evaluate(
      (html: string) =>
        new Promise<number>((resolve, reject) => {
          const list = document.getElementById('lu-course-list')!;
          const expected = document.querySelectorAll('[data-mtc="renewal"]').length;
          let t0 = 0;
          const observer = new MutationObserver(() => {
            if (document.querySelectorAll('[data-mtc="renewal"]').length >= expected) {
              observer.disconnect();
              resolve(performance.now() - t0);
            }
          });
          observer.observe(document.body, { childList: true, subtree: true });
          setTimeout(() => reject(new Error('badges did not come back within 10 s')), 10_000);
          list.innerHTML = html;
          t0 = performance.now();
        }),
      html,
    );
  } finally {
    await page.close();
  }
}

/**
 * How long our content script waits for its state: the view in storage.session (utils/data/session.ts)
 * against the `get-state` message, with the background awake and stopped. Timed inside the content
 * script's own isolated world on a dashboard whose badges are up.
 */
async function stateRead(context: BrowserContext, target: string): Promise<{ view: number; awake: number; stopped: number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    const worlds: { id: number; name: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; name: string; auxData?: { type?: string } } }) => void worlds.push(e.context));
    await cdp.send('Runtime.enable');
    await page.goto(target, { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('mtc:renewal:mounted').length > 0, undefined, { timeout: 30_000 });
    const world = worlds.find((w) => w.auxData?.type === 'isolated' && w.name === 'Mandatory Training Companion');
    if (!world) throw new Error('no content-script world');
    const time = async (expression: string) => {
      const { result } = (await cdp.send('Runtime.evaluate', { contextId: world.id, awaitPromise: true, returnByValue: true, expression: `(async () => { const t = performance.now(); await ${expression}; return performance.now() - t; })()` })) as { result: { value: number } };
      return result.value;
    };
    const view = await time(`chrome.storage.session.get('content-view')`);
    const awake = await time(`chrome.runtime.sendMessage({ type: 'get-state' })`);
    await cdp.send('ServiceWorker.enable' as never);
    await cdp.send('ServiceWorker.stopAllWorkers' as never);
    const stopped = await time(`chrome.runtime.sendMessage({ type: 'get-state' })`);
    return { view, awake, stopped };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

// ---------------------------------------------------------------- traces

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; isOutermostMainFrame?: boolean }; fileName?: string };
}

export interface TraceFigures {
  /** The content script's evaluation (compile + run of the bundle), before `load`. */
  evaluation: number;
  /** The most extension JavaScript in one task of the page's main thread. */
  longestTask: number;
  /** Blocking time (task time over 50 ms) that would go if the extension's JavaScript were not in the tasks. */
  blocking: number;
  /** All extension JavaScript in the first 1.5 s after `load`. */
  firstSeconds: number;
  /** Style recalculation and layout after `load` (first 1.5 s): the badges' share of rendering work. */
  styleLayout: number;
  /**
   * V8 compiling code (functions compiled on their first call) on the main thread from the badges' start to
   * all badges (their marks): what meeting our code cold costs before any of it runs. Only in traces that
   * record it (COMPILE_CATEGORIES); else 0.
   */
  readCompile: number;
}

/** What a traced load records: the main thread's tasks and events, user timing, and CPU-profile samples. */
const TRACE_CATEGORIES = ['devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading', 'toplevel', 'disabled-by-default-v8.cpu_profiler'];
/**
 * The same without the CPU profile, for the evaluation row, which needs no samples: a running profile makes
 * the engine compile more (source positions for every function), which a user's browser does not pay (the
 * same build's evaluation: 25.5 ms with it, 20.2 ms without, in 16 alternating loads; docs/benchmarks.md).
 */
export const UNPROFILED_CATEGORIES = TRACE_CATEGORIES.filter((c) => c !== 'disabled-by-default-v8.cpu_profiler');
/**
 * What a load traced for V8's compile events (V8.CompileCode) records: those, and no CPU profile, whose
 * sampling makes the engine compile more (source positions for every function: about twice the
 * compiling at 1 course). Left out of the other traced loads: they add many events.
 */
export const COMPILE_CATEGORIES = ['devtools.timeline', 'v8', 'blink.user_timing', 'loading', 'toplevel', 'disabled-by-default-v8.compile'];

const EXTENSION_JS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'TimerFire', 'FireAnimationFrame', 'v8.run']);

function isExtensionJs(e: TraceEvent): boolean {
  if (!EXTENSION_JS.has(e.name)) return false;
  const where = e.args?.data?.url ?? e.args?.fileName ?? '';
  return where.startsWith('chrome-extension://');
}

/** A CPU-profile sample of the main thread: when, for how long, and whether our code was on the stack. */
interface Sample {
  ts: number;
  dur: number;
  ours: boolean;
}

/**
 * The main thread's CPU-profile samples from the trace (category `disabled-by-default-v8.cpu_profiler`),
 * each marked ours when a frame of an extension script is on its stack. Samples see the JavaScript that
 * trace events miss: our features run in promise callbacks, which have no FunctionCall event of their own.
 */
export function mainThreadSamples(events: TraceEvent[], main: { pid: number; tid: number }): Sample[] {
  const profiles = new Map<string, { t: number; nodes: Map<number, boolean>; samples: { ts: number; ours: boolean }[] }>();
  for (const e of events.filter((e) => e.name === 'Profile' || e.name === 'ProfileChunk').sort((a, b) => a.ts - b.ts)) {
    const key = `${e.pid}:${(e as { id?: string }).id}`;
    const data = (e.args as { data?: { startTime?: number; cpuProfile?: { nodes?: { id: number; parent?: number; callFrame: { url?: string } }[]; samples?: number[] }; timeDeltas?: number[] } } | undefined)?.data;
    if (e.name === 'Profile') {
      if (e.pid === main.pid && e.tid === main.tid) profiles.set(key, { t: data?.startTime ?? e.ts, nodes: new Map(), samples: [] });
      continue;
    }
    const profile = profiles.get(key);
    if (!profile || !data) continue;
    for (const node of data.cpuProfile?.nodes ?? []) {
      const own = (node.callFrame.url ?? '').startsWith('chrome-extension://');
      profile.nodes.set(node.id, own || (node.parent !== undefined && profile.nodes.get(node.parent) === true));
    }
    const deltas = data.timeDeltas ?? [];
    (data.cpuProfile?.samples ?? []).forEach((id, i) => {
      profile.t += deltas[i] ?? 0;
      profile.samples.push({ ts: profile.t, ours: profile.nodes.get(id) === true });
    });
  }
  const samples = [...profiles.values()].flatMap((p) => p.samples).sort((a, b) => a.ts - b.ts);
  const gaps = samples.slice(1).map((s, i) => s.ts - samples[i]!.ts).sort((a, b) => a - b);
  const usual = gaps[Math.floor(gaps.length / 2)] ?? 0;
  // A sample stands for the time until the next one, but no longer than a few usual intervals (idle gaps).
  return samples.map((s, i) => ({ ...s, dur: Math.min((samples[i + 1]?.ts ?? s.ts + usual) - s.ts, 4 * usual) }));
}

/**
 * Figures from one traced load. The evaluation is the extension scripts' EvaluateScript events before
 * `load`. Our JavaScript per task comes from the CPU-profile samples when the trace has them (see
 * mainThreadSamples), else from our outermost trace events (nested events counted once).
 */
export function traceFigures(events: TraceEvent[]): TraceFigures {
  const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  const ours = complete.filter(isExtensionJs).sort((a, b) => a.ts - b.ts);
  const main = ours[0] ? { pid: ours[0].pid, tid: ours[0].tid } : null;
  const onMain = (e: TraceEvent) => !!main && e.pid === main.pid && e.tid === main.tid;
  const loads = events.filter((e) => e.name === 'MarkLoad' && onMain(e) && e.args?.data?.isOutermostMainFrame);
  const loadTs = loads[loads.length - 1]?.ts ?? Number.NaN;
  const outer = outermost(ours.filter(onMain));
  const evaluation = outer.filter((e) => (e.name === 'EvaluateScript' || e.name === 'v8.compile') && e.ts < loadTs).reduce((s, e) => s + e.dur!, 0) / 1000;
  const samples = main ? mainThreadSamples(events, main).filter((s) => s.ours) : [];
  /** Our JavaScript between two times, in ms. */
  const ourJs = samples.length
    ? (from: number, to: number) => samples.filter((s) => s.ts >= from && s.ts < to).reduce((sum, s) => sum + s.dur, 0) / 1000
    : (from: number, to: number) => outer.filter((e) => e.ts >= from && e.ts < to).reduce((sum, e) => sum + e.dur!, 0) / 1000;
  const tasks = complete.filter((e) => onMain(e) && e.name === 'RunTask');
  let longestTask = 0;
  let blocking = 0;
  for (const task of tasks) {
    const js = ourJs(task.ts, task.ts + task.dur!);
    if (!js) continue;
    longestTask = Math.max(longestTask, js);
    const total = task.dur! / 1000;
    blocking += Math.max(0, total - LONG_TASK_MS) - Math.max(0, total - js - LONG_TASK_MS);
  }
  const windowEnd = loadTs + 1_500_000;
  const firstSeconds = ourJs(loadTs, windowEnd);
  const styleLayout =
    complete.filter((e) => onMain(e) && (e.name === 'UpdateLayoutTree' || e.name === 'Layout') && e.ts >= loadTs && e.ts < windowEnd).reduce((s, e) => s + e.dur!, 0) / 1000;
  return { evaluation, longestTask, blocking, firstSeconds, styleLayout, readCompile: compileBetween(events.filter(onMain), 'mtc:renewal:start', 'mtc:renewal:mounted') };
}

/** Complete events in time order without those nested in an earlier one (each stretch of time counted once). */
function outermost(events: TraceEvent[]): TraceEvent[] {
  const outer: TraceEvent[] = [];
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    const last = outer[outer.length - 1];
    if (last && e.ts < last.ts + last.dur!) continue;
    outer.push(e);
  }
  return outer;
}

/** V8.CompileCode among one thread's events between the first of two marks and the first of the other (nested compiles once), in ms; 0 without the marks. */
function compileBetween(events: TraceEvent[], from: string, to: string): number {
  const start = events.find((e) => e.name === from)?.ts;
  const end = events.find((e) => e.name === to)?.ts;
  if (start === undefined || end === undefined) return 0;
  const compiles = events.filter((e) => e.name === 'V8.CompileCode' && e.ph === 'X' && typeof e.dur === 'number' && e.ts >= start && e.ts + e.dur <= end);
  return outermost(compiles).reduce((s, e) => s + e.dur!, 0) / 1000;
}

export async function tracedLoad(context: BrowserContext, target: string, categories = TRACE_CATEGORIES): Promise<TraceFigures> {
  const page = await context.newPage();
  let cdp: CDPSession | null = null;
  try {
    cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
    const complete = new Promise((r) => cdp!.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', {
      traceConfig: { includedCategories: categories },
      transferMode: 'ReportEvents',
    } as never);
    await page.goto(target, { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('mtc:renewal:mounted').length > 0, undefined, { timeout: 30_000 });
    // The first 1.5 s after load, including the dashboard's own redraw and the badges' return.
    await page.waitForFunction(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return performance.now() > nav.loadEventEnd + 1600;
    }, undefined, { polling: 100 });
    await cdp.send('Tracing.end');
    await complete;
    return traceFigures(events);
  } finally {
    await cdp?.detach().catch(() => undefined);
    await page.close();
  }
}

// ---------------------------------------------------------------- the run

/** The parts of the run, in order; `npm run bench -- --only content:redraw,traced` measures some of them. */
export const CONTENT_PARTS = ['paint', 'script', 'state', 'redraw', 'traced', 'compile'] as const;
export type ContentPart = (typeof CONTENT_PARTS)[number];

export async function benchContent(h: Harness, add: (row: ContentRow) => void, parts: ReadonlySet<ContentPart> = new Set(CONTENT_PARTS)): Promise<void> {
  const oursDir = variant('ours');
  const emptyDir = variant('empty', 'void 0;\n');
  const floorDir = variant('floor', FLOOR_SCRIPT);
  const plain = await launchWith(null, h);
  const mine = await launchWith(oursDir, h);
  const empty = await launchWith(emptyDir, h);
  const floor = await launchWith(floorDir, h);
  const ours = mine.context;
  try {
    if (parts.has('paint')) {
      console.log(`\nPaint and load, with vs without the extension (${PAIRS} paired, alternating loads; fresh tabs)`);
      for (const n of [10, 100]) {
        const d = await paired(ours, plain.context, url(n), true, false);
        const e = await paired(empty.context, plain.context, url(n), false, false);
        add({ what: `${n} courses: first contentful paint, with − without (empty scripts − without: ${signed(e.fcp)})`, measured: signed(d.fcp), budget: '≤ +16 ms', ok: d.fcp <= 16 });
        add({ what: `${n} courses: largest contentful paint, with − without (empty scripts − without: ${signed(e.lcp)})`, measured: signed(d.lcp), budget: '≤ +16 ms', ok: d.lcp <= 16 });
        if (n === 100) add({ what: `100 courses: load event, with − without (reference; not a budget; empty scripts − without: ${signed(e.load)})`, measured: signed(d.load) });
      }
      const e = await paired(ours, empty.context, url(100), true, false);
      add({ what: '100 courses: load event, with − the same build with empty LearnUpon scripts', measured: signed(e.load), budget: '≤ +10 ms', ok: e.load <= 10 });
    }

    if (parts.has('script')) {
      console.log(`\nScript time, cold first run (${RUNS} fresh tabs each)`);
      const runAt = new Map<number, number>();
      for (const [n, budget] of [[100, 16], [500, 30]] as const) {
        const mine = [];
        const base = [];
        for (let i = 0; i < RUNS; i++) {
          mine.push(await loadOnce(ours, url(n), { badges: true }));
          base.push(await loadOnce(floor.context, url(n), { badges: true }));
        }
        const run = median(mine.map((t) => t.run));
        const floorRun = median(base.map((t) => t.run));
        runAt.set(n, run);
        add({ what: `${n} courses: script time, start → all ${mine[0]!.badges} badges (floor: ${ms(floorRun)})`, measured: `${ms(run)} (${(run / floorRun).toFixed(1)}× floor)`, budget: `≤ ${budget} ms`, ok: run <= budget });
        if (n === 100) {
          const awake = median(mine.map((t) => t.loadToBadges));
          add({ what: '100 courses: load → all badges, background awake', measured: ms(awake), budget: '≤ 50 ms', ok: awake <= 50 });
        }
      }
      // What a budget above is made of: the part every page pays whatever it lists (a one-course dashboard:
      // the engine meeting our code cold, the page's own furniture, one badge) and the cost per course after it.
      const one: number[] = [];
      for (let i = 0; i < RUNS; i++) one.push((await loadOnce(ours, url(1), { badges: true })).run);
      const run1 = median(one);
      const perCourse = (n: number) => `${((runAt.get(n)! - run1) / (n - 1)).toFixed(2)} ms per course to ${n}`;
      add({ what: `1 course: script time, start → its badge (reference: what every page pays; then ${perCourse(100)}, ${perCourse(500)})`, measured: ms(run1) });
      const stopped: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = await loadOnce(ours, url(100), {
          badges: true,
          before: async (page) => {
            const cdp = await ours.newCDPSession(page);
            await cdp.send('ServiceWorker.enable' as never);
            await cdp.send('ServiceWorker.stopAllWorkers' as never);
            await cdp.detach();
          },
        });
        stopped.push(t.loadToBadges);
      }
      add({ what: '100 courses: load → all badges, background stopped before the load', measured: ms(median(stopped)), budget: '≤ 50 ms', ok: median(stopped) <= 50 });
    }

    if (parts.has('state')) {
      console.log(`\nThe content script's state: the view in storage.session vs asking the background (${RUNS} fresh tabs)`);
      const reads: { view: number; awake: number; stopped: number }[] = [];
      for (let i = 0; i < RUNS; i++) reads.push(await stateRead(ours, url(100)));
      const r = (k: 'view' | 'awake' | 'stopped') => median(reads.map((x) => x[k]));
      add({ what: `state read by the content script: the view in storage.session (asking the background instead: ${ms(r('awake'))} awake, ${ms(r('stopped'))} stopped)`, measured: ms(r('view')) });
    }

    if (parts.has('redraw')) {
      console.log(`\nList redrawn → badges back (${RUNS} fresh tabs each)`);
      for (const [n, budget] of [[100, 16], [500, 33]] as const) {
        const mine: number[] = [];
        const base: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          mine.push(await redrawOnce(ours, url(n)));
          base.push(await redrawOnce(floor.context, url(n)));
        }
        add({ what: `${n} courses: list redrawn → badges back (floor: ${ms(median(base))})`, measured: ms(median(mine)), budget: `≤ ${budget} ms`, ok: median(mine) <= budget });
      }
    }

    if (parts.has('traced')) {
      console.log(`\nTraced loads (${TRACED_RUNS} fresh tabs each)`);
      for (const n of [100, 500]) {
        const mine: TraceFigures[] = [];
        const base: TraceFigures[] = [];
        for (let i = 0; i < TRACED_RUNS; i++) {
          mine.push(await tracedLoad(ours, url(n)));
          base.push(await tracedLoad(floor.context, url(n)));
        }
        const m = (k: keyof TraceFigures, xs: TraceFigures[]) => median(xs.map((x) => x[k]));
        if (n === 100) {
          // The evaluation as a user's browser runs it: traced without the CPU profile (UNPROFILED_CATEGORIES).
          const plainMine: number[] = [];
          const plainBase: number[] = [];
          for (let i = 0; i < TRACED_RUNS; i++) {
            plainMine.push((await tracedLoad(ours, url(n), UNPROFILED_CATEGORIES)).evaluation);
            plainBase.push((await tracedLoad(floor.context, url(n), UNPROFILED_CATEGORIES)).evaluation);
          }
          const evaluation = median(plainMine);
          add({
            what: `cold evaluation of the LearnUpon content script before load (floor: ${ms(median(plainBase))}; with a CPU profile running, as the traced rows below: ${ms(m('evaluation', mine))}, floor ${ms(m('evaluation', base))})`,
            measured: ms(evaluation),
            budget: '≤ 10 ms',
            ok: evaluation <= 10,
          });
        }
        const [taskBudget, blockBudget] = n === 100 ? [16, 0] : [50, 10];
        add({ what: `${n} courses: most extension JS in one task (floor: ${ms(m('longestTask', base))})`, measured: ms(m('longestTask', mine)), budget: `≤ ${taskBudget} ms`, ok: m('longestTask', mine) <= taskBudget });
        add({ what: `${n} courses: blocking time caused by the extension (floor: ${ms(m('blocking', base))})`, measured: ms(m('blocking', mine)), budget: blockBudget ? `≤ ${blockBudget} ms` : '0 ms', ok: m('blocking', mine) <= blockBudget });
        if (n === 100) {
          add({ what: `100 courses: all extension JS in the first 1.5 s after load (floor: ${ms(m('firstSeconds', base))})`, measured: ms(m('firstSeconds', mine)), budget: '≤ 40 ms', ok: m('firstSeconds', mine) <= 40 });
          const ratio = m('styleLayout', mine) / m('styleLayout', base);
          add({ what: `100 courses: style + layout after load, badges vs plain spans (${ms(m('styleLayout', mine))} vs ${ms(m('styleLayout', base))})`, measured: `${ratio.toFixed(2)}×`, budget: '≤ 1.6× (guard)', ok: ratio <= 1.6 });
        }
      }
    }

    if (parts.has('compile')) {
      // What the script-time rows are made of before any of our code runs: the engine compiling it on first
      // call. Traced apart, with V8's compile events and without the CPU profile (COMPILE_CATEGORIES).
      console.log(`\nV8 compiling on first call (${COMPILE_RUNS} traced fresh tabs each)`);
      for (const n of [1, 100]) {
        const mine: number[] = [];
        const base: number[] = [];
        for (let i = 0; i < COMPILE_RUNS; i++) {
          mine.push((await tracedLoad(ours, url(n), COMPILE_CATEGORIES)).readCompile);
          base.push((await tracedLoad(floor.context, url(n), COMPILE_CATEGORIES)).readCompile);
        }
        add({ what: `${n} course${n === 1 ? '' : 's'}: V8 compiling code on first call, badges' start → all badges (reference, traced; floor: ${ms(median(base))})`, measured: ms(median(mine)) });
      }
    }
  } finally {
    await Promise.all([plain.close(), mine.close(), empty.close(), floor.close()]);
    for (const dir of [oursDir, emptyDir, floorDir]) rmSync(dir, { recursive: true, force: true });
  }
}
