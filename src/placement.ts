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
