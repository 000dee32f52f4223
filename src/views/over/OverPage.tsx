import { Fragment, useEffect } from 'react';
import { formatNumber } from '../../app/format.ts';
import { type I18n, useI18n } from '../../app/i18n/index.tsx';
import type { MessageKey } from '../../app/i18n/nl.ts';
import { DETECTABLE_RATE, type DetectableChange, detectableTable } from '../../compass/detectable.ts';
import { otherNames } from '../../data/areaPeriods.ts';
import { type Aim, type Area, type DatasetMeta, type Indicator, THEMES } from '../../data/package.ts';
import './over.css';

/**
 * The methods the page explains, in reading order. Each has the anchor `method-<id>` so that the Kompas (or a
 * printed link) can point to one: `?view=over#method-intervals`. The whole methods part is `#methods`.
 */
export const METHOD_IDS = [
  'verdicts',
  'aggregation',
  'intervals',
  'comparison',
  'variation',
  'multiplicity',
  'detectable',
  'direction',
  'aims',
  'ranks',
  'signals',
  'suppression',
  'privacy',
] as const;
export type MethodId = (typeof METHOD_IDS)[number];

/** The element id of a method's section (a URL fragment without '#'). */
export function methodAnchor(method: MethodId): string {
  return `method-${method}`;
}

type Block =
  | { p: MessageKey }
  | { example: MessageKey }
  | { ul: MessageKey[] }
  | { dl: [MessageKey, MessageKey][] }
  | { detectable: true };

/** What each method section says, as i18n keys: the text itself lives in over.nl.ts / over.en.ts. */
const METHOD_BODY: Record<MethodId, Block[]> = {
  verdicts: [
    { p: 'over.method.verdicts.p1' },
    {
      dl: [
        ['over.method.verdicts.better.term', 'over.method.verdicts.better.text'],
        ['over.method.verdicts.unclear.term', 'over.method.verdicts.unclear.text'],
        ['over.method.verdicts.neutral.term', 'over.method.verdicts.neutral.text'],
        ['over.method.verdicts.onzeker.term', 'over.method.verdicts.onzeker.text'],
        ['over.method.verdicts.signal.term', 'over.method.verdicts.signal.text'],
      ],
    },
  ],
  aggregation: [
    { p: 'over.method.aggregation.p1' },
    { p: 'over.method.aggregation.p2' },
    { example: 'over.method.aggregation.example' },
    { p: 'over.method.aggregation.p3' },
  ],
  intervals: [
    { p: 'over.method.intervals.p1' },
    { ul: ['over.method.intervals.wilson', 'over.method.intervals.poisson', 'over.method.intervals.none'] },
    { p: 'over.method.intervals.rounding' },
  ],
  comparison: [
    { p: 'over.method.comparison.p1' },
    { ul: ['over.method.comparison.interval', 'over.method.comparison.test'] },
    { p: 'over.method.comparison.p2' },
    { ul: ['over.method.comparison.newcombe', 'over.method.comparison.mover'] },
    { p: 'over.method.comparison.rest' },
    { p: 'over.method.comparison.village' },
    { p: 'over.method.comparison.unknown' },
  ],
  variation: [
    { p: 'over.method.variation.p1' },
    { ul: ['over.method.variation.scale', 'over.method.variation.between', 'over.method.variation.time'] },
    { p: 'over.method.variation.p2' },
  ],
  multiplicity: [{ p: 'over.method.multiplicity.p1' }, { p: 'over.method.multiplicity.p2' }],
  detectable: [{ p: 'over.method.detectable.p1' }, { detectable: true }, { p: 'over.method.detectable.p2' }],
  direction: [{ p: 'over.method.direction.p1' }, { p: 'over.method.direction.p2' }],
  aims: [
    { p: 'over.method.aims.p1' },
    {
      dl: [
        ['over.method.aims.behaald.term', 'over.method.aims.behaald.text'],
        ['over.method.aims.opKoers.term', 'over.method.aims.opKoers.text'],
        ['over.method.aims.onzeker.term', 'over.method.aims.onzeker.text'],
        ['over.method.aims.nietOpKoers.term', 'over.method.aims.nietOpKoers.text'],
        ['over.method.aims.onbekend.term', 'over.method.aims.onbekend.text'],
      ],
    },
    { p: 'over.method.aims.trend' },
    { p: 'over.method.aims.passed' },
    { p: 'over.method.aims.tested' },
    { p: 'over.method.aims.ring' },
  ],
  ranks: [{ p: 'over.method.ranks.p1' }, { p: 'over.method.ranks.p2' }],
  signals: [
    { p: 'over.method.signals.p1' },
    { ul: ['over.method.signals.shift', 'over.method.signals.sameSide', 'over.method.signals.family'] },
    { p: 'over.method.signals.status' },
    { p: 'over.method.signals.tested' },
  ],
  suppression: [
    { p: 'over.method.suppression.p1' },
    { p: 'over.method.suppression.p2' },
    { p: 'over.method.suppression.p3' },
  ],
  privacy: [{ p: 'over.method.privacy.p1' }],
};

