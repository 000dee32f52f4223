import { type ReactNode, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { I18n } from '../../app/i18n/index.tsx';
import { useI18n } from '../../app/i18n/index.tsx';
import type { AreaReport, HandoutAim } from '../../app/usePrintJob.ts';
import type { IndicatorAssessment } from '../../compass/assess.ts';
import type { KompasRow } from '../../compass/kompasRows.ts';
import { type Indicator, THEMES, type Theme } from '../../data/package.ts';
import { userdataText } from '../../userdata/messages.ts';
import { SIGNAL_SOURCES, type Toelichting, type WijkSignal } from '../../userdata/types.ts';
import { SvgHost } from '../charts/SvgHost.tsx';
import { aimProjection, trendAim } from '../charts/trendAim.ts';
import { trendChart } from '../charts/trendChart.ts';
import {
  type Clipped,
  clipText,
  firstOf,
  HANDOUT_BUDGETS,
  HANDOUT_PAGE_MM,
  isoToDate,
  LABEL_CHARS,
} from './handoutModel.ts';
import { formatPrintDate, sourceLine } from './PrintReport.tsx';
import { printSignals } from './reportModel.ts';
import './handout.css';

export interface HandoutPageProps {
  report: AreaReport;
  /** The area's printed name. */
  name: string;
  subtitle: string;
  period: number;
  printedOn: Date;
  attribution: string;
  licence: string;
  datasetTitle: string;
  map?: ReactNode;
  /** The page count of this handout when several print together (always 1: one page per area). */
  pages?: number;
}

function dateText(iso: string, i18n: I18n): string {
  const date = isoToDate(iso);
  return date ? formatPrintDate(date, i18n.lang) : iso;
}

/** A clipped text as plain text (React text, never HTML); `white-space: pre-line` keeps its line breaks. */
function Text({ value, className }: { value: Clipped; className?: string }) {
  return (
    <span className={className} data-clipped={value.clipped ? '' : undefined}>
      {value.text}
    </span>
  );
}

const PX_PER_MM = 96 / 25.4;

/** The handout's height laid out for a moment at the page's width (it is hidden on screen), in mm. */
function heightMm(element: HTMLElement): number {
  const style = element.getAttribute('style');
  element.style.cssText = 'display:block;position:absolute;top:0;left:-10000px;width:186mm;visibility:hidden';
  const height = element.getBoundingClientRect().height;
  if (style === null) element.removeAttribute('style');
  else element.setAttribute('style', style);
  return height / PX_PER_MM;
}

function More({ count }: { count: number }) {
  const { t } = useI18n();
  return count > 0 ? <p className="handout-more">{t('handout.more', { count })}</p> : null;
}

/** The area's series with the aim and its projection, small (the trend chart's own drawing). */
function AimTrend({
  row,
  aim,
  assessment,
  name,
}: {
  row: KompasRow | undefined;
  aim: HandoutAim;
  assessment: IndicatorAssessment;
  name: string;
}) {
  const i18n = useI18n();
  const element = useMemo(() => {
    if (!row || row.series.length === 0) return null;
    const indicator = row.indicator;
    const first = row.series[0]!.period;
    const last = Math.max(row.series.at(-1)!.period, aim.target_period);
    const periods = Array.from({ length: last - first + 1 }, (_, k) => first + k);
    const projection = aimProjection(assessment.aim);
    return trendChart([{ key: 'area', label: '', role: 'area', points: row.series }], {
      width: 300,
      height: 120,
      periods,
      formatValue: (v) => i18n.compactValue(v, indicator),
      yLabel: '',
      zero: false,
      aim: trendAim(aim, indicator, i18n),
      ...(projection && { projection }),
      ariaLabel: i18n.t('handout.trendAria', {
        indicator: i18n.label(indicator),
        area: name,
        period: aim.target_period,
      }),
    });
  }, [row, aim, assessment, name, i18n]);
  return element ? <SvgHost element={element} className="handout-trend" /> : null;
}

function targetText(aim: HandoutAim, assessment: IndicatorAssessment, indicator: Indicator, i18n: I18n): string {
  const a = assessment.aim!;
  const target =
    a.target.kind === 'value'
      ? i18n.value(a.target.value, indicator)
      : a.target.kind === 'band'
        ? `${i18n.value(a.target.low, indicator)} – ${i18n.value(a.target.high, indicator)}`
        : i18n.t(`handout.towards.${a.direction}`);
  const parts = [
    a.baselineValue === null
      ? i18n.t('handout.courseNoBaseline', { targetPeriod: aim.target_period, target })
      : i18n.t('handout.course', {
          baselinePeriod: aim.baseline_period,
          baseline: i18n.value(a.baselineValue, indicator),
          targetPeriod: aim.target_period,
          target,
        }),
  ];
  if (assessment.value !== null && assessment.shownPeriod !== null)
    parts.push(
      i18n.t('handout.now', { period: assessment.shownPeriod, value: i18n.value(assessment.value, indicator) }),
    );
  if (a.projected !== null && a.targetPeriod > (assessment.shownPeriod ?? 0))
    parts.push(i18n.t('handout.projected', { period: a.targetPeriod, value: i18n.value(a.projected, indicator) }));
  return parts.join(' · ');
}

function agreedText(aim: HandoutAim, i18n: I18n): string | null {
  const who = clipText(aim.agreed_with ?? '', LABEL_CHARS, 1).text;
  const on = aim.agreed_on ? dateText(aim.agreed_on, i18n) : '';
  if (who && on) return i18n.t('handout.agreedWithOn', { with: who, on });
  if (who) return i18n.t('handout.agreedWith', { with: who });
  if (on) return i18n.t('handout.agreedOn', { on });
  return null;
}

function noteSubject(note: Toelichting, rows: ReadonlyMap<string, KompasRow>, i18n: I18n): string {
  const row = note.indicator_id ? rows.get(note.indicator_id) : undefined;
  if (row) return i18n.label(row.indicator);
  if (note.theme) return themeText(note.theme, i18n);
  return note.indicator_id ?? '';
}

// A stored entry is checked for its fields' types only (store.ts): an unknown theme or source prints as it is kept.
function themeText(theme: Theme, i18n: I18n): string {
  return (THEMES as readonly string[]).includes(theme) ? i18n.t(`theme.${theme}`) : String(theme);
}

function signalSource(signal: WijkSignal, i18n: I18n): string {
  if (signal.source === 'anders' && signal.source_other) return clipText(signal.source_other, LABEL_CHARS, 1).text;
  return (SIGNAL_SOURCES as readonly string[]).includes(signal.source)
    ? userdataText(i18n, `userdata.source.${signal.source}`)
    : String(signal.source);
}

/**
 * One area's page for the wijk meeting (A4, exactly one page: handout.css): header with the area, gemeente, year,
 * print date and source, the small map, the aims with their status in words, baseline → target and a small trend
 * with the aim, the signals in the figures (as the Kompas shows them), the signals from the wijk and the notes.
 * Everything a user typed is plain text, clipped to the page's budget (handoutModel.ts), and the page says so.
 */
export function HandoutPage({
  report,
  name,
  subtitle,
  period,
  printedOn,
  attribution,
  licence,
  datasetTitle,
  map,
  pages,
}: HandoutPageProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const agenda = report.agenda ?? { aims: [], notes: [], signals: [] };
  const rows = useMemo(
    () => new Map(report.themes.flatMap((theme) => theme.rows.map((row) => [row.indicator.id, row] as const))),
    [report.themes],
  );
  const dataSignals = printSignals(report.signals, report.assessments, i18n);
  // The most generous budget whose page fits on one A4 (measured below, before the print root says it is ready).
  // A new report (another print) starts from the first budget again.
  const [fit, setFit] = useState({ report, level: 0 });
  const level = fit.report === report ? fit.level : 0;
  const budget = HANDOUT_BUDGETS[level]!;
  const article = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const element = article.current;
    if (element && level < HANDOUT_BUDGETS.length - 1 && heightMm(element) > HANDOUT_PAGE_MM)
      setFit({ report, level: level + 1 });
  }, [report, level]);
  const better = firstOf(dataSignals.better, budget.dataSignals);
  const worse = firstOf(dataSignals.worse, budget.dataSignals);
  const aims = firstOf(agenda.aims, budget.aims);
  const signals = firstOf(agenda.signals, budget.wijkSignals);
  const notes = firstOf(agenda.notes, budget.notes);

  const aimItems = aims.shown.map(({ aim, assessment }) => ({
    aim,
    assessment,
    label: clipText(i18n.lang === 'en' ? aim.label_en || aim.label_nl : aim.label_nl, LABEL_CHARS, 2),
  }));
  const signalItems = signals.shown.map((signal) => ({
    signal,
    text: clipText(signal.text, budget.chars, budget.lines),
  }));
  const noteItems = notes.shown.map((note) => ({ note, text: clipText(note.text, budget.chars, budget.lines) }));
  const clipped =
    aimItems.some((a) => a.label.clipped) ||
    signalItems.some((s) => s.text.clipped) ||
    noteItems.some((n) => n.text.clipped);

  return (
    <article
      ref={article}
      className="print-report handout"
      aria-labelledby={`${id}-title`}
      data-period={period}
      data-pages={pages}
      data-area={report.area.code}
      data-budget={level}
    >
      <header className="handout-header">
        <div className="handout-heading">
          <h2 id={`${id}-title`}>{t('handout.title', { area: name })}</h2>
          <p className="print-subtitle">{subtitle}</p>
          <p className="print-meta">
            {t('print.printedOn', { date: formatPrintDate(printedOn, i18n.lang) })}
            <span aria-hidden="true"> · </span>
            {t('print.dataset', { title: datasetTitle })}
          </p>
          <p className="print-source">{sourceLine(attribution, licence, t)}</p>
        </div>
        {map && <div className="handout-map">{map}</div>}
      </header>

      <section className="handout-aims" aria-labelledby={`${id}-aims`}>
        <h3 id={`${id}-aims`}>{t('handout.aims')}</h3>
        {aimItems.length === 0 ? (
          <p>{t('handout.noAims')}</p>
        ) : (
          <ul>
            {aimItems.map(({ aim, assessment, label }) => {
              const status = assessment.aim!.status;
              const agreed = agreedText(aim, i18n);
              return (
                <li key={`${aim.indicator_id}:${aim.target_period}`} className="handout-aim" data-status={status}>
                  <div className="handout-aim-text">
                    <p className="handout-aim-label">
                      <span className="handout-badge" data-status={status}>
                        {t('handout.status', { status: t(`compass.aim.${status}`) })}
                      </span>{' '}
                      <span className="handout-origin">
                        {userdataText(i18n, `userdata.origin.${aim.origin ?? 'vastgesteld'}`)}
                      </span>{' '}
                      <Text value={label} />
                    </p>
                    <p className="handout-aim-course">
                      {i18n.label(assessment.indicator)}: {targetText(aim, assessment, assessment.indicator, i18n)}
                    </p>
                    {agreed && <p className="handout-aim-agreed">{agreed}</p>}
                  </div>
                  <AimTrend row={rows.get(aim.indicator_id)} aim={aim} assessment={assessment} name={name} />
                </li>
              );
            })}
          </ul>
        )}
        <More count={aims.more} />
      </section>

      <div className="handout-columns">
        <section className="handout-data-signals" aria-labelledby={`${id}-data`}>
          <h3 id={`${id}-data`}>{t('handout.dataSignals')}</h3>
          {better.shown.length + worse.shown.length === 0 ? (
            <p>{t('handout.noDataSignals')}</p>
          ) : (
            <>
              {better.shown.length > 0 && (
                <>
                  <h4>{t('print.better')}</h4>
                  <ul>
                    {better.shown.map((text) => (
                      <li key={text}>{text}</li>
                    ))}
                  </ul>
                  <More count={better.more} />
                </>
              )}
              {worse.shown.length > 0 && (
                <>
                  <h4>{t('print.worse')}</h4>
                  <ul>
                    {worse.shown.map((text) => (
                      <li key={text}>{text}</li>
                    ))}
                  </ul>
                  <More count={worse.more} />
                </>
              )}
            </>
          )}
        </section>

        <section className="handout-wijk-signals" aria-labelledby={`${id}-wijk`}>
          <h3 id={`${id}-wijk`}>{t('handout.wijkSignals')}</h3>
          {signalItems.length === 0 ? (
            <p>{t('handout.noWijkSignals')}</p>
          ) : (
            <ul>
              {signalItems.map(({ signal, text }) => (
                <li key={signal.id}>
                  <span className="handout-meta">
                    {t('handout.signalMeta', {
                      date: dateText(signal.date, i18n),
                      source: signalSource(signal, i18n),
                      theme: themeText(signal.theme, i18n),
                    })}
                  </span>
                  <Text value={text} className="handout-text" />
                </li>
              ))}
            </ul>
          )}
          <More count={signals.more} />
        </section>
      </div>

      <section className="handout-notes" aria-labelledby={`${id}-notes`}>
        <h3 id={`${id}-notes`}>{t('handout.notes')}</h3>
        {noteItems.length === 0 ? (
          <p>{t('handout.noNotes')}</p>
        ) : (
          <ul>
            {noteItems.map(({ note, text }) => {
              const subject = noteSubject(note, rows, i18n);
              const author = clipText(note.author, LABEL_CHARS, 1).text;
              const date = dateText(note.date, i18n);
              return (
                <li key={note.id}>
                  <span className="handout-meta">
                    {author
                      ? t('handout.noteMeta', { subject, author, date })
                      : t('handout.noteMetaNoAuthor', { subject, date })}
                  </span>
                  <Text value={text} className="handout-text" />
                </li>
              );
            })}
          </ul>
        )}
        <More count={notes.more} />
      </section>

      {clipped && <p className="handout-clipped">{t('handout.clipped')}</p>}
    </article>
  );
}
