// The overview's pixel kernel: which cells fall in each device pixel, the one a pixel shows (largest
// |value − center|, sign kept) and its colour through a lookup table. Pure functions of typed arrays.
//
// Every function here references only its parameters and globals, never another function or a
// module constant: the Worker's blob: fallback is built from their source text (worker-source.ts),
// and `paint` and `raster` reach the others through the `lib` they are given. The work of one line
// of pixels is a small function called once a line, with its loops written out (no helper called per
// cell): the first paint of a million cells runs before the engine has optimised anything, and a
// small function called a few hundred times is optimised whole after its first few calls.

/**
 * Cells of one axis per pixel, as [start, end) pairs (`spans[2p]`, `spans[2p + 1]`); empty (0, 0)
 * where the pixel lies outside the matrix. Smaller than a pixel, a cell belongs to the pixel that
 * holds its centre, so every cell is in exactly one pixel; larger, a pixel shows the cell under its
 * centre. `first` is the content position at pixel 0, in cells; `cellPx` a cell's size in pixels.
 */
export function axisSpans(count: number, first: number, cellPx: number, pixels: number): Int32Array {
  const spans = new Int32Array(pixels * 2);
  if (!(cellPx > 0) || count <= 0) return spans;
  const step = 1 / cellPx;
  for (let p = 0; p < pixels; p++) {
    let start: number;
    let end: number;
    if (cellPx >= 1) {
      start = Math.floor(first + (p + 0.5) * step);
      end = start + 1;
    } else {
      start = Math.ceil(first + p * step - 0.5);
      end = Math.ceil(first + (p + 1) * step - 0.5);
    }
    if (start < 0) start = 0;
    if (end > count) end = count;
    if (start < end) {
      spans[2 * p] = start;
      spans[2 * p + 1] = end;
    }
  }
  return spans;
}

/**
 * Runs of neighbouring pixels that show the same cells, as [cellStart, cellEnd, pixelStart,
 * pixelEnd] quadruples (cellStart = cellEnd: outside the matrix). Smaller than a pixel, a cell is
 * in one run of one pixel; larger, its pixels form one run, so a magnified view is read once a cell.
 */
export function innerRuns(spans: Int32Array): Int32Array {
  const pixels = spans.length >> 1;
  const runs = new Int32Array(pixels * 4);
  let n = 0;
  for (let p = 0; p < pixels; p++) {
    const start = spans[2 * p];
    const end = spans[2 * p + 1];
    if (n && runs[4 * n - 4] === start && runs[4 * n - 3] === end) {
      runs[4 * n - 1] = p + 1;
      continue;
    }
    runs[4 * n] = start;
    runs[4 * n + 1] = end;
    runs[4 * n + 2] = p;
    runs[4 * n + 3] = p + 1;
    n++;
  }
  return runs.subarray(0, 4 * n);
}

/** For each inner cell a run holds, its run: `runOf[c]` (-1 in none), from cell `first` to `runOf.length`. */
export interface CellRuns {
  readonly first: number;
  readonly runOf: Int32Array;
}

/** The run of each cell (see CellRuns), so a kernel scores a row in one pass, cell by cell. */
export function cellRuns(runs: Int32Array): CellRuns {
  const count = runs.length >> 2;
  let first = 0;
  let end = 0;
  for (let k = 0; k < count; k++) {
    if (runs[4 * k] === runs[4 * k + 1]) continue;
    if (end === 0) first = runs[4 * k];
    end = runs[4 * k + 1];
  }
  const runOf = new Int32Array(end > first ? end : 0).fill(-1);
  for (let k = 0; k < count; k++) for (let c = runs[4 * k], stop = runs[4 * k + 1]; c < stop; c++) runOf[c] = k;
  return { first, runOf };
}

/** The colour scale as the kernel applies it: a table over [min, max] with the centre in its middle entry. */
export interface ColorScale {
  readonly table: Uint32Array;
  readonly min: number;
  readonly center: number;
  readonly max: number;
  /** Packed colours of missing cells and of pixels outside the matrix. */
  readonly missing: number;
  readonly outside: number;
}

/**
 * A colour scale's lookup as the line painters apply it, one Float64Array (typed elements, so no
 * object field changes representation between jobs, which throws compiled code away):
 * `[last, split, min, lowK, mid, center, highK, missing, outside]`. Below `split` a value's table index
 * is `(v - min) * lowK`, from it `mid + (v - center) * highK`; diverging, each half of the domain
 * maps onto half the table, so the centre is the middle colour. `last` is the table's last index.
 */
