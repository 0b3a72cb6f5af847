/**
 * The static figure as plain data (FIGURE.md "Inputs"), and `figureFromData`, which builds it from
 * the element's data without a DOM: for the CLI, servers and tests. `renderFigureSvg` (svg.ts) draws it.
 *
 * @module
 */
import { parseColor } from '../color.js';
import { gradientStops, tickCount } from '../colorbar.js';
import { formatTick, formatValue } from '../format.js';
import { CellColors } from '../grid/cell-colors.js';
import type { PropertyName } from '../properties.js';
import { clampSide, colorbarTicks, type Domain } from '../scale.js';
import { ViewDeriver, type DerivedView } from '../view/derive.js';
import { CLOSED } from '../view/expansion.js';
import { normalisationTitle } from '../view/normalise.js';
import { encodePng, pngDataUrl } from './png.js';

/** One drawn cell: its printed text, background exactly as the interpolator returned it, text colour, clamped side. */
export interface FigureCell {
  text: string;
  background: string;
  color: string;
  /** -1 below the colour domain, 1 above it, 0 inside. */
  clamped: -1 | 0 | 1;
}

/** The colour bar as drawn: gradient stops, ticks with their printed text, pointed ends. */
export interface FigureColorbar {
  domain: Domain;
  /** `gradientStops` of colorbar.ts: `"<colour> <percent>%"`, bottom (min) to top (max). */
  stops: readonly string[];
  ticks: readonly { value: number; text: string }[];
  /** Values lie above the domain: the top end is pointed, filled with `highColor` (interpolate(1)). */
  pointedHigh: boolean;
  pointedLow: boolean;
  highColor: string;
  lowColor: string;
}

/** What the element measured; anything left out is estimated as FIGURE.md says. */
export interface FigureSizes {
  rowLabelWidth?: number;
  headerHeight?: number;
  cellWidth?: number;
  cellHeight?: number;
  columnLabelOrientation?: 'horizontal' | 'vertical';
}

/** The cells as one image, one pixel a cell (a PNG data URL, or the element's canvas as one). */
export interface FigureOverview {
  href: string;
}

/** Everything the static figure shows, as plain data. */
export interface FigureInput {
  caption: string;
  /** The colour bar's title. */
  label: string;
  /** Raw token text; glyph substitution is the renderer's job. */
  rowLabels: readonly string[];
  columnLabels: readonly string[];
  /** The axis whose labels are tokens, drawn in the monospace font (`'columns'` when transposed). */
  tokenAxis: 'rows' | 'columns';
  /** The cell at a display position, or null where the value is missing. */
  cell(row: number, column: number): FigureCell | null;
  /** Nesting depth of a row (an opened group's pieces are 1): indented 1em a level. */
  rowDepth?: (row: number) => number;
  columnDepth?: (column: number) => number;
  colorbar: FigureColorbar;
  theme: 'light' | 'dark';
  /** `auto` decides as the element does; measured `sizes.columnLabelOrientation` wins. */
  columnLabelOrientation?: 'auto' | 'horizontal' | 'vertical';
  sizes?: FigureSizes;
  /** Prefix of the figure's `<pattern>` and `<linearGradient>` ids, unique per figure in a page. */
  idPrefix: string;
  /** The SVG's `<desc>`: shape and extremes. */
  description?: string;
  /** When given, the cells are this image instead of vector cells (a matrix too large to read). */
  overview?: FigureOverview;
}

/** Colours of each theme (FIGURE.md "Theme colours"). */
export const FIGURE_THEMES = {
  light: { background: '#ffffff', text: '#1f2328', muted: '#59636e', line: '#d1d9e0', missing: '#f6f8fa', stripe: '#afb8c1' },
  dark: { background: '#0d1117', text: '#e6edf3', muted: '#9198a1', line: '#3d444d', missing: '#151b23', stripe: '#59636e' },
} as const;

/** More shown cells than this are drawn as one overview image. */
export const OVERVIEW_CELL_LIMIT = 100_000;

/** Side of an overview cell when nothing was measured: the grid fits in about 1024 px, 1 to 28 px a cell. */
export function overviewCellSize(rows: number, columns: number): number {
  return Math.max(1, Math.min(28, Math.floor(1024 / Math.max(rows, columns, 1))));
}

/** The element's data and options: the keys of demo/seed-heatmap.json, i.e. its properties. */
export type FigureData = Partial<Record<PropertyName, unknown>>;

/** Options of {@link figureFromData} and {@link figureFromView}. */
export interface FigureOptions {
  /** Ids in the SVG start with this; by default a hash of the data, so two figures rarely share one. */
  idPrefix?: string;
  /** `auto` (default): the overview image past 100,000 cells; `true`/`false` force it. */
  overview?: boolean | 'auto';
  /** A zlib compressor for the overview PNG (Node's `zlib.deflateSync`); stored blocks without one. */
  deflate?: (data: Uint8Array) => Uint8Array;
  /** What the element measured; anything left out is estimated. */
  sizes?: FigureSizes;
  /** Light unless the view asks for dark. */
  theme?: 'light' | 'dark';
}

/**
 * A {@link FigureInput} from the element's data, computed exactly as the element computes it
 * (src/view/derive.ts: grouping, normalisation, focus, domain, colours, clamping, ticks) with sizes
 * left to the renderer's estimates. Never throws: invalid parts become missing cells or index labels.
 */
