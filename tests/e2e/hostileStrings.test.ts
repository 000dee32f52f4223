/**
 * Hostile strings end to end (issue 16): a package whose every free text a user can see — area names and custom area
 * codes, indicator labels, definitions and sources, aims, the dataset's title, publisher and attribution — carries
 * HTML, script, SVG, `javascript:`, an RTL override, formula prefixes, SQL quotes or 10.000 characters, plus an own-data
 * upload and wijkagenda entries typed in the page with the same. Every view is visited and every export the app offers
 * is triggered: nothing runs, nothing leaves the origin, the text is shown literally, and every spreadsheet cell that
 * starts like a formula is neutralised the app's way (`'` in CSV, the quotePrefix style in xlsx).
 *
 * The context bypasses the production server's CSP, so that only the app's own rendering keeps the payloads inert.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse, dsvFormat } from 'd3';
import type { BrowserContext, Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/data/csvWrite.ts';
import { openZip } from '../../src/data/zip.ts';
import { neutraliseFormula } from '../../src/export/neutralise.ts';
import { DEMO } from '../fixtures/readPackage.ts';
import { ARTIFACTS, kompasShows, mapIdle, navigateInApp, useApp, WAIT } from './harness.ts';
import { compact, pdfText } from './pdfText.ts';

const P = {
  img: '<img src=x onerror="window.__pwned=1">',
  svg: '<svg onload="window.__pwned=3">',
  js: 'javascript:window.__pwned=4',
  rtl: '\u202Eexe.txt',
  hyperlink: '=HYPERLINK("http://ev.il","x")',
  plus: '+SUM(1+1)',
  minus: '-1+1',
  at: '@SUM(1)',
  tab: '\t=1+2',
  cr: '\r=1+3',
  quote: `"';--`,
  script: '<script>window.__pwned=2</script>',
  long: `${'L'.repeat(9_990)}<b>x</b>`,
} as const;
const PAYLOADS = Object.values(P);
const at = (i: number) => PAYLOADS[i % PAYLOADS.length]!;

const DEFAULT_AREA = 'WK999901';
/** The wijk whose name starts with the RTL override, and that name as the app shows it: direction-isolated. */
const RTL_NAME = `${P.rtl} Zuiderpark`;
const ISOLATED_RTL_NAME = `\u2068${RTL_NAME}\u2069`;
/** The default wijk's name: the first payload before the demo's "Centrum". */
const DEFAULT_NAME = `${P.img} Centrum`;
const INDICATOR = 'jeugdhulp_pct';
const START = `?dataset=hostile&area=${DEFAULT_AREA}&indicator=${INDICATOR}&period=2025`;
/** Every downloaded file is kept here, to look at after the run. */
const KEPT = join(ARTIFACTS, 'hostile-downloads');
const CUSTOM_CODES = ['=HYPERLINK("http://ev.il")', '@SUM(1+1)', '+SUM(1+1)'];

