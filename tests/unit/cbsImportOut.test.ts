/**
 * The importer's --out folder: what it may replace (new, empty, or its own earlier package) and what it refuses
 * untouched; the package is swapped in whole. Uses the small kwb fixture, so it runs without the real CBS files.
 */
import { execFile } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError, importCbs } from '../../scripts/cbs/importCbs.ts';
import { GENERATOR, replaceWithStaged } from '../../scripts/cbs/outFolder.ts';
import { parseImportArgs } from '../../scripts/import-cbs.ts';
import { PACKAGE_FILES } from '../../src/data/package.ts';
import { validateDatasetMeta } from '../../src/data/validate.ts';
import { FIXTURES, readPackage } from '../fixtures/readPackage.ts';

/** What the importer writes: the package files and its precomputed first view (src/data/firstView.ts). */
const WRITTEN = [...PACKAGE_FILES, 'first'];

const KWB = join(FIXTURES, 'cbs', 'kwb-2024.csv');
const NOT_UTF8 = join(FIXTURES, 'cbs', 'not-utf8.csv');
const ROOT = join(import.meta.dirname, '..', '..');

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gk-cbs-out-'));
  temps.push(dir);
  return dir;
}

/** Every path under `dir` with its kind, bytes, mode and times: equal snapshots mean nothing was touched. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (path: string) => {
    const stat = lstatSync(path);
    const key = relative(dir, path) || '.';
    if (stat.isDirectory()) {
      out[key] = `dir ${stat.mode} ${stat.mtimeMs} ${stat.ino}`;
      for (const name of readdirSync(path)) walk(join(path, name));
    } else
      out[key] =
        `${stat.isSymbolicLink() ? 'link' : 'file'} ${stat.mode} ${stat.mtimeMs} ${stat.ino} ` +
        (stat.isFile() ? readFileSync(path).toString('base64') : '');
  };
  walk(dir);
  return out;
}

async function refusal(out: string): Promise<string> {
  try {
    await importCbs({ out, files: [KWB] });
  } catch (error) {
    if (error instanceof ImportError) return error.messages.map((m) => m.text).join('\n');
    throw error;
  }
  throw new Error('expected the import to be refused');
}

function expectPackage(out: string, title?: string) {
  expect(readdirSync(out).sort()).toEqual([...WRITTEN].sort());
  const text = readFileSync(join(out, 'dataset.json'), 'utf8');
  expect(JSON.parse(text).generator).toBe(GENERATOR);
  const meta = validateDatasetMeta(text);
  if (title) expect(meta.title.nl).toBe(title);
}

describe('import:cbs --out', () => {
  it('creates a new folder (and its parents), leaving nothing beside it', async () => {
    const dir = freshDir();
    const out = join(dir, 'a', 'b', 'pkg');
    const result = await importCbs({ out, files: [KWB] });
    expect(result.out).toBe(out);
    expectPackage(out);
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['pkg']);
  });

  it('writes into an empty folder', async () => {
    const dir = freshDir();
    const out = join(dir, 'pkg');
    mkdirSync(out);
    await importCbs({ out, files: [KWB] });
    expectPackage(out);
    expect(readdirSync(dir)).toEqual(['pkg']);
  });

  it('refuses a folder with other content, naming it, and leaves it byte-identical', async () => {
    const dir = freshDir();
    const out = join(dir, 'mine');
    mkdirSync(join(out, 'sub'), { recursive: true });
    writeFileSync(join(out, 'a.txt'), 'my notes\n');
    writeFileSync(join(out, 'sub', 'b.csv'), '1,2\n');
    const before = snapshot(dir);
    expect(await refusal(out)).toBe(
      `--out ${out} holds files that are not a Gebiedskompas package it wrote: a.txt, sub/; choose an empty or new folder`,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a package it did not write (no marker), and its own package with a stranger in it', async () => {
    const dir = freshDir();
    const other = join(dir, 'other');
    mkdirSync(other);
    const mini = readPackage(join(FIXTURES, 'mini'));
    for (const name of PACKAGE_FILES) writeFileSync(join(other, name), mini[name]);
    const before = snapshot(dir);
    expect(await refusal(other)).toContain(
      'holds files that are not a Gebiedskompas package it wrote: aims.csv, areas.geojson, dataset.json, ' +
        'indicators.csv, observations.csv; choose',
    );
    expect(snapshot(dir)).toEqual(before);

    const own = join(dir, 'own');
    await importCbs({ out: own, files: [KWB] });
    writeFileSync(join(own, 'notes.txt'), 'keep me\n');
    const withNotes = snapshot(dir);
    expect(await refusal(own)).toContain('package it wrote: notes.txt; choose an empty or new folder');
    expect(snapshot(dir)).toEqual(withNotes);
  });

  it('refuses a file, and a link, as --out', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'file'), 'x');
    mkdirSync(join(dir, 'target'));
    symlinkSync(join(dir, 'target'), join(dir, 'link'));
    const before = snapshot(dir);
    expect(await refusal(join(dir, 'file'))).toBe(
      `--out ${join(dir, 'file')} is not a folder; choose an empty or new folder`,
    );
    expect(await refusal(join(dir, 'link'))).toContain('is not a folder');
    expect(snapshot(dir)).toEqual(before);
  });

  it('replaces its own earlier package, carrying the fetch:cbs downloads (.sources) along', async () => {
    const dir = freshDir();
    const out = join(dir, 'pkg');
    await importCbs({ out, files: [KWB], title: 'Eerste' });
    mkdirSync(join(out, '.sources', '2024'), { recursive: true });
    writeFileSync(join(out, '.sources', '2024', 'kwb.csv'), 'download\n');
    await importCbs({ out, files: [KWB], title: 'Tweede' });
    expect(readdirSync(out).sort()).toEqual(['.sources', ...WRITTEN].sort());
    expect(validateDatasetMeta(readFileSync(join(out, 'dataset.json'), 'utf8')).title.nl).toBe('Tweede');
    expect(readFileSync(join(out, '.sources', '2024', 'kwb.csv'), 'utf8')).toBe('download\n');
    // No staging or replaced folder is left beside it.
    expect(readdirSync(dir)).toEqual(['pkg']);
  });

  it('a folder holding only downloads (.sources) counts as empty', async () => {
    const dir = freshDir();
    const out = join(dir, 'pkg');
    mkdirSync(join(out, '.sources'), { recursive: true });
    writeFileSync(join(out, '.sources', 'kwb-2024.csv'), readFileSync(KWB));
    await importCbs({ out, files: [join(out, '.sources', 'kwb-2024.csv')] });
    expect(readdirSync(out).sort()).toEqual(['.sources', ...WRITTEN].sort());
  });

  it('a failed import leaves its own earlier package as it was, and nothing beside it', async () => {
    const dir = freshDir();
    const out = join(dir, 'pkg');
    await importCbs({ out, files: [KWB] });
    const before = snapshot(dir);
    await expect(importCbs({ out, files: [KWB, NOT_UTF8] })).rejects.toBeInstanceOf(ImportError);
    expect(snapshot(dir)).toEqual(before);
  });

  it('when the swap itself fails, the old package stays (or moves back) in place with its downloads', async () => {
    const dir = freshDir();
    const out = join(dir, 'pkg');
    await importCbs({ out, files: [KWB], title: 'Oud' });
    const before = snapshot(out);
    // The new package is gone by the time of the rename: the old one has moved aside already and must come back.
    expect(() => replaceWithStaged(out, join(dir, '.pkg.importing-missing'))).toThrow(/ENOENT/);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['pkg']);

    // With downloads to carry: a staging path that cannot take them fails before anything moves.
    mkdirSync(join(out, '.sources'));
    writeFileSync(join(out, '.sources', 'kwb.csv'), 'download\n');
    const withSources = snapshot(out);
    const staging = join(dir, '.pkg.importing-file');
    writeFileSync(staging, 'not a folder');
    expect(() => replaceWithStaged(out, staging)).toThrow();
    expect(snapshot(out)).toEqual(withSources);
  });

  it('the command exits non-zero with the message and writes nothing', async () => {
    const dir = freshDir();
    const out = join(dir, 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'a.txt'), 'x');
    const before = snapshot(dir);
    const run = promisify(execFile);
    const result = await run(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts', 'import-cbs.ts'), '--out', out, KWB],
      { cwd: ROOT },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `error: --out ${out} holds files that are not a Gebiedskompas package it wrote: a.txt;`,
    );
    expect(result.stderr).toContain('nothing was written');
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(join(out, 'dataset.json'))).toBe(false);
  });
});

describe('import:cbs arguments (util.parseArgs)', () => {
  it('reads the options and the files', () => {
    expect(
      parseImportArgs([
        '--out',
        'data/x',
        '--gemeente=gm1979, GM0014',
        '--period',
        '2024',
        '--code-field',
        'CODE',
        '--title',
        'T',
        '--id',
        'x',
        'a.csv',
        'b.geojson',
      ]),
    ).toEqual({
      out: 'data/x',
      files: ['a.csv', 'b.geojson'],
      gemeenten: ['GM1979', 'GM0014'],
      period: 2024,
      codeField: 'CODE',
      title: 'T',
      id: 'x',
    });
    expect(parseImportArgs(['--out', 'data/x', 'a.csv'])).toEqual({ out: 'data/x', files: ['a.csv'] });
    expect(parseImportArgs(['-h'])).toBeNull();
    expect(parseImportArgs(['--help'])).toBeNull();
  });

  it('words its errors as before', () => {
    const error = (argv: string[]) => {
      try {
        parseImportArgs(argv);
      } catch (e) {
        return (e as Error).message;
      }
      return null;
    };
    expect(error(['--out', 'x', '--foo', 'a.csv'])).toBe('unknown option --foo');
    expect(error(['--out', 'x', '--foo=1', 'a.csv'])).toBe('unknown option --foo');
    expect(error(['a.csv', '--out'])).toBe('--out needs a value');
    expect(error(['a.csv'])).toBe('--out is required (the package folder, e.g. data/eemsdelta)');
    expect(error(['--out', 'x'])).toBe('give at least one CBS file');
    expect(error(['--out', 'x', '--gemeente', '1979', 'a.csv'])).toBe(
      '--gemeente 1979: a gemeente code is GM and four digits, e.g. GM1979',
    );
    expect(error(['--out', 'x', '--period', 'twee', 'a.csv'])).toBe('--period twee: give a year');
  });
});