export function colorLookup(scale: ColorScale): Float64Array {
  const { table, min, center, max, missing, outside } = scale;
  const last = table.length - 1;
  const inside = center > min && center < max;
  const mid = last / 2;
  const lookup = new Float64Array(9);
  lookup[0] = last;
  lookup[1] = inside ? center : Infinity;
  lookup[2] = min;
  lookup[3] = inside ? mid / (center - min) : last / (max - min);
  lookup[4] = mid;
  lookup[5] = center;
  lookup[6] = inside ? mid / (max - center) : 0;
  lookup[7] = missing;
  lookup[8] = outside;
  return lookup;
}

/**
 * The values a picture is painted from: flat, read in place (cell (outer, inner) is `data[offset +
 * outer * outerStride + inner * innerStride]`, the inner axis the contiguous one), or nested rows
 * (`rows[outer][inner]`, the caller's `number[][]` read in place; non-numbers are missing).
 */
export interface RasterValues {
  readonly data: ArrayLike<number> | null;
  readonly rows: ArrayLike<ArrayLike<unknown> | null | undefined> | null;
  readonly offset: number;
  readonly outerStride: number;
  readonly innerStride: number;
}

/**
 * Paints `values` into `out`, one line of `outWidth` pixels per outer pixel. Each run of pixels
 * shows the value of largest |value − center| among its cells (a missing one is never chosen over a
 * value); ties keep the first cell in (outer, inner) order, as `pickCell` does. A line showing the
 * same cells as the one before is copied. Only the outer lines [from, to) are painted (all by default):
 * a picture painted a slice of lines at a time is the same as one painted at once.
 *
 * Each function of the kernel runs one loop, calling the next level's function (through `lib`) for
 * the loop inside it. A first paint runs before the engine has optimised anything, and it optimises
 * a hot loop in place (on-stack replacement): Chromium 156 did so for the innermost loop of the
 * former single loop nest and bailed out of that code at the end of every line, so a cold 1000 × 1000
 * took about 40 ms against 15 warm (--trace-osr). A function of one loop, called for every line, is
 * optimised whole after its first few calls.
 */
export function raster(values: RasterValues, outerSpans: Int32Array, runs: Int32Array, cells: CellRuns, scale: ColorScale, out: Uint32Array, outWidth: number, lib: RasterLib, from = 0, to = outerSpans.length >> 1): void {
  const table = scale.table;
  const lookup = lib.colorLookup(scale);
  const center = scale.center;
  const count = runs.length >> 2;
  const { first, runOf } = cells;
  const end = runOf.length;
  const bestDev = new Float64Array(count);
  const bestVal = new Float64Array(count);
  // Every run one cell (or none): the inner axis is magnified.
  let single = true;
  for (let k = 0; k < count && single; k++) single = runs[4 * k + 1] - runs[4 * k] <= 1;
  // Runs of two cells or more on average (a large matrix fitted): scored run by run, the best kept in
  // locals; a third faster at 4000 × 4000 in 900 × 540 px, and at two cells a run still ahead.
  const wide = end - first >= 2 * count;
  const { data, rows, offset, outerStride, innerStride } = values;
  const lines = Math.min(to, outerSpans.length >> 1);
  let lastStart = -1;
  let lastEnd = -1;
  for (let o = Math.max(0, from); o < lines; o++) {
    const line = o * outWidth;
    const ra = outerSpans[2 * o];
    const rb = outerSpans[2 * o + 1];
    if (ra === rb) {
      out.fill(scale.outside, line, line + outWidth);
      continue;
    }
    if (ra === lastStart && rb === lastEnd) {
      out.copyWithin(line, line - outWidth, line);
      continue;
    }
    lastStart = ra;
    lastEnd = rb;
    if (single && rb - ra === 1) {
      // Magnified on both axes: a pixel shows one cell, so its colour is the cell's, with no score.
      if (data) lib.colorCells(data, offset + ra * outerStride, innerStride, runs, table, lookup, out, line);
      else lib.colorCells(rows![ra], 0, 1, runs, table, lookup, out, line);
      continue;
    }
    bestDev.fill(-1);
    bestVal.fill(NaN);
    if (data) lib.scoreFlatLines(data, offset + ra * outerStride, outerStride, innerStride, rb - ra, first, end, wide ? null : runOf, runs, center, bestDev, bestVal, lib);
    else lib.scoreNestedLines(rows!, ra, rb, first, end, runOf, center, bestDev, bestVal, lib);
    lib.colorBest(bestVal, runs, table, lookup, out, line);
  }
}

