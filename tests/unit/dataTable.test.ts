// @vitest-environment happy-dom
import { act, createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { Lang } from '../../src/app/format.ts';
import { dataEN } from '../../src/app/i18n/data.en.ts';
import { I18nProvider } from '../../src/app/i18n/index.tsx';
import { missingNL } from '../../src/app/i18n/missing.nl.ts';
import { type ExportTable, exportWords, toExportCsv } from '../../src/export/csv.ts';
import { readXlsxRows } from '../../src/import/cbs/xlsx.ts';
import { DataTable, displayNumber, filterRows, foldText, sortRows } from '../../src/views/data/DataTable.tsx';
import { DownloadButtons } from '../../src/views/data/DownloadButtons.tsx';
import { domHost } from '../fixtures/domHost.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const table: ExportTable = {
  columns: [
    { key: 'name', label: 'Gebied', kind: 'text' },
    { key: 'period', label: 'Jaar', kind: 'integer', grouping: false },
    { key: 'value', label: 'Jeugdhulp (%)', kind: 'number', decimals: 1, suppressible: true },
    { key: 'count', label: 'Aantal', kind: 'integer' },
  ],
  rows: [
    { name: 'Zuiderwijk', period: 2023, value: 12.36, count: 1234 },
    { name: 'Één Dorp', period: 2023, value: null, count: 4 },
    { name: 'Cliëntbuurt', period: 2022, value: 8, count: null },
    { name: 'akkers', period: 2023, value: 30.04, count: 99 },
    { name: 'Buurt 10', period: 2023, value: 8, count: 12 },
  ],
  suppressed: [undefined, ['value']],
};

const inLang = (lang: Lang, children: ReactElement) => createElement(I18nProvider, { lang, children });
const names = (indices: number[]) => indices.map((i) => table.rows[i]!.name);

describe('filtering and sorting', () => {
  it('folds case and diacritics', () => {
    expect(foldText('Één Cliënt')).toBe('een client');
  });

  it('finds rows by every word in any text cell, ignoring diacritics', () => {
    expect(names(filterRows(table, 'een'))).toEqual(['Één Dorp']);
    expect(names(filterRows(table, 'CLIENT'))).toEqual(['Cliëntbuurt']);
    expect(names(filterRows(table, 'buurt'))).toEqual(['Cliëntbuurt', 'Buurt 10']);
    expect(names(filterRows(table, ' buurt 10 '))).toEqual(['Buurt 10']);
    expect(filterRows(table, '2023')).toEqual([]); // numbers are not text
    expect(filterRows(table, '  ')).toEqual([0, 1, 2, 3, 4]);
  });

  it('sorts numbers numerically and text by the language, secret and empty cells last both ways', () => {
    const all = [0, 1, 2, 3, 4];
    expect(names(sortRows(table, all, { key: 'value', direction: 'ascending' }, 'nl'))).toEqual([
      'Cliëntbuurt',
      'Buurt 10',
      'Zuiderwijk',
      'akkers',
      'Één Dorp',
    ]);
    expect(names(sortRows(table, all, { key: 'value', direction: 'descending' }, 'nl'))).toEqual([
      'akkers',
      'Zuiderwijk',
      'Cliëntbuurt',
      'Buurt 10',
      'Één Dorp',
    ]);
    expect(names(sortRows(table, all, { key: 'name', direction: 'ascending' }, 'nl'))).toEqual([
      'akkers',
      'Buurt 10',
      'Cliëntbuurt',
      'Één Dorp',
      'Zuiderwijk',
    ]);
    expect(names(sortRows(table, all, { key: 'count', direction: 'descending' }, 'en'))).toEqual([
      'Zuiderwijk',
      'akkers',
      'Buurt 10',
      'Één Dorp',
      'Cliëntbuurt',
    ]);
    expect(sortRows(table, all, null, 'nl')).toEqual(all);
  });

  it('shows numbers in the language notation, years without a thousands separator', () => {
    const [, year, value, count] = table.columns as [
      unknown,
      ExportTable['columns'][0],
      ExportTable['columns'][0],
      ExportTable['columns'][0],
    ];
    expect(displayNumber(2023, year, 'nl')).toBe('2023');
    expect(displayNumber(12.36, value, 'nl')).toBe('12,4');
    expect(displayNumber(1234, count, 'nl')).toBe('1.234');
    expect(displayNumber(1234, count, 'en')).toBe('1,234');
    expect(displayNumber(-0.01, value, 'en')).toBe('0.0');
    expect(displayNumber(0.125, { key: 'x', label: 'x', kind: 'number' }, 'nl')).toBe('0,125');
  });
});

