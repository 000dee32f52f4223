import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runFetchCbs } from '../../scripts/cbs/fetch/cli.ts';
import { downloadCbs } from '../../scripts/cbs/fetch/download.ts';
import { UserError } from '../../scripts/cbs/fetch/errors.ts';
import { gemeenteFilter } from '../../scripts/cbs/fetch/odata.ts';
import { parseFetchArgs, parseYears } from '../../scripts/cbs/fetch/options.ts';
import { type ImportOptions, type ImportResult, importCbs } from '../../scripts/cbs/importCbs.ts';
import { parseCsv } from '../../src/data/csv.ts';
import { KWB_TABLE_YEARS } from '../../src/import/cbs/recognise.ts';

const FIXTURES = new URL('../fixtures/cbs-services/', import.meta.url);
const OFFLINE_HINT = 'check the internet connection, or download the files and use `npm run import:cbs`';
const FILTER_GM1979 =
  "startswith(WijkenEnBuurten,'NL') or startswith(WijkenEnBuurten,'GM1979') or " +
  "startswith(WijkenEnBuurten,'WK1979') or startswith(WijkenEnBuurten,'BU1979')";
const FES_GM1979 =
  '<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:PropertyIsEqualTo>' +
  '<fes:ValueReference>gemeentecode</fes:ValueReference><fes:Literal>GM1979</fes:Literal>' +
  '</fes:PropertyIsEqualTo></fes:Filter>';

interface Seen {
  path: string;
  query: Record<string, string>;
}
/** Lets one test answer some requests itself; returns false to leave the request to the normal routes. */
type Override = (path: string, url: URL, res: ServerResponse) => boolean;

let server: Server;
let origin = '';
let seen: Seen[] = [];
let override: Override | undefined;
/** Years whose OGC API answers 404, so the WFS is used. */
const OGC_MISSING = new Set([2023]);

function fixtureText(name: string, vars: Record<string, string>): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? '');
}
const fixtureJson = (name: string, vars: Record<string, string> = {}) =>
  JSON.parse(fixtureText(name, { origin, ...vars })) as Record<string, unknown>;

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8') {
  // No keep-alive: closing the server's connections after a test must not leave fetch a dead socket to reuse.
  res.writeHead(status, { 'content-type': type, connection: 'close' });
  res.end(body);
}

/** The services as far as the downloader uses them. */
function route(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', origin);
  const path = url.pathname;
  seen.push({ path, query: Object.fromEntries(url.searchParams) });
  if (override?.(path, url, res)) return;
  const vars = { origin, query: url.search.slice(1) };

  const odata = /^\/ODataApi\/OData\/(\w+)\/(TypedDataSet|DataProperties)$/i.exec(path);
  if (odata) {
    const [, table, what] = odata as unknown as [string, string, string];
    const name =
      what === 'DataProperties'
        ? 'odata-DataProperties.json'
        : `odata-TypedDataSet-page${url.searchParams.get('$skip') === '2' ? 2 : 1}.json`;
    return send(res, 200, fixtureText(name, { ...vars, table }));
  }

  const ogc = /^\/cbs\/wijken-en-buurten-(\d{4})\/ogc\/v1\/collections\/(\w+)\/items$/.exec(path);
  if (ogc) {
    const [, year, level] = ogc as unknown as [string, string, string];
    if (OGC_MISSING.has(Number(year))) {
      return send(res, 404, fixtureText('pdok-ogc-404.json', { ...vars, year }), 'application/problem+json');
    }
    const page = level === 'wijken' ? `-page${url.searchParams.has('cursor') ? 2 : 1}` : '';
    return send(res, 200, fixtureText(`pdok-ogc-${level}${page}.json`, { ...vars, year }), 'application/geo+json');
  }

  if (/^\/cbs\/wijkenbuurten\/\d{4}\/wfs\/v1_0$/.test(path)) {
    // A whole layer, cut into the page asked for.
    const level = (url.searchParams.get('typeNames') ?? '').replace('wijkenbuurten:', '');
    const layer = fixtureJson(`pdok-wfs-${level}.json`) as { features: unknown[] };
    const start = Number(url.searchParams.get('startIndex') ?? 0);
    const count = Number(url.searchParams.get('count') ?? 1000);
    return send(res, 200, JSON.stringify({ ...layer, features: layer.features.slice(start, start + count) }));
  }
  send(res, 404, 'not found', 'text/plain');
}