export interface OverPageProps {
  meta: DatasetMeta;
  indicators: readonly Indicator[];
  aims: readonly Aim[];
  /** The name of an area code, for aims that hold for one area; without it the code is shown. */
  areaName?(code: string): string | undefined;
  /** The package's areas: those CBS renamed are listed with their earlier names. */
  areas?: readonly Area[];
}

/** "2015 tot en met 2025 (11 metingen)" for consecutive years, else the years listed. */
function periodsText(periods: readonly number[], { t, plural }: I18n): string {
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (first === undefined || last === undefined) return t('over.dataset.noPeriods');
  const consecutive = periods.every((p, i) => i === 0 || p === (periods[i - 1] ?? p) + 1);
  const years =
    consecutive && periods.length > 2 ? t('over.dataset.periodsRange', { first, last }) : periods.join(', ');
  return `${years} (${plural('over.dataset.periodsCount', periods.length)})`;
}

function aimText(aim: Aim, indicator: Indicator, i18n: I18n, areaName: OverPageProps['areaName']): string {
  const params = { target: aim.target_period, baseline: aim.baseline_period };
  const band = aim.target_band;
  const detail = band
    ? i18n.t('over.aim.band', {
        ...params,
        low: i18n.value(band.low, indicator),
        high: i18n.value(band.high, indicator),
      })
    : aim.target_value !== null
      ? i18n.t('over.aim.value', { ...params, value: i18n.value(aim.target_value, indicator) })
      : i18n.t(`over.aim.${aim.direction}`, params);
  const area = aim.area_code
    ? `; ${i18n.t('over.aim.area', { area: areaName?.(aim.area_code) ?? aim.area_code })}`
    : '';
  return `${detail}${area}`;
}

