// The display model: every mapping between what the grid shows (display rows and columns) and the
// caller's indices (`values[rowIndex][columnIndex]`). Nothing else in the element converts indices.
import type { Matrix } from '../data.js';
import type { CellDetail, CellIndex } from '../events.js';
import { formatValue } from '../format.js';
import type { GridPosition } from '../navigation.js';
import { spokenToken } from '../tokens.js';

/** One displayed axis: its entries and how each maps to the caller's index on that axis. */
export interface DisplayAxis {
  /** Number of entries shown. */
  readonly count: number;
  /** Whether this axis shows the caller's tokens (rows of `values`), drawn in the token font. */
  readonly tokens: boolean;
  /** The label shown for an entry. */
  label(index: number): string;
  /** What a screen reader says for an entry's label (memoised). */
  spoken(index: number): string;
  /** The caller's index on this axis of a displayed entry. */
  sourceIndex(index: number): number;
  /** The displayed entry of a caller's index, or -1 when it is not shown. */
  displayIndex(source: number): number;
  /** The longest label, which sizes the label column so windowing never changes it. */
  readonly longestLabel: string;
}

/** The grid as drawn. */
export interface DisplayModel {
  readonly rows: DisplayAxis;
  readonly columns: DisplayAxis;
  /** The value shown at a display position, null where missing. */
  value(row: number, column: number): number | null;
  /** The caller's cell at a display position. */
  cellIndex(row: number, column: number): CellIndex;
  /** The display position of a caller's cell, or null when it is not shown (or outside the data). */
  positionOf(cell: CellIndex): GridPosition | null;
  /** What events report for a display position. */
  detail(row: number, column: number): CellDetail;
  /** The visually hidden sentence that describes the grid: shape and extremes. */
  summary(decimals: number): string;
}

export interface DisplayOptions {
  /** Tokens as columns and outputs as rows. */
  readonly transpose: boolean;
}

function axis(labels: readonly string[], tokens: boolean): DisplayAxis {
  const spoken: string[] = [];
  let longest: string | undefined;
  return {
    count: labels.length,
    tokens,
    label: (i) => labels[i],
    spoken: (i) => (spoken[i] ??= spokenToken(labels[i])),
    sourceIndex: (i) => i,
    displayIndex: (source) => (source >= 0 && source < labels.length ? source : -1),
    // Scanned once, and only when asked: thousands of labels are not free to scan on every change.
    get longestLabel() {
      if (longest === undefined) {
        longest = '';
        for (const label of labels) if (label.length > longest.length) longest = label;
      }
      return longest;
    },
  };
}

/** The display model of a matrix. */
export function displayModel(matrix: Matrix, { transpose }: DisplayOptions): DisplayModel {
  const tokenAxis = axis(matrix.rowLabels, true);
  const outputAxis = axis(matrix.columnLabels, false);
  const rows = transpose ? outputAxis : tokenAxis;
  const columns = transpose ? tokenAxis : outputAxis;

  const cellIndex = (row: number, column: number): CellIndex => {
    const r = rows.sourceIndex(row);
    const c = columns.sourceIndex(column);
    return transpose ? { rowIndex: c, columnIndex: r } : { rowIndex: r, columnIndex: c };
  };
  const value = (row: number, column: number): number | null => {
    const { rowIndex, columnIndex } = cellIndex(row, column);
    const v = matrix.at(rowIndex, columnIndex);
    return Number.isNaN(v) ? null : v;
  };

  return {
    rows,
    columns,
    value,
    cellIndex,
    positionOf(cell) {
      if (!isCell(cell) || cell.rowIndex >= matrix.rowCount || cell.columnIndex >= matrix.columnCount) return null;
      const [r, c] = transpose ? [cell.columnIndex, cell.rowIndex] : [cell.rowIndex, cell.columnIndex];
      const row = rows.displayIndex(r);
      const column = columns.displayIndex(c);
      return row < 0 || column < 0 ? null : { row, column };
    },
    detail(row, column) {
      const { rowIndex, columnIndex } = cellIndex(row, column);
      return {
        rowIndex,
        columnIndex,
        row: matrix.rowLabels[rowIndex],
        column: matrix.columnLabels[columnIndex],
        value: value(row, column),
      };
    },
    summary(decimals) {
      const m = matrix;
      let text = `${m.rowCount} tokens × ${m.columnCount} outputs`;
      const at = (index: number) =>
        `'${spokenToken(m.rowLabels[Math.floor(index / m.columnCount)])}' × '${spokenToken(m.columnLabels[index % m.columnCount])}'`;
      if (m.stats.maxIndex >= 0) {
        text += `; largest ${formatValue(m.stats.max, decimals)} at ${at(m.stats.maxIndex)}`;
        text += `; smallest ${formatValue(m.stats.min, decimals)} at ${at(m.stats.minIndex)}`;
      }
      return text + '.';
    },
  };
}

/** Whether a value is a cell index: two whole numbers from 0. */
export function isCell(value: unknown): value is CellIndex {
  const c = value as CellIndex;
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isInteger(c.rowIndex) &&
    Number.isInteger(c.columnIndex) &&
    c.rowIndex >= 0 &&
    c.columnIndex >= 0
  );
}
