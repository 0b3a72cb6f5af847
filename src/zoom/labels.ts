// Which row and column labels an overview shows: every k-th, k the smallest round step whose
// labels do not overlap, plus the hovered or focused one, whose neighbours make way for it.
import type { IndexRange } from '../viewport.js';

/** The smallest of 1, 2, 5, 10, 20, 50, … cells whose span is at least one label (`labelPx`). */
export function labelStep(cellPx: number, labelPx: number): number {
  if (!(cellPx > 0)) return Infinity;
  for (let power = 1; ; power *= 10) {
    for (const k of [1, 2, 5]) if (k * power * cellPx >= labelPx) return k * power;
    if (power > 1e9) return Infinity;
  }
}

/** One label as drawn along its axis: its index and the centre of its box, px from the view's start. */
export interface PlacedLabel {
  readonly index: number;
  readonly centre: number;
  /** The hovered or focused entry's label, shown in full. */
  readonly pinned: boolean;
}

/**
 * The labels of the entries in `range` on an axis whose cells are `cellPx` long and whose view
 * (`length` px) starts at entry `first` (fractional): the multiples of the step whose label lies
 * wholly inside the view, and `pinned` (or -1), kept inside it too, with the multiples closer than one label to it left out, so no two
 * boxes `labelPx` long overlap.
 */
export function placeLabels(range: IndexRange, first: number, cellPx: number, labelPx: number, pinned: number, length: number): PlacedLabel[] {
  const step = labelStep(cellPx, labelPx);
  // A pinned entry out of view makes no room.
  if (pinned < range.start || pinned >= range.end) pinned = -1;
  const centre = (i: number) => (i + 0.5 - first) * cellPx;
  const pinnedCentre = pinned < 0 ? NaN : Math.max(labelPx / 2, Math.min(length - labelPx / 2, centre(pinned)));
  const out: PlacedLabel[] = [];
  if (Number.isFinite(step)) {
    for (let i = Math.ceil(range.start / step) * step; i < range.end; i += step) {
      // Whole labels only: one cut by the view's edge is left out.
      const at = centre(i);
      if (i === pinned || Math.abs(at - pinnedCentre) < labelPx || at < labelPx / 2 || at > length - labelPx / 2) continue;
      out.push({ index: i, centre: at, pinned: false });
    }
  }
  if (pinned >= 0) {
    out.push({ index: pinned, centre: pinnedCentre, pinned: true });
    out.sort((a, b) => a.index - b.index);
  }
  return out;
}

/**
 * The unpinned labels in stable slots: label i, a multiple of the step, sits in slot (i / step) mod
 * pool, the pool more than the labels a view can hold at any zoom (they are at least a label apart).
 * A pan or a zoom step that keeps the step then keeps each element on its label (only its position
 * changes); empty slots are null.
 */
export function labelSlots(labels: readonly PlacedLabel[], cellPx: number, labelPx: number, length: number): (PlacedLabel | null)[] {
  const step = labelStep(cellPx, labelPx);
  if (!Number.isFinite(step)) return [];
  const pool = Math.ceil(length / labelPx) + 2;
  const slots = new Array<PlacedLabel | null>(pool).fill(null);
  for (const label of labels) if (!label.pinned) slots[Math.round(label.index / step) % pool] = label;
  return slots;
}