/** The demo with every visible text replaced by payload + original (so names stay unique and recognisable). */
function writeHostilePackage(dir: string) {
  // The demo itself beside it, to compare the printed report's length with.
  cpSync(DEMO, join(dir, 'demo'), { recursive: true });
  const out = join(dir, 'hostile');
  cpSync(DEMO, out, { recursive: true });
  // The precomputed first view holds the demo's names; without it the app asks DuckDB.
  rmSync(join(out, 'first'), { recursive: true, force: true });
  const dataset = JSON.parse(readFileSync(join(out, 'dataset.json'), 'utf8'));
  delete dataset.first_view;
  dataset.id = 'hostile';
  dataset.title = { nl: `${P.img} Vijandige demo`, en: `${P.svg} Hostile demo` };
  dataset.publisher = `${P.script} uitgever`;
  dataset.attribution = `${P.hyperlink} bron`;
  writeFileSync(join(out, 'dataset.json'), JSON.stringify(dataset, null, 2));

  const areas = JSON.parse(readFileSync(join(out, 'areas.geojson'), 'utf8')) as {
    features: { properties: { code: string; name: string; level: string } }[];
  };
  let wijk = 0;
  let buurt = 0;
  let gebied = 0;
  for (const { properties: p } of areas.features) {
    if (p.level === 'gemeente') p.name = `${P.script} ${p.name}`;
    else if (p.level === 'wijk') p.name = `${at(wijk++)} ${p.name}`;
    else if (p.level === 'buurt') p.name = `${at(buurt++)} ${p.name}`;
    else if (p.level === 'gebied') {
      p.name = `${at(gebied + 6)} ${p.name}`;
      p.code = CUSTOM_CODES[gebied++]!;
    }
  }
  writeFileSync(join(out, 'areas.geojson'), JSON.stringify(areas));

  const rewrite = (file: string, change: (row: Record<string, string>, i: number) => void) => {
    const text = readFileSync(join(out, file), 'utf8');
    const rows = csvParse(text);
    const header = rows.columns;
    rows.forEach(change);
    writeFileSync(
      join(out, file),
      toCsv(
        header,
        rows.map((r) => header.map((h) => r[h] ?? '')),
      ),
    );
  };
  // Indicators start at the hyperlink, so the default indicator's label is a formula.
  rewrite('indicators.csv', (r, i) => {
    r.label_nl = `${at(i + 4)} ${r.label_nl}`;
    r.label_en = `${at(i + 4)} ${r.label_en}`;
    r.definition_nl = `${at(i + 5)} ${r.definition_nl}`;
    r.source = `${at(i + 7)} ${r.source}`;
  });
  rewrite('aims.csv', (r, i) => {
    r.label_nl = `${at(i + 5)} ${r.label_nl}`;
    r.label_en = `${at(i + 5)} ${r.label_en}`;
  });
}

/** Own data: a wide CSV whose indicator title and area names are hostile. */
function ownCsv(): string {
  const areas = JSON.parse(readFileSync(join(DEMO, 'areas.geojson'), 'utf8')) as {
    features: { properties: { code: string; level: string } }[];
  };
  const buurten = areas.features.map((f) => f.properties).filter((p) => p.level === 'buurt');
  return toCsv(
    ['buurtcode', 'naam', 'jaar', `${P.hyperlink} meldingen`],
    buurten.map((b, i) => [b.code, `${at(i + 7)} ${b.code}`, '2025', String(10 + i)]),
    { separator: ';' },
  );
}

interface Export {
  /** The button's name and the file's name. */
  what: string;
  file: string;
  /** Cells (CSV, xlsx) that start like a formula and were neutralised; leaks: those that were not. */
  neutralised: number;
  leaked: string[];
  /** Hostile texts that the file holds literally (proves they were written, not dropped). */
  literal: number;
}

/** Cells of a CSV text, split by the separator (`;` or `,`) its header row uses outside quotes. */
function csvCells(text: string): string[] {
  const body = text.replace(/^\uFEFF/, '');
  const count = { ';': 0, ',': 0 };
  let quoted = false;
  for (const c of body) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ';' || c === ',')) count[c]++;
  }
  return dsvFormat(count[';'] >= count[','] ? ';' : ',')
    .parseRows(body)
    .flat();
}

/** A cell a spreadsheet reads as a number ("-1.5e-7", "-12,5"): no formula. */
const numeric = (c: string) => Number.isFinite(Number(c.replace(',', '.')));

