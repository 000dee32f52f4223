import { arc } from 'd3';
import { ringAims } from '../../compass/themeSummary.ts';
import type { ThemeSummary } from '../../compass/types.ts';
import { THEMES, type Theme } from '../../data/package.ts';
import { type SvgElementFactory, svgElementFactory } from '../charts/svgElement.ts';

/** What a part of the graphic says: indicators clearly better / worse / unclear, or no verdict at all. */
export type CompassTone = 'better' | 'unclear' | 'worse' | 'none';

/**
 * Fills in lightness steps, so that the tones stay apart in grayscale print and without colour vision
 * (relative luminance 0,08 / 0,31 / 0,53 / 0,85). Blue against red avoids the red–green confusion; each tone also
 * has its own pattern (black on white in print, see badges.css) and every segment says its counts in text.
 */
export const COMPASS_TONES: Record<CompassTone, { fill: string; pattern: 'lines' | 'crosshatch' | 'dots' | 'none' }> = {
  worse: { fill: '#9e1b12', pattern: 'crosshatch' },
  better: { fill: '#5b9bd5', pattern: 'lines' },
  none: { fill: '#b4c3d0', pattern: 'none' },
  unclear: { fill: '#efeee8', pattern: 'dots' },
};

/**
 * The symbols of the counts; language-neutral, explained by the legend and by each segment's aria-label. Better and
 * worse are + and −, not arrows: in the Kompas table an arrow says which way the value went (▼ for a fall that is
 * good news where lower is better), so an arrow here would contradict it.
 */
export const COMPASS_SYMBOLS = {
  better: '+',
  worse: '−',
  unclear: '≈',
  none: '–',
  achieved: '✓',
  onCourse: '↗',
  uncertain: '~',
  offCourse: '✗',
  aimsUnknown: '?',
} as const;

export interface CompassGraphicOptions {
  labels: Record<Theme, string>;
  ariaLabel: string;
  /** The full text of one segment (its aria-label and tooltip). */
  describe(summary: ThemeSummary): string;
  /** How the theme's aims stand, written under its name ("2 van 3 doelen op koers", "te weinig doelen"). */
  aimsText?(summary: ThemeSummary): string;
  /** The document to build in (defaults to the global one); tests pass happy-dom's. */
  document?: Document;
  /** Diameter of the ring in px (default 280); the theme names add room around it. */
  size?: number;
  /** Prefix of the pattern ids, unique per graphic on a page (default 'compass'). */
  idPrefix?: string;
  /** The selected theme (aria-pressed); leave undefined when the graphic selects nothing. */
  activeTheme?: Theme | null;
  /** Called on click, Enter or Space on a segment. */
  onSelect?(theme: Theme): void;
}

const PATTERN_SIZE = 6;
const LABEL_MARGIN_X = 130;
const LABEL_MARGIN_Y = 58;
const LINE_HEIGHT = 14;
/** Half the angular gap between two themes, in radians. */
const GAP = 0.015;

const round = (v: number) => Math.round(v * 10) / 10;

type ElementFactory = SvgElementFactory;
const factory = svgElementFactory;

/** A tone's pattern: its fill with thin marks; print CSS turns the fill white and the marks black. */
function pattern(el: ElementFactory, tone: CompassTone, id: string): SVGPatternElement {
  const { fill, pattern: kind } = COMPASS_TONES[tone];
  const p = el('pattern', { id, patternUnits: 'userSpaceOnUse', width: PATTERN_SIZE, height: PATTERN_SIZE });
  p.appendChild(
    el('rect', { class: `compass-bg compass-bg-${tone}`, width: PATTERN_SIZE, height: PATTERN_SIZE, fill }),
  );
  const rising = 'M0,6L6,0M-1,1L1,-1M5,7L7,5';
  const falling = 'M0,0L6,6M-1,5L1,7M5,-1L7,1';
  const line = (d: string) =>
    el('path', { class: 'compass-mark-line', d, stroke: '#ffffff', 'stroke-opacity': 0.45, 'stroke-width': 1 });
  if (kind === 'lines') p.appendChild(line(rising));
  if (kind === 'crosshatch') p.appendChild(line(`${rising}${falling}`));
  if (kind === 'dots') p.appendChild(el('circle', { class: 'compass-mark-dot', cx: 3, cy: 3, r: 1, fill: '#55606b' }));
  return p;
}

/** A small legend square in a tone's pattern, for an HTML legend beside the graphic. */
export function compassSwatch(tone: CompassTone, options: { idPrefix: string; document?: Document }): SVGSVGElement {
  const el = factory(options.document ?? globalThis.document);
  const id = `${options.idPrefix}-${tone}`;
  const svg = el('svg', {
    class: 'compass-swatch',
    width: 16,
    height: 12,
    viewBox: '0 0 16 12',
    'aria-hidden': 'true',
  });
  const defs = el('defs', {});
  defs.appendChild(pattern(el, tone, id));
  svg.appendChild(defs);
  svg.appendChild(el('rect', { x: 0.5, y: 0.5, width: 15, height: 11, fill: `url(#${id})`, stroke: '#55606b' }));
  return svg;
}

