/** observations.csv: buurt values from the model, wijk and gemeente as sums (or weighted means), and NL00. */
import { OBSERVATION_COLUMNS, unitMultiplier } from '../../src/data/package.ts';
import { type Cell, compareStrings, round, toCsv } from './csv.ts';
import { countsFrom, type Demography } from './demography.ts';
import { INDICATORS, type IndicatorDef, PERIODS, yearsOf } from './indicators.ts';
import { GEMEENTE, LAND, type Layout } from './layout.ts';
import { type Obs, type ObsTable, rateObs, setObs } from './model.ts';
import { NL_COHESION, NL_GP_DISTANCE, NL_INCOME, NL_POP } from './national.ts';

function nlDemography(yi: number): Demography {
  return countsFrom(NL_POP[yi]!, {
    youth: 0.203 - 0.0013 * yi,
    old: 0.182 + 0.0024 * yi,
    f75: 0.42 + 0.003 * yi,
    hhSize: 2.17 - 0.006 * yi,
    singles: 0.37 + 0.0025 * yi,
  });
}

/** National reference values: large populations, the national trend of each indicator, no noise. */
function nationalObs(table: ObsTable, ind: IndicatorDef, year: number): Obs | null {
  if (ind.noNL) return null;
  const yi = year - PERIODS[0];
  const demo = nlDemography(yi);
  const model = ind.model;
  const numeratorOf = (id: string) => table.get(id)?.get(year)?.get(LAND.code)?.numerator ?? 0;
  switch (model.kind) {
    case 'rate': {
      const base = model.base;
      const adults = demo.pop - demo.youth;
      const den =
        typeof base === 'object'
          ? Math.round(numeratorOf(base.numeratorOf) * (base.share ?? 1))
          : base === 'ggd'
            ? Math.round(adults * 0.033)
            : base === 'vm'
              ? Math.round(adults * 0.014)
              : demo[base];
      const multiplier = unitMultiplier(ind.unit)!;
      return rateObs(Math.round((den * model.nl[yi]!) / multiplier), den, multiplier);
    }
    case 'share':
      return rateObs(demo[model.num], demo[model.den], unitMultiplier(ind.unit)!);
    case 'count':
      return {
        value: typeof model.of === 'string' ? demo[model.of] : numeratorOf(model.of.numeratorOf),
        numerator: null,
        denominator: null,
      };
    case 'mean': {
      const series = { gem_inkomen: NL_INCOME, sociale_cohesie: NL_COHESION, afstand_huisarts: NL_GP_DISTANCE }[ind.id];
      if (!series) throw new Error(`no national series for ${ind.id}`);
      return { value: series[yi]!, numerator: null, denominator: null };
    }
  }
}

/** An aggregate of buurten: ratio of sums for rates, sums for counts, population-weighted means. */
function aggregate(ind: IndicatorDef, parts: { obs: Obs; pop: number }[]): Obs {
  const sum = (f: (o: Obs) => number | null) => parts.reduce((s, p) => s + (f(p.obs) ?? 0), 0);
  switch (ind.model.kind) {
    case 'rate':
    case 'share':
      return rateObs(
        sum((o) => o.numerator),
        sum((o) => o.denominator),
        unitMultiplier(ind.unit)!,
      );
    case 'count':
      return { value: sum((o) => o.value), numerator: null, denominator: null };
    case 'mean': {
      const weight = parts.reduce((s, p) => s + p.pop, 0);
      const total = parts.reduce((s, p) => s + (p.obs.value ?? 0) * p.pop, 0);
      return { value: round(total / weight, ind.model.digits), numerator: null, denominator: null };
    }
  }
}

/** Adds the wijk, gemeente and NL00 rows to the buurt table. */
export function completeTable(layout: Layout, table: ObsTable, demography: Demography[][]) {
  for (const ind of INDICATORS) {
    for (const year of yearsOf(ind)) {
      const yi = year - PERIODS[0];
      const byArea = table.get(ind.id)!.get(year)!;
      const part = (b: number) => ({ obs: byArea.get(layout.buurten[b]!.code)!, pop: demography[b]![yi]!.pop });
      const all = layout.buurten.map((_, b) => part(b));
      for (const wijk of layout.wijken) {
        const members = layout.buurten.flatMap((buurt, b) => (buurt.wijk === wijk.code ? [part(b)] : []));
        setObs(table, ind.id, year, wijk.code, aggregate(ind, members));
      }
      setObs(table, ind.id, year, GEMEENTE.code, aggregate(ind, all));
      const nl = nationalObs(table, ind, year);
      if (nl) setObs(table, ind.id, year, LAND.code, nl);
    }
  }
}

/** The CSV, sorted by (indicator_id, period, area_code) in plain string/number order. */
export function observationsCsv(table: ObsTable): string {
  const rows: [string, string, number, Obs][] = [];
  for (const [id, byYear] of table)
    for (const [year, byArea] of byYear) for (const [code, obs] of byArea) rows.push([code, id, year, obs]);
  rows.sort((a, b) => compareStrings(a[1], b[1]) || a[2] - b[2] || compareStrings(a[0], b[0]));
  const cells: Cell[][] = rows.map(([code, id, year, o]) => [code, id, year, o.value, o.numerator, o.denominator]);
  return toCsv(OBSERVATION_COLUMNS, cells);
}
