import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPackage } from '../../src/data/load.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import {
  applyOwnFiles,
  currentTables,
  loadOwnData,
  type OwnData,
  type OwnPackage,
  ownPackageOf,
  parseOwnNumber,
  removeOwnData,
  validateOwnData,
  wideToLong,
} from '../../src/userdata/ownData.ts';
import { indicatorIdOf, type OwnTable, parseOwnData } from '../../src/userdata/ownDataParse.ts';
import { createOwnDataStore, indexedDbOwnDataStore } from '../../src/userdata/ownDataStore.ts';
import { ownIssuesOf } from '../fixtures/issuesOf.ts';
import { FIXTURES, readPackage } from '../fixtures/readPackage.ts';
import { xlsx } from '../fixtures/xlsxZip.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const file = (name: string, text: string) => ({ name, bytes: encode(text) });

const mini = readPackage(join(FIXTURES, 'mini'));
const MINI_AREAS = [
  'NL00',
  'GM9998',
  'WK999801',
  'WK999802',
  'BU99980101',
  'BU99980102',
  'BU99980201',
  'BU99980202',
  'GB999801',
];
const PKG: OwnPackage = {
  areas: MINI_AREAS.map((code) => ({ code })),
  indicators: ['jeugdhulp_pct', 'inwoners', 'bijstand_aantal', 'gem_inkomen'].map((id) => ({ id })),
  periods: [2023, 2024],
};

