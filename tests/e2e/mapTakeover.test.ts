import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  kompasShows,
  launchBrowser,
  mapIdle,
  type Served,
  serveBuiltApp,
  WAIT,
  watchedPage,
} from './harness.ts';
import { pointInside } from './mapPoint.ts';

const START = '?dataset=demo&area=WK999901&indicator=jeugdhulp_pct&period=2025';

let served: Served;
let browser: Browser;
/** A blank page of its own that decodes the screencast's frames (no app, no CSP). */
let decoder: Page;

beforeAll(async () => {
  served = await serveBuiltApp();
  browser = await launchBrowser();
  decoder = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** Opens the demo with DuckDB's wasm held back until `release` is called. */
async function openHeld(viewport: { width: number; height: number }, route?: (page: Page) => Promise<unknown>) {
  const watched = await watchedPage(browser, new URL(served.url).origin, viewport);
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await watched.page.route(/\.wasm$/, async (r) => {
    await held;
    await r.continue();
  });
  await route?.(watched.page);
  await watched.page.goto(`${served.url}${START}`);
  return { ...watched, release };
}

interface Frame {
  /** The start screen's map element is in the page, with its canvas, at its size. */
  shell: boolean;
  /** The dashboard's map has fired 'idle' with its wijken coloured. */
  painted: boolean;
  /** The start screen's map shown over the dashboard's, and whether it is out of reach (inert, hidden from AT). */
  handoff: 'none' | 'inert' | 'reachable';
}

/**
 * Records, on every animation frame from now on, whether the map area shows a drawn map: the start screen's (the
 * element on screen now) or the dashboard's once it is idle with its colours. Read with {@link stopFrames}.
 */
function recordFrames(page: Page): Promise<void> {
  return page.evaluate(() => {
    const shellMap = window.__gebiedskompas?.map;
    const shellElement = document.querySelector('.map[data-ready="true"]');
    const record = { frames: [] as Frame[], painted: false, stop: false };
    (window as unknown as { gkFrames: typeof record }).gkFrames = record;
    let watched: unknown = null;
    const tick = () => {
      const map = window.__gebiedskompas?.map;
      if (map && map !== shellMap && map !== watched) {
        watched = map;
        map.on('idle', () => {
          const coloured = map
            .queryRenderedFeatures({ layers: ['wijk-fill'] })
            .filter((f) => String(f.state.color ?? '').startsWith('#'));
          if (coloured.length > 3) record.painted = true;
        });
      }
      const box = shellElement?.getBoundingClientRect();
      const handoff = document.querySelector<HTMLElement>('main.dashboard .map-frame > .map-handoff');
      record.frames.push({
        shell: !!shellElement?.isConnected && shellElement.querySelector('canvas') !== null && (box?.height ?? 0) > 100,
        painted: record.painted,
        handoff: !handoff
          ? 'none'
          : handoff.inert && handoff.getAttribute('aria-hidden') === 'true'
            ? 'inert'
            : 'reachable',
      });
      if (!record.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

function stopFrames(page: Page): Promise<Frame[]> {
  return page.evaluate(() => {
    const record = (window as unknown as { gkFrames: { frames: Frame[]; stop: boolean } }).gkFrames;
    record.stop = true;
    return record.frames;
  });
}

/** The compositor's frames (CDP screencast), each with where the page was scrolled to. */
async function screencast(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const frames: { data: string; width: number; scrollY: number }[] = [];
  cdp.on('Page.screencastFrame', (f) => {
    frames.push({ data: f.data, width: f.metadata.deviceWidth, scrollY: f.metadata.scrollOffsetY });
    void cdp.send('Page.screencastFrameAck', { sessionId: f.sessionId }).catch(() => undefined);
  });
  await cdp.send('Page.startScreencast', { format: 'jpeg', quality: 80, everyNthFrame: 1 });
  return {
    frames,
    stop: () => cdp.send('Page.stopScreencast'),
  };
}

/** How many pixels of a frame, within the rectangle (CSS pixels), are one of the map's blues. */
function bluePixels(
  frame: { data: string; width: number; scrollY: number },
  rect: { x: number; y: number; width: number; height: number },
): Promise<number> {
  return decoder.evaluate(
    async ({ frame, rect }) => {
      const image = await createImageBitmap(await (await fetch(`data:image/jpeg;base64,${frame.data}`)).blob());
      const scale = image.width / frame.width;
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(
        Math.round(rect.x * scale),
        Math.max(0, Math.round((rect.y - frame.scrollY) * scale)),
        Math.round(rect.width * scale),
        Math.round(rect.height * scale),
      ).data;
      let blue = 0;
      // The sequential blues (#eff3ff … #08519c) under 0.9 opacity: blue well above red; greys and sand are not.
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 2]! - pixels[i]! > 60) blue++;
      return blue;
    },
    { frame, rect },
  );
}

describe('the map when DuckDB takes over from the first view', () => {
  it.each([
    { width: 1400, height: 900 },
    { width: 390, height: 844 },
  ])('stays drawn in every frame, and answers clicks after ($width×$height)', async (viewport) => {
    const { page, consoleErrors, release } = await openHeld(viewport);
    const name = `maptakeover-${viewport.width}`;
    // The start screen's map, coloured from the first view's file.
    await mapIdle(page, WAIT);
    expect(await page.locator('main.loading .map-panel .legend li .swatch').count()).toBeGreaterThan(3);
    expect(await page.evaluate(() => performance.getEntriesByName('gk:db-ready').length)).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-before.png`) });

    await recordFrames(page);
    const cast = await screencast(page);
    release();
    // The dashboard is there, its own map still loading.
    await page.locator('main.dashboard').waitFor({ timeout: WAIT });
    await page.screenshot({ path: join(ARTIFACTS, `${name}-during.png`) });
    await page.waitForFunction(
      () =>
        (window as unknown as { gkFrames: { painted: boolean } }).gkFrames.painted &&
        document.querySelector('.map-handoff') === null,
      null,
      { timeout: WAIT },
    );
    await mapIdle(page, WAIT);
    await cast.stop();
    const frames = await stopFrames(page);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-after.png`) });

    // Every frame had a map: the start screen's until the dashboard's was idle with its colours.
    expect(frames.length).toBeGreaterThan(10);
    expect(frames.filter((f) => !f.shell && !f.painted)).toEqual([]);
    // Over the dashboard's loading map, the start screen's is seen but out of reach.
    expect(frames.some((f) => f.handoff === 'inert')).toBe(true);
    expect(frames.filter((f) => f.handoff === 'reachable')).toEqual([]);
    expect(frames.at(-1)).toEqual({ shell: false, painted: true, handoff: 'none' });
    // What the compositor drew says the same: the map's blues in every frame, as many as after the takeover.
    const map = page.locator('main.dashboard .map');
    expect(await map.count()).toBe(1);
    const rect = (await map.boundingBox())!;
    const scroll = await page.evaluate(() => window.scrollY);
    const box = { x: rect.x, y: rect.y + scroll, width: rect.width, height: rect.height };
    expect(cast.frames.length).toBeGreaterThan(1);
    const blues = [];
    for (const frame of cast.frames) blues.push(await bluePixels(frame, box));
    const last = blues.at(-1)!;
    expect(last).toBeGreaterThan(2000);
    expect(blues.filter((b) => b < last * 0.8)).toEqual([]);

    // One map remains, and it answers a click: another wijk and its Kompas.
    const target = await page.evaluate(() => {
      const hit = window
        .__gebiedskompas!.map!.queryRenderedFeatures({ layers: ['wijk-fill'] })
        .find((f) => f.properties.code !== 'WK999901' && String(f.state.color ?? '').startsWith('#'));
      return { code: String(hit?.properties.code), name: String(hit?.properties.name) };
    });
    const point = await pointInside(page, target.code);
    await page.mouse.click(point.x, point.y);
    await kompasShows(page, target.name);
    await expect.poll(() => new URL(page.url()).searchParams.get('area')).toBe(target.code);
    expect(await page.locator('.map-selection').textContent()).toContain(target.name);
    await mapIdle(page, WAIT);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-clicked.png`) });
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('is unchanged without a first view: the outline, then the dashboard map, nothing handed over', async () => {
    const { page, release } = await openHeld({ width: 1400, height: 900 }, (p) =>
      p.route(/\/first\//, (r) => r.abort()),
    );
    await page.locator('main.loading .map-outline').waitFor({ timeout: WAIT });
    expect(await page.locator('main.loading .maplibregl-map').count()).toBe(0);
    await page.evaluate(() => {
      const seen = { handoff: false };
      (window as unknown as { gkHandoff: typeof seen }).gkHandoff = seen;
      new MutationObserver(() => {
        if (document.querySelector('.map-handoff')) seen.handoff = true;
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    release();
    await kompasShows(page, 'Centrum', { period: 2025 });
    await mapIdle(page, WAIT);
    expect(
      await page.evaluate(() => (window as unknown as { gkHandoff: { handoff: boolean } }).gkHandoff.handoff),
    ).toBe(false);
    expect(await page.locator('main.dashboard .maplibregl-map').count()).toBe(1);
    await page.close();
  });
});
