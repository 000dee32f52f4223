import { describe, expect, it } from 'vitest';
import { checkColumns } from '../../src/data/columns.ts';
import { parseCsv, readHeaderLine } from '../../src/data/csv.ts';
import { issuesOf } from '../fixtures/issuesOf.ts';

const F = 'indicators.csv';

describe('parseCsv in lenient mode (files from elsewhere)', () => {
  const lenient = (text: string, file = 'kwb-2024.csv') => parseCsv(text, file, { mode: 'lenient' });

  it('takes the separator from Excel’s sep= hint, else the most frequent one in the header', () => {
    expect(lenient('sep=;\na,b;c\n1,5;2\n')).toMatchObject({
      header: ['a,b', 'c'],
      rows: [['1,5', '2']],
      rowNumbers: [3],
      headerRow: 2,
      separator: ';',
    });
    expect(lenient('\uFEFFa;b;"c,d"\n1;2;3\n').separator).toBe(';');
    expect(lenient('a\tb\n1\t2\n')).toMatchObject({ header: ['a', 'b'], rows: [['1', '2']], separator: '\t' });
    expect(lenient('a,b\n1,2\n').separator).toBe(',');
  });

  it('keeps stray quotes as text, drops empty padding fields and skips the all-empty rows spreadsheets leave', () => {
    expect(lenient('\n;;\na;b\n12"3;"x"y;;\n;;;\n4;5\n')).toMatchObject({
      header: ['a', 'b'],
      rows: [
        ['12"3', 'xy'],
        ['4', '5'],
      ],
      rowNumbers: [4, 6],
      headerRow: 3,
    });
  });

  it('names file, row and column with the same issues as the strict mode', () => {
    expect(issuesOf(() => lenient('a;b\n1;2;3\n1\n2;"open\n'))).toEqual([
      { file: 'kwb-2024.csv', row: 2, code: 'wrongFieldCount', params: { expected: 2, found: 3 } },
      { file: 'kwb-2024.csv', row: 3, code: 'wrongFieldCount', params: { expected: 2, found: 1 } },
      { file: 'kwb-2024.csv', row: 4, column: 'b', code: 'unterminatedQuote', params: { field: 2 } },
    ]);
    expect(issuesOf(() => lenient(';;\n  \n'))).toEqual([{ file: 'kwb-2024.csv', code: 'emptyFile' }]);
  });
});

