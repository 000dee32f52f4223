import { type ReactNode, useId } from 'react';
import type { I18n } from '../../app/i18n/index.tsx';
import { useI18n } from '../../app/i18n/index.tsx';
import { missingReason, missingWordKey } from '../../app/missingReason.ts';
import type { Cell } from '../../compass/kompasRows.ts';
import type { Indicator } from '../../data/package.ts';
import './print.css';

/** One indicator of the report, as ready text: the caller words values and verdicts (never a colour alone). */
export interface PrintRow {
  label: string;
  value: string;
  gemeente: string;
  nl: string;
  /** Verdict against the previous measurement, e.g. "duidelijk beter", "geen duidelijk verschil". */
  vsPrevious: string;
  /** The change alone ("+1.957", or "+1.957 (2015)" when the heading does not name its year), for compact tables. */
  change?: string;
  vsGemeente: string;
  /** Aim status, e.g. "op koers"; empty or "–" without an aim. */
  aim: string;
}

export interface PrintTheme {
  /** The theme's heading, e.g. "Jeugd". */
  theme: string;
  /** The earlier year every change compares with ("Sinds 2015"); null when rows differ ("Sinds vorige meting"). */
  since?: number | null;
  /**
   * Context figures (population, housing): printed compactly, two narrow tables side by side with the value, the
   * gemeente and the change only — their verdicts are neutral, and a package from CBS has sixty of them.
   */
  compact?: boolean;
  /** The report is of the gemeente itself: its tables leave out the gemeente columns (its own values again). */
  ownGemeente?: boolean;
  /** A short line under the heading, e.g. that the theme has no values in the report's year and which year has. */
  note?: string;
  rows: PrintRow[];
}

export interface PrintReportProps {
  /** "Kompas van Centrum". */
  title: string;
  /** "Wijk in Voorbeeldgemeente · 2025". */
  subtitle: string;
  period: number;
  printedOn: Date;
  /** The package's attribution ("Bron: CBS, CC BY 4.0" or "CBS"); a leading "Bron:"/"Source:" is not repeated. */
  attribution: string;
  licence: string;
  datasetTitle: string;
  /** The compass graphic, supplied by the caller. */
  compass?: ReactNode;
  /** Usually an <AreaMiniMap>. */
  map?: ReactNode;
  signals: { better: string[]; worse: string[] };
  themes: PrintTheme[];
  /** The pages the report takes when printed with others (for the tests and the reader of the DOM). */
  pages?: number;
  /** The area's wijkagenda (aims with their origin, wijk signals, notes), after the data signals. */
  agenda?: ReactNode;
}

const LOCALE = { nl: 'nl-NL', en: 'en-GB' } as const;

/** "3 maart 2025" / "3 March 2025", in the local time zone (the day the user printed). */
export function formatPrintDate(date: Date, lang: I18n['lang']): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** "Bron: CBS, CC BY 4.0 · Licentie: CC BY 4.0" says the source twice over; say each thing once. */
export function sourceLine(attribution: string, licence: string, t: I18n['t']): string {
  const source = attribution.replace(/^\s*(bron|source)\s*:\s*/i, '').trim();
  const named = licence.trim() === '' || source.toLowerCase().includes(licence.trim().toLowerCase());
  return named ? t('print.sourceOnly', { attribution: source }) : t('print.source', { attribution: source, licence });
}

/** A Kompas cell as the report shows it, worded like the Kompas panel: the value, why there is none, or a dash. */
export function printCell(cell: Cell | null, indicator: Indicator, i18n: I18n): string {
  if (!cell) return '–';
  const reason = missingReason(cell);
  if (reason !== null || cell.value === null) return i18n.t(missingWordKey(reason ?? 'not_published'));
  return i18n.compactValue(cell.value, indicator);
}

/** A CSS string literal. */
const cssString = (text: string) => `"${text.replace(/[\\"]/g, '\\$&').replace(/\n/g, ' ')}"`;

/**
 * The page margin of the printed report: `footer` (print date and source) at the bottom left and the page number
 * ("Pagina {page} van {pages}") at the bottom right of every page, as @page margin boxes.
 */