function checkCells(cells: readonly string[], extra: Partial<Export> = {}) {
  const leaked = cells.filter((c) => neutraliseFormula(c) !== c && !numeric(c));
  return {
    neutralised: cells.filter((c) => c.startsWith("'") && neutraliseFormula(c.slice(1)) !== c.slice(1)).length,
    leaked,
    literal: cells.filter((c) => PAYLOADS.some((p) => c.includes(p) || c.includes(`'${p}`))).length,
    ...extra,
  };
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');

/** An xlsx: no formula element; every formula-like text cell has a style with quotePrefix. */
async function checkXlsx(bytes: Uint8Array) {
  const zip = openZip(bytes);
  const decoder = new TextDecoder();
  const sheet = decoder.decode((await zip.read('xl/worksheets/sheet1.xml'))!);
  const styles = decoder.decode((await zip.read('xl/styles.xml'))!);
  const xfs = [...(styles.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)?.[1] ?? '').matchAll(/<xf\b[^>]*>/g)].map(
    (m) => m[0],
  );
  const quoted = (s: number) => /quotePrefix="1"/.test(xfs[s] ?? '');
  const leaked: string[] = [];
  let neutralised = 0;
  let literal = 0;
  if (/<f[\s>]/.test(sheet)) leaked.push('a <f> formula element');
  for (const [, attrs, inner] of sheet.matchAll(/<c\b([^>]*)>([\s\S]*?)<\/c>/g)) {
    const t = inner!.match(/<t[^>]*>([\s\S]*?)<\/t>/);
    if (!t) continue;
    const text = unescapeXml(t[1]!);
    if (PAYLOADS.some((p) => text.includes(p))) literal++;
    if (neutraliseFormula(text) === text) continue;
    const style = Number(attrs!.match(/\ss="(\d+)"/)?.[1] ?? 0);
    if (quoted(style)) neutralised++;
    else leaked.push(`${attrs!.match(/r="([A-Z]+\d+)"/)?.[1]}: ${JSON.stringify(text.slice(0, 40))}`);
  }
  return { neutralised, leaked, literal };
}

/** An SVG, parsed by the browser: no script, no on* attribute, no javascript: link, no foreignObject. */
async function checkSvg(page: Page, text: string) {
  const found = await page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const bad: string[] = [];
    if (doc.querySelector('parsererror')) bad.push('does not parse');
    for (const el of doc.querySelectorAll('*')) {
      const name = el.localName.toLowerCase();
      if (name === 'script' || name === 'foreignobject' || name === 'iframe') bad.push(`<${name}>`);
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) bad.push(`${name} ${attr.name}`);
        if (/^\s*javascript:/i.test(attr.value) && /href$/i.test(attr.name)) bad.push(`${name} ${attr.name}`);
      }
    }
    return { bad, text: doc.documentElement.textContent ?? '' };
  }, text);
  return {
    neutralised: 0,
    leaked: found.bad,
    literal: PAYLOADS.filter((p) => found.text.includes(p.replace(/[\t\r]/g, ' ').trim()) || found.text.includes(p))
      .length,
  };
}

/** A PNG decodes to an image of some size. */
async function checkPng(page: Page, bytes: Buffer) {
  const size = await page.evaluate(async (b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const image = await createImageBitmap(new Blob([data], { type: 'image/png' }));
    return { width: image.width, height: image.height };
  }, bytes.toString('base64'));
  return { neutralised: 0, leaked: size.width > 0 && size.height > 0 ? [] : ['does not decode'], literal: 0 };
}

