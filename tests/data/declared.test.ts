// The guard (after Bitwarden's state definitions test): everything the extension keeps is declared in
// utils/data/, and nothing else is kept. Fails when a store, an index, a `meta` key, a Team key or a
// storage.local key exists that is not declared, when the migrations make stores other than the
// declared ones, and when code outside the store layer reaches into storage by hand.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { STORE_NAMES } from '@/utils/data/keys';
import { LOCAL } from '@/utils/data/local';
import { META } from '@/utils/data/meta';
import { STORES } from '@/utils/data/stores';
import type { StoreDeclaration, ValueDeclaration } from '@/utils/data/declare';
import { DB_VERSION, openStore } from '@/utils/store/db';
import { openAtVersion, readAllStores, applyRestore, createBackup, prepareRestore } from '@/utils/backup/store';
import { beginRestore, recoverRestore } from '@/utils/backup/journal';
import { savePageRecords } from '@/utils/background/state';
import { dismiss } from '@/utils/background/dismissals';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { addEvidence } from '@/utils/store/evidence';
import { writeMeta } from '@/utils/store/meta';
import { buildCalendar } from '@/utils/calendar/ics';
import { summariseCourses } from '@/utils/renewal/summary';
import { writeLocal } from '@/utils/store/local';
import { logProblem } from '@/utils/store/problems';
import { saveProfile } from '@/utils/store/profile';
import { listRecords, readRecordsBasis, saveManualCompletion } from '@/utils/store/records';
import { runTeamJob } from '@/utils/team/jobs';
import { setMark } from '@/utils/team/store';
import { logTimeSlice } from '@/utils/timelog/record';
import { saveTimeLogSettings } from '@/utils/timelog/settings';
import { correctTime } from '@/utils/timelog/store';
import { sampleTeam, teamReportXlsx } from '../fixtures/team-report';
import { deleteTestDatabase } from '../fixtures/db/wipe';

afterEach(async () => {
  await deleteTestDatabase();
  await browser.storage.local.clear();
});

const ROOT = join(import.meta.dirname, '../..');

/** Every key held now: per store (keyed stores: their keys), and storage.local's. */
async function heldKeys(): Promise<{ stores: Record<string, unknown[]>; local: string[] }> {
  const stores = await readAllStores(await openStore());
  return {
    stores: Object.fromEntries(stores.map((s) => [s.name, s.keyPath === null ? s.entries.map((e) => e.key) : []])),
    local: Object.keys(await browser.storage.local.get(null)),
  };
}

/** Each writer of the extension, run once with the real code. */
async function useEverything(): Promise<void> {
  const now = Date.now();
  await saveProfile(UCL_PROFILE);
  await saveTimeLogSettings({ enabled: true, name: 'Alex Taylor' });
  await saveManualCompletion({ name: 'UCL Fire Safety' }, '2026-01-02');
  await listRecords();
  await readRecordsBasis();
  const page = { kind: 'content' as const, site: 'learnupon' as const, url: new URL('https://ucl.learnupon.com/dashboard') };
  await savePageRecords(page, [], 0);
  await savePageRecords({ ...page, site: 'cybsafe', url: new URL('https://app.cybsafe.com/') }, [], 0);
  await addEvidence([{ kind: 'certificate', course: null, completedOn: null, name: 'c.pdf', contentType: 'application/pdf', sourceUrl: '', countsForCompliance: true, data: new Blob(['%PDF-1.4'], { type: 'application/pdf' }) }]);
  await logProblem({ kind: 'sso-error', title: 'Sign-in problem', pageUrl: 'https://ucl.learnupon.com/' });
  await writeMeta('person', { name: 'Alex Taylor', email: 'a.taylor@ucl.ac.uk' });
  await writeMeta('collect-failures', []);
  // The completion-issue flow's own (utils/evidence/sender.ts, flow-collect.ts, capture.ts, RoleSpecificFlow).
  await writeMeta('sender', { name: null, email: 'a.taylor@ucl.ac.uk' });
  await writeMeta('collect-runs', { learnupon: { at: now, history: true, historyProblem: null, certificateProblems: [] } });
  await writeMeta('department-addresses', { 'Research Data Management Essentials': 'research-data@ucl.ac.uk' });
  await writeMeta('capture-for', { course: 'UCL Fire Safety', until: now + 60_000 });
  await writeLocal('side-panel-view', 'evidence');
  await writeMeta('reminders-sent', ['x']);
  // The popup's "Add to my calendar" (components/calendar/useCalendar.ts) stores what its file held.
  const lines = summariseCourses(await listRecords(), UCL_PROFILE, '2026-01-03');
  await writeMeta('calendar-state', buildCalendar({ lines, profile: UCL_PROFILE, now: new Date('2026-01-03T09:00:00Z'), previous: null }).state);
  await logTimeSlice('learnupon', 'Prevent at UCL', { start: now - 60_000, end: now }, now);
  await correctTime('2026-01-02', 'UCL Fire Safety', 60_000);
  await dismiss(new URL('https://ucl.learnupon.com/dashboard'), 'sso-error');
  const report = await runTeamJob({ kind: 'import', bytes: teamReportXlsx(sampleTeam(new Date())).slice().buffer as ArrayBuffer, fileName: 'r.xlsx', profile: UCL_PROFILE, today: '2026-11-28' });
  if (!report.ok) throw new Error(report.error);
  await setMark('someone@ucl.ac.uk', 'on-leave');
  // A restore, and one cut short (the journal and its mark).
  await applyRestore(await prepareRestore((await createBackup()).zip), 'backup.zip');
  await beginRestore('cut-short.zip', {});
  await recoverRestore();
  await listRecords();
}

