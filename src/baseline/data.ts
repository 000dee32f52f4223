/**
 * The baseline's data: the WHOLE observations table of a package in JS column arrays, as a straightforward
 * implementation would hold it. A plain package's observations.csv is parsed with d3; a partitioned package's every
 * obs/ip/<indicator>/<period>.arrow is fetched and decoded with apache-arrow. Nothing is capped.
 */
import { tableFromIPC, type Vector } from 'apache-arrow';
import { csvParseRows } from 'd3';
import type { Feature, FeatureCollection } from 'geojson';
import { OBSERVATION_COLUMNS } from '../data/package.ts';

export const MAP_LEVELS = ['gemeente', 'wijk', 'buurt'] as const;
export type MapLevel = (typeof MAP_LEVELS)[number];

export interface Indicator {
  id: string;
  label: string;
  theme: string;
  unit: string;
  decimals: number;
  minCount: number;
}

export interface Area {
  code: string;
  name: string;
  level: string;
  parent: string | null;
  gemeente: string | null;
}

export interface Meta {
  id: string;
  title: string;
  attribution: string;
  periods: number[];
  defaultArea: string;
  defaultIndicator: string;
  defaultPeriod: number;
}

/** One entry per observation row; a value of NaN is no value (missing, or suppressed when `suppressed` is 1). */
export interface Observations {
  length: number;
  area: string[];
  indicator: string[];
  period: Int16Array;
  value: Float64Array;
  suppressed: Uint8Array;
}

export interface Package {
  meta: Meta;
  areas: Area[];
  indicators: Indicator[];
  geo: Record<MapLevel, FeatureCollection>;
  obs: Observations;
}

const MULTIPLIER: Record<string, number> = { percent: 100, per_1000: 1000, per_10000: 10000 };

/** Appends rows, growing the typed arrays by doubling; fills a rate's missing value and suppresses small counts. */
class ObservationBuilder implements Observations {
  length = 0;
  area: string[] = [];
  indicator: string[] = [];
  period = new Int16Array(1024);
  value = new Float64Array(1024);
  suppressed = new Uint8Array(1024);
  readonly #indicators: Map<string, Indicator>;

  constructor(indicators: readonly Indicator[]) {
    this.#indicators = new Map(indicators.map((i) => [i.id, i]));
  }

  push(area: string, indicator: string, period: number, value: number, numerator: number, denominator: number) {
    const i = this.length++;
    if (i === this.period.length) this.#grow();
    const ind = this.#indicators.get(indicator);
    let v = value;
    if (Number.isNaN(v) && denominator > 0) v = (numerator / denominator) * (MULTIPLIER[ind?.unit ?? ''] ?? 1);
    const min = ind?.minCount ?? 0;
    const small =
      min > 0 &&
      (!Number.isNaN(denominator) ? denominator < min : ind?.unit === 'count' && !Number.isNaN(v) && v < min);
    const hidden = Number.isNaN(v) || small;
    this.area.push(area);
    this.indicator.push(indicator);
    this.period[i] = period;
    this.value[i] = hidden ? Number.NaN : v;
    this.suppressed[i] = hidden ? 1 : 0;
  }

  #grow() {
    const n = this.period.length * 2;
    const period = new Int16Array(n);
    period.set(this.period);
    const value = new Float64Array(n);
    value.set(this.value);
    const suppressed = new Uint8Array(n);
    suppressed.set(this.suppressed);
    Object.assign(this, { period, value, suppressed });
  }
}

/**
 * CSV rows as objects by header. Not d3's csvParse: it compiles a row converter with `new Function`, which the
 * production server's Content-Security-Policy (no 'unsafe-eval') refuses.
 */
function csvParse(text: string): Record<string, string | undefined>[] {
  let header: string[] = [];
  // Converted row by row, as csvParse does, so the rows are never held twice.
  return csvParseRows(text, (row, i) => {
    if (i === 0) {
      header = row;
      return null;
    }
    const object: Record<string, string | undefined> = {};
    for (let c = 0; c < header.length; c++) object[header[c]!] = row[c];
    return object;
  });
}

const num = (text: string | undefined) => (text === undefined || text === '' ? Number.NaN : Number(text));

function parseIndicators(text: string, lang: 'nl' | 'en'): Indicator[] {
  return csvParse(text).map((r) => ({
    id: r.id ?? '',
    label: (lang === 'en' ? r.label_en : r.label_nl) || r.label_nl || r.id || '',
    theme: r.theme ?? '',
    unit: r.unit ?? '',
    decimals: Number(r.decimals ?? 1),
    minCount: Number(r.min_count || 0),
  }));
}

function parseMeta(json: Record<string, unknown>, lang: 'nl' | 'en'): Meta {
  const title = json.title as { nl?: string; en?: string } | undefined;
  const periods = (json.periods as number[]) ?? [];
  return {
    id: String(json.id),
    title: String((lang === 'en' ? title?.en : title?.nl) ?? title?.nl ?? json.id),
    attribution: String(json.attribution ?? ''),
    periods,
    defaultArea: String(json.default_area ?? ''),
    defaultIndicator: String(json.default_indicator ?? ''),
    defaultPeriod: Number(json.default_period ?? periods[periods.length - 1]),
  };
}

async function get(url: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res;
}

/** The gemeente of every area, found by walking up the parents. */
function withGemeente(areas: Omit<Area, 'gemeente'>[]): Area[] {
  const byCode = new Map(areas.map((a) => [a.code, a]));
  return areas.map((a) => {
    let at: Omit<Area, 'gemeente'> | undefined = a;
    for (let hops = 0; at && at.level !== 'gemeente' && hops < 8; hops++)
      at = at.parent ? byCode.get(at.parent) : undefined;
    return { ...a, gemeente: at?.level === 'gemeente' ? at.code : null };
  });
}

