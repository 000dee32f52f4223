import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, ConsoleMessage, Locator, Page } from 'playwright-core';
import { preview } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser as launchChromium, mapIdle } from '../../scripts/browser.ts';
import { VIEWS } from '../../src/app/urlState.ts';

export { mapIdle };

/**
 * Flags that cut a page load's CPU by about a third (profiled on CI's two cores: ~13 s → ~8,5 s of Chromium CPU for
 * the first Kompas) without changing what a test sees. DuckDB's wasm stays on V8's baseline compiler (Liftoff) and
 * is validated per function when first called: the tests run small queries, and optimising the 33 MB module on
 * background threads (TurboFan tier-up) cost ~8 s of CPU per page that no test got back. Rasterising and compositing
 * in software rather than through SwiftShader's emulated GPU cut the GPU process from ~4,3 s to ~1 s; maplibre's
 * WebGL still runs on SwiftShader (CHROMIUM_ARGS) and is read back for screenshots.
 */
const CHEAP_CHROMIUM_ARGS = [
  '--js-flags=--liftoff-only --wasm-lazy-validation',
  '--disable-gpu-rasterization',
  '--disable-gpu-compositing',
];

/**
 * The system Chromium, whose contexts (and pages) block service workers unless a test asks for them
 * (`serviceWorkers: 'allow'`, as tests/e2e/offline.test.ts does). A first visit's worker precaches the app and the
 * wasm, ~42 MB, while the test goes on: on CI's two cores that was ~1,5 s of CPU per fresh page, and no other test
 * checks the worker. The app registers it after the package loaded and goes on without it when registration fails.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await launchChromium(CHEAP_CHROMIUM_ARGS);
  const newContext = browser.newContext.bind(browser);
  // Browser.newPage goes through newContext, so this covers both.
  browser.newContext = (options = {}) => newContext({ serviceWorkers: 'block', ...options });
  return browser;
}

export const ARTIFACTS = join(import.meta.dirname, 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

/**
 * How long one wait for a state may take. Generous: a busy machine (CI shares two cores with the browser's software
 * WebGL and DuckDB) is slow but not wrong, and the test's own timeout (vitest.e2e.config.ts) bounds the whole.
 */
export const WAIT = 120_000;

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serves the built app (`dist/`) with `vite preview` on a free loopback port. */
export async function serveBuiltApp(env: Record<string, string> = {}): Promise<Served> {
  Object.assign(process.env, env);
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'silent' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { url, close: () => server.close() };
}

export interface App {
  /** The served app's URL (ending in `/`) and origin, the server and the browser; set before the file's first test. */
  readonly url: string;
  readonly origin: string;
  readonly served: Served;
  readonly browser: Browser;
}

/**
 * The set-up every e2e file shares: before its tests the built app is served and a browser launched, after them both
 * are closed. With `prepare`, the app serves the packages `prepare` writes into a fresh data folder (removed after).
 */
export function useApp(prepare?: (dataDir: string) => unknown): App {
  let served: Served | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useApp: the app is started in beforeAll; read it inside a test');
    return value;
  };
  beforeAll(async () => {
    const env: Record<string, string> = {};
    if (prepare) {
      dataDir = mkdtempSync(join(tmpdir(), 'gk-e2e-data-'));
      await prepare(dataDir);
      env.GEBIEDSKOMPAS_DATA_DIR = dataDir;
    }
    served = await serveBuiltApp(env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get url() {
      return started(served).url;
    },
    get origin() {
      return new URL(started(served).url).origin;
    },
    get served() {
      return started(served);
    },
    get browser() {
      return started(browser);
    },
  };
}

export interface Watched {
  page: Page;
  /** Requests to any origin other than the app's own. */
  foreignRequests: string[];
  consoleErrors: string[];
}

/** A page that records console errors and every request that leaves the app's origin. */
export async function watchedPage(
  browser: Browser,
  origin: string,
  viewport = { width: 1440, height: 1000 },
): Promise<Watched> {
  const page = await browser.newPage({ viewport });
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (!['blob:', 'data:'].includes(u.protocol) && u.origin !== origin) foreignRequests.push(req.url());
  });
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  return { page, foreignRequests, consoleErrors };
}

/**
 * Shows `search` (a query string of the app's URL state) in a page that shows the app already: a history entry and
 * popstate, as the back button does, instead of a full load that boots DuckDB again (~7 s of Chromium CPU on CI's
 * two cores). Waits until the header marks the view as current, so a view's ready selector is not met by the view
 * before it. For tests about what the page shows, not about how it loads.
 */
export async function navigateInApp(page: Page, search: string): Promise<void> {
  await page.evaluate((next) => {
    window.history.pushState(null, '', next);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, search);
  const view = VIEWS.indexOf((new URLSearchParams(search).get('view') ?? 'kompas') as (typeof VIEWS)[number]);
  await page.waitForFunction(
    (i) => document.querySelectorAll('nav.views button')[i]?.getAttribute('aria-current') === 'page',
    view,
    { timeout: WAIT },
  );
}

/** Waits until the Kompas shows the given area (and period), has rows, and is no longer busy with an earlier choice. */
export async function kompasShows(
  page: Page,
  areaName: string,
  options: { period?: number; timeout?: number } = {},
): Promise<void> {
  await page
    .waitForFunction(
      ({ name, period }) => {
        const panel = document.querySelector('section.kompas');
        const title = document.getElementById('kompas-title')?.textContent ?? '';
        return (
          panel !== null &&
          panel.getAttribute('aria-busy') !== 'true' &&
          (period === null || panel.getAttribute('data-period') === String(period)) &&
          title.endsWith(name) &&
          document.querySelectorAll('.kompas-table tbody tr').length > 0
        );
      },
      { name: areaName, period: options.period ?? null },
      { timeout: options.timeout ?? WAIT },
    )
    .catch(async (error: unknown) => {
      // What the page showed instead: a hang on a busy CI machine is then a lead, not only a timeout.
      const state = await page
        .evaluate(() => {
          const panel = document.querySelector('section.kompas');
          return {
            url: window.location.search,
            title: document.getElementById('kompas-title')?.textContent ?? null,
            busy: panel?.getAttribute('aria-busy') ?? null,
            period: panel?.getAttribute('data-period') ?? null,
            rows: document.querySelectorAll('.kompas-table tbody tr').length,
            view: document.querySelector('nav.views button[aria-current="page"]')?.textContent ?? null,
            status: [...document.querySelectorAll('[role="status"], [role="alert"]')]
              .map((e) => e.textContent)
              .join(' | '),
          };
        })
        .catch((reason: unknown) => String(reason));
      throw new Error(`the Kompas of ${areaName} did not show; the page showed ${JSON.stringify(state)}`, {
        cause: error,
      });
    });
}

/** Serious and critical axe-core violations on the page as it is now (rule id, impact, first three targets). */
export async function seriousAxeViolations(page: Page) {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated rather than added as a script tag: the production server's CSP refuses inline script.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(ctx: Document): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Clicks `button` and returns the file the page downloads: its suggested name and its text (UTF-8, no BOM). */
export async function downloaded(button: Locator): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([button.page().waitForEvent('download'), button.click()]);
  return {
    name: file.suggestedFilename(),
    text: readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, ''),
  };
}