function DatasetSection({
  meta,
  periods,
  areas,
}: {
  meta: DatasetMeta;
  periods: readonly number[];
  areas: readonly Area[];
}) {
  // CBS renames buurten and wijken and keeps their codes: the current name with the earlier ones.
  const renamed = areas.filter((a) => a.names);
  const i18n = useI18n();
  const { t, lang } = i18n;
  const description = meta.description?.[lang] || meta.description?.nl;
  return (
    <section className="over-section" aria-labelledby="over-dataset">
      <h3 id="over-dataset">{t('over.dataset.heading')}</h3>
      <dl className="over-facts">
        <dt>{t('over.dataset.title')}</dt>
        <dd>{meta.title[lang] || meta.title.nl}</dd>
        {description && (
          <>
            <dt>{t('over.dataset.description')}</dt>
            <dd>{description}</dd>
          </>
        )}
        <dt>{t('over.dataset.publisher')}</dt>
        <dd>{meta.publisher}</dd>
        <dt>{t('over.dataset.licence')}</dt>
        <dd>{meta.licence}</dd>
        <dt>{t('over.dataset.attribution')}</dt>
        <dd>{meta.attribution}</dd>
        <dt>{t('over.dataset.periods')}</dt>
        <dd>{periodsText(periods, i18n)}</dd>
        {renamed.length > 0 && (
          <>
            <dt>{t('over.dataset.renamed')}</dt>
            <dd>
              <ul className="over-renamed">
                {renamed.map((a) => (
                  <li key={a.code}>
                    {t('over.dataset.renamedArea', { name: a.name, former: otherNames(a).join(', ') })}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

function IndicatorRow({
  indicator,
  aims,
  areaName,
}: {
  indicator: Indicator;
  aims: readonly Aim[];
  areaName: OverPageProps['areaName'];
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <tr id={`over-indicator-${indicator.id}`}>
      <th scope="row">{i18n.label(indicator)}</th>
      <td>{i18n.definition(indicator)}</td>
      <td>{t(`over.unit.${indicator.unit}`)}</td>
      <td data-direction={indicator.direction}>
        {t(`over.direction.${indicator.direction}`)}
        {indicator.direction === 'neutral' && <span className="over-note"> ({t('over.direction.neutralNote')})</span>}
      </td>
      <td>
        {indicator.min_count > 1 ? t('over.minCount.value', { min: indicator.min_count }) : t('over.minCount.none')}
      </td>
      <td>{indicator.source}</td>
      <td>
        {aims.length === 0 ? (
          <span className="muted">{t('over.aims.none')}</span>
        ) : (
          <ul className="over-aims">
            {aims.map((aim) => (
              <li key={`${aim.area_code ?? ''}|${aim.baseline_period}|${aim.target_period}|${aim.label_nl}`}>
                <span className="over-aim-label">
                  {i18n.lang === 'en' && aim.label_en ? aim.label_en : aim.label_nl}
                </span>{' '}
                <span className="over-note">({aimText(aim, indicator, i18n, areaName)})</span>
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

function IndicatorsSection({ indicators, aims, areaName }: Omit<OverPageProps, 'meta'>) {
  const { t } = useI18n();
  const aimsOf = new Map<string, Aim[]>();
  for (const aim of aims) {
    const list = aimsOf.get(aim.indicator_id) ?? [];
    list.push(aim);
    aimsOf.set(aim.indicator_id, list);
  }
  for (const list of aimsOf.values()) list.sort((a, b) => a.target_period - b.target_period);
  const themes = THEMES.map((theme) => ({ theme, list: indicators.filter((i) => i.theme === theme) })).filter(
    (g) => g.list.length > 0,
  );
  return (
    <section className="over-section" aria-labelledby="over-indicators">
      <h3 id="over-indicators">{t('over.indicators.heading')}</h3>
      {themes.length === 0 ? (
        <p>{t('over.indicators.empty')}</p>
      ) : (
        <p>{t('over.indicators.intro', { count: indicators.length })}</p>
      )}
      {themes.map(({ theme, list }) => (
        <section key={theme} className="over-theme" aria-labelledby={`over-theme-${theme}`}>
          <h4 id={`over-theme-${theme}`}>{t(`theme.${theme}`)}</h4>
          <table className="over-table">
            <caption className="visually-hidden">
              {t('over.indicators.caption', { theme: t(`theme.${theme}`) })}
            </caption>
            <colgroup>
              <col className="c-label" />
              <col className="c-definition" />
              <col className="c-unit" />
              <col className="c-direction" />
              <col className="c-min" />
              <col className="c-source" />
              <col className="c-aims" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{t('over.col.indicator')}</th>
                <th scope="col">{t('over.col.definition')}</th>
                <th scope="col">{t('over.col.unit')}</th>
                <th scope="col">{t('over.col.direction')}</th>
                <th scope="col">{t('over.col.minCount')}</th>
                <th scope="col">{t('over.col.source')}</th>
                <th scope="col">{t('over.col.aims')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((indicator) => (
                <IndicatorRow
                  key={indicator.id}
                  indicator={indicator}
                  aims={aimsOf.get(indicator.id) ?? []}
                  areaName={areaName}
                />
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}

/** A share as a whole percentage in the page's language: "10%". */
function rateText(rate: number, lang: I18n['lang']): string {
  return `${formatNumber(rate * 100, 0, lang)}%`;
}

/**
 * The table of the smallest change the compass calls clear (src/compass/detectable.ts), computed here by the
 * compass's own comparison so that it can never disagree with the verdicts.
 */
export function DetectableTable() {
  const { t, lang } = useI18n();
  const rate = rateText(DETECTABLE_RATE, lang);
  const cell = (change: DetectableChange | null) =>
    change === null
      ? t('over.detectable.none')
      : t('over.detectable.cell', {
          change: t('unit.percentPoints', { value: formatNumber(change.change * 100, 1, lang, true) }),
          from: formatNumber(change.from, 0, lang),
          to: formatNumber(change.to, 0, lang),
        });
  return (
    <table className="over-table over-detectable">
      <caption>{t('over.detectable.caption', { rate })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('over.detectable.col.inhabitants')}</th>
          <th scope="col">{t('over.detectable.col.before', { rate })}</th>
          <th scope="col">{t('over.detectable.col.rise')}</th>
          <th scope="col">{t('over.detectable.col.fall')}</th>
        </tr>
      </thead>
      <tbody>
        {detectableTable().map((row) => (
          <tr key={row.inhabitants}>
            <th scope="row">{formatNumber(row.inhabitants, 0, lang)}</th>
            <td>{formatNumber(Math.round(row.inhabitants * DETECTABLE_RATE), 0, lang)}</td>
            <td>{cell(row.rise)}</td>
            <td>{cell(row.fall)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MethodBlock({ block }: { block: Block }) {
  const { t, lang } = useI18n();
  if ('detectable' in block) return <DetectableTable />;
  if ('p' in block) return <p>{t(block.p, { rate: rateText(DETECTABLE_RATE, lang) })}</p>;
  if ('example' in block) return <p className="over-example">{t(block.example)}</p>;
  if ('ul' in block)
    return (
      <ul>
        {block.ul.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
    );
  return (
    <dl className="over-statuses">
      {block.dl.map(([term, text]) => (
        <Fragment key={term}>
          <dt>{t(term)}</dt>
          <dd>{t(text)}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function MethodsSection() {
  const { t } = useI18n();
  return (
    <section id="methods" className="over-section" aria-labelledby="over-methods">
      <h3 id="over-methods">{t('over.methods.heading')}</h3>
      <p>{t('over.methods.intro')}</p>
      {METHOD_IDS.map((method) => {
        const id = methodAnchor(method);
        return (
          <section key={method} id={id} className="over-method" aria-labelledby={`${id}-title`}>
            <h4 id={`${id}-title`}>{t(`over.method.${method}.title`)}</h4>
            {METHOD_BODY[method].map((block, i) => (
              // The blocks of a method are fixed text: their position is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: static list
              <MethodBlock key={i} block={block} />
            ))}
          </section>
        );
      })}
    </section>
  );
}

/** The "Over" page: the dataset, every indicator by theme, and every method in plain language. */
export function OverPage({ meta, indicators, aims, areaName, areas = [] }: OverPageProps) {
  const { t } = useI18n();

  // The app switches views without a page load, so the browser does not scroll to `#method-…` by itself.
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView();
  }, []);

  return (
    <article className="over" aria-labelledby="over-title">
      <h2 id="over-title">{t('over.title')}</h2>
      <p className="over-intro">{t('over.intro')}</p>
      <nav className="over-toc" aria-label={t('over.toc.label')}>
        <ul>
          <li>
            <a href="#over-dataset">{t('over.dataset.heading')}</a>
          </li>
          <li>
            <a href="#over-indicators">{t('over.indicators.heading')}</a>
          </li>
          <li>
            <a href="#methods">{t('over.methods.heading')}</a>
            <ul>
              {METHOD_IDS.map((method) => (
                <li key={method}>
                  <a href={`#${methodAnchor(method)}`}>{t(`over.method.${method}.title`)}</a>
                </li>
              ))}
            </ul>
          </li>
        </ul>
      </nav>
      <DatasetSection meta={meta} periods={meta.periods} areas={areas} />
      <IndicatorsSection indicators={indicators} aims={aims} areaName={areaName} />
      <MethodsSection />
    </article>
  );
}
