/**
 * Observation files as Arrow IPC streams, built from typed arrays (no row objects): area_code and indicator_id as
 * Dictionary<Utf8, Int32> (fixed dictionary ids, so the bytes do not depend on what else the process made), period
 * Int16, value / numerator / denominator Float64 with a validity bitmap (NaN in the arrays = null in the file). A
 * published file (scripts/national/publish.ts) adds `status` as a nullable Dictionary<Utf8, Int8> over
 * OBSERVATION_STATUSES: the reason a row shows no value, null where it shows one.
 */
import {
  Dictionary,
  Field,
  Float64,
  Int8,
  Int16,
  Int32,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { OBSERVATION_COLUMNS, OBSERVATION_STATUSES } from '../../src/data/package.ts';

const AREA_DICTIONARY_ID = 0;
const INDICATOR_DICTIONARY_ID = 1;
const STATUS_DICTIONARY_ID = 2;

function observationSchema(withStatus: boolean) {
  const dictionary = (id: number) => new Dictionary(new Utf8(), new Int32(), id);
  const [area, indicator, period, value, numerator, denominator] = OBSERVATION_COLUMNS;
  return new Schema([
    new Field(area, dictionary(AREA_DICTIONARY_ID), false),
    new Field(indicator, dictionary(INDICATOR_DICTIONARY_ID), false),
    new Field(period, new Int16(), false),
    new Field(value, new Float64(), true),
    new Field(numerator, new Float64(), true),
    new Field(denominator, new Float64(), true),
    ...(withStatus ? [new Field('status', new Dictionary(new Utf8(), new Int8(), STATUS_DICTIONARY_ID), true)] : []),
  ]);
}

/** A row's status in {@link ObservationColumns.status}: an index into OBSERVATION_STATUSES, or this for none. */
export const NO_STATUS = -1;

/** Rows in column form; `area` and `indicator` index into their (sorted) dictionaries. */
export class ObservationColumns {
  readonly area: Int32Array;
  readonly indicator: Int32Array;
  readonly period: Int16Array;
  readonly value: Float64Array;
  readonly numerator: Float64Array;
  readonly denominator: Float64Array;
  /** Per row an index into OBSERVATION_STATUSES or NO_STATUS; written only when `withStatus` (a published file). */
  readonly status: Int8Array;
  length = 0;

  constructor(
    capacity: number,
    readonly areaDictionary: readonly string[],
    readonly indicatorDictionary: readonly string[],
    readonly withStatus = false,
  ) {
    this.area = new Int32Array(capacity);
    this.indicator = new Int32Array(capacity);
    this.period = new Int16Array(capacity);
    this.value = new Float64Array(capacity);
    this.numerator = new Float64Array(capacity);
    this.denominator = new Float64Array(capacity);
    this.status = new Int8Array(withStatus ? capacity : 0);
  }

  push(
    area: number,
    indicator: number,
    period: number,
    value: number,
    numerator: number,
    denominator: number,
    status = NO_STATUS,
  ) {
    const i = this.length++;
    if (this.withStatus) this.status[i] = status;
    this.area[i] = area;
    this.indicator[i] = indicator;
    this.period[i] = period;
    this.value[i] = value;
    this.numerator[i] = numerator;
    this.denominator[i] = denominator;
  }
}

function float64(values: Float64Array) {
  const validity = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i]!)) nullCount++;
    else validity[i >> 3]! |= 1 << (i & 7);
  }
  // Null slots hold 0, not NaN, so that the bytes are the same on every platform.
  const data = values.map((v) => (Number.isNaN(v) ? 0 : v));
  return makeData({ type: new Float64(), length: values.length, nullCount, data, nullBitmap: validity });
}

function statusData(type: Dictionary<Utf8, Int8>, status: Int8Array) {
  const validity = new Uint8Array(Math.ceil(status.length / 8));
  let nullCount = 0;
  for (let i = 0; i < status.length; i++) {
    if (status[i] === NO_STATUS) nullCount++;
    else validity[i >> 3]! |= 1 << (i & 7);
  }
  return makeData({
    type,
    length: status.length,
    nullCount,
    data: status.map((s) => Math.max(s, 0)),
    nullBitmap: validity,
    dictionary: vectorFromArray([...OBSERVATION_STATUSES], new Utf8()),
  });
}

/** One Arrow IPC stream with every row of `columns`, in the order they were pushed. */
export function observationsIpc(columns: ObservationColumns): Uint8Array {
  const n = columns.length;
  const schema = observationSchema(columns.withStatus);
  const [areaType, indicatorType] = schema.fields.map((f) => f.type) as [
    Dictionary<Utf8, Int32>,
    Dictionary<Utf8, Int32>,
  ];
  const children = [
    makeData({
      type: areaType,
      length: n,
      nullCount: 0,
      data: columns.area.subarray(0, n),
      dictionary: vectorFromArray([...columns.areaDictionary], new Utf8()),
    }),
    makeData({
      type: indicatorType,
      length: n,
      nullCount: 0,
      data: columns.indicator.subarray(0, n),
      dictionary: vectorFromArray([...columns.indicatorDictionary], new Utf8()),
    }),
    makeData({ type: new Int16(), length: n, nullCount: 0, data: columns.period.subarray(0, n) }),
    float64(columns.value.subarray(0, n)),
    float64(columns.numerator.subarray(0, n)),
    float64(columns.denominator.subarray(0, n)),
    ...(columns.withStatus ? [statusData(schema.fields[6]!.type, columns.status.subarray(0, n))] : []),
  ];
  const struct = makeData({ type: new Struct(schema.fields), length: n, nullCount: 0, children });
  return tableToIPC(new Table(schema, new RecordBatch(schema, struct)), 'stream');
}
