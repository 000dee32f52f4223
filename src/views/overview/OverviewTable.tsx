import { type KeyboardEvent, type MouseEvent, memo } from 'react';
import { formatIndicatorNumber } from '../../app/format.ts';
import { type I18n, useI18n } from '../../app/i18n/index.tsx';
import type { AreaOverview, OverviewCell, OverviewSignal } from '../../compass/overview.ts';
import type { Area, Theme } from '../../data/package.ts';
import { OverviewWijkSignals } from '../agenda/AgendaBits.tsx';
import { AIM_ICONS } from '../kompas/AimStatusBadge.tsx';
import { signalSince } from '../kompas/signalText.ts';
import '../kompas/badges.css';
import { isolate } from '../../app/bidi.ts';

export interface OverviewTableProps {
  areas: readonly Area[];
  themes: readonly Theme[];
  rows: ReadonlyMap<string, AreaOverview>;
  caption: string;
  captionId: string;
  /** The name of an area's parent to show under its name (a buurt's wijk), or null. */
  parentName(area: Area): string | null;
  kompasHref(code: string): string;
  onOpenKompas(code: string): void;
}

/** "12,3 per 1.000 lager": the size of a signal's shift in the indicator's unit, and which way it went, in words. */
export function shiftInWords({ indicator, signal }: OverviewSignal, i18n: I18n): string {
  const size = formatIndicatorNumber(Math.abs(signal.difference), indicator, i18n.lang);
  const delta =
    indicator.unit === 'percent'
      ? i18n.t('unit.percentPoints', { value: size })
      : i18n.value(Math.abs(signal.difference), indicator);
  const rounded = Number(signal.difference.toFixed(indicator.decimals));
  if (rounded === 0) return i18n.t('overview.unchanged');
  return i18n.t(rounded > 0 ? 'overview.higher' : 'overview.lower', { delta });
}

function SignalItem({ item }: { item: OverviewSignal }) {
  const i18n = useI18n();
  const { indicator, signal } = item;
  // The icon follows the value (▲ up, ▼ down) as in the Kompas's verdict badges; the word says better or worse.
  const icon = signal.difference > 0 ? '▲' : signal.difference < 0 ? '▼' : '=';
  return (
    <li
      className="ov-signal"
      data-indicator={indicator.id}
      data-verdict={signal.verdict}
      data-signal-status={signal.status}
    >
      <span className={`badge ov-badge verdict-${signal.verdict}`}>
        <span className="badge-icon" aria-hidden="true">
          {icon}
        </span>{' '}
        <span>{i18n.t(`compass.verdict.${signal.verdict}`)}</span>
      </span>{' '}
      <span className={`ov-status ov-status-${signal.status}`}>{i18n.t(`signals.status.${signal.status}`)}</span>{' '}
      <span className="ov-signal-label">{i18n.label(indicator)}</span>{' '}
      <span className="ov-signal-change">
        {shiftInWords(item, i18n)}, {signalSince(signal, i18n)}
      </span>
    </li>
  );
}

function ThemeCell({ cell }: { cell: OverviewCell }) {
  const i18n = useI18n();
  if (cell.signals.length === 0 && cell.aims.length === 0)
    return (
      <>
        <span className="muted" aria-hidden="true">
          –
        </span>
        <span className="visually-hidden">{i18n.t('overview.emptyCell')}</span>
      </>
    );
  return (
    <>
      {cell.signals.length > 0 && (
        <ul className="ov-signals">
          {cell.signals.map((s) => (
            <SignalItem key={s.indicator.id} item={s} />
          ))}
        </ul>
      )}
      {cell.aims.length > 0 && (
        <ul className="ov-aims" aria-label={i18n.t('overview.aims')}>
          {cell.aims.map(({ status, indicators }) => {
            const names = indicators.map((ind) => i18n.label(ind)).join(', ');
            return (
              <li
                key={status}
                className={`badge ov-badge ov-aim aim-${status}`}
                data-aim-status={status}
                data-count={indicators.length}
                title={names}
              >
                <span className="badge-icon" aria-hidden="true">
                  {AIM_ICONS[status]}
                </span>{' '}
                <span>
                  {i18n.t('overview.aimCount', { count: indicators.length, status: i18n.t(`compass.aim.${status}`) })}
                </span>
                <span className="visually-hidden">: {names}</span>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/** Arrow keys move between the area links, row by row (Tab still walks through everything). */
function onArrow(event: KeyboardEvent<HTMLTableSectionElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const target = event.target as HTMLElement;
  if (!target.matches('a.ov-area-link')) return;
  const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a.ov-area-link')];
  const next = links[links.indexOf(target as HTMLAnchorElement) + (event.key === 'ArrowDown' ? 1 : -1)];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

interface AreaRowProps {
  area: Area;
  row: AreaOverview | undefined;
  themes: readonly Theme[];
  parent: string | null;
  kompasHref(code: string): string;
  onOpenKompas(code: string): void;
}

/** One area's row; memoised, so the rows already drawn are not drawn again as each next area comes in. */
const AreaRow = memo(function AreaRow({ area, row, themes, parent, kompasHref, onOpenKompas }: AreaRowProps) {
  const { t, plural } = useI18n();
  const count = row ? row.better + row.worse : 0;
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    // A plain click opens the Kompas in the app; with a modifier the browser opens the link (new tab, window).
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onOpenKompas(area.code);
  };
  return (
    <tr data-area={area.code} data-ready={row ? 'true' : 'false'}>
      <th scope="row" className="ov-area-col">
        <a
          className="ov-area-link"
          href={kompasHref(area.code)}
          title={t('overview.openKompas', { area: area.name })}
          onClick={open}
        >
          {isolate(area.name)}
        </a>
        {parent && <span className="ov-parent"> {t('overview.inParent', { parent })}</span>}{' '}
        <span className={`ov-count${count === 0 ? ' muted' : ''}`} data-signal-count={row ? count : undefined}>
          {!row
            ? t('overview.calculating')
            : count === 0
              ? t('overview.noSignals')
              : plural('overview.signalCount', count)}
        </span>
      </th>
      {themes.map((theme, i) => (
        <td key={theme} data-theme={theme}>
          {row ? <ThemeCell cell={row.cells[i]!} /> : <span className="muted">…</span>}
          <OverviewWijkSignals areaCode={area.code} theme={theme} />
        </td>
      ))}
    </tr>
  );
});

/** The table of the overview: one row per area, one column per theme. */
export function OverviewTable(props: OverviewTableProps) {
  const { t } = useI18n();
  return (
    <table className="overview-table">
      <caption id={props.captionId}>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="ov-area-col">
            {t('overview.col.area')}
          </th>
          {props.themes.map((theme) => (
            <th key={theme} scope="col" data-theme={theme}>
              {t(`theme.${theme}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody onKeyDown={onArrow}>
        {props.areas.map((area) => (
          <AreaRow
            key={area.code}
            area={area}
            row={props.rows.get(area.code)}
            themes={props.themes}
            parent={props.parentName(area)}
            kompasHref={props.kompasHref}
            onOpenKompas={props.onOpenKompas}
          />
        ))}
      </tbody>
    </table>
  );
}
