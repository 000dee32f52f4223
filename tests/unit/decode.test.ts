import { tableFromArrays, tableFromJSON } from 'apache-arrow';
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

  it('names a column the result lacks instead of failing on every row', () => {
    const table = tableFromArrays({ code: ['BU1'] });
    expect(() => decodeColumns(table, { code: asString, status: asStatus })).toThrow(
      'the query result has no column status',
    );
  });
});
