// Where the overview's marks and the minimap go, in CSS px: pure functions of the geometry and view.
import { cellSize, fitLevel, type ZoomGeometry, type ZoomView } from './view.js';

/** A rectangle in px, relative to the cell area's (or the minimap's) top-left corner. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** A cell's box in the view, at least `least` px each way about its centre; null when it is out of view. */
export function cellBox(g: ZoomGeometry, view: ZoomView, row: number, column: number, least: number): Box | null {
  if (row < 0 || column < 0 || row >= g.rows || column >= g.columns) return null;
  const cell = cellSize(g, view.level);
  const left = (column - view.firstColumn) * cell.width;
  const top = (row - view.firstRow) * cell.height;
  if (left + cell.width < 0 || top + cell.height < 0 || left > g.viewWidth || top > g.viewHeight) return null;
  const width = Math.max(least, cell.width);
  const height = Math.max(least, cell.height);
  return { left: left + (cell.width - width) / 2, top: top + (cell.height - height) / 2, width, height };
}

/** The minimap's size: the fitted matrix's shape inside 12em × 3em (`font` px an em). */
export function minimapSize(g: ZoomGeometry, font: number): { width: number; height: number } {
  const fit = cellSize(g, fitLevel(g));
  const w = g.columns * fit.width;
  const h = g.rows * fit.height;
  const scale = Math.min((12 * font) / w, (3 * font) / h);
  return { width: Math.max(2 * font, Math.round(w * scale)), height: Math.max(font, Math.round(h * scale)) };
}

/** The part in view, on a minimap of `size` (at least 3 px each way, so it can be grabbed). */
export function minimapBox(g: ZoomGeometry, view: ZoomView, size: { width: number; height: number }): Box {
  const cell = cellSize(g, view.level);
  const shownRows = Math.min(g.rows, g.viewHeight / cell.height);
  const shownColumns = Math.min(g.columns, g.viewWidth / cell.width);
  return {
    left: (view.firstColumn / g.columns) * size.width,
    top: (view.firstRow / g.rows) * size.height,
    width: Math.max(3, (shownColumns / g.columns) * size.width),
    height: Math.max(3, (shownRows / g.rows) * size.height),
  };
}

/** The view, at its level, centred on a point (x, y) of a minimap of `size`. */
export function minimapCentre(g: ZoomGeometry, view: ZoomView, size: { width: number; height: number }, x: number, y: number): ZoomView {
  const cell = cellSize(g, view.level);
  const row = (y / size.height) * g.rows;
  const column = (x / size.width) * g.columns;
  return { level: view.level, firstRow: row - g.viewHeight / cell.height / 2, firstColumn: column - g.viewWidth / cell.width / 2 };
}
