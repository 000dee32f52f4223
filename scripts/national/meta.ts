/** The small files of the package: dataset.json, areas.csv, indicators.csv, aims.csv. */
import { basename } from 'node:path';
import {
  AIM_COLUMNS,
  type DatasetMeta,
  FORMAT_VERSION,
  INDICATOR_COLUMNS,
  type Level,
} from '../../src/data/package.ts';
import { AIMS } from '../demo/aims.ts';
import { type Cell, compareStrings, toCsv } from '../demo/csv.ts';
import { LAND } from '../demo/layout.ts';
import type { NatIndicator } from './indicator-model.ts';
import type { Names } from './names.ts';
import type { Scale } from './options.ts';
import type { Regions } from './regions.ts';

export interface AreaRow {
  code: string;
  name: string;
  level: Level;
  parent: string | null;
  gemeente: string | null;
}

/** Every area, NL00 included, sorted by code. */
export function areaRows(regions: Regions, names: Names): AreaRow[] {
  const rows: AreaRow[] = [{ code: LAND.code, name: LAND.name, level: 'land', parent: null, gemeente: null }];
  regions.gemeenten.forEach((g, gi) => {
    const gm = regions.gemeenteCode[gi]!;
    rows.push({ code: gm, name: names.gemeente[gi]!, level: 'gemeente', parent: LAND.code, gemeente: gm });
    for (const w of g.wijken) {
      const wk = regions.wijkCode[w]!;
      rows.push({ code: wk, name: names.wijk[w]!, level: 'wijk', parent: gm, gemeente: gm });
      for (const b of regions.wijken[w]!.buurten)
        rows.push({ code: regions.buurtCode[b]!, name: names.buurt[b]!, level: 'buurt', parent: wk, gemeente: gm });
    }
  });
  return rows.sort((a, b) => compareStrings(a.code, b.code));
}

export function areasCsv(rows: readonly AreaRow[]): string {
  return toCsv(
    ['code', 'name', 'level', 'parent', 'gemeente'],
    rows.map((r) => [r.code, r.name, r.level, r.parent, r.gemeente]),
  );
}

export function indicatorsCsv(indicators: readonly NatIndicator[]): string {
  return toCsv(
    INDICATOR_COLUMNS,
    indicators.map((i) => INDICATOR_COLUMNS.map((column): Cell => i[column] ?? null)),
  );
}

/** The demo's aims that hold for every area, and four about particular areas of this package. */
export function aimsCsv(indicators: readonly NatIndicator[], gemeente: AreaRow, wijk: AreaRow, other: AreaRow): string {
  const known = new Set(indicators.map((i) => i.id));
  const rows: Cell[][] = AIMS.filter((a) => a[1] === null && known.has(a[0]));
  rows.push(
    [
      'bijstand_per_1000',
      gemeente.code,
      2022,
      2027,
      null,
      'down',
      `In ${gemeente.name} daalt de bijstand`,
      `In ${gemeente.name}, social assistance falls`,
    ],
    [
      'onveilig_pct',
      wijk.code,
      2021,
      2027,
      14,
      'down',
      `In ${wijk.name} voelt in 2027 hooguit 14% zich weleens onveilig`,
      `In ${wijk.name}, at most 14% sometimes feel unsafe by 2027`,
    ],
    [
      'vrijwilligerswerk_pct',
      other.code,
      2022,
      2028,
      null,
      'up',
      `Meer inwoners van ${other.name} doen vrijwilligerswerk`,
      `More inhabitants of ${other.name} do voluntary work`,
    ],
    ['ww_per_1000', null, 2022, 2028, null, 'down', 'Minder WW-uitkeringen', 'Fewer unemployment benefits'],
  );
  return toCsv(AIM_COLUMNS, rows);
}

export type NationalMeta = DatasetMeta & {
  layout: 'partitioned';
  scale: Scale['name'];
  seed: number;
  counts: Record<'gemeenten' | 'wijken' | 'buurten' | 'indicators' | 'periods' | 'observations', number>;
  /** Per indicator, the periods it has data for (an obs/ip file exists for each). */
  indicator_periods: Record<string, number[]>;
};

/** The package's id: the name of its folder (as the dev server lists packages), or `national`. */
export function packageId(out: string): string {
  const name = basename(out);
  return /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(name) ? name : 'national';
}

export function datasetJson(
  id: string,
  scale: Scale,
  seed: number,
  gemeente: string,
  indicators: readonly NatIndicator[],
  counts: NationalMeta['counts'],
  published: boolean,
): string {
  const periods = [...scale.periods];
  const meta: NationalMeta = {
    id,
    format_version: FORMAT_VERSION,
    title: {
      nl: `Nederland (synthetisch) — alle gemeenten, wijken en buurten${scale.name === 'small' ? ' (klein)' : ''}`,
      en: `The Netherlands (synthetic) — every gemeente, wijk and buurt${scale.name === 'small' ? ' (small)' : ''}`,
    },
    description: {
      nl: 'Synthetische data op de schaal van Nederland: verzonnen gemeenten, wijken en buurten met door een model gemaakte cijfers. Ze zeggen niets over echte plaatsen.',
      en: 'Synthetic data at the scale of the Netherlands: invented gemeenten, wijken and buurten with figures made by a model. They say nothing about any real place.',
    },
    publisher: 'Gebiedskompas (synthetische data)',
    licence: 'CC0 1.0',
    attribution: 'Synthetische data, geen echte cijfers (CC0)',
    gemeente,
    default_area: gemeente,
    default_indicator: 'jeugdhulp_pct',
    periods,
    default_period: periods[periods.length - 1]!,
    layout: 'partitioned',
    scale: scale.name,
    seed,
    counts,
    indicator_periods: Object.fromEntries(indicators.map((i) => [i.id, [...i.years]])),
    ...(published && { published: 'build' as const }),
  };
  // Arrays of numbers on one line keep the file short.
  return `${JSON.stringify(meta, null, 2).replace(/\[\s+([\d,\s]+?)\s+\]/g, (_, list: string) => `[${list.replace(/\s+/g, ' ')}]`)}\n`;
}
