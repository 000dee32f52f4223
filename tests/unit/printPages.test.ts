import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/app/format.ts';
import { I18nProvider } from '../../src/app/i18n/index.tsx';
import { printedName } from '../../src/app/PrintRoot.tsx';
import type { Area } from '../../src/data/package.ts';
import { PrintButton } from '../../src/views/print/PrintButton.tsx';
import { pagesFor, reportPagesCss } from '../../src/views/print/reportPages.ts';

describe('pages of a report printed with others', () => {
  it('is one page up to the page height (273 mm), two up to two pages less the room a break may waste', () => {
    expect(pagesFor(120)).toBe(1);
    expect(pagesFor(273)).toBe(1);
    expect(pagesFor(273.5)).toBe(2);
    expect(pagesFor(520)).toBe(2);
    // 2 × 273 − 26: past it a break that leaves a row and a caption's room empty could push the end to a third page.
    expect(pagesFor(521)).toBe(3);
    expect(pagesFor(3 * 273 - 2 * 26)).toBe(3);
    expect(pagesFor(3 * 273 - 2 * 26 + 1)).toBe(4);
  });

  it('numbers each report on its own page, with its name and its total, and none on a blank back', () => {
    const css = reportPagesCss(
      [
        { name: 'Centrum', pages: 2 },
        { name: 'Wijk "85"', pages: 1 },
      ],
      '{area} – blz. {page} van {pages}',
    );
    expect(css.startsWith('@media print {')).toBe(true);
    expect(css).toContain('.print-root > article.print-report:nth-of-type(1) { page: gk-report-1; }');
    expect(css).toContain(
      '@page gk-report-1 { counter-increment: gk-report-1; @bottom-right { content: "Centrum" " – blz. " counter(gk-report-1) " van " "2"; } }',
    );
    expect(css).toContain('.print-root > article.print-report:nth-of-type(2) { page: gk-report-2; }');
    expect(css).toContain('content: "Wijk \\"85\\"" " – blz. " counter(gk-report-2) " van " "1";');
    expect(css).toContain('.print-root > .print-blank { page: gk-blank; }');
    expect(css).toContain('@page gk-blank { @bottom-left { content: none; } @bottom-right { content: none; } }');
  });
});

describe('the printed name', () => {
  const base: Area = {
    code: 'WK045185',
    name: 'Wijk 85 Meerwijk',
    level: 'wijk',
    parent: 'GM0451',
    gemeente: 'GM0451',
  };

  it('is the current name with the earlier ones, also when the report is of a year with the old name', () => {
    const renamed: Area = {
      ...base,
      names: [
        { from: 2015, name: 'Wijk 85 Meerwijk' },
        { from: 2024, name: 'Wijk 85 De Kwakel' },
      ],
    };
    expect(printedName(renamed)).toEqual({ name: 'Wijk 85 De Kwakel', former: ['Wijk 85 Meerwijk'] });
    expect(printedName({ ...renamed, name: 'Wijk 85 De Kwakel' })).toEqual({
      name: 'Wijk 85 De Kwakel',
      former: ['Wijk 85 Meerwijk'],
    });
  });

  it('is the name alone for an area never renamed', () => {
    expect(printedName(base)).toEqual({ name: 'Wijk 85 Meerwijk', former: [] });
  });
});

describe('the print buttons while a print is prepared', () => {
  const inLang = (lang: Lang, children: ReactNode) =>
    renderToStaticMarkup(createElement(I18nProvider, { lang, children }));
  const button = (props: Parameters<typeof PrintButton>[0], lang: Lang = 'nl') =>
    inLang(lang, createElement(PrintButton, props));
  const noop = () => undefined;
  const labels = (html: string) =>
    [...html.matchAll(/<button type="button"([^>]*)>([^<]+)<\/button>/g)].map((m) => ({
      label: m[2],
      waiting: m[1]!.includes('aria-disabled="true"'),
    }));

  it('shows the progress on the pressed button, keeps both focusable, and offers to cancel', () => {
    const html = button({
      onPrint: noop,
      onPrintAll: noop,
      job: { kind: 'all', progress: { done: 3, total: 12 } },
      onCancel: noop,
    });
    expect(labels(html)).toEqual([
      { label: 'Afdrukken / PDF', waiting: true },
      { label: 'Afdruk voorbereiden… 3 van 12', waiting: true },
      { label: 'Annuleren', waiting: false },
    ]);
    expect(html).toContain('<span class="visually-hidden" role="status">Afdruk voorbereiden… 3 van 12</span>');
    expect(html).not.toContain('disabled=""');
  });

  it('says "preparing" on the single report, in English too, and has no cancel without a handler', () => {
    expect(labels(button({ onPrint: noop, job: { kind: 'one', progress: null } }, 'en'))).toEqual([
      { label: 'Preparing the printout…', waiting: true },
    ]);
    expect(labels(button({ onPrint: noop, onPrintAll: noop })).map((b) => b.waiting)).toEqual([false, false]);
  });
});
