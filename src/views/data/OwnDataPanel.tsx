import { type ChangeEvent, type DragEvent, useId, useRef, useState } from 'react';
import { fillTemplate, formatNumber } from '../../app/format.ts';
import { type I18n, useI18n } from '../../app/i18n/index.tsx';
import { owndataEN } from '../../app/i18n/owndata.en.ts';
import { owndataNL } from '../../app/i18n/owndata.nl.ts';
import { validationMessages as validationEN } from '../../app/i18n/validation.en.ts';
import { validationMessages as validationNL } from '../../app/i18n/validation.nl.ts';
import { formatIssue, type ValidationMessages } from '../../data/issueText.ts';
import type { Area, PackageIssue } from '../../data/package.ts';
import { downloadBlob } from '../../export/download.ts';
import {
  fileSizeIssue,
  isOwnIssueCode,
  MAX_OWN_FILE_MB,
  MAX_OWN_ROWS,
  type OwnDataIssue,
} from '../../userdata/ownDataParse.ts';
import { ownDataTemplate } from '../../userdata/ownDataTemplate.ts';

type OwnKey = keyof typeof owndataNL;

/** The panel's texts in the interface language. */
function useOwnText(): { i18n: I18n; text: (key: OwnKey, params?: Record<string, string | number>) => string } {
  const i18n = useI18n();
  const messages = i18n.lang === 'en' ? owndataEN : owndataNL;
  return { i18n, text: (key, params) => fillTemplate(messages[key], params) };
}

/** One issue as a line naming file, row and column: package codes by the i18n formatter, own codes from owndata. */
function issueLine(issue: OwnDataIssue, i18n: I18n): string {
  if (!isOwnIssueCode(issue.code)) return i18n.issue(issue as PackageIssue);
  const own = i18n.lang === 'en' ? owndataEN : owndataNL;
  const messages: ValidationMessages = {
    ...(i18n.lang === 'en' ? validationEN : validationNL),
    csvError: own[`owndata.issue.${issue.code}`],
  };
  // A row limit reads as the panel writes it (1.000.000), not as the bare number.
  const limit = issue.params?.limit;
  const params =
    typeof limit === 'number' ? { ...issue.params, limit: formatNumber(limit, 0, i18n.lang) } : issue.params;
  return formatIssue({ ...issue, ...(params && { params }), code: 'csvError' }, messages);
}

export interface OwnDataPanelProps {
  /**
   * Reads, checks and loads a file; rejects (the app then sets `issues`) when it is not added, or with an AbortError
   * when `signal` cancels it. `onProgress` hears the bytes read.
   */
  onAdd(
    file: File,
    options: { onProgress(file: string, read: number, size: number): void; signal: AbortSignal },
  ): Promise<void>;
  onRemove(name: string): void;
  /** The own files loaded now, with the indicator ids each adds (or, for an indicators file, describes). */
  files: { name: string; indicators: string[] }[];
  /** Why the last file was not added; null when it was (or nothing was tried). */
  issues: readonly OwnDataIssue[] | PackageIssue[] | null;
  /** The package's areas and latest year, for the fill-in files (one per level the package has). */
  template?: { areas: readonly Area[]; period: number; fileName: string };
}

const TEMPLATE_LEVELS = ['buurt', 'wijk', 'gebied'] as const;

/**
 * Adding own data: a file input and a drop zone, the files loaded with their indicators (each removable), the
 * issues of a file that was refused, and how a file should look. Keeps no data itself: the app owns the state.
 */
