import type { I18n } from '../../app/i18n/index.tsx';
import { useI18n } from '../../app/i18n/index.tsx';
import type { Theme } from '../../data/package.ts';
import { type AimOrigin, type Toelichting, type UserAim, userdataText, type WijkSignal } from '../../userdata/index.ts';
import { aimOf, useAgenda } from './AgendaContext.tsx';
import './agenda.css';
import { isolate } from '../../app/bidi.ts';
import { clipText, LABEL_CHARS } from '../print/handoutModel.ts';

const LOCALE = { nl: 'nl-NL', en: 'en-GB' } as const;

/** "12 maart 2026" from an ISO date (the calendar day as written, whatever the time zone). */
export function agendaDate(iso: string, lang: I18n['lang']): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(y, m - 1, d),
  );
}

/** An aim in the words agreed on, in the interface language when it has them. */
export function aimLabel(aim: Pick<UserAim, 'label_nl' | 'label_en'>, i18n: I18n): string {
  return i18n.lang === 'en' && aim.label_en.trim() ? aim.label_en : aim.label_nl;
}

/** "concept" or "vastgesteld": whether the gemeente set the aim (package) or it was added in the app. */
export function OriginBadge({ origin }: { origin: AimOrigin }) {
  const i18n = useI18n();
  return (
    <span className={`agenda-origin agenda-origin-${origin}`} data-aim-origin={origin}>
      {userdataText(i18n, `userdata.origin.${origin}`)}
    </span>
  );
}

/** The origin of the aim the compass assessed for this indicator in this area, beside its status. */
export function AimOriginFor({
  areaCode,
  indicatorId,
  period,
}: {
  areaCode: string;
  indicatorId: string;
  period: number;
}) {
  const agenda = useAgenda();
  const aim = agenda ? aimOf(agenda, indicatorId, areaCode, period) : null;
  return aim ? <OriginBadge origin={aim.origin} /> : null;
}

/** A note as plain text (line breaks kept, links as text), with its author and date. */
export function NoteText({ note }: { note: Toelichting }) {
  const i18n = useI18n();
  const by = note.author.trim()
    ? i18n.t('agenda.note.byline', { author: note.author, date: agendaDate(note.date, i18n.lang) })
    : agendaDate(note.date, i18n.lang);
  return (
    <p className="agenda-note" data-note={note.id}>
      <span className="agenda-text">{note.text}</span> <span className="agenda-byline">— {by}</span>
    </p>
  );
}

const notesOf = (notes: readonly Toelichting[], areaCode: string, match: (n: Toelichting) => boolean) =>
  notes.filter((n) => n.area_code === areaCode && match(n));

/** The notes on one indicator in one area, next to its figure. */
export function IndicatorNotes({ areaCode, indicatorId }: { areaCode: string; indicatorId: string }) {
  const agenda = useAgenda();
  if (!agenda) return null;
  const notes = notesOf(agenda.api.notes, areaCode, (n) => n.indicator_id === indicatorId);
  if (notes.length === 0) return null;
  return (
    <div className="agenda-notes">
      {notes.map((n) => (
        <NoteText key={n.id} note={n} />
      ))}
    </div>
  );
}

/** The notes on a whole theme in one area, under the theme's heading. */
export function ThemeNotes({ areaCode, theme }: { areaCode: string; theme: Theme }) {
  const agenda = useAgenda();
  if (!agenda) return null;
  const notes = notesOf(agenda.api.notes, areaCode, (n) => n.indicator_id === null && n.theme === theme);
  if (notes.length === 0) return null;
  return (
    <div className="agenda-notes">
      {notes.map((n) => (
        <NoteText key={n.id} note={n} />
      ))}
    </div>
  );
}

/** "wijkteam" or the source named in words. */
export function sourceText(signal: WijkSignal, i18n: I18n): string {
  return signal.source === 'anders' && signal.source_other.trim()
    ? signal.source_other
    : userdataText(i18n, `userdata.source.${signal.source}`);
}

/** One wijk signal: date, source, (theme) and the text as plain text. */
export function WijkSignalText({ signal, showTheme = true }: { signal: WijkSignal; showTheme?: boolean }) {
  const i18n = useI18n();
  return (
    <>
      <span className="agenda-meta">
        {agendaDate(signal.date, i18n.lang)} · {sourceText(signal, i18n)}
        {showTheme && ` · ${i18n.t(`theme.${signal.theme}`)}`}
      </span>{' '}
      <span className="agenda-text">{signal.text}</span>
    </>
  );
}

/** The wijk signals of an area in one theme, in its cell of the overview of all areas. */
export function OverviewWijkSignals({ areaCode, theme }: { areaCode: string; theme: Theme }) {
  const agenda = useAgenda();
  const i18n = useI18n();
  if (!agenda) return null;
  const list = agenda.api.signals.filter((s) => s.area_code === areaCode && s.theme === theme);
  if (list.length === 0) return null;
  return (
    <div className="agenda-ov-signals">
      <p className="agenda-ov-heading">{i18n.t('agenda.signals.fromWijk')}</p>
      <ul>
        {list.map((s) => (
          <li key={s.id} data-wijk-signal={s.id}>
            <WijkSignalText signal={s} showTheme={false} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** On paper, beside the area's report: its aims with their origin, the wijk signals and the notes. */
export function PrintAgenda({ areaCode, period }: { areaCode: string; period: number }) {
  const agenda = useAgenda();
  const i18n = useI18n();
  if (!agenda) return null;
  const { t } = i18n;
  const signals = agenda.api.signals.filter((s) => s.area_code === areaCode);
  const notes = agenda.api.notes.filter((n) => n.area_code === areaCode);
  const aims = agenda.indicators
    .map((indicator) => ({ indicator, aim: aimOf(agenda, indicator.id, areaCode, period) }))
    .filter((x) => x.aim !== null);
  // A report of an area nothing was added for stays as it was: the package's aims are in its table already.
  if (signals.length === 0 && notes.length === 0 && !aims.some((x) => x.aim!.origin === 'concept')) return null;
  return (
    <section className="print-agenda">
      <h3>{t('agenda.title')}</h3>
      {aims.length > 0 && (
        <>
          <h4>{t('agenda.aims.title')}</h4>
          <ul>
            {aims.map(({ indicator, aim }) => (
              <li key={`${aim!.id}-${indicator.id}`} data-aim-origin={aim!.origin}>
                <OriginBadge origin={aim!.origin} />{' '}
                <span className="agenda-text">{isolate(clipText(aimLabel(aim!, i18n), LABEL_CHARS, 2).text)}</span>
                {aim!.agreed_with && ` — ${t('agenda.aims.agreedWith', { who: aim!.agreed_with })}`}
                {aim!.agreed_on && `, ${agendaDate(aim!.agreed_on, i18n.lang)}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {signals.length > 0 && (
        <>
          <h4>{t('agenda.signals.title')}</h4>
          <ul>
            {signals.map((s) => (
              <li key={s.id}>
                <WijkSignalText signal={s} />
              </li>
            ))}
          </ul>
        </>
      )}
      {notes.length > 0 && (
        <>
          <h4>{t('agenda.notes.title')}</h4>
          {notes.map((n) => {
            const indicator = agenda.indicators.find((i) => i.id === n.indicator_id);
            return (
              <div key={n.id}>
                <p className="agenda-note-subject">
                  {indicator ? i18n.label(indicator) : n.theme ? t(`theme.${n.theme}`) : ''}
                </p>
                <NoteText note={n} />
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}
