import type { Matrix } from '../data.js';
import type { DisplayAxis, DisplayModel } from '../view/display-model.js';
import type { OverviewSource } from './painter.js';

/** Whether an axis shows every caller index once, in order (no groups, pieces, runs or hidden tokens). */
function plainAxis(axis: DisplayAxis, count: number): boolean {
  if (axis.count !== count) return false;
  for (let i = 0; i < count; i++) {
    const [start, end] = axis.range(i);
    if (start !== i || end !== i + 1 || axis.kind(i) !== 'group') return false;
  }
  return true;
}

/**
 * What the overview paints for a display model. A model that shows the caller's matrix as it is
 * (transposed or not) reads the caller's values in place: the typed array through strides, nested
 * rows directly. Grouped, normalised or filtered views read the model's values (the painter keeps
 * one Float32Array of them per model, so a pan does not recompute groups).
 */
export function overviewSource(matrix: Matrix, model: DisplayModel): OverviewSource {
  let source = sources.get(model);
  if (!source) sources.set(model, (source = sourceOf(matrix, model)));
  return source;
}

// One source per model (a model belongs to one matrix), so its key stays the same across renders.
const sources = new WeakMap<DisplayModel, OverviewSource>();

function sourceOf(matrix: Matrix, model: DisplayModel): OverviewSource {
  const transposed = !model.rows.tokens;
  const tokens = transposed ? model.columns : model.rows;
  const outputs = transposed ? model.rows : model.columns;
  const rows = model.rows.count;
  const columns = model.columns.count;
  if (!model.normalised && plainAxis(tokens, matrix.rowCount) && plainAxis(outputs, matrix.columnCount)) {
    const width = matrix.columnCount;
    if (matrix.flat) {
      return { rows, columns, data: matrix.flat, rowStride: transposed ? 1 : width, columnStride: transposed ? width : 1, key: matrix.flat };
    }
    if (matrix.nested) {
      // `at` is the matrix's guarded reader, for rows that throw when read in place.
      const at = transposed ? (r: number, c: number) => matrix.at(c, r) : matrix.at;
      return { rows, columns, rowArrays: matrix.nested as ArrayLike<ArrayLike<unknown> | null>, transposed, at, key: matrix.nested };
    }
  }
  return { rows, columns, at: (r, c) => model.value(r, c) ?? NaN, key: model };
}
