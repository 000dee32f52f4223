import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, downloaded, kompasShows, seriousAxeViolations, useApp, WAIT } from './harness.ts';
import { compact, pdfText } from './pdfText.ts';

/*
 * Contexts bypass the page's CSP: to run axe, and so that nothing but the app's own rendering keeps a hostile note
 * inert. The wijkagenda in the built app with the demo package: a gebiedsregisseur adds an aim, a note and a wijk signal
 * for Molenkwartier, sees them in the Kompas, the trend chart and the Overzicht, keeps them across a reload, and
 * hands them to a colleague as one file. Every click and key press is counted per step (reported, not asserted).
 */
const AREA = 'WK999903';
const AREA_NAME = 'Molenkwartier';
const INDICATOR = 'jeugdhulp_verblijf_pct';
const START = `?dataset=demo&area=${AREA}&period=2025&indicator=${INDICATOR}`;
const AIM_LABEL = 'Minder jongeren in jeugdzorg met verblijf in Molenkwartier: 0,5 % in 2028';
const HOSTILE_NOTE = '=HYPERLINK("http://ev.il")\n<img src=x onerror=alert(1)> komt door de nieuwe locatie';
const SIGNAL_TEXT = 'Huisarts ziet meer jongeren met somberheid na de sluiting van het jongerencentrum.';

/** Counts what a user does: each click, each key press (a typed text counts its characters), each choice. */
class Effort {
  steps: { step: string; clicks: number; keys: number; ms: number }[] = [];
  private current = { clicks: 0, keys: 0, start: 0 };
  begin() {
    this.current = { clicks: 0, keys: 0, start: Date.now() };
  }
  end(step: string) {
    this.steps.push({
      step,
      clicks: this.current.clicks,
      keys: this.current.keys,
      ms: Date.now() - this.current.start,
    });
  }
  async click(target: Locator) {
    this.current.clicks++;
    await target.click();
  }
  async type(target: Locator, text: string) {
    this.current.clicks++;
    await target.fill(text);
    this.current.keys += [...text].length;
  }
  async choose(target: Locator, value: string) {
    this.current.clicks += 2;
    await target.selectOption(value);
  }
}

async function open(context: BrowserContext, url: string): Promise<{ page: Page; dialogs: string[] }> {
  const page = await context.newPage();
  const dialogs: string[] = [];
  // No dialog may open from what a user typed (the delete confirmation is not used here).
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  await kompasShows(page, AREA_NAME, { period: 2025 });
  return { page, dialogs };
}

const kompasRow = (page: Page, indicator: string) => page.locator(`section.kompas tr[data-indicator="${indicator}"]`);

/** What the Kompas shows of the wijkagenda: the aim's status and origin, the note, the wijk signal. */
async function shown(page: Page) {
  const row = kompasRow(page, INDICATOR);
  return {
    aimStatus: await row.locator('td[data-cell="aim"] [data-aim-status]').getAttribute('data-aim-status'),
    aimOrigin: await row.locator('td[data-cell="aim"] [data-aim-origin]').getAttribute('data-aim-origin'),
    aimLabel: (await page.locator('.agenda .agenda-aim-label').allTextContents()).join('|'),
    note: await row.locator('.agenda-note .agenda-text').textContent(),
    signal: (await page.locator('.agenda-signals li[data-wijk-signal] .agenda-text').allTextContents()).join('|'),
  };
}