/** A port nothing listens on: opened, then closed. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let out = '';
let logged: string[] = [];
beforeEach(() => {
  seen = [];
  override = undefined;
  logged = [];
  out = mkdtempSync(join(tmpdir(), 'gk-fetch-cbs-'));
});
afterEach(() => {
  // A test that left a request hanging (the timeout test) must not keep the server busy.
  server.closeAllConnections();
  rmSync(out, { recursive: true, force: true });
});

const services = () => ({
  cbsBase: `${origin}/ODataApi/odata`,
  pdokBase: origin,
  pageSize: 2,
  retryDelayMs: 0,
  log: (line: string) => logged.push(line),
});
const readJson = (path: string) => JSON.parse(readFileSync(join(out, path), 'utf8')) as Record<string, unknown>;
const odataQuery = { $filter: FILTER_GM1979, $format: 'json' };
const ogcQuery = { f: 'json', limit: '2', gemeentecode: 'GM1979' };
const wfsQuery = (level: string, startIndex: number) => ({
  service: 'WFS',
  version: '2.0.0',
  request: 'GetFeature',
  typeNames: `wijkenbuurten:${level}`,
  outputFormat: 'json',
  srsName: 'EPSG:4326',
  count: '2',
  startIndex: String(startIndex),
  filter: FES_GM1979,
});

/** The message `promise` rejects with. */
async function messageOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected a rejection');
}

