import { type ReactNode, useId, useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import type { LoadedPackage } from '../../data/load.ts';
import type { Indicator, Level } from '../../data/package.ts';
import { useQuery } from '../../db/useQuery.ts';
import type { ExportTable } from '../../export/csv.ts';
import { dataTableQuery, decodeDataTable } from '../../queries/dataTable.ts';
import { DataTable } from './DataTable.tsx';
import { DownloadButtons } from './DownloadButtons.tsx';
import { dataTableModel } from './dataTableModel.ts';
import { IndicatorChecklist } from './IndicatorChecklist.tsx';

const TABLE_LEVELS: readonly Level[] = ['gemeente', 'wijk', 'buurt', 'gebied'];

export interface DataPageProps {
  pkg: LoadedPackage;
  indicator: Indicator;
  period: number;
  /** Own data and the SQL console, rendered below the table. */
  children?: ReactNode;
}

/**
 * The policy officer's table: areas × indicators × years of one level, sortable and filterable, and downloadable
 * as exactly what is shown (CSV in Dutch or international notation, Excel), with the source on every row.
 */
export function DataPage({ pkg, indicator, period, children }: DataPageProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const levels = TABLE_LEVELS.filter((l) => pkg.areas.some((a) => a.level === l));
  const [level, setLevel] = useState<Level>(levels.includes('wijk') ? 'wijk' : (levels[0] ?? 'gemeente'));
  const [chosen, setChosen] = useState<string[]>([indicator.id]);
  // A partitioned (national) package loads one file per indicator and year: all years at once would be too much.
  const [year, setYear] = useState<number | null>(pkg.partitions ? period : null);

  const sql = chosen.length > 0 ? dataTableQuery({ indicators: chosen, levels: [level], period: year }) : null;
  const partitions = useMemo(() => {
    const store = pkg.partitions;
    if (!store) return undefined;
    return chosen.flatMap((i) =>
      (year === null ? pkg.meta.periods : [year]).flatMap((p) => store.indicatorPeriod(i, p) ?? []),
    );
  }, [pkg, chosen, year]);
  const { data } = useQuery(sql, decodeDataTable, partitions ?? (pkg.partitions ? [] : undefined));

  const byId = useMemo(() => new Map(pkg.indicators.map((i) => [i.id, i])), [pkg.indicators]);
  const areasByCode = useMemo(() => new Map(pkg.areas.map((a) => [a.code, a])), [pkg.areas]);
  const table = useMemo(
    (): ExportTable =>
      dataTableModel(data ?? [], {
        indicators: byId,
        areas: areasByCode,
        decimals: Math.max(0, ...chosen.map((c) => byId.get(c)?.decimals ?? 0)),
        i18n,
      }),
    [data, chosen, byId, areasByCode, i18n],
  );

  const caption = t('dataPage.caption', {
    indicators: chosen.map((c) => (byId.get(c) ? i18n.label(byId.get(c)!) : c)).join(', '),
    level: t(`level.${level}`),
    period: year === null ? t('dataPage.allPeriods') : String(year),
  });
  return (
    <div className="data-page">
      <h2>{t('dataPage.title')}</h2>
      <p>{t('dataPage.intro')}</p>
      <div className="data-controls">
        <div className="control">
          <label htmlFor={`${id}-level`}>{t('dataPage.level')}</label>
          <select id={`${id}-level`} value={level} onChange={(e) => setLevel(e.target.value as Level)}>
            {levels.map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="control">
          <label htmlFor={`${id}-period`}>{t('dataPage.period')}</label>
          <select
            id={`${id}-period`}
            value={year ?? ''}
            onChange={(e) => setYear(e.target.value === '' ? null : Number(e.target.value))}
          >
            {!pkg.partitions && <option value="">{t('dataPage.allPeriods')}</option>}
            {pkg.meta.periods.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <IndicatorChecklist indicators={pkg.indicators} chosen={chosen} onChange={setChosen} />
      </div>
      {pkg.partitions && <p className="muted">{t('dataPage.partitionedYear')}</p>}
      <DownloadButtons
        table={table}
        baseName={`${pkg.meta.id}-${chosen.join('-')}-${level}-${year ?? 'alle-jaren'}`}
        attribution={pkg.meta.attribution}
      />
      <DataTable table={table} caption={caption} />
      {children}
    </div>
  );
}
