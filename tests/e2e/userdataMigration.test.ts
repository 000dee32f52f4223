import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateAreas } from '../../src/data/validate.ts';
import { DEMO, readPackage } from '../fixtures/readPackage.ts';
import { ARTIFACTS, useApp, WAIT } from './harness.ts';

const buurten = validateAreas(readPackage(DEMO)['areas.geojson'])
  .filter((a) => a.level === 'buurt')
  .slice(0, 4);
const OWN_CSV = `area_code;period;Wmo-meldingen\n${buurten.map((b, i) => `${b.code};2025;${10 + i}`).join('\n')}\n`;

describe('the user database in a real browser', () => {
  const app = useApp();

  it('upgrades a version-1 database with an own data file in place: the file is still listed, the wijkagenda stores are added', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    // A blank page of the app's origin, to leave the database as the app before the wijkagenda did.
    await page.route(`${app.url}seed`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }),
    );
    await page.goto(`${app.url}seed`);
    await page.evaluate(
      (csv) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('gebiedskompas', 1);
          req.onupgradeneeded = () => req.result.createObjectStore('owndata');
          req.onsuccess = () => {
            const tx = req.result.transaction('owndata', 'readwrite');
            const file = {
              packageId: 'demo',
              name: 'wmo-meldingen.csv',
              bytes: new TextEncoder().encode(csv),
              addedAt: 1,
            };
            tx.objectStore('owndata').put(file, ['demo', 'wmo-meldingen.csv']);
            tx.oncomplete = () => {
              req.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          req.onerror = () => reject(req.error);
        }),
      OWN_CSV,
    );

    await page.goto(`${app.url}?dataset=demo&area=WK999901&view=data`);
    await expect
      .poll(() => page.locator('.owndata-files').textContent(), { timeout: WAIT })
      .toContain('wmo-meldingen.csv');
    await page.locator('.owndata').screenshot({ path: join(ARTIFACTS, 'userdata-migrated-owndata.png') });
    const schema = await page.evaluate(
      () =>
        new Promise<{ version: number; stores: string[] }>((resolve, reject) => {
          const req = indexedDB.open('gebiedskompas');
          req.onsuccess = () => {
            const db = req.result;
            resolve({ version: db.version, stores: [...db.objectStoreNames].sort() });
            db.close();
          };
          req.onerror = () => reject(req.error);
        }),
    );
    expect(schema).toEqual({ version: 2, stores: ['aims', 'notes', 'owndata', 'signals'] });
    await context.close();
  });
});