describe('parseOwnData', () => {
  it('reads a long CSV with semicolons and decimal commas', async () => {
    const table = await parseOwnData(
      file('meldingen.csv', 'area_code;indicator_id;period;value\nBU99980101;meldingen;2024;12,5\n'),
    );
    expect(table).toEqual({
      file: 'meldingen.csv',
      layout: 'long',
      header: ['area_code', 'indicator_id', 'period', 'value'],
      rows: [['BU99980101', 'meldingen', '2024', '12,5']],
      rowNumbers: [2],
      headerRow: 1,
    });
  });

  it('takes Excel’s sep=; hint on the first line as the separator, not as the header (rows keep their numbers)', async () => {
    const table = await parseOwnData(
      file('excel.csv', 'sep=;\r\narea_code;indicator_id;period;value\r\nBU99980101;meldingen;2024;12,5\r\n'),
    );
    expect(table).toMatchObject({
      header: ['area_code', 'indicator_id', 'period', 'value'],
      rows: [['BU99980101', 'meldingen', '2024', '12,5']],
      rowNumbers: [3],
      headerRow: 2,
    });
  });

  it('tells the wide layout by its header and turns it into long rows', async () => {
    const table = await parseOwnData(
      file(
        'wmo.csv',
        '\ufeffArea_Code,Period,naam,Aantal meldingen (Wmo),Tevredenheid\n\nBU99980101,2024,West-Zuid,12,"7,5"\nBU99980102,2024,Gehucht,,6\n',
      ),
    );
    expect(table.layout).toBe('wide');
    expect(table.rowNumbers).toEqual([3, 4]);
    const long = wideToLong(table);
    expect(long.rows).toEqual([
      {
        row: 3,
        area_code: 'BU99980101',
        indicator_id: 'aantal_meldingen_wmo',
        period: '2024',
        value: '12',
        numerator: '',
        denominator: '',
        valueColumn: 'Aantal meldingen (Wmo)',
      },
      {
        row: 3,
        area_code: 'BU99980101',
        indicator_id: 'tevredenheid',
        period: '2024',
        value: '7,5',
        numerator: '',
        denominator: '',
        valueColumn: 'Tevredenheid',
      },
      {
        row: 4,
        area_code: 'BU99980102',
        indicator_id: 'tevredenheid',
        period: '2024',
        value: '6',
        numerator: '',
        denominator: '',
        valueColumn: 'Tevredenheid',
      },
    ]);
    expect([...long.labels]).toEqual([
      ['aantal_meldingen_wmo', 'Aantal meldingen (Wmo)'],
      ['tevredenheid', 'Tevredenheid'],
    ]);
  });

  it('reads the Dutch column names of a municipal spreadsheet: buurtcode, jaar, indicator, waarde, teller, noemer', async () => {
    const wide = await parseOwnData(
      file('wmo.csv', 'Buurtcode;Naam;Jaar;Wmo-cliënten\nBU99980101;West-Zuid;2024;31\n'),
    );
    expect(wide.layout).toBe('wide');
    expect(wideToLong(wide).rows).toEqual([
      {
        row: 2,
        area_code: 'BU99980101',
        indicator_id: 'wmo_clienten',
        period: '2024',
        value: '31',
        numerator: '',
        denominator: '',
        valueColumn: 'Wmo-cliënten',
      },
    ]);
    const long = validateOwnData(
      await tableOf('lang.csv', 'gebiedscode;indicator;jaar;waarde;teller;noemer\nBU99980101;bereik;2024;12;12;100\n'),
      PKG,
    );
    expect(long.observations).toEqual([
      { area_code: 'BU99980101', indicator_id: 'bereik', period: 2024, value: 12, numerator: 12, denominator: 100 },
    ]);
    // An alias counts only when the column's own name is absent: here `code` is just another column.
    const both = await parseOwnData(file('x.csv', 'area_code,code,period,Score\nBU99980101,x,2024,1\n'));
    expect(wideToLong(both).rows.map((r) => [r.area_code, r.indicator_id])).toEqual([
      ['BU99980101', 'code'],
      ['BU99980101', 'score'],
    ]);
  });

  it('makes ids of column titles', () => {
    expect(indicatorIdOf('Cliënten Wmo 2024')).toBe('clienten_wmo_2024');
    expect(indicatorIdOf('65+ alleenwonend')).toBe('i_65_alleenwonend');
    expect(indicatorIdOf('%')).toBe('');
  });

  it('reads the first sheet of an .xlsx, inflating its parts asynchronously', async () => {
    const bytes = xlsx([
      ['area_code', 'period', 'Score'],
      ['BU99980101', '2024', '7.25'],
      [],
      ['BU99980201', '2024', '8'],
    ]);
    const table = await parseOwnData({ name: 'scores.xlsx', bytes });
    expect(table).toMatchObject({
      layout: 'wide',
      header: ['area_code', 'period', 'Score'],
      rows: [
        ['BU99980101', '2024', '7.25'],
        ['BU99980201', '2024', '8'],
      ],
      rowNumbers: [2, 4],
    });
  });

  it('refuses damaged Parquet, other types, damaged workbooks, non-UTF-8 text and unknown layouts, naming the file', async () => {
    expect(await ownIssuesOf(() => parseOwnData(file('obs.parquet', 'PAR1....')))).toEqual([
      { file: 'obs.parquet', code: 'notParquet', params: { reason: expect.any(String) } },
    ]);
    expect(await ownIssuesOf(() => parseOwnData(file('obs.json', '[]')))).toEqual([
      { file: 'obs.json', code: 'unsupportedFileType', params: { extension: 'json' } },
    ]);
    expect((await ownIssuesOf(() => parseOwnData(file('kapot.xlsx', 'geen zip'))))[0]).toMatchObject({
      file: 'kapot.xlsx',
      code: 'notXlsx',
    });
    const latin1 = { name: 'wmo.csv', bytes: new Uint8Array([...encode('area_code,period,x\nBU1,2024,'), 0xe9, 10]) };
    expect(await ownIssuesOf(() => parseOwnData(latin1))).toEqual([
      { file: 'wmo.csv', code: 'notUtf8', params: { line: 2 } },
    ]);
    expect(await ownIssuesOf(() => parseOwnData(file('x.csv', 'plek,tijd,waarde\nBU1,2024,3\n')))).toEqual([
      { file: 'x.csv', code: 'unknownLayout', params: { found: 'plek, tijd, waarde' } },
    ]);
    expect(await ownIssuesOf(() => parseOwnData(file('x.csv', 'area_code;period;a\n"BU1;2024;3\n')))).toEqual([
      // The one CSV reader names the column the open quote starts in, as for the package's files.
      { file: 'x.csv', row: 2, column: 'area_code', code: 'unterminatedQuote', params: { field: 1 } },
    ]);
  });
});

