import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateAreas } from '../../src/data/validate.ts';
import { DEMO, readPackage } from '../fixtures/readPackage.ts';
import { ARTIFACTS, downloaded, kompasShows, mapIdle, useApp, WAIT, watchedPage } from './harness.ts';

const files = readPackage(DEMO);
const areas = validateAreas(files['areas.geojson']);

/**
 * The issue's "done when", as a user walks it: from "I have a spreadsheet of Wmo clients per buurt" to a map, a
 * ranking, a trend and a download, only by what is on screen (navigation, the fill-in file, the selectors). Every
 * step's time (from the click to the result on screen) is printed; the note reports them.
 */
describe('a policy officer: own spreadsheet → map, ranking, trend, download', () => {
  const app = useApp();

  it('gets there by the screen alone, each step within seconds', async () => {
    const watched = await watchedPage(app.browser, app.origin);
    const { page } = watched;
    const timings: [string, number][] = [];
    const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
      const started = Date.now();
      const result = await work();
      timings.push([name, Date.now() - started]);
      return result;
    };

    await step('open the dashboard', async () => {
      await page.goto(`${app.url}?dataset=demo`);
      await kompasShows(page, 'Centrum');
    });
    await step('go to Gegevens', async () => {
      await page.locator('nav').getByRole('button', { name: 'Gegevens', exact: true }).click();
      await page.locator('.owndata-template button').first().waitFor({ timeout: WAIT });
    });

    // The fill-in file for buurten: every buurt of the demo, the latest year, an empty column.
    const template = await step('download the fill-in file for buurten', () =>
      downloaded(page.getByRole('button', { name: 'Invulbestand buurten' })),
    );
    expect(template.name).toBe('demo-invulbestand-buurt-2025.csv');
    const lines = template.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('buurtcode;naam;jaar;Mijn indicator');
    const buurten = areas.filter((a) => a.level === 'buurt' && (a.last_period ?? 9999) >= 2025);
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual(buurten.map((b) => b.code).sort());

    // "In Excel": rename the column, fill in Wmo clients per buurt for 2022–2025 (the rows copied per year).
    const value = (code: string, year: number) => 20 + (Number(code.slice(-2)) % 17) * 3 + (year - 2022) * 2;
    const filled = [
      'buurtcode;naam;jaar;Wmo-cliënten (eigen registratie)',
      ...[2022, 2023, 2024, 2025].flatMap((year) =>
        lines.slice(1).map((l) => {
          const [code, name] = l.split(';');
          return `${code};${name};${year};${value(code!, year)}`;
        }),
      ),
    ].join('\r\n');
    await step('add the filled-in file', async () => {
      await page.locator('.owndata input[type="file"]').setInputFiles({
        name: 'wmo-clienten-per-buurt.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`\ufeff${filled}\r\n`, 'utf8'),
      });
      await expect
        .poll(() => page.locator('.owndata-files').textContent(), { timeout: WAIT })
        .toContain('wmo-clienten-per-buurt.csv');
    });

    await step('choose it as the indicator, buurten on the map (Kompas view)', async () => {
      await page.locator('nav').getByRole('button', { name: 'Kompas', exact: true }).click();
      await page.getByLabel('Indicator', { exact: true }).selectOption({ label: 'Wmo-cliënten (eigen registratie)' });
      await page.getByLabel('Kaartniveau').selectOption({ label: 'Buurten' });
      await expect
        .poll(() => page.locator('.map-panel .legend').textContent(), { timeout: WAIT })
        .toContain('Wmo-cliënten (eigen registratie), 2025');
      await mapIdle(page);
    });
    await page.screenshot({ path: join(ARTIFACTS, 'workflow-map.png') });

    await step('open Verkennen: the ranking of all buurten', async () => {
      await page.locator('nav').getByRole('button', { name: 'Verkennen', exact: true }).click();
      await expect
        .poll(
          () =>
            page.evaluate(
              () =>
                new Set(
                  [...document.querySelectorAll('.verkennen-panel.ranking svg [data-code]')].map((e) =>
                    e.getAttribute('data-code'),
                  ),
                ).size,
            ),
          { timeout: WAIT },
        )
        .toBe(buurten.length);
    });
    // The top of the ranking is the buurt with the highest 2025 value.
    const top = [...buurten].sort((a, b) => value(b.code, 2025) - value(a.code, 2025) || 0)[0]!;
    const firstBar = await page.locator('.verkennen-panel.ranking svg [data-code]').first().getAttribute('data-code');
    expect(value(firstBar!, 2025)).toBe(value(top.code, 2025));

    await step('see the trend of every buurt (small multiples)', async () => {
      await page.locator('.verkennen-panel.small-multiples').scrollIntoViewIfNeeded();
      await expect
        .poll(() => page.locator('.verkennen-panel.small-multiples svg').count(), { timeout: WAIT })
        .toBeGreaterThan(0);
    });
    await page.screenshot({ path: join(ARTIFACTS, 'workflow-verkennen.png'), fullPage: true });

    const csv = await step('download the ranking as CSV', () =>
      downloaded(page.getByRole('button', { name: /CSV \(Nederlands\)/ })),
    );
    // One row per buurt, with the value as filled in (a Dutch CSV: semicolons).
    const body = csv.text
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .slice(1)
      .filter((l) => /^BU\d{8};/.test(l));
    expect(body).toHaveLength(buurten.length);
    const cells = new Map(body.map((l) => [l.split(';')[0]!, l.split(';')]));
    for (const b of buurten) expect(cells.get(b.code)?.includes(String(value(b.code, 2025)))).toBe(true);

    const total = timings.reduce((s, [, ms]) => s + ms, 0);
    console.log(`workflow steps (ms): ${timings.map(([n, ms]) => `${n} ${ms}`).join(' · ')} · total ${total} ms`);
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });
});
