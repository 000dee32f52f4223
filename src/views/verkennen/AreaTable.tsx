import { type FocusEvent, useState } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';

export interface AreaTableRow {
  code: string;
  name: string;
  /** Already formatted cells, one per column after the area's name. */
  cells: string[];
}

export interface AreaTableProps {
  caption: string;
  /** Headers of the columns after the area's name. */
  columns: string[];
  rows: readonly AreaTableRow[];
  onHover: (code: string | null) => void;
  onSelect: (code: string) => void;
}

/**
 * The text equivalent of a chart, and its keyboard access: a table of the same data with a button per area. It is
 * visually hidden until one of its buttons has focus, then shown (WCAG 2.4.7: a focused control must be visible);
 * focusing a button also highlights its area in every chart, as hovering does.
 */
export function AreaTable({ caption, columns, rows, onHover, onSelect }: AreaTableProps) {
  const { t } = useI18n();
  const [focused, setFocused] = useState(false);
  const blur = (event: FocusEvent<HTMLButtonElement>) => {
    const next = event.relatedTarget as Node | null;
    const table = event.currentTarget.closest('table');
    if (!next || !table?.contains(next)) {
      setFocused(false);
      onHover(null);
    }
  };
  return (
    <div className={focused ? 'verkennen-table' : 'visually-hidden'}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('verkennen.col.area')}</th>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
            <th scope="col">{t('verkennen.col.select')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <th scope="row">{r.name}</th>
              {r.cells.map((cell, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed; a cell's place is its identity
                <td key={i}>{cell}</td>
              ))}
              <td>
                <button
                  type="button"
                  onClick={() => onSelect(r.code)}
                  onFocus={() => {
                    setFocused(true);
                    onHover(r.code);
                  }}
                  onBlur={blur}
                >
                  {t('verkennen.select', { area: r.name })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
