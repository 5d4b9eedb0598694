// `npm run check-imports` (part of `npm run typecheck`, so of `npm test`): the import graph between
// folders, checked against docs/architecture.md. It fails when
// - folders under utils/ import each other in a cycle (a folder that needs another must not be needed
//   by it, directly or through others), or
// - a lower layer imports a higher one: utils/ importing components/ or entrypoints/, or components/
//   importing entrypoints/ (the other way round is the normal direction).
// Every import counts, `import type` too: a type import is still a dependency of the design.
// Imports are read with TypeScript's own pre-processor (comments and strings are no trouble); `@/` and
// `~/` mean the repository root, as in tsconfig.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '..');
const SCANNED = ['utils', 'components', 'entrypoints'];

/**
 * Cycles that exist today and are being removed on other branches (issue 11, item 1). Each entry is one
 * cycle's folders. A cycle found that is one of these, or part of one, is reported but does not fail;
 * anything else fails. Empty this list once those branches have landed.
 */
export const KNOWN_CYCLES: readonly (readonly string[])[] = [
];

/** The folder an import graph node stands for: a file's folder, or a file of its own directly in utils/. */
export function unitOf(file: string): string {
  const dir = dirname(file);
  return dir === 'utils' ? file.replace(/\.tsx?$/, '') : dir;
}

export interface Edge {
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  const full = join(ROOT, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.d\.ts$/.test(name) ? [path.split('\\').join('/')] : [];
  });
}

/** The repository file an import names, or null for a package or a non-code file. */
export function resolveImport(fromFile: string, spec: string): string | null {
  let base: string;
  if (/^[@~]\//.test(spec)) base = join(ROOT, spec.slice(2));
  else if (spec.startsWith('.')) base = resolve(ROOT, dirname(fromFile), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return relative(ROOT, candidate).split('\\').join('/');
  }
  return null;
}

/** Every import between the repository's own source files under SCANNED. */
export function importEdges(): Edge[] {
  const edges: Edge[] = [];
  for (const file of SCANNED.flatMap(sourceFiles)) {
    const info = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
    for (const imported of info.importedFiles) {
      const to = resolveImport(file, imported.fileName);
      if (to && to !== file) edges.push({ from: file, to });
    }
  }
  return edges;
}

/** Imports against the layers: utils below components below entrypoints. */
export function layerViolations(edges: readonly Edge[]): Edge[] {
  const layer = (file: string) => (file.startsWith('utils/') ? 0 : file.startsWith('components/') ? 1 : file.startsWith('entrypoints/') ? 2 : -1);
  return edges.filter((e) => layer(e.from) >= 0 && layer(e.to) > layer(e.from));
}

/** Groups of utils/ folders that import each other in a cycle (strongly connected components, Tarjan). */
export function folderCycles(edges: readonly Edge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (!from.startsWith('utils/') || !to.startsWith('utils/')) continue;
    const [a, b] = [unitOf(from), unitOf(to)];
    if (a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    if (!graph.has(b)) graph.set(b, new Set());
    graph.get(a)!.add(b);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** The allow-list entry that covers a cycle (the cycle's folders all in it), if any. */
export function knownCycle(cycle: readonly string[], known: readonly (readonly string[])[] = KNOWN_CYCLES): readonly string[] | undefined {
  return known.find((entry) => cycle.every((unit) => entry.includes(unit)));
}

/** The imports that make a cycle, one line each, so the fix is plain to see. */
function cycleImports(cycle: readonly string[], edges: readonly Edge[]): string[] {
  return edges
    .filter((e) => cycle.includes(unitOf(e.from)) && cycle.includes(unitOf(e.to)) && unitOf(e.from) !== unitOf(e.to))
    .map((e) => `    ${e.from} → ${e.to}`)
    .sort();
}

function main(): number {
  const edges = importEdges();
  let failed = false;
  for (const e of layerViolations(edges)) {
    console.error(`Lower layer imports a higher one: ${e.from} → ${e.to} (see docs/architecture.md)`);
    failed = true;
  }
  const cycles = folderCycles(edges);
  const used = new Set<readonly string[]>();
  for (const cycle of cycles) {
    const entry = knownCycle(cycle);
    if (entry) {
      used.add(entry);
      console.log(`Known cycle, allowed for now (scripts/check-imports.ts KNOWN_CYCLES): ${cycle.join(' ↔ ')}`);
      continue;
    }
    console.error(`Folders under utils/ import each other in a cycle: ${cycle.join(' ↔ ')}\n${cycleImports(cycle, edges).join('\n')}`);
    failed = true;
  }
  for (const entry of KNOWN_CYCLES) {
    if (!used.has(entry)) console.log(`Allowed cycle no longer found, remove it from KNOWN_CYCLES: ${entry.join(' ↔ ')}`);
  }
  if (!failed) console.log(`Import graph: ${edges.length} imports between ${new Set(edges.flatMap((e) => [e.from, e.to])).size} files; no new cycle between folders, no import against the layers.`);
  return failed ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(main());
