import { expect } from '@open-wc/testing';
import { inGraceArea, placeTooltip, type Box, type Size } from '../../src/placement.js';

const viewport: Size = { width: 800, height: 600 };
const GAP = 8;
const EDGE = 4;

const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, width, height });

/** Whether two rectangles share any area (touching edges do not count). */
function intersects(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

function inside(rect: Box, area: Size): boolean {
  return rect.left >= 0 && rect.top >= 0 && rect.left + rect.width <= area.width && rect.top + rect.height <= area.height;
}

const tipRect = (p: { left: number; top: number }, tip: Size): Box => box(p.left, p.top, tip.width, tip.height);

describe('intersects (test helper)', () => {
  it('detects overlap and ignores touching or separate rectangles', () => {
    expect(intersects(box(0, 0, 10, 10), box(5, 5, 10, 10))).to.equal(true);
    expect(intersects(box(0, 0, 10, 10), box(2, 2, 2, 2))).to.equal(true);
    expect(intersects(box(0, 0, 10, 10), box(10, 0, 10, 10))).to.equal(false);
    expect(intersects(box(0, 0, 10, 10), box(0, 20, 10, 10))).to.equal(false);
  });
});

describe('placeTooltip', () => {
  const tip: Size = { width: 160, height: 60 };

  it('goes above the anchor, centred, when there is room', () => {
    const anchor = box(300, 300, 40, 20);
    const p = placeTooltip(anchor, tip, viewport);
    expect(p.side).to.equal('above');
    expect(p.top).to.equal(300 - GAP - 60);
    expect(p.left).to.equal(300 + 20 - 80);
  });

  it('goes below when there is no room above', () => {
    const anchor = box(300, 30, 40, 20);
    const p = placeTooltip(anchor, tip, viewport);
    expect(p.side).to.equal('below');
    expect(p.top).to.equal(30 + 20 + GAP);
  });

  it('shifts sideways to stay inside the viewport near the left and right edges', () => {
    const nearLeft = placeTooltip(box(0, 300, 40, 20), tip, viewport);
    expect(nearLeft.left).to.equal(EDGE);
    const nearRight = placeTooltip(box(780, 300, 20, 20), tip, viewport);
    expect(nearRight.left).to.equal(800 - 160 - EDGE);
  });

  it('goes to the right when it fits neither above nor below', () => {
    const tall: Size = { width: 120, height: 280 };
    const anchor = box(100, 250, 40, 100);
    const p = placeTooltip(anchor, tall, viewport);
    expect(p.side).to.equal('right');
    expect(p.left).to.equal(100 + 40 + GAP);
    expect(p.top).to.equal(250 + 50 - 140);
  });

  it('goes to the left when it fits neither above, below nor right', () => {
    const tall: Size = { width: 120, height: 280 };
    const anchor = box(700, 250, 40, 100);
    const p = placeTooltip(anchor, tall, viewport);
    expect(p.side).to.equal('left');
    expect(p.left).to.equal(700 - GAP - 120);
  });

  it('falls back to the roomier of above and below when nothing fits', () => {
    const huge: Size = { width: 780, height: 500 };
    expect(placeTooltip(box(300, 350, 200, 40), huge, viewport).side).to.equal('above');
    expect(placeTooltip(box(300, 200, 200, 40), huge, viewport).side).to.equal('below');
  });

  it('honours custom gap and edge', () => {
    const p = placeTooltip(box(300, 300, 40, 20), tip, viewport, 2, 10);
    expect(p.top).to.equal(300 - 2 - 60);
    const q = placeTooltip(box(0, 300, 40, 20), tip, viewport, 2, 10);
    expect(q.left).to.equal(10);
  });

  for (const tipSize of [
    { width: 160, height: 60 },
    { width: 240, height: 140 },
    { width: 120, height: 280 },
    { width: 300, height: 420 },
  ]) {
    it(`never covers the anchor and stays in the viewport where it fits (${tipSize.width}×${tipSize.height} tooltip)`, () => {
      const sides = new Set<string>();
      for (const anchorSize of [{ width: 40, height: 20 }, { width: 90, height: 60 }]) {
        for (let top = 0; top + anchorSize.height <= viewport.height; top += 10) {
          for (let left = 0; left + anchorSize.width <= viewport.width; left += 20) {
            const anchor = box(left, top, anchorSize.width, anchorSize.height);
            const where = `anchor at ${left},${top} (${anchorSize.width}×${anchorSize.height})`;
            const fitsAbove = top - GAP - tipSize.height >= EDGE;
            const fitsBelow = top + anchorSize.height + GAP + tipSize.height <= viewport.height - EDGE;
            const fitsRight = left + anchorSize.width + GAP + tipSize.width <= viewport.width - EDGE;
            const fitsLeft = left - GAP - tipSize.width >= EDGE;
            const p = placeTooltip(anchor, tipSize, viewport);
            sides.add(p.side);
            const rect = tipRect(p, tipSize);
            if (fitsAbove) expect(p.side, where).to.equal('above');
            else if (fitsBelow) expect(p.side, where).to.equal('below');
            else if (fitsRight) expect(p.side, where).to.equal('right');
            else if (fitsLeft) expect(p.side, where).to.equal('left');
            if (fitsAbove || fitsBelow || fitsRight || fitsLeft) {
              expect(inside(rect, viewport), `${where}: ${JSON.stringify(p)}`).to.equal(true);
              expect(intersects(rect, anchor), `${where}: ${JSON.stringify(p)}`).to.equal(false);
            }
          }
        }
      }
      // The sweep must exercise more than the trivial case.
      expect(sides.size).to.be.at.least(2);
    });
  }
});

describe('inGraceArea: on the way from a cell to its tooltip (issue 9 item 12)', () => {
  // A tooltip 200 × 60 above a cell whose top edge is at y = 100.
  const tip = { left: 100, top: 32, width: 200, height: 60 };
  const from = { x: 200, y: 104 };

  it('holds for points between where the pointer left and the tooltip’s near side', () => {
    expect(inGraceArea({ x: 200, y: 95 }, from, tip, 'above')).to.equal(true);
    // Diagonal, toward the tooltip's left corner, over a neighbouring cell.
    expect(inGraceArea({ x: 160, y: 96 }, from, tip, 'above')).to.equal(true);
    expect(inGraceArea(from, from, tip, 'above')).to.equal(true);
  });

  it('fails for points that head elsewhere', () => {
    expect(inGraceArea({ x: 200, y: 120 }, from, tip, 'above')).to.equal(false);
    expect(inGraceArea({ x: 120, y: 103 }, from, tip, 'above')).to.equal(false);
    expect(inGraceArea({ x: 320, y: 95 }, from, tip, 'above')).to.equal(false);
  });

  it('uses the side of the tooltip that faces the cell', () => {
    const below = { left: 100, top: 140, width: 200, height: 60 };
    expect(inGraceArea({ x: 200, y: 135 }, { x: 200, y: 126 }, below, 'below')).to.equal(true);
    expect(inGraceArea({ x: 200, y: 115 }, { x: 200, y: 126 }, below, 'below')).to.equal(false);
    const right = { left: 300, top: 80, width: 200, height: 60 };
    expect(inGraceArea({ x: 290, y: 110 }, { x: 270, y: 110 }, right, 'right')).to.equal(true);
    expect(inGraceArea({ x: 250, y: 110 }, { x: 270, y: 110 }, right, 'right')).to.equal(false);
  });
});