/** Splits a theme name into lines of at most ~14 characters (at most three). */
function wrap(label: string, max = 14): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length > 3 ? [...lines.slice(0, 2), lines.slice(2).join(' ')] : lines;
}

/**
 * The counts written in a segment: "+3 −1" and "≈2"; "–" when nothing has a verdict. The aims are written under the
 * theme's name (options.aimsText), beside the ring they colour.
 */
export function segmentText(s: ThemeSummary): string[] {
  const S = COMPASS_SYMBOLS;
  return s.better + s.worse + s.unclear === 0
    ? [S.none]
    : [`${S.better}${s.better} ${S.worse}${s.worse}`, `${S.unclear}${s.unclear}`];
}

/** Marks the selected theme on a built graphic, without rebuilding it (keeps keyboard focus). */
export function markActiveTheme(svg: Element, theme: Theme | null): void {
  for (const g of svg.querySelectorAll('g.compass-segment')) {
    g.setAttribute('aria-pressed', String(g.getAttribute('data-theme') === theme));
  }
}

/**
 * The compass: one segment per theme (in THEMES order) around a ring. The inner band is split by the share of the
 * theme's indicators that are clearly better, unclear and clearly worse than last time; the outer ring by its aims
 * on course (achieved or projected), not on course and unknown. A theme with no verdict at all is one blue-grey
 * band. Each segment is a keyboard-focusable button with its own text.
 */
