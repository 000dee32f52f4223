import type { Page } from 'playwright-core';

/** A point on the page inside the given wijk's polygon, found by asking the map what it draws where. */
export async function pointInside(page: Page, code: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((target) => {
    const map = window.__gebiedskompas?.map;
    if (!map) return null;
    const canvas = map.getCanvas().getBoundingClientRect();
    for (let y = 10; y < canvas.height; y += 8)
      for (let x = 10; x < canvas.width; x += 8) {
        const hits = map.queryRenderedFeatures([x, y], { layers: ['wijk-fill'] });
        if (hits.some((f) => f.properties.code === target)) return { x: canvas.left + x, y: canvas.top + y };
      }
    return null;
  }, code);
  if (!point) throw new Error(`no pixel of ${code} found on the map`);
  return point;
}
