/**
 * The wijk meeting handout (issue 13): a user aim, a toelichting (with a hostile string) and wijk signals, added
 * through the Kompas's wijkagenda forms and kept in the browser's store, are on the printed handout of their area — one A4 page — and "Handout alle wijken" is one
 * document with one page per wijk, numbered per wijk. `window.print` is replaced before the app loads (as in
 * printFirstTime.test.ts): it records what the print root holds when it is called; then the page is printed to PDF,
 * read as text and turned into PNGs to look at.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { existsIn } from '../../src/data/areaPeriods.ts';
import { validateAreas } from '../../src/data/validate.ts';
import { DEMO, readPackage } from '../fixtures/readPackage.ts';
import { ARTIFACTS, kompasShows, navigateInApp, seriousAxeViolations, useApp, watchedPage } from './harness.ts';
import { compact, pdfPageCount, pdfText } from './pdfText.ts';

const areas = validateAreas(readPackage(DEMO)['areas.geojson']);
const PERIOD = 2025;
const GEMEENTE = 'GM9999';
const wijken = areas.filter((a) => a.level === 'wijk' && a.gemeente === GEMEENTE && existsIn(a, PERIOD));
const nameOf = (code: string) => areas.find((a) => a.code === code)!.name;
const AREA = 'WK999901';
const OTHER = 'WK999902';
const INDICATOR = 'jeugdbescherming_pct';

const HOSTILE = '<img src=x onerror=alert(1)>';
const AIM_LABEL = `Minder jongeren met jeugdbescherming in ${nameOf(AREA)}: 1 % in 2027`;
const NOTE = `De stijging komt door de nieuwe locatie aan de Dorpsstraat ${HOSTILE}`;
const SIGNAL = 'Meer jongeren hangen ’s avonds rond het winkelcentrum.';
const OTHER_SIGNAL = 'Bewoners van Voorstad melden meer eenzaamheid onder ouderen.';
// 1.000 characters: far more than a handout line holds, so it is clipped with "…".
const LONG_SIGNAL = `Lang verslag van de huisarts. ${'Veel bezorgde ouders aan de balie. '.repeat(40)}`.slice(0, 1000);

// A signal or note as long as may be kept, in short lines.
const FULL_TEXT = Array.from({ length: 30 }, (_, i) => `Regel ${i + 1}: wat de wijk zag.`)
  .join('\n')
  .slice(0, 1000);

interface HandoutPrintCall {
  printing: boolean;
  handouts: {
    title: string;
    text: string;
    images: number;
    trends: number;
    map: boolean;
    pages: number;
    budget: number;
  }[];
}

declare global {
  interface Window {
    __handoutPrints: HandoutPrintCall[];
    __handoutAlerts: number;
  }
}

function recordPrints() {
  window.__handoutPrints = [];
  window.__handoutAlerts = 0;
  window.alert = () => {
    window.__handoutAlerts++;
  };
  window.print = () => {
    const handouts = [...document.querySelectorAll('.print-root article.handout')];
    window.__handoutPrints.push({
      printing: document.body.classList.contains('printing'),
      handouts: handouts.map((h) => ({
        title: h.querySelector('h2')?.textContent ?? '',
        text: h.textContent ?? '',
        images: h.querySelectorAll('img').length,
        trends: h.querySelectorAll('.handout-trend svg').length,
        map: h.querySelector('.handout-map svg path') !== null,
        pages: Number(h.getAttribute('data-pages')),
        budget: Number(h.getAttribute('data-budget')),
      })),
    });
  };
}

/** Adds a wijk signal through the Kompas's form. */
async function addSignal(page: Page, signal: { date: string; theme: string; source: string; text: string }) {
  await page.getByRole('button', { name: 'Signaal uit de wijk toevoegen' }).click();
  const form = page.locator('.agenda-signals form.agenda-form');
  await form.getByLabel('Datum').fill(signal.date);
  await form.getByLabel('Thema').selectOption(signal.theme);
  await form.getByLabel('Bron', { exact: true }).selectOption(signal.source);
  await form.getByLabel('Tekst').fill(signal.text);
  await form.getByRole('button', { name: 'Bewaren' }).click();
  await form.waitFor({ state: 'detached' });
}

/** Adds a note next to the Kompas's chosen indicator through its form. */
async function addNote(page: Page, text: string) {
  const agenda = page.locator('section.agenda');
  await agenda.getByRole('button', { name: 'Toelichting toevoegen' }).click();
  const form = agenda.locator('form.agenda-form');
  await form.getByLabel('Tekst').fill(text);
  await form.getByLabel('Auteur').fill('Gebiedsregisseur');
  await form.getByRole('button', { name: 'Bewaren' }).click();
  await form.waitFor({ state: 'detached' });
}

