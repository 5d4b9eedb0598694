// @vitest-environment node
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { historyRowsToRecords, parseTrainingHistory, type HistoryResult, type HistoryRow } from '@/utils/evidence/history';
import { CompletionRecordSchema } from '@/utils/data/record';

type Cells = (string | number | Date | null)[][];

function xlsxBytes(rows: Cells, opts: { bookType?: XLSX.BookType; tweak?: (ws: XLSX.WorkSheet) => void; aoa?: XLSX.AOA2SheetOpts; before?: Cells } = {}): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([...(opts.before ?? []), ...rows], { cellDates: true, ...opts.aoa });
  opts.tweak?.(ws);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Notes'], ['nothing here']]), 'Readme');
  XLSX.utils.book_append_sheet(wb, ws, 'Training history');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: opts.bookType ?? 'xlsx' }) as ArrayBuffer);
}

function ok(result: HistoryResult) {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result;
}
function err(result: HistoryResult) {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

const pick = (rows: HistoryRow[]) => rows.map((r) => [r.course, r.status, r.completedOn, r.certExpiresOn]);

// LearnUpon-style export, columns shuffled, with extras the reader must ignore.
const LEARNUPON: Cells = [
  ['Enrollment Score', 'Department', 'Enrollment Completed Date', 'Login ID', 'Course Name', 'Enrollment Status', 'Enrollment Access Expires Date', 'Enrollment Created Date', 'Certificate Expires Date', 'Notes'],
  ['100', 'HR', '12/03/2024', 'j.doe@ucl.ac.uk', 'UCL Fire Safety', 'Completed', '', '01/03/2024', '12/03/2027', 'x'],
  ['85', 'HR', '05/11/2023', 'j.doe@ucl.ac.uk', 'Data Protection & Freedom of Information', 'passed', '05/11/2024', '01/11/2023', '', ''],
  ['', 'HR', '', 'j.doe@ucl.ac.uk', 'Prevent at UCL (2024)', 'Not Started', '', '02/01/2025', '', ''],
  [null, null, null, null, null, null, null, null, null, null],
  ['', 'HR', '', 'j.doe@ucl.ac.uk', 'UCL Fire Safety', 'In Progress', '', '01/02/2027', '', ''],
];

describe('parseTrainingHistory', () => {
  it('reads LearnUpon columns in any order, with extra columns and a blank row', () => {
    const result = ok(parseTrainingHistory(xlsxBytes(LEARNUPON), 'training_history.xlsx', 'day-first'));
    expect(pick(result.rows)).toEqual([
      ['UCL Fire Safety', 'completed', '2024-03-12', '2027-03-12'],
      ['Data Protection & Freedom of Information', 'passed', '2023-11-05', null],
      ['Prevent at UCL (2024)', 'not-started', null, null],
      ['UCL Fire Safety', 'in-progress', null, null],
    ]);
    expect(result.rows[0]).toMatchObject({ row: 2, login: 'j.doe@ucl.ac.uk', score: '100', createdOn: '2024-03-01', accessExpiresOn: null });
    expect(result.rows[3]!.row).toBe(6);
    expect(result.warnings).toEqual([]);
  });

  it('reads numeric dates in the profile order, and says when they only fit the other order', () => {
    const monthFirst = ok(parseTrainingHistory(xlsxBytes(LEARNUPON), 'h.xlsx', 'month-first'));
    expect(monthFirst.rows[0]!.completedOn).toBe('2024-12-03');
    const usDates: Cells = [['Course Name', 'Enrollment Completed Date'], ['UCL Fire Safety', '12/25/2024'], ['Prevent', '13/01/2024']];
    const wrong = ok(parseTrainingHistory(xlsxBytes(usDates), 'h.xlsx', 'day-first'));
    expect(wrong.rows.map((r) => r.completedOn)).toEqual([null, '2024-01-13']);
    expect(wrong.warnings[0]).toMatch(/1 date\(s\) such as “12\/25\/2024” only make sense the other way round/);
    expect(wrong.warnings[1]).toMatch(/Row 2 \(UCL Fire Safety\): could not read the completion date “12\/25\/2024”/);
  });

  it('reads real Excel date cells as the same calendar date', () => {
    const rows: Cells = [['Course', 'Date Completed', 'Status'], ['UCL Fire Safety', null, 'Completed'], ['Prevent at UCL', null, 'Completed']];
    const bytes = xlsxBytes(rows, {
      tweak: (ws) => {
        // Serials as Excel stores them: 45363 = 12 Mar 2024, 45474.99 = 1 Jul 2024 23:45.
        ws.B2 = { t: 'n', v: 45363, z: 'dd/mm/yyyy' };
        ws.B3 = { t: 'n', v: 45474.99, z: 'm/d/yy h:mm' };
      },
    });
    expect(pick(ok(parseTrainingHistory(bytes, 'h.xlsx', 'month-first')).rows)).toEqual([
      ['UCL Fire Safety', 'completed', '2024-03-12', null],
      ['Prevent at UCL', 'completed', '2024-07-01', null],
    ]);
  });

  describe('in other time zones', () => {
    const original = process.env.TZ;
    afterEach(() => {
      process.env.TZ = original;
    });
    it.each(['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/London', 'UTC'])('a date cell written in %s reads back as that date', (tz) => {
      process.env.TZ = tz;
      // A workbook made by someone whose Excel is in `tz`: local midnight on 1 Jul 2024 (BST in London).
      const bytes = xlsxBytes([['Course Name', 'Enrollment Completed Date'], ['UCL Fire Safety', new Date(2024, 6, 1)], ['Prevent', new Date(2024, 0, 31)]]);
      for (const readIn of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/London']) {
        process.env.TZ = readIn;
        const result = ok(parseTrainingHistory(bytes, 'h.xlsx', 'day-first'));
        expect(result.rows.map((r) => r.completedOn)).toEqual(['2024-07-01', '2024-01-31']);
      }
    });
  });

  it('handles 1904-based workbooks', () => {
    const ws = XLSX.utils.aoa_to_sheet([['Course Name', 'Completed'], ['UCL Fire Safety', null]]);
    ws.B2 = { t: 'n', v: 45363 - 1462, z: 'dd/mm/yyyy' };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    wb.Workbook = { WBProps: { date1904: true } };
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    expect(ok(parseTrainingHistory(bytes, 'h.xlsx', 'day-first')).rows[0]!.completedOn).toBe('2024-03-12');
  });

  it('accepts aliases in any case and spacing, and title rows above the header', () => {
    const rows: Cells = [['  COURSE   title ', 'date_completed', 'STATUS', 'cert_expires_at', 'Email'], ['EDI', '2024-01-02', 'complete', '2027-01-02', 'x@ucl.ac.uk']];
    const result = ok(parseTrainingHistory(xlsxBytes(rows, { before: [['Training history for Jane Doe'], []] }), 'h.xlsx', 'day-first'));
    expect(result.rows).toEqual([
      expect.objectContaining({ row: 4, course: 'EDI', completedOn: '2024-01-02', status: 'completed', certExpiresOn: '2027-01-02', login: 'x@ucl.ac.uk' }),
    ]);
  });

  it('reads legacy .xls', () => {
    const result = ok(parseTrainingHistory(xlsxBytes(LEARNUPON, { bookType: 'biff8' }), 'h.xls', 'day-first'));
    expect(result.rows).toHaveLength(4);
    expect(result.rows[0]!.completedOn).toBe('2024-03-12');
  });

  it('reads CSV: BOM, semicolons, Windows-1252, and never guesses US dates', () => {
    const csv = '\uFEFFCourse Name;Enrollment Completed Date;Enrollment Status\r\n"Sécurité; incendie";03/04/2024;Completed\r\n';
    const result = ok(parseTrainingHistory(new TextEncoder().encode(csv), 'h.csv', 'day-first'));
    expect(pick(result.rows)).toEqual([['Sécurité; incendie', 'completed', '2024-04-03', null]]);
    const latin1 = Uint8Array.from('Course,Completed\nSécurité,03/04/2024\n', (c) => c.charCodeAt(0));
    expect(ok(parseTrainingHistory(latin1, 'h.csv', 'day-first')).rows[0]!.course).toBe('Sécurité');
  });

  it('reads an HTML table saved as .xls', () => {
    const html = '<html><body><table><tr><th>Course Name</th><th>Enrollment Completed Date</th></tr><tr><td>UCL Fire Safety</td><td>03/04/2024</td></tr></table></body></html>';
    expect(pick(ok(parseTrainingHistory(new TextEncoder().encode(html), 'h.xls', 'day-first')).rows)).toEqual([['UCL Fire Safety', 'completed', '2024-04-03', null]]);
  });

  it('names the missing columns and the columns it found', () => {
    const error = err(parseTrainingHistory(xlsxBytes([['Login ID', 'Enrollment Score', 'Due Date'], ['x', '1', '']]), 'h.xlsx', 'day-first'));
    expect(error).toMatch(/no course name column \(“Course Name”, “Course”, “Course Title”\) and no completion date or status column/);
    expect(error).toContain('Columns found: “Login ID”, “Enrollment Score”, “Due Date”.');
    const noDate = err(parseTrainingHistory(xlsxBytes([['Course Name', 'Score'], ['x', '1']]), 'h.xlsx', 'day-first'));
    expect(noDate).toMatch(/has no completion date or status column/);
    expect(noDate).not.toMatch(/course name column/);
  });

  it('explains an empty file, a web page, a damaged file and an encrypted workbook', () => {
    expect(err(parseTrainingHistory(new Uint8Array(0), 'h.xlsx', 'day-first'))).toMatch(/is empty \(0 bytes\)/);
    const page = '<!DOCTYPE html><html><head><title>Sign in</title></head><body><table><tr><td>Sign in to continue</td></tr></table></body></html>';
    expect(err(parseTrainingHistory(new TextEncoder().encode(page), 'h.xlsx', 'day-first'))).toMatch(/is a web page, not a spreadsheet/);
    expect(err(parseTrainingHistory(new TextEncoder().encode('<html><body>500 Internal Server Error</body></html>'), 'h.xlsx', 'day-first'))).toMatch(/web page/);
    const valid = xlsxBytes(LEARNUPON);
    expect(err(parseTrainingHistory(valid.slice(0, valid.length / 2), 'h.xlsx', 'day-first'))).toMatch(/damaged or incomplete/);
    // Garbage after a zip signature reads to SheetJS as "zip encryption": still a damaged file, not a password.
    expect(err(parseTrainingHistory(new TextEncoder().encode('PK\u0003\u0004 this zip is cut short'), 'h.xlsx', 'day-first'))).toMatch(/damaged or incomplete/);
    const random = Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919 + 13) % 256);
    expect(err(parseTrainingHistory(random, 'h.xlsx', 'day-first'))).toMatch(/not a spreadsheet we can read/);

    // Excel's "Encrypt with Password": an OLE compound file with EncryptionInfo + EncryptedPackage.
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(4096).map((_, i) => (i * 31) % 256));
    const encrypted = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
    expect(Array.from(encrypted.subarray(0, 4))).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    expect(err(parseTrainingHistory(encrypted, 'h.xlsx', 'day-first'))).toMatch(/password-protected/);

    const notExcel = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(notExcel, '/WordDocument', new Uint8Array(600));
    expect(err(parseTrainingHistory(new Uint8Array(XLSX.CFB.write(notExcel, { type: 'array' }) as ArrayLike<number>), 'h.xls', 'day-first'))).toMatch(/not an Excel workbook/);
  });

  it('warns about rows it could only partly read', () => {
    const rows: Cells = [['Course Name', 'Enrollment Completed Date', 'Status'], ['', '01/01/2024', 'Completed'], ['UCL Fire Safety', '', 'Passed'], ['Prevent', '31/02/2024', 'Completed']];
    const result = ok(parseTrainingHistory(xlsxBytes(rows), 'h.xlsx', 'day-first'));
    expect(result.warnings).toEqual([
      'Row 2: no course name, so the row was skipped.',
      'Row 3 (UCL Fire Safety): marked passed but has no completion date.',
      'Row 4 (Prevent): could not read the completion date “31/02/2024”.',
    ]);
    expect(ok(parseTrainingHistory(xlsxBytes([['Course Name', 'Status']]), 'h.xlsx', 'day-first')).warnings).toEqual([
      'The training history has column headings but no course rows.',
    ]);
  });

  it('never throws, whatever the bytes', () => {
    const valid = xlsxBytes(LEARNUPON);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 3000 }),
          fc.integer({ min: 0, max: valid.length }).map((n) => valid.slice(0, n)),
          fc.tuple(fc.integer({ min: 0, max: valid.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([i, b]) => {
            const copy = valid.slice();
            copy[i] = b;
            return copy;
          }),
          fc.string({ maxLength: 500 }).map((s) => new TextEncoder().encode(s)),
        ),
        (bytes) => {
          const result = parseTrainingHistory(bytes, 'h.xlsx', 'day-first');
          if (!result.ok) expect(result.error.length).toBeGreaterThan(20);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('historyRowsToRecords', () => {
  it('makes valid training-history records, matched to the catalogue and de-duplicated', () => {
    const { rows } = ok(parseTrainingHistory(xlsxBytes([...LEARNUPON, ['', '', '12/03/2024', '', 'UCL Fire Safety', 'Completed', '', '', '', '']]), 'h.xlsx', 'day-first'));
    const records = historyRowsToRecords(rows, {
      sourceUrl: 'https://ucl.learnupon.com/history.xlsx',
      seenAt: '2025-05-01T09:00:00.000Z',
      matcher: (t) => (/fire/i.test(t) ? 'UCL Fire Safety' : /prevent/i.test(t) ? 'Prevent at UCL' : null),
    });
    for (const r of records) expect(CompletionRecordSchema.safeParse(r).success).toBe(true);
    expect(records.map((r) => [r.id, r.course, r.title, r.countsForCompliance, r.certExpiresOn])).toEqual([
      ['training-history|UCL Fire Safety|2024-03-12', 'UCL Fire Safety', 'UCL Fire Safety', true, '2027-03-12'],
      ['training-history|Data Protection & Freedom of Information|2023-11-05', 'Data Protection & Freedom of Information', 'Data Protection & Freedom of Information', true, null],
      ['training-history|Prevent at UCL|open', 'Prevent at UCL', 'Prevent at UCL (2024)', true, null],
      ['training-history|UCL Fire Safety|open', 'UCL Fire Safety', 'UCL Fire Safety', true, null],
    ]);
    expect(records.every((r) => r.source === 'training-history' && r.sourceUrl.endsWith('history.xlsx'))).toBe(true);
  });
});
