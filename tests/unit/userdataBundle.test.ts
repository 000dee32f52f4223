import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateAims, validateAreas, validateIndicators } from '../../src/data/validate.ts';
import { openZip, writeZip } from '../../src/data/zip.ts';
import {
  BundleError,
  conflictCopyId,
  exportBundle,
  importBundle,
  mergeEntities,
  packageAimsCsv,
  readBundle,
  writeBundle,
} from '../../src/userdata/bundle.ts';
import { loadAgenda, memoryEntityStore } from '../../src/userdata/store.ts';
import type { BundleIssue, Toelichting, UserAim, UserKind, WijkSignal } from '../../src/userdata/types.ts';

const GM = 'GM0363';
const aim: UserAim = {
  id: 'aim-1',
  updatedAt: 1_700_000_000_000,
  indicator_id: 'jeugdzorg',
  area_code: 'WK036301',
  baseline_period: 2022,
  target_period: 2027,
  target_value: 9.5,
  direction: 'down',
  label_nl: 'Minder jongeren in de jeugdzorg in Noorddorp: 9 % in 2027',
  label_en: 'Fewer young people in youth care in Noorddorp',
  agreed_with: 'wijkraad Noorddorp, met bewoners',
  agreed_on: '2026-03-12',
  origin: 'concept',
};
const bandAim: UserAim = {
  ...aim,
  id: 'aim-2',
  area_code: null,
  level: 'wijk',
  target_value: null,
  target_band: { low: 8, high: 10 },
  label_nl: 'Tussen 8 en 10 % in alle wijken',
  label_en: '',
  agreed_with: '',
  agreed_on: '',
  origin: 'vastgesteld',
  history: [1, 2],
};
const note: Toelichting = {
  id: 'note-1',
  updatedAt: 1_700_000_000_100,
  area_code: 'WK036301',
  indicator_id: null,
  theme: 'jeugd',
  text: 'De stijging komt door de nieuwe jeugdhulplocatie aan de Dorpsstraat,\ndie in 2024 opende. "Zie" https://example.org',
  author: 'Anna',
  date: '2026-03-01',
};
const signal: WijkSignal = {
  id: 'sig-1',
  updatedAt: 1_700_000_000_200,
  area_code: 'WK036301',
  date: '2026-02-20',
  theme: 'armoede',
  source: 'anders',
  source_other: 'buurtsportcoach',
  text: 'Meer kinderen zonder ontbijt op school.',
  deleted: true,
};

const partsOf = async (bytes: Uint8Array) => {
  const zip = openZip(bytes);
  const parts: Record<string, string> = {};
  for (const n of zip.names) parts[n] = new TextDecoder().decode((await zip.read(n))!);
  return parts;
};

/** A bundle with one part replaced. */
async function withPart(bytes: Uint8Array, name: string, text: string): Promise<Uint8Array> {
  const parts = await partsOf(bytes);
  parts[name] = text;
  return writeZip(Object.entries(parts).map(([n, t]) => ({ name: n, data: new TextEncoder().encode(t) })));
}

async function issues(run: () => Promise<unknown>): Promise<BundleIssue[]> {
  try {
    await run();
  } catch (error) {
    if (error instanceof BundleError) return error.issues;
    throw error;
  }
  throw new Error('expected a BundleError');
}

const all = { aims: [aim, bandAim], notes: [note], signals: [signal] };

