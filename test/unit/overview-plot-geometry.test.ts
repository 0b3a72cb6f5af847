import { expect } from '@open-wc/testing';
import { cellBox, minimapBox, minimapCentre, minimapSize } from '../../src/zoom/plot-geometry.js';
import type { ZoomGeometry } from '../../src/zoom/view.js';

// 1000 × 1000 readable 72 × 28 px cells in a 900 × 450 px view.
const g: ZoomGeometry = { rows: 1000, columns: 1000, cellWidth: 72, cellHeight: 28, viewWidth: 900, viewHeight: 450 };

describe('overview marks', () => {
  it('boxes a cell where it is drawn, grown about its centre to a visible size', () => {
    // At 10 %: 7.2 × 2.8 px cells; cell (3, 2) of a view starting at (1, 1).
    const box = cellBox(g, { level: 0.1, firstRow: 1, firstColumn: 1 }, 3, 2, 7)!;
    expect(box.left + box.width / 2).to.be.closeTo(1.5 * 7.2, 1e-9);
    expect(box.top + box.height / 2).to.be.closeTo(2.5 * 2.8, 1e-9);
    expect(box.width).to.be.closeTo(7.2, 1e-9);
    expect(box.height).to.equal(7);
  });

  it('has no box for a cell out of view or outside the matrix', () => {
    expect(cellBox(g, { level: 1, firstRow: 0, firstColumn: 0 }, 500, 0, 0)).to.equal(null);
    expect(cellBox(g, { level: 1, firstRow: 0, firstColumn: 0 }, -1, 0, 0)).to.equal(null);
    expect(cellBox(g, { level: 1, firstRow: 0, firstColumn: 0 }, 0, 1000, 0)).to.equal(null);
  });
});

describe('the minimap', () => {
  it('has the fitted matrix’s shape inside 12em × 3em', () => {
    // Fitted, the matrix fills the 900 × 450 view: 2:1, so 72 × 36 px at 12 px an em.
    expect(minimapSize(g, 12)).to.deep.equal({ width: 72, height: 36 });
  });

  it('frames the part in view, and centres the view on a point of it', () => {
    const size = { width: 100, height: 50 };
    const view = { level: 0.1, firstRow: 250, firstColumn: 500 };
    // 900 / 7.2 = 125 columns and 450 / 2.8 ≈ 160.7 rows in view.
    const box = minimapBox(g, view, size);
    expect(box.left).to.be.closeTo(50, 1e-9);
    expect(box.top).to.be.closeTo(12.5, 1e-9);
    expect(box.width).to.be.closeTo(12.5, 1e-9);
    expect(box.height).to.be.closeTo((450 / 2.8 / 1000) * 50, 1e-9);
    const centred = minimapCentre(g, view, size, 75, 25);
    expect(centred.level).to.equal(0.1);
    expect(centred.firstColumn + 125 / 2).to.be.closeTo(750, 1e-9);
    expect(centred.firstRow + 450 / 2.8 / 2).to.be.closeTo(500, 1e-9);
  });
});
