// Zoom and pan as pure arithmetic: per-axis scales from one zoom level, fitting, zooming about a
// point, panning, the visible ranges, and how many decimals a cell of some size can print.
import type { IndexRange } from '../viewport.js';

/** The matrix at readable size and the box its cells are drawn in, in CSS px. */
export interface ZoomGeometry {
  readonly rows: number;
  readonly columns: number;
  /** A cell at zoom 1 (the readable grid's cell). */
  readonly cellWidth: number;
  readonly cellHeight: number;
  /** The area the cells are drawn in (without labels). */
  readonly viewWidth: number;
  readonly viewHeight: number;
}

/** What is shown: a zoom level and the content position at the view's top-left, in cells. */
export interface ZoomView {
  readonly level: number;
  readonly firstRow: number;
  readonly firstColumn: number;
}

/** The largest zoom: cells four times their readable size. */
export const MAX_LEVEL = 4;

const clamp = (n: number, low: number, high: number) => (n < low ? low : n > high ? high : n);

/** The zoom at which one axis just fits its box, never above readable (1). */
function axisFit(count: number, cell: number, view: number): number {
  return count > 0 && cell > 0 && view > 0 ? Math.min(1, view / (count * cell)) : 1;
}

/**
 * The scale of each axis at a zoom level. An axis never shrinks below the size at which it fits its
 * box, so a long thin matrix (4000 tokens × 20 outputs) fitted still fills the box's width, and the
 * level is the scale of the axis that needs it most.
 */
export function axisScales(g: ZoomGeometry, level: number): { x: number; y: number } {
  return { x: Math.max(level, axisFit(g.columns, g.cellWidth, g.viewWidth)), y: Math.max(level, axisFit(g.rows, g.cellHeight, g.viewHeight)) };
}

/** The level at which the whole matrix is in the box (1 when it fits at readable size). */
export function fitLevel(g: ZoomGeometry): number {
  return Math.min(axisFit(g.columns, g.cellWidth, g.viewWidth), axisFit(g.rows, g.cellHeight, g.viewHeight));
}

/** A level inside [fit, MAX_LEVEL]. */
export function clampLevel(g: ZoomGeometry, level: number): number {
  return clamp(Number.isFinite(level) ? level : 1, fitLevel(g), MAX_LEVEL);
}

/** A cell's size at a view, CSS px. */
export function cellSize(g: ZoomGeometry, level: number): { width: number; height: number } {
  const s = axisScales(g, level);
  return { width: g.cellWidth * s.x, height: g.cellHeight * s.y };
}

/** The view with its level in range and its position inside the content (top-left when the content is smaller). */
export function clampView(g: ZoomGeometry, view: ZoomView): ZoomView {
  const level = clampLevel(g, view.level);
  const cell = cellSize(g, level);
  const lastRow = Math.max(0, g.rows - g.viewHeight / cell.height);
  const lastColumn = Math.max(0, g.columns - g.viewWidth / cell.width);
  return {
    level,
    firstRow: clamp(Number.isFinite(view.firstRow) ? view.firstRow : 0, 0, lastRow),
    firstColumn: clamp(Number.isFinite(view.firstColumn) ? view.firstColumn : 0, 0, lastColumn),
  };
}

/** The whole matrix in the box. */
export function fitView(g: ZoomGeometry): ZoomView {
  return { level: fitLevel(g), firstRow: 0, firstColumn: 0 };
}

/** Zooms to `level` keeping the content under the point (x, y) of the view (CSS px) where it is. */
export function zoomAbout(g: ZoomGeometry, view: ZoomView, level: number, x: number, y: number): ZoomView {
  const before = cellSize(g, view.level);
  const next = clampLevel(g, level);
  const after = cellSize(g, next);
  const row = view.firstRow + y / before.height;
  const column = view.firstColumn + x / before.width;
  return clampView(g, { level: next, firstRow: row - y / after.height, firstColumn: column - x / after.width });
}

/** Moves the view by (dx, dy) CSS px; positive moves the content up and left (scrolls down and right). */
export function panBy(g: ZoomGeometry, view: ZoomView, dx: number, dy: number): ZoomView {
  const cell = cellSize(g, view.level);
  return clampView(g, { ...view, firstRow: view.firstRow + dy / cell.height, firstColumn: view.firstColumn + dx / cell.width });
}

