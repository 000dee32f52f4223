import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { type I18n, useI18n } from '../../app/i18n/index.tsx';
import type { IndicatorAssessment } from '../../compass/assess.ts';
import { type Area, THEMES, type Theme } from '../../data/package.ts';
import { downloadBlob } from '../../export/download.ts';
import {
  BundleError,
  bundleIssueText,
  type ImportReport,
  type NewEntity,
  problemText,
  SIGNAL_SOURCES,
  type SignalSource,
  TEXT_LIMITS,
  type Toelichting,
  textLength,
  type UserAim,
  type UserDataProblem,
  type UserKind,
  userdataText,
  type WijkSignal,
} from '../../userdata/index.ts';
import { AimStatusBadge } from '../kompas/AimStatusBadge.tsx';
import { agendaDate, aimLabel, NoteText, OriginBadge, WijkSignalText } from './AgendaBits.tsx';
import { type AgendaContextValue, aimOf, useAgenda } from './AgendaContext.tsx';

/** Today as an ISO date in the user's time zone. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "1.5" and "1,5" alike; empty is NaN, so the validator names the field. */
const parseNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));

/** Which item is being edited (`new` for a new one), and where focus goes back to when the form closes. */
function useEditor() {
  const [editing, setEditing] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const open = (id: string, from: HTMLElement) => {
    opener.current = from;
    setEditing(id);
  };
  const returning = useRef(false);
  const close = () => {
    returning.current = true;
    setEditing(null);
  };
  // Once the form is gone (and the add button shown again), focus goes back to what opened it.
  useEffect(() => {
    if (editing !== null || !returning.current) return;
    returning.current = false;
    if (opener.current?.isConnected) opener.current.focus();
  }, [editing]);
  return { editing, open, close };
}