/**
 * Scores `lines` flat lines from `base` into their runs: line by line (scoreFlatRow each, in order),
 * or, given no `runOf` (runs of several cells), all the lines at once run by run (scoreFlatRuns).
 */
export function scoreFlatLines(
  data: ArrayLike<number>,
  base: number,
  outerStride: number,
  innerStride: number,
  lines: number,
  first: number,
  end: number,
  runOf: Int32Array | null,
  runs: Int32Array,
  center: number,
  bestDev: Float64Array,
  bestVal: Float64Array,
  lib: RasterLib,
): void {
  if (!runOf) return lib.scoreFlatRuns(data, base, outerStride, innerStride, lines, runs, center, bestDev, bestVal);
  for (let r = 0; r < lines; r++) lib.scoreFlatRow(data, base + r * outerStride, innerStride, first, end, runOf, center, bestDev, bestVal);
}

/**
 * Scores `lines` flat lines from `start` run by run, for runs of several cells: each run's block of
 * cells (its cells in every line) is read line by line with its best kept in locals and stored once,
 * so no run lookup per cell and no store per line. Within a run the order is that of scoreFlatRow
 * (line, then cell), so the same cell wins a tie. A fitted 4000 × 4000 in 880 × 470 px took about a
 * sixth less time than scoring each line's runs in turn (Node 20, the same pixels).
 */
export function scoreFlatRuns(
  data: ArrayLike<number>,
  start: number,
  outerStride: number,
  innerStride: number,
  lines: number,
  runs: Int32Array,
  center: number,
  bestDev: Float64Array,
  bestVal: Float64Array,
): void {
  const count = runs.length >> 2;
  for (let k = 0; k < count; k++) {
    const a = runs[4 * k];
    const width = (runs[4 * k + 1] - a) * innerStride;
    if (width === 0) continue;
    let dev = bestDev[k];
    let val = bestVal[k];
    for (let line = 0, from = start + a * innerStride; line < lines; line++, from += outerStride) {
      for (let i = from, stop = from + width; i !== stop; i += innerStride) {
        const v = data[i];
        const d = v > center ? v - center : center - v;
        if (d > dev) {
          dev = d;
          val = v;
        }
      }
    }
    bestDev[k] = dev;
    bestVal[k] = val;
  }
}

/**
 * Scores cells `first` to `end` of one flat line from `start` into their runs: each run keeps its
 * value of largest |value − center| (NaN never wins; the first of equal cells stays). One pass along
 * the line, cell by cell: about 1.6 times as fast as a loop per run when runs hold a cell or two.
 */
export function scoreFlatRow(data: ArrayLike<number>, start: number, innerStride: number, first: number, end: number, runOf: Int32Array, center: number, bestDev: Float64Array, bestVal: Float64Array): void {
  for (let c = first; c < end; c++) {
    const k = runOf[c];
    if (k < 0) continue;
    const v = data[start + c * innerStride];
    const d = v > center ? v - center : center - v;
    if (d > bestDev[k]) {
      bestDev[k] = d;
      bestVal[k] = v;
    }
  }
}

/** Scores nested rows `ra` to `rb` into their runs (scoreNestedRow each, in order). */
export function scoreNestedLines(
  rows: ArrayLike<ArrayLike<unknown> | null | undefined>,
  ra: number,
  rb: number,
  first: number,
  end: number,
  runOf: Int32Array,
  center: number,
  bestDev: Float64Array,
  bestVal: Float64Array,
  lib: RasterLib,
): void {
  for (let r = ra; r < rb; r++) {
    const row = rows[r];
    if (row && typeof row === 'object') lib.scoreNestedRow(row, first, end, runOf, center, bestDev, bestVal);
  }
}

/**
 * `scoreFlatRow` for a nested row: a cell that is not a number is skipped. Its twin rather than one
 * function for both: this loop reads every cell, and each of the two reads one kind of array only
 * (typed, or the caller's arrays), which the engine compiles to one load.
 */
export function scoreNestedRow(row: ArrayLike<unknown>, first: number, end: number, runOf: Int32Array, center: number, bestDev: Float64Array, bestVal: Float64Array): void {
  for (let c = first; c < end; c++) {
    const k = runOf[c];
    if (k < 0) continue;
    const v = row[c];
    if (typeof v !== 'number') continue;
    const d = v > center ? v - center : center - v;
    if (d > bestDev[k]) {
      bestDev[k] = d;
      bestVal[k] = v;
    }
  }
}

