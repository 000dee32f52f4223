import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/app/i18n/index.tsx';
import { THEMES } from '../../src/data/package.ts';
import { validateDatasetMeta, validateIndicators } from '../../src/data/validate.ts';
import { readCsvObjects } from '../fixtures/readPackage.ts';
import { ARTIFACTS, kompasShows, mapIdle, useApp, WAIT, type Watched, watchedPage } from './harness.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** Sum of the sizes of every file below a folder. */
function folderBytes(path: string): number {
  return Number(execFileSync('du', ['-sb', path], { encoding: 'utf8' }).split('\t')[0]);
}

describe('a partitioned package at (small) national scale', () => {
  let watched: Watched;
  let pkgDir: string;
  const fetched = new Map<string, number>();
  /** Paths asked for, recorded the moment the request leaves (a response body can arrive well after the map drew). */
  const requested = new Set<string>();
  /** The same, in order and with repeats. */
  const requestLog: string[] = [];
  const wasRequested = (suffix: string) => () => [...requested].some((p) => p.endsWith(suffix));

  const app = useApp((dir) => {
    pkgDir = join(dir, 'small');
    execFileSync('npx', ['tsx', 'scripts/generate-national.ts', '--scale', 'small', '--out', pkgDir], {
      cwd: ROOT,
      stdio: 'ignore',
    });
  });

  it('opens with every gemeente on the map, fetching only what the first view draws', async () => {
    const meta = validateDatasetMeta(readFileSync(join(pkgDir, 'dataset.json'), 'utf8'));
    const areas = readCsvObjects(readFileSync(join(pkgDir, 'areas.csv'), 'utf8'));
    const wijk = areas.find((a) => a.level === 'wijk')!;
    watched = await watchedPage(app.browser, app.origin);
    const { page } = watched;
    page.on('request', (req) => {
      if (!req.url().includes('/data/')) return;
      requested.add(new URL(req.url()).pathname);
      requestLog.push(new URL(req.url()).pathname);
    });
    page.on('response', async (res) => {
      if (!res.url().includes('/data/')) return;
      try {
        fetched.set(new URL(res.url()).pathname, (await res.body()).length);
      } catch {
        // the page closed while a prefetch was under way
      }
    });
    await page.goto(`${app.url}?dataset=small&area=${wijk.code}`);
    await kompasShows(page, wijk.name!);
    await mapIdle(page);

    const gemeenten = await page.evaluate(() => {
      const map = window.__gebiedskompas!.map!;
      return new Set(map.queryRenderedFeatures({ layers: ['gemeente-fill'] }).map((f) => f.properties.code)).size;
    });
    expect(gemeenten).toBe(areas.filter((a) => a.level === 'gemeente').length);

    // The Kompas shows the values of the gemeente's partition file, in Dutch notation.
    const indicators = validateIndicators(readFileSync(join(pkgDir, 'indicators.csv'), 'utf8'));
    const inwoners = indicators.find((i) => i.id === 'inwoners')!;
    const gm = tableFromIPC(readFileSync(join(pkgDir, 'obs', 'area', `${wijk.code}.arrow`)));
    const row = gm
      .toArray()
      .find((r) => r.area_code === wijk.code && r.indicator_id === 'inwoners' && r.period === meta.default_period)!;
    const cell = await page.locator('tr[data-indicator="inwoners"] td[data-cell="area"]').textContent();
    expect(cell?.trim()).toBe(createI18n('nl').compactValue(row.value as number, inwoners));

    // The trend is drawn from the Kompas's rows: no area partition is loaded for the first view either.
    await page.locator('.trend .trend-chart svg').waitFor();
    const paths = [...requested].map((p) => p.replace('/data/small/', ''));
    expect(paths.filter((p) => p.startsWith('obs/area/'))).toEqual([]);
    // The Kompas's rows and ordinary variation, and the map's rows, come from the build's first view (first/), as the
    // page's DuckDB gives them.
    expect(paths).toEqual(
      expect.arrayContaining([
        'first/index.json',
        `first/area/${wijk.code}.json`,
        `first/area/${wijk.gemeente}.json`,
        'first/area/NL00.json',
        'first/map/areas.json',
        `first/map/${meta.default_indicator}/${meta.default_period}.json`,
      ]),
    );
    // The ordinary variation is the wijk's own share of its file (the partitioned dispersion request): no file of its own.
    expect(paths.filter((p) => p.startsWith('first/dispersion/'))).toEqual([]);
    // Wijken and buurten are hidden at the country's zoom, so their geometry is not fetched yet.
    expect(paths).not.toContain('geo/buurt.geojson');
    // The map's rows come from the map file too: no indicator-period partition is loaded for the first view.
    expect(paths.filter((p) => p.startsWith('obs/ip/'))).toEqual([]);
    const bytes = [...fetched.values()].reduce((a, b) => a + b, 0);
    expect(bytes).toBeLessThan(folderBytes(pkgDir) / 3);
    await page.screenshot({ path: join(ARTIFACTS, 'national-small.png') });
  });

  it('fetches the buurt geometry when one zooms in, and draws the buurten', async () => {
    const { page } = watched;
    const drawn = await page.evaluate(async () => {
      const map = window.__gebiedskompas!.map!;
      map.jumpTo({ zoom: map.getZoom() + 4.5 });
      for (let i = 0; i < 50; i++) {
        await new Promise<void>((resolve) => {
          map.once('idle', () => resolve());
          map.triggerRepaint();
        });
        const n = map.queryRenderedFeatures({ layers: ['buurt-fill'] }).length;
        if (n > 0) return n;
      }
      return 0;
    });
    expect(drawn).toBeGreaterThan(0);
    await expect.poll(wasRequested('/geo/buurt.geojson'), { timeout: WAIT }).toBe(true);
  });

  it('switching indicator and year recolours the map from their map files, and prefetches the next ones', async () => {
    const { page } = watched;
    const meta = validateDatasetMeta(readFileSync(join(pkgDir, 'dataset.json'), 'utf8'));
    const indicators = validateIndicators(readFileSync(join(pkgDir, 'indicators.csv'), 'utf8'));
    const other = meta.periods[0]!;
    await page.evaluate(() => performance.clearMarks());
    await page.locator('select[name="period"]').selectOption(String(other));
    await page.waitForFunction(() => performance.getEntriesByName('gk:map-painted').length > 0, null, {
      timeout: WAIT,
    });
    // The build wrote every indicator's map for every year: the switch reads that file, not a partition.
    expect(wasRequested(`/first/map/${meta.default_indicator}/${other}.json`)()).toBe(true);
    expect(wasRequested(`/obs/ip/${meta.default_indicator}/${other}.arrow`)()).toBe(false);
    // Once idle after the switch, the next year's file and the next indicator's (in the select) are fetched ahead.
    const select = THEMES.flatMap((theme) => indicators.filter((i) => i.theme === theme));
    const next = select[select.findIndex((i) => i.id === meta.default_indicator) + 1]!;
    await expect
      .poll(wasRequested(`/first/map/${meta.default_indicator}/${other + 1}.json`), { timeout: WAIT })
      .toBe(true);
    await expect.poll(wasRequested(`/first/map/${next.id}/${other}.json`), { timeout: WAIT }).toBe(true);
    const before = requestLog.length;
    await page.evaluate(() => performance.clearMarks());
    await page.locator('select[name="indicator"]').selectOption(next.id);
    await page.waitForFunction(() => performance.getEntriesByName('gk:map-painted').length > 0, null, {
      timeout: WAIT,
    });
    expect(await page.locator('.map-panel .legend').textContent()).toContain(`${next.label_nl}, ${other}`);
    // Prefetched: the switch itself asked for nothing (what follows it, the next guesses, comes after its paint).
    expect(requestLog.slice(before).filter((p) => p.endsWith(`/first/map/${next.id}/${other}.json`))).toEqual([]);
  });

  it('with DuckDB held back, an indicator and a year switch on the start screen colour the map from their files', async () => {
    const meta = validateDatasetMeta(readFileSync(join(pkgDir, 'dataset.json'), 'utf8'));
    const indicators = validateIndicators(readFileSync(join(pkgDir, 'indicators.csv'), 'utf8'));
    const areas = readCsvObjects(readFileSync(join(pkgDir, 'areas.csv'), 'utf8'));
    const gemeenten = areas.filter((a) => a.level === 'gemeente').length;
    const held = await watchedPage(app.browser, app.origin, { width: 1400, height: 900 });
    await held.page.route(/\.wasm$/, () => undefined); // never answered: DuckDB does not start
    const asked: string[] = [];
    held.page.on('request', (req) => {
      if (req.url().includes('/data/small/')) asked.push(new URL(req.url()).pathname.replace('/data/small/', ''));
    });
    /** The gemeenten's fill colours once the map is idle, and the legend's text. */
    const shown = async () => {
      await mapIdle(held.page, WAIT);
      // A gemeente can come in several pieces (tiles): one colour per code, in code order.
      const colours = await held.page.evaluate(() =>
        Object.entries(
          Object.fromEntries(
            window
              .__gebiedskompas!.map!.queryRenderedFeatures({ layers: ['gemeente-fill'] })
              .map((f) => [String(f.properties.code), (f.state.color as string | undefined) ?? null]),
          ),
        )
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([, colour]) => colour),
      );
      return { colours, legend: (await held.page.locator('.map-panel .legend').textContent()) ?? '' };
    };
    await held.page.goto(`${app.url}?dataset=small`);
    await held.page.locator('.loading-shell .map-panel .legend').waitFor({ timeout: WAIT });
    const opened = await shown();
    // Another indicator measured in the default year, then another year it is measured in (survey indicators skip
    // years: dataset.json lists each one's).
    const has = (
      JSON.parse(readFileSync(join(pkgDir, 'dataset.json'), 'utf8')) as { indicator_periods: Record<string, number[]> }
    ).indicator_periods;
    const other = indicators.find((i) => i.id !== meta.default_indicator && has[i.id]!.includes(meta.default_period))!;
    const year = has[other.id]!.find((p) => p !== meta.default_period)!;
    const choices = [
      { indicator: other.id, period: meta.default_period, select: 'indicator', value: other.id },
      { indicator: other.id, period: year, select: 'period', value: String(year) },
    ];
    let previous = opened;
    for (const choice of choices) {
      await held.page
        .locator(`.loading-shell ~ * select[name="${choice.select}"], select[name="${choice.select}"]`)
        .first()
        .selectOption(choice.value);
      const label = indicators.find((i) => i.id === choice.indicator)!.label_nl;
      await expect.poll(async () => (await shown()).legend, { timeout: WAIT }).toContain(`${label}, ${choice.period}`);
      const now = await shown();
      // Every gemeente drawn, coloured in several classes, differently from the map before.
      expect(now.colours).toHaveLength(gemeenten);
      expect(now.colours.every((c) => c?.startsWith('#'))).toBe(true);
      expect(new Set(now.colours).size).toBeGreaterThan(2);
      expect(now.colours).not.toEqual(previous.colours);
      expect(asked).toContain(`first/map/${choice.indicator}/${choice.period}.json`);
      previous = now;
      if (choice.select !== 'indicator') continue;
      // The user is switching while DuckDB starts: the next indicator in the select with a map of the year is
      // fetched ahead there too (what a user stepping on with the arrow keys asks next).
      const listed = THEMES.flatMap((theme) => indicators.filter((i) => i.theme === theme));
      const next = listed
        .slice(listed.findIndex((i) => i.id === other.id) + 1)
        .find((i) => has[i.id]!.includes(choice.period));
      if (next)
        await expect
          .poll(() => asked.includes(`first/map/${next.id}/${choice.period}.json`), { timeout: WAIT })
          .toBe(true);
    }
    // All from files: DuckDB never started, and no observation partition was fetched.
    expect(await held.page.evaluate(() => performance.getEntriesByName('gk:db-ready').length)).toBe(0);
    expect(await held.page.locator('main.dashboard').count()).toBe(0);
    expect(asked.filter((p) => p.startsWith('obs/'))).toEqual([]);
    await held.page.screenshot({ path: join(ARTIFACTS, 'national-switch-held.png') });
    expect(held.foreignRequests).toEqual([]);
    expect(held.consoleErrors).toEqual([]);
    await held.page.close();
  });

  it('explores the wijken of the gemeente of the selected area: the map draws, classifies and frames the same wijken as the ranking', async () => {
    const { page } = watched;
    const areas = readCsvObjects(readFileSync(join(pkgDir, 'areas.csv'), 'utf8'));
    const wijk = areas.find((a) => a.level === 'wijk')!;
    const own = areas.filter((a) => a.level === 'wijk' && a.gemeente === wijk.gemeente).map((a) => a.code!);
    const gemeenteWijken = new Set(areas.filter((a) => a.level === 'wijk').map((a) => a.gemeente)).size;
    expect(gemeenteWijken).toBeGreaterThan(1); // otherwise the scope would not be tested
    await page.goto(`${app.url}?dataset=small&area=${wijk.code}&view=verkennen&level=wijk`);
    await expect
      .poll(() => page.locator('.verkennen-panel.ranking svg [data-code]').count(), { timeout: WAIT })
      .toBeGreaterThan(0);
    await mapIdle(page);
    const ranked = await page.evaluate(
      () =>
        new Set(
          [...document.querySelectorAll('.verkennen-panel.ranking svg [data-code]')].map((e) =>
            e.getAttribute('data-code'),
          ),
        ).size,
    );
    expect(ranked).toBe(own.length);
    const drawn = await page.evaluate(() => {
      const map = window.__gebiedskompas!.map!;
      return [...new Set(map.queryRenderedFeatures({ layers: ['wijk-fill'] }).map((f) => String(f.properties.code)))];
    });
    expect(drawn.sort()).toEqual([...own].sort());
    // The scatter against a second indicator fetches that indicator's partition and plots the same wijken.
    await expect
      .poll(() => page.locator('.verkennen-panel.scatter svg [data-code]').count(), { timeout: WAIT })
      .toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'national-verkennen.png') });
  });

  it('adds own data to a partitioned package: its indicator colours the wijken of the gemeente in Verkennen', async () => {
    const { page } = watched;
    const areas = readCsvObjects(readFileSync(join(pkgDir, 'areas.csv'), 'utf8'));
    const wijk = areas.find((a) => a.level === 'wijk')!;
    const own = areas.filter((a) => a.level === 'wijk' && a.gemeente === wijk.gemeente);
    const csv = `wijkcode;jaar;Wmo-cliënten (eigen)\n${own.map((w, i) => `${w.code};2025;${20 + i}`).join('\n')}\n`;
    await page.goto(`${app.url}?dataset=small&area=${wijk.code}&view=data`);
    await page.locator('.owndata input[type="file"]').waitFor({ timeout: WAIT });
    await page.locator('.owndata input[type="file"]').setInputFiles({
      name: 'wmo-eigen.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await expect
      .poll(() => page.locator('.owndata-files').textContent(), { timeout: WAIT })
      .toContain('wmo_clienten_eigen');
    await page.goto(
      `${app.url}?dataset=small&area=${wijk.code}&view=verkennen&level=wijk&indicator=wmo_clienten_eigen&period=2025`,
    );
    await expect
      .poll(() => page.locator('.verkennen-panel.ranking svg [data-code]').first().getAttribute('data-code'), {
        timeout: WAIT,
      })
      .toBe(own.at(-1)!.code); // the highest value ranks first
    await mapIdle(page);
    expect(await page.locator('.map-panel .legend').textContent()).toContain('Wmo-cliënten (eigen), 2025');
    await page.screenshot({ path: join(ARTIFACTS, 'national-own-data.png') });
  });

  it('draws a buurt’s Kompas with its verdicts from first/ while DuckDB is held back, as DuckDB draws it', async () => {
    const areas = readCsvObjects(readFileSync(join(pkgDir, 'areas.csv'), 'utf8'));
    const buurt = areas.find((a) => a.level === 'buurt')!;
    const start = `${app.url}?dataset=small&area=${buurt.code}`;
    /** The Kompas table's text, row by row (the ranks left out: they follow from DuckDB). */
    const kompasText = (page: Watched['page']) =>
      page.locator('section.kompas .kompas-table tbody tr').evaluateAll((rows) =>
        rows.map((tr) => {
          const copy = tr.cloneNode(true) as HTMLElement;
          for (const rank of copy.querySelectorAll('.rank')) rank.remove();
          return copy.textContent?.trim() ?? '';
        }),
      );

    const meta = validateDatasetMeta(readFileSync(join(pkgDir, 'dataset.json'), 'utf8'));
    /** Each area drawn on the map, by layer, with its fill colour from the feature-state. */
    const mapColours = async (page: Watched['page']) => {
      await mapIdle(page, WAIT);
      return page.evaluate(() => {
        const map = window.__gebiedskompas!.map!;
        const colours: Record<string, string | null> = {};
        for (const layer of ['gemeente-fill', 'wijk-fill', 'buurt-fill'].filter((id) => map.getLayer(id)))
          for (const f of map.queryRenderedFeatures({ layers: [layer] }))
            colours[`${layer} ${f.properties.code}`] = (f.state.color as string | undefined) ?? null;
        return colours;
      });
    };
    const legendText = async (page: Watched['page']) => (await page.locator('.map-panel .legend').textContent()) ?? '';

    const held = await watchedPage(app.browser, app.origin, { width: 1400, height: 900 });
    let release: () => void = () => undefined;
    const wasm = new Promise<void>((resolve) => {
      release = resolve;
    });
    await held.page.route(/\.wasm$/, async (route) => {
      await wasm;
      await route.continue();
    });
    const asked: string[] = [];
    held.page.on('request', (req) => {
      if (req.url().includes('/data/small/')) asked.push(new URL(req.url()).pathname.replace('/data/small/', ''));
    });
    await held.page.goto(start);
    await held.page.waitForFunction(
      (name) =>
        document.getElementById('kompas-title')?.textContent?.endsWith(name) &&
        document.querySelectorAll('section.kompas .kompas-table .verdict-badge').length > 0,
      buurt.name!,
      { timeout: WAIT },
    );
    // Drawn without DuckDB (its wasm has not arrived), from the buurt's, its gemeente's and the country's files.
    expect(await held.page.evaluate(() => performance.getEntriesByName('gk:db-ready').length)).toBe(0);
    expect(asked.filter((p) => p.startsWith('first/')).sort()).toEqual(
      [
        'first/index.json',
        `first/area/${buurt.code}.json`,
        `first/area/${buurt.gemeente}.json`,
        'first/area/NL00.json',
        'first/map/areas.json',
        `first/map/${meta.default_indicator}/${meta.default_period}.json`,
      ].sort(),
    );
    // The map is drawn too, from the year's map file: every gemeente coloured, with its legend.
    const heldColours = await mapColours(held.page);
    const gemeenten = Object.entries(heldColours).filter(([key]) => key.startsWith('gemeente-fill '));
    expect(gemeenten.length).toBe(areas.filter((a) => a.level === 'gemeente').length);
    expect(gemeenten.every(([, colour]) => colour?.startsWith('#'))).toBe(true);
    expect(new Set(gemeenten.map(([, colour]) => colour)).size).toBeGreaterThan(2);
    expect(await held.page.locator('.map-panel .legend li .swatch').count()).toBeGreaterThan(3);
    const heldLegend = await legendText(held.page);
    expect(heldLegend).toContain(String(meta.default_period));
    expect(await held.page.evaluate(() => performance.getEntriesByName('gk:db-ready').length)).toBe(0);
    expect(asked.filter((p) => p.startsWith('obs/'))).toEqual([]);
    const fromFiles = await kompasText(held.page);
    const badges = await held.page.locator('section.kompas .kompas-table .verdict-badge').allTextContents();
    expect(fromFiles.length).toBeGreaterThan(20);
    await held.page.screenshot({ path: join(ARTIFACTS, 'national-firstview-held.png') });

    // The same Kompas from DuckDB alone (the first view's files refused).
    const duck = await watchedPage(app.browser, app.origin, { width: 1400, height: 900 });
    await duck.page.route(/\/first\//, (route) => route.abort());
    await duck.page.goto(start);
    await kompasShows(duck.page, buurt.name!);
    expect(await kompasText(duck.page)).toEqual(fromFiles);
    expect(await duck.page.locator('section.kompas .kompas-table .verdict-badge').allTextContents()).toEqual(badges);
    await duck.page.close();

    // DuckDB arrives: the dashboard takes over and its Kompas says the same.
    release();
    await held.page.locator('main.dashboard .map[data-ready="true"]').waitFor({ timeout: WAIT });
    await kompasShows(held.page, buurt.name!);
    expect(await kompasText(held.page)).toEqual(fromFiles);
    // Its map colours every area as the map file did, under the same legend.
    expect(await mapColours(held.page)).toEqual(heldColours);
    expect(await legendText(held.page)).toBe(heldLegend);
    expect(held.foreignRequests).toEqual([]);
    expect(held.consoleErrors).toEqual([]);
    await held.page.close();
  });

  it('made no request to another origin and logged no console error', () => {
    expect(watched.foreignRequests).toEqual([]);
    expect(watched.consoleErrors).toEqual([]);
  });
});