export function OwnDataPanel({ onAdd, onRemove, files, issues, template }: OwnDataPanelProps) {
  const { i18n, text } = useOwnText();
  const id = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState<string | null>(null);
  // Whole percent read of the file being read, updated only when it changes (a render per percent at most).
  const [percent, setPercent] = useState(0);
  const reading = useRef<AbortController | null>(null);
  const [dragging, setDragging] = useState(false);
  // A file refused here, before the app reads it (too large); the app's `issues` cover the rest.
  const [refused, setRefused] = useState<OwnDataIssue[] | null>(null);
  const shown = refused ?? issues;

  const add = async (list: FileList | null) => {
    for (const file of Array.from(list ?? [])) {
      // By File.size, so that a file of gigabytes is never read into memory.
      const tooLarge = fileSizeIssue(file.name, file.size);
      setRefused(tooLarge && [tooLarge]);
      if (tooLarge) {
        setAdded(null);
        break;
      }
      setBusy(file.name);
      setAdded(null);
      setCancelled(null);
      setPercent(0);
      const controller = new AbortController();
      reading.current = controller;
      try {
        await onAdd(file, {
          onProgress: (_name, read, size) => setPercent(size > 0 ? Math.floor((read / size) * 100) : 100),
          signal: controller.signal,
        });
        setAdded(file.name);
      } catch {
        // The app reports why through `issues`; stop at the first refused (or cancelled) file.
        if (controller.signal.aborted) setCancelled(file.name);
        break;
      } finally {
        reading.current = null;
        setBusy(null);
      }
    }
  };
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    void add(input.files).finally(() => {
      // Choosing the same file again (after fixing it) must fire a change.
      input.value = '';
    });
  };
  const templateLevels = template
    ? TEMPLATE_LEVELS.filter((level) => template.areas.some((a) => a.level === level))
    : [];
  const downloadTemplate = (level: (typeof TEMPLATE_LEVELS)[number]) => {
    if (!template) return;
    const text = ownDataTemplate(template.areas, { level, period: template.period, lang: i18n.lang });
    // With a byte order mark, so Excel reads the names' accents as UTF-8.
    downloadBlob(
      new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }),
      `${template.fileName}-invulbestand-${level}-${template.period}.csv`,
    );
  };
  const onDragOver = (event: DragEvent<HTMLElement>) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    void add(event.dataTransfer.files);
  };

  return (
    <section className="owndata" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{text('owndata.title')}</h2>
      <p>{text('owndata.intro')}</p>
      <p className="owndata-privacy">{text('owndata.privacy')}</p>

      <section
        className={dragging ? 'owndata-drop owndata-drop-active' : 'owndata-drop'}
        aria-label={text('owndata.choose')}
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={`${id}-file`}>{text('owndata.choose')}</label>{' '}
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,.xlsx,.parquet,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple
          disabled={busy !== null}
          aria-describedby={`${id}-accept`}
          onChange={onChange}
        />{' '}
        <span aria-hidden="true">{dragging ? text('owndata.dropActive') : text('owndata.drop')}</span>
        <p id={`${id}-accept`} className="owndata-accept">
          {text('owndata.accept', {
            limit: MAX_OWN_FILE_MB,
            rows: formatNumber(MAX_OWN_ROWS, 0, i18n.lang),
          })}
        </p>
      </section>

      {templateLevels.length > 0 && (
        <p className="owndata-template">
          {text('owndata.template')}{' '}
          {templateLevels.map((level) => (
            <button key={level} type="button" onClick={() => downloadTemplate(level)}>
              {text('owndata.templateLevel', { level: i18n.t(`level.${level}`).toLowerCase() })}
            </button>
          ))}
        </p>
      )}

      <p role="status" className="owndata-status">
        {busy !== null
          ? percent < 100
            ? text('owndata.progress', { name: busy, percent })
            : text('owndata.checking', { name: busy })
          : added !== null
            ? text('owndata.added', { name: added })
            : cancelled !== null
              ? text('owndata.cancelled', { name: cancelled })
              : ''}
      </p>
      {busy !== null && (
        <p className="owndata-progress">
          <progress max={100} value={percent} aria-label={text('owndata.progressLabel', { name: busy })} />{' '}
          <button type="button" onClick={() => reading.current?.abort()}>
            {text('owndata.cancel')}
          </button>
        </p>
      )}

      {shown && shown.length > 0 && (
        <div role="alert" className="owndata-issues">
          <p>{text('owndata.issuesTitle')}</p>
          <ul>
            {shown.map((issue, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a list shown once per refusal
              <li key={k}>{issueLine(issue as OwnDataIssue, i18n)}</li>
            ))}
          </ul>
        </div>
      )}

      <h3>{text('owndata.files')}</h3>
      {files.length === 0 ? (
        <p className="owndata-none">{text('owndata.none')}</p>
      ) : (
        <ul className="owndata-files">
          {files.map((file) => (
            <li key={file.name}>
              <span className="owndata-file-name">{file.name}</span>{' '}
              <span className="owndata-file-indicators">
                {file.indicators.length > 0
                  ? text('owndata.indicators', { list: file.indicators.join(', ') })
                  : text('owndata.noIndicators')}
              </span>{' '}
              <button
                type="button"
                onClick={() => onRemove(file.name)}
                aria-label={text('owndata.removeLabel', { name: file.name })}
              >
                {text('owndata.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <details className="owndata-format">
        <summary>{text('owndata.formatTitle')}</summary>
        <ul>
          <li>{text('owndata.formatLong')}</li>
          <li>{text('owndata.formatWide')}</li>
          <li>{text('owndata.formatIndicators')}</li>
          <li>{text('owndata.formatCodes')}</li>
        </ul>
      </details>
      <p className="owndata-defaults">{text('owndata.defaults')}</p>
    </section>
  );
}
