import { Float64, Table, tableFromArrays, tableFromJSON, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { asBoolean, asNumber, asNumberOrNull, asStatus, asString, decodeColumns } from '../../src/queries/decode.ts';

describe('decodeColumns', () => {
  it('turns columns into plain rows: bigint and double to number, NULL to null, flags to booleans', () => {
    const table = tableFromArrays({
      code: ['BU1', 'BU2'],
      period: new BigInt64Array([2023n, 2024n]),
      value: new Float64Array([1.5, 2]),
      suppressed: [false, true],
    });
    const withNulls = tableFromJSON([
      { code: 'BU1', value: null, status: 'secret' },
      { code: 'BU2', value: 3, status: null },
    ]);
    expect(
      decodeColumns<{ code: string; period: number; value: number | null; suppressed: boolean }>(table, {
        code: asString,
        period: asNumber,
        value: asNumberOrNull,
        suppressed: asBoolean,
      }),
    ).toEqual([
      { code: 'BU1', period: 2023, value: 1.5, suppressed: false },
      { code: 'BU2', period: 2024, value: 2, suppressed: true },
    ]);
    expect(decodeColumns(withNulls, { code: asString, value: asNumberOrNull, status: asStatus })).toEqual([
      { code: 'BU1', value: null, status: 'secret' },
      { code: 'BU2', value: 3, status: null },
    ]);
  });

  it('reads a result of several record batches in order, each row from its own batch', () => {
    // DuckDB hands a large result over in batches; the rows follow each other across them.
    const batch = (from: number, n: number) =>
      new Table({
        code: vectorFromArray(
          Array.from({ length: n }, (_, i) => `BU${from + i}`),
          new Utf8(),
        ),
        value: vectorFromArray(
          Array.from({ length: n }, (_, i) => (from + i) / 2),
          new Float64(),
        ),
      }).batches[0]!;
    const table = new Table([batch(0, 3), batch(3, 1), batch(4, 2)]);
    expect(table.batches).toHaveLength(3);
    expect(decodeColumns<{ code: string; value: number }>(table, { value: asNumber, code: asString })).toEqual(
      Array.from({ length: 6 }, (_, i) => ({ value: i / 2, code: `BU${i}` })),
    );
  });

  it('names a column the result lacks instead of failing on every row', () => {
    const table = tableFromArrays({ code: ['BU1'] });
    expect(() => decodeColumns(table, { code: asString, status: asStatus })).toThrow(
      'the query result has no column status',
    );
  });
});
