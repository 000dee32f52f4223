/**
 * The observation partitions. Two passes over the model, each holding one indicator (or one gemeente) at a time:
 * per area → obs/area/<code>.arrow (every indicator and period of one area, NL00 included: what one area's Kompas
 * and trend need); per indicator → obs/ip/<indicator>/<period>.arrow (every area: one map). The model's streams are named per (indicator, gemeente), so the two
 * passes produce the same rows. Rows are sorted by (indicator_id, period, area_code) in every file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareStrings } from '../demo/csv.ts';
import { LAND } from '../demo/layout.ts';
import { ObservationColumns, observationsIpc } from './arrow.ts';
import type { NatIndicator } from './indicator-model.ts';
import { type Block, localAreas, type ModelContext, nationalBlock, simulate } from './model.ts';

export interface PassResult {
  rows: number;
  files: number;
  bytes: number;
}

/** Ids whose numerators other indicators use. */
function dependencies(indicators: readonly NatIndicator[]): Set<string> {
  const ids = new Set<string>();
  for (const { model: m } of indicators) {
    if (m.kind === 'rate' && typeof m.base === 'object') ids.add(m.base.numeratorOf);
    if (m.kind === 'count' && typeof m.of === 'object') ids.add(m.of.numeratorOf);
  }
  return ids;
}

function localCodes(ctx: ModelContext, g: number): string[] {
  const { regions } = ctx;
  const { buurten, wijken } = localAreas(regions, g);
  return [
    ...buurten.map((b) => regions.buurtCode[b]!),
    ...wijken.map((w) => regions.wijkCode[w]!),
    regions.gemeenteCode[g]!,
  ];
}

/** The permutation that sorts `codes`. */
function sortedOrder(codes: readonly string[]): number[] {
  return codes.map((_, i) => i).sort((a, b) => compareStrings(codes[a]!, codes[b]!));
}

function write(path: string, columns: ObservationColumns, result: PassResult) {
  const bytes = observationsIpc(columns);
  writeFileSync(path, bytes);
  result.rows += columns.length;
  result.files++;
  result.bytes += bytes.byteLength;
}

/** National rows of every indicator (tiny; computed once, used by both passes). */
export function nationalBlocks(indicators: readonly NatIndicator[]): Map<string, Block | null> {
  const blocks = new Map<string, Block | null>();
  for (const ind of indicators)
    blocks.set(
      ind.id,
      nationalBlock(ind, (id) => blocks.get(id)!),
    );
  return blocks;
}

export function writeAreaFiles(
  ctx: ModelContext,
  indicators: readonly NatIndicator[],
  nl: Map<string, Block | null>,
  out: string,
  progress: (done: number, total: number) => void,
): PassResult {
  const result: PassResult = { rows: 0, files: 0, bytes: 0 };
  mkdirSync(join(out, 'obs', 'area'), { recursive: true });
  const ids = indicators.map((i) => i.id).sort(compareStrings);
  const total = ctx.regions.gemeenten.length;
  for (let g = 0; g < total; g++) {
    const blocks = new Map<string, Block>();
    for (const ind of indicators)
      blocks.set(
        ind.id,
        simulate(ctx, ind, g, (id) => blocks.get(id)!),
      );
    const codes = localCodes(ctx, g);
    const perArea = indicators.reduce((sum, i) => sum + i.years.length, 0);
    for (const local of sortedOrder(codes)) {
      const code = codes[local]!;
      const columns = new ObservationColumns(perArea, [code], ids);
      ids.forEach((id, k) => {
        const block = blocks.get(id)!;
        block.years.forEach((year, yi) => {
          const j = yi * block.n + local;
          columns.push(0, k, year, block.value[j]!, block.num[j]!, block.den[j]!);
        });
      });
      write(join(out, 'obs', 'area', `${code}.arrow`), columns, result);
    }
    progress(g + 1, total);
  }
  const withNL = ids.filter((id) => nl.get(id));
  const columns = new ObservationColumns(
    withNL.reduce((s, id) => s + nl.get(id)!.years.length, 0),
    [LAND.code],
    ids,
  );
  for (const id of withNL) {
    const block = nl.get(id)!;
    block.years.forEach((year, yi) => {
      columns.push(0, ids.indexOf(id), year, block.value[yi]!, block.num[yi]!, block.den[yi]!);
    });
  }
  write(join(out, 'obs', 'area', `${LAND.code}.arrow`), columns, result);
  return result;
}

export function writeIndicatorFiles(
  ctx: ModelContext,
  indicators: readonly NatIndicator[],
  nl: Map<string, Block | null>,
  out: string,
  progress: (done: number, total: number) => void,
): PassResult {
  const result: PassResult = { rows: 0, files: 0, bytes: 0 };
  const { regions } = ctx;
  const G = regions.gemeenten.length;
  // Every area's position in code order (NL00 included).
  const local = regions.gemeenten.map((_, g) => localCodes(ctx, g));
  const allCodes = [LAND.code, ...local.flat()].sort(compareStrings);
  const position = new Map(allCodes.map((c, i) => [c, i]));
  const positions = local.map((codes) => codes.map((c) => position.get(c)!));
  const nlPosition = position.get(LAND.code)!;
  const N = allCodes.length;
  const needed = dependencies(indicators);
  const kept = new Map<string, Block[]>();
  indicators.forEach((ind, k) => {
    const Y = ind.years.length;
    const value = new Float64Array(Y * N);
    const num = new Float64Array(Y * N);
    const den = new Float64Array(Y * N);
    const blocks: Block[] = [];
    for (let g = 0; g < G; g++) {
      const block = simulate(ctx, ind, g, (id) => kept.get(id)![g]!);
      if (needed.has(ind.id)) blocks.push(block);
      for (let yi = 0; yi < Y; yi++)
        positions[g]!.forEach((pos, j) => {
          const from = yi * block.n + j;
          value[yi * N + pos] = block.value[from]!;
          num[yi * N + pos] = block.num[from]!;
          den[yi * N + pos] = block.den[from]!;
        });
    }
    if (needed.has(ind.id)) kept.set(ind.id, blocks);
    const national = nl.get(ind.id) ?? null;
    const codes = national ? allCodes : allCodes.filter((c) => c !== LAND.code);
    const dir = join(out, 'obs', 'ip', ind.id);
    mkdirSync(dir, { recursive: true });
    ind.years.forEach((year, yi) => {
      if (national) {
        value[yi * N + nlPosition] = national.value[yi]!;
        num[yi * N + nlPosition] = national.num[yi]!;
        den[yi * N + nlPosition] = national.den[yi]!;
      }
      const columns = new ObservationColumns(codes.length, codes, [ind.id]);
      for (let pos = 0; pos < N; pos++) {
        if (pos === nlPosition && !national) continue;
        const j = yi * N + pos;
        columns.push(columns.length, 0, year, value[j]!, num[j]!, den[j]!);
      }
      write(join(dir, `${year}.arrow`), columns, result);
    });
    progress(k + 1, indicators.length);
  });
  return result;
}
