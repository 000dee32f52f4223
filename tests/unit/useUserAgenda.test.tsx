// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { type EntityStore, memoryEntityStore } from '../../src/userdata/store.ts';
import type { UserAgendaApi } from '../../src/userdata/types.ts';
import { useUserAgenda } from '../../src/userdata/useUserAgenda.ts';
import { domHost } from '../fixtures/domHost.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const note = {
  area_code: 'WK036301',
  indicator_id: 'jeugdzorg',
  theme: null,
  text: 'De stijging komt door de nieuwe jeugdhulplocatie.',
  author: 'Anna',
  date: '2026-03-01',
};

type Seen = { api: UserAgendaApi | null };
function Probe({ g, store, seen }: { g: string | null; store: EntityStore; seen: Seen }) {
  seen.api = useUserAgenda(g, store);
  return null;
}

describe('useUserAgenda', () => {
  const dom = domHost();

  let mounts = 0;
  /** Renders the hook for a gemeente over `store` (a fresh page each call); `api()` is its latest value. */
  function mount(gemeente: string | null, store = memoryEntityStore()) {
    const seen: Seen = { api: null };
    const key = ++mounts;
    const render = (g: string | null) =>
      act(() => dom.root.render(<Probe key={key} g={g} store={store} seen={seen} />));
    render(gemeente);
    return { api: () => seen.api!, render, store };
  }

  /** Runs an async action of the hook inside act and waits for the state it sets. */
  async function run<T>(action: () => Promise<T>): Promise<T> {
    let result!: T;
    await act(async () => {
      result = await action();
    });
    return result;
  }

  it('adds, changes and removes a note through the store, and a second page sees the same', async () => {
    const first = mount('GM0363');
    await run(async () => undefined);
    expect(first.api().ready).toBe(true);
    expect(first.api().notes).toEqual([]);

    const added = await run(() => first.api().add('notes', note));
    expect(added).toMatchObject({ ok: true, kept: 'session', reason: 'memory' });
    expect(first.api().kept).toEqual({ kept: 'session', reason: 'memory' });
    expect(first.api().notes.map((n) => n.text)).toEqual([note.text]);
    const id = first.api().notes[0]!.id;

    const changed = await run(() => first.api().update('notes', id, { text: 'Anders verwoord.' }));
    expect(changed.ok).toBe(true);
    expect(first.api().notes).toEqual([expect.objectContaining({ id, text: 'Anders verwoord.', author: 'Anna' })]);

    const refused = await run(() => first.api().update('notes', id, { text: 'x'.repeat(1001) }));
    expect(refused).toEqual({
      ok: false,
      problems: [{ code: 'tooLong', field: 'text', params: { length: 1001, limit: 1000 } }],
    });
    expect(first.api().notes[0]!.text).toBe('Anders verwoord.');

    await run(() => first.api().remove('notes', id));
    expect(first.api().notes).toEqual([]);
  });

  it('shows the agenda of the gemeente it is given, and moves with it', async () => {
    const page = mount('GM0363');
    await run(async () => undefined);
    await run(() => page.api().add('notes', note));
    page.render('GM0599');
    expect(page.api().ready).toBe(false);
    await run(async () => undefined);
    expect(page.api()).toMatchObject({ ready: true, notes: [] });
    page.render('GM0363');
    await run(async () => undefined);
    expect(page.api().notes.map((n) => n.area_code)).toEqual(['WK036301']);
  });

  it('exports a bundle that another browser imports, with the report', async () => {
    const mine = mount('GM0363');
    await run(async () => undefined);
    await run(() => mine.api().add('notes', note));
    await run(() =>
      mine.api().add('signals', {
        area_code: 'WK036301',
        date: '2026-02-20',
        theme: 'armoede',
        source: 'school',
        source_other: '',
        text: '=HYPERLINK("http://ev.il")',
      }),
    );
    const signals = mine.api().exportCsv('signals');
    expect(signals.name).toBe('signals-GM0363.csv');
    expect(signals.text).toContain(`'=HYPERLINK(""http://ev.il"")`);
    expect(mine.api().exportCsv('aims').text.split('\n')[0]).toBe(
      'indicator_id,area_code,baseline_period,target_period,target_value,direction,label_nl,label_en,target_low,target_high,agreed_with,agreed_on',
    );
    const { name, bytes } = await run(() => mine.api().exportBundle());
    expect(name).toMatch(/^wijkagenda-GM0363-\d{4}-\d{2}-\d{2}\.zip$/);

    // Another browser: another store, rendered in place of the first page.
    const colleague = memoryEntityStore();
    const theirs = mount('GM0363', colleague);
    await run(async () => undefined);
    const report = await run(() => theirs.api().importBundle(bytes));
    expect(report).toEqual({ added: 2, updated: 0, unchanged: 0, conflicts: [] });
    expect(theirs.api().signals.map((s) => s.text)).toEqual(['=HYPERLINK("http://ev.il")']);
    expect(theirs.api().notes.map((n) => n.text)).toEqual([note.text]);
  });
});
