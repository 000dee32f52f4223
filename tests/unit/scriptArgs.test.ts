/** The scripts' command lines, all on Node's util.parseArgs (scripts/args.ts) with the same wording of errors. */
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../scripts/args.ts';
import { parseOptions } from '../../scripts/bench/options.ts';
import { parseFetchArgs } from '../../scripts/cbs/fetch/options.ts';
import { parseImportArgs } from '../../scripts/import-cbs.ts';
import { parseArgs as parseNationalArgs, SCALES } from '../../scripts/national/options.ts';

const firstLine = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as Error).message.split('\n')[0];
  }
  return 'no error';
};

describe('parseCommandLine', () => {
  const flags = { out: { type: 'string' }, quick: { type: 'boolean' } } as const;

  it('reads --flag value and --flag=value', () => {
    expect(parseCommandLine(['--out', 'a', '--quick'], flags).values).toEqual({ out: 'a', quick: true });
    expect(parseCommandLine(['--out=b'], flags).values).toEqual({ out: 'b' });
  });

  it('words every refusal the same way', () => {
    expect(firstLine(() => parseCommandLine(['--x'], flags))).toBe('unknown option --x');
    expect(firstLine(() => parseCommandLine(['--out'], flags))).toBe('--out needs a value');
    expect(firstLine(() => parseCommandLine(['--quick=1'], flags))).toBe('--quick takes no value');
    expect(firstLine(() => parseCommandLine(['stray'], flags))).toBe('unexpected argument stray');
  });
});

describe('the scripts use it', () => {
  it('bench', () => {
    expect(parseOptions(['--quick', '--runs=3', '--only', 'app'], '/repo')).toMatchObject({
      quick: true,
      runs: 3,
      dataDir: '/repo/data',
      dataset: 'demo',
      targets: ['app'],
      networkTargets: ['app', 'baseline'],
    });
    expect(parseOptions(['--network', 'app'], '/repo').networkTargets).toEqual(['app']);
    expect(parseOptions(['--network=none'], '/repo').networkTargets).toEqual([]);
    expect(firstLine(() => parseOptions(['--network', 'baseline'], '/repo'))).toBe('--network: both, app or none');
    expect(firstLine(() => parseOptions(['--bogus', '1'], '/repo'))).toBe('unknown option --bogus');
    expect(firstLine(() => parseOptions(['--runs=x'], '/repo'))).toBe('--runs must be a non-negative number');
  });

  it('generate:national', () => {
    expect(parseNationalArgs(['--scale', 'small', '--seed=7', '--out', 'x'])).toEqual({
      out: 'x',
      scale: SCALES.small,
      seed: 7,
      firstOnly: false,
    });
    expect(parseNationalArgs(['--first-only', '--out', 'x'])).toMatchObject({ out: 'x', firstOnly: true });
    expect(firstLine(() => parseNationalArgs(['--first-only', '--scale', 'small']))).toBe(
      '--first-only rewrites a written package: no --scale or --seed',
    );
    expect(firstLine(() => parseNationalArgs(['--scale', 'big']))).toBe('--scale must be full or small');
    expect(firstLine(() => parseNationalArgs(['--seed']))).toBe('--seed needs a value');
  });

  it('fetch:cbs and import:cbs', () => {
    expect(
      parseFetchArgs(['--gemeente', 'GM1979', '--gemeente=GM0014', '--years', '2024', '--out', 'x'], {}),
    ).toMatchObject({ gemeenten: ['GM1979', 'GM0014'], years: [2024], out: 'x' });
    expect(firstLine(() => parseFetchArgs(['--gemeente', '--years', '2024'], {}))).toBe('--gemeente needs a value');
    expect(firstLine(() => parseFetchArgs(['--colour', 'red'], {}))).toBe('unknown option --colour');
    expect(parseImportArgs(['--out', 'data/x', 'kwb-2024.csv'])).toMatchObject({
      out: 'data/x',
      files: ['kwb-2024.csv'],
    });
    expect(firstLine(() => parseImportArgs(['--out']))).toBe('--out needs a value');
  });
});