export function pageMarginCss(footer: string, pageOf: string): string {
  const number = pageOf
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
  return `@media print { @page { @bottom-left { content: ${cssString(footer)}; font-size: 7pt; color: #000; vertical-align: top; } @bottom-right { content: ${number}; font-size: 7pt; color: #000; vertical-align: top; } } }`;
}

function SignalList({ heading, items, kind }: { heading: string; items: string[]; kind: 'better' | 'worse' }) {
  if (items.length === 0) return null;
  return (
    <div className={`print-signal-group print-signal-${kind}`}>
      <h4>{heading}</h4>
      <ul>
        {items.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </div>
  );
}

/** A value cell: a value of another year ("730 (2015)") puts its year on a second, smaller line. */
function ValueText({ text, inline = false }: { text: string; inline?: boolean }) {
  const match = /^(.*) \((\d{4})\)$/.exec(text);
  if (!match) return <span className="p-num">{text}</span>;
  return (
    <>
      <span className="p-num">{match[1]}</span>
      <span className={inline ? 'p-year-inline' : 'p-year'}> ({match[2]})</span>
    </>
  );
}

function sinceHeading(theme: PrintTheme, t: I18n['t']): string {
  return theme.since == null ? t('print.col.vsPrevious') : t('print.col.since', { period: theme.since });
}

/** A theme table's caption: the theme, and its note on a line of its own. */
function Caption({ theme }: { theme: PrintTheme }) {
  return (
    <caption>
      {theme.theme}
      {theme.note && <span className="print-theme-note">{theme.note}</span>}
    </caption>
  );
}

/** The headings of {@link LeadCells}. */
function LeadHeads({ own, period }: { own: boolean; period: number }) {
  const { t } = useI18n();
  return (
    <>
      <th scope="col">{t('print.col.indicator')}</th>
      <th scope="col" className="num">
        {t('print.col.value', { period })}
      </th>
      {!own && (
        <th scope="col" className="num">
          {t('print.col.gemeente')}
        </th>
      )}
    </>
  );
}

/** An indicator's label, its value and, unless the report is the gemeente's own, the gemeente's value. */
function LeadCells({ row, own }: { row: PrintRow; own: boolean }) {
  return (
    <>
      <th scope="row">{row.label}</th>
      <td className="num">
        <ValueText text={row.value} />
      </td>
      {!own && (
        <td className="num">
          <ValueText text={row.gemeente} />
        </td>
      )}
    </>
  );
}

/** One indicator's cells in a compact table: label, value, gemeente (unless the report is the gemeente's) and change. */
function CompactCells({ row, own }: { row: PrintRow | undefined; own: boolean }) {
  if (!row) return <td colSpan={own ? 3 : 4} />;
  return (
    <>
      <LeadCells row={row} own={own} />
      <td className="p-c-change-cell">
        <ValueText text={row.change ?? row.vsPrevious} inline />
      </td>
    </>
  );
}

/**
 * A compact theme: two indicators per table row (the first half of the list left, the second right), so the
 * context figures take half the height; rows still break between pages like any table's.
 */
function CompactTable({ theme, period }: { theme: PrintTheme; period: number }) {
  const { t } = useI18n();
  const own = theme.ownGemeente === true;
  const half = Math.ceil(theme.rows.length / 2);
  const heads = (
    <>
      <LeadHeads own={own} period={period} />
      <th scope="col" className="p-c-change-cell">
        {sinceHeading(theme, t)}
      </th>
    </>
  );
  const cols = (
    <>
      <col className="p-c-indicator" />
      <col className="p-c-value" />
      {!own && <col className="p-c-value" />}
      <col className="p-c-change" />
    </>
  );
  return (
    <table className={`print-table print-table-compact${own ? ' own' : ''}`}>
      <Caption theme={theme} />
      <colgroup>
        {cols}
        {cols}
      </colgroup>
      <thead>
        <tr>
          {heads}
          {heads}
        </tr>
      </thead>
      <tbody>
        {theme.rows.slice(0, half).map((row, i) => (
          <tr key={row.label}>
            <CompactCells row={row} own={own} />
            <CompactCells row={theme.rows[half + i]} own={own} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ThemeTable({ theme, period }: { theme: PrintTheme; period: number }) {
  const { t } = useI18n();
  if (theme.compact && theme.rows.length > 1) return <CompactTable theme={theme} period={period} />;
  // The gemeente's own report: its gemeente column would repeat its values, and it is not compared with itself.
  const own = theme.ownGemeente === true;
  return (
    <table className="print-table">
      <Caption theme={theme} />
      <colgroup>
        <col className="p-indicator" />
        <col className="p-value" />
        {!own && <col className="p-value" />}
        <col className="p-value" />
        <col className="p-verdict" />
        {!own && <col className="p-verdict" />}
        <col className="p-aim" />
      </colgroup>
      <thead>
        <tr>
          <LeadHeads own={own} period={period} />
          <th scope="col" className="num">
            {t('print.col.nl')}
          </th>
          <th scope="col">{sinceHeading(theme, t)}</th>
          {!own && <th scope="col">{t('print.col.vsGemeente')}</th>}
          <th scope="col">{t('print.col.aim')}</th>
        </tr>
      </thead>
      <tbody>
        {theme.rows.map((row) => (
          <tr key={row.label}>
            <LeadCells row={row} own={own} />
            <td className="num">
              <ValueText text={row.nl} />
            </td>
            <td className="verdict">{row.vsPrevious}</td>
            {!own && <td className="verdict">{row.vsGemeente}</td>}
            <td className="verdict">{row.aim}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One area's Kompas on paper (A4, at most two pages; see print.css): header with date and source, the compass and
 * the location map side by side, the signals, and every indicator per theme. Rendered once for "Afdrukken" and
 * once per wijk for "Alle wijken afdrukken"; print.css starts each report on a new page.
 */
export function PrintReport({
  title,
  subtitle,
  period,
  printedOn,
  attribution,
  licence,
  datasetTitle,
  compass,
  map,
  signals,
  themes,
  pages,
  agenda,
}: PrintReportProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const hasSignals = signals.better.length > 0 || signals.worse.length > 0;
  return (
    <article className="print-report" aria-labelledby={`${id}-title`} data-period={period} data-pages={pages}>
      <header className="print-report-header">
        <h2 id={`${id}-title`}>{title}</h2>
        <p className="print-subtitle">{subtitle}</p>
        <p className="print-meta">
          <time dateTime={isoDate(printedOn)}>
            {t('print.printedOn', { date: formatPrintDate(printedOn, i18n.lang) })}
          </time>
          <span aria-hidden="true"> · </span>
          <span className="print-dataset">{t('print.dataset', { title: datasetTitle })}</span>
        </p>
        <p className="print-source">{sourceLine(attribution, licence, t)}</p>
      </header>

      {(compass || map) && (
        <div className="print-figures">
          {compass && (
            <figure className="print-figure print-compass">
              {compass}
              <figcaption>{t('print.compassCaption')}</figcaption>
            </figure>
          )}
          {map && (
            <figure className="print-figure print-map">
              {map}
              <figcaption>{t('print.mapCaption')}</figcaption>
            </figure>
          )}
        </div>
      )}

      <section className="print-signals" aria-labelledby={`${id}-signals`}>
        <h3 id={`${id}-signals`}>{t('print.signals')}</h3>
        <p className="print-note">{t('signals.help')}</p>
        {hasSignals ? (
          <div className="print-signal-groups">
            <SignalList heading={t('print.better')} items={signals.better} kind="better" />
            <SignalList heading={t('print.worse')} items={signals.worse} kind="worse" />
          </div>
        ) : (
          <p>{t('print.noSignals')}</p>
        )}
      </section>

      {agenda}

      <section className="print-indicators" aria-labelledby={`${id}-indicators`}>
        <h3 id={`${id}-indicators`}>{t('print.allIndicators')}</h3>
        {themes.length === 0 && <p>{t('print.noData')}</p>}
        {themes.map((theme) => (
          <ThemeTable key={theme.theme} theme={theme} period={period} />
        ))}
      </section>
    </article>
  );
}