/** A view at `level` centred on a cell (as far as the edges allow). */
export function centreOn(g: ZoomGeometry, level: number, row: number, column: number): ZoomView {
  const next = clampLevel(g, level);
  const cell = cellSize(g, next);
  return clampView(g, { level: next, firstRow: row + 0.5 - g.viewHeight / cell.height / 2, firstColumn: column + 0.5 - g.viewWidth / cell.width / 2 });
}

/**
 * The view moved just enough that a cell (row or column -1: that axis is left alone) is inside it,
 * `margin` cells from the edge where there is room.
 */
export function revealCell(g: ZoomGeometry, view: ZoomView, row: number, column: number, margin = 1): ZoomView {
  const cell = cellSize(g, view.level);
  const axis = (first: number, index: number, shown: number) => {
    if (index < 0) return first;
    const room = Math.min(margin, Math.max(0, (shown - 1) / 2));
    if (index - room < first) return index - room;
    if (index + 1 + room > first + shown) return index + 1 + room - shown;
    return first;
  };
  return clampView(g, {
    level: view.level,
    firstRow: axis(view.firstRow, row, g.viewHeight / cell.height),
    firstColumn: axis(view.firstColumn, column, g.viewWidth / cell.width),
  });
}

/** The rows and columns at least partly in view. */
export function visibleRanges(g: ZoomGeometry, view: ZoomView): { rows: IndexRange; columns: IndexRange } {
  const cell = cellSize(g, view.level);
  const range = (first: number, shown: number, count: number): IndexRange => ({
    start: clamp(Math.floor(first + 1e-9), 0, count),
    end: clamp(Math.ceil(first + shown - 1e-9), 0, count),
  });
  return { rows: range(view.firstRow, g.viewHeight / cell.height, g.rows), columns: range(view.firstColumn, g.viewWidth / cell.width, g.columns) };
}

/** Whether every cell is in view. */
export function allVisible(g: ZoomGeometry, view: ZoomView): boolean {
  const { rows, columns } = visibleRanges(g, view);
  return rows.start === 0 && rows.end === g.rows && columns.start === 0 && columns.end === g.columns && nothingCut(g, view);
}

// The last row or column may be partly hidden while still counted as visible: compare sizes too.
function nothingCut(g: ZoomGeometry, view: ZoomView): boolean {
  const cell = cellSize(g, view.level);
  return g.columns * cell.width <= g.viewWidth + 0.5 && g.rows * cell.height <= g.viewHeight + 0.5;
}

/** What a printed value needs: its integer digits and whether any value has a minus sign. */
export interface ValueShape {
  readonly integerDigits: number;
  readonly signed: boolean;
}

/** The shape of values between `min` and `max` (finite extremes; none gives one digit, unsigned). */
export function valueShape(min: number, max: number): ValueShape {
  const largest = Math.max(Number.isFinite(min) ? Math.abs(min) : 0, Number.isFinite(max) ? Math.abs(max) : 0);
  return { integerDigits: largest >= 1 ? Math.floor(Math.log10(largest)) + 1 : 1, signed: min < 0 };
}

/**
 * Decimals a cell `width` px wide can print for values of this shape, up to `wanted`, with
 * characters `charWidth` px wide and `padding` px kept free; -1 when not even an integer fits.
 */
export function decimalsThatFit(width: number, charWidth: number, wanted: number, shape: ValueShape, padding = 4): number {
  const room = Math.floor((width - padding) / charWidth);
  const integer = shape.integerDigits + (shape.signed ? 1 : 0);
  if (room < integer) return -1;
  if (room < integer + 2) return 0;
  return Math.min(wanted, room - integer - 1);
}

/** A zoom level as the control and the announcement print it: "25 %", "1.4 %", "0.35 %". */
export function formatLevel(level: number): string {
  const percent = level * 100;
  const text = percent >= 10 ? String(Math.round(percent)) : String(Number(percent.toPrecision(2)));
  return `${text} %`;
}

/** The polite announcement of a zoom change: "zoom 25 %, rows 1–1000, columns 1–1000". */
export function zoomAnnouncement(level: number, rows: IndexRange, columns: IndexRange): string {
  const span = (r: IndexRange) => (r.end - r.start <= 1 ? `${r.start + 1}` : `${r.start + 1}–${r.end}`);
  return `zoom ${formatLevel(level)}, rows ${span(rows)}, columns ${span(columns)}`;
}