// The colouring functions walk a line pixel by pixel, the runs being contiguous from pixel 0
// (innerRuns), and look a colour up where a run starts: one loop, not a loop of runs around a loop
// of pixels (see raster).

/** Colours a line's pixels by their runs' scored values (NaN: missing; a run of no cells: outside). */
export function colorBest(bestVal: Float64Array, runs: Int32Array, table: Uint32Array, lookup: Float64Array, out: Uint32Array, line: number): void {
  const last = lookup[0], split = lookup[1], min = lookup[2], lowK = lookup[3], mid = lookup[4], center = lookup[5], highK = lookup[6], missing = lookup[7], outside = lookup[8];
  const pixels = runs.length ? runs[runs.length - 1] : 0;
  let k = -1;
  let next = 0;
  let color = outside;
  for (let p = 0; p < pixels; p++) {
    if (p === next) {
      k++;
      next = runs[4 * k + 3];
      color = outside;
      if (runs[4 * k] !== runs[4 * k + 1]) {
        const v = bestVal[k];
        if (v !== v) color = missing;
        else {
          let t = v < split ? (v - min) * lowK : mid + (v - center) * highK;
          t = t < 0 ? 0 : t > last ? last : t;
          color = table[(t + 0.5) | 0];
        }
      }
    }
    out[line + p] = color;
  }
}

/**
 * A magnified line: each run (one cell or none) takes its cell's colour, cell c being `cells[base +
 * c * stride]` (a flat line from `base`, or a nested row with base 0 and stride 1; a missing row, or
 * a cell that is not a number, is missing). Pixel by pixel in one loop (see colorBest); the cells are
 * read once a run, so one function serves typed and nested lines alike. A run of eight pixels or more
 * is written with fill(), native even before anything is optimised (a cold 100 × 100 fitted in
 * 900 × 540 px: 5–7 → 3–5 ms); for shorter ones the call costs more than the pixels (with fill() from
 * four pixels on, the zoom steps where cells are three or four pixels wide took twice as long).
 */
export function colorCells(cells: ArrayLike<unknown> | null | undefined, base: number, stride: number, runs: Int32Array, table: Uint32Array, lookup: Float64Array, out: Uint32Array, line: number): void {
  const last = lookup[0], split = lookup[1], min = lookup[2], lowK = lookup[3], mid = lookup[4], center = lookup[5], highK = lookup[6], missing = lookup[7], outside = lookup[8];
  const readable = !!cells && typeof cells === 'object';
  const pixels = runs.length ? runs[runs.length - 1] : 0;
  let k = -1;
  let next = 0;
  let color = outside;
  for (let p = 0; p < pixels; p++) {
    if (p === next) {
      k++;
      next = runs[4 * k + 3];
      color = outside;
      const c = runs[4 * k];
      if (c !== runs[4 * k + 1]) {
        const v = readable ? cells[base + c * stride] : undefined;
        if (typeof v !== 'number' || v !== v) color = missing;
        else {
          let t = v < split ? (v - min) * lowK : mid + (v - center) * highK;
          t = t < 0 ? 0 : t > last ? last : t;
          color = table[(t + 0.5) | 0];
        }
      }
      if (next - p >= 8) {
        out.fill(color, line + p, line + next);
        p = next - 1;
        continue;
      }
    }
    out[line + p] = color;
  }
}

/** `source` (`width` × `height` words) turned on its diagonal into `out` (`height` × `width`). */
export function transposePixels(source: Uint32Array, width: number, height: number, out: Uint32Array): void {
  for (let y = 0; y < height; y++) {
    const line = y * width;
    for (let x = 0; x < width; x++) out[x * height + y] = source[line + x];
  }
}

/** The pixels of one overview picture. */
export interface PaintJob {
  /** Display rows and columns. */
  readonly rows: number;
  readonly columns: number;
  /** Row-major data and the layout of display cell (r, c): `offset + r * rowStride + c * columnStride`. */
  readonly data?: ArrayLike<number>;
  readonly offset?: number;
  readonly rowStride?: number;
  readonly columnStride?: number;
  /** Nested rows of the source (`rowArrays[i][j]`), read in place when there is no `data`; display (r, c) is (c, r) when `transposed`. */
  readonly rowArrays?: ArrayLike<ArrayLike<unknown> | null | undefined>;
  readonly transposed?: boolean;
  /** The picture in device pixels, and the content position at its top-left corner, in cells. */
  readonly width: number;
  readonly height: number;
  readonly firstRow: number;
  readonly firstColumn: number;
  /** A cell's size in device pixels. */
  readonly cellWidth: number;
  readonly cellHeight: number;
  readonly min: number;
  readonly center: number;
  readonly max: number;
  readonly table: Uint32Array;
  readonly missing: number;
  readonly outside: number;
}

