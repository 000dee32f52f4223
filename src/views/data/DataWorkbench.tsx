import { useCallback, useMemo } from 'react';
import type { OwnDataState } from '../../app/useOwnData.ts';
import { type LoadedPackage, VIEWS as PACKAGE_VIEWS } from '../../data/load.ts';
import type { Indicator } from '../../data/package.ts';
import type { Connector } from '../../db/connector.ts';
import { readSchema } from '../../queries/sqlGuard.ts';
import { DataPage } from './DataPage.tsx';
import { OwnDataPanel } from './OwnDataPanel.tsx';
import { SqlConsole } from './SqlConsole.tsx';

/** The signal of a query nothing cancels (the schema list). */
const NEVER = new AbortController().signal;

/** The Data view as one lazily loaded chunk: the table with its downloads, own data and the SQL console. */
export function DataWorkbench({
  pkg,
  indicator,
  period,
  own,
  connector,
}: {
  pkg: LoadedPackage;
  indicator: Indicator;
  period: number;
  own: OwnDataState;
  connector: Connector | null;
}) {
  // The SQL console talks to DuckDB directly (no cache: a user's CREATE VIEW must be seen at once), on a connection
  // of its own where there is one, so that its queries can be cancelled and do not hold up the app's.
  const run = useCallback(
    (sql: string, signal: AbortSignal) => {
      if (!connector) return Promise.reject(new Error('no database'));
      return connector.consoleQuery ? connector.consoleQuery(sql, signal) : connector.query(sql);
    },
    [connector],
  );
  const schema = useCallback(() => readSchema((sql) => run(sql, NEVER)), [run]);
  const syntaxError = useCallback((sql: string) => connector?.syntaxError?.(sql) ?? Promise.resolve(null), [connector]);
  const protectedNames = useMemo(() => [...PACKAGE_VIEWS], []);
  return (
    <DataPage pkg={pkg} indicator={indicator} period={period}>
      <OwnDataPanel
        onAdd={own.add}
        onRemove={own.remove}
        files={own.files}
        issues={own.issues}
        template={{ areas: pkg.areas, period: pkg.meta.periods.at(-1) ?? period, fileName: pkg.meta.id }}
      />
      {connector && <SqlConsole run={run} schema={schema} protectedNames={protectedNames} syntaxError={syntaxError} />}
    </DataPage>
  );
}
