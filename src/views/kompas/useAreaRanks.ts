import { useMemo } from 'react';
import type { Dispersion } from '../../compass/dispersion.ts';
import type { KompasTheme } from '../../compass/kompasRows.ts';
import { areaRanks, type Rank } from '../../compass/rankInterval.ts';
import type { Area, Indicator } from '../../data/package.ts';
import { useQuery } from '../../db/useQuery.ts';
import { decodeProfile } from '../../queries/kompas.ts';
import { rankQuery } from '../../queries/rank.ts';

const NONE: ReadonlyMap<string, Rank> = new Map();

/**
 * The area's "positie 12 van 80" per indicator (src/compass/rankInterval.ts), among the areas of its level in its
 * gemeente, in the period each Kompas row shows. Empty while loading, for a gemeente and for a partitioned package.
 */
export function useAreaRanks(input: {
  area: string;
  areas: ReadonlyMap<string, Area>;
  partitioned: boolean;
  themes: readonly KompasTheme[];
  indicators: readonly Indicator[];
  dispersion: Dispersion | null;
}): ReadonlyMap<string, Rank> {
  const { area, areas, partitioned, themes, indicators, dispersion } = input;
  const shown = useMemo(() => {
    const byIndicator = new Map<string, number>();
    for (const theme of themes)
      for (const row of theme.rows) if (row.shownPeriod !== null) byIndicator.set(row.indicator.id, row.shownPeriod);
    return byIndicator;
  }, [themes]);
  const sql = useMemo(
    () => rankQuery(area, areas, [...new Set(shown.values())], partitioned),
    [area, areas, shown, partitioned],
  );
  const rows = useQuery(sql, decodeProfile);
  return useMemo(() => {
    if (!rows.data || dispersion === null || sql === null) return NONE;
    return areaRanks({
      rows: rows.data,
      indicators,
      area,
      periodOf: (id) => shown.get(id) ?? null,
      dispersion,
    });
  }, [rows.data, indicators, area, shown, dispersion, sql]);
}
