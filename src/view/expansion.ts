// What the reader opened in a grouped view: groups showing their pieces (per caller axis) and row
// groups revealed from runs of hidden rows. Immutable: each change is a new value, so the reading
// pipeline's memo sees it.
import type { GridPosition } from '../navigation.js';
import type { DisplayModel } from './display-model.js';

export interface Expansion {
  /** Token groups (caller rows) opened to show their pieces. */
  readonly openRows: ReadonlySet<number>;
  /** Output groups (caller columns) opened to show their pieces. */
  readonly openColumns: ReadonlySet<number>;
  /** Token groups revealed from runs of hidden rows. */
  readonly revealedRows: ReadonlySet<number>;
}

/** Nothing opened. */
export const CLOSED: Expansion = { openRows: new Set(), openColumns: new Set(), revealedRows: new Set() };

/**
 * What activating a display position opens or closes: a header of an expandable group toggles it, a
 * run's header or any of its cells reveals its rows. Null when there is nothing to open there.
 */
export function toggleAt(expansion: Expansion, model: DisplayModel, { row, column }: GridPosition): Expansion | null {
  const { rows, columns } = model;
  // A header toggles its own axis' entry; a cell can only open the run it lies in.
  const target =
    row < 0
      ? { axis: columns, index: column }
      : column < 0
        ? { axis: rows, index: row }
        : rows.kind(row) === 'run'
          ? { axis: rows, index: row }
          : columns.kind(column) === 'run'
            ? { axis: columns, index: column }
            : null;
  if (!target || target.index < 0 || !target.axis.expandable(target.index)) return null;
  const { axis, index } = target;
  const [first, end] = axis.groups(index);
  if (axis.kind(index) === 'run') {
    const revealedRows = new Set(expansion.revealedRows);
    for (let g = first; g < end; g++) revealedRows.add(g);
    return { ...expansion, revealedRows };
  }
  const open = new Set(axis.tokens ? expansion.openRows : expansion.openColumns);
  if (!open.delete(first)) open.add(first);
  return axis.tokens ? { ...expansion, openRows: open } : { ...expansion, openColumns: open };
}
