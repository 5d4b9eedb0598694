import { afterEach, describe, expect, it } from 'vitest';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { MESSAGES } from '@/utils/data/messages';
import { courseForPage, logTimeSlice } from '@/utils/timelog/record';
import { saveTimeLogSettings, loadTimeLogSettings } from '@/utils/timelog/settings';
import { MAX_SLICE_MS, sliceProblem } from '@/utils/timelog/slice';
import { clearTimeLog, correctTime, listTimeEntries } from '@/utils/timelog/store';
import { deleteTestDatabase } from '../fixtures/db/wipe';

const NOW = Date.parse('2026-07-15T23:10:00Z'); // 00:10 on the 16th in London
const M = 60_000;

afterEach(deleteTestDatabase);

describe('the log-time message', () => {
  it('is schema-checked: whole, non-negative, bounded numbers and a short title', () => {
    const ok = { type: 'log-time', title: 'Prevent at UCL', start: NOW - M, end: NOW };
    const ContentMessageSchema = MESSAGES['log-time'].request;
    expect(ContentMessageSchema.safeParse(ok).success).toBe(true);
    for (const bad of [
      { ...ok, start: 1.5 },
      { ...ok, end: -1 },
      { ...ok, end: 1e300 },
      { ...ok, start: '1' },
      { ...ok, title: 'x'.repeat(301) },
      { type: 'log-time', title: 'x', start: 1 },
    ]) {
      expect(ContentMessageSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('is refused when the slice makes no sense', () => {
    expect(sliceProblem({ start: NOW - M, end: NOW }, NOW)).toBeNull();
    expect(sliceProblem({ start: NOW, end: NOW }, NOW)).toMatch(/ends before/);
    expect(sliceProblem({ start: NOW - MAX_SLICE_MS - 1, end: NOW }, NOW)).toMatch(/too long/);
    expect(sliceProblem({ start: NOW + 5 * M, end: NOW + 6 * M }, NOW)).toMatch(/future/);
    expect(sliceProblem({ start: NOW - 48 * 60 * M, end: NOW - 48 * 60 * M + M }, NOW)).toMatch(/too old/);
  });
});

describe('logging time in the background', () => {
  it('stores nothing unless the user opted in (off by default)', async () => {
    expect((await loadTimeLogSettings()).enabled).toBe(false);
    expect(await logTimeSlice('learnupon', 'Prevent at UCL (2024)', { start: NOW - M, end: NOW }, NOW)).toBe(false);
    expect(await listTimeEntries('2026-01-01', '2026-12-31')).toEqual([]);
  });

  it('splits time across London midnight into the catalogue course, adding up over reports', async () => {
    await saveTimeLogSettings({ enabled: true, name: '' });
    expect(await logTimeSlice('learnupon', 'Prevent at UCL (2024)', { start: NOW - 12 * M, end: NOW - 4 * M }, NOW)).toBe(true);
    expect(await logTimeSlice('learnupon', 'Prevent at UCL', { start: NOW - 4 * M, end: NOW + M }, NOW)).toBe(true);
    const entries = await listTimeEntries('2026-07-01', '2026-07-31');
    expect(entries.map((e) => [e.day, e.course, e.trackedMs])).toEqual([
      ['2026-07-15', 'Prevent at UCL', 2 * M],
      ['2026-07-16', 'Prevent at UCL', 11 * M],
    ]);
    expect(await logTimeSlice('learnupon', 'Prevent at UCL', { start: NOW, end: NOW + 20 * M }, NOW)).toBe(false);
  });

  it('keeps a correction apart from the measured time, and adds entries for time not measured', async () => {
    await saveTimeLogSettings({ enabled: true, name: '' });
    await logTimeSlice('cybsafe', 'Phishing: spotting the signs', { start: NOW - 30 * M, end: NOW - 25 * M }, NOW);
    await correctTime('2026-07-15', 'Information Security Training', 12 * M);
    await correctTime('2026-07-10', 'UCL Fire Safety', 40 * M);
    const entries = await listTimeEntries('2026-07-01', '2026-07-31');
    expect(entries.map((e) => [e.day, e.course, e.trackedMs, e.correctedMs])).toEqual([
      ['2026-07-10', 'UCL Fire Safety', 0, 40 * M],
      ['2026-07-15', 'Information Security Training', 5 * M, 12 * M],
    ]);
    await correctTime('2026-07-15', 'Information Security Training', null);
    expect((await listTimeEntries('2026-07-15', '2026-07-15'))[0]?.correctedMs).toBeNull();
    await clearTimeLog();
    expect(await listTimeEntries('2026-01-01', '2026-12-31')).toEqual([]);
  });

  it('counts a replayed slice once: 200 replays of 10 minutes are 10 minutes, not 33 hours', async () => {
    await saveTimeLogSettings({ enabled: true, name: '' });
    const slice = { start: NOW - 10 * M, end: NOW };
    expect(await logTimeSlice('learnupon', 'Prevent at UCL', slice, NOW)).toBe(true);
    for (let i = 0; i < 199; i++) expect(await logTimeSlice('learnupon', 'Prevent at UCL', slice, NOW)).toBe(false);
    // And all at once, as a flood of messages would arrive.
    await Promise.all(Array.from({ length: 50 }, () => logTimeSlice('learnupon', 'Prevent at UCL', slice, NOW)));
    const entries = await listTimeEntries('2026-07-15', '2026-07-16');
    expect(entries.reduce((sum, e) => sum + e.trackedMs, 0)).toBe(10 * M);
  });

  it('counts time that overlaps time already counted once, whichever tab or course reports it', async () => {
    await saveTimeLogSettings({ enabled: true, name: '' });
    await logTimeSlice('learnupon', 'Prevent at UCL', { start: NOW - 10 * M, end: NOW - 2 * M }, NOW);
    // Another tab claims the same minutes and two more: only the two are new.
    expect(await logTimeSlice('cybsafe', 'Passwords', { start: NOW - 6 * M, end: NOW }, NOW)).toBe(true);
    // Concurrent reports of the same later minutes: counted once between them.
    await Promise.all([logTimeSlice('learnupon', 'Prevent at UCL', { start: NOW, end: NOW + M }, NOW + M), logTimeSlice('learnupon', 'UCL Fire Safety', { start: NOW, end: NOW + M }, NOW + M)]);
    const entries = await listTimeEntries('2026-07-15', '2026-07-16');
    expect(entries.reduce((sum, e) => sum + e.trackedMs, 0)).toBe(11 * M);
    expect(entries.find((e) => e.course === 'Information Security Training')?.trackedMs).toBe(2 * M);
  });

  it('names the course: the catalogue’s, CybSafe’s for any CybSafe module, else the title shown', () => {
    expect(courseForPage('learnupon', 'Data Protection & Freedom of Information', UCL_PROFILE)).toBe('Data Protection and Freedom of Information');
    expect(courseForPage('cybsafe', 'Passwords', UCL_PROFILE)).toBe('Information Security Training');
    expect(courseForPage('learnupon', '  Research  Data Management ', UCL_PROFILE)).toBe('Research Data Management');
    expect(courseForPage('learnupon', '', UCL_PROFILE)).toBe('LearnUpon course');
    expect(courseForPage('microsoft', 'Sign in', UCL_PROFILE)).toBeNull();
  });
});