export function compassGraphic(summaries: ThemeSummary[], options: CompassGraphicOptions): SVGSVGElement {
  const { labels, ariaLabel, describe, aimsText, size = 280, idPrefix = 'compass', activeTheme, onSelect } = options;
  const el = factory(options.document ?? globalThis.document);
  const R = round(size / 2);
  const width = 2 * (R + LABEL_MARGIN_X);
  const height = 2 * (R + LABEL_MARGIN_Y);
  // role="group", not "img": the segments inside are interactive and must stay in the accessibility tree.
  const svg = el('svg', {
    class: 'compass-svg',
    width,
    height,
    viewBox: `${-R - LABEL_MARGIN_X} ${-R - LABEL_MARGIN_Y} ${width} ${height}`,
    role: 'group',
    'aria-label': ariaLabel,
  });
  const title = el('title', {});
  title.textContent = ariaLabel;
  svg.appendChild(title);

  const order = new Map<Theme, number>(THEMES.map((t, i) => [t, i]));
  const themes = [...new Map(summaries.map((s) => [s.theme, s])).values()].sort(
    (a, b) => (order.get(a.theme) ?? 0) - (order.get(b.theme) ?? 0),
  );
  if (themes.length === 0) return svg;

  const defs = el('defs', {});
  for (const tone of Object.keys(COMPASS_TONES) as CompassTone[])
    defs.appendChild(pattern(el, tone, `${idPrefix}-${tone}`));
  svg.appendChild(defs);

  const r0 = round(R * 0.3);
  const r1 = round(R * 0.8);
  const ringInner = r1 + 3;
  const path = arc<{ innerRadius: number; outerRadius: number; startAngle: number; endAngle: number }>().digits(1);
  const wedge = (innerRadius: number, outerRadius: number, startAngle: number, endAngle: number) =>
    path({ innerRadius, outerRadius, startAngle, endAngle }) ?? '';

  /** Splits [a0, a1] by the counts; parts with no count are left out. */
  const split = (a0: number, a1: number, parts: [CompassTone, number, string][]) => {
    const total = parts.reduce((sum, [, n]) => sum + n, 0);
    let a = a0;
    return parts
      .filter(([, n]) => n > 0)
      .map(([tone, n, kind]) => {
        const start = a;
        a += ((a1 - a0) * n) / total;
        return { tone, n, kind, start, end: a };
      });
  };

  // The visible words and counts sit in their own layer, outside the segment buttons: a button's accessible name
  // (its aria-label) must contain the text inside it, and wrapped names and symbols would not match it.
  const texts = el('g', { class: 'compass-texts', 'aria-hidden': 'true', 'pointer-events': 'none' });
  const step = (2 * Math.PI) / themes.length;
  themes.forEach((s, i) => {
    const a0 = i * step - step / 2 + GAP;
    const a1 = (i + 1) * step - step / 2 - GAP;
    const mid = (a0 + a1) / 2;
    const g = el('g', {
      class: 'compass-segment',
      role: 'button',
      tabindex: 0,
      'data-theme': s.theme,
      'aria-label': describe(s),
    });
    if (activeTheme !== undefined) g.setAttribute('aria-pressed', String(s.theme === activeTheme));
    const tip = el('title', {});
    tip.textContent = describe(s);
    g.appendChild(tip);

    const part = (tone: CompassTone, kind: string, inner: number, outer: number, start: number, end: number) =>
      el('path', {
        class: `compass-part compass-${kind}`,
        'data-tone': tone,
        d: wedge(inner, outer, start, end),
        fill: `url(#${idPrefix}-${tone})`,
        stroke: '#ffffff',
        'stroke-width': 0.75,
      });
    const verdicts = split(a0, a1, [
      ['better', s.better, 'better'],
      ['unclear', s.unclear, 'unclear'],
      ['worse', s.worse, 'worse'],
    ]);
    if (verdicts.length === 0) g.appendChild(part('none', 'none', r0, r1, a0, a1));
    for (const v of verdicts) g.appendChild(part(v.tone, v.kind, r0, r1, v.start, v.end));
    // The ring speaks for the theme's aims only when there are enough of them (MIN_RING_AIMS); else it stays neutral.
    const ring = ringAims(s);
    const aims = ring.enough
      ? split(a0, a1, [
          ['better', ring.onCourse, 'aims-on'],
          ['worse', s.offCourse, 'aims-off'],
          ['none', s.uncertain + s.aimsUnknown, 'aims-unknown'],
        ])
      : [];
    for (const v of aims) g.appendChild(part(v.tone, v.kind, ringInner, R, v.start, v.end));
    if (!ring.enough && ring.total > 0) g.appendChild(part('none', 'aims-few', ringInner, R, a0, a1));
    // Outlines give the light tones a 3:1 edge against the white page (WCAG 1.4.11).
    const outline = (inner: number, outer: number, extra: string) =>
      el('path', { class: `compass-outline${extra}`, d: wedge(inner, outer, a0, a1), fill: 'none', stroke: '#55606b' });
    g.appendChild(outline(r0, r1, ''));
    g.appendChild(outline(ringInner, R, ring.total === 0 ? ' compass-aims-none' : ''));

    const lines = segmentText(s);
    const rm = (r0 + r1) / 2;
    const cx = round(rm * Math.sin(mid));
    const cy = round(-rm * Math.cos(mid) - ((lines.length - 1) * LINE_HEIGHT) / 2 + 4);
    // The symbols are spelt out in the segment's aria-label; read as text they would be noise ("triangle 3").
    const counts = el('text', {
      'data-theme': s.theme,
      class: 'compass-counts',
      'text-anchor': 'middle',
      'font-size': 12,
      'font-weight': 600,
      fill: '#1b2631',
      stroke: '#ffffff',
      'stroke-width': 3,
      'stroke-linejoin': 'round',
      'paint-order': 'stroke',
    });
    lines.forEach((line, j) => {
      const tspan = el('tspan', { x: cx, y: round(cy + j * LINE_HEIGHT) });
      tspan.textContent = line;
      counts.appendChild(tspan);
    });
    texts.appendChild(counts);

    const nameLines = wrap(labels[s.theme] ?? s.theme);
    const aimLines = aimsText ? wrap(aimsText(s)) : [];
    const names = [...nameLines, ...aimLines];
    const rl = R + 10;
    const sin = Math.sin(mid);
    const cos = Math.cos(mid);
    const lx = round(rl * sin);
    const ly = -rl * cos;
    const anchor = Math.abs(sin) < 0.3 ? 'middle' : sin > 0 ? 'start' : 'end';
    // Above the ring the last line sits on the ring, below it the first; beside it the block is centred.
    const top =
      cos > 0.7
        ? ly - (names.length - 1) * LINE_HEIGHT
        : cos < -0.7
          ? ly + 10
          : ly - ((names.length - 1) * LINE_HEIGHT) / 2 + 4;
    // Also in the aria-label (first words), which a screen reader reads instead of the wrapped lines.
    const label = el('text', {
      'data-theme': s.theme,
      class: 'compass-label',
      'text-anchor': anchor,
      'font-size': 12,
      'font-weight': 600,
      fill: '#1b2631',
    });
    names.forEach((name, j) => {
      const position = { x: lx, y: round(top + j * LINE_HEIGHT) };
      const tspan = el(
        'tspan',
        j < nameLines.length
          ? position
          : { ...position, class: 'compass-aims-text', 'font-weight': 400, 'font-size': 11 },
      );
      tspan.textContent = name;
      label.appendChild(tspan);
    });
    texts.appendChild(label);

    // Drawn last: the hit area over gaps and the ring drawn on focus, hover and selection.
    g.appendChild(
      el('path', { class: 'compass-focus', d: wedge(r0 - 3, R + 3, a0 - GAP, a1 + GAP), fill: 'transparent' }),
    );

    if (onSelect) {
      g.addEventListener('click', () => onSelect(s.theme));
      g.addEventListener('keydown', (event) => {
        const key = (event as KeyboardEvent).key;
        if (key === 'Enter' || key === ' ') {
          event.preventDefault();
          onSelect(s.theme);
        }
      });
    }
    svg.appendChild(g);
  });
  svg.appendChild(texts);
  return svg;
}