describe('parseOwnNumber', () => {
  it('accepts a decimal point or comma, Dutch thousands, exponents and empty', () => {
    expect(parseOwnNumber('12.5')).toEqual({ ok: true, value: 12.5 });
    expect(parseOwnNumber(' 12,5 ')).toEqual({ ok: true, value: 12.5 });
    expect(parseOwnNumber('1.234,5')).toEqual({ ok: true, value: 1234.5 });
    expect(parseOwnNumber('2.4920000000000001E4')).toEqual({ ok: true, value: 24920 });
    expect(parseOwnNumber('')).toEqual({ ok: true, value: null });
    expect(parseOwnNumber('12%')).toEqual({ ok: false, params: { value: '12%' } });
  });
});

async function tableOf(name: string, text: string): Promise<OwnTable> {
  return parseOwnData(file(name, text));
}

describe('validateOwnData', () => {
  it('gives indicators with documented defaults and observations', async () => {
    const data = validateOwnData(
      await tableOf('wmo.csv', 'area_code;period;Tevredenheid\nBU99980101;2024;7,5\nGM9998;2019;7\n'),
      PKG,
    );
    expect(data.indicators).toEqual([
      {
        id: 'tevredenheid',
        label_nl: 'Tevredenheid',
        label_en: 'Tevredenheid',
        theme: 'bevolking',
        unit: 'score',
        direction: 'neutral',
        decimals: 1,
        definition_nl: '',
        definition_en: '',
        source: 'wmo.csv',
        min_count: 10,
        rounding: null,
        denominator_rounding: null,
      },
    ]);
    expect(data.observations).toEqual([
      {
        area_code: 'BU99980101',
        indicator_id: 'tevredenheid',
        period: 2024,
        value: 7.5,
        numerator: null,
        denominator: null,
      },
      { area_code: 'GM9998', indicator_id: 'tevredenheid', period: 2019, value: 7, numerator: null, denominator: null },
    ]);
    expect(data.extraPeriods).toEqual([2019]);
    expect(data.files).toEqual([{ name: 'wmo.csv', layout: 'wide', indicators: ['tevredenheid'] }]);
  });

  it('reads the unit of a rate from value, numerator and denominator', async () => {
    const data = validateOwnData(
      await tableOf(
        'r.csv',
        'area_code,indicator_id,period,value,numerator,denominator\nBU99980101,aandeel,2024,12.5,25,200\nBU99980201,aandeel,2024,10,10,100\n',
      ),
      PKG,
    );
    expect(data.indicators[0]).toMatchObject({ id: 'aandeel', unit: 'percent', decimals: 1 });
  });

  it('names file, row and column of every problem, and loads nothing', async () => {
    const long = await tableOf(
      'eigen.csv',
      [
        'area_code,indicator_id,period,value',
        'BU99980101,mine,2024,10', // 2: fine
        'BU00000000,mine,2024,10', // 3: unknown area
        'BU99980102,mine,2024,tien', // 4: not numeric
        'BU99980101,mine,2024,11', // 5: duplicate of row 2
        'BU99980201,inwoners,2024,5', // 6: already in the package
        'BU99980201,mine,1850,5', // 7: year out of range
        'BU99980202,mine,2024.5,5', // 8: not an integer
        'BU99980202,Mijn-ind,2024,5', // 9: invalid id
        'BU99980202,mine,2024,1e308', // 10: a broken export's number, as the package refuses it
      ].join('\n'),
    );
    expect(await ownIssuesOf(() => validateOwnData(long, PKG))).toEqual([
      { file: 'eigen.csv', row: 3, column: 'area_code', code: 'areaNotInPackage', params: { value: 'BU00000000' } },
      { file: 'eigen.csv', row: 4, column: 'value', code: 'notNumeric', params: { value: 'tien' } },
      {
        file: 'eigen.csv',
        row: 5,
        column: 'area_code',
        code: 'duplicateKey',
        params: { value: 'BU99980101 mine 2024', firstRow: 2 },
      },
      { file: 'eigen.csv', row: 6, column: 'indicator_id', code: 'alreadyInPackage', params: { value: 'inwoners' } },
      {
        file: 'eigen.csv',
        row: 7,
        column: 'period',
        code: 'periodOutOfRange',
        params: { value: 1850, first: 1900, last: 2100 },
      },
      { file: 'eigen.csv', row: 8, column: 'period', code: 'notInteger', params: { value: '2024.5' } },
      { file: 'eigen.csv', row: 9, column: 'indicator_id', code: 'invalidId', params: { value: 'Mijn-ind' } },
      {
        file: 'eigen.csv',
        row: 10,
        column: 'value',
        code: 'outOfRange',
        params: { value: '1e308', min: '0', max: '1000000000000000' },
      },
    ]);
  });

  it('points at the header for a wide column that clashes with the package, and at columns by their names', async () => {
    const wide = await tableOf('w.csv', 'Area_code;PERIOD;Inwoners;Score\nBU99980101;2024;5;x\n');
    expect(await ownIssuesOf(() => validateOwnData(wide, PKG))).toEqual([
      { file: 'w.csv', row: 1, column: 'Inwoners', code: 'alreadyInPackage', params: { value: 'inwoners' } },
      { file: 'w.csv', row: 2, column: 'Score', code: 'notNumeric', params: { value: 'x' } },
    ]);
  });

  it('reports missing columns, with a suggestion', async () => {
    const long = await tableOf('l.csv', 'area_code,indicator_id,perode,value\nBU99980101,mine,2024,1\n');
    expect(await ownIssuesOf(() => validateOwnData(long, PKG))).toEqual([
      {
        file: 'l.csv',
        column: 'period',
        code: 'missingColumn',
        params: { column: 'period', suggestion: 'perode' },
      },
      { file: 'l.csv', column: 'perode', code: 'unknownColumn', params: { column: 'perode', value: 'perode' } },
    ]);
  });

  it('takes metadata from an indicators file and checks it as the package does', async () => {
    const data = await tableOf('wmo.csv', 'area_code,period,wmo_pct\nBU99980101,2024,12\n');
    const good = await tableOf(
      'indicatoren.csv',
      'id,label_nl,theme,unit,direction,decimals,min_count\nwmo_pct,Wmo-gebruik,zorg,percent,down,1,50\n',
    );
    expect(validateOwnData([data, good], PKG).indicators[0]).toMatchObject({
      id: 'wmo_pct',
      label_nl: 'Wmo-gebruik',
      label_en: 'Wmo-gebruik',
      theme: 'zorg',
      unit: 'percent',
      min_count: 50,
    });
    const bad = await tableOf(
      'indicatoren.csv',
      'id;label_nl;theme;unit;direction;decimals;min_count\n\nwmo_pct;Wmo-gebruik;wmo;percent;down;1;50\n',
    );
    expect(await ownIssuesOf(() => validateOwnData([data, bad], PKG))).toEqual([
      {
        file: 'indicatoren.csv',
        row: 3,
        column: 'theme',
        code: 'invalidEnum',
        params: { value: 'wmo', allowed: 'jeugd, zorg, werk, armoede, gezondheid, meedoen, bevolking' },
      },
    ]);
  });
});

