import { describe, expect, it } from 'vitest';
import {
  type ConsoleColumn,
  type ConsoleColumnKind,
  formatConsoleCell,
  isIdentifierColumn,
} from '../../src/views/data/consoleCell.ts';
import { syntaxMessage } from '../../src/views/data/SqlConsole.tsx';

const column = (name: string, kind: ConsoleColumnKind, scale = 0): ConsoleColumn => ({ name, kind, scale });

describe('formatConsoleCell', () => {
  it('shows years, periods and codes as plain integers', () => {
    expect(formatConsoleCell(2016, column('period', 'integer'), 'nl')).toBe('2016');
    expect(formatConsoleCell(2016n, column('jaar', 'integer'), 'nl')).toBe('2016');
    expect(formatConsoleCell(2024, column('max(period)', 'integer'), 'en')).toBe('2024');
    expect(formatConsoleCell(2016, column('2016', 'integer'), 'nl')).toBe('2016');
    expect(formatConsoleCell(197901, column('area_code', 'integer'), 'nl')).toBe('197901');
  });

  it('groups the integers of amounts in the language’s notation', () => {
    expect(formatConsoleCell(29710, column('inwoners', 'integer'), 'nl')).toBe('29.710');
    expect(formatConsoleCell(1234567n, column('count_star()', 'integer'), 'en')).toBe('1,234,567');
  });

  it('rounds floating point to four significant digits, never the whole part', () => {
    expect(formatConsoleCell(136.12147, column('avg(value)', 'float'), 'nl')).toBe('136,1');
    expect(formatConsoleCell(136.12147, column('avg(value)', 'float'), 'en')).toBe('136.1');
    expect(formatConsoleCell(0.000123456, column('x', 'float'), 'nl')).toBe('0,0001235');
    expect(formatConsoleCell(1234567.891, column('x', 'float'), 'nl')).toBe('1.234.568');
    expect(formatConsoleCell(5, column('x', 'float'), 'nl')).toBe('5');
    expect(formatConsoleCell(-1e-9, column('x', 'float'), 'nl')).toBe('-0,000000001');
    expect(formatConsoleCell(Number.NaN, column('x', 'float'), 'nl')).toBe('NaN');
  });

  it('shows a DECIMAL with the digits of its type', () => {
    expect(formatConsoleCell(12.5, column('x', 'decimal', 2), 'nl')).toBe('12,50');
    expect(formatConsoleCell(-0.001, column('x', 'decimal', 2), 'nl')).toBe('0,00');
  });

  it('leaves text and empty cells as they are', () => {
    expect(formatConsoleCell('2.016', column('label', 'text'), 'nl')).toBe('2.016');
    expect(formatConsoleCell(null, column('period', 'integer'), 'nl')).toBe('');
  });
});

describe('isIdentifierColumn', () => {
  it('reads names of years, periods and codes, not of amounts', () => {
    expect(['period', 'year', 'peiljaar', 'indicator_id', 'gwb_code', 'min(period)'].map(isIdentifierColumn)).toEqual(
      Array(6).fill(true),
    );
    expect(
      ['value', 'inwoners', 'count_star()', 'codex', 'jaarinkomen', 'periods_ago'].map(isIdentifierColumn),
    ).toEqual(Array(6).fill(false));
  });
});

describe('syntaxMessage', () => {
  it("is DuckDB's parser message without its prefix, its pointer once; null for any other error", () => {
    const pointer = 'LINE 1: SELEC 1\n        ^';
    expect(syntaxMessage(`Parser Error: syntax error at or near "SELEC"\n\n${pointer}\n\n${pointer}`)).toBe(
      `syntax error at or near "SELEC"\n\n${pointer}`,
    );
    expect(syntaxMessage('Catalog Error: Table with name x does not exist!')).toBeNull();
  });
});
