// Grids of values as the display model reads them (the core's share of src/view/aggregate.ts): the
// source interface, and one rectangle's aggregate for cells made on demand.

/** How a group's pieces become one value: their sum, their mean, or the piece of largest magnitude (sign kept). */
export type Aggregate = 'sum' | 'mean' | 'absmax';

/** A rows × columns grid of values, NaN where missing; `flat` (row-major) is read in place when given. */
export interface CellSource {
  readonly rowCount: number;
  readonly columnCount: number;
  at(row: number, column: number): number;
  readonly flat?: ArrayLike<number>;
}

/** Which pieces of each axis take part (0 = left out, as if missing); absent means all. */
export interface Inclusion {
  readonly rows?: Uint8Array;
  readonly columns?: Uint8Array;
}

/** The source's flat row-major array when it has one that covers every cell. */
export function flatOf(source: CellSource): ArrayLike<number> | undefined {
  const flat = source.flat;
  return flat && flat.length >= source.rowCount * source.columnCount ? flat : undefined;
}

/**
 * The aggregate of one rectangle of the source, rows [r0, r1) × columns [c0, c1), for cells made on
 * demand (an opened group's pieces against grouped columns); NaN when all its cells are missing.
 */
export function aggregateRange(
  source: CellSource,
  r0: number,
  r1: number,
  c0: number,
  c1: number,
  aggregate: Aggregate = 'sum',
): number {
  const rowEnd = Math.min(r1, source.rowCount);
  const columnEnd = Math.min(c1, source.columnCount);
  const from = Math.max(0, c0);
  let sum = -0;
  let count = 0;
  let best = NaN;
  let magnitude = -1;
  for (let r = Math.max(0, r0); r < rowEnd; r++) {
    for (let c = from; c < columnEnd; c++) {
      const v = source.at(r, c);
      if (v !== v) continue;
      sum += v;
      count++;
      const a = Math.abs(v);
      if (a > magnitude) {
        magnitude = a;
        best = v;
      }
    }
  }
  if (!count) return NaN;
  return aggregate === 'absmax' ? best : aggregate === 'mean' ? sum / count : sum;
}
