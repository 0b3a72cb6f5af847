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
 * The indices to render, by slot: index `i` of `range` always sits in slot
 * `i % pool`, so when the range slides, only the slots of the indices that
 * left or entered change and every other rendered element is left untouched.
 * Empty slots are -1. `extra` (the focused index, when outside the range and
 * inside `[0, count)`) is appended in a slot of its own.
 */
export function slotIndices(range: IndexRange, pool: number, extra: number, count: number): number[] {
  const size = Math.max(pool, range.end - range.start);
  const slots = new Array<number>(size).fill(-1);
  for (let i = range.start; i < range.end; i++) slots[i % size] = i;
  if (extra >= 0 && extra < count && !inRange(range, extra)) slots.push(extra);
  return slots;
}