describe('downloadCbs', () => {
  it('downloads rows, data properties and boundaries, following every next page and the WFS for a 404', async () => {
    const files = await downloadCbs({ gemeente: 'GM1979', years: [2023, 2024], outDir: out, ...services() });

    // The latest year first: its boundary says where to look for former gemeenten in the earlier years.
    expect(files.map((f) => relative(out, f))).toEqual([
      '.sources/2024/85984NED_TypedDataSet.json',
      '.sources/2024/85984NED_DataProperties.json',
      '.sources/2024/gemeenten_2024.geojson',
      '.sources/2024/wijken_2024.geojson',
      '.sources/2024/buurten_2024.geojson',
      '.sources/2023/85618NED_TypedDataSet.json',
      '.sources/2023/85618NED_DataProperties.json',
      '.sources/2023/gemeenten_2023.geojson',
      '.sources/2023/wijken_2023.geojson',
      '.sources/2023/buurten_2023.geojson',
    ]);
    const box = { f: 'json', limit: '2', bbox: '6.8,53.25,7.05,53.4' };
    const { filter: _, ...wfsBox } = {
      ...wfsQuery('gemeenten', 0),
      bbox: '53.25,6.8,53.4,7.05,urn:ogc:def:crs:EPSG::4326',
    };
    expect(seen).toEqual([
      // The properties first: they name the key of the area codes that the row filter uses.
      { path: '/ODataApi/odata/85984NED/DataProperties', query: { $format: 'json' } },
      { path: '/ODataApi/odata/85984NED/TypedDataSet', query: odataQuery },
      // CBS's next link (capital OData, as CBS writes it) keeps the filter and adds $skip.
      { path: '/ODataApi/OData/85984NED/TypedDataSet', query: { ...odataQuery, $skip: '2' } },
      { path: '/cbs/wijken-en-buurten-2024/ogc/v1/collections/gemeenten/items', query: ogcQuery },
      { path: '/cbs/wijken-en-buurten-2024/ogc/v1/collections/wijken/items', query: ogcQuery },
      {
        path: '/cbs/wijken-en-buurten-2024/ogc/v1/collections/wijken/items',
        query: { ...ogcQuery, cursor: 'AgAAAHjC' },
      },
      { path: '/cbs/wijken-en-buurten-2024/ogc/v1/collections/buurten/items', query: ogcQuery },
      // The gemeenten around Eemsdelta's 2024 boundary, then those of 2023 (from the WFS, lat/lon order).
      { path: '/cbs/wijken-en-buurten-2024/ogc/v1/collections/gemeenten/items', query: box },
      { path: '/cbs/wijken-en-buurten-2023/ogc/v1/collections/gemeenten/items', query: box },
      { path: '/cbs/wijkenbuurten/2023/wfs/v1_0', query: wfsBox },
      { path: '/ODataApi/odata/85618NED/DataProperties', query: { $format: 'json' } },
      { path: '/ODataApi/odata/85618NED/TypedDataSet', query: odataQuery },
      { path: '/ODataApi/OData/85618NED/TypedDataSet', query: { ...odataQuery, $skip: '2' } },
      { path: '/cbs/wijken-en-buurten-2023/ogc/v1/collections/gemeenten/items', query: ogcQuery },
      { path: '/cbs/wijkenbuurten/2023/wfs/v1_0', query: wfsQuery('gemeenten', 0) },
      // A full page (2 of 2) may have more behind it; the empty next page says it has not.
      { path: '/cbs/wijkenbuurten/2023/wfs/v1_0', query: wfsQuery('wijken', 0) },
      { path: '/cbs/wijkenbuurten/2023/wfs/v1_0', query: wfsQuery('wijken', 2) },
      { path: '/cbs/wijkenbuurten/2023/wfs/v1_0', query: wfsQuery('buurten', 0) },
      { path: '/cbs/wijkenbuurten/2023/wfs/v1_0', query: wfsQuery('buurten', 2) },
    ]);

    // The two OData pages joined into one document the importer reads; the table id stays in odata.metadata.
    const page1 = fixtureJson('odata-TypedDataSet-page1.json', { table: '85984NED' });
    const page2 = fixtureJson('odata-TypedDataSet-page2.json', { table: '85984NED' });
    expect(readJson('.sources/2024/85984NED_TypedDataSet.json')).toEqual({
      'odata.metadata': 'https://opendata.cbs.nl/ODataApi/OData/85984NED/$metadata#Cbs.OData.WebAPI.TypedDataSet',
      value: [...(page1.value as unknown[]), ...(page2.value as unknown[])],
    });
    const rows = readJson('.sources/2023/85618NED_TypedDataSet.json').value as { WijkenEnBuurten: string }[];
    expect(rows.map((r) => r.WijkenEnBuurten.trim())).toEqual(['NL01', 'GM1979', 'WK197901', 'BU19790101']);
    expect(readJson('.sources/2024/85984NED_DataProperties.json')).toEqual(
      fixtureJson('odata-DataProperties.json', { table: '85984NED' }),
    );

    // OGC API pages joined, with the year for the importer (the file's features carry none).
    const wijken = readJson('.sources/2024/wijken_2024.geojson');
    expect(wijken.type).toBe('FeatureCollection');
    expect(wijken.metadata).toEqual({
      year: 2024,
      level: 'wijken',
      source: 'PDOK OGC API Features',
      requests: [
        `${origin}/cbs/wijken-en-buurten-2024/ogc/v1/collections/wijken/items?f=json&limit=2&gemeentecode=GM1979`,
      ],
    });
    const ogcPages = [1, 2].map((p) => fixtureJson(`pdok-ogc-wijken-page${p}.json`, { year: '2024' }));
    expect(wijken.features).toEqual(ogcPages.flatMap((p) => p.features as unknown[]));
    expect((wijken.features as { id: number }[]).map((f) => f.id)).toEqual([2001, 2002, 2003]);
    expect(Object.keys(wijken)).not.toContain('links');

    // WFS pages joined, lon/lat as PDOK sent them.
    const buurten = readJson('.sources/2023/buurten_2023.geojson');
    expect(buurten.metadata).toMatchObject({ year: 2023, level: 'buurten', source: 'PDOK WFS' });
    expect(buurten.features).toEqual(fixtureJson('pdok-wfs-buurten.json').features);
    expect(readJson('.sources/2023/gemeenten_2023.geojson').features).toHaveLength(1);

    expect(logged).toContain('2023 · the PDOK OGC API has no gemeenten for 2023 (404); using the WFS');
    expect(logged.some((l) => l.includes('warning'))).toBe(false);
    expect(readdirSync(join(out, '.sources/2024')).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('asks CBS for the Netherlands and for every code prefix of each gemeente', () => {
    expect(gemeenteFilter(['GM1979'])).toBe(FILTER_GM1979);
    expect(gemeenteFilter(['GM1979', 'GM0003'])).toBe(
      `${FILTER_GM1979} or startswith(WijkenEnBuurten,'GM0003') or startswith(WijkenEnBuurten,'WK0003') or ` +
        "startswith(WijkenEnBuurten,'BU0003')",
    );
  });

  it('warns when CBS has no row for the gemeente in a year (before a merger)', async () => {
    // The test server ignores the filter and answers Eemsdelta's rows.
    await downloadCbs({ gemeente: 'gm0003', years: [2024], outDir: out, ...services() });
    expect(seen[1]?.query.$filter).toContain("startswith(WijkenEnBuurten,'BU0003')");
    expect(logged.find((l) => l.includes('warning'))).toMatch(
      /^2024 · warning: 85984NED has no row for GM0003; the gemeente may not exist in 2024/,
    );
  });

  it('retries a 500 once and carries on when the second try answers', async () => {
    let failures = 0;
    override = (path, _url, res) => {
      if (!path.endsWith('/DataProperties') || failures > 0) return false;
      failures++;
      send(res, 503, '');
      return true;
    };
    const files = await downloadCbs({ gemeente: 'GM1979', years: [2024], outDir: out, ...services() });
    expect(files).toHaveLength(5);
    expect(seen.filter((s) => s.path.endsWith('/DataProperties'))).toHaveLength(2);
  });

  it('tries again once when the connection drops mid-request', async () => {
    let drops = 0;
    override = (path, _url, res) => {
      if (!path.endsWith('/TypedDataSet') || drops > 0) return false;
      drops++;
      res.socket?.destroy();
      return true;
    };
    const files = await downloadCbs({ gemeente: 'GM1979', years: [2024], outDir: out, ...services() });
    expect(files).toHaveLength(5);
    expect(seen.filter((s) => s.path.endsWith('/TypedDataSet'))).toHaveLength(3); // dropped, retried, page 2
  });

  it('names the URL and the status of an HTTP error that persists, after exactly two tries', async () => {
    override = (path, _url, res) => {
      if (!path.endsWith('/TypedDataSet')) return false;
      send(res, 500, fixtureText('odata-error-500.json', {}));
      return true;
    };
    const message = await messageOf(downloadCbs({ gemeente: 'GM1979', years: [2024], outDir: out, ...services() }));
    expect(message).toBe(
      `${origin}/ODataApi/odata/85984NED/TypedDataSet?$filter=${encodeURIComponent(FILTER_GM1979)}&$format=json ` +
        'answered HTTP 500 Internal Server Error, also when tried again: An error has occurred.',
    );
    expect(seen.filter((s) => s.path.endsWith('/TypedDataSet'))).toHaveLength(2);
    expect(existsSync(join(out, '.sources/2024/85984NED_TypedDataSet.json'))).toBe(false);
  });

  it('does not retry a 404 of the OData table', async () => {
    override = (path, _url, res) => {
      if (!path.endsWith('/DataProperties')) return false;
      send(res, 404, '{"odata.error":{"code":"","message":{"lang":"en-US","value":"Resource not found."}}}');
      return true;
    };
    const message = await messageOf(downloadCbs({ gemeente: 'GM1979', years: [2024], outDir: out, ...services() }));
    expect(message).toBe(
      `${origin}/ODataApi/odata/85984NED/DataProperties?$format=json answered HTTP 404 Not Found: Resource not found.`,
    );
    expect(seen.filter((s) => s.path.endsWith('/DataProperties'))).toHaveLength(1);
  });

  it('says the service cannot be reached when the connection is refused', async () => {
    const port = await closedPort();
    const message = await messageOf(
      downloadCbs({
        gemeente: 'GM1979',
        years: [2024],
        outDir: out,
        ...services(),
        cbsBase: `http://127.0.0.1:${port}/ODataApi/odata`,
      }),
    );
    expect(message).toBe(`Could not reach 127.0.0.1:${port} (connection refused): ${OFFLINE_HINT}`);
  });

  it('says the same, with the real host, when the host name cannot be looked up (no internet)', async () => {
    const offline: typeof fetch = async () => {
      const cause = Object.assign(new Error('getaddrinfo ENOTFOUND opendata.cbs.nl'), { code: 'ENOTFOUND' });
      throw new TypeError('fetch failed', { cause });
    };
    const message = await messageOf(downloadCbs({ gemeente: 'GM1979', years: [2024], outDir: out, fetch: offline }));
    expect(message).toBe(`Could not reach opendata.cbs.nl (host name not found): ${OFFLINE_HINT}`);
  });

  it('gives up on a service that does not answer within the timeout', async () => {
    override = (path) => path.endsWith('/collections/buurten/items'); // taken, never answered
    // The message names the timeout: it fired (without it the request would wait for ever).
    const message = await messageOf(
      // Long enough that the four answered requests before it never hit it on a busy machine.
      downloadCbs({ gemeente: 'GM1979', years: [2024], outDir: out, ...services(), timeoutMs: 1000 }),
    );
    expect(message).toBe(`Could not reach 127.0.0.1:${new URL(origin).port} (no answer within 1 s): ${OFFLINE_HINT}`);
    // What was complete is on disk; nothing half-written is.
    expect(readdirSync(join(out, '.sources/2024')).sort()).toEqual([
      '85984NED_DataProperties.json',
      '85984NED_TypedDataSet.json',
      'gemeenten_2024.geojson',
      'wijken_2024.geojson',
    ]);
  });

  it('refuses an unknown year before asking anything, and says which years are known', async () => {
    const message = await messageOf(
      downloadCbs({ gemeente: 'GM1979', years: [2012, 2024, 2030], outDir: out, ...services() }),
    );
    expect(message).toMatch(/^No CBS kerncijfers table is known for 2012, 2030; known years: 2013–2024 /);
    expect(seen).toEqual([]);
  });

  it('refuses a gemeente code that is not GM and four digits, before asking anything', async () => {
    for (const gemeente of ['Eemsdelta', 'GM197', '1979', 'WK197901']) {
      const message = await messageOf(downloadCbs({ gemeente, years: [2024], outDir: out, ...services() }));
      expect(message).toBe(
        `'${gemeente.toUpperCase()}' is not a CBS gemeente code: GM followed by four digits, e.g. GM1979 (Eemsdelta)`,
      );
    }
    expect(seen).toEqual([]);
  });
});

describe('the command line', () => {
  it('reads years as a list of years and ranges', () => {
    expect(parseYears('2015-2018')).toEqual([2015, 2016, 2017, 2018]);
    expect(parseYears('2024')).toEqual([2024]);
    expect(parseYears('2019,2015-2016,2019')).toEqual([2015, 2016, 2019]);
    expect(() => parseYears('2015..2018')).toThrow(/--years takes years such as 2024, 2015-2024/);
    expect(() => parseYears('2020-2018')).toThrow('--years: 2020-2018 runs backwards');
  });

  it('takes the base URLs from the environment unless a flag gives them', () => {
    const env = {
      GEBIEDSKOMPAS_CBS_BASE: 'http://127.0.0.1:1/cbs',
      GEBIEDSKOMPAS_PDOK_BASE: 'http://127.0.0.1:1/pdok',
    };
    const base = ['--gemeente', 'GM1979,gm0003', '--years=2023-2024', '--out', 'data/x'];
    expect(parseFetchArgs(base, env)).toEqual({
      gemeenten: ['GM1979', 'GM0003'],
      years: [2023, 2024],
      out: 'data/x',
      cbsBase: 'http://127.0.0.1:1/cbs',
      pdokBase: 'http://127.0.0.1:1/pdok',
      timeoutMs: 60_000,
      downloadOnly: false,
    });
    expect(parseFetchArgs([...base, '--cbs-base', 'http://127.0.0.1:2', '--timeout', '5'], env)).toMatchObject({
      cbsBase: 'http://127.0.0.1:2',
      pdokBase: 'http://127.0.0.1:1/pdok',
      timeoutMs: 5000,
    });
    expect(parseFetchArgs(['--help'], {})).toBe('help');
    expect(() => parseFetchArgs(['--gemeente', 'GM1979', '--years', '2024'], {})).toThrow(/^--out is missing/);
  });

  const fakeImport =
    (calls: ImportOptions[]) =>
    async (options: ImportOptions): Promise<ImportResult> => {
      calls.push(options);
      // Every file given must be readable while the import runs.
      for (const file of options.files) readFileSync(file);
      // Like the importer: the new package replaces the whole folder.
      rmSync(options.out, { recursive: true, force: true });
      mkdirSync(options.out, { recursive: true });
      writeFileSync(join(options.out, 'dataset.json'), '{}');
      const none: string[] = [];
      return {
        out: options.out,
        areas: 7,
        indicators: 3,
        observations: 21,
        periods: [2024],
        mergers: [],
        crosswalked: none,
        unmapped: none,
        warnings: ['a warning'],
        boundaries: { bytesBefore: 2, bytesAfter: 1, verticesBefore: 2, verticesAfter: 1 },
      };
    };

  it('downloads, builds the package with the importer and keeps the downloads in <out>/.sources', async () => {
    const calls: ImportOptions[] = [];
    const printed: string[] = [];
    const errors: string[] = [];
    const code = await runFetchCbs(['--gemeente', 'GM1979', '--years', '2024', '--out', out], {
      env: { GEBIEDSKOMPAS_CBS_BASE: `${origin}/ODataApi/odata`, GEBIEDSKOMPAS_PDOK_BASE: origin },
      importCbs: fakeImport(calls),
      print: (line) => printed.push(line),
      printError: (line) => errors.push(line),
    });
    expect({ code, errors }).toEqual({ code: 0, errors: [] });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ out, gemeenten: ['GM1979'] });
    expect(calls[0]!.files.map((f) => f.split(/[\\/]/).slice(-2).join('/'))).toEqual([
      '2024/85984NED_TypedDataSet.json',
      '2024/85984NED_DataProperties.json',
      '2024/gemeenten_2024.geojson',
      '2024/wijken_2024.geojson',
      '2024/buurten_2024.geojson',
    ]);
    expect(existsSync(join(out, 'dataset.json'))).toBe(true);
    expect(readdirSync(join(out, '.sources/2024'))).toHaveLength(5);
    expect(printed.slice(-2)).toEqual([
      'warning: a warning',
      `package ${out}: 7 areas, 3 indicators, 21 observations, periods 2024`,
    ]);
  });

  it('ends with exit code 1 and one message, without a stack, for what the user can fix', async () => {
    const port = await closedPort();
    const cases: [string[], RegExp][] = [
      [['--gemeente', 'Eemsdelta', '--years', '2024', '--out', out], /^'EEMSDELTA' is not a CBS gemeente code/],
      [['--gemeente', 'GM1979', '--years', '2030', '--out', out], /^No CBS kerncijfers table is known for 2030/],
      [['--gemeente', 'GM1979', '--years', '2024', '--out', out], /^Could not reach 127\.0\.0\.1:\d+ \(connection/],
      [['--gemeente', 'GM1979', '--out', out], /^--years is missing/],
    ];
    for (const [argv, expected] of cases) {
      const errors: string[] = [];
      const code = await runFetchCbs(argv, {
        env: { GEBIEDSKOMPAS_CBS_BASE: `http://127.0.0.1:${port}`, GEBIEDSKOMPAS_PDOK_BASE: origin },
        importCbs: fakeImport([]),
        print: () => {},
        printError: (line) => errors.push(line),
      });
      expect(code).toBe(1);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(expected);
      expect(errors[0]).not.toMatch(/\n\s+at /);
    }
  });

  it('lets an unexpected error (a bug) through with its stack', async () => {
    const code = runFetchCbs(['--gemeente', 'GM1979', '--years', '2024', '--out', out], {
      env: { GEBIEDSKOMPAS_CBS_BASE: `${origin}/ODataApi/odata`, GEBIEDSKOMPAS_PDOK_BASE: origin },
      importCbs: async () => {
        throw new TypeError('boom');
      },
      print: () => {},
      printError: () => {},
    });
    await expect(code).rejects.toThrow(TypeError);
    // The downloads are back in place even though the import failed.
    expect(readdirSync(join(out, '.sources/2024'))).toHaveLength(5);
  });

  it('prints the usage for --help', async () => {
    const printed: string[] = [];
    const code = await runFetchCbs(['--help'], {
      env: {},
      importCbs: fakeImport([]),
      print: (line) => printed.push(line),
      printError: () => {},
    });
    expect(code).toBe(0);
    expect(printed[0]).toMatch(
      /^usage: npm run fetch:cbs -- --gemeente GM1979 --years 2013-2024 --out data\/eemsdelta/,
    );
  });
});

/**
 * CBS and PDOK for a merger, answered from tests/fixtures/cbs-services/merger-world.json: the rows a filter asks
 * for (with the key names of each year's table), the boundaries of a gemeente code or of a box. The answers follow
 * the requests, so what the downloader asks for decides what the package holds.
 */
interface WorldArea {
  code: string;
  name: string;
  from?: number;
  until?: number;
  box: [number, number, number, number];
  inw?: number;
  step?: number;
}
interface WorldTable {
  geoKey: string;
  nl: string;
  keys: Record<'inw' | 'age' | 'bijstand', [string, string]>;
}
const world = JSON.parse(readFileSync(new URL('merger-world.json', FIXTURES), 'utf8')) as {
  areas: WorldArea[];
  tables: Record<string, WorldTable>;
};
const TABLE_YEAR = Object.fromEntries(Object.entries(KWB_TABLE_YEARS));

function worldTable(year: number): WorldTable {
  const [, table] = Object.entries(world.tables).find(([span]) => {
    const [from, to] = span.split('-').map(Number) as [number, number | undefined];
    return year >= from && year <= (to ?? from);
  })!;
  return table;
}
const inEra = (a: WorldArea, year: number) => year >= (a.from ?? 0) && year <= (a.until ?? 9999);
const levelOf = (code: string) => ({ GM: 'gemeenten', WK: 'wijken', BU: 'buurten' })[code.slice(0, 2)]!;
const overlaps = (a: readonly number[], b: readonly number[]) =>
  a[0]! < b[2]! && b[0]! < a[2]! && a[1]! < b[3]! && b[1]! < a[3]!;

/** The counts of an area in a year: its buurten's, added up. */
function worldCounts(code: string, year: number) {
  const buurten = world.areas.filter(
    (a) => a.code.startsWith('BU') && a.code.slice(2).startsWith(code.slice(2)) && inEra(a, year),
  );
  const sum = (f: (inw: number) => number) => buurten.reduce((s, b) => s + f(b.inw! + b.step! * (year - 2013)), 0);
  return {
    inw: sum((n) => n),
    age: sum((n) => Math.round(n * 0.15)),
    bijstand: sum((n) => Math.round((n * 0.02) / 10) * 10),
  };
}

function worldFeature(a: WorldArea, year: number) {
  const [w, s, e, n] = a.box;
  const gm = `GM${a.code.slice(2, 6)}`;
  const gemeente = world.areas.find((g) => g.code === gm && inEra(g, year));
  const properties: Record<string, string> = { gemeentecode: gm, gemeentenaam: gemeente?.name ?? gm };
  if (a.code.startsWith('WK')) Object.assign(properties, { wijkcode: a.code, wijknaam: a.name });
  if (a.code.startsWith('BU'))
    Object.assign(properties, { buurtcode: a.code, buurtnaam: a.name, wijkcode: `WK${a.code.slice(2, 8)}` });
  const ring = [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];
  return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [ring] } };
}