describe('DataTable markup', () => {
  it('has a caption, column and row headers, aria-sort, right-aligned numbers and the secret cell', () => {
    const html = renderToStaticMarkup(
      inLang('nl', createElement(DataTable, { table, caption: 'Jeugdhulp per buurt' })),
    );
    expect(html).toContain('>Jeugdhulp per buurt</caption>');
    expect(html).toContain('<th scope="col" aria-sort="none" class="num"><button type="button">Jaar');
    expect(html).toContain(
      '<th scope="row">Zuiderwijk</th><td class="num">2023</td><td class="num">12,4</td><td class="num">1.234</td>',
    );
    expect(html).toContain(
      `<span class="suppressed missing" data-missing="secret" title="${missingNL['missing.title.secret']}">geheim</span>`,
    );
    expect(html).toContain('<p class="data-table-count" role="status">5 rijen</p>');
    expect(html).not.toContain('Rijen per pagina'); // five rows need no pages
  });

  it('speaks English', () => {
    const html = renderToStaticMarkup(inLang('en', createElement(DataTable, { table, caption: 'Youth care' })));
    expect(html).toContain('<td class="num">1,234</td>');
    expect(html).toContain('>secret</span>');
    expect(html).toContain('>5 rows</p>');
    expect(html).toContain(`>${dataEN['data.table.filter']}</label>`);
  });
});

