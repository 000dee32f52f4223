import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { isolate } from '../../app/bidi.ts';
import { useI18n } from '../../app/i18n/index.tsx';
import { nameNote } from '../../data/areaPeriods.ts';
import type { Area } from '../../data/package.ts';
import { ancestors, buildAreaTree, searchAreas, type TreeNode } from './areaTree.ts';

export interface AreaPickerProps {
  areas: readonly Area[];
  selected: string | null;
  onSelect(code: string): void;
  /** The area under the pointer (null when it leaves the list): the app loads its data after a short dwell. */
  onHover?(code: string | null): void;
}

/** One visible line of the tree. `code` is null for the "custom areas" group heading. */
interface Row {
  key: string;
  code: string | null;
  label: string;
  detail: string;
  depth: number;
  parentKey: string | null;
  expandable: boolean;
  expanded: boolean;
}

const CUSTOM_GROUP = '#custom';

/**
 * The accessible alternative to clicking the map: a WAI-ARIA tree (gemeente → wijk → buurt, plus custom areas)
 * with roving focus (arrows, Home/End, Enter), and a search box that turns it into a result list.
 */
export function AreaPicker({ areas, selected, onSelect, onHover }: AreaPickerProps) {
  const { t, plural } = useI18n();
  const id = useId();
  const tree = useMemo(() => buildAreaTree(areas), [areas]);
  const byCode = useMemo(() => new Map(areas.map((a) => [a.code, a])), [areas]);
  const [query, setQuery] = useState('');
  // One gemeente opens on its wijken; a package of hundreds of gemeenten opens folded (only down to the selection).
  const [expanded, setExpanded] = useState<Set<string>>(
    () => new Set(tree.roots.length === 1 ? tree.roots.map((r) => r.area.code) : []),
  );
  const [focusKey, setFocusKey] = useState<string | null>(selected);
  const itemRefs = useRef(new Map<string, HTMLDivElement>());
  const focusOnRender = useRef(false);

  // Open the tree down to the selected area, wherever it was selected from (map, URL, search).
  useEffect(() => {
    if (!selected) return;
    const up = ancestors(byCode, selected);
    const extra = byCode.get(selected)?.level === 'gebied' ? [CUSTOM_GROUP] : [];
    setExpanded((old) =>
      up.every((c) => old.has(c)) && extra.every((c) => old.has(c)) ? old : new Set([...old, ...up, ...extra]),
    );
    setFocusKey(selected);
  }, [selected, byCode]);

  const results = useMemo(() => searchAreas(areas, query), [areas, query]);
  const rows = useMemo(() => {
    const out: Row[] = [];
    const levelName = (a: Area) => t(`levelSingular.${a.level}`);
    const walk = (node: TreeNode, depth: number, parentKey: string | null) => {
      const open = expanded.has(node.area.code);
      out.push({
        key: node.area.code,
        code: node.area.code,
        label: isolate(node.area.name),
        detail: levelName(node.area),
        depth,
        parentKey,
        expandable: node.children.length > 0,
        expanded: open,
      });
      if (open) for (const child of node.children) walk(child, depth + 1, node.area.code);
    };
    for (const root of tree.roots) walk(root, 1, null);
    if (tree.custom.length > 0) {
      const open = expanded.has(CUSTOM_GROUP);
      out.push({
        key: CUSTOM_GROUP,
        code: null,
        label: t('picker.customAreas'),
        detail: '',
        depth: 1,
        parentKey: null,
        expandable: true,
        expanded: open,
      });
      if (open)
        for (const a of tree.custom)
          out.push({
            key: a.code,
            code: a.code,
            label: isolate(a.name),
            detail: levelName(a),
            depth: 2,
            parentKey: CUSTOM_GROUP,
            expandable: false,
            expanded: false,
          });
    }
    return out;
  }, [tree, expanded, t]);

  const activeKey = rows.some((r) => r.key === focusKey) ? focusKey : (rows[0]?.key ?? null);

  useEffect(() => {
    if (focusOnRender.current && activeKey) itemRefs.current.get(activeKey)?.focus();
    focusOnRender.current = false;
  });

  const toggle = (key: string, open: boolean) =>
    setExpanded((old) => {
      const next = new Set(old);
      if (open) next.add(key);
      else next.delete(key);
      return next;
    });

  const moveFocus = (key: string | null | undefined) => {
    if (!key) return;
    focusOnRender.current = true;
    setFocusKey(key);
    itemRefs.current.get(key)?.focus();
  };

  const onTreeKey = (event: KeyboardEvent, row: Row) => {
    const index = rows.findIndex((r) => r.key === row.key);
    const handled = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    switch (event.key) {
      case 'ArrowDown':
        handled();
        moveFocus(rows[index + 1]?.key);
        break;
      case 'ArrowUp':
        handled();
        moveFocus(rows[index - 1]?.key);
        break;
      case 'Home':
        handled();
        moveFocus(rows[0]?.key);
        break;
      case 'End':
        handled();
        moveFocus(rows[rows.length - 1]?.key);
        break;
      case 'ArrowRight':
        handled();
        if (row.expandable && !row.expanded) toggle(row.key, true);
        else if (row.expanded) moveFocus(rows[index + 1]?.key);
        break;
      case 'ArrowLeft':
        handled();
        if (row.expandable && row.expanded) toggle(row.key, false);
        else moveFocus(row.parentKey);
        break;
      case 'Enter':
      case ' ':
        handled();
        if (row.code) onSelect(row.code);
        else toggle(row.key, !row.expanded);
        break;
    }
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && results[0]) {
      event.preventDefault();
      onSelect(results[0].code);
    } else if (event.key === 'ArrowDown' && results[0]) {
      event.preventDefault();
      itemRefs.current.get(`result-${results[0].code}`)?.focus();
    } else if (event.key === 'Escape') {
      setQuery('');
    }
  };

  const onResultKey = (event: KeyboardEvent, index: number) => {
    const go = (i: number) => {
      const r = results[i];
      if (r) itemRefs.current.get(`result-${r.code}`)?.focus();
    };
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      go(index + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (index === 0) document.getElementById(`${id}-search`)?.focus();
      else go(index - 1);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const r = results[index];
      if (r) onSelect(r.code);
    }
  };

  const ref = (key: string) => (el: HTMLDivElement | null) => {
    if (el) itemRefs.current.set(key, el);
    else itemRefs.current.delete(key);
  };

  return (
    <nav
      className="picker"
      aria-labelledby={`${id}-title`}
      onPointerOver={
        onHover && ((e) => onHover((e.target as Element).closest('[data-code]')?.getAttribute('data-code') ?? null))
      }
      onPointerLeave={onHover && (() => onHover(null))}
    >
      <h2 id={`${id}-title`}>{t('picker.title')}</h2>
      <label htmlFor={`${id}-search`} className="visually-hidden">
        {t('picker.search')}
      </label>
      <input
        id={`${id}-search`}
        type="search"
        className="picker-search"
        placeholder={t('picker.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value.slice(0, 100))}
        onKeyDown={onSearchKey}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
      />
      <p id={`${id}-hint`} className="visually-hidden">
        {t('picker.searchHint')}
      </p>
      {query.trim() ? (
        <>
          <p className="picker-status" role="status">
            {results.length === 0
              ? t('picker.noResults', { query: query.trim() })
              : plural('picker.results', results.length)}
          </p>
          <div className="picker-results" role="listbox" aria-label={t('picker.title')}>
            {results.map((area, index) => (
              <div
                key={area.code}
                ref={ref(`result-${area.code}`)}
                role="option"
                tabIndex={-1}
                aria-selected={area.code === selected}
                data-code={area.code}
                onClick={() => onSelect(area.code)}
                onKeyDown={(e) => onResultKey(e, index)}
              >
                <span className="picker-name">{isolate(area.name)}</span>{' '}
                {nameNote(area) && (
                  <span className="picker-former">
                    ({t(`area.${nameNote(area)!.kind}`, { names: nameNote(area)!.names })}){' '}
                  </span>
                )}
                <span className="picker-detail">
                  {t(`levelSingular.${area.level}`)} · {area.code}
                </span>
              </div>
            ))}
          </div>
        </>
      ) : (
        <div className="picker-tree" role="tree" aria-label={t('picker.title')}>
          {rows.map((row) => (
            <div
              key={row.key}
              ref={ref(row.key)}
              role="treeitem"
              aria-level={row.depth}
              aria-expanded={row.expandable ? row.expanded : undefined}
              aria-selected={row.code !== null && row.code === selected}
              tabIndex={row.key === activeKey ? 0 : -1}
              style={{ paddingLeft: `${(row.depth - 1) * 1.1 + 0.3}rem` }}
              data-code={row.code ?? undefined}
              onClick={(e) => {
                e.stopPropagation();
                setFocusKey(row.key);
                if (row.code) onSelect(row.code);
                else toggle(row.key, !row.expanded);
              }}
              onKeyDown={(e) => onTreeKey(e, row)}
            >
              {row.expandable ? (
                <button
                  type="button"
                  className="picker-toggle"
                  tabIndex={-1}
                  aria-hidden="true"
                  onClick={(e) => {
                    e.stopPropagation();
                    toggle(row.key, !row.expanded);
                  }}
                >
                  {row.expanded ? '▾' : '▸'}
                </button>
              ) : (
                <span className="picker-toggle" aria-hidden="true" />
              )}
              <span className="picker-name">{row.label}</span>
              {row.detail && <span className="picker-detail"> · {row.detail}</span>}
            </div>
          ))}
        </div>
      )}
    </nav>
  );
}
