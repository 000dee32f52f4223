// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../src/app/i18n/index.tsx';
import { createNodeConnector } from '../../src/db/node.ts';
import { readSchema } from '../../src/queries/sqlGuard.ts';
import { SqlConsole } from '../../src/views/data/SqlConsole.tsx';
import { domHost } from '../fixtures/domHost.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('SqlConsole with a large result', () => {
  let db: Awaited<ReturnType<typeof createNodeConnector>>;
  const dom = domHost();
  const ran: string[] = [];
  const run = (sql: string) => {
    ran.push(sql);
    return db.query(sql);
  };
  const schema = () => readSchema((sql) => db.query(sql));

  beforeAll(async () => {
    db = await createNodeConnector();
    // The console opens with `SELECT * FROM indicators`.
    await db.query("CREATE TABLE indicators AS SELECT range AS x, 'r' || range AS label FROM range(3000)");
  });
  afterAll(() => db?.close());

  const button = (text: string) =>
    [...dom.host.querySelectorAll('button')].find((b) => b.textContent === text) as HTMLButtonElement;
  const status = () => dom.host.querySelector('.sql-status')?.textContent ?? '';

  it('shows the first 1000 rows with the count, and downloads all of them', async () => {
    const children = createElement(SqlConsole, { run, schema, protectedNames: ['indicators'] });
    await act(() => dom.root.render(createElement(I18nProvider, { lang: 'nl', children })));
    await act(async () => button('Uitvoeren').click());
    await vi.waitFor(() => expect(status()).toMatch(/^3\.000 rijen; de tabel toont de eerste 1\.000/));
    expect(status()).toContain('de download bevat alle 3.000');
    expect(dom.host.querySelectorAll('.sql-result tbody tr')).toHaveLength(1000);
    expect(ran).toContain('SELECT * FROM (SELECT * FROM indicators) AS q LIMIT 1001');
    expect(ran).not.toContain('SELECT * FROM indicators');

    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await act(async () => button('Download als CSV').click());
    await vi.waitFor(() => expect(blob).toBeDefined());
    expect(ran.at(-1)).toBe('SELECT * FROM indicators');
    const lines = (await blob!.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(3001);
    expect(lines[0]).toBe('x,label');
    expect(lines.at(-1)).toBe('2999,r2999');
  });

  const type = (value: string) =>
    act(() => {
      const editor = dom.host.querySelector('textarea')!;
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(editor, value);
      editor.dispatchEvent(new Event('input', { bubbles: true }));
    });

  it("reports a typo in DuckDB's words, and still refuses a statement that parses", async () => {
    const syntaxError = (sql: string) => db.syntaxError(sql);
    const children = createElement(SqlConsole, { run, schema, protectedNames: ['indicators'], syntaxError });
    await act(() => dom.root.render(createElement(I18nProvider, { lang: 'en', children })));
    const before = ran.length;
    await type('SELECT 1;\nSELEC 1');
    await act(async () => button('Run').click());
    await vi.waitFor(() => expect(dom.host.querySelector('.sql-error')?.textContent).toContain('LINE 2: SELEC 1'));
    expect(dom.host.querySelector('.sql-error')?.textContent).toContain('syntax error at or near "SELEC"');
    // Called what it is, a syntax error, with DuckDB's words and without their "Parser Error:" prefix.
    expect(dom.host.querySelector('.sql-error p')?.textContent).toMatch(/^Syntax error:/);
    expect(dom.host.querySelector('.sql-error pre')?.textContent).toMatch(/^syntax error at or near "SELEC"/);
    expect(dom.host.querySelector('.sql-refused')).toBeNull();

    await type('DROP VIEW indicators');
    await act(async () => button('Run').click());
    await vi.waitFor(() => expect(dom.host.querySelector('.sql-refused')).not.toBeNull());
    expect(dom.host.querySelector('.sql-error')).toBeNull();

    await type("ATTACH 'x.duckdb'");
    await act(async () => button('Run').click());
    await vi.waitFor(() => expect(dom.host.querySelector('.sql-refused')?.textContent).toContain('ATTACH'));
    expect(ran.length).toBe(before);
  });
});
