import type { Page } from 'playwright-core';
import { type Browser, chromium } from 'playwright-core';

/** Flags that make maplibre's WebGL work in headless Chromium (SwiftShader) and keep Chromium off the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/**
 * The system Chromium (Debian's package), or $CHROMIUM_PATH. Used by the e2e tests and the measurements; `extraArgs`
 * come after CHROMIUM_ARGS.
 */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** Waits until the map exists, has loaded its areas and is idle (nothing left to draw). */
export async function mapIdle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.map[data-ready="true"]') !== null, null, { timeout });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__gebiedskompas?.map;
        if (!map) return resolve();
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}