async function printCall(page: Page, n: number): Promise<HandoutPrintCall> {
  await page.waitForFunction((count) => window.__handoutPrints.length >= count, n, { timeout: 120_000 });
  const calls = await page.evaluate(() => window.__handoutPrints);
  expect(calls).toHaveLength(n);
  return calls[n - 1]!;
}

async function printedPdf(page: Page, name: string) {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const file = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  // PNGs of the pages, to look at (tests/e2e/artifacts/<name>-<page>.png).
  execFileSync('pdftoppm', ['-png', '-r', '60', file, join(ARTIFACTS, name)]);
  return { count: pdfPageCount(pdf), pages: pdfText(pdf).split('\f').slice(0, -1).map(compact) };
}

describe('the wijk meeting handout', () => {
  const app = useApp();
  let page: Page;
  let consoleErrors: string[];

  let pressHandout = () => {};
  const handoutPressed = new Promise<void>((resolve) => {
    pressHandout = resolve;
  });

  beforeAll(async () => {
    ({ page, consoleErrors } = await watchedPage(app.browser, app.origin));
    await page.addInitScript(recordPrints);
    // The print view's code arrives late, as on a slow connection: the handout must still wait for it (as
    // printFirstTime.test.ts checks for the report). The page asks for it when idle after the Kompas; it comes 1,5 s
    // after the handout button is pressed.
    await page.route(/\/assets\/PrintRoot-[^/]*\.js$/, async (route) => {
      await handoutPressed;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      // The first load's request was left behind by the reload below.
      await route.continue().catch(() => undefined);
    });
    const start = (area: string) => `?dataset=demo&area=${area}&period=${PERIOD}&indicator=${INDICATOR}`;
    await page.goto(`${app.url}${start(AREA)}`);
    await kompasShows(page, nameOf(AREA), { period: PERIOD });
    const agenda = page.locator('section.agenda');

    // Through the Kompas's own forms, as a gebiedsregisseur does: the aim agreed with the wijkraad, …
    await agenda.getByRole('button', { name: 'Doel toevoegen' }).click();
    const aimForm = agenda.locator('form.agenda-form');
    expect(await aimForm.getByLabel('Indicator').inputValue()).toBe(INDICATOR);
    await aimForm.getByLabel('Basisjaar').selectOption('2022');
    await aimForm.getByRole('textbox', { name: 'Streefwaarde' }).fill('1');
    await aimForm.getByLabel('Doeljaar').fill('2027');
    await aimForm.getByLabel('Doel in woorden', { exact: true }).fill(AIM_LABEL);
    await aimForm.getByLabel('Afgesproken met').fill(`wijkraad ${nameOf(AREA)}`);
    await aimForm.getByLabel('Afgesproken op').fill('2026-03-12');
    await aimForm.getByRole('button', { name: 'Bewaren' }).click();
    await aimForm.waitFor({ state: 'detached' });

    // … a note next to the figure (with a hostile string), …
    await addNote(page, NOTE);

    // … two wijk signals, one of them as long as a signal may be, and one signal for another wijk.
    await addSignal(page, { date: '2026-02-01', theme: 'jeugd', source: 'wijkteam', text: SIGNAL });
    await addSignal(page, { date: '2026-01-15', theme: 'gezondheid', source: 'huisarts', text: LONG_SIGNAL });
    // The other wijk by the app's own navigation (a full load boots DuckDB again); the reload below is a real one.
    await navigateInApp(page, start(OTHER));
    await kompasShows(page, nameOf(OTHER), { period: PERIOD });
    await addSignal(page, { date: '2026-02-20', theme: 'meedoen', source: 'bewoners', text: OTHER_SIGNAL });
    // The other wijk gets as much as can be typed: five more signals and three notes of 1.000 characters each, with
    // line breaks. Its handout must still be one page, with the shortening said on it.
    for (let day = 10; day < 15; day++)
      await addSignal(page, { date: `2026-01-${day}`, theme: 'zorg', source: 'huisarts', text: FULL_TEXT });
    for (let n = 0; n < 3; n++) await addNote(page, FULL_TEXT);

    // A reload reads them back from the store, as a user's next visit would.
    await page.goto(`${app.url}${start(AREA)}`);
    await kompasShows(page, nameOf(AREA), { period: PERIOD });
  }, 180_000);

  it('one area: the aim with its status, the note, the signals and the map on exactly one A4 page', async () => {
    const started = Date.now();
    await page.getByRole('button', { name: 'Handout wijkoverleg' }).click();
    pressHandout();
    const call = await printCall(page, 1);
    console.log(`handout of one area: ${Date.now() - started} ms from click to print dialog`);
    expect(call.printing).toBe(true);
    expect(call.handouts).toHaveLength(1);
    const [handout] = call.handouts;
    expect(handout!.title).toBe(`Wijkoverleg ${nameOf(AREA)}`);
    expect(handout!.map).toBe(true);
    // The hostile note is text: no element was made of it and nothing ran.
    expect(handout!.text).toContain(NOTE);
    expect(handout!.images).toBe(0);
    expect(await page.evaluate(() => window.__handoutAlerts)).toBe(0);
    // The user's aim comes first, with its status in words, who agreed on it, and a small trend with the aim.
    expect(handout!.text).toContain(AIM_LABEL);
    expect(handout!.text).toMatch(/Status: (behaald|op koers|onzeker|niet op koers|onbekend) concept/);
    expect(handout!.text).toContain(`Afgesproken met wijkraad ${nameOf(AREA)} op 12 maart 2026`);
    expect(handout!.trends).toBeGreaterThan(0);
    expect(handout!.text).toContain('Basis 2022: ');
    expect(handout!.text).toContain('doel 2027: 1,00%');
    // Only this area's wijk signals; the long one clipped, and the page says so.
    expect(handout!.text).toContain(SIGNAL);
    expect(handout!.text).not.toContain(OTHER_SIGNAL);
    expect(handout!.text).not.toContain(LONG_SIGNAL);
    expect(handout!.text).toContain('Lang verslag van de huisarts.');
    expect(handout!.text).toContain('zodat de handout op één A4 past');

    const pdf = await printedPdf(page, 'handout-one');
    expect(pdf.count).toBe(1);
    const paper = pdf.pages[0]!;
    for (const text of [
      `Wijkoverleg ${nameOf(AREA)}`,
      AIM_LABEL,
      NOTE,
      SIGNAL,
      '1 februari 2026 · wijkteam · Jeugd',
      'Signalen uit de wijk',
      'Signalen uit de cijfers',
      'Toelichtingen',
      'Bron: Synthetische demodata, geen echte cijfers',
      'Afgedrukt op',
      'Pagina 1 van 1',
    ])
      expect(paper).toContain(compact(text));
    expect(paper).not.toContain(compact(OTHER_SIGNAL));
    // The handout as it prints passes axe (headings, the map's and charts' labels, contrast).
    await page.emulateMedia({ media: 'print' });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'screen' });
    expect(consoleErrors).toEqual([]);
  }, 180_000);

  it('all wijken: one document, one page per wijk, numbered per wijk, each with its own agenda', async () => {
    const started = Date.now();
    await page.getByRole('button', { name: 'Handout alle wijken' }).click();
    const call = await printCall(page, 2);
    console.log(`handout of ${wijken.length} wijken: ${Date.now() - started} ms from click to print dialog`);
    expect(call.printing).toBe(true);
    expect(call.handouts.map((h) => h.title)).toEqual(wijken.map((w) => `Wijkoverleg ${w.name}`));
    for (const h of call.handouts) {
      expect(h.pages).toBe(1);
      expect(h.map).toBe(true);
    }

    const pdf = await printedPdf(page, 'handout-all');
    expect(pdf.count).toBe(wijken.length);
    wijken.forEach((w, i) => {
      const text = pdf.pages[i]!;
      expect(text).toContain(compact(`Wijkoverleg ${w.name}`));
      expect(text).toContain(compact(`${w.name} – blz. 1 van 1`));
      expect(text).toContain(compact('Bron: Synthetische demodata, geen echte cijfers'));
      expect(text).not.toContain(compact('Pagina'));
      expect(text.includes(compact(SIGNAL))).toBe(w.code === AREA);
      expect(text.includes(compact(NOTE))).toBe(w.code === AREA);
      expect(text.includes(compact(OTHER_SIGNAL))).toBe(w.code === OTHER);
    });
    // The full wijk: fewer items and shorter texts, so its page holds everything down to the line that says so.
    const full = pdf.pages[wijken.findIndex((w) => w.code === OTHER)]!;
    const fullCall = call.handouts.find((h) => h.title === `Wijkoverleg ${nameOf(OTHER)}`)!;
    console.log(`budget of the full wijk: ${fullCall.budget}`);
    expect(full).toContain(compact('Toelichtingen'));
    expect(full).toContain(compact('Regel 1: wat de wijk zag.'));
    expect(full).toMatch(/Ennog\d+indeapp\./);
    expect(full).toContain(compact('zodat de handout op één A4 past'));
    expect(consoleErrors).toEqual([]);
  }, 300_000);

  it('on a phone the four print buttons wrap inside the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const actions = page.locator('.print-actions');
    await actions.scrollIntoViewIfNeeded();
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll('.print-actions .print-button')].map((b) => {
        const r = b.getBoundingClientRect();
        return { text: b.textContent ?? '', left: r.left, right: r.right };
      }),
    );
    expect(boxes.map((b) => b.text)).toEqual([
      'Afdrukken / PDF',
      'Alle wijken afdrukken',
      'Handout wijkoverleg',
      'Handout alle wijken',
    ]);
    for (const b of boxes) {
      expect(b.left).toBeGreaterThanOrEqual(0);
      expect(b.right).toBeLessThanOrEqual(390);
    }
    await actions.screenshot({ path: join(ARTIFACTS, 'handout-buttons-390.png') });
  });
});
