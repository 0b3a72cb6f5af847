/**
 * Normalisation: divisors that bring each column's (row's, the whole
 * matrix's) strongest attribution to ±1. One pass over the cells.
 */
import { flatOf, includedRuns, type CellSource, type Inclusion } from './aggregate.js';
import { IDENTITY, type Normaliser, type Normalize } from './normaliser.js';

export { normalisationTitle, type Normaliser, type Normalize } from './normaliser.js';

/** Every `Normalize` value, for validating an option. */
export const NORMALIZE: readonly Normalize[] = ['none', 'column', 'row', 'all'];

/** Whether a value is one of the `Normalize` names. */
export const isNormalize = (value: unknown): value is Normalize => NORMALIZE.includes(value as Normalize);

// A maximum of 0 (only zeros) or none (only missing) leaves the values as they are.
const asDivisor = (maximum: number) => (maximum > 0 ? maximum : 1);

/**
 * Each included row's largest finite |value| over the included column runs, folded into `maxima`:
 * per column (`perColumn`), per row (`perRow`) or one overall. ±Infinity is left out: dividing by it
 * would turn every finite value into 0.
 */
function scanFlat(flat: ArrayLike<number>, width: number, rowRuns: Int32Array, columnRuns: Int32Array, perColumn: Float64Array | null, perRow: Float64Array | null): number {
  let overall = 0;
  for (let q = 0; q < rowRuns.length; q += 2) {
    for (let r = rowRuns[q]; r < rowRuns[q + 1]; r++) {
      const base = r * width;
      let rowMax = 0;
      for (let k = 0; k < columnRuns.length; k += 2) {
        for (let c = columnRuns[k], end = columnRuns[k + 1]; c < end; c++) {
          const a = Math.abs(flat[base + c]);
          if (a > rowMax && a !== Infinity) rowMax = a;
          if (perColumn && a > perColumn[c] && a !== Infinity) perColumn[c] = a;
        }
      }
      if (perRow) perRow[r] = rowMax;
      if (rowMax > overall) overall = rowMax;
    }
  }
  return overall;
}

function scanAt(source: CellSource, rowRuns: Int32Array, columnRuns: Int32Array, perColumn: Float64Array | null, perRow: Float64Array | null): number {
  let overall = 0;
  for (let q = 0; q < rowRuns.length; q += 2) {
    for (let r = rowRuns[q]; r < rowRuns[q + 1]; r++) {
      let rowMax = 0;
      for (let k = 0; k < columnRuns.length; k += 2) {
        for (let c = columnRuns[k], end = columnRuns[k + 1]; c < end; c++) {
          const a = Math.abs(source.at(r, c));
          if (a > rowMax && a !== Infinity) rowMax = a;
          if (perColumn && a > perColumn[c] && a !== Infinity) perColumn[c] = a;
        }
      }
      if (perRow) perRow[r] = rowMax;
      if (rowMax > overall) overall = rowMax;
    }
  }
  return overall;
}

/**
 * The normaliser for a grid (usually the grouped values). Rows and columns whose `include` entry is 0
 * (hidden special tokens) are left out of every maximum; in `column` mode a left-out column still gets
 * its own divisor from the included rows, in `row` mode a left-out row from the included columns. A
 * column (row, matrix) of only zeros or missing values keeps divisor 1. Reads `flat` in place.
 */
export function normalisation(source: CellSource, mode: Normalize, include: Inclusion = {}): Normaliser {
  if (mode === 'none') return IDENTITY;
  const { rowCount, columnCount } = source;
  const flat = flatOf(source);
  const perColumn = mode === 'column' ? new Float64Array(columnCount) : null;
  const perRow = mode === 'row' ? new Float64Array(rowCount) : null;
  // In column mode every column is scanned (each has its own divisor); the row mask still applies.
  // In row mode every row is scanned; the column mask still applies.
  const rowRuns = includedRuns(rowCount, mode === 'row' ? undefined : include.rows);
  const columnRuns = includedRuns(columnCount, mode === 'column' ? undefined : include.columns);
  const overall = flat
    ? scanFlat(flat, columnCount, rowRuns, columnRuns, perColumn, perRow)
    : scanAt(source, rowRuns, columnRuns, perColumn, perRow);
  if (perColumn) {
    for (let c = 0; c < columnCount; c++) perColumn[c] = asDivisor(perColumn[c]);
    return { mode, apply: (value, _row, column) => value / perColumn[column], divisor: (_row, column) => perColumn[column] };
  }
  if (perRow) {
    for (let r = 0; r < rowCount; r++) perRow[r] = asDivisor(perRow[r]);
    return { mode, apply: (value, row) => value / perRow[row], divisor: (row) => perRow[row] };
  }
  const divisor = asDivisor(overall);
  return { mode, apply: (value) => value / divisor, divisor: () => divisor };
}