const mergerWorld: Override = (path, url, res) => {
  const odata = /^\/ODataApi\/odata\/(\w+)\/(TypedDataSet|DataProperties)$/i.exec(path);
  if (odata) {
    const year = TABLE_YEAR[odata[1]!]!;
    const table = worldTable(year);
    const keys = Object.values(table.keys);
    if (odata[2] === 'DataProperties') {
      const value = [
        { Key: table.geoKey, Type: 'GeoDetail', Title: 'Wijken en buurten' },
        { Key: 'Gemeentenaam_1', Type: 'Topic', Title: 'Gemeentenaam', Unit: 'naam' },
        ...keys.map(([Key, Unit]) => ({ Key, Type: 'Topic', Title: Key, Unit })),
      ];
      send(res, 200, JSON.stringify({ 'odata.metadata': `x/${odata[1]}/$metadata`, value }));
      return true;
    }
    const filter = url.searchParams.get('$filter') ?? '';
    const asked = [...filter.matchAll(/startswith\((\w+),'(\w+)'\)/g)];
    if (asked.some(([, key]) => key !== table.geoKey)) {
      send(res, 400, JSON.stringify({ 'odata.error': { message: { value: 'No property in the filter' } } }));
      return true;
    }
    const prefixes = asked.map(([, , prefix]) => prefix!);
    const pad = (code: string) => code.padEnd(10, ' ');
    const row = (code: string, name: string, counts: ReturnType<typeof worldCounts>) => ({
      [table.geoKey]: pad(code),
      Gemeentenaam_1: name,
      [table.keys.inw[0]]: counts.inw,
      [table.keys.age[0]]: table.keys.age[1] === '%' ? 15 : counts.age,
      [table.keys.bijstand[0]]: counts.bijstand,
    });
    const value = [
      row(table.nl, 'Nederland', { inw: 17_000_000, age: 2_600_000, bijstand: 400_000 }),
      ...world.areas
        .filter((a) => inEra(a, year) && prefixes.some((p) => a.code.startsWith(p)))
        .map((a) => row(a.code, a.code.startsWith('GM') ? a.name : '', worldCounts(a.code, year))),
    ];
    send(res, 200, JSON.stringify({ 'odata.metadata': `x/${odata[1]}/$metadata#TypedDataSet`, value }));
    return true;
  }
  const features = (year: number, level: string, gemeente: string | null, box: number[] | null) =>
    world.areas
      .filter((a) => inEra(a, year) && levelOf(a.code) === level)
      .filter((a) => (gemeente ? `GM${a.code.slice(2, 6)}` === gemeente : overlaps(a.box, box!)))
      .map((a) => worldFeature(a, year));
  const ogc = /^\/cbs\/wijken-en-buurten-(\d{4})\/ogc\/v1\/collections\/(\w+)\/items$/.exec(path);
  if (ogc) {
    // The OGC API has only the recent years; older ones come from the WFS.
    if (Number(ogc[1]) < 2023) send(res, 404, '{"title":"Not Found"}', 'application/problem+json');
    else {
      const box = url.searchParams.get('bbox')?.split(',').map(Number) ?? null;
      const list = features(Number(ogc[1]), ogc[2]!, url.searchParams.get('gemeentecode'), box);
      send(res, 200, JSON.stringify({ type: 'FeatureCollection', features: list, links: [] }));
    }
    return true;
  }
  const wfs = /^\/cbs\/wijkenbuurten\/(\d{4})\/wfs\/v1_0$/.exec(path);
  if (wfs) {
    const level = (url.searchParams.get('typeNames') ?? '').replace('wijkenbuurten:', '');
    const literal = /<fes:Literal>(\w+)<\/fes:Literal>/.exec(url.searchParams.get('filter') ?? '')?.[1] ?? null;
    // A URN box is latitude first: south, west, north, east.
    const lat = url.searchParams.get('bbox')?.split(',').slice(0, 4).map(Number);
    const box = lat ? [lat[1]!, lat[0]!, lat[3]!, lat[2]!] : null;
    const list = features(Number(wfs[1]), level, literal, box);
    send(res, 200, JSON.stringify({ type: 'FeatureCollection', numberMatched: list.length, features: list }));
    return true;
  }
  return false;
};

