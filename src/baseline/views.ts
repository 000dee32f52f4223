/** The baseline's Kompas table and trend chart, each filtered from the observation arrays with a full scan. */
import * as Plot from '@observablehq/plot';
import type { Area, Indicator, Observations } from './data.ts';

const THEMES = ['jeugd', 'zorg', 'werk', 'armoede', 'gezondheid', 'meedoen', 'bevolking'];
const THEME_NAMES: Record<string, string> = {
  jeugd: 'Jeugd',
  zorg: 'Zorg en ondersteuning',
  werk: 'Werk en inkomen',
  armoede: 'Armoede en schulden',
  gezondheid: 'Gezondheid',
  meedoen: 'Meedoen',
  bevolking: 'Bevolking',
};

interface Cell {
  value: number;
  suppressed: boolean;
}

const formats = new Map<number, Intl.NumberFormat>();
function format(value: number, decimals: number, sign = false): string {
  const key = decimals + (sign ? 100 : 0);
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat('nl-NL', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      signDisplay: sign ? 'exceptZero' : 'auto',
    });
    formats.set(key, f);
  }
  return f.format(value);
}

function cellText(cell: Cell | undefined, indicator: Indicator): string {
  if (!cell) return '–';
  if (cell.suppressed) return 'geheim';
  return `${format(cell.value, indicator.decimals)}${indicator.unit === 'percent' ? '%' : ''}`;
}

/** Every row of these areas, keyed `indicator|area|period`: one pass over the whole table. */
function rowsOf(obs: Observations, codes: ReadonlySet<string>, indicator?: string): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (let i = 0; i < obs.length; i++) {
    if (!codes.has(obs.area[i]!) || (indicator !== undefined && obs.indicator[i] !== indicator)) continue;
    out.set(`${obs.indicator[i]}|${obs.area[i]}|${obs.period[i]}`, {
      value: obs.value[i]!,
      suppressed: obs.suppressed[i] === 1,
    });
  }
  return out;
}

export interface KompasInput {
  obs: Observations;
  indicators: readonly Indicator[];
  area: Area;
  gemeente: Area | null;
  period: number;
  periods: readonly number[];
  active: string;
}

/** Renders the Kompas of one area into `host`: per indicator the value, the gemeente's, and the change. */
export function renderKompas(host: HTMLElement, input: KompasInput): void {
  const { obs, indicators, area, gemeente, period, periods, active } = input;
  const rows = rowsOf(obs, new Set([area.code, gemeente?.code ?? area.code]));
  const at = (ind: string, code: string | undefined, p: number) => rows.get(`${ind}|${code}|${p}`);
  const section = document.createElement('section');
  section.className = 'kompas';
  const title = document.createElement('h2');
  title.id = 'kompas-title';
  title.textContent = `Kompas van ${area.name}`;
  section.append(title);
  for (const theme of THEMES) {
    const body: string[] = [];
    for (const ind of indicators) {
      if (ind.theme !== theme) continue;
      const present = periods.filter((p) => p <= period && at(ind.id, area.code, p));
      const shown = present[present.length - 1];
      if (shown === undefined) continue;
      const current = at(ind.id, area.code, shown);
      const previous = present
        .slice(0, -1)
        .reverse()
        .map((p) => at(ind.id, area.code, p))
        .find((c) => c && !c.suppressed);
      const change =
        current && !current.suppressed && previous ? format(current.value - previous.value, ind.decimals, true) : '–';
      const note = shown === period ? '' : ` (${shown})`;
      body.push(
        `<tr data-indicator="${ind.id}"${ind.id === active ? ' class="active"' : ''}><th scope="row">${escapeHtml(ind.label)}</th>` +
          `<td class="num" data-cell="area">${cellText(current, ind)}${note}</td>` +
          `<td class="num" data-cell="gemeente">${cellText(at(ind.id, gemeente?.code, shown), ind)}</td>` +
          `<td class="num" data-cell="change">${change}</td></tr>`,
      );
    }
    if (body.length === 0) continue;
    const table = document.createElement('table');
    table.className = 'kompas-table';
    table.innerHTML =
      `<caption>${THEME_NAMES[theme] ?? theme}</caption><thead><tr><th scope="col">Indicator</th>` +
      `<th scope="col" class="num">${period}</th><th scope="col" class="num">Gemeente</th>` +
      `<th scope="col" class="num">Verschil</th></tr></thead><tbody>${body.join('')}</tbody>`;
    section.append(table);
  }
  host.replaceChildren(section);
  performance.mark('gk:kompas-drawn');
  // The baseline draws its whole Kompas at once: its theme tables are in with the first draw.
  performance.mark('gk:kompas-complete');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

export interface TrendInput {
  obs: Observations;
  indicator: Indicator;
  area: Area;
  gemeente: Area | null;
  period: number;
  periods: readonly number[];
}

/** Renders the chosen indicator's trend for the area and its gemeente into `host` (Observable Plot). */
export function renderTrend(host: HTMLElement, input: TrendInput): void {
  const { obs, indicator, area, gemeente, period, periods } = input;
  const codes = new Set([area.code, gemeente?.code ?? area.code]);
  const rows = rowsOf(obs, codes, indicator.id);
  const names = new Map([...codes].map((c) => [c, c === area.code ? area.name : (gemeente?.name ?? c)]));
  const points = [...codes].flatMap((code) =>
    periods.flatMap((p) => {
      const cell = rows.get(`${indicator.id}|${code}|${p}`);
      return cell ? [{ series: names.get(code)!, period: p, value: cell.suppressed ? Number.NaN : cell.value }] : [];
    }),
  );
  const heading = document.createElement('h2');
  heading.id = 'trend-title';
  heading.textContent = `${indicator.label}: ${area.name}${gemeente && gemeente.code !== area.code ? ` en ${gemeente.name}` : ''}`;
  const chart = Plot.plot({
    width: 560,
    height: 260,
    marginLeft: 50,
    x: { label: null, tickFormat: 'd', domain: [periods[0] ?? period, periods[periods.length - 1] ?? period] },
    y: { grid: true, label: indicator.unit },
    color: { legend: true, domain: [...names.values()], range: ['#1f5fa8', '#6f6f6f'] },
    marks: [
      Plot.ruleX([period], { stroke: '#ccc' }),
      Plot.lineY(points, { x: 'period', y: 'value', stroke: 'series', strokeWidth: 2 }),
      Plot.dot(points, { x: 'period', y: 'value', fill: 'series', r: 2.5 }),
    ],
  });
  host.replaceChildren(heading, chart);
  performance.mark('gk:trend-drawn');
}