describe('parseCsv', () => {
  it('parses header, rows and spreadsheet row numbers', () => {
    const csv = parseCsv('a,b,c\n1,2,3\nx,,z\n', F);
    expect(csv).toEqual({
      header: ['a', 'b', 'c'],
      rows: [
        ['1', '2', '3'],
        ['x', '', 'z'],
      ],
      rowNumbers: [2, 3],
      headerRow: 1,
      separator: ',',
    });
  });

  it('strips a UTF-8 byte order mark and accepts CRLF', () => {
    const csv = parseCsv('\uFEFFid,label\r\nx,Één\r\ny,"b\r\nc"\r\n', F);
    expect(csv.header).toEqual(['id', 'label']);
    expect(csv.rows).toEqual([
      ['x', 'Één'],
      ['y', 'b\r\nc'],
    ]);
    expect(csv.rowNumbers).toEqual([2, 3]);
  });

  it('keeps row numbers right after a quoted field spanning lines, and unescapes doubled quotes', () => {
    const text = 'id,text\n1,"line one\nline two\nline three"\n2,"say ""hi"", ok"\n3,plain\n';
    const csv = parseCsv(text, F);
    expect(csv.rows).toEqual([
      ['1', 'line one\nline two\nline three'],
      ['2', 'say "hi", ok'],
      ['3', 'plain'],
    ]);
    expect(csv.rowNumbers).toEqual([2, 5, 6]);
  });

  it('ignores blank trailing lines and skips blank lines in between without shifting row numbers', () => {
    const csv = parseCsv('a,b\n1,2\n\n  \n3,4\n\n\r\n\n', F);
    expect(csv.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(csv.rowNumbers).toEqual([2, 5]);
  });

  it('reads a trailing comma as an empty last field and a quoted empty field as empty', () => {
    expect(parseCsv('a,b,c\n1,"",\n', F).rows).toEqual([['1', '', '']]);
  });

  it('reports an unterminated quote at the row where the quote opens', () => {
    const text = 'id,text\n1,ok\n2,"never closed\n3,more\n4,rows\n';
    expect(issuesOf(() => parseCsv(text, F))).toEqual([
      { file: F, row: 3, column: 'text', code: 'unterminatedQuote', params: { field: 2 } },
    ]);
  });

  it('reports an unterminated quote after a multi-line field with the right row', () => {
    const text = 'id,text\n1,"a\nb"\n2,"open\n';
    expect(issuesOf(() => parseCsv(text, F))).toEqual([
      { file: F, row: 4, column: 'text', code: 'unterminatedQuote', params: { field: 2 } },
    ]);
  });

  it('reports a stray quote inside an unquoted field and after a closing quote', () => {
    expect(issuesOf(() => parseCsv('a,b\n1,12"3\n2,"x"y\n', F))).toEqual([
      { file: F, row: 2, column: 'b', code: 'strayQuote', params: { value: '12"3', field: 2 } },
      { file: F, row: 3, column: 'b', code: 'strayQuote', params: { value: 'xy', field: 2 } },
    ]);
  });

  it('reports a semicolon delimiter (Dutch Excel) and a tab delimiter', () => {
    expect(issuesOf(() => parseCsv('id;label;theme\nx;y;z\n', F))).toEqual([
      { file: F, row: 1, code: 'wrongDelimiter', params: { delimiter: ';', value: 'id;label;theme' } },
    ]);
    expect(issuesOf(() => parseCsv('"id";"label"\r\n"x";"y"\r\n', F))).toEqual([
      { file: F, row: 1, code: 'wrongDelimiter', params: { delimiter: ';', value: 'id;"label"' } },
    ]);
    expect(issuesOf(() => parseCsv('id\tlabel\nx\ty\n', F))).toEqual([
      { file: F, row: 1, code: 'wrongDelimiter', params: { delimiter: 'tab', value: 'id␉label' } },
    ]);
  });

  it('reports rows with the wrong number of fields', () => {
    expect(issuesOf(() => parseCsv('a,b,c\n1,2,3\n1,2\n1,2,3,4\n', F))).toEqual([
      { file: F, row: 3, code: 'wrongFieldCount', params: { expected: 3, found: 2 } },
      { file: F, row: 4, code: 'wrongFieldCount', params: { expected: 3, found: 4 } },
    ]);
  });

  it('reports an empty file', () => {
    for (const text of ['', '\uFEFF', '\n\n  \r\n']) {
      expect(issuesOf(() => parseCsv(text, F))).toEqual([{ file: F, code: 'emptyFile' }]);
    }
  });

  it('accepts a header-only file', () => {
    expect(parseCsv('a,b\n', F)).toEqual({
      header: ['a', 'b'],
      rows: [],
      rowNumbers: [],
      headerRow: 1,
      separator: ',',
    });
  });

  it('reports U+FFFD from a bad decode with row and column', () => {
    expect(issuesOf(() => parseCsv('id,label\nx,Gem\uFFFDente\ny,ok\n', F))).toEqual([
      { file: F, row: 2, column: 'label', code: 'notUtf8', params: { value: 'Gem\uFFFDente' } },
    ]);
  });

  it('caps the issues at 50 and adds one tooManyIssues', () => {
    const text = `a,b\n${'1\n'.repeat(60)}`;
    const issues = issuesOf(() => parseCsv(text, F));
    expect(issues).toHaveLength(51);
    expect(issues[49]).toEqual({ file: F, row: 51, code: 'wrongFieldCount', params: { expected: 2, found: 1 } });
    expect(issues[50]).toEqual({ file: F, code: 'tooManyIssues', params: { shown: 50, more: 10 } });
  });

  it('passes hostile cells through unchanged without crashing', () => {
    const big = 'x'.repeat(1_000_000);
    const text = `a,b\n"=cmd|' /C calc'!A0","<script>alert(1)</script>"\n${big},"\u0000\u0007\u202e"\n`;
    const csv = parseCsv(text, F);
    expect(csv.rows[0]).toEqual(["=cmd|' /C calc'!A0", '<script>alert(1)</script>']);
    expect(csv.rows[1]![0]).toHaveLength(1_000_000);
    expect(csv.rows[1]![1]).toBe('\u0000\u0007\u202e');
  });

  it('parses 100k rows', () => {
    const line = 'GM0363,jeugdwerkloosheid,2023,5.25,105,"2,000"\n';
    const text = `area_code,indicator_id,period,value,numerator,denominator\n${line.repeat(100_000)}`;
    const csv = parseCsv(text, 'observations.csv');
    expect(csv.rows).toHaveLength(100_000);
    expect(csv.rowNumbers[99_999]).toBe(100_001);
    expect(csv.rows[99_999]![5]).toBe('2,000');
  });
});

describe('readHeaderLine', () => {
  it('returns only the header, even when the rest of the file is broken', () => {
    expect(readHeaderLine('\uFEFFarea_code,"indicator_id",period\n1,"broken\n')).toEqual([
      'area_code',
      'indicator_id',
      'period',
    ]);
  });

  it('reports header problems naming the file', () => {
    expect(issuesOf(() => readHeaderLine('a;b\n1;2\n'))).toEqual([
      { file: 'observations.csv', row: 1, code: 'wrongDelimiter', params: { delimiter: ';', value: 'a;b' } },
    ]);
    expect(issuesOf(() => readHeaderLine('', 'aims.csv'))).toEqual([{ file: 'aims.csv', code: 'emptyFile' }]);
    expect(issuesOf(() => readHeaderLine('a,b\uFFFD\n'))).toEqual([
      { file: 'observations.csv', row: 1, code: 'notUtf8', params: { value: 'b\uFFFD' } },
    ]);
  });
});

describe('checkColumns', () => {
  const expected = ['area_code', 'indicator_id', 'period'];

  it('accepts the columns in any order', () => {
    expect(checkColumns(['period', 'area_code', 'indicator_id'], expected, 'observations.csv')).toEqual([]);
  });

  it('reports a missing column', () => {
    expect(checkColumns(['area_code', 'period'], expected, 'observations.csv')).toEqual([
      { file: 'observations.csv', column: 'indicator_id', code: 'missingColumn', params: { column: 'indicator_id' } },
    ]);
  });

  it('suggests a misspelt column for a missing one and reports it as unknown', () => {
    expect(checkColumns(['Area_Code', 'indicator', 'period'], expected, 'observations.csv')).toEqual([
      {
        file: 'observations.csv',
        column: 'area_code',
        code: 'missingColumn',
        params: { column: 'area_code', suggestion: 'Area_Code' },
      },
      {
        file: 'observations.csv',
        column: 'indicator_id',
        code: 'missingColumn',
        params: { column: 'indicator_id', suggestion: 'indicator' },
      },
      {
        file: 'observations.csv',
        column: 'Area_Code',
        code: 'unknownColumn',
        params: { column: 'Area_Code', value: 'Area_Code' },
      },
      {
        file: 'observations.csv',
        column: 'indicator',
        code: 'unknownColumn',
        params: { column: 'indicator', value: 'indicator' },
      },
    ]);
  });

  it('suggests within edit distance 2 and not beyond', () => {
    const near = checkColumns(['area_code', 'indcator_d', 'period'], expected, F);
    expect(near[0]?.params?.suggestion).toBe('indcator_d');
    const far = checkColumns(['area_code', 'waarde', 'period'], expected, F);
    expect(far[0]?.params).toEqual({ column: 'indicator_id' });
  });

  it('reports unknown and duplicate columns, and allows optional ones', () => {
    expect(
      checkColumns(['area_code', 'indicator_id', 'period', 'period', 'note', 'value'], expected, F, ['value']),
    ).toEqual([
      { file: F, column: 'note', code: 'unknownColumn', params: { column: 'note', value: 'note' } },
      { file: F, column: 'period', code: 'duplicateColumn', params: { column: 'period', value: 'period', count: 2 } },
    ]);
  });
});