describe('the wijkagenda in the browser', () => {
  const app = useApp();

  it('adds an aim, a note and a wijk signal, keeps them across a reload, and hands them over as one file', async () => {
    const effort = new Effort();
    const context = await app.browser.newContext({
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
      bypassCSP: true,
    });
    const { page, dialogs } = await open(context, `${app.url}${START}`);
    const agenda = page.locator('section.agenda');

    // A package aim is vastgesteld.
    expect(await kompasRow(page, 'jeugdhulp_pct').locator('[data-aim-origin]').getAttribute('data-aim-origin')).toBe(
      'vastgesteld',
    );
    expect(await kompasRow(page, INDICATOR).locator('[data-aim-status]').count()).toBe(0);

    // 1. The aim agreed with the wijkraad.
    effort.begin();
    await effort.click(agenda.getByRole('button', { name: 'Doel toevoegen' }));
    const aimForm = agenda.locator('form.agenda-form');
    // Focus goes into the form; the indicator is the one chosen in the Kompas.
    expect(await aimForm.evaluate((f) => f.contains(document.activeElement))).toBe(true);
    expect(await aimForm.getByLabel('Indicator').inputValue()).toBe(INDICATOR);
    await effort.type(aimForm.getByRole('textbox', { name: 'Streefwaarde' }), '0,5');
    await effort.type(aimForm.getByLabel('Doeljaar'), '2028');
    await effort.type(aimForm.getByLabel('Doel in woorden', { exact: true }), AIM_LABEL);
    await effort.type(aimForm.getByLabel('Afgesproken met'), 'wijkraad Molenkwartier');
    await effort.type(aimForm.getByLabel('Afgesproken op'), '2026-03-12');
    await effort.click(aimForm.getByRole('button', { name: 'Bewaren' }));
    await expect.poll(() => aimForm.count()).toBe(0);
    // Focus is back on the button that opened the form.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Doel toevoegen');
    effort.end('doel toevoegen');

    const row = kompasRow(page, INDICATOR);
    await expect.poll(() => row.locator('[data-aim-status]').count()).toBe(1);
    const status = await row.locator('[data-aim-status]').getAttribute('data-aim-status');
    expect(['behaald', 'op_koers', 'onzeker', 'niet_op_koers', 'onbekend']).toContain(status);
    expect(await row.locator('[data-aim-origin]').getAttribute('data-aim-origin')).toBe('concept');
    // The same status in the agenda's list, with the aim in its words and with whom and when it was agreed.
    const item = agenda.locator('li[data-aim-origin="concept"]');
    expect(await item.locator('[data-aim-status]').getAttribute('data-aim-status')).toBe(status);
    expect(await item.textContent()).toContain(AIM_LABEL);
    expect(await item.textContent()).toContain('afgesproken met wijkraad Molenkwartier · 12 maart 2026');
    // Its target as the compass read it: 0,5% in 2028 (in the badge's tooltip).
    await row.locator('[data-aim-status] [tabindex="0"]').focus();
    await expect.poll(() => page.locator('[role="tooltip"]:visible').first().textContent()).toMatch(/2028/);
    expect(await page.locator('[role="tooltip"]:visible').first().textContent()).toMatch(/Doel 2028: 0,50%/);
    // The trend chart of the indicator draws the aim and the projection to 2028.
    await expect.poll(() => page.locator('.trend-chart g.aim').count()).toBeGreaterThan(0);
    expect(await page.locator('.trend-chart g.projection').count()).toBeGreaterThan(0);

    // 2. A note next to the figure, with a hostile text.
    effort.begin();
    await effort.click(agenda.getByRole('button', { name: 'Toelichting toevoegen' }));
    const noteForm = agenda.locator('form.agenda-form');
    expect(await noteForm.getByLabel('Bij').inputValue()).toBe(`i:${INDICATOR}`);
    await effort.type(noteForm.getByLabel('Tekst'), HOSTILE_NOTE);
    await effort.type(noteForm.getByLabel('Auteur'), 'Gebiedsregisseur');
    await effort.click(noteForm.getByRole('button', { name: 'Bewaren' }));
    await expect.poll(() => noteForm.count()).toBe(0);
    effort.end('toelichting toevoegen');
    await expect.poll(() => row.locator('.agenda-note .agenda-text').textContent()).toBe(HOSTILE_NOTE);
    // Inert: shown as text, no element made of it, no dialog.
    expect(await page.locator('section.kompas img').count()).toBe(0);
    expect(await row.locator('.agenda-note').textContent()).toContain('<img src=x onerror=alert(1)>');

    // 3. A wijk signal; a text over the limit is refused with a clear message first.
    effort.begin();
    await effort.click(page.getByRole('button', { name: 'Signaal uit de wijk toevoegen' }));
    const signalForm = page.locator('.agenda-signals form.agenda-form');
    await effort.choose(signalForm.getByLabel('Bron', { exact: true }), 'huisarts');
    await signalForm.getByLabel('Tekst').fill('x'.repeat(1001));
    await signalForm.getByRole('button', { name: 'Bewaren' }).click();
    await expect
      .poll(() => signalForm.locator('[role="alert"]').textContent())
      .toBe('Tekst is 1001 tekens lang; het mag hoogstens 1000 tekens zijn.');
    await effort.type(signalForm.getByLabel('Tekst'), SIGNAL_TEXT);
    await effort.click(signalForm.getByRole('button', { name: 'Bewaren' }));
    await expect.poll(() => signalForm.count()).toBe(0);
    effort.end('signaal uit de wijk toevoegen');
    const signalItem = page.locator('.agenda-signals li[data-wijk-signal]');
    expect(await signalItem.textContent()).toContain('huisarts · Jeugd');
    expect(await signalItem.textContent()).toContain(SIGNAL_TEXT);

    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'wijkagenda-1400.png'), fullPage: true });
    await page.locator('section.agenda').screenshot({ path: join(ARTIFACTS, 'wijkagenda-1400-agenda.png') });
    await page.locator('.agenda-signals').screenshot({ path: join(ARTIFACTS, 'wijkagenda-1400-signals.png') });
    await page
      .locator('table.kompas-table[data-theme="jeugd"]')
      .screenshot({ path: join(ARTIFACTS, 'wijkagenda-1400-jeugd.png') });

    // The printed report holds the aim with its origin, the wijk signal and the note, as text.
    await page.evaluate(() => {
      window.print = () => undefined; // headless: the report is printed below with page.pdf
    });
    await page
      .getByRole('button', { name: /Afdrukken/ })
      .first()
      .click();
    await page.locator('.print-root .print-report').waitFor({ state: 'attached' });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(ARTIFACTS, 'wijkagenda-report.pdf'), pdf);
    const printed = compact(pdfText(pdf));
    for (const text of [AIM_LABEL, 'concept', SIGNAL_TEXT, 'komt door de nieuwe locatie', 'Gebiedsregisseur'])
      expect(printed).toContain(compact(text));
    await page.emulateMedia({ media: 'screen' });

    // 4. A reload shows the same.
    const before = await shown(page);
    await page.reload();
    await kompasShows(page, AREA_NAME, { period: 2025 });
    await expect.poll(() => shown(page)).toEqual(before);

    // 5. The Overzicht shows the wijk signal beside the data signals, in its theme's column.
    effort.begin();
    await effort.click(page.getByRole('button', { name: 'Overzicht' }));
    const cell = page.locator(`tr[data-area="${AREA}"] td[data-theme="jeugd"]`);
    await expect.poll(() => cell.locator('[data-wijk-signal]').count(), { timeout: WAIT }).toBe(1);
    effort.end('overzicht openen');
    expect(await cell.textContent()).toContain(SIGNAL_TEXT);
    await page.locator(`tr[data-area="${AREA}"]`).screenshot({ path: join(ARTIFACTS, 'wijkagenda-overzicht-row.png') });
    await page.goBack();
    await kompasShows(page, AREA_NAME, { period: 2025 });

    // 6. The exports: the notes CSV neutralises the formula; the bundle is one file.
    const notesCsv = await downloaded(page.getByRole('button', { name: 'Toelichtingen als CSV' }));
    expect(notesCsv.text).toContain(`'=HYPERLINK(""http://ev.il"")`);
    expect(notesCsv.text).not.toMatch(/(^|[,;])"?=HYPERLINK/m);
    effort.begin();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      effort.click(page.getByRole('button', { name: 'Wijkagenda exporteren' })),
    ]);
    effort.end('wijkagenda exporteren');
    const bundlePath = join('/tmp', `wijkagenda-e2e-${process.pid}.zip`);
    await download.saveAs(bundlePath);
    expect(download.suggestedFilename()).toMatch(/^wijkagenda-GM9999-\d{4}-\d\d-\d\d\.zip$/);
    expect(readFileSync(bundlePath).subarray(0, 2).toString()).toBe('PK');

    // 7. A colleague imports it in a fresh browser and sees the same.
    const fresh = await app.browser.newContext({
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
      bypassCSP: true,
    });
    const colleague = await open(fresh, `${app.url}${START}`);
    expect(await colleague.page.locator('.agenda-signals li[data-wijk-signal]').count()).toBe(0);
    effort.begin();
    await colleague.page.getByLabel('Wijkagenda van een collega inlezen').setInputFiles(bundlePath);
    await expect
      .poll(() => colleague.page.locator('.agenda-report').textContent())
      .toBe('Ingelezen: 3 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 in beide versies bewerkt.');
    effort.end('wijkagenda inlezen (1 klik + bestand kiezen)');
    await expect.poll(() => shown(colleague.page)).toEqual(before);

    // 8. Both edit the same signal; importing the colleague's file names the conflict and keeps both.
    const edit = async (p: Page, text: string) => {
      await p
        .locator('.agenda-signals')
        .getByRole('button', { name: /Bewerken/ })
        .first()
        .click();
      const form = p.locator('.agenda-signals form.agenda-form');
      await form.getByLabel('Tekst').fill(text);
      await form.getByRole('button', { name: 'Bewaren' }).click();
      await expect.poll(() => form.count()).toBe(0);
    };
    await edit(page, `${SIGNAL_TEXT} Ook de school ziet het.`);
    await edit(colleague.page, `${SIGNAL_TEXT} Ook het wijkteam ziet het.`);
    const [back] = await Promise.all([
      colleague.page.waitForEvent('download'),
      colleague.page.getByRole('button', { name: 'Wijkagenda exporteren' }).click(),
    ]);
    const backPath = join('/tmp', `wijkagenda-e2e-back-${process.pid}.zip`);
    await back.saveAs(backPath);
    await page.getByLabel('Wijkagenda van een collega inlezen').setInputFiles(backPath);
    await expect.poll(() => page.locator('.agenda-report li').count()).toBe(2);
    const lines = await page.locator('.agenda-report li').allTextContents();
    expect(lines[0]).toBe('Ingelezen: 0 nieuw, 0 bijgewerkt, 2 ongewijzigd, 1 in beide versies bewerkt.');
    // The conflict is named: what, which one (its first words), where, and that both were kept.
    expect(lines[1]).toMatch(
      /^Signaal ‘Huisarts ziet meer jongeren met somberheid[^’]*…’ in Molenkwartier: in beide versies bewerkt; beide bewaard\.$/,
    );
    expect(await page.locator('.agenda-signals li[data-wijk-signal]').count()).toBe(2);

    expect(dialogs).toEqual([]);
    expect(colleague.dialogs).toEqual([]);

    // 9. Deleting the concept aim (after a confirmation) takes its status out of the Kompas; focus stays in the list.
    page.removeAllListeners('dialog');
    page.once('dialog', (d) => void d.accept());
    await agenda.getByRole('button', { name: `Verwijderen ${AIM_LABEL}` }).click();
    await expect.poll(() => row.locator('[data-aim-status]').count()).toBe(0);
    expect(await agenda.locator('li[data-aim-origin="concept"]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Doel toevoegen');
    writeFileSync(join(ARTIFACTS, 'wijkagenda-effort.json'), JSON.stringify(effort.steps, null, 2));
    console.log(effort.steps);
    await fresh.close();
    await context.close();
  });

  it('works on a phone and in English: the forms fit the width and pass axe', async () => {
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const { page } = await open(context, `${app.url}${START}&lang=en`);
    // From the wijk signals near the top, one button leads to the agenda below the tables.
    await page.getByRole('button', { name: 'Aims and notes: go to the agenda' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('agenda-title');
    await page.getByRole('button', { name: 'Add an aim' }).click();
    await page.getByRole('button', { name: 'Add a signal from the neighbourhood' }).click();
    expect(await page.locator('section.agenda form legend').first().textContent()).toBe('Add an aim');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('section.agenda').screenshot({ path: join(ARTIFACTS, 'wijkagenda-390.png') });
    await context.close();
  });
});