/** The kernel's functions, passed to `paint` so the same code runs in a Worker built from source text. */
export interface RasterLib {
  readonly axisSpans: typeof axisSpans;
  readonly innerRuns: typeof innerRuns;
  readonly cellRuns: typeof cellRuns;
  readonly colorLookup: typeof colorLookup;
  readonly raster: typeof raster;
  readonly scoreFlatLines: typeof scoreFlatLines;
  readonly scoreFlatRow: typeof scoreFlatRow;
  readonly scoreFlatRuns: typeof scoreFlatRuns;
  readonly scoreNestedLines: typeof scoreNestedLines;
  readonly scoreNestedRow: typeof scoreNestedRow;
  readonly colorBest: typeof colorBest;
  readonly colorCells: typeof colorCells;
  readonly transposePixels: typeof transposePixels;
  readonly rowsOuter: typeof rowsOuter;
}

/**
 * Whether a job's outer lines are its pixel rows: the axis contiguous in memory is walked innermost,
 * so a transposed view is painted on its side (its outer lines are pixel columns) and turned.
 */
export function rowsOuter(job: Pick<PaintJob, 'data' | 'rowArrays' | 'transposed' | 'rowStride' | 'columnStride' | 'columns'>): boolean {
  return job.data ? Math.abs(job.columnStride ?? 1) <= Math.abs(job.rowStride ?? job.columns) : !job.transposed;
}

/**
 * Draws a job into `pixels` (width × height words, ImageData byte order): its pixel rows [from, to),
 * all by default. A job painted on its side (not rowsOuter) is drawn whole whatever the range.
 */
export function paint(job: PaintJob, lib: RasterLib, pixels: Uint32Array, from = 0, to = job.height): void {
  const { width, height } = job;
  const rowSpans = lib.axisSpans(job.rows, job.firstRow, job.cellHeight, height);
  const columnSpans = lib.axisSpans(job.columns, job.firstColumn, job.cellWidth, width);
  const rowStride = job.rowStride ?? job.columns;
  const columnStride = job.columnStride ?? 1;
  if (job.data || job.rowArrays) {
    const byRows = lib.rowsOuter(job);
    const [outer, inner] = byRows ? [rowSpans, columnSpans] : [columnSpans, rowSpans];
    const out = byRows ? pixels : new Uint32Array(width * height);
    const line = byRows ? width : height;
    const runs = lib.innerRuns(inner);
    const cells = lib.cellRuns(runs);
    // One object shape for every job (they are spread together from different parts): the kernels'
    // optimised code, specialised on the first shape it saw, is not thrown away for another.
    const scale: ColorScale = { table: job.table, min: job.min, center: job.center, max: job.max, missing: job.missing, outside: job.outside };
    const [outerStride, innerStride] = byRows ? [rowStride, columnStride] : [columnStride, rowStride];
    // Also one shape for every job, flat or nested.
    const values: RasterValues = job.data
      ? { data: job.data, rows: null, offset: job.offset ?? 0, outerStride, innerStride }
      : { data: null, rows: job.rowArrays!, offset: 0, outerStride: 0, innerStride: 0 };
    lib.raster(values, outer, runs, cells, scale, out, line, lib, byRows ? from : 0, byRows ? to : width);
    if (!byRows) lib.transposePixels(out, height, width, pixels);
    return;
  }
  // No values: every cell is missing.
  for (let y = Math.max(0, from); y < Math.min(to, height); y++) {
    const inRows = rowSpans[2 * y] < rowSpans[2 * y + 1];
    for (let x = 0; x < width; x++) pixels[y * width + x] = inRows && columnSpans[2 * x] < columnSpans[2 * x + 1] ? job.missing : job.outside;
  }
}

/**
 * Paints tiny pictures (flat and nested values; cells smaller than a pixel, larger across only, and
 * larger both ways) a few times, so the engine has compiled every branch of the kernel before a later
 * picture meets it: a first zoom step does not throw the compiled kernel away (a branch the warm-up
 * never took did, when the zoom first reached it). Run once per thread: the Worker's before its first
 * job, the page's in its first idle time (warmUpKernel). Not before a page's first paint: with a
 * loop per function that paint optimises the kernel as fast, and the warm-up cost 19 ms there.
 */
