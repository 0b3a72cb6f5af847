/** A half-open range of indices, `[start, end)`. */
export interface IndexRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The indices of the cells a scroll position shows along one axis, plus
 * `overscan` on each side, within `[0, count)`.
 */
export function visibleRange(
  scrollOffset: number,
  viewportSize: number,
  cellSize: number,
  count: number,
  overscan: number,
): IndexRange {
  if (count <= 0 || cellSize <= 0) return { start: 0, end: Math.max(0, count) };
  const first = Math.floor(Math.max(0, scrollOffset) / cellSize);
  const last = Math.ceil((Math.max(0, scrollOffset) + Math.max(0, viewportSize)) / cellSize);
  return { start: Math.max(0, Math.min(count, first - overscan)), end: Math.min(count, last + overscan) };
}

/** Whether `range` covers `index`. */
export const inRange = (range: IndexRange, index: number) => index >= range.start && index < range.end;

/**
 * The indices to render along one axis, in visual order: the range, and `extra` (the focused index,
 * when outside the range and inside `[0, count)`) before or after it. Rendered with keys (the index),
 * so the DOM order is the visual order a screen reader's browse mode follows (WCAG 1.3.2), and when
 * the range slides only the elements that left are removed and those that came in created: every
 * element still in view is kept, untouched, and none is moved (a move would drop focus).
 */
export function windowIndices(range: IndexRange, extra: number, count: number): number[] {
  const out: number[] = [];
  const outside = extra >= 0 && extra < count && !inRange(range, extra);
  if (outside && extra < range.start) out.push(extra);
  for (let i = range.start; i < range.end; i++) out.push(i);
  if (outside && extra >= range.end) out.push(extra);
  return out;
}

/**
 * Axes up to this many cells place each cell on its own grid line, so a cell keeps its style while
 * the window slides (Firefox caps a grid at 10,000 lines); longer axes place the window between two
 * spacer tracks.
 */
export const LINE_LIMIT = 9000;

/** Where a displayed index sits in the CSS grid: its line, and an offset in cells inside a spacer track. */
export interface Placement {
  readonly line: number;
  readonly offset: number;
}

/**
 * Grid line and offset (in cells) of a display index: its own line on a short axis; on a long one,
 * inside the window or inside a spacer track. Line 1 holds the labels.
 */
export function placeIndex(index: number, range: IndexRange, count: number): Placement {
  if (count <= LINE_LIMIT) return { line: index + 2, offset: 0 };
  if (index < range.start) return { line: 2, offset: index };
  if (index >= range.end) return { line: 3 + range.end - range.start, offset: index - range.end };
  return { line: 3 + index - range.start, offset: 0 };
}

/** The `grid-template` tracks of one axis's cells, each `size` long. */
export function gridTracks(range: IndexRange, count: number, size: string): string {
  if (count <= LINE_LIMIT) return count ? `repeat(${count}, ${size})` : '';
  const k = range.end - range.start;
  return `calc(${size} * ${range.start}) ${k ? `repeat(${k}, ${size})` : ''} calc(${size} * ${count - range.end})`;
}

/** A range widened to multiples of `chunk`, so most scroll frames leave the window as it is. */
export function chunkRange(range: IndexRange, count: number, chunk: number): IndexRange {
  return {
    start: Math.max(0, Math.floor(range.start / chunk) * chunk),
    end: Math.min(count, Math.ceil(range.end / chunk) * chunk),
  };
}
