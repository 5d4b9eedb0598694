// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardCell, parseCsv, recordsCsv, RECORDS_CSV_HEADER, sniffDelimiter, toCsv } from '@/utils/evidence/csv';
import { recordId, type CompletionRecord } from '@/utils/records';

const cell = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', ',', '"', '\r\n', '\n', '\r', '=1+1', '-5', '@SUM(A1)', '\tx', ' a ', '"a,b"', ';', 'a;=1', 'x;+1;@y', '";-2'),
  fc.array(fc.constantFrom('a', ';', '=', '+', '-', '@', '"', ',', '\t'), { maxLength: 8 }).map((cs) => cs.join('')),
);
const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 10 });

describe('toCsv / parseCsv', () => {
  it('round-trips without the formula guard', () => {
    fc.assert(fc.property(rows, (r) => {
      expect(parseCsv(toCsv(r, { guardFormulas: false }))).toEqual(r);
    }));
  });

  it('round-trips to the guarded cells with the guard (the default)', () => {
    fc.assert(fc.property(rows, (r) => {
      expect(parseCsv(toCsv(r))).toEqual(r.map((row) => row.map(guardCell)));
    }));
  });

  it('uses CRLF, quotes only when needed and guards formulas', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'line\nbreak'], ['=HYPERLINK("x")', '+1', '-1', '@x', '\tt', 'plain']])).toBe(
      'a,"b,c","say ""hi""","line\nbreak"\r\n' + `"'=HYPERLINK(""x"")",'+1,'-1,'@x,'\tt,plain\r\n`,
    );
    expect(toCsv([['']])).toBe('""\r\n');
  });

  it('quotes ; whatever the separator (RFC 4180 for the locales that split on it), and the separator itself', () => {
    expect(toCsv([['a;b', 'x;=1+1', 'plain']])).toBe(`"a;b","x;'=1+1",plain\r\n`);
    expect(toCsv([['a;b', 'c,d', 'e\tf', '=1']], { separator: ';' })).toBe(`"a;b";"c,d";e\tf;'=1\r\n`);
    expect(toCsv([['a\tb', 'c']], { separator: '\t' })).toBe('"a\tb"\tc\r\n');
    fc.assert(fc.property(rows, fc.constantFrom(',', ';', '\t') as fc.Arbitrary<',' | ';' | '\t'>, (r, sep) => {
      const text = toCsv(r, { separator: sep });
      expect(parseCsv(text, sep)).toEqual(r.map((row) => row.map(guardCell)));
      // Read by a spreadsheet that splits on `;` (even inside quotes, as parseCsv does there), no cell starts a formula.
      if (sep !== ';') for (const row of parseCsv(text, ';')) for (const c of row) expect(c).not.toMatch(/^[=+\-@]/);
    }));
  });

  it('reads LF, CR, a BOM, a missing final newline and blank lines', () => {
    expect(parseCsv('\uFEFFa,b\nc,"d\r\ne"\r\rf')).toEqual([['a', 'b'], ['c', 'd\r\ne'], [''], ['f']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('a;b\r\n1;2', ';')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('sniffs the delimiter', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3')).toBe(',');
    expect(sniffDelimiter('"x;y",b;c;d')).toBe(';');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
  });
});

describe('recordsCsv', () => {
  const record = (over: Partial<CompletionRecord>): CompletionRecord => {
    const r: CompletionRecord = {
      id: '', course: 'UCL Fire Safety', title: 'UCL Fire Safety', status: 'completed', completedOn: '2024-03-12', dueOn: null,
      certExpiresOn: null, enrollmentId: '12345678', certificateUrl: null, source: 'learnupon', sourceUrl: 'https://ucl.learnupon.com/dashboard',
      seenAt: '2025-01-01T10:00:00.000Z', countsForCompliance: true, ...over,
    };
    return { ...r, id: recordId(r) };
  };

  it('lists every record with source and renewal date, newest first per course, formulas guarded', () => {
    const records = [
      record({}),
      record({ completedOn: '2021-03-01', enrollmentId: '1' }),
      record({ course: 'Prevent at UCL', title: '=cmd|calc', source: 'training-history', completedOn: null, status: 'not-started' }),
    ];
    const csv = recordsCsv(records, (r) => (r.completedOn ? `${Number(r.completedOn.slice(0, 4)) + 3}${r.completedOn.slice(4)}` : null));
    const parsed = parseCsv(csv);
    expect(parsed[0]).toEqual([...RECORDS_CSV_HEADER]);
    expect(parsed.slice(1).map((r) => [r[0], r[1], r[3], r[4], r[8]])).toEqual([
      ['Prevent at UCL', "'=cmd|calc", '', '', 'training-history'],
      ['UCL Fire Safety', 'UCL Fire Safety', '2024-03-12', '2027-03-12', 'learnupon'],
      ['UCL Fire Safety', 'UCL Fire Safety', '2021-03-01', '2024-03-01', 'learnupon'],
    ]);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