/** A package folder read back: its dataset.json, its areas, and a value by area, indicator and year. */
function readPackageFolder(dir: string) {
  const dataset = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')) as {
    periods: number[];
    title: { nl: string };
  };
  const areas = (
    JSON.parse(readFileSync(join(dir, 'areas.geojson'), 'utf8')) as {
      features: { properties: { code: string; level: string; first_period?: number; last_period?: number } }[];
    }
  ).features.map((f) => f.properties);
  const { header, rows } = parseCsv(readFileSync(join(dir, 'observations.csv'), 'utf8'), 'observations.csv');
  const at = (name: string) => header.indexOf(name);
  const values = new Map(
    rows.map((r) => [`${r[at('area_code')]} ${r[at('indicator_id')]} ${r[at('period')]}`, r[at('value')]!]),
  );
  const value = (area: string, indicator: string, period: number) => {
    const v = values.get(`${area} ${indicator} ${period}`);
    return v === undefined ? undefined : v === '' ? null : Number(v);
  };
  return { dataset, areas, value };
}

describe('fetch:cbs across a merger, with the real importer', () => {
  it('finds the former gemeenten itself and builds one package for 2013–2024', async () => {
    override = mergerWorld;
    const printed: string[] = [];
    const errors: string[] = [];
    const code = await runFetchCbs(['--gemeente', 'GM1999', '--years', '2013-2024', '--out', out], {
      env: { GEBIEDSKOMPAS_CBS_BASE: `${origin}/ODataApi/odata`, GEBIEDSKOMPAS_PDOK_BASE: origin },
      importCbs,
      print: (line) => printed.push(line),
      printError: (line) => errors.push(line),
      retryDelayMs: 0,
    });
    expect({ code, errors }).toEqual({ code: 0, errors: [] });

    // The output says which former gemeenten were taken, and why, for every year before the merger.
    const formerLines = printed.filter((l) => l.includes('former gemeenten of GM1999'));
    expect(formerLines.map((l) => l.slice(0, 4))).toEqual([
      '2013',
      '2014',
      '2015',
      '2016',
      '2017',
      '2018',
      '2019',
      '2020',
    ]);
    expect(formerLines[0]).toBe(
      '2013 · former gemeenten of GM1999 Nieuwstad: GM0901 Oostdorp, GM0902 Westdorp — they lie inside its 2024 ' +
        'boundary, so their figures, wijken and buurten are downloaded with it',
    );
    expect(printed).toContain('GM1999 before the merger: the sum of GM0901, GM0902 (2013–2020)');
    expect(printed.some((l) => l.includes('warning: 82339NED has no row'))).toBe(false);
    // The neighbour in the box and the gemeente far away are never downloaded.
    const filters = seen.filter((s) => s.path.endsWith('/TypedDataSet')).map((s) => s.query.$filter ?? '');
    expect(filters.some((f) => f.includes('0903') || f.includes('0904'))).toBe(false);
    // The 2013 table keeps its codes under RegioS, and the filter asks for them there.
    expect(filters[1]).toMatch(/^startswith\(RegioS,'NL'\)/);

    const pkg = readPackageFolder(out);
    expect(pkg.dataset.periods).toEqual([2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    // Before the merger Nieuwstad is the sum of Oostdorp and Westdorp: 5 000 + 10 a year and 4 000 + 20 a year.
    for (const year of [2013, 2016, 2019, 2020])
      expect(pkg.value('GM1999', 'a_inw', year), String(year)).toBe(9000 + 30 * (year - 2013));
    expect(pkg.value('GM1999', 'a_inw', 2021)).toBe(9540);
    expect(pkg.value('GM0901', 'a_inw', 2013)).toBe(5000);
    // The 2013 benefit key (PersonenMetEenWWBUitkeringTotaal_73) and the rate from the summed counts.
    expect(pkg.value('GM0901', 'a_soz_wb', 2013)).toBe(100);
    expect(pkg.value('GM1999', 'a_soz_wb', 2013)).toBe(180);
    expect(pkg.value('GM1999', 'soz_wb_per_1000', 2019)).toBeCloseTo((180 / 9180) * 1000, 9);
    // Up to 2016 the age band is a percentage under the key that holds a count later.
    expect(pkg.value('BU09010101', 'p_00_14', 2013)).toBe(15);
    expect(pkg.value('BU09010101', 'p_00_14', 2016)).toBe(15);
    expect(pkg.value('BU09010101', 'a_00_14', 2016)).toBeUndefined();
    expect(pkg.value('BU09010101', 'a_00_14', 2017)).toBe(Math.round(3040 * 0.15));
    expect(pkg.value('GM1999', 'a_00_14', 2019)).toBe(459 + 300 + 618);

    // Each year's own wijken: the former gemeenten's until 2020, Nieuwstad's since 2021.
    const wijken = pkg.areas.filter((a) => a.level === 'wijk').map((a) => [a.code, a.first_period, a.last_period]);
    expect(wijken).toEqual([
      ['WK090101', 2013, 2020],
      ['WK090102', 2013, 2020],
      ['WK090201', 2013, 2020],
      ['WK199901', 2021, 2024],
      ['WK199902', 2021, 2024],
    ]);
    expect(pkg.areas.some((a) => a.code === 'GM0903' || a.code === 'GM0904')).toBe(false);
    expect(pkg.dataset.title.nl).toBe('CBS kerncijfers — Nieuwstad, 2013–2024');
    // The downloads stay beside the package, one folder per year.
    expect(readdirSync(join(out, '.sources')).sort()).toEqual(Array.from({ length: 12 }, (_, i) => String(2013 + i)));
  });

  it('keeps the former gemeenten of a gemeente that kept its code, without adding them up into it', async () => {
    override = mergerWorld;
    const printed: string[] = [];
    const code = await runFetchCbs(['--gemeente', 'GM0905', '--years', '2018-2019', '--out', out], {
      env: { GEBIEDSKOMPAS_CBS_BASE: `${origin}/ODataApi/odata`, GEBIEDSKOMPAS_PDOK_BASE: origin },
      importCbs,
      print: (line) => printed.push(line),
      printError: (line) => printed.push(`error: ${line}`),
      retryDelayMs: 0,
    });
    expect(code).toBe(0);
    expect(printed.filter((l) => l.includes('former gemeenten'))).toEqual([
      '2018 · former gemeenten of GM0905 Grootstad: GM0906 Klein — they lie inside its 2019 boundary, so their ' +
        'figures, wijken and buurten are downloaded with it',
      'GM0905: the former gemeenten GM0906 are in the package with their own figures, wijken and buurten, but not ' +
        'added up into GM0905 (in no year without GM0905 do they make up its area)',
    ]);
    const pkg = readPackageFolder(out);
    // Grootstad's 2018 figure is its own, smaller territory's; Klein keeps its own row and wijk.
    expect([pkg.value('GM0905', 'a_inw', 2018), pkg.value('GM0905', 'a_inw', 2019)]).toEqual([20000, 21000]);
    expect(pkg.value('GM0906', 'a_inw', 2018)).toBe(1000);
    expect(pkg.areas.filter((a) => a.level === 'wijk').map((a) => a.code)).toEqual([
      'WK090501',
      'WK090502',
      'WK090601',
    ]);
  });
});
