// @vitest-environment node
import * as XLSX from '@e965/xlsx';
import { Inflate } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseTrainingHistory } from '@/utils/evidence/history';
import { readSheets, type SheetLimits } from '@/utils/sheets/read';
import { zipDirectory } from '@/utils/sheets/zip';
import { readTeamReport } from '@/utils/team/read';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { toCsv } from '@/utils/sheets/csv';
import { bombWorkbook } from './bomb';

const LIMITS: SheetLimits = { maxBytes: 25 << 20, maxInflatedBytes: 50 << 20, maxEntries: 1000, maxRows: 1000, maxColumns: 100 };

function xlsx(rows: unknown[][], tweak?: (ws: XLSX.WorkSheet) => void): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  tweak?.(ws);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'S');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('the crafted bomb is real', () => {
  it('a small one is a workbook SheetJS reads', () => {
    const { file } = bombWorkbook({ repeats: 1000 });
    const read = readSheets(file, LIMITS);
    expect(read.ok && read.grids[0]!.rows[0]).toEqual(['Course Name', 'Status']);
  });

  it('is ~466 KB and its sheet keeps inflating past 20 MB of the ~490 MB it declares', () => {
    const { file, inflatedSize } = bombWorkbook();
    expect(file.length).toBeGreaterThan(440_000);
    expect(file.length).toBeLessThan(500_000);
    expect(inflatedSize).toBeGreaterThan(460 * 1024 * 1024);
    const sheet = zipDirectory(file, { maxEntries: 100, maxInflatedBytes: Infinity }).find((e) => e.name.endsWith('sheet1.xml'))!;
    expect(sheet.size).toBe(inflatedSize);
    const start = sheet.localOffset + 30 + sheet.name.length;
    let seen = 0;
    let spaces = 0;
    const inflater = new Inflate((chunk) => {
      for (const b of chunk) if (b === 0x20) spaces++;
      seen += chunk.length;
      if (seen > 20 << 20) throw new Error('enough');
    });
    const data = file.subarray(start, start + sheet.compressedSize);
    expect(() => {
      for (let at = 0; at < data.length; at += 1024) inflater.push(data.subarray(at, at + 1024), at + 1024 >= data.length);
    }).toThrow('enough');
    expect(spaces).toBeGreaterThan(20_000_000);
  });
});

describe('limits before SheetJS', () => {
  it('refuses the 466 KB bomb from its zip directory, naming the limit, for the history and the team report', () => {
    const { file } = bombWorkbook();
    const read = readSheets(file, LIMITS);
    expect(read).toMatchObject({ ok: false, problem: 'limit' });
    expect(!read.ok && read.problem === 'limit' && read.message).toMatch(/Unpacked, it would take more than 50 MB \(it declares 4\d\d MB/);

    const history = parseTrainingHistory(file, 'training_history.xlsx', 'day-first');
    expect(history.ok).toBe(false);
    expect(!history.ok && history.error).toMatch(/is too big inside to be a training history, so it was not read\. Unpacked, it would take more than 50 MB/);

    const team = readTeamReport(file, 'report.xlsx', { dateOrder: 'day-first', courses: UCL_PROFILE.courses, saved: null });
    expect(!team.ok && team.error).toMatch(/is too big inside to be a compliance report.*more than 100 MB/);
  });

  it('refuses a bomb whose directory lies about its size, stopping at the declared size', () => {
    const { file } = bombWorkbook({ declare: 4096 });
    const read = readSheets(file, LIMITS);
    expect(read).toMatchObject({ ok: false, problem: 'limit' });
    expect(!read.ok && read.problem === 'limit' && read.message).toMatch(/unpacks to more than it declares/);
  });

  it('refuses a workbook whose local header disagrees with its directory', () => {
    const good = xlsx([['Course Name', 'Status'], ['A', 'Completed']]);
    const local = good.findIndex((_, i) => good[i] === 0x50 && good[i + 1] === 0x4b && good[i + 2] === 3 && good[i + 3] === 4);
    const copy = good.slice();
    copy[local + 22] = (copy[local + 22]! + 1) & 0xff; // the first entry's uncompressed size
    expect(readSheets(copy, LIMITS)).toMatchObject({ ok: false, problem: 'damaged-zip' });
  });

  it('refuses a sheet with data in more columns than the limit, and reads one whose declared range alone is wide', () => {
    const wide = xlsx([['Course Name', 'Status']], (ws) => {
      ws.XFD1 = { t: 's', v: 'far right' };
      ws['!ref'] = 'A1:XFD1';
    });
    const read = readSheets(wide, LIMITS);
    expect(!read.ok && read.problem === 'limit' && read.message).toMatch(/uses 16,384 columns; at most 100 can be read/);

    const claims = xlsx([['Course Name', 'Status'], ['UCL Fire Safety', 'Completed']], (ws) => {
      ws['!ref'] = 'A1:XFD100';
    });
    const ok = readSheets(claims, LIMITS);
    expect(ok.ok && ok.grids[0]!.rows).toEqual([['Course Name', 'Status'], ['UCL Fire Safety', 'Completed']]);
  });

  it('refuses a CSV row with more columns than the limit', () => {
    const text = `${Array.from({ length: 150 }, (_, i) => `c${i}`).join(',')}\r\n`;
    const read = readSheets(new TextEncoder().encode(text), LIMITS);
    expect(!read.ok && read.problem === 'limit' && read.message).toMatch(/more than 100 columns/);
  });

  it('reads the first rows of a longer sheet and says it was cut short', () => {
    const rows = [['Course Name', 'Enrollment Completed Date'], ...Array.from({ length: 1200 }, (_, i) => [`Course ${i}`, '01/02/2024'])];
    for (const bytes of [xlsx(rows), new TextEncoder().encode(toCsv(rows))]) {
      const read = readSheets(bytes, LIMITS);
      expect(read.ok && read.grids[0]!.truncated).toBe(true);
      expect(read.ok && read.grids[0]!.rows).toHaveLength(1000);
    }
    const history = parseTrainingHistory(new TextEncoder().encode(toCsv([rows[0]!, ...Array.from({ length: 20_001 }, () => rows[1]!)])), 'h.csv', 'day-first');
    expect(history.ok && history.warnings[0]).toBe('Only the first 20,000 rows of a sheet were read.');
  });

  it('refuses a file over the byte limit without reading it', () => {
    expect(readSheets(new Uint8Array(2000), { ...LIMITS, maxBytes: 1000 })).toEqual({ ok: false, problem: 'too-large', size: '0.0 MB' });
  });
});
