/**
 * Two attributions of the same tokens and outputs, A (`values`) and B (`compare`): what the
 * pipeline shows (A − B, A or B) and what the colour domain covers (both, when one is shown, so
 * switching between them keeps every colour). Pure; one pass over the cells for the difference.
 */
import { buildMatrix, InvalidJson, statistics, type Matrix } from '../data.js';
import { isInstance, isList, readList } from '../safe-read.js';
import { shown as quoted } from '../shown.js';
import { aggregateRange, type Aggregate } from './aggregate.js';

/** What is shown of two attributions: their difference A − B, or one of them. */
export type CompareMode = 'diff' | 'a' | 'b';

/** The comparison step's result. */
export interface Comparison {
  /** The matrix the rest of the pipeline reads: A, B or A − B (A's labels). */
  readonly shown: Matrix;
  /** The attribution not shown whose extremes the colour domain also covers (mode `a` or `b`). */
  readonly other?: Matrix;
  /** A and B as given; `b` is absent when there is nothing to compare. */
  readonly a: Matrix;
  readonly b?: Matrix;
  /** The mode in effect, or null when there is nothing to compare. */
  readonly mode: CompareMode | null;
  /** One sentence when `compare` cannot be used as given. */
  readonly problem?: string;
}

type Shape = { readonly rows: number; readonly columns: number } | { readonly length: number };

/** The shape of a values input as given: rows × longest row when nested, else its length; null when it cannot be read. */
function shapeOf(input: unknown): Shape | null {
  const list = readList(input);
  if ('problem' in list) return null;
  const { items } = list;
  if (!Array.isArray(input) || !items.some(isList)) return { length: items.length };
  let columns = 0;
  for (const row of items) {
    if (!isList(row)) continue;
    const read = readList(row);
    if (!('problem' in read)) columns = Math.max(columns, read.items.length);
  }
  return { rows: items.length, columns };
}

const describeShape = (shape: Shape) => ('length' in shape ? `${shape.length} values` : `${shape.rows} × ${shape.columns} values`);

/** A − B cell by cell (missing where either is), with A's labels. */
function difference(a: Matrix, b: Matrix): Matrix {
  const { rowCount, columnCount } = a;
  const flat = new Float64Array(rowCount * columnCount);
  for (let r = 0, k = 0; r < rowCount; r++) for (let c = 0; c < columnCount; c++, k++) flat[k] = a.at(r, c) - b.at(r, c);
  return { ...a, flat, at: (r, c) => flat[r * columnCount + c], stats: statistics(flat), problems: [] };
}

/** B's own problems, named after `compare` (buildMatrix names them after `values`). */
const renamed = (problem: string) => problem.replace(/^values:/, 'compare:').replace(/\bvalues\[/g, 'compare[');

/**
 * The comparison of the values (read as `a`) with `compare`. No `compare`: A is shown. A `compare`
 * that is not a matrix of A's shape (rows × columns, or as many cells read row-major) is ignored,
 * with one sentence saying why.
 */
export function compareStep(a: Matrix, compare: unknown, mode: CompareMode): Comparison {
  const none = (problem?: string): Comparison => ({ shown: a, a, mode: null, problem: problem && `compare: ${problem}; ignored` });
  if (compare === undefined || compare === null) return none();
  if (isInstance(compare, InvalidJson)) return none(`not valid JSON (${compare.reason})`);
  const given = isList(compare) ? shapeOf(compare) : null;
  if (!given) return none(`expected a 2-D array of the shape of values, got ${quoted(compare)}`);
  const fits = 'rows' in given ? given.rows === a.rowCount && given.columns === a.columnCount : given.length === a.rowCount * a.columnCount;
  if (!fits) return none(`${describeShape(given)} for ${a.rowCount} × ${a.columnCount} in values`);
  const built = buildMatrix(a.rowLabels, a.columnLabels, compare);
  // Label counts were checked for A; B's own value problems remain.
  const problems = built.problems.filter((p) => p.startsWith('values:')).map(renamed);
  const b: Matrix = { ...built, problems };
  const problem = problems.length ? problems.join('; ') : undefined;
  if (mode === 'a') return { shown: a, other: b, a, b, mode, problem };
  if (mode === 'b') return { shown: b, other: a, a, b, mode, problem };
  return { shown: difference(a, b), a, b, mode: 'diff', problem };
}

/** A display cell's A, B and A − B, each aggregated over the caller's cells it covers as the grid aggregates them. */
export interface CompareValues {
  readonly a: number | null;
  readonly b: number | null;
  readonly difference: number | null;
}

/** A, B and A − B over rows [r0, r1) × columns [c0, c1), or null when nothing is compared. */
export function compareValuesAt(
  comparison: Comparison,
  rows: readonly [number, number],
  columns: readonly [number, number],
  aggregate: Aggregate,
): CompareValues | null {
  const { a, b } = comparison;
  if (!b) return null;
  const read = (m: Matrix) => {
    const v = rows[1] - rows[0] === 1 && columns[1] - columns[0] === 1 ? m.at(rows[0], columns[0]) : aggregateRange(m, rows[0], rows[1], columns[0], columns[1], aggregate);
    return Number.isNaN(v) ? null : v;
  };
  const va = read(a);
  const vb = read(b);
  // The difference as drawn: the aggregate of the cell differences (for `sum` and `mean`, A's minus B's).
  const d = comparison.mode === 'diff' ? read(comparison.shown) : va === null || vb === null ? null : va - vb;
  return { a: va, b: vb, difference: d };
}