const byLevel = (features: Feature[], level: MapLevel): FeatureCollection => ({
  type: 'FeatureCollection',
  features: features.filter((f) => f.properties?.level === level),
});

async function loadPlain(root: string, meta: Meta, lang: 'nl' | 'en'): Promise<Package> {
  const [geo, indicatorsCsv, obsCsv] = await Promise.all([
    get(`${root}areas.geojson`).then((r) => r.json() as Promise<FeatureCollection>),
    get(`${root}indicators.csv`).then((r) => r.text()),
    get(`${root}observations.csv`).then((r) => r.text()),
  ]);
  performance.mark('gk:files-fetched');
  const indicators = parseIndicators(indicatorsCsv, lang);
  const obs = new ObservationBuilder(indicators);
  for (const r of csvParse(obsCsv))
    obs.push(
      r.area_code ?? '',
      r.indicator_id ?? '',
      Number(r.period),
      num(r.value),
      num(r.numerator),
      num(r.denominator),
    );
  const areas = withGemeente(
    geo.features.map((f) => ({
      code: String(f.properties?.code),
      name: String(f.properties?.name),
      level: String(f.properties?.level),
      parent: f.properties?.parent ? String(f.properties.parent) : null,
    })),
  );
  const drawn = geo.features.filter((f) => f.geometry);
  return {
    meta,
    areas,
    indicators,
    obs,
    geo: { gemeente: byLevel(drawn, 'gemeente'), wijk: byLevel(drawn, 'wijk'), buurt: byLevel(drawn, 'buurt') },
  };
}

/** Every row of one Arrow IPC stream; each batch's dictionary is decoded once, so the strings are shared. */
function appendArrow(obs: ObservationBuilder, bytes: Uint8Array) {
  const table = tableFromIPC(bytes);
  const column = (name: string) => {
    const v = table.getChild(name);
    if (!v) throw new Error(`Arrow file without column ${name}`);
    return v as Vector;
  };
  const [area, indicator, period, value, numerator, denominator] = OBSERVATION_COLUMNS.map(column) as [
    Vector,
    Vector,
    Vector,
    Vector,
    Vector,
    Vector,
  ];
  for (let b = 0; b < area.data.length; b++) {
    const [a, k, p, v, n, d] = [area, indicator, period, value, numerator, denominator].map((c) => c.data[b]!);
    const areaDict = [...(a!.dictionary ?? [])] as string[];
    const indicatorDict = [...(k!.dictionary ?? [])] as string[];
    const float = (data: typeof v, i: number) => (data!.getValid(i) ? (data!.values[i] as number) : Number.NaN);
    for (let i = 0; i < a!.length; i++)
      obs.push(
        areaDict[a!.values[i] as number]!,
        indicatorDict[k!.values[i] as number]!,
        p!.values[i] as number,
        float(v, i),
        float(n, i),
        float(d, i),
      );
  }
}

async function loadPartitioned(
  root: string,
  meta: Meta,
  json: Record<string, unknown>,
  lang: 'nl' | 'en',
): Promise<Package> {
  const [areasCsv, indicatorsCsv, gemeente, wijk, buurt] = await Promise.all([
    get(`${root}areas.csv`).then((r) => r.text()),
    get(`${root}indicators.csv`).then((r) => r.text()),
    ...MAP_LEVELS.map((l) => get(`${root}geo/${l}.geojson`).then((r) => r.json() as Promise<FeatureCollection>)),
  ]);
  const indicators = parseIndicators(indicatorsCsv!, lang);
  const perIndicator = (json.indicator_periods ?? {}) as Record<string, number[]>;
  const paths = indicators.flatMap((i) =>
    (perIndicator[i.id] ?? meta.periods).map((p) => `obs/ip/${encodeURIComponent(i.id)}/${p}.arrow`),
  );
  const obs = new ObservationBuilder(indicators);
  // A few fetches in flight; each file is decoded as it arrives, so at most a few files' bytes are held at once.
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      const bytes = new Uint8Array(await (await get(`${root}${path}`)).arrayBuffer());
      appendArrow(obs, bytes);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  performance.mark('gk:files-fetched');
  const areas = csvParse(areasCsv!).map((r) => ({
    code: r.code ?? '',
    name: r.name ?? '',
    level: r.level ?? '',
    parent: r.parent || null,
    gemeente: r.gemeente || null,
  }));
  return { meta, areas, indicators, obs, geo: { gemeente: gemeente!, wijk: wijk!, buurt: buurt! } };
}

/** Loads package `id` (or the first one listed) from `base` (the folder that holds index.json). */
export async function loadPackage(base: string, id: string | null, lang: 'nl' | 'en'): Promise<Package> {
  const list = (await (await get(`${base}index.json`)).json()) as { id: string }[];
  const chosen = id && list.some((d) => d.id === id) ? id : (list[0]?.id ?? 'demo');
  const root = `${base}${encodeURIComponent(chosen)}/`;
  const json = (await (await get(`${root}dataset.json`)).json()) as Record<string, unknown>;
  // The folder's name is the dataset's id in URLs (as in the app), whatever dataset.json says.
  const meta = { ...parseMeta(json, lang), id: chosen };
  return json.layout === 'partitioned' ? loadPartitioned(root, meta, json, lang) : loadPlain(root, meta, lang);
}
