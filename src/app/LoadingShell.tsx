import { lazy, Suspense, useMemo } from 'react';
import { areasOfPeriod, namedIn } from '../data/areaPeriods.ts';
import type { PackageMetadata } from '../data/packageMetadata.ts';
import { AreaPicker } from '../views/picker/AreaPicker.tsx';
import { useI18n } from './i18n/index.tsx';
import { LoadingProgress } from './LoadingProgress.tsx';
import type { LoadProgress } from './useSession.ts';

// The print report's static map draws the outline; d3-geo comes in its own chunk, while DuckDB starts.
const AreaMiniMap = lazy(() => import('../views/print/AreaMiniMap.tsx').then((m) => ({ default: m.AreaMiniMap })));

export interface LoadingShellProps {
  metadata: PackageMetadata;
  progress: LoadProgress;
  /** The area and year the URL asks for (else the package's default area and its latest year). */
  area: string | null;
  period: number | null;
  onSelect(code: string): void;
}

/**
 * The dashboard's frame while DuckDB starts and loads the observations: the area list (usable: a choice goes into the
 * URL), the gemeente's outline where the map will be, and in the Kompas's place what is loading, step by step.
 */
export function LoadingShell({
  metadata,
  progress,
  area: requested,
  period: requestedPeriod,
  onSelect,
}: LoadingShellProps) {
  const i18n = useI18n();
  const periods = metadata.meta.periods;
  const period =
    requestedPeriod !== null && periods.includes(requestedPeriod)
      ? requestedPeriod
      : (periods[periods.length - 1] ?? 0);
  const named = useMemo(() => namedIn(metadata.areas, period), [metadata.areas, period]);
  const area =
    named.find((a) => a.code === requested) ?? named.find((a) => a.code === metadata.meta.default_area) ?? named[0];
  const pickerAreas = useMemo(() => areasOfPeriod(named, period, area?.code ?? null), [named, period, area]);
  const neighbours = useMemo(
    () => (area ? named.filter((a) => a.level === area.level && a.gemeente === area.gemeente).map((a) => a.code) : []),
    [named, area],
  );
  const gemeente = named.find((a) => a.code === area?.gemeente);
  return (
    <div className="layout loading-shell">
      <AreaPicker areas={pickerAreas} selected={area?.code ?? null} onSelect={onSelect} />
      <div className="center">
        <div className="map-panel">
          <div className="map map-outline">
            {metadata.outline && area && (
              <Suspense fallback={null}>
                <AreaMiniMap
                  collection={metadata.outline}
                  highlight={area.code}
                  codes={neighbours}
                  period={period}
                  width={560}
                  height={440}
                  ariaLabel={i18n.t('print.mapAria', { gemeente: gemeente?.name ?? '', area: area.name })}
                />
              </Suspense>
            )}
          </div>
        </div>
      </div>
      <section className="kompas" aria-busy="true" aria-labelledby="kompas-title">
        <h2 id="kompas-title">{area ? i18n.t('kompas.title', { area: area.name }) : i18n.t('app.title')}</h2>
        <LoadingProgress progress={progress} />
      </section>
    </div>
  );
}