export function warmUp(lib: RasterLib & { readonly paint: typeof paint }): void {
  // Every branch runs, so no optimised code meets an untried one later (which throws it away): a
  // missing value, a missing row, pixels outside the matrix, shared and magnified cells both ways.
  const flat = new Float32Array(48 * 48).map((_, i) => (i % 97 === 5 ? NaN : Math.sin(i)));
  const nested: (number[] | null)[] = Array.from({ length: 48 }, (_, r) => Array.from({ length: 48 }, (_, c) => flat[r * 48 + c]));
  nested[7] = null;
  const job = { rows: 48, columns: 48, min: -1, center: 0, max: 1, table: new Uint32Array(1025), missing: 1, outside: 0 };
  // [width, height, cell height, first cell]: the whole matrix in 16, 32 or 72 × 20 px (runs of three
  // cells, scored run by run; of one or two), and a magnified part.
  for (const [width, height, cellHeight, first] of [[16, 20, 20 / 48, 0], [32, 20, 20 / 48, 0], [72, 20, 20 / 48, 0], [24, 20, 1.5, 30], [24, 20, 1.5, -3]]) {
    const sized = { ...job, width, height, firstRow: first, firstColumn: first, cellWidth: cellHeight > 1 ? cellHeight : width / 48, cellHeight };
    const pixels = new Uint32Array(width * height);
    for (let k = 0; k < 4; k++) {
      lib.paint({ ...sized, data: flat }, lib, pixels);
      lib.paint({ ...sized, rowArrays: nested }, lib, pixels);
    }
  }
}

/** The functions of this module, for `paint`. */
export const RASTER: RasterLib = { axisSpans, innerRuns, cellRuns, colorLookup, raster, scoreFlatLines, scoreFlatRow, scoreFlatRuns, scoreNestedLines, scoreNestedRow, colorBest, colorCells, transposePixels, rowsOuter };

/**
 * The display cell a device pixel shows (the one `paint` coloured it by), or null outside the
 * matrix. Where all its cells are missing, the first of them.
 */
export function pickCell(job: Omit<PaintJob, 'table' | 'missing' | 'outside' | 'min' | 'max'>, px: number, py: number): { row: number; column: number } | null {
  if (px < 0 || py < 0 || px >= job.width || py >= job.height) return null;
  const rows = spanAt(job.rows, job.firstRow, job.cellHeight, py);
  const columns = spanAt(job.columns, job.firstColumn, job.cellWidth, px);
  if (!rows || !columns) return null;
  const rowStride = job.rowStride ?? job.columns;
  const columnStride = job.columnStride ?? 1;
  const rowsOuter = job.data ? Math.abs(columnStride) <= Math.abs(rowStride) : !(job.rowArrays && job.transposed);
  const nested = (i: number, j: number) => {
    const row = job.rowArrays![i];
    const v = row ? row[j] : undefined;
    return typeof v === 'number' ? v : NaN;
  };
  const value = (r: number, c: number) =>
    job.data ? job.data[(job.offset ?? 0) + r * rowStride + c * columnStride] : job.rowArrays ? (job.transposed ? nested(c, r) : nested(r, c)) : NaN;
  let best = { row: rows[0], column: columns[0] };
  let bestDev = -1;
  const [outer, inner] = rowsOuter ? [rows, columns] : [columns, rows];
  // The same walk as `raster`'s, so ties resolve to the same cell.
  for (let o = outer[0]; o < outer[1]; o++) {
    for (let i = inner[0]; i < inner[1]; i++) {
      const [r, c] = rowsOuter ? [o, i] : [i, o];
      const d = Math.abs(value(r, c) - job.center);
      if (d > bestDev) {
        bestDev = d;
        best = { row: r, column: c };
      }
    }
  }
  return best;
}

/** One pixel's span of cells on an axis: the same arithmetic as axisSpans, so the same cells. */
function spanAt(count: number, first: number, cellPx: number, p: number): [number, number] | null {
  if (!(cellPx > 0) || count <= 0) return null;
  const step = 1 / cellPx;
  const from = cellPx >= 1 ? Math.floor(first + (p + 0.5) * step) : Math.ceil(first + p * step - 0.5);
  const to = cellPx >= 1 ? from + 1 : Math.ceil(first + (p + 1) * step - 0.5);
  // Math.max also turns ceil's -0 into 0.
  const start = Math.max(0, from);
  const end = Math.min(count, to);
  return start < end ? [start, end] : null;
}
