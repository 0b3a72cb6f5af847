/**
 * Focus: which rows stay visible under top-k and a threshold, and the runs
 * of hidden rows that take their place. Linear in rows (and cells for scores).
 */
import { flatOf, includedRuns, type CellSource } from './aggregate.js';
import type { Normaliser } from './normalise.js';

/** Options for `rowScores`. */
export interface ScoreOptions {
  /** Score each row in this column only (the selected cell's column). */
  readonly column?: number;
  /** Columns that count (0 = left out, as hidden special tokens are); ignored when `column` is given. */
  readonly includeColumns?: Uint8Array;
  /** Score the normalised values. */
  readonly normaliser?: Normaliser;
}

/**
 * Each row's score: its largest |value| over the included columns, or in `column` alone; NaN when
 * every counted cell is missing. Reads `flat` in place when the source has it.
 */
export function rowScores(source: CellSource, options: ScoreOptions = {}): Float64Array {
  const { rowCount, columnCount } = source;
  const scores = new Float64Array(rowCount).fill(NaN);
  const column = options.column;
  const runs =
    column === undefined
      ? includedRuns(columnCount, options.includeColumns)
      : column >= 0 && column < columnCount
        ? Int32Array.of(column, column + 1)
        : new Int32Array(0);
  const normaliser = options.normaliser && options.normaliser.mode !== 'none' ? options.normaliser : undefined;
  const flat = flatOf(source);
  for (let r = 0; r < rowCount; r++) {
    const best = normaliser
      ? largestNormalised(source, normaliser, r, runs)
      : flat
        ? largestFlat(flat, r * columnCount, runs)
        : largestAt(source, r, runs);
    if (best >= 0) scores[r] = best;
  }
  return scores;
}

// The largest |value| of a row over column runs, -1 when all are missing; one loop per access path.

function largestFlat(flat: ArrayLike<number>, base: number, runs: Int32Array): number {
  let best = -1;
  for (let k = 0; k < runs.length; k += 2) {
    for (let c = base + runs[k], end = base + runs[k + 1]; c < end; c++) {
      const a = Math.abs(flat[c]);
      if (a > best) best = a;
    }
  }
  return best;
}

function largestAt(source: CellSource, row: number, runs: Int32Array): number {
  let best = -1;
  for (let k = 0; k < runs.length; k += 2) {
    for (let c = runs[k], end = runs[k + 1]; c < end; c++) {
      const a = Math.abs(source.at(row, c));
      if (a > best) best = a;
    }
  }
  return best;
}

function largestNormalised(source: CellSource, normaliser: Normaliser, row: number, runs: Int32Array): number {
  let best = -1;
  for (let k = 0; k < runs.length; k += 2) {
    for (let c = runs[k], end = runs[k + 1]; c < end; c++) {
      const a = Math.abs(normaliser.apply(source.at(row, c), row, c));
      if (a > best) best = a;
    }
  }
  return best;
}

/** Options for `focusRows`; with neither `topK` nor `threshold` every included row is visible. */
export interface FocusOptions {
  /** Keep at most this many rows, those of largest score (rounded down; negative counts as 0). */
  readonly topK?: number;
  /** Keep only rows whose score is at least this; a row without a score (all missing) fails it. */
  readonly threshold?: number;
  /** Rows that exist for focus (0 = hidden special token: never visible, never counted in k). */
  readonly include?: Uint8Array;
}

// Deterministic pseudo-random pivots: linear expected time on any input, the same result every run.
function nextSeed(seed: number): number {
  return (Math.imul(seed, 1664525) + 1013904223) >>> 0;
}

/**
 * The k-th largest of `keys` (1-based), by three-way quickselect; rearranges `keys`.
 * Expected linear time, ties included.
 */
function kthLargest(keys: Float64Array, k: number): number {
  let low = 0;
  let high = keys.length - 1;
  let target = k - 1;
  let seed = 0x9e3779b9;
  for (;;) {
    if (low === high) return keys[low];
    seed = nextSeed(seed);
    const pivot = keys[low + (seed % (high - low + 1))];
    // Partition [low, high] into > pivot, = pivot, < pivot (largest first).
    let lt = low;
    let i = low;
    let gt = high;
    while (i <= gt) {
      const v = keys[i];
      if (v > pivot) {
        keys[i] = keys[lt];
        keys[lt++] = v;
        i++;
      } else if (v < pivot) {
        keys[i] = keys[gt];
        keys[gt--] = v;
      } else i++;
    }
    if (target < lt - low) high = lt - 1;
    else if (target <= gt - low) return pivot;
    else {
      target -= gt + 1 - low;
      low = gt + 1;
    }
  }
}

/**
 * Which rows stay visible (1) and which are hidden (0). A row is visible when it is included, its
 * score reaches `threshold` (when given), and it is among the `topK` largest scores of those (when
 * given), ties broken by reading order; rows without a score rank below every scored row.
 */
export function focusRows(scores: Float64Array, options: FocusOptions = {}): Uint8Array {
  const { include, threshold } = options;
  const length = scores.length;
  const visible = new Uint8Array(length);
  let candidates = 0;
  for (let r = 0; r < length; r++) {
    if (include && !include[r]) continue;
    // `!(score >= threshold)` also rejects a missing score.
    if (threshold !== undefined && !(scores[r] >= threshold)) continue;
    visible[r] = 1;
    candidates++;
  }
  const topK = options.topK;
  if (topK === undefined || Number.isNaN(topK)) return visible;
  const k = Math.max(0, Math.floor(topK));
  if (k >= candidates) return visible;
  if (k === 0) return visible.fill(0);
  // Scores are magnitudes (≥ 0), so -1 ranks a missing score below every real one.
  const keys = new Float64Array(candidates);
  for (let r = 0, n = 0; r < length; r++) if (visible[r]) keys[n++] = scores[r] === scores[r] ? scores[r] : -1;
  const kth = kthLargest(keys, k);
  let above = 0;
  for (let r = 0; r < length; r++) if (visible[r] && (scores[r] === scores[r] ? scores[r] : -1) > kth) above++;
  // Every row above the k-th score stays, and as many rows equal to it as fit, first in reading order.
  let ties = k - above;
  for (let r = 0; r < length; r++) {
    if (!visible[r]) continue;
    const key = scores[r] === scores[r] ? scores[r] : -1;
    if (key > kth) continue;
    if (key === kth && ties > 0) ties--;
    else visible[r] = 0;
  }
  return visible;
}

/** A run of consecutive hidden rows, shown as one `⋯ N tokens` row: [start, end) holds `count` hidden rows. */
export interface HiddenRun {
  readonly start: number;
  readonly end: number;
  /** Hidden rows in the run; rows left out by `include` inside [start, end) are not counted. */
  readonly count: number;
}

/**
 * The runs of hidden rows in reading order. Rows whose `include` entry is 0 (hidden special tokens) are
 * not shown at all, so they neither join nor break a run: hidden rows on both sides of one form one
 * run. A run starts and ends at a hidden row.
 */
export function hiddenRuns(visible: Uint8Array, include?: Uint8Array): HiddenRun[] {
  const runs: HiddenRun[] = [];
  let start = -1;
  let last = -1;
  let count = 0;
  for (let r = 0; r < visible.length; r++) {
    if (include && !include[r]) continue;
    if (!visible[r]) {
      if (start < 0) {
        start = r;
        count = 0;
      }
      count++;
      last = r;
    } else if (start >= 0) {
      runs.push({ start, end: last + 1, count });
      start = -1;
    }
  }
  if (start >= 0) runs.push({ start, end: last + 1, count });
  return runs;
}
