/**
 * What a user does once the first view is there, measured in the page's clock: indicator and year switches
 * (select + change event → gk:map-data = data ready; → gk:map-painted and gk:trend-drawn = whole switch), a click
 * on another area of the map (→ gk:kompas-drawn), and panning at buurt zoom (frame times).
 */
import type { Page } from 'playwright-core';
import type { BenchOptions } from './options.ts';
import { last, MarkTracker, mapSettled, reason, waitForMarks, withTimeout } from './page.ts';
import type { Results, Target } from './stats.ts';

const SWITCH_MARKS = ['gk:map-data', 'gk:map-painted', 'gk:trend-drawn'] as const;
/** From taking a select in hand to the first choice: a quick person's reaction (Card, Moran & Newell: ~0,3 s). */
const FIRST_CHOICE_MS = 300;
const CLICK_MARKS = ['gk:kompas-drawn', 'gk:kompas-complete'] as const;

/**
 * Sets a select's value and fires `change` (what React listens to); returns performance.now() right before, and
 * whether the map's rows were in hand in the change's own handler (gk:map-data before the event returned: fetched and
 * decoded ahead).
 */
function fireChange(page: Page, name: string, value: string): Promise<{ t0: number; inHand: boolean }> {
  return page.evaluate(
    ({ name, value }) => {
      performance.clearMarks();
      const select = document.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
      if (!select) throw new Error(`no select[name=${name}]`);
      const t0 = performance.now();
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return { t0, inHand: performance.getEntriesByName('gk:map-data').length > 0 };
    },
    { name, value },
  );
}

const selected = (page: Page, name: string) =>
  page.evaluate((n) => document.querySelector<HTMLSelectElement>(`select[name="${n}"]`)?.value ?? '', name);

/** `count` switches of select `name`, stepping through `values` in the select's order and back, as arrow keys do. */
export async function measureSwitches(
  page: Page,
  kind: 'indicator' | 'year',
  values: readonly string[],
  opts: BenchOptions,
  results: Results,
  target: Target,
): Promise<void> {
  const name = kind === 'indicator' ? 'indicator' : 'period';
  const dataReady = results.series(`${kind}_switch_data_ready_ms`, target);
  const whole = results.series(`${kind}_switch_whole_ms`, target);
  let inHand = 0;
  const tracker = new MarkTracker();
  // In the order the select lists them (the indicators by theme): the order a user stepping with the arrow keys
  // meets them, not the package's.
  const listed = await page.evaluate(
    (n) => [...(document.querySelector<HTMLSelectElement>(`select[name="${n}"]`)?.options ?? [])].map((o) => o.value),
    name,
  );
  const shown = listed.filter((v) => values.includes(v));
  if (shown.length === values.length) values = shown;
  let current = await selected(page, name);
  let at = Math.max(0, values.indexOf(current));
  // A user switching has the select in hand first (a tab to it, or a press that opens it), and a person takes a few
  // hundred ms from there to the first choice: both pages may react to that, as they would for a user.
  await page.focus(`select[name="${name}"]`);
  await page.waitForTimeout(FIRST_CHOICE_MS);
  // Arrow keys stop at the ends of a select: the walk turns back there, it does not wrap to the other end.
  let step = 1;
  for (let k = 0; k < opts.switches; k++) {
    if (values.length < 2) break; // only one value: nothing to switch to
    if (at + step < 0 || at + step >= values.length) step = -step;
    at += step;
    const value = values[at]!;
    try {
      const required = tracker.required(SWITCH_MARKS);
      const fired = await withTimeout(fireChange(page, name, value), opts.switchTimeoutMs, `${kind} switch`);
      const { t0 } = fired;
      if (fired.inHand) inHand++;
      const { marks, missing } = await waitForMarks(page, required, opts.switchTimeoutMs, opts.settleMs);
      tracker.record(required, missing);
      current = value;
      const data = marks['gk:map-data']?.[0];
      const done = [last(marks, 'gk:map-painted'), last(marks, 'gk:trend-drawn')];
      if (data === undefined) dataReady.fail(`to ${value}: no gk:map-data within ${opts.switchTimeoutMs} ms`);
      else dataReady.add(data - t0);
      if (done.some((t) => t === undefined))
        whole.fail(`to ${value}: no ${missing.join(', ') || 'marks'} within ${opts.switchTimeoutMs} ms`);
      else whole.add(Math.max(...(done as number[])) - t0);
    } catch (error) {
      dataReady.fail(reason(error));
      whole.fail(reason(error));
    }
  }
  results.series(`${kind}_switch_in_hand_count`, target).add(inHand);
  const never = (marks: string[]) => `mark ${marks.join(' and ')} never appeared (${tracker.limit} attempts)`;
  const drawn = [...tracker.gaveUp].filter((m) => m !== 'gk:map-data');
  if (tracker.gaveUp.has('gk:map-data')) results.na(`${kind}_switch_data_ready_ms`, target, never(['gk:map-data']));
  if (drawn.length > 0) results.na(`${kind}_switch_whole_ms`, target, never(drawn));
}