describe('loadOwnData into the package', () => {
  let db: Awaited<ReturnType<typeof createNodeConnector>>;
  let pkg: OwnPackage;
  const rows = async (sql: string) => (await db.query(sql)).toArray().map((r) => r.toJSON());

  beforeAll(async () => {
    db = await createNodeConnector();
    pkg = ownPackageOf(await loadPackage(db, mini));
  });
  afterAll(() => db?.close());

  const own = (text: string, metadata?: string): Promise<OwnData> =>
    Promise.all([tableOf('mine.csv', text), ...(metadata ? [tableOf('mine-indicatoren.csv', metadata)] : [])]).then(
      (tables) => validateOwnData(tables, pkg),
    );

  it('adds indicators and observations that every view sees, with custom areas and suppression', async () => {
    const data = await own(
      [
        'area_code,indicator_id,period,value,numerator,denominator',
        'BU99980101,mine,2024,,30,200',
        'BU99980102,mine,2024,,2,20',
        'BU99980201,mine,2024,,10,100',
      ].join('\n'),
      'id,label_nl,label_en,theme,unit,direction,decimals,min_count\nmine,Mijn indicator,My indicator,zorg,percent,down,1,50\n',
    );
    await loadOwnData(db, data);
    expect(
      await rows(
        "SELECT area_code, period::INT AS period, round(value, 6) AS value, numerator, denominator, suppressed FROM observations WHERE indicator_id = 'mine' ORDER BY area_code",
      ),
    ).toEqual([
      { area_code: 'BU99980101', period: 2024, value: 15, numerator: 30, denominator: 200, suppressed: false },
      // 20 people: fewer than min_count 50, so the value is not shown.
      { area_code: 'BU99980102', period: 2024, value: null, numerator: null, denominator: null, suppressed: true },
      { area_code: 'BU99980201', period: 2024, value: 10, numerator: 10, denominator: 100, suppressed: false },
      // The custom area Zuidkant (BU99980101 + BU99980201) as a ratio of sums: 40 / 300.
      { area_code: 'GB999801', period: 2024, value: 13.333333, numerator: 40, denominator: 300, suppressed: false },
    ]);
    expect(
      await rows(
        "SELECT id, label_nl, unit, min_count, rounding, denominator_rounding, multiplier, ord FROM indicators WHERE id = 'mine'",
      ),
    ).toEqual([
      // Own figures are exact unless the indicators file says otherwise: no rounding.
      {
        id: 'mine',
        label_nl: 'Mijn indicator',
        unit: 'percent',
        min_count: 50,
        rounding: null,
        denominator_rounding: null,
        multiplier: 100,
        ord: 4,
      },
    ]);
    expect((await rows('SELECT count(*)::INT AS n FROM indicators'))[0]).toEqual({ n: 5 });
  });

  it('refuses an id that is in the package by now, changing nothing', async () => {
    const again = await own('area_code,indicator_id,period,value\nBU99980101,mine,2023,1\n');
    expect(await ownIssuesOf(() => loadOwnData(db, again))).toEqual([
      { file: 'mine.csv', code: 'alreadyInPackage', params: { value: 'mine' } },
    ]);
    expect((await rows("SELECT count(*)::INT AS n FROM observations WHERE indicator_id = 'mine'"))[0]).toEqual({
      n: 4,
    });
  });

  it('rolls back when an insert fails half-way: nothing is half loaded', async () => {
    await db.query('CREATE TABLE broken_observations (area_code VARCHAR)');
    const data = await own('area_code,indicator_id,period,value\nBU99980101,half,2024,1\n');
    const tables = { ...(await currentTables(db)), observations: 'broken_observations' };
    expect(tables.indicators).toBe('"gk1_indicators"');
    await expect(loadOwnData(db, data, { tables })).rejects.toThrow(/broken_observations|suppressed|column/i);
    expect(await rows("SELECT id FROM indicators WHERE id = 'half'")).toEqual([]);
    expect(await rows('SELECT * FROM broken_observations')).toEqual([]);
    // The connection is usable again (no transaction left open).
    expect(await rows('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('removes own data again', async () => {
    await removeOwnData(db, 'mine');
    expect(await rows("SELECT * FROM observations WHERE indicator_id = 'mine'")).toEqual([]);
    expect(await rows("SELECT * FROM indicators WHERE id = 'mine'")).toEqual([]);
    expect((await rows('SELECT count(*)::INT AS n FROM indicators'))[0]).toEqual({ n: 4 });
  });

  it('replaces the set of own files in one step, and keeps the old set when the new one is refused', async () => {
    const first = await applyOwnFiles(db, [file('a.csv', 'area_code,period,score_a\nGM9998,2024,3\n')], pkg, null);
    expect(first.files).toEqual([{ name: 'a.csv', layout: 'wide', indicators: ['score_a'] }]);
    const second = await applyOwnFiles(
      db,
      [
        file('a.csv', 'area_code,period,score_a\nGM9998,2024,4\n'),
        file('b.csv', 'area_code,period,score_b\nGM9998,2024,5\n'),
      ],
      pkg,
      first,
    );
    expect(
      await rows("SELECT indicator_id, value FROM observations WHERE indicator_id LIKE 'score_%' ORDER BY 1"),
    ).toEqual([
      { indicator_id: 'score_a', value: 4 },
      { indicator_id: 'score_b', value: 5 },
    ]);
    const refused = await ownIssuesOf(() =>
      applyOwnFiles(db, [file('c.csv', 'area_code,period,score_c\nXX,2024,1\n')], pkg, second),
    );
    expect(refused).toEqual([
      { file: 'c.csv', row: 2, column: 'area_code', code: 'areaNotInPackage', params: { value: 'XX' } },
    ]);
    expect(await rows("SELECT id FROM indicators WHERE id LIKE 'score_%' ORDER BY 1")).toEqual([
      { id: 'score_a' },
      { id: 'score_b' },
    ]);
    await applyOwnFiles(db, [], pkg, second);
    expect(await rows("SELECT id FROM indicators WHERE id LIKE 'score_%'")).toEqual([]);
  });
});

describe('ownDataStore without IndexedDB', () => {
  it('keeps files per package in memory', async () => {
    const store = createOwnDataStore(null);
    await store.save('mini', { name: 'a.csv', bytes: encode('x') });
    await store.save('mini', { name: 'b.csv', bytes: encode('y') });
    await store.save('demo', { name: 'a.csv', bytes: encode('z') });
    await store.save('mini', { name: 'a.csv', bytes: encode('x2') });
    const names = (await store.list('mini')).files.map((f) => [f.name, new TextDecoder().decode(f.bytes)]);
    expect(names.sort()).toEqual([
      ['a.csv', 'x2'],
      ['b.csv', 'y'],
    ]);
    await store.delete('mini', 'a.csv');
    expect((await store.list('mini')).files.map((f) => f.name)).toEqual(['b.csv']);
    expect((await store.list('demo')).files.map((f) => f.name)).toEqual(['a.csv']);
  });

  it('says a file is kept for this session only, never that it is kept in the browser', async () => {
    const saved = await createOwnDataStore(null).save('mini', { name: 'a.csv', bytes: encode('x') });
    expect(saved.kept).toBe('session');
  });
});

describe('ownDataStore over a failing IndexedDB', () => {
  // Node has no IndexedDB: the key range the store builds is a stand-in here.
  const g = globalThis as { IDBKeyRange?: unknown };
  const had = g.IDBKeyRange;
  beforeAll(() => {
    g.IDBKeyRange = { bound: () => null };
  });
  afterAll(() => {
    g.IDBKeyRange = had;
  });
  /** A fake IDBFactory whose database opens but refuses every write, as a full disk does. */
  function failingFactory(error: DOMException): IDBFactory {
    const request = <T>(result: T, fail = false) => {
      const req = { result, error: fail ? error : null } as unknown as IDBRequest<T> & {
        onsuccess?: () => void;
        onerror?: () => void;
      };
      queueMicrotask(() => (fail ? req.onerror?.() : req.onsuccess?.()));
      return req;
    };
    const db = {
      objectStoreNames: { contains: () => true },
      transaction: () => {
        const tx = {
          objectStore: () => ({
            put: () => undefined,
            getAll: () => request([{ name: 'kapot.csv', bytes: 'geen bytes', addedAt: 1 }]),
          }),
        } as unknown as IDBTransaction & { onerror?: () => void; onabort?: () => void };
        queueMicrotask(() => {
          (tx as unknown as { error: DOMException }).error = error;
          tx.onabort?.();
        });
        return tx;
      },
      close: () => undefined,
    };
    return { open: () => request(db) } as unknown as IDBFactory;
  }

  it('reports a full disk as not kept, with the reason, instead of "added"', async () => {
    const store = createOwnDataStore(failingFactory(new DOMException('full', 'QuotaExceededError')));
    const saved = await store.save('mini', { name: 'a.csv', bytes: encode('x') });
    expect(saved).toMatchObject({ kept: 'session', reason: 'quota' });
  });

  it('skips a damaged kept entry and names it', async () => {
    const listed = await indexedDbOwnDataStore(failingFactory(new DOMException('x', 'UnknownError'))).list('mini');
    expect(listed).toEqual({ files: [], damaged: ['kapot.csv'] });
  });
});