describe('the wijkagenda bundle', () => {
  it('is one zip with bundle.json and the three CSVs, and reads back to the same entities', async () => {
    const { name, bytes } = await writeBundle(GM, all, new Date('2026-03-14T10:00:00Z'));
    expect(name).toBe('wijkagenda-GM0363-2026-03-14.zip');
    const parts = await partsOf(bytes);
    expect(Object.keys(parts)).toEqual(['bundle.json', 'aims.csv', 'notes.csv', 'signals.csv']);
    expect(JSON.parse(parts['bundle.json']!)).toEqual({
      format: 'gebiedskompas-wijkagenda',
      format_version: 1,
      gemeente: GM,
      exported_at: '2026-03-14T10:00:00.000Z',
    });
    expect(parts['aims.csv']!.split('\n')[0]).toBe(
      'indicator_id,area_code,baseline_period,target_period,target_value,direction,label_nl,label_en,target_low,target_high,agreed_with,agreed_on,origin,level,id,updated_at,history,deleted,conflict_of',
    );
    expect(await readBundle(bytes, GM)).toEqual({
      aims: [aim, { ...bandAim, label_en: '' }],
      notes: [note],
      signals: [signal],
    });
  });

  it('writes aims for a package in the aims.csv format the package validator reads, agreed_with and agreed_on included', () => {
    const mini = join(import.meta.dirname, '..', 'fixtures', 'packages', 'mini');
    const read = (file: string) => readFileSync(join(mini, file), 'utf8');
    const own = { ...aim, indicator_id: 'jeugdwerkloosheid', area_code: 'WK999901' };
    const csv = packageAimsCsv([own, { ...own, id: 'x', deleted: true, target_period: 2030 }, bandAim]);
    const [parsed, ...rest] = validateAims(
      csv,
      validateIndicators(read('indicators.csv')),
      validateAreas(read('areas.geojson')),
      [2021, 2022, 2023],
    );
    expect(rest).toEqual([]);
    expect(parsed).toEqual({
      indicator_id: 'jeugdwerkloosheid',
      area_code: 'WK999901',
      baseline_period: 2022,
      target_period: 2027,
      target_value: 9.5,
      direction: 'down',
      label_nl: aim.label_nl,
      label_en: aim.label_en,
      agreed_with: aim.agreed_with,
      agreed_on: aim.agreed_on,
    });
  });

  it('neutralises hostile text for spreadsheets and restores it on import, unchanged', async () => {
    const hostile = [
      '<img src=x onerror=alert(1)>',
      '=HYPERLINK("http://ev.il","klik")',
      '@SUM(1+1)',
      '+31 6 12345678',
      '-2+3',
      '\u202Egnp.exe',
      '\u202E=1+1',
      '\tverborgen',
    ];
    const notes = hostile.map((text, i): Toelichting => ({ ...note, id: `n${i}`, text, author: text.slice(0, 20) }));
    const { bytes } = await writeBundle(GM, { aims: [], notes, signals: [] });
    const csv = (await partsOf(bytes))['notes.csv']!;
    expect(csv).toContain(`'=HYPERLINK(""http://ev.il"",""klik"")`);
    expect(csv).toContain("'@SUM(1+1)");
    expect(csv).toContain("'+31 6 12345678");
    expect(csv).toContain("'-2+3");
    expect(csv).toContain("'\tverborgen");
    // No cell of the file starts with a formula character.
    for (const line of csv.split('\n').slice(1)) {
      for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect((await readBundle(bytes, GM)).notes.map((n) => [n.text, n.author])).toEqual(
      hostile.map((t) => [t, t.slice(0, 20)]),
    );
  });

  it('names every bad cell by file, row and column, and stores nothing then', async () => {
    const { bytes } = await writeBundle(GM, all);
    const header = (await partsOf(bytes))['notes.csv']!.split('\n')[0];
    const broken = await withPart(
      bytes,
      'notes.csv',
      `${header}\nWK036301,,jeugd,${'x'.repeat(1001)},Anna,2026-03-01,n1,5,,,\nWK036301,,jeugd,tekst,Anna,1 maart,n2,5,,,\nWK036301,,sport,tekst,Anna,2026-03-01,n3,5,,,\n`,
    );
    const store = memoryEntityStore();
    expect(await issues(() => importBundle(store, GM, broken))).toEqual([
      { file: 'notes.csv', row: 2, column: 'text', code: 'tooLong', params: { length: 1001, limit: 1000 } },
      { file: 'notes.csv', row: 3, column: 'date', code: 'notDate', params: { value: '1 maart' } },
      {
        file: 'notes.csv',
        row: 4,
        column: 'theme',
        code: 'invalidEnum',
        params: { value: 'sport', allowed: 'jeugd, zorg, werk, armoede, gezondheid, meedoen, bevolking' },
      },
    ]);
    // A row with too few fields is a CSV error of its own, with its row.
    const short = await withPart(bytes, 'notes.csv', `${header}\nWK036301,,jeugd,tekst,Anna\n`);
    expect(await issues(() => readBundle(short, GM))).toEqual([
      expect.objectContaining({ file: 'notes.csv', row: 2, code: 'wrongFieldCount' }),
    ]);
    expect((await loadAgenda(store, GM)).all).toEqual({ aims: [], notes: [], signals: [] });
  });

  it('refuses a file that is not a bundle, of another gemeente, or of a newer format', async () => {
    const { bytes } = await writeBundle(GM, all);
    expect(await issues(() => readBundle(new TextEncoder().encode('a,b\n1,2\n'), GM))).toEqual([
      { file: 'bundle', code: 'notBundle', params: { reason: 'no zip directory found' } },
    ]);
    expect(await issues(() => readBundle(bytes, 'GM0599'))).toEqual([
      { file: 'bundle.json', column: 'gemeente', code: 'otherGemeente', params: { value: GM, gemeente: 'GM0599' } },
    ]);
    const newer = await withPart(
      bytes,
      'bundle.json',
      JSON.stringify({ format: 'gebiedskompas-wijkagenda', format_version: 2, gemeente: GM }),
    );
    expect(await issues(() => readBundle(newer, GM))).toEqual([
      { file: 'bundle.json', column: 'format_version', code: 'newerFormat', params: { value: '2', supported: 1 } },
    ]);
    const noNotes = await writeZip(
      Object.entries(await partsOf(bytes))
        .filter(([n]) => n !== 'notes.csv')
        .map(([n, t]) => ({ name: n, data: new TextEncoder().encode(t) })),
    );
    expect(await issues(() => readBundle(noNotes, GM))).toEqual([{ file: 'notes.csv', code: 'missingFile' }]);
  });
});

describe('merging an imported bundle', () => {
  const merge = <K extends UserKind>(kind: K, local: UserAim[] | Toelichting[], imported: UserAim[] | Toelichting[]) =>
    mergeEntities(kind, local as never, imported as never);

  it('adds what is new and leaves identical entities alone', () => {
    const { write, report } = merge('notes', [note], [note, { ...note, id: 'note-2' }]);
    expect(report).toEqual({ added: 1, updated: 0, unchanged: 1, conflicts: [] });
    expect(write.map((n) => n.id)).toEqual(['note-2']);
    // The same content saved at another moment is still the same note.
    expect(merge('notes', [note], [{ ...note, updatedAt: note.updatedAt + 5 }]).report.unchanged).toBe(1);
  });

  it('takes over a version edited from ours, and keeps ours when it was edited from theirs', () => {
    const edited = { ...note, text: 'Bijgewerkt.', updatedAt: note.updatedAt + 10, history: [note.updatedAt] };
    const forward = merge('notes', [note], [edited]);
    expect(forward.report).toEqual({ added: 0, updated: 1, unchanged: 0, conflicts: [] });
    expect(forward.write).toEqual([edited]);
    const backward = merge('notes', [edited], [note]);
    expect(backward.report).toEqual({ added: 0, updated: 0, unchanged: 1, conflicts: [] });
    expect(backward.write).toEqual([]);
  });

  it('keeps both versions of an aim edited on both sides and names the conflict', () => {
    const ours = { ...aim, target_value: 8, updatedAt: aim.updatedAt + 10, history: [aim.updatedAt] };
    const theirs = {
      ...aim,
      label_nl: 'Naar 10 %',
      target_value: 10,
      updatedAt: aim.updatedAt + 20,
      history: [aim.updatedAt],
    };
    const { write, report } = merge('aims', [ours], [theirs]);
    const copyId = conflictCopyId(aim.id, theirs.updatedAt);
    expect(report).toEqual({
      added: 0,
      updated: 0,
      unchanged: 0,
      conflicts: [{ kind: 'aims', id: aim.id, copyId, label: 'Naar 10 %' }],
    });
    expect(write).toEqual([{ ...theirs, id: copyId, conflictOf: aim.id }]);
    // Importing the same bundle again does not make a second copy.
    expect(merge('aims', [ours, ...(write as UserAim[])], [theirs]).report).toEqual({
      added: 0,
      updated: 0,
      unchanged: 1,
      conflicts: [],
    });
  });

  it('respects deletions: a newer tombstone deletes, an older copy does not bring a deleted entity back', () => {
    const tombstone = { ...note, deleted: true, updatedAt: note.updatedAt + 10, history: [note.updatedAt] };
    const deletes = merge('notes', [note], [tombstone]);
    expect(deletes.report.updated).toBe(1);
    expect(deletes.write).toEqual([tombstone]);
    const revived = merge('notes', [tombstone], [note]);
    expect(revived.report).toEqual({ added: 0, updated: 0, unchanged: 1, conflicts: [] });
    expect(revived.write).toEqual([]);
    // A tombstone of something never seen is kept (so that it is not added later), but adds nothing visible.
    const unseen = merge('notes', [], [tombstone]);
    expect(unseen.report).toEqual({ added: 0, updated: 0, unchanged: 1, conflicts: [] });
    expect(unseen.write).toEqual([tombstone]);
  });

  it('exports from one browser and imports into a fresh one: the same agenda, then a no-op', async () => {
    const mine = memoryEntityStore();
    await mine.put('aims', GM, [aim, bandAim]);
    await mine.put('notes', GM, [note]);
    await mine.put('signals', GM, [signal, { ...signal, id: 'sig-2', deleted: undefined }]);
    await mine.put('notes', 'GM0599', [{ ...note, id: 'elders' }]);
    const { bytes } = await exportBundle(mine, GM);

    const colleague = memoryEntityStore();
    expect(await importBundle(colleague, GM, bytes)).toEqual({ added: 4, updated: 0, unchanged: 1, conflicts: [] });
    const theirs = await loadAgenda(colleague, GM);
    const ours = await loadAgenda(mine, GM);
    expect(theirs.agenda).toEqual({ ...ours.agenda, aims: [aim, { ...bandAim, label_en: '' }] });
    expect(theirs.all.signals.find((s) => s.id === 'sig-1')?.deleted).toBe(true);
    expect(await importBundle(colleague, GM, bytes)).toEqual({ added: 0, updated: 0, unchanged: 5, conflicts: [] });
  });
});