export function figureFromData(data: FigureData, options: FigureOptions = {}): FigureInput {
  const view = new ViewDeriver().derive({ value: (name) => data[name], attribute: () => null }, CLOSED);
  const colors = new CellColors();
  colors.configure(view.domain, view.interpolate);
  const encode = (rows: number, columns: number, rgbAt: OverviewPixels) => overviewPng(rows, columns, rgbAt, options.deflate);
  return figureFromView(view, (value) => colors.colorFor(value), encode, options);
}

/** A cell's colour for the overview image, as 0–255 channels. */
export type OverviewPixels = (row: number, column: number) => readonly [number, number, number];

/** Turns the overview's cells into an image URL: a PNG encoded here (Node), or a canvas's (the element). */
export type OverviewEncoder = (rows: number, columns: number, rgbAt: OverviewPixels) => string;

/** A {@link FigureInput} of a derived view, its cells coloured by `colorFor` (background, text colour). */
export function figureFromView(
  view: DerivedView,
  colorFor: (value: number) => readonly [string, string],
  encodeOverview: OverviewEncoder,
  options: FigureOptions = {},
): FigureInput {
  const { model, domain, interpolate, decimals, stats } = view;
  const { rows, columns } = model;
  const theme = options.theme ?? (view.theme === 'dark' ? 'dark' : 'light');
  const full = (color: string) => (color === '#000' ? '#000000' : color === '#fff' ? '#ffffff' : color);
  const cell = (r: number, c: number): FigureCell | null => {
    const value = model.value(r, c);
    if (value === null) return null;
    const [background, color] = colorFor(value);
    return { text: formatValue(value, decimals), background, color: full(color), clamped: clampSide(value, domain) };
  };
  const useOverview = options.overview === true || (options.overview !== false && rows.count * columns.count > OVERVIEW_CELL_LIMIT);
  const barHeight = rows.count * (useOverview ? overviewCellSize(rows.count, columns.count) : (options.sizes?.cellHeight ?? 28));
  const colorbar: FigureColorbar = {
    domain,
    stops: gradientStops(domain, interpolate),
    ticks: colorbarTicks(domain, tickCount(barHeight)).map((value) => ({ value, text: formatTick(value, decimals) })),
    pointedHigh: stats.maxRow >= 0 && stats.max > domain.max,
    pointedLow: stats.minRow >= 0 && stats.min < domain.min,
    highColor: String(interpolate(1)),
    lowColor: String(interpolate(0)),
  };
  const labels = (axis: typeof rows) => Array.from({ length: axis.count }, (_, i) => axis.label(i));
  const rowLabels = labels(rows);
  const columnLabels = labels(columns);
  const input: FigureInput = {
    caption: view.caption,
    label: [view.label, normalisationTitle(view.normalize)].filter(Boolean).join(', '),
    rowLabels,
    columnLabels,
    tokenAxis: rows.tokens ? 'rows' : 'columns',
    cell,
    rowDepth: (r) => rows.depth(r),
    columnDepth: (c) => columns.depth(c),
    colorbar,
    theme,
    columnLabelOrientation: view.columnLabelOrientation,
    sizes: options.sizes,
    idPrefix: options.idPrefix ?? `th${hashData(rowLabels, columnLabels, rows.count, columns.count, cell)}`,
    description: model.summary(decimals),
  };
  if (useOverview) {
    const missing = parseColor(FIGURE_THEMES[theme].missing)!;
    const rgbAt = (r: number, c: number) => {
      const value = model.value(r, c);
      return value === null ? missing : (parseColor(colorFor(value)[0]) ?? missing);
    };
    input.overview = { href: encodeOverview(rows.count, columns.count, rgbAt) };
  }
  return input;
}

/** A PNG data URL of the grid at one pixel a cell. */
export function overviewPng(
  rows: number,
  columns: number,
  rgbAt: OverviewPixels,
  deflate?: (data: Uint8Array) => Uint8Array,
): string {
  const pixels = new Uint8Array(rows * columns * 3);
  for (let r = 0, i = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++, i += 3) {
      const [red, green, blue] = rgbAt(r, c);
      pixels[i] = red;
      pixels[i + 1] = green;
      pixels[i + 2] = blue;
    }
  }
  return pngDataUrl(encodePng(columns, rows, pixels, { deflate }));
}

// FNV-1a over the labels and a sample of the cells: the same data gives the same ids (reproducible
// files), different figures in one page almost never collide.
function hashData(rowLabels: readonly string[], columnLabels: readonly string[], rows: number, columns: number, cell: FigureInput['cell']): string {
  let h = 0x811c9dc5;
  const add = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193);
  };
  add(`${rows}x${columns}`);
  for (let i = 0; i < Math.min(rowLabels.length, 200); i++) add(rowLabels[i]);
  for (let i = 0; i < Math.min(columnLabels.length, 200); i++) add(columnLabels[i]);
  const step = Math.max(1, Math.floor((rows * columns) / 500));
  for (let k = 0; k < rows * columns; k += step) add(cell(Math.floor(k / columns), k % columns)?.text ?? '');
  return (h >>> 0).toString(36);
}
