/**
 * One value per group rectangle: the caller's cells are read in place, once,
 * and folded into a grouped matrix.
 */
import type { Segmentation } from './segmentation.js';
import { flatOf, type Aggregate, type CellSource, type Inclusion } from './cells.js';

export { aggregateRange, flatOf, type Aggregate, type CellSource, type Inclusion } from './cells.js';

/** Every `Aggregate` value, for validating an option. */
export const AGGREGATES: readonly Aggregate[] = ['sum', 'mean', 'absmax'];

/** Whether a value is one of the `Aggregate` names. */
export const isAggregate = (value: unknown): value is Aggregate => AGGREGATES.includes(value as Aggregate);

/** Grouped values: a CellSource over its own row-major Float64Array. */
export interface GroupedValues extends CellSource {
  readonly flat: Float64Array;
}

/** A row-major Float64Array (rowCount × columnCount) as a CellSource, read in place. */
export function cellsOf(values: Float64Array, rowCount: number, columnCount: number): GroupedValues {
  return { rowCount, columnCount, flat: values, at: (row, column) => values[row * columnCount + column] };
}

/**
 * The runs of included indices in [0, length): a flat list of `from, to` pairs, so loops over them
 * need no per-cell test. Without a mask, one run of everything.
 */
export function includedRuns(length: number, include?: Uint8Array): Int32Array {
  if (!include) return Int32Array.of(0, length);
  const runs: number[] = [];
  for (let i = 0; i < length; i++) {
    if (!include[i]) continue;
    const from = i;
    while (i < length && include[i]) i++;
    runs.push(from, i);
  }
  return Int32Array.from(runs);
}

/**
 * Column runs for the inner loop: triples `from, to, group`, every run inside one group and only
 * over included columns.
 */
function columnRuns(columns: Segmentation, columnCount: number, include?: Uint8Array): Int32Array {
  const runs: number[] = [];
  for (let g = 0; g < columns.count; g++) {
    const end = Math.min(columns.starts[g + 1], columnCount);
    for (let c = columns.starts[g]; c < end; c++) {
      if (include && !include[c]) continue;
      const from = c;
      while (c < end && (!include || include[c])) c++;
      runs.push(from, c, g);
    }
  }
  return Int32Array.from(runs);
}

// One small function per access path and aggregate, each monomorphic in its hot loop. Grouped
// entries start as NaN (missing) and take the first value present, so a lone -0 stays -0.

/** Adds each column run's present values of one source row into its group's entry (and counts them for a mean). */
function sumRowFlat(flat: ArrayLike<number>, base: number, runs: Int32Array, values: Float64Array, counts: Uint32Array | null, out: number): void {
  for (let k = 0; k < runs.length; k += 3) {
    let sum = -0;
    let count = 0;
    for (let c = base + runs[k], end = base + runs[k + 1]; c < end; c++) {
      const v = flat[c];
      if (v === v) {
        sum += v;
        count++;
      }
    }
    if (count) {
      const at = out + runs[k + 2];
      const before = values[at];
      values[at] = before === before ? before + sum : sum;
      if (counts) counts[at] += count;
    }
  }
}

function sumRowAt(source: CellSource, row: number, runs: Int32Array, values: Float64Array, counts: Uint32Array | null, out: number): void {
  for (let k = 0; k < runs.length; k += 3) {
    let sum = -0;
    let count = 0;
    for (let c = runs[k], end = runs[k + 1]; c < end; c++) {
      const v = source.at(row, c);
      if (v === v) {
        sum += v;
        count++;
      }
    }
    if (count) {
      const at = out + runs[k + 2];
      const before = values[at];
      values[at] = before === before ? before + sum : sum;
      if (counts) counts[at] += count;
    }
  }
}

/** The same for ungrouped columns: one entry per column, no runs to walk. */
function sumRowEach(flat: ArrayLike<number>, base: number, width: number, values: Float64Array, counts: Uint32Array | null, out: number): void {
  for (let c = 0; c < width; c++) {
    const v = flat[base + c];
    if (v === v) {
      const before = values[out + c];
      values[out + c] = before === before ? before + v : v;
      if (counts) counts[out + c]++;
    }
  }
}

