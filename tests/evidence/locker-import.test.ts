// @vitest-environment node
// The locker's history import (issue 14, items 5 and 9): read off the page's main thread
// (`parseHistoryOffThread`), the file's kind decided by its bytes, not its name; and a collection's
// outcome said per course (the completion-issue flow's steps), with who the page showed signed in kept.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { MEDIA_TYPES } from '@/utils/bytes';
import { historyFileType, importCollected, importHistoryFile } from '@/utils/evidence/locker';
import * as offThread from '@/utils/evidence/history-off-thread';
import { listEvidence } from '@/utils/store/evidence';
import { readMeta } from '@/utils/store/meta';
import { listRecords } from '@/utils/store/records';
import { toBase64 } from '@/utils/bytes';
import { deleteTestDatabase } from '../fixtures/db/wipe';

afterEach(async () => {
  vi.restoreAllMocks();
  await deleteTestDatabase();
});

const CSV = new TextEncoder().encode('Course Name,Enrollment Completed Date,Enrollment Status\r\nUCL Fire Safety,12/03/2024,Completed\r\n');

describe('the history file’s kind', () => {
  it('is what the bytes say: spreadsheets and CSV text pass; a web page, a picture or nothing is refused in words', () => {
    expect(historyFileType(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), 'anything.bin')).toEqual({ contentType: MEDIA_TYPES.xlsx });
    expect(historyFileType(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'h.xls')).toEqual({ contentType: MEDIA_TYPES.xls });
    expect(historyFileType(CSV, 'history.csv')).toEqual({ contentType: MEDIA_TYPES.csv });
    const page = new TextEncoder().encode('<!doctype html><title>Sign in</title>');
    expect(historyFileType(page, 'training_history.xlsx')).toEqual({ error: '“training_history.xlsx” is a web page (perhaps a sign-in page), not a training history spreadsheet.' });
    expect(historyFileType(new TextEncoder().encode('%PDF-1.4'), 'h.xlsx')).toMatchObject({ error: expect.stringMatching(/is a PDF, not a training history spreadsheet/) });
    expect(historyFileType(new Uint8Array(0), 'h.xlsx')).toMatchObject({ error: expect.stringMatching(/is empty \(0 bytes\)/) });
    expect(historyFileType(CSV, 'history.xlsx.exe')).toMatchObject({ error: expect.stringMatching(/not an Excel or CSV spreadsheet/) });
  });
});

describe('importing a history file', () => {
  it('reads it off the main thread and keeps it with the type its bytes show', async () => {
    const spy = vi.spyOn(offThread, 'parseHistoryOffThread');
    const outcome = await importHistoryFile(CSV, 'my 100% history.csv', '', UCL_PROFILE);
    expect(outcome.problems).toEqual([]);
    expect(spy).toHaveBeenCalledOnce();
    const [kept] = (await listEvidence()).filter((e) => e.kind === 'history');
    expect(kept).toMatchObject({ name: 'my 100% history.csv', contentType: 'text/csv' });
    expect((await listRecords()).some((r) => r.course === 'UCL Fire Safety' && r.completedOn === '2024-03-12')).toBe(true);
  });

  it('refuses a web page named .xlsx without reading it, and keeps what is held', async () => {
    await importHistoryFile(CSV, 'first.csv', '', UCL_PROFILE);
    const spy = vi.spyOn(offThread, 'parseHistoryOffThread');
    const outcome = await importHistoryFile(new TextEncoder().encode('<html><body>Session expired</body></html>'), 'training_history.xlsx', '', UCL_PROFILE);
    expect(outcome.problems[0]).toMatch(/is a web page/);
    expect(spy).not.toHaveBeenCalled();
    expect((await listEvidence()).map((e) => e.name)).toEqual(['first.csv']);
  });
});

describe('a collection’s outcome', () => {
  it('says per course what was kept and what not, and keeps who the page showed', async () => {
    const pdf = toBase64(new TextEncoder().encode('%PDF-1.7\nx'));
    const outcome = await importCollected(
      {
        pageUrl: 'https://ucl.learnupon.com/dashboard',
        signedIn: true,
        account: { name: 'Alex Taylor', email: 'a.taylor@ucl.ac.uk' },
        history: { error: 'LearnUpon did not offer the training history file within 30 seconds. Try again in a minute.' },
        certificates: [
          { title: 'Fire Safety', completedOn: '2026-01-30', url: 'https://ucl.learnupon.com/enrollments/1/certificate', file: { url: 'https://ucl.learnupon.com/enrollments/1/certificate', fileName: 'c.pdf', base64: pdf }, error: null },
          { title: 'Prevent at UCL (2024)', completedOn: '2023-10-30', url: 'https://attacker.example/x', file: null, error: 'the link goes to attacker.example, outside your organisation’s LearnUpon and CybSafe, so it was not followed' },
        ],
      },
      UCL_PROFILE,
    );
    expect(outcome.certificatesFor).toEqual(['UCL Fire Safety']);
    expect(outcome.certificateProblems).toEqual([{ course: 'Prevent at UCL', reason: 'the link goes to attacker.example, outside your organisation’s LearnUpon and CybSafe, so it was not followed' }]);
    expect(outcome.historyProblem).toMatch(/within 30 seconds/);
    expect(outcome.personChanged).toBe(true);
    expect(await readMeta('person')).toEqual({ name: 'Alex Taylor', email: 'a.taylor@ucl.ac.uk' });
  });
});