describe('hostile strings are inert in every view and every export', () => {
  const app = useApp(writeHostilePackage);
  let context: BrowserContext;
  let page: Page;
  /** A blank page of the same browser to parse SVGs and decode PNGs in, away from the app. */
  let scratch: Page;
  const foreign: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  const exports: Export[] = [];

  beforeAll(async () => {
    context = await app.browser.newContext({
      viewport: { width: 1440, height: 1000 },
      acceptDownloads: true,
      bypassCSP: true,
    });
    context.on('request', (req) => {
      const u = new URL(req.url());
      if (!['blob:', 'data:'].includes(u.protocol) && u.origin !== app.origin) foreign.push(req.url());
    });
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    // A print dialog would block headless Chromium; the report is printed to PDF below.
    await page.addInitScript(() => {
      window.print = () => undefined;
    });
    scratch = await (await app.browser.newContext()).newPage();
    mkdirSync(KEPT, { recursive: true });
  });
  afterAll(async () => {
    await scratch?.context().close();
    await context?.close();
  });

  /** Nothing ran, no dialog, no page error, no request left the origin. */
  async function inert(where: string) {
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), where).toBeUndefined();
    expect(dialogs, where).toEqual([]);
    expect(errors, where).toEqual([]);
    expect(foreign, where).toEqual([]);
    // No element the payloads would have made: an <img src=x>, a <script> or <svg> with an onload handler.
    expect(await page.locator('img[src="x"], svg[onload], [onerror]').count(), where).toBe(0);
  }

  /**
   * Shows `search` (START plus a view): a full load when the page shows another dataset (or nothing yet), else the
   * app's own navigation (history entry and popstate, as the back button does). Each full load boots DuckDB again,
   * ~10 s of CPU on CI; in-app navigation also keeps the page's record of anything that ran since the first load.
   */
  async function visit(search: string) {
    const dataset = new URLSearchParams(search).get('dataset');
    const here = new URL(page.url());
    if (here.origin !== app.origin || here.searchParams.get('dataset') !== dataset) {
      await page.goto(`${app.url}${search}`);
      return;
    }
    await navigateInApp(page, search);
  }

  /** A screenshot of the viewport (a full page is as wide as the 10.000-character name and too large to capture). */
  async function shot(name: string) {
    await page.bringToFront();
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  }

  /** The payloads the page shows literally as text (at least `min` of them). */
  async function shownLiterally(where: string, min = 1) {
    const text = await page.evaluate(() => document.body.textContent ?? '');
    const shown = PAYLOADS.filter((p) => text.includes(p));
    expect(shown.length, `${where}: ${shown.length} payloads shown`).toBeGreaterThanOrEqual(min);
    return shown;
  }

  async function download(button: Locator): Promise<Download> {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: WAIT }), button.click()]);
    return file;
  }

  async function record(what: string, file: Download) {
    const name = file.suggestedFilename();
    const bytes = readFileSync(await file.path());
    writeFileSync(join(KEPT, name), bytes);
    let result: Omit<Export, 'what' | 'file'>;
    if (name.endsWith('.csv')) result = checkCells(csvCells(bytes.toString('utf8')));
    else if (name.endsWith('.xlsx')) result = await checkXlsx(new Uint8Array(bytes));
    else if (name.endsWith('.svg')) result = await checkSvg(scratch, bytes.toString('utf8'));
    else if (name.endsWith('.png')) result = await checkPng(scratch, bytes);
    else if (name.endsWith('.zip')) {
      const zip = openZip(new Uint8Array(bytes));
      const parts = await Promise.all(
        zip.names
          .filter((n) => n.endsWith('.csv'))
          .map(async (n) => checkCells(csvCells(new TextDecoder().decode((await zip.read(n))!)))),
      );
      result = {
        neutralised: parts.reduce((s, p) => s + p.neutralised, 0),
        leaked: parts.flatMap((p) => p.leaked),
        literal: parts.reduce((s, p) => s + p.literal, 0),
      };
    } else throw new Error(`unexpected download ${name}`);
    exports.push({ what, file: name, ...result });
    return result;
  }

  it('Kompas, trend and wijkagenda: shown as text, nothing runs; its exports are neutralised', async () => {
    await page.goto(`${app.url}${START}`);
    await kompasShows(page, DEFAULT_NAME, { period: 2025 });
    await inert('kompas');
    expect(await page.locator('#kompas-title').textContent()).toContain(P.img);
    await shownLiterally('kompas', 3);
    // The RTL override stays inside the name: the list item starts with the isolated name, its level after it.
    const rtlItem = page.locator('[role="treeitem"]', { hasText: 'Zuiderpark' }).first();
    expect(await rtlItem.locator('.picker-name').textContent()).toBe(ISOLATED_RTL_NAME);
    expect(await rtlItem.textContent()).toMatch(new RegExp(`^\\W?${ISOLATED_RTL_NAME} · wijk`));
    // The map draws with the hostile names (its labels and tooltips are text too).
    await mapIdle(page, WAIT);
    await shot('hostile-kompas');

    // The wijkagenda: an aim, a note and a wijk signal typed with payloads.
    const agenda = page.locator('section.agenda');
    await agenda.getByRole('button', { name: 'Doel toevoegen' }).click();
    const aimForm = agenda.locator('form.agenda-form');
    await aimForm.getByRole('textbox', { name: 'Streefwaarde' }).fill('5');
    await aimForm.getByLabel('Doeljaar').fill('2028');
    await aimForm.getByLabel('Doel in woorden', { exact: true }).fill(`${P.at} ${P.script} doel`);
    await aimForm.getByLabel('Afgesproken met').fill(`${P.plus} wijkraad`);
    await aimForm.getByRole('button', { name: 'Bewaren' }).click();
    await aimForm.waitFor({ state: 'detached' });
    await agenda.getByRole('button', { name: 'Toelichting toevoegen' }).click();
    const noteForm = agenda.locator('form.agenda-form');
    await noteForm.getByLabel('Tekst').fill(`${P.hyperlink}\n${P.img} toelichting`);
    await noteForm.getByLabel('Auteur').fill(`${P.minus} auteur`);
    await noteForm.getByRole('button', { name: 'Bewaren' }).click();
    await noteForm.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Signaal uit de wijk toevoegen' }).click();
    const signalForm = page.locator('.agenda-signals form.agenda-form');
    await signalForm.getByLabel('Bron', { exact: true }).selectOption('huisarts');
    await signalForm.getByLabel('Tekst').fill(`${P.tab} ${P.svg} ${P.js} signaal`);
    await signalForm.getByRole('button', { name: 'Bewaren' }).click();
    await signalForm.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('section.agenda').textContent()).toContain(`${P.at} ${P.script} doel`);
    expect(await page.locator('.agenda-signals').textContent()).toContain(`${P.svg} ${P.js} signaal`);
    await inert('wijkagenda');
    await shot('hostile-wijkagenda');

    for (const name of ['Doelen als aims.csv', 'Toelichtingen als CSV', 'Signalen als CSV', 'Wijkagenda exporteren']) {
      const result = await record(name, await download(page.getByRole('button', { name, exact: true })));
      expect(result.leaked, name).toEqual([]);
      expect(result.neutralised, name).toBeGreaterThan(0);
    }

    // The trend panel's downloads: the table, the workbook and the chart.
    const trendButtons = page.locator('.download-buttons').first();
    await trendButtons.waitFor({ timeout: WAIT });
    for (const button of await trendButtons.getByRole('button').all()) {
      const name = (await button.textContent())?.trim() ?? '';
      const result = await record(`Kompas trend: ${name}`, await download(button));
      expect(result.leaked, name).toEqual([]);
    }
    await inert('kompas downloads');
  });

  /** The current area's print report as a PDF, and its number of pages. */
  async function printReport(file: string) {
    await page
      .getByRole('button', { name: /Afdrukken/ })
      .first()
      .click();
    await page.locator('.print-root .print-report').waitFor({ state: 'attached', timeout: WAIT });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    writeFileSync(join(ARTIFACTS, file), pdf);
    const info = execFileSync('pdfinfo', [join(ARTIFACTS, file)], { encoding: 'utf8' });
    return { pdf, pages: Number(info.match(/^Pages:\s+(\d+)/m)?.[1]) };
  }

  it('print report and handout: printed as text', async () => {
    const { pdf, pages } = await printReport('hostile-report.pdf');
    execFileSync('pdftoppm', ['-png', '-r', '50', '-l', '2', join(ARTIFACTS, 'hostile-report.pdf'), '/tmp/c2-report']);
    const printed = compact(pdfText(pdf));
    // The area's name and the gemeente's, as text in the PDF.
    expect(printed).toContain(compact(P.img));
    expect(printed).toContain(compact(P.script));
    await inert('print report');

    await page.getByRole('button', { name: 'Handout wijkoverleg' }).click();
    await page.locator('.print-root article.handout').first().waitFor({ state: 'attached', timeout: WAIT });
    await page.emulateMedia({ media: 'print' });
    const handout = await page.pdf({ format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    writeFileSync(join(ARTIFACTS, 'hostile-handout.pdf'), handout);
    expect(compact(pdfText(handout))).toContain(compact(P.img));
    await inert('handout');

    // Long names and labels are clipped in print: the report is at most a page longer than the demo's own.
    await page.goto(`${app.url}${START.replace('dataset=hostile', 'dataset=demo')}`);
    await kompasShows(page, 'Centrum', { period: 2025 });
    const demo = await printReport('hostile-demo-report.pdf');
    console.log(`printed report: hostile ${pages} pages, demo ${demo.pages}`);
    expect(demo.pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(demo.pages + 1);
  });

  it('no view is wider than the viewport with a 10.000-character name, on a desktop and a phone', async () => {
    const ready: Record<string, string> = {
      overzicht: `tr[data-area="${DEFAULT_AREA}"]`,
      verkennen: '.download-buttons',
      data: '.data-page table tbody tr',
      over: 'main .over-table',
    };
    const widths: string[] = [];
    for (const [width, height] of [
      [1400, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const view of ['kompas', 'overzicht', 'verkennen', 'data', 'over']) {
        await visit(`${START}${view === 'kompas' ? '' : `&view=${view}`}`);
        if (view === 'kompas') await kompasShows(page, DEFAULT_NAME, { period: 2025 });
        else await page.locator(ready[view]!).first().waitFor({ timeout: WAIT });
        const size = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          inner: window.innerWidth,
        }));
        widths.push(`${width} ${view}: ${size.scroll}`);
        expect(size.scroll, `${view} at ${width}px`).toBeLessThanOrEqual(size.inner);
        await inert(`${view} at ${width}px`);
      }
      await shot(`hostile-width-${width}`);
    }
    console.log(widths.join('\n'));
    await page.setViewportSize({ width: 1440, height: 1000 });
  });

  it('Overzicht, Verkennen and Over: shown as text; Verkennen exports every table and chart neutralised', async () => {
    await visit(`${START}&view=overzicht`);
    await page.locator(`tr[data-area="${DEFAULT_AREA}"]`).waitFor({ timeout: WAIT });
    await shownLiterally('overzicht', 3);
    await inert('overzicht');

    await visit(`${START}&view=verkennen`);
    const buttons = page.locator('.download-buttons');
    await buttons.first().waitFor({ timeout: WAIT });
    await expect.poll(() => page.locator('main svg').count(), { timeout: WAIT }).toBeGreaterThan(2);
    await shownLiterally('verkennen', 3);
    await inert('verkennen');
    await shot('hostile-verkennen');
    for (const group of await buttons.all()) {
      for (const button of await group.getByRole('button').all()) {
        const name = (await button.textContent())?.trim() ?? '';
        const result = await record(`Verkennen: ${name}`, await download(button));
        expect(result.leaked, name).toEqual([]);
      }
    }
    await inert('verkennen downloads');

    await visit(`${START}&view=over`);
    await expect.poll(() => page.locator('main').textContent(), { timeout: WAIT }).toContain(P.hyperlink);
    await shownLiterally('over', 2);
    await inert('over');
  });

  it('Data: table, own-data upload, SQL console and fill-in files: shown as text, exports neutralised', async () => {
    await visit(`${START}&view=data`);
    await page.locator('.data-page table tbody tr').first().waitFor({ timeout: WAIT });
    await shownLiterally('data', 2);
    const input = page.locator('.owndata input[type="file"]');
    await input.setInputFiles({ name: 'vijandig.csv', mimeType: 'text/csv', buffer: Buffer.from(ownCsv(), 'utf8') });
    await expect.poll(() => page.locator('.owndata-files').textContent(), { timeout: WAIT }).toContain('vijandig.csv');
    await inert('own data');

    const table = page.locator('.data-page .download-buttons').first();
    for (const button of await table.getByRole('button').all()) {
      const name = (await button.textContent())?.trim() ?? '';
      const result = await record(`Data: ${name}`, await download(button));
      expect(result.leaked, name).toEqual([]);
      expect(result.neutralised, name).toBeGreaterThan(0);
    }

    // The own data's indicator, by its hostile label, and the areas' hostile names in the SQL console.
    const editor = page.locator('.sql-editor');
    await editor.fill(
      "SELECT a.code, a.name, i.label_nl FROM areas a, indicators i WHERE i.label_nl LIKE '%meldingen' ORDER BY a.code",
    );
    await page.getByRole('button', { name: 'Uitvoeren' }).click();
    await expect.poll(() => page.locator('.sql-result tbody tr').count(), { timeout: WAIT }).toBeGreaterThan(50);
    const result = (await page.locator('.sql-result tbody').textContent()) ?? '';
    expect(result).toContain(`${P.hyperlink} meldingen`);
    expect(result).toContain(CUSTOM_CODES[0]);
    expect(result).toContain(P.long);
    // The 10.000-character value scrolls inside the result; the page keeps the viewport's width.
    const wide = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
      // The outermost elements past the right edge, to name the culprit when this fails.
      past: [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
    }));
    expect(wide.scroll, wide.past.join(', ')).toBeLessThanOrEqual(wide.inner);
    await inert('sql console');
    const sql = await record('SQL console: CSV', await download(page.locator('.sql-download')));
    expect(sql.leaked).toEqual([]);
    expect(sql.neutralised).toBeGreaterThan(100);

    // The fill-in files, one per level (custom area codes start with = @ +).
    const templates = page.getByRole('button', { name: /^Invulbestand / });
    expect(await templates.count()).toBeGreaterThanOrEqual(3);
    for (const button of await templates.all()) {
      const name = (await button.textContent())?.trim() ?? '';
      const file = await record(name, await download(button));
      expect(file.leaked, name).toEqual([]);
      expect(file.neutralised, name).toBeGreaterThan(0);
    }
    await inert('data downloads');
    await shot('hostile-data');
  });

  it('the verdict sheet and the public table (npm run compass) neutralise every text cell', () => {
    const dir = join('/tmp', `gk-hostile-${process.pid}`);
    const verdicts = `${dir}-verdicts.csv`;
    const published = `${dir}-public.csv`;
    const root = join(import.meta.dirname, '..', '..');
    const packageDir = join(process.env.GEBIEDSKOMPAS_DATA_DIR ?? '', 'hostile');
    execFileSync(
      'npx',
      ['tsx', 'scripts/compass.ts', '--package', packageDir, '--out', verdicts, '--public', published],
      {
        cwd: root,
        stdio: 'pipe',
      },
    );
    for (const [what, path] of [
      ['verdict sheet', verdicts],
      ['public table', published],
    ] as const) {
      const result = checkCells(csvCells(readFileSync(path, 'utf8')));
      exports.push({ what, file: path, ...result });
      expect(result.leaked, what).toEqual([]);
      rmSync(path, { force: true });
    }
  });

  it('counts: formulas leaked in no export', () => {
    const leaks = exports.filter((e) => e.leaked.length > 0);
    console.log(
      exports
        .map(
          (e) => `${e.what} → ${e.file}: ${e.neutralised} neutralised, ${e.literal} literal, ${e.leaked.length} leaked`,
        )
        .join('\n'),
    );
    console.log(`formulas leaked: ${leaks.length} of ${exports.length} exports`);
    expect(exports.length).toBeGreaterThan(20);
    expect(leaks).toEqual([]);
  });
});
