/**
 * The benchmark's baseline: the Gebiedskompas as a straightforward implementation would build it, without React
 * or DuckDB. It holds the whole observations table in JS arrays and filters them with a full scan on every change;
 * the map is recoloured by rebuilding its GeoJSON sources. It sets the same performance marks as the app (see
 * scripts/bench.ts) and reads the same URL parameters: ?dataset=&area=&indicator=&period=.
 */
import './baseline.css';
import { type Area, loadPackage, type Package } from './data.ts';
import { type AreaValue, type BaselineMap, createMap } from './map.ts';
import { renderKompas, renderTrend } from './views.ts';

interface State {
  area: string;
  indicator: string;
  period: number;
}

const $ = <T extends Element>(selector: string) => {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`${selector} is missing from the page`);
  return el;
};

/** The values of one indicator and year for every area: a full scan over the observation arrays. */
function mapValues(pkg: Package, indicator: string, period: number): Map<string, AreaValue> {
  const { obs } = pkg;
  const out = new Map<string, AreaValue>();
  for (let i = 0; i < obs.length; i++) {
    if (obs.indicator[i] !== indicator || obs.period[i] !== period) continue;
    const v = obs.value[i]!;
    out.set(obs.area[i]!, { value: Number.isNaN(v) ? null : v, suppressed: obs.suppressed[i] === 1 });
  }
  return out;
}

function initialState(pkg: Package, params: URLSearchParams): State {
  const { meta } = pkg;
  const area = params.get('area');
  const indicator = params.get('indicator');
  const period = Number(params.get('period'));
  return {
    area: area && pkg.areas.some((a) => a.code === area) ? area : meta.defaultArea,
    indicator: indicator && pkg.indicators.some((i) => i.id === indicator) ? indicator : meta.defaultIndicator,
    period: meta.periods.includes(period) ? period : meta.defaultPeriod,
  };
}

function fillSelects(pkg: Package, state: State) {
  const indicatorSelect = $<HTMLSelectElement>('select[name=indicator]');
  indicatorSelect.replaceChildren(...pkg.indicators.map((i) => new Option(i.label, i.id)));
  indicatorSelect.value = state.indicator;
  const periodSelect = $<HTMLSelectElement>('select[name=period]');
  periodSelect.replaceChildren(...[...pkg.meta.periods].reverse().map((p) => new Option(String(p), String(p))));
  periodSelect.value = String(state.period);
  return { indicatorSelect, periodSelect };
}

async function main() {
  const params = new URLSearchParams(location.search);
  const pkg = await loadPackage(new URL('../../data/', location.href).href, params.get('dataset'), 'nl');
  performance.mark('gk:package-loaded');
  $('#status').textContent =
    `${pkg.meta.title}: ${pkg.obs.length.toLocaleString('nl-NL')} waarnemingen in het geheugen`;
  $('#attribution').textContent = `Bron: ${pkg.meta.attribution}`;
  const state = initialState(pkg, params);
  const areas = new Map(pkg.areas.map((a) => [a.code, a]));
  const gemeenteOf = (area: Area) => (area.gemeente ? (areas.get(area.gemeente) ?? null) : null);
  const indicatorOf = (id: string) => pkg.indicators.find((i) => i.id === id)!;
  const kompasHost = $<HTMLElement>('#kompas');
  const trendHost = $<HTMLElement>('#trend');

  const writeUrl = () => {
    const url = new URL(location.href);
    url.searchParams.set('dataset', pkg.meta.id);
    url.searchParams.set('area', state.area);
    url.searchParams.set('indicator', state.indicator);
    url.searchParams.set('period', String(state.period));
    history.replaceState(null, '', url);
  };
  const kompas = () => {
    const area = areas.get(state.area)!;
    $('#selected').textContent = `Gekozen: ${area.name} (${area.code})`;
    renderKompas(kompasHost, {
      obs: pkg.obs,
      indicators: pkg.indicators,
      area,
      gemeente: gemeenteOf(area),
      period: state.period,
      periods: pkg.meta.periods,
      active: state.indicator,
    });
  };
  const trend = () => {
    const area = areas.get(state.area)!;
    renderTrend(trendHost, {
      obs: pkg.obs,
      indicator: indicatorOf(state.indicator),
      area,
      gemeente: gemeenteOf(area),
      period: state.period,
      periods: pkg.meta.periods,
    });
  };
  let map: BaselineMap | null = null;
  let values = new Map<string, AreaValue>();
  const recolour = () => {
    values = mapValues(pkg, state.indicator, state.period);
    performance.mark('gk:map-data');
    map?.setValues(values);
  };

  const { indicatorSelect, periodSelect } = fillSelects(pkg, state);
  indicatorSelect.addEventListener('change', () => {
    state.indicator = indicatorSelect.value;
    writeUrl();
    recolour();
    trend();
    for (const row of kompasHost.querySelectorAll('tr[data-indicator]'))
      row.classList.toggle('active', row.getAttribute('data-indicator') === state.indicator);
  });
  periodSelect.addEventListener('change', () => {
    state.period = Number(periodSelect.value);
    writeUrl();
    recolour();
    trend();
    kompas();
  });
  const select = (code: string) => {
    if (code === state.area || !areas.has(code)) return;
    state.area = code;
    writeUrl();
    map?.setSelected(code);
    kompas();
    trend();
  };

  writeUrl();
  recolour();
  kompas();
  trend();
  map = await createMap($<HTMLElement>('.map'), pkg.geo, pkg.meta.attribution, select);
  map.setSelected(state.area);
  map.setValues(values);
}

main().catch((error: unknown) => {
  const status = document.getElementById('status');
  if (status) status.textContent = `Laden mislukt: ${error instanceof Error ? error.message : String(error)}`;
  console.error(error);
});
