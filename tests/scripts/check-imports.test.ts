// The import-graph check (scripts/check-imports.ts) on small made-up graphs, and on the real one.
import { describe, expect, it } from 'vitest';
import { folderCycles, importEdges, knownCycle, layerViolations, resolveImport, unitOf, type Edge } from '../../scripts/check-imports';

const edge = (from: string, to: string): Edge => ({ from, to });

describe('import graph check', () => {
  it('takes a file’s folder as its unit, and a file directly in utils/ as a unit of its own', () => {
    expect(unitOf('utils/platforms/cybsafe/read.ts')).toBe('utils/platforms/cybsafe');
    expect(unitOf('utils/store/db.ts')).toBe('utils/store');
    expect(unitOf('utils/hosts.ts')).toBe('utils/hosts');
    expect(unitOf('components/welcome/WelcomePage.tsx')).toBe('components/welcome');
  });

  it('finds folders that import each other, directly or round a longer loop, and nothing else', () => {
    const edges = [
      edge('utils/a/x.ts', 'utils/b/y.ts'),
      edge('utils/b/y.ts', 'utils/c/z.ts'),
      edge('utils/c/z.ts', 'utils/a/w.ts'),
      edge('utils/d/p.ts', 'utils/e/q.ts'),
      edge('utils/e/q.ts', 'utils/d/r.ts'),
      // Within one folder, and one way between folders: no cycle.
      edge('utils/f/1.ts', 'utils/f/2.ts'),
      edge('utils/f/2.ts', 'utils/f/1.ts'),
      edge('utils/f/1.ts', 'utils/a/x.ts'),
      // Through a file directly in utils/: that file is its own unit.
      edge('utils/g/1.ts', 'utils/hosts.ts'),
      edge('utils/hosts.ts', 'utils/g/2.ts'),
    ];
    expect(folderCycles(edges)).toEqual([
      ['utils/a', 'utils/b', 'utils/c'],
      ['utils/d', 'utils/e'],
      ['utils/g', 'utils/hosts'],
    ]);
    expect(folderCycles(edges.filter((e) => e.from !== 'utils/c/z.ts'))).toEqual([
      ['utils/d', 'utils/e'],
      ['utils/g', 'utils/hosts'],
    ]);
  });

  it('lets a listed cycle, or part of one, pass, but not one that reaches a folder beyond it', () => {
    const known = [['utils/a', 'utils/b', 'utils/c']];
    expect(knownCycle(['utils/a', 'utils/b', 'utils/c'], known)).toBe(known[0]);
    expect(knownCycle(['utils/a', 'utils/b'], known)).toBe(known[0]);
    expect(knownCycle(['utils/a', 'utils/b', 'utils/d'], known)).toBeUndefined();
    expect(knownCycle(['utils/a', 'utils/b'], [])).toBeUndefined();
  });

  it('refuses imports against the layers: utils → components or entrypoints, components → entrypoints', () => {
    const edges = [
      edge('entrypoints/popup/main.tsx', 'components/Popup.tsx'),
      edge('components/Popup.tsx', 'utils/hosts.ts'),
      edge('entrypoints/background.ts', 'utils/hosts.ts'),
      edge('utils/store/db.ts', 'components/Popup.tsx'),
      edge('utils/store/db.ts', 'entrypoints/background.ts'),
      edge('components/Popup.tsx', 'entrypoints/popup/main.tsx'),
    ];
    expect(layerViolations(edges)).toEqual(edges.slice(3));
  });

  it('resolves both path aliases and relative paths to files, and leaves packages and styles out', () => {
    expect(resolveImport('entrypoints/welcome/main.tsx', '@/components/welcome/WelcomePage')).toBe('components/welcome/WelcomePage.tsx');
    expect(resolveImport('entrypoints/welcome/main.tsx', '../../components/welcome/WelcomePage')).toBe('components/welcome/WelcomePage.tsx');
    expect(resolveImport('entrypoints/background.ts', '~/utils/background/welcome')).toBe('utils/background/welcome.ts');
    expect(resolveImport('components/welcome/WelcomePage.tsx', 'preact/hooks')).toBeNull();
    expect(resolveImport('entrypoints/welcome/main.tsx', '@/components/welcome/welcome.css')).toBeNull();
  });

  it('reads the real imports, type-only ones included', () => {
    const edges = importEdges();
    expect(edges).toContainEqual(edge('entrypoints/welcome/main.tsx', 'components/welcome/WelcomePage.tsx'));
    // components/welcome/WelcomePage.tsx: `import type { Profile } from '@/utils/catalogue/profile'`.
    expect(edges).toContainEqual(edge('components/welcome/WelcomePage.tsx', 'utils/catalogue/profile.ts'));
    expect(edges.some((e) => e.from.startsWith('utils/') && !e.to.startsWith('utils/'))).toBe(false);
  });
});
