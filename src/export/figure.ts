/**
 * The static figure as plain data (FIGURE.md "Inputs"), and `figureFromData`, which builds it from
 * the element's data without a DOM: for the CLI, servers and tests. `renderFigureSvg` (svg.ts) draws it.
 *
 * @module
 */
import { bestTextColor, parseColor } from '../color.js';
import { gradientStops, tickCount } from '../colorbar.js';
import { buildMatrix } from '../data.js';
import { formatTick, formatValue } from '../format.js';
import { clampSide, colorbarTicks, resolveDomain, scalePosition, type Domain } from '../scale.js';
import { DEFAULT_SCHEME, schemeInterpolator, type Interpolator } from '../schemes.js';
import { spokenToken } from '../tokens.js';
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

/** The element's data: the keys of demo/seed-heatmap.json, i.e. its properties. */
export interface FigureData {
  rows?: unknown;
  columns?: unknown;
  values?: unknown;
  min?: number | null;
  max?: number | null;
  center?: number | null;
  scheme?: string;
  /** A `(t) => colour` function; wins over `scheme`, as on the element. */
  interpolator?: Interpolator;
  decimals?: number;
  label?: string;
  caption?: string;
  transpose?: boolean;
  theme?: 'light' | 'dark';
  columnLabelOrientation?: 'auto' | 'horizontal' | 'vertical';
}

/** Options of {@link figureFromData}. */
export interface FigureDataOptions {
  /** Ids in the SVG start with this; by default a hash of the data, so two figures rarely share one. */
  idPrefix?: string;
  /** `auto` (default): the overview image past 100,000 cells; `true`/`false` force it. */
  overview?: boolean | 'auto';
  /** A zlib compressor for the overview PNG (Node's `zlib.deflateSync`); stored blocks without one. */
  deflate?: (data: Uint8Array) => Uint8Array;
}

const validDecimals = (d: unknown) => (typeof d === 'number' && Number.isInteger(d) && d >= 0 && d <= 20 ? d : 4);

/**
 * A {@link FigureInput} from the element's data, computed as the element computes it (domain,
 * colours, contrast text, clamping, ticks) with sizes left to the renderer's estimates. Never throws:
 * invalid parts become missing cells or index labels, as in the element.
 */
export function figureFromData(data: FigureData, options: FigureDataOptions = {}): FigureInput {
  const matrix = buildMatrix(data.rows, data.columns, data.values);
  const { stats } = matrix;
  const decimals = validDecimals(data.decimals);
  const isSet = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
  const center = isSet(data.center) ? data.center : 0;
  const deviation = stats.maxIndex < 0 ? 0 : Math.max(Math.abs(stats.max - center), Math.abs(stats.min - center));
  const { domain } = resolveDomain({ min: data.min, max: data.max, center }, deviation);
  const interpolate = usableInterpolator(data.interpolator) ?? schemeInterpolator(String(data.scheme ?? DEFAULT_SCHEME)) ?? schemeInterpolator(DEFAULT_SCHEME)!;
  const transpose = data.transpose === true;
  const rows = transpose ? matrix.columnCount : matrix.rowCount;
  const columns = transpose ? matrix.rowCount : matrix.columnCount;
  const theme = data.theme === 'dark' ? 'dark' : 'light';

  const colors = new Map<number, readonly [string, string]>();
  const colorFor = (value: number) => {
    let pair = colors.get(value);
    if (!pair) {
      const background = String(interpolate(scalePosition(value, domain)));
      pair = [background, bestTextColor(parseColor(background) ?? [255, 255, 255]) === '#000' ? '#000000' : '#ffffff'];
      if (colors.size > 50_000) colors.clear();
      colors.set(value, pair);
    }
    return pair;
  };
  const valueAt = (r: number, c: number) => (transpose ? matrix.at(c, r) : matrix.at(r, c));
  const cell = (r: number, c: number): FigureCell | null => {
    const value = valueAt(r, c);
    if (Number.isNaN(value)) return null;
    const [background, color] = colorFor(value);
    return { text: formatValue(value, decimals), background, color, clamped: clampSide(value, domain) };
  };

  const useOverview = options.overview === true || (options.overview !== false && rows * columns > OVERVIEW_CELL_LIMIT);
  const barHeight = rows * (useOverview ? overviewCellSize(rows, columns) : 28);
  const ticks = colorbarTicks(domain, tickCount(barHeight)).map((value) => ({ value, text: formatTick(value, decimals) }));
  const colorbar: FigureColorbar = {
    domain,
    stops: gradientStops(domain, interpolate),
    ticks,
    pointedHigh: stats.maxIndex >= 0 && stats.max > domain.max,
    pointedLow: stats.minIndex >= 0 && stats.min < domain.min,
    highColor: String(interpolate(1)),
    lowColor: String(interpolate(0)),
  };

  const rowLabels = transpose ? matrix.columnLabels : matrix.rowLabels;
  const columnLabels = transpose ? matrix.rowLabels : matrix.columnLabels;
  const input: FigureInput = {
    caption: typeof data.caption === 'string' ? data.caption : '',
    label: typeof data.label === 'string' ? data.label : '',
    rowLabels,
    columnLabels,
    tokenAxis: transpose ? 'columns' : 'rows',
    cell,
    colorbar,
    theme,
    columnLabelOrientation: data.columnLabelOrientation,
    idPrefix: options.idPrefix ?? `th${hashData(rowLabels, columnLabels, rows, columns, cell)}`,
    description: describeMatrix(matrix.rowCount, matrix.columnCount, matrix.rowLabels, matrix.columnLabels, stats, decimals),
  };
  if (useOverview) {
    const missing = parseColor(FIGURE_THEMES[theme].missing)!;
    const rgbAt = (r: number, c: number) => {
      const value = valueAt(r, c);
      return Number.isNaN(value) ? missing : parseColor(colorFor(value)[0]) ?? missing;
    };
    input.overview = { href: overviewPng(rows, columns, rgbAt, options.deflate) };
  }
  return input;
}

function usableInterpolator(fn: unknown): Interpolator | null {
  try {
    return typeof fn === 'function' && typeof fn(0.5) === 'string' ? (fn as Interpolator) : null;
  } catch {
    return null;
  }
}

/** The element's summary sentence: "13 tokens × 5 outputs; largest 1.9074 at '/' × '…'; smallest …". */
export function describeMatrix(
  rowCount: number,
  columnCount: number,
  rowLabels: readonly string[],
  columnLabels: readonly string[],
  stats: { min: number; max: number; minIndex: number; maxIndex: number },
  decimals: number,
): string {
  let text = `${rowCount} tokens × ${columnCount} outputs`;
  const at = (index: number) =>
    `'${spokenToken(rowLabels[Math.floor(index / columnCount)])}' × '${spokenToken(columnLabels[index % columnCount])}'`;
  if (stats.maxIndex >= 0) {
    text += `; largest ${formatValue(stats.max, decimals)} at ${at(stats.maxIndex)}`;
    text += `; smallest ${formatValue(stats.min, decimals)} at ${at(stats.minIndex)}`;
  }
  return text + '.';
}

/** A PNG data URL of the grid at one pixel a cell. */
export function overviewPng(
  rows: number,
  columns: number,
  rgbAt: (row: number, column: number) => readonly [number, number, number],
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