describe('declared data', () => {
  it('the migrations make exactly the declared stores, with their keys and indexes, in the version each says', async () => {
    expect([...STORE_NAMES].sort()).toEqual(Object.keys(STORES).sort());
    for (let version = 1; version <= DB_VERSION; version++) {
      const db = await openAtVersion(`declared-check-${version}`, version);
      const made = Array.from(db.objectStoreNames).sort();
      expect(made, `stores at version ${version}`).toEqual(STORE_NAMES.filter((n) => (STORES[n].since as number) <= version).sort());
      if (version === DB_VERSION) {
        const tx = db.transaction(made as never, 'readonly');
        for (const name of STORE_NAMES) {
          const store = tx.objectStore(name as never) as unknown as IDBObjectStore;
          const declared = STORES[name];
          expect(store.keyPath, name).toEqual(declared.keyPath);
          expect(store.autoIncrement, name).toBe(declared.autoIncrement);
          const indexes = Object.fromEntries(Array.from(store.indexNames).map((i) => [i, store.index(i).keyPath]));
          expect(indexes, name).toEqual(declared.indexes);
        }
      }
      db.close();
      await new Promise((resolve) => (indexedDB.deleteDatabase(`declared-check-${version}`).onsuccess = resolve));
    }
  });

  it('after every writer has run, every key held is declared', async () => {
    await useEverything();
    const held = await heldKeys();
    expect(Object.keys(held.stores).sort()).toEqual([...STORE_NAMES].sort());
    for (const [name, keys] of Object.entries(held.stores)) {
      const declared = STORES[name as keyof typeof STORES];
      if (declared.keyPath !== null) continue;
      for (const key of keys) expect(Object.keys(declared.keys), `${name} holds “${String(key)}”, which is not declared in utils/data/`).toContain(key);
    }
    for (const key of held.local) expect(Object.keys(LOCAL), `storage.local holds “${key}”, which is not declared in utils/data/local.ts`).toContain(key);
    // The run above reaches every declared key but the restore's own passing state (gone when done).
    const reached = new Set(held.stores.meta);
    const passing = ['restore-committed'];
    for (const key of Object.keys(META)) if (!passing.includes(key)) expect(reached.has(key), `meta “${key}” is declared but nothing wrote it`).toBe(true);
  });

  it('every declared value says who writes it, what a backup does with it, and in words', () => {
    const stores = Object.entries(STORES as Record<string, StoreDeclaration>);
    const values: [string, ValueDeclaration][] = [
      ...stores.flatMap(([name, s]): [string, ValueDeclaration][] => (s.keyPath === null ? Object.entries(s.keys).map(([k, v]): [string, ValueDeclaration] => [`${name}/${k}`, v]) : [[name, s]])),
      ...Object.entries(LOCAL as Record<string, ValueDeclaration>).map(([k, v]): [string, ValueDeclaration] => [`storage.local/${k}`, v]),
    ];
    for (const [name, declared] of values) {
      expect(declared.writers.length, name).toBeGreaterThan(0);
      expect(['carried', 'derived', 'device'], name).toContain(declared.backup);
      expect(declared.words.plural.length, name).toBeGreaterThan(3);
      if (declared.backup === 'derived') expect(typeof declared.version, `${name} is derived: it needs a version`).toBe('number');
    }
  });
});

