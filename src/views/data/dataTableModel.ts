import type { I18n } from '../../app/i18n/index.tsx';
import { missingReason } from '../../app/missingReason.ts';
import { nameIn } from '../../data/areaPeriods.ts';
import type { Area, Indicator } from '../../data/package.ts';
import type { ExportColumn, ExportTable } from '../../export/csv.ts';
import type { DataTableRow } from '../../queries/dataTable.ts';

/**
 * The Data view's table, shown and downloaded alike (CSV, Excel). An area CBS renamed keeps its current name in
 * "Gebied" on every row — a pivot table or filter on the name then keeps the area together — and, when an
 * area of the level was renamed, "Naam in dat jaar" gives the name it had in the row's year, as that year's sources
 * and reports call it.
 */
export function dataTableModel(
  rows: readonly DataTableRow[],
  {
    indicators,
    areas,
    decimals,
    i18n,
  }: {
    indicators: ReadonlyMap<string, Indicator>;
    areas: ReadonlyMap<string, Area>;
    /** The value column's decimals: the most any chosen indicator has. */
    decimals: number;
    i18n: Pick<I18n, 't' | 'label'>;
  },
): ExportTable {
  const { t } = i18n;
  // Per level, so a level's columns do not depend on the years or indicators chosen.
  const levels = new Set(rows.map((r) => r.level));
  const renamed = [...areas.values()].some((a) => a.names !== undefined && levels.has(a.level));
  const columns: ExportColumn[] = [
    { key: 'code', label: t('dataPage.col.code'), kind: 'text' },
    { key: 'name', label: t('dataPage.col.name'), kind: 'text' },
    ...(renamed ? [{ key: 'name_then', label: t('dataPage.col.nameThen'), kind: 'text' } as const] : []),
    { key: 'indicator', label: t('dataPage.col.indicator'), kind: 'text' },
    { key: 'period', label: t('dataPage.col.period'), kind: 'integer', grouping: false },
    { key: 'value', label: t('dataPage.col.value'), kind: 'number', decimals, suppressible: true },
    { key: 'numerator', label: t('dataPage.col.numerator'), kind: 'number', decimals: 0 },
    { key: 'denominator', label: t('dataPage.col.denominator'), kind: 'number', decimals: 0 },
  ];
  return {
    columns,
    rows: rows.map((r) => {
      const area = areas.get(r.code);
      const indicator = indicators.get(r.indicator);
      return {
        code: r.code,
        name: area?.name ?? r.name,
        ...(renamed && { name_then: area ? nameIn(area, r.period) : r.name }),
        indicator: indicator ? i18n.label(indicator) : r.indicator,
        period: r.period,
        value: r.value,
        numerator: r.numerator,
        denominator: r.denominator,
      };
    }),
    suppressed: rows.map((r) => (r.suppressed ? ['value'] : undefined)),
    reasons: rows.map((r) => {
      const reason = missingReason(r);
      return reason ? { value: reason } : undefined;
    }),
  };
}
