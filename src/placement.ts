export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Placement {
  readonly left: number;
  readonly top: number;
  readonly side: 'above' | 'below' | 'right' | 'left';
}

const clamp = (n: number, low: number, high: number) => Math.max(low, Math.min(high, n));

/**
 * Where a tooltip goes so it stays inside the viewport and never covers its
 * cell: above if it fits, else below, else beside, else on the roomier side.
 */
export function placeTooltip(anchor: Box, tip: Size, viewport: Size, gap = 8, edge = 4): Placement {
  const centeredLeft = clamp(anchor.left + anchor.width / 2 - tip.width / 2, edge, viewport.width - tip.width - edge);
  const centeredTop = clamp(anchor.top + anchor.height / 2 - tip.height / 2, edge, viewport.height - tip.height - edge);
  const above = anchor.top - gap - tip.height;
  const below = anchor.top + anchor.height + gap;
  const right = anchor.left + anchor.width + gap;
  const left = anchor.left - gap - tip.width;
  if (above >= edge) return { left: centeredLeft, top: above, side: 'above' };
  if (below + tip.height <= viewport.height - edge) return { left: centeredLeft, top: below, side: 'below' };
  if (right + tip.width <= viewport.width - edge) return { left: right, top: centeredTop, side: 'right' };
  if (left >= edge) return { left, top: centeredTop, side: 'left' };
  return anchor.top > viewport.height - anchor.top - anchor.height
    ? { left: centeredLeft, top: above, side: 'above' }
    : { left: centeredLeft, top: below, side: 'below' };
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Twice the signed area of the triangle a, b, c: its sign tells on which side of a→b the point c lies. */
const cross = (a: Point, b: Point, c: Point) => (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);

/**
 * Whether the pointer, having left its cell at `from`, is still on its way to the tooltip: inside
 * the triangle from `from` to the two corners of the tooltip's side that faces the cell. While it
 * is, the tooltip keeps its cell, so a diagonal path over the neighbours does not swap it (WCAG 1.4.13).
 */
export function inGraceArea(point: Point, from: Point, tip: Box, side: Placement['side']): boolean {
  const right = tip.left + tip.width;
  const bottom = tip.top + tip.height;
  const [a, b]: [Point, Point] =
    side === 'above'
      ? [{ x: tip.left, y: bottom }, { x: right, y: bottom }]
      : side === 'below'
        ? [{ x: tip.left, y: tip.top }, { x: right, y: tip.top }]
        : side === 'right'
          ? [{ x: tip.left, y: tip.top }, { x: tip.left, y: bottom }]
          : [{ x: right, y: tip.top }, { x: right, y: bottom }];
  const d1 = cross(from, a, point);
  const d2 = cross(a, b, point);
  const d3 = cross(b, from, point);
  const negative = d1 < 0 || d2 < 0 || d3 < 0;
  const positive = d1 > 0 || d2 > 0 || d3 > 0;
  return !(negative && positive);
}