// Keeps the first piece of the largest magnitude, in reading order (row by row, then by column).
function absmaxRowFlat(flat: ArrayLike<number>, base: number, runs: Int32Array, best: Float64Array, out: number): void {
  for (let k = 0; k < runs.length; k += 3) {
    const at = out + runs[k + 2];
    let value = best[at];
    let magnitude = value === value ? Math.abs(value) : -1;
    for (let c = base + runs[k], end = base + runs[k + 1]; c < end; c++) {
      const v = flat[c];
      const a = Math.abs(v);
      if (a > magnitude) {
        magnitude = a;
        value = v;
      }
    }
    best[at] = value;
  }
}

function absmaxRowAt(source: CellSource, row: number, runs: Int32Array, best: Float64Array, out: number): void {
  for (let k = 0; k < runs.length; k += 3) {
    const at = out + runs[k + 2];
    let value = best[at];
    let magnitude = value === value ? Math.abs(value) : -1;
    for (let c = runs[k], end = runs[k + 1]; c < end; c++) {
      const v = source.at(row, c);
      const a = Math.abs(v);
      if (a > magnitude) {
        magnitude = a;
        value = v;
      }
    }
    best[at] = value;
  }
}

function absmaxRowEach(flat: ArrayLike<number>, base: number, width: number, best: Float64Array, out: number): void {
  for (let c = 0; c < width; c++) {
    const v = flat[base + c];
    const before = best[out + c];
    // NaN > anything is false, so a missing value never replaces one present.
    if (Math.abs(v) > Math.abs(before) || (before !== before && v === v)) best[out + c] = v;
  }
}

const coversAxis = (segmentation: Segmentation, length: number) =>
  segmentation.count === length && segmentation.starts[segmentation.count] === length;

/**
 * The grouped matrix: rows.count × columns.count, each entry the aggregate of its group rectangle
 * (NaN when every piece in it is missing or left out by `include`). One pass over the cells, reading
 * `flat` in place when the source has it. When both segmentations are one group per token and nothing
 * is left out, every aggregate of one value is that value, so the source itself is returned (nothing is
 * copied). Segmentations index the source's own axes (for a transposed view, group the source and
 * transpose the indices of the result).
 */
export function groupValues(
  source: CellSource,
  rows: Segmentation,
  columns: Segmentation,
  aggregate: Aggregate = 'sum',
  include: Inclusion = {},
): CellSource {
  const width = source.columnCount;
  if (coversAxis(rows, source.rowCount) && coversAxis(columns, width) && !include.rows && !include.columns) return source;
  const groupColumns = columns.count;
  const values = new Float64Array(rows.count * groupColumns).fill(NaN);
  const flat = flatOf(source);
  // Ungrouped, unmasked columns take the per-column loop; anything else walks column runs.
  const each = flat && coversAxis(columns, width) && !include.columns;
  const runs = each ? new Int32Array(0) : columnRuns(columns, width, include.columns);
  const includeRows = include.rows;
  const absmax = aggregate === 'absmax';
  const counts = aggregate === 'mean' ? new Uint32Array(values.length) : null;
  for (let g = 0; g < rows.count; g++) {
    const end = Math.min(rows.starts[g + 1], source.rowCount);
    const out = g * groupColumns;
    for (let r = rows.starts[g]; r < end; r++) {
      if (includeRows && !includeRows[r]) continue;
      if (absmax) {
        if (each) absmaxRowEach(flat, r * width, width, values, out);
        else if (flat) absmaxRowFlat(flat, r * width, runs, values, out);
        else absmaxRowAt(source, r, runs, values, out);
      } else if (each) sumRowEach(flat, r * width, width, values, counts, out);
      else if (flat) sumRowFlat(flat, r * width, runs, values, counts, out);
      else sumRowAt(source, r, runs, values, counts, out);
    }
  }
  if (counts) for (let k = 0; k < values.length; k++) if (counts[k]) values[k] /= counts[k];
  return cellsOf(values, rows.count, groupColumns);
}