/** Source files of the extension (not tests, not build output). */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((entry) => {
    const path = join(ROOT, dir, entry);
    if (statSync(path).isDirectory()) return sources(relative(ROOT, path));
    return /\.(ts|tsx)$/.test(entry) ? [relative(ROOT, path)] : [];
  });
}

describe('only the store layer touches storage', () => {
  const files = [...sources('utils'), ...sources('components'), ...sources('entrypoints')];
  /**
   * Where storage may be opened by hand: the store layer, backup and restore (which read every store), the
   * worker's access level, and the content scripts' reading of their view in storage.session (below).
   */
  const allowed = (file: string) => /^utils\/(store|backup)\//.test(file) || file === 'entrypoints/background.ts' || file === 'utils/content/state.ts';

  it('no module outside it calls browser storage or opens the meta store (but through the typed metaIn)', () => {
    const offenders = files.filter((f) => !allowed(f)).filter((f) => {
      const code = readFileSync(join(ROOT, f), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      const untypedMeta = [...code.matchAll(/objectStore\('meta'\)/g)].some((m) => !/metaIn\(\w+\.$/.test(code.slice(Math.max(0, m.index - 20), m.index)));
      return /\b(browser|chrome)\.storage\./.test(code) || /\.(get|put|delete|getAll|clear)\(\s*'meta'/.test(code) || untypedMeta;
    });
    expect(offenders).toEqual([]);
  });

  it('content scripts only read storage.session, and only their view there (utils/data/session.ts)', () => {
    const code = readFileSync(join(ROOT, 'utils/content/state.ts'), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
    expect([...code.matchAll(/\b(?:browser|chrome)\.storage\.[\w.]+\([^)]*\)/g)].map((m) => m[0])).toEqual(['browser.storage.session.get(SESSION_KEYS.contentView)']);
  });

  it('components read through hooks, never by opening the database', () => {
    expect(sources('components').filter((f) => /\bopenStore\b/.test(readFileSync(join(ROOT, f), 'utf8')))).toEqual([]);
  });

  it('content scripts import no schema library and no store (from utils/data, only types, the keys and the zod-free session view)', () => {
    const content = files.filter((f) => /^utils\/content\//.test(f) || /\.content\.ts$/.test(f));
    for (const f of content) {
      const runtimeImports = [...readFileSync(join(ROOT, f), 'utf8').matchAll(/^import (?!type )[^;]*?from '([^']+)'/gm)].map((m) => m[1]!);
      for (const spec of runtimeImports) expect(spec, f).not.toMatch(/^@\/utils\/(zod|store\/|data\/(?!(keys|session)$))|^zod/);
    }
    // The two modules of utils/data content scripts run: no schema library, nothing of the store.
    for (const f of ['utils/data/keys.ts', 'utils/data/session.ts']) {
      const runtimeImports = [...readFileSync(join(ROOT, f), 'utf8').matchAll(/^import (?!type )[^;]*?from '([^']+)'/gm)].map((m) => m[1]!);
      expect(runtimeImports.every((spec) => spec === './keys'), f).toBe(true);
    }
  });

  it('utils/data is at the bottom: it imports only itself, zod, bytes and hosts (and the browser, to send)', () => {
    for (const f of sources('utils/data')) {
      const imports = [...readFileSync(join(ROOT, f), 'utf8').matchAll(/^import[^;]*?from '([^']+)'/gm)].map((m) => m[1]!);
      for (const spec of imports) expect(spec, f).toMatch(/^(\.\/|@\/utils\/(zod|bytes|hosts)$|wxt\/browser$)/);
    }
  });
});
