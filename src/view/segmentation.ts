// Segmentations: an axis cut into contiguous groups (the core's share of grouping, src/view/grouping.ts:
// one group a token, and the lookups the display model makes).

/** Contiguous groups of an axis: group g is the tokens [starts[g], starts[g + 1]). */
export interface Segmentation {
  readonly count: number;
  /** Length count + 1, increasing; starts[0] is 0 and starts[count] the number of tokens. */
  readonly starts: Int32Array;
}

/** Each token a group of its own. */
export function identitySegmentation(length: number): Segmentation {
  const count = Math.max(0, Math.floor(length));
  const starts = new Int32Array(count + 1);
  for (let i = 0; i <= count; i++) starts[i] = i;
  return { count, starts };
}

/** Whether every group holds exactly one token (so grouped values are the caller's values). */
export function isIdentity(segmentation: Segmentation): boolean {
  return segmentation.starts[segmentation.count] === segmentation.count;
}

/** Tokens in group g. */
export const groupSize = (segmentation: Segmentation, group: number): number =>
  segmentation.starts[group + 1] - segmentation.starts[group];

/** The group holding a token (binary search), or -1 when the index is outside the axis. */
export function groupOf(segmentation: Segmentation, index: number): number {
  const { starts, count } = segmentation;
  if (!(index >= 0 && index < starts[count])) return -1;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (starts[middle] <= index) low = middle;
    else high = middle - 1;
  }
  return low;
}