/** Puts a select back to a value (not measured), waiting for the page to finish drawing. */
export async function resetSelect(page: Page, name: string, value: string, opts: BenchOptions): Promise<void> {
  if ((await selected(page, name)) === value) return;
  await fireChange(page, name, value);
  await waitForMarks(page, ['gk:map-painted'], opts.switchTimeoutMs, opts.settleMs);
}

interface Target2D {
  code: string;
  /** Points of the area on screen, nearest to the middle of its hits first (client coordinates). */
  points: [number, number][];
  /** The fill layers the map drew when the points were found (queried again at them before a click). */
  layers: string[];
}

/**
 * Clickable points per area drawn on the map (as tests/e2e `pointInside` does: ask the map what is drawn where): of
 * the grid points that hit an area, the ones nearest to their mean first, so the first lies well inside.
 */
function clickTargets(page: Page): Promise<Target2D[]> {
  return page.evaluate(() => {
    const map = window.__gebiedskompas?.map;
    if (!map) return [];
    const zoom = map.getZoom();
    const layers = ['gemeente-fill', 'wijk-fill', 'buurt-fill', 'gebied-fill'].filter((id) => {
      const layer = map.getLayer(id);
      return (
        layer !== undefined &&
        map.getLayoutProperty(id, 'visibility') !== 'none' &&
        zoom >= (layer.minzoom ?? 0) &&
        zoom < (layer.maxzoom ?? 24)
      );
    });
    const rect = map.getCanvas().getBoundingClientRect();
    const hits = new Map<string, [number, number][]>();
    const bottom = Math.min(rect.height, window.innerHeight - rect.top) - 24;
    for (let y = 24; y < bottom; y += 8)
      for (let x = 24; x < rect.width - 24; x += 8) {
        const code = map.queryRenderedFeatures([x, y], { layers })[0]?.properties?.code;
        if (typeof code === 'string') hits.set(code, [...(hits.get(code) ?? []), [x, y]]);
      }
    return [...hits]
      .filter(([, points]) => points.length >= 3)
      .map(([code, points]) => {
        const mx = points.reduce((s, p) => s + p[0], 0) / points.length;
        const my = points.reduce((s, p) => s + p[1], 0) / points.length;
        const near = points
          .map((p) => ({ p, d: Math.hypot(p[0] - mx, p[1] - my) }))
          .sort((a, b) => a.d - b.d)
          .slice(0, 12)
          .map(({ p }): [number, number] => [rect.left + p[0], rect.top + p[1]]);
        return { code, points: near, layers };
      })
      .sort((a, b) => (a.code < b.code ? -1 : 1));
  });
}

/**
 * The first of the area's points where the map, asked now, has that area on top, and 2 px around it (the pointer's
 * position is rounded to whole pixels, the canvas need not sit on one): a point on an area's edge selected its
 * neighbour (a click on GM0022 selected GM0021). Null when none does.
 */
function pointNow(page: Page, target: Target2D): Promise<[number, number] | null> {
  return page.evaluate((target) => {
    const map = window.__gebiedskompas?.map;
    if (!map) return null;
    const { layers } = target;
    const rect = map.getCanvas().getBoundingClientRect();
    return (
      target.points.find(([x, y]) =>
        [
          [0, 0],
          [-2, 0],
          [2, 0],
          [0, -2],
          [0, 2],
        ].every(
          ([dx, dy]) =>
            map.queryRenderedFeatures([x + dx! - rect.left, y + dy! - rect.top], { layers })[0]?.properties?.code ===
            target.code,
        ),
      ) ?? null
    );
  }, target);
}

const areaInUrl = (page: Page) => new URL(page.url()).searchParams.get('area');