describe('DataTable and DownloadButtons in a document', () => {
  const dom = domHost();

  const render = (element: ReactElement) => act(() => dom.root.render(inLang('nl', element)));
  const firstColumn = () => [...dom.host.querySelectorAll('tbody th')].map((th) => th.textContent);
  const header = (label: string) =>
    [...dom.host.querySelectorAll('thead th')].find((th) => th.textContent?.startsWith(label))!;
  const type = (input: HTMLInputElement, value: string) =>
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });

  it('sorts by a header button, toggling the direction, and filters with a live row count', async () => {
    await render(createElement(DataTable, { table, caption: 'Tabel' }));
    const jaar = header('Jeugdhulp');
    await act(() => jaar.querySelector('button')!.click());
    expect(jaar.getAttribute('aria-sort')).toBe('ascending');
    expect(firstColumn()).toEqual(['Cliëntbuurt', 'Buurt 10', 'Zuiderwijk', 'akkers', 'Één Dorp']);
    await act(() => jaar.querySelector('button')!.click());
    expect(jaar.getAttribute('aria-sort')).toBe('descending');
    expect(firstColumn()[0]).toBe('akkers');
    expect(header('Gebied').getAttribute('aria-sort')).toBe('none');

    await type(dom.host.querySelector('input[type="search"]')!, 'buurt');
    expect(firstColumn()).toEqual(['Cliëntbuurt', 'Buurt 10']);
    expect(dom.host.querySelector('[role="status"]')!.textContent).toBe('2 van 5 rijen');
    await type(dom.host.querySelector('input[type="search"]')!, 'xyz');
    expect(dom.host.querySelector('tbody td')!.textContent).toBe('Geen rijen gevonden.');
  });

  it('pages a long table and lets the reader choose the page size', async () => {
    const long: ExportTable = {
      columns: [{ key: 'n', label: 'N', kind: 'integer' }],
      rows: Array.from({ length: 120 }, (_, i) => ({ n: i + 1 })),
    };
    await render(createElement(DataTable, { table: long, caption: 'Lang', pageSize: 50 }));
    expect(dom.host.querySelectorAll('tbody tr')).toHaveLength(50);
    expect(dom.host.querySelector('nav')!.textContent).toContain('Pagina 1 van 3');
    const [previous, next] = [...dom.host.querySelectorAll('nav button')] as HTMLButtonElement[];
    expect(previous!.disabled).toBe(true);
    await act(() => next!.click());
    await act(() => next!.click());
    expect(firstColumn()[0]).toBe('101');
    expect(dom.host.querySelectorAll('tbody tr')).toHaveLength(20);
    expect(next!.disabled).toBe(true);

    const select = dom.host.querySelector('select')!;
    expect([...select.options].map((o) => o.value)).toEqual(['25', '50', '100', '500']);
    await act(() => {
      select.value = '500';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(dom.host.querySelectorAll('tbody tr')).toHaveLength(120);
    expect(dom.host.querySelector('nav')).toBeNull();
  });

  /** Catches what downloadBlob hands to the browser. */
  function catchDownloads() {
    const files: { name: string; blob: Blob }[] = [];
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      files.push({ name: this.download, blob: blob! });
    });
    return files;
  }
  const button = (text: string) =>
    [...dom.host.querySelectorAll('button')].find((b) => b.textContent === text) as HTMLButtonElement;

  it('downloads the table as Dutch and international CSV and as Excel', async () => {
    const files = catchDownloads();
    const props = { table, baseName: 'jeugdhulp: 2023', attribution: 'Bron: CBS, CC BY 4.0' };
    await render(createElement(DownloadButtons, props));
    expect(dom.host.querySelector('[role="group"]')!.getAttribute('aria-labelledby')).toBe(
      dom.host.querySelector('.download-label')!.id,
    );
    await act(() => button('CSV (Nederlands)').click());
    await act(() => button('CSV (internationaal)').click());
    await act(() => button('Excel').click());
    // The workbook is deflated asynchronously: wait for its download rather than a fixed time.
    await vi.waitFor(() => expect(files).toHaveLength(3));
    expect(files.map((f) => f.name)).toEqual([
      'jeugdhulp- 2023.csv',
      'jeugdhulp- 2023-intl.csv',
      'jeugdhulp- 2023.xlsx',
    ]);
    const words = exportWords('nl');
    const bytes = async (b: Blob) => new Uint8Array(await b.arrayBuffer());
    const bom = [0xef, 0xbb, 0xbf];
    const nlBytes = await bytes(files[0]!.blob);
    expect([...nlBytes.subarray(0, 3)]).toEqual(bom);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(nlBytes)).toBe(
      toExportCsv(table, { numberFormat: 'nl', attribution: props.attribution, words }),
    );
    expect(files[0]!.blob.type).toBe('text/csv;charset=utf-8');
    expect(await files[1]!.blob.text()).toContain('Zuiderwijk,2023,12.4,,1234,"Bron: CBS, CC BY 4.0"');
    const rows = await readXlsxRows(await bytes(files[2]!.blob));
    expect(rows[2]).toEqual(['Één Dorp', '2023', '', 'geheim', '4']);
    expect(rows.at(-1)).toEqual(['Bron: CBS, CC BY 4.0']);
  });

  it('downloads a chart as SVG with the attribution, and says so when a chart is not drawn', async () => {
    const files = catchDownloads();
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg') as SVGSVGElement;
    svg.setAttribute('width', '300');
    svg.setAttribute('height', '150');
    const charts = [
      { name: 'trend', label: 'Verloop', svg: () => svg },
      { name: 'kaart', label: 'Kaart', svg: () => null },
    ];
    await render(createElement(DownloadButtons, { table, baseName: 'x', attribution: 'Bron: CBS', charts }));
    const chartButtons = [...dom.host.querySelectorAll('button')].slice(3);
    expect(chartButtons.map((b) => b.textContent)).toEqual([
      'SVG grafiek Verloop',
      'PNG grafiek Verloop',
      'SVG grafiek Kaart',
      'PNG grafiek Kaart',
    ]);
    // Each chart's buttons are visibly named too.
    expect([...dom.host.querySelectorAll('.download-chart')].map((g) => g.firstElementChild?.textContent)).toEqual([
      'Verloop:',
      'Kaart:',
    ]);
    await act(async () => chartButtons[0]!.click());
    expect(files.map((f) => f.name)).toEqual(['x-trend.svg']);
    const text = await files[0]!.blob.text();
    expect(text).toContain('height="170"');
    expect(text).toContain('>Bron: CBS</text></svg>');
    await act(async () => chartButtons[2]!.click());
    expect(dom.host.querySelector('.download-error')!.textContent).toBe(
      'Downloaden lukte niet: De grafiek Kaart is nog niet getekend.',
    );
    expect(files).toHaveLength(1);
  });
});
