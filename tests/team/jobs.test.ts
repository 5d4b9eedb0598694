import { afterEach, describe, expect, it } from 'vitest';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { toCsv } from '@/utils/sheets/csv';
import { DB_NAME, MIGRATIONS, openStore } from '@/utils/store/db';
import { listRecords, upsertRecords } from '@/utils/store/records';
import { runTeamJob } from '@/utils/team/jobs';
import { toSavedMapping } from '@/utils/team/mapping';
import { deleteTeamData, listMarks, loadMapping, loadReport, setMark } from '@/utils/team/store';
import { sampleTeam, teamReportXlsx } from '../fixtures/team-report';
import { deleteTestDatabase } from '../fixtures/db/wipe';

const TODAY = '2026-11-28';
const NOW = new Date('2026-11-28T12:00:00Z');
const job = { profile: UCL_PROFILE, today: TODAY };
const buffer = (bytes: Uint8Array) => bytes.slice().buffer as ArrayBuffer;

afterEach(deleteTestDatabase);

describe('team jobs and store', () => {
  it('imports a report, keeps it apart from the manager’s own records, and loads it again', async () => {
    await upsertRecords([
      {
        id: 'own', course: 'UCL Fire Safety', title: 'UCL Fire Safety', status: 'completed', completedOn: '2025-01-01', dueOn: null, certExpiresOn: null,
        enrollmentId: null, certificateUrl: null, source: 'manual', sourceUrl: '', seenAt: '', countsForCompliance: true,
      },
    ]);
    const imported = await runTeamJob({ kind: 'import', bytes: buffer(teamReportXlsx(sampleTeam(NOW))), fileName: 'report.xlsx', ...job });
    if (!imported.ok) throw new Error(imported.error);
    expect(imported.entries).toHaveLength(11);
    expect(imported.report).toMatchObject({ fileName: 'report.xlsx', rowCount: 11, unrecognised: [{ title: 'Lab Safety for Chemists', rows: 1 }] });
    expect(imported.report).not.toHaveProperty('file');
    expect(imported.report).not.toHaveProperty('rows');
    expect((await listRecords()).map((r) => r.id)).toEqual(['own']);
    expect((await loadMapping())?.fields).toMatchObject({ name: 'Full Name', absence: 'Absence Status', employment: null });

    const loaded = await runTeamJob({ kind: 'load', ...job });
    expect(loaded.ok && loaded.entries).toEqual(imported.entries);
  });

  it('applies a changed column choice to the stored file, and keeps the report when a choice does not fit', async () => {
    const file = teamReportXlsx(sampleTeam(NOW), { headers: { 'Absence Status': 'HR Note' } });
    const first = await runTeamJob({ kind: 'import', bytes: buffer(file), fileName: 'r.xlsx', ...job });
    if (!first.ok) throw new Error(first.error);
    expect(first.entries.every((e) => e.availability === 'active')).toBe(true);
    const stored = (await loadReport())!;
    const remapped = await runTeamJob({ kind: 'remap', mapping: toSavedMapping(stored.headers, { ...stored.columns, absence: stored.headers.indexOf('HR Note') }), ...job });
    if (!remapped.ok) throw new Error(remapped.error);
    expect(remapped.entries.find((e) => e.person === 'p.patel@ucl.ac.uk')?.availability).toBe('on-leave');
    expect((await loadMapping())?.fields.absence).toBe('HR Note');

    const none = Object.fromEntries(Object.keys(stored.columns).map((k) => [k, null]));
    const bad = await runTeamJob({ kind: 'remap', mapping: { version: 1, fields: none }, ...job });
    expect(bad.ok).toBe(false);
    expect((await loadReport())?.columns.absence).toBe(stored.headers.indexOf('HR Note'));
  });

  it('returns the headings of a file it cannot map, and imports it with the columns the user picks', async () => {
    const bytes = new TextEncoder().encode(toCsv([['Who', 'Training', 'When'], ['Ana Silva', 'UCL Fire Safety', '03/02/2025']]));
    const failed = await runTeamJob({ kind: 'import', bytes: buffer(bytes), fileName: 'odd.csv', ...job });
    expect(failed).toMatchObject({ ok: false, headers: ['Who', 'Training', 'When'] });
    expect(await loadReport()).toBeNull();
    const mapping = { version: 1 as const, fields: { name: 'Who', course: 'Training', completedOn: 'When' } };
    const done = await runTeamJob({ kind: 'import', bytes: buffer(bytes), fileName: 'odd.csv', mapping, ...job });
    expect(done.ok && done.entries.map((e) => [e.name, e.status, e.due])).toEqual([['Ana Silva', 'current', '2028-02-03']]);
  });

  it('deletes the report and the marks in one go, keeping only the column choice', async () => {
    await runTeamJob({ kind: 'import', bytes: buffer(teamReportXlsx(sampleTeam(NOW))), fileName: 'r.xlsx', ...job });
    await setMark('jane.smith@ucl.ac.uk', 'on-leave');
    expect((await listMarks()).get('jane.smith@ucl.ac.uk')?.availability).toBe('on-leave');
    await deleteTeamData();
    expect(await loadReport()).toBeNull();
    expect((await listMarks()).size).toBe(0);
    expect(await loadMapping()).not.toBeNull();
    expect(await runTeamJob({ kind: 'load', ...job })).toEqual({ ok: true, report: null, entries: [] });
  });

  it('upgrades a version-1 database without touching its records (migration 2 only adds stores)', async () => {
    const { openDB } = await import('idb');
    const v1 = await openDB(DB_NAME, 1, { upgrade: (db, _o, _n, tx) => MIGRATIONS[0]!(db as never, tx as never) });
    await v1.put('records', { id: 'kept', course: 'x' });
    v1.close();
    const db = await openStore();
    expect([...db.objectStoreNames].sort()).toEqual(['evidence', 'meta', 'problems', 'records', 'teamPeople', 'teamReport', 'teamSettings', 'timeLog']);
    expect(await db.get('records', 'kept')).toEqual({ id: 'kept', course: 'x' });
  });
});
