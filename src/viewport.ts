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