/** A form with its title, fields, the problems of the last try (announced) and save/cancel; Escape cancels. */
function AgendaForm({
  title,
  problems,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  problems: UserDataProblem[];
  onSubmit(): void;
  onCancel(): void;
  children: ReactNode;
}) {
  const i18n = useI18n();
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form
      ref={ref}
      className="agenda-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <fieldset>
        <legend>{title}</legend>
        {children}
        <div role="alert" className="agenda-problems">
          {problems.length > 0 && (
            <ul>
              {problems.map((p) => (
                <li key={`${p.code}-${p.field}`}>{problemText(p, i18n)}</li>
              ))}
            </ul>
          )}
        </div>
        <div className="agenda-form-buttons">
          <button type="submit">{i18n.t('agenda.save')}</button>{' '}
          <button type="button" onClick={onCancel}>
            {i18n.t('agenda.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

/** A labelled field; `count` shows the length against its limit while typing. */
function Field({
  label,
  children,
  count,
}: {
  label: string;
  children: (id: string) => ReactNode;
  count?: { text: string; limit: number };
}) {
  const i18n = useI18n();
  const id = useId();
  const over = count ? textLength(count.text) > count.limit : false;
  return (
    <div className="agenda-field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {count && (
        <span className={over ? 'agenda-count agenda-count-over' : 'agenda-count'}>
          {i18n.t('agenda.count', { length: textLength(count.text), limit: count.limit })}
        </span>
      )}
    </div>
  );
}

const field = (i18n: I18n, name: string) => userdataText(i18n, `userdata.field.${name}` as 'userdata.field.text');

/** The text of a note or a signal, with its length against the limit. */
function TextField({
  text,
  onChange,
  limit,
  rows,
  example,
}: {
  text: string;
  onChange(text: string): void;
  limit: number;
  rows: number;
  example: string;
}) {
  const i18n = useI18n();
  return (
    <Field label={field(i18n, 'text')} count={{ text, limit }}>
      {(id) => (
        <textarea
          id={id}
          className="agenda-wide"
          rows={rows}
          value={text}
          placeholder={example}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

type AimDraft = {
  scope: 'area' | 'level';
  indicator: string;
  baseline: string;
  target: string;
  kind: 'value' | 'band' | 'direction';
  value: string;
  low: string;
  high: string;
  direction: 'up' | 'down';
  label: string;
  agreedWith: string;
  agreedOn: string;
};

function draftOf(aim: UserAim | null, area: Area, indicator: string, agenda: AgendaContextValue): AimDraft {
  const periods = agenda.periods;
  const last = periods.at(-1) ?? new Date().getFullYear();
  if (!aim) {
    const ind = agenda.indicators.find((i) => i.id === indicator);
    return {
      scope: 'area',
      indicator,
      baseline: String(periods.at(-4) ?? periods[0] ?? last),
      target: String(last + 3),
      kind: 'value',
      value: '',
      low: '',
      high: '',
      direction: ind?.direction === 'up' ? 'up' : 'down',
      label: '',
      agreedWith: '',
      agreedOn: '',
    };
  }
  return {
    scope: aim.area_code === null && aim.level === area.level ? 'level' : 'area',
    indicator: aim.indicator_id,
    baseline: String(aim.baseline_period),
    target: String(aim.target_period),
    kind: aim.target_band ? 'band' : aim.target_value !== null ? 'value' : 'direction',
    value: aim.target_value === null ? '' : String(aim.target_value),
    low: aim.target_band ? String(aim.target_band.low) : '',
    high: aim.target_band ? String(aim.target_band.high) : '',
    direction: aim.direction === 'up' ? 'up' : 'down',
    label: aim.label_nl,
    agreedWith: aim.agreed_with,
    agreedOn: aim.agreed_on,
  };
}

function AimForm({
  aim,
  area,
  indicator,
  onDone,
}: {
  aim: UserAim | null;
  area: Area;
  indicator: string;
  onDone(): void;
}) {
  const agenda = useAgenda()!;
  const i18n = useI18n();
  const { t } = i18n;
  const [d, setD] = useState(() => draftOf(aim, area, indicator, agenda));
  const [problems, setProblems] = useState<UserDataProblem[]>([]);
  const set = (patch: Partial<AimDraft>) => setD((x) => ({ ...x, ...patch }));
  const save = async () => {
    const fields: NewEntity<'aims'> = {
      indicator_id: d.indicator,
      area_code: d.scope === 'area' ? area.code : null,
      level: d.scope === 'level' ? area.level : null,
      baseline_period: parseNumber(d.baseline),
      target_period: parseNumber(d.target),
      target_value: d.kind === 'value' ? parseNumber(d.value) : null,
      ...(d.kind === 'band' && { target_band: { low: parseNumber(d.low), high: parseNumber(d.high) } }),
      direction: d.direction,
      label_nl: d.label,
      label_en: aim?.origin === 'concept' ? aim.label_en : '',
      agreed_with: d.agreedWith,
      agreed_on: d.agreedOn,
      origin: 'concept',
    };
    // A package aim is changed by a concept of the same indicator, area and target year (effectiveAims.ts).
    const result =
      aim && aim.origin === 'concept'
        ? await agenda.api.update('aims', aim.id, { ...fields, target_band: fields.target_band })
        : await agenda.api.add('aims', fields);
    if (result.ok) onDone();
    else setProblems(result.problems);
  };
  const years = agenda.periods;
  return (
    <AgendaForm
      title={aim ? t('agenda.aims.edit') : t('agenda.aims.add')}
      problems={problems}
      onSubmit={save}
      onCancel={onDone}
    >
      <fieldset className="agenda-radios">
        <legend>{t('agenda.aims.scope')}</legend>
        <label>
          <input type="radio" name="scope" checked={d.scope === 'area'} onChange={() => set({ scope: 'area' })} />{' '}
          {t('agenda.aims.scopeArea', { area: area.name })}
        </label>
        <label>
          <input type="radio" name="scope" checked={d.scope === 'level'} onChange={() => set({ scope: 'level' })} />{' '}
          {t('agenda.aims.scopeLevel', { level: t(`level.${area.level}`).toLowerCase() })}
        </label>
      </fieldset>
      <Field label={field(i18n, 'indicator_id')}>
        {(id) => (
          <select id={id} value={d.indicator} onChange={(e) => set({ indicator: e.target.value })}>
            {agenda.indicators.map((ind) => (
              <option key={ind.id} value={ind.id}>
                {i18n.label(ind)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="agenda-row">
        <Field label={field(i18n, 'baseline_period')}>
          {(id) => (
            <select id={id} value={d.baseline} onChange={(e) => set({ baseline: e.target.value })}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={field(i18n, 'target_period')}>
          {(id) => (
            <input id={id} type="number" step={1} value={d.target} onChange={(e) => set({ target: e.target.value })} />
          )}
        </Field>
      </div>
      <fieldset className="agenda-radios">
        <legend>{t('agenda.aims.kind')}</legend>
        {(['value', 'band', 'direction'] as const).map((kind) => (
          <label key={kind}>
            <input type="radio" name="kind" checked={d.kind === kind} onChange={() => set({ kind })} />{' '}
            {t(`agenda.aims.kind.${kind}`)}
          </label>
        ))}
      </fieldset>
      <div className="agenda-row">
        <Field label={field(i18n, 'direction')}>
          {(id) => (
            <select
              id={id}
              value={d.direction}
              onChange={(e) => set({ direction: e.target.value === 'up' ? 'up' : 'down' })}
            >
              <option value="down">{t('agenda.aims.direction.down')}</option>
              <option value="up">{t('agenda.aims.direction.up')}</option>
            </select>
          )}
        </Field>
        {d.kind === 'value' && (
          <Field label={field(i18n, 'target_value')}>
            {(id) => (
              <input id={id} inputMode="decimal" value={d.value} onChange={(e) => set({ value: e.target.value })} />
            )}
          </Field>
        )}
        {d.kind === 'band' && (
          <>
            <Field label={field(i18n, 'target_low')}>
              {(id) => (
                <input id={id} inputMode="decimal" value={d.low} onChange={(e) => set({ low: e.target.value })} />
              )}
            </Field>
            <Field label={field(i18n, 'target_high')}>
              {(id) => (
                <input id={id} inputMode="decimal" value={d.high} onChange={(e) => set({ high: e.target.value })} />
              )}
            </Field>
          </>
        )}
      </div>
      <Field label={field(i18n, 'label_nl')} count={{ text: d.label, limit: TEXT_LIMITS.label }}>
        {(id) => (
          <input
            id={id}
            className="agenda-wide"
            value={d.label}
            placeholder={t('agenda.aims.labelExample')}
            onChange={(e) => set({ label: e.target.value })}
          />
        )}
      </Field>
      <div className="agenda-row">
        <Field label={field(i18n, 'agreed_with')}>
          {(id) => (
            <input
              id={id}
              value={d.agreedWith}
              placeholder={t('agenda.aims.agreedWithExample')}
              onChange={(e) => set({ agreedWith: e.target.value })}
            />
          )}
        </Field>
        <Field label={field(i18n, 'agreed_on')}>
          {(id) => <input id={id} type="date" value={d.agreedOn} onChange={(e) => set({ agreedOn: e.target.value })} />}
        </Field>
      </div>
    </AgendaForm>
  );
}

function NoteForm({
  note,
  area,
  indicator,
  onDone,
}: {
  note: Toelichting | null;
  area: Area;
  indicator: string;
  onDone(): void;
}) {
  const agenda = useAgenda()!;
  const i18n = useI18n();
  const { t } = i18n;
  const [subject, setSubject] = useState(
    note ? (note.indicator_id ? `i:${note.indicator_id}` : `t:${note.theme}`) : `i:${indicator}`,
  );
  const [text, setText] = useState(note?.text ?? '');
  const [author, setAuthor] = useState(note?.author ?? '');
  const [date, setDate] = useState(note?.date ?? today());
  const [problems, setProblems] = useState<UserDataProblem[]>([]);
  const save = async () => {
    const isIndicator = subject.startsWith('i:');
    const value = subject.slice(2);
    const fields: NewEntity<'notes'> = {
      area_code: area.code,
      indicator_id: isIndicator ? value : null,
      theme: isIndicator ? null : (value as Theme),
      text,
      author,
      date,
    };
    const result = note ? await agenda.api.update('notes', note.id, fields) : await agenda.api.add('notes', fields);
    if (result.ok) onDone();
    else setProblems(result.problems);
  };
  return (
    <AgendaForm
      title={note ? t('agenda.notes.edit') : t('agenda.notes.add')}
      problems={problems}
      onSubmit={save}
      onCancel={onDone}
    >
      <Field label={t('agenda.notes.subject')}>
        {(id) => (
          <select id={id} value={subject} onChange={(e) => setSubject(e.target.value)}>
            {THEMES.map((theme) => {
              const list = agenda.indicators.filter((i) => i.theme === theme);
              if (list.length === 0) return null;
              return (
                <optgroup key={theme} label={t(`theme.${theme}`)}>
                  <option value={`t:${theme}`}>{t('agenda.notes.wholeTheme', { theme: t(`theme.${theme}`) })}</option>
                  {list.map((ind) => (
                    <option key={ind.id} value={`i:${ind.id}`}>
                      {i18n.label(ind)}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </select>
        )}
      </Field>
      <TextField text={text} onChange={setText} limit={TEXT_LIMITS.note} rows={4} example={t('agenda.notes.example')} />
      <div className="agenda-row">
        <Field label={field(i18n, 'author')}>
          {(id) => <input id={id} value={author} onChange={(e) => setAuthor(e.target.value)} />}
        </Field>
        <Field label={field(i18n, 'date')}>
          {(id) => <input id={id} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
      </div>
    </AgendaForm>
  );
}

function SignalForm({
  signal,
  area,
  theme,
  onDone,
}: {
  signal: WijkSignal | null;
  area: Area;
  theme: Theme;
  onDone(): void;
}) {
  const agenda = useAgenda()!;
  const i18n = useI18n();
  const { t } = i18n;
  const [date, setDate] = useState(signal?.date ?? today());
  const [signalTheme, setTheme] = useState<Theme>(signal?.theme ?? theme);
  const [source, setSource] = useState<SignalSource>(signal?.source ?? 'wijkteam');
  const [other, setOther] = useState(signal?.source_other ?? '');
  const [text, setText] = useState(signal?.text ?? '');
  const [problems, setProblems] = useState<UserDataProblem[]>([]);
  const save = async () => {
    const fields: NewEntity<'signals'> = {
      area_code: area.code,
      date,
      theme: signalTheme,
      source,
      source_other: source === 'anders' ? other : '',
      text,
    };
    const result = signal
      ? await agenda.api.update('signals', signal.id, fields)
      : await agenda.api.add('signals', fields);
    if (result.ok) onDone();
    else setProblems(result.problems);
  };
  return (
    <AgendaForm
      title={signal ? t('agenda.signals.edit') : t('agenda.signals.add')}
      problems={problems}
      onSubmit={save}
      onCancel={onDone}
    >
      <div className="agenda-row">
        <Field label={field(i18n, 'date')}>
          {(id) => <input id={id} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        <Field label={field(i18n, 'theme')}>
          {(id) => (
            <select id={id} value={signalTheme} onChange={(e) => setTheme(e.target.value as Theme)}>
              {THEMES.map((th) => (
                <option key={th} value={th}>
                  {t(`theme.${th}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={field(i18n, 'source')}>
          {(id) => (
            <select id={id} value={source} onChange={(e) => setSource(e.target.value as SignalSource)}>
              {SIGNAL_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {userdataText(i18n, `userdata.source.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {source === 'anders' && (
          <Field label={field(i18n, 'source_other')}>
            {(id) => <input id={id} value={other} onChange={(e) => setOther(e.target.value)} />}
          </Field>
        )}
      </div>
      <TextField
        text={text}
        onChange={setText}
        limit={TEXT_LIMITS.signal}
        rows={3}
        example={t('agenda.signals.example')}
      />
    </AgendaForm>
  );
}

/** Edit and delete buttons of one item; delete asks first. */
function ItemButtons({
  label,
  onEdit,
  onRemove,
}: {
  label: string;
  onEdit(from: HTMLElement): void;
  onRemove: (() => void) | null;
}) {
  const { t } = useI18n();
  return (
    <span className="agenda-item-buttons">
      <button type="button" className="link-button" onClick={(e) => onEdit(e.currentTarget)}>
        {t('agenda.edit')}
        <span className="visually-hidden"> {label}</span>
      </button>
      {onRemove && (
        <>
          {' '}
          <button
            type="button"
            className="link-button"
            onClick={(event) => {
              if (!window.confirm(t('agenda.confirmRemove', { label }))) return;
              // The item goes; focus moves to its list's add button rather than being lost.
              event.currentTarget.closest('section')?.querySelector<HTMLElement>('button.agenda-add')?.focus();
              onRemove();
            }}
          >
            {t('agenda.remove')}
            <span className="visually-hidden"> {label}</span>
          </button>
        </>
      )}
    </span>
  );
}

/**
 * The list of one kind in the agenda (or the words for none), the form of the item being edited (null for a new
 * one), and the add button, hidden rather than removed while a form is open so that focus can return to it.
 */
function EditableList<T extends { id: string }>({
  items,
  none,
  addLabel,
  editor,
  item,
  form,
}: {
  items: readonly T[];
  none: string;
  addLabel: string;
  editor: ReturnType<typeof useEditor>;
  item(item: T): ReactNode;
  form(editing: T | null): ReactNode;
}) {
  return (
    <>
      {items.length === 0 ? <p className="muted">{none}</p> : <ul className="agenda-list">{items.map(item)}</ul>}
      {editor.editing !== null ? form(items.find((i) => i.id === editor.editing) ?? null) : null}
      <button
        type="button"
        className="agenda-add"
        hidden={editor.editing !== null}
        onClick={(e) => editor.open('new', e.currentTarget)}
      >
        {addLabel}
      </button>
    </>
  );
}

const short = (text: string) => (textLength(text) > 40 ? `${[...text].slice(0, 40).join('')}…` : text);

function AimsSection({
  area,
  period,
  indicator,
  assessments,
}: {
  area: Area;
  period: number;
  indicator: string;
  assessments: ReadonlyMap<string, IndicatorAssessment>;
}) {
  const agenda = useAgenda()!;
  const i18n = useI18n();
  const { t } = i18n;
  const editor = useEditor();
  const seen = new Set<string>();
  const aims = agenda.aims.filter((a) => {
    if ((a.area_code !== area.code && a.area_code !== null) || seen.has(a.id)) return false;
    seen.add(a.id);
    return true;
  });
  const original = (aim: UserAim) => agenda.api.aims.find((a) => a.id === aim.id) ?? aim;
  return (
    <section className="agenda-part" aria-labelledby="agenda-aims-title">
      <h4 id="agenda-aims-title">{t('agenda.aims.title')}</h4>
      <EditableList
        items={aims}
        none={t('agenda.aims.none')}
        addLabel={t('agenda.aims.add')}
        editor={editor}
        item={(aim) => {
          const ind = agenda.indicators.find((i) => i.id === aim.indicator_id);
          const applied = aimOf(agenda, aim.indicator_id, area.code, period);
          const assessment = assessments.get(aim.indicator_id);
          const label = aimLabel(aim, i18n);
          return (
            <li key={aim.id} data-aim={aim.id} data-aim-origin={aim.origin}>
              <OriginBadge origin={aim.origin} />{' '}
              {applied?.id === aim.id && assessment?.aim && (
                <span data-aim-status={assessment.aim.status}>
                  <AimStatusBadge aim={assessment.aim} indicator={assessment.indicator} />
                </span>
              )}{' '}
              <span className="agenda-text agenda-aim-label">{label}</span>
              <span className="agenda-meta">
                {ind ? i18n.label(ind) : aim.indicator_id} ·{' '}
                {t('agenda.aims.period', { baseline: aim.baseline_period, target: aim.target_period })}
                {original(aim).area_code === null &&
                  ` · ${
                    original(aim).level
                      ? t('agenda.aims.scopeLevel', { level: t(`level.${original(aim).level!}`).toLowerCase() })
                      : t('agenda.aims.forAll')
                  }`}
                {aim.agreed_with && ` · ${t('agenda.aims.agreedWith', { who: aim.agreed_with })}`}
                {aim.agreed_on && ` · ${agendaDate(aim.agreed_on, i18n.lang)}`}
              </span>
              <ItemButtons
                label={label}
                onEdit={(from) => editor.open(aim.id, from)}
                onRemove={aim.origin === 'concept' ? () => void agenda.api.remove('aims', aim.id) : null}
              />
            </li>
          );
        }}
        form={(editing) => (
          <AimForm
            key={editor.editing}
            aim={editing ? original(editing) : null}
            area={area}
            indicator={indicator}
            onDone={editor.close}
          />
        )}
      />
    </section>
  );
}

function NotesSection({ area, indicator }: { area: Area; indicator: string }) {
  const agenda = useAgenda()!;
  const i18n = useI18n();
  const { t } = i18n;
  const editor = useEditor();
  const notes = agenda.api.notes.filter((n) => n.area_code === area.code);
  return (
    <section className="agenda-part" aria-labelledby="agenda-notes-title">
      <h4 id="agenda-notes-title">{t('agenda.notes.title')}</h4>
      <EditableList
        items={notes}
        none={t('agenda.notes.none')}
        addLabel={t('agenda.notes.add')}
        editor={editor}
        item={(n) => {
          const ind = agenda.indicators.find((i) => i.id === n.indicator_id);
          const subject = ind ? i18n.label(ind) : n.theme ? t(`theme.${n.theme}`) : '';
          return (
            <li key={n.id}>
              <span className="agenda-subject">{subject}</span>
              <NoteText note={n} />
              <ItemButtons
                label={short(n.text)}
                onEdit={(from) => editor.open(n.id, from)}
                onRemove={() => void agenda.api.remove('notes', n.id)}
              />
            </li>
          );
        }}
        form={(editing) => (
          <NoteForm key={editor.editing} note={editing} area={area} indicator={indicator} onDone={editor.close} />
        )}
      />
    </section>
  );
}

/** The wijk signals of an area, beside the data-driven ones. */
export function WijkSignals({ area, theme }: { area: Area; theme: Theme }) {
  const agenda = useAgenda();
  const { t } = useI18n();
  const editor = useEditor();
  if (!agenda) return null;
  const list = agenda.api.signals.filter((s) => s.area_code === area.code);
  return (
    <section className="agenda-part agenda-signals" aria-labelledby="agenda-signals-title">
      <h3 id="agenda-signals-title">{t('agenda.signals.title')}</h3>
      <p className="muted signals-help">
        {t('agenda.signals.help')}{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => {
            const heading = document.getElementById('agenda-title');
            heading?.focus();
            heading?.scrollIntoView({ block: 'start' });
          }}
        >
          {t('agenda.goTo')}
        </button>
      </p>
      <EditableList
        items={[...list].sort((a, b) => b.date.localeCompare(a.date))}
        none={t('agenda.signals.none')}
        addLabel={t('agenda.signals.add')}
        editor={editor}
        item={(s) => (
          <li key={s.id} data-wijk-signal={s.id}>
            <WijkSignalText signal={s} />
            <ItemButtons
              label={short(s.text)}
              onEdit={(from) => editor.open(s.id, from)}
              onRemove={() => void agenda.api.remove('signals', s.id)}
            />
          </li>
        )}
        form={(editing) => (
          <SignalForm key={editor.editing} signal={editing} area={area} theme={theme} onDone={editor.close} />
        )}
      />
    </section>
  );
}

const KIND_KEY = { aims: 'agenda.kind.aims', notes: 'agenda.kind.notes', signals: 'agenda.kind.signals' } as const;

/** "Doel ‘Minder jongeren…’ in Noorddorp: in beide versies bewerkt; beide bewaard." */
function conflictText(conflict: ImportReport['conflicts'][number], agenda: AgendaContextValue, i18n: I18n): string {
  const list = agenda.api[conflict.kind] as readonly { id: string; area_code: string | null; level?: unknown }[];
  const entity = list.find((e) => e.id === conflict.id) ?? list.find((e) => e.id === conflict.copyId);
  const area =
    entity?.area_code != null
      ? (agenda.areasByCode.get(entity.area_code)?.name ?? entity.area_code)
      : i18n.t('agenda.aims.forAll');
  return i18n.t('agenda.import.conflict', { kind: i18n.t(KIND_KEY[conflict.kind]), label: conflict.label, area });
}

/** Export the gemeente's wijkagenda as one file (or one kind as CSV) and import a colleague's. */
function ShareSection() {
  const agenda = useAgenda()!;
  const i18n = useI18n();
  const { t } = i18n;
  const inputId = useId();
  const [report, setReport] = useState<{ lines: string[]; failed: boolean } | null>(null);
  const exportBundle = async () => {
    const { name, bytes } = await agenda.api.exportBundle();
    downloadBlob(new Blob([bytes as BlobPart], { type: 'application/zip' }), name);
  };
  const exportCsv = (kind: UserKind) => {
    const { name, text } = agenda.api.exportCsv(kind);
    downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), name);
  };
  const importFile = async (file: File) => {
    try {
      const result = await agenda.api.importBundle(new Uint8Array(await file.arrayBuffer()));
      setReport({
        failed: false,
        lines: [
          t('agenda.import.report', {
            added: result.added,
            updated: result.updated,
            unchanged: result.unchanged,
            conflicts: result.conflicts.length,
          }),
          ...result.conflicts.map((c) => conflictText(c, agenda, i18n)),
        ],
      });
    } catch (error) {
      const lines =
        error instanceof BundleError
          ? error.issues.map((issue) => bundleIssueText(issue, i18n))
          : [t('agenda.import.failed', { detail: error instanceof Error ? error.message : String(error) })];
      setReport({ failed: true, lines });
    }
  };
  return (
    <section className="agenda-part" aria-labelledby="agenda-share-title">
      <h4 id="agenda-share-title">{t('agenda.share.title')}</h4>
      <p className="muted">{t('agenda.share.help')}</p>
      <div className="agenda-share-buttons">
        <button type="button" onClick={() => void exportBundle()}>
          {t('agenda.share.export')}
        </button>{' '}
        <button type="button" className="link-button" onClick={() => exportCsv('aims')}>
          {t('agenda.share.csv.aims')}
        </button>{' '}
        <button type="button" className="link-button" onClick={() => exportCsv('notes')}>
          {t('agenda.share.csv.notes')}
        </button>{' '}
        <button type="button" className="link-button" onClick={() => exportCsv('signals')}>
          {t('agenda.share.csv.signals')}
        </button>
      </div>
      <div className="agenda-field">
        <label htmlFor={inputId}>{t('agenda.share.import')}</label>
        <input
          id={inputId}
          type="file"
          accept=".zip,application/zip"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      <div role="status" className={report?.failed ? 'agenda-report agenda-report-failed' : 'agenda-report'}>
        {report && (
          <ul>
            {report.lines.map((line, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one report have no identity of their own
              <li key={n}>{line}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** Where what the user adds is kept: this browser, or only this session (and why). */
function KeptLine() {
  const agenda = useAgenda()!;
  const i18n = useI18n();
  const kept = agenda.api.kept;
  if (kept?.kept === 'session') {
    const reason =
      kept.reason === 'memory' || kept.reason === 'quota'
        ? userdataText(i18n, `userdata.kept.reason.${kept.reason}`)
        : kept.reason;
    return (
      <p className="agenda-kept agenda-kept-session" role="status">
        {userdataText(i18n, 'userdata.kept.session')} {reason}
      </p>
    );
  }
  return <p className="agenda-kept muted">{userdataText(i18n, 'userdata.kept.browser')}</p>;
}

/**
 * The wijkagenda of the shown area in the Kompas: the aims agreed with the wijk (with their status as the compass
 * computes it), the notes, and sharing the gemeente's wijkagenda as one file. The wijk signals stand beside the
 * data-driven signals ({@link WijkSignals}).
 */
export function Wijkagenda({
  area,
  period,
  indicator,
  assessments,
}: {
  area: Area;
  period: number;
  indicator: string;
  assessments: ReadonlyMap<string, IndicatorAssessment>;
}) {
  const agenda = useAgenda();
  const i18n = useI18n();
  const { t } = i18n;
  if (!agenda) return null;
  return (
    <section className="agenda" aria-labelledby="agenda-title" data-print-hide>
      <h3 id="agenda-title" tabIndex={-1}>
        {t('agenda.title')}
      </h3>
      <p className="muted">{t('agenda.help')}</p>
      {agenda.api.damaged.length > 0 && (
        <p role="alert">{agenda.api.damaged.map((id) => userdataText(i18n, 'userdata.damaged', { id }))}</p>
      )}
      <AimsSection area={area} period={period} indicator={indicator} assessments={assessments} />
      <NotesSection area={area} indicator={indicator} />
      <ShareSection />
      <KeptLine />
    </section>
  );
}