/** `count` clicks on other areas of the map, in code order; each → gk:kompas-drawn. */
export async function measureAreaSwitches(page: Page, opts: BenchOptions, results: Results, target: Target) {
  const series = results.series('area_switch_kompas_ms', target);
  // The Kompas with its theme tables in: the app draws them in a render of their own right after.
  const complete = results.series('area_switch_kompas_complete_ms', target);
  const targets = await withTimeout(clickTargets(page), 120_000, 'finding areas on the map');
  if (targets.length < 2) {
    results.na('area_switch_kompas_ms', target, `only ${targets.length} clickable area(s) on the map`);
    return;
  }
  // t0: the mousedown of the click, in the page's clock.
  await page.evaluate(() => {
    window.addEventListener('mousedown', (e) => Object.assign(window, { __benchT0: e.timeStamp }), { capture: true });
  });
  const tracker = new MarkTracker();
  let at = 0;
  let skipped = 0;
  for (let k = 0; k < opts.switches; k++) {
    const current = areaInUrl(page);
    at = (at + 1) % targets.length;
    if (targets[at]!.code === current) at = (at + 1) % targets.length;
    const { code } = targets[at]!;
    try {
      const point = await pointNow(page, targets[at]!);
      if (point === null) {
        // An area with no safe point (a sliver at this zoom) is not clicked: the next one is, in its place.
        if (++skipped > targets.length) {
          series.fail('no area has a point safely inside it');
          break;
        }
        k--;
        continue;
      }
      await page.evaluate(() => performance.clearMarks());
      await page.mouse.click(point[0], point[1]);
      const { marks, missing } = await waitForMarks(
        page,
        tracker.required(CLICK_MARKS),
        opts.switchTimeoutMs,
        opts.settleMs,
      );
      tracker.record(CLICK_MARKS, missing);
      const t0 = await page.evaluate(() => (window as unknown as { __benchT0?: number }).__benchT0);
      const drawn = last(marks, 'gk:kompas-drawn');
      const whole = last(marks, 'gk:kompas-complete');
      // The app writes the URL after the next paint (useUrlState): the click's area is judged once it is there.
      await page
        .waitForFunction((want) => new URL(window.location.href).searchParams.get('area') === want, code, {
          timeout: 2_000,
        })
        .catch(() => undefined);
      if (areaInUrl(page) !== code) {
        series.fail(`click on ${code} selected ${areaInUrl(page)}`);
        complete.fail(`click on ${code} selected ${areaInUrl(page)}`);
      } else if (t0 === undefined) {
        series.fail(`${code}: no mousedown`);
        complete.fail(`${code}: no mousedown`);
      } else {
        if (drawn === undefined) series.fail(`${code}: no gk:kompas-drawn`);
        else series.add(drawn - t0);
        if (whole === undefined) complete.fail(`${code}: no gk:kompas-complete`);
        else complete.add(whole - t0);
      }
    } catch (error) {
      series.fail(reason(error));
      complete.fail(reason(error));
    }
  }
  if (tracker.gaveUp.has('gk:kompas-drawn'))
    results.na('area_switch_kompas_ms', target, 'mark gk:kompas-drawn never appeared');
  if (tracker.gaveUp.has('gk:kompas-complete'))
    results.na('area_switch_kompas_complete_ms', target, 'mark gk:kompas-complete never appeared');
}

/** Zooms to where the buurten show, pans for `opts.panMs` in a square (one panBy per frame), samples frame times. */
export async function measurePan(page: Page, opts: BenchOptions, results: Results, target: Target) {
  const frames = results.series('pan_frame_ms', target);
  const count = results.series('pan_buurt_features', target);
  try {
    const zoomed = await page.evaluate(() => {
      const map = window.__gebiedskompas?.map;
      const layer = map?.getLayer('buurt-fill');
      if (!map || !layer) return false;
      map.jumpTo({ zoom: Math.max(map.getZoom(), (layer.minzoom ?? 0) + 0.3) });
      return true;
    });
    if (!zoomed) {
      results.na('pan_frame_ms', target, 'no buurt-fill layer on the map');
      results.na('pan_buurt_features', target, 'no buurt-fill layer on the map');
      return;
    }
    await mapSettled(page, opts.loadTimeoutMs);
    // Counted before the pan, where both pages show the same place at the same zoom.
    count.add(
      await page.evaluate(() => {
        const map = window.__gebiedskompas!.map!;
        const features = map.queryRenderedFeatures({ layers: ['buurt-fill'] });
        return new Set(features.map((f) => f.properties?.code)).size;
      }),
    );
    const sampled = await withTimeout(
      page.evaluate(async (ms) => {
        // No named inner functions in page code (see page.ts).
        const map = window.__gebiedskompas!.map!;
        const steps: [number, number][] = [
          [12, 0],
          [0, 12],
          [-12, 0],
          [0, -12],
        ];
        const times: number[] = [];
        const start = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
        let previous = start;
        for (let step = 0; previous - start < ms; step++) {
          map.panBy(steps[Math.floor(step / 30) % 4]!, { animate: false });
          const t = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
          times.push(t - previous);
          previous = t;
        }
        return times;
      }, opts.panMs),
      opts.panMs + 60_000,
      'panning',
    );
    for (const t of sampled) frames.add(t);
  } catch (error) {
    frames.fail(reason(error));
    count.fail(reason(error));
  }
}
