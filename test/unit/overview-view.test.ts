import { expect } from '@open-wc/testing';
import {
  allVisible,
  axisScales,
  cellSize,
  centreOn,
  clampView,
  decimalsThatFit,
  fitLevel,
  formatLevel,
  panBy,
  revealCell,
  valueShape,
  visibleRanges,
  zoomAbout,
  zoomAnnouncement,
  MAX_LEVEL,
  type ZoomGeometry,
} from '../../src/zoom/view.js';
import { labelSlots, labelStep, placeLabels } from '../../src/zoom/labels.js';

// 1000 × 1000 readable cells of 72 × 28 px in a 900 × 450 px box.
const square: ZoomGeometry = { rows: 1000, columns: 1000, cellWidth: 72, cellHeight: 28, viewWidth: 900, viewHeight: 450 };

describe('zoom levels', () => {
  it('fits the whole matrix in the box, each axis filling it', () => {
    const level = fitLevel(square);
    expect(level).to.be.closeTo(900 / 72000, 1e-12);
    const cell = cellSize(square, level);
    expect(cell.width * 1000).to.be.closeTo(900, 1e-9);
    expect(cell.height * 1000).to.be.closeTo(450, 1e-9);
    expect(allVisible(square, { level, firstRow: 0, firstColumn: 0 })).to.equal(true);
  });

  it('keeps a long thin matrix as wide as its box when fitted', () => {
    const thin = { ...square, rows: 4000, columns: 10 };
    const s = axisScales(thin, fitLevel(thin));
    // 10 columns fit at readable size: they stay 72 px wide while 4000 rows shrink to the box.
    expect(s.x).to.equal(1);
    expect(4000 * 28 * s.y).to.be.closeTo(450, 1e-9);
  });

  it('gives 1 as the fit of a matrix that fits at readable size', () => {
    expect(fitLevel({ ...square, rows: 13, columns: 5 })).to.equal(1);
  });

  it('keeps levels between fit and the maximum, and positions inside the content', () => {
    expect(clampView(square, { level: 1e-9, firstRow: -5, firstColumn: 99999 })).to.deep.equal({ level: fitLevel(square), firstRow: 0, firstColumn: 0 });
    const v = clampView(square, { level: 99, firstRow: 5000, firstColumn: -3 });
    expect(v.level).to.equal(MAX_LEVEL);
    expect(v.firstColumn).to.equal(0);
    expect(v.firstRow).to.be.closeTo(1000 - 450 / (28 * MAX_LEVEL), 1e-9);
  });
});

describe('moving around', () => {
  it('zooms about a point: the cell under it stays under it', () => {
    const start = { level: 0.1, firstRow: 100, firstColumn: 200 };
    const next = zoomAbout(square, start, 0.4, 300, 150);
    const before = cellSize(square, 0.1);
    const after = cellSize(square, 0.4);
    expect(next.level).to.equal(0.4);
    expect(next.firstColumn + 300 / after.width).to.be.closeTo(start.firstColumn + 300 / before.width, 1e-9);
    expect(next.firstRow + 150 / after.height).to.be.closeTo(start.firstRow + 150 / before.height, 1e-9);
  });

  it('pans by pixels and stops at the edges', () => {
    const v = panBy(square, { level: 1, firstRow: 10, firstColumn: 10 }, 72 * 3, -28 * 4);
    expect(v).to.deep.equal({ level: 1, firstRow: 6, firstColumn: 13 });
    expect(panBy(square, v, -1e6, -1e6)).to.deep.equal({ level: 1, firstRow: 0, firstColumn: 0 });
  });

  it('centres on a cell and reveals a cell with the least movement', () => {
    const c = centreOn(square, 1, 500, 500);
    expect(c.firstColumn + 900 / 72 / 2).to.be.closeTo(500.5, 1e-9);
    const v = { level: 1, firstRow: 0, firstColumn: 0 };
    // 450 / 28 = 16.07 rows in view; row 30 comes in with one row to spare below.
    expect(revealCell(square, v, 30, 3).firstRow).to.be.closeTo(31 - 450 / 28 + 1, 1e-9);
    expect(revealCell(square, v, 30, 3).firstColumn).to.equal(0);
    expect(revealCell(square, v, 5, 5)).to.deep.equal(v);
    expect(revealCell(square, { ...v, firstRow: 50 }, -1, 2).firstRow).to.equal(50);
  });

  it('lists the rows and columns in view, partly visible ones included', () => {
    expect(visibleRanges(square, { level: 1, firstRow: 10.5, firstColumn: 0 })).to.deep.equal({
      rows: { start: 10, end: 27 },
      columns: { start: 0, end: 13 },
    });
    expect(visibleRanges(square, { level: fitLevel(square), firstRow: 0, firstColumn: 0 })).to.deep.equal({
      rows: { start: 0, end: 1000 },
      columns: { start: 0, end: 1000 },
    });
  });
});

describe('printed values at a cell size', () => {
  const shape = valueShape(-1.9, 0.7);

  it('prints as many decimals as fit, up to those asked for', () => {
    expect(shape).to.deep.equal({ integerDigits: 1, signed: true });
    // 72 px and 7.5 px a character: 9 characters, so "-1.9074" with 4 decimals fits.
    expect(decimalsThatFit(72, 7.5, 4, shape)).to.equal(4);
    // 40 px: 4 characters — "-1.9" has one decimal.
    expect(decimalsThatFit(40, 7.5, 4, shape)).to.equal(1);
    expect(decimalsThatFit(30, 7.5, 4, shape)).to.equal(0);
    expect(decimalsThatFit(15, 7.5, 4, shape)).to.equal(-1);
  });

  it('counts integer digits and signs of the data', () => {
    expect(valueShape(0, 123.4)).to.deep.equal({ integerDigits: 3, signed: false });
    expect(valueShape(Infinity, -Infinity)).to.deep.equal({ integerDigits: 1, signed: false });
  });
});

describe('zoom text', () => {
  it('prints levels as percentages', () => {
    expect(formatLevel(1)).to.equal('100 %');
    expect(formatLevel(0.25)).to.equal('25 %');
    expect(formatLevel(0.0125)).to.equal('1.3 %');
    expect(formatLevel(0.00347)).to.equal('0.35 %');
  });

  it('announces the level and the visible rows and columns, one-based', () => {
    expect(zoomAnnouncement(0.25, { start: 0, end: 1000 }, { start: 0, end: 1000 })).to.equal('zoom 25 %, rows 1–1000, columns 1–1000');
    expect(zoomAnnouncement(2, { start: 4, end: 5 }, { start: 0, end: 3 })).to.equal('zoom 200 %, rows 5, columns 1–3');
  });
});

describe('overview labels', () => {
  it('steps by 1, 2, 5, 10, … so labels never come closer than their size', () => {
    expect(labelStep(20, 15)).to.equal(1);
    expect(labelStep(10, 15)).to.equal(2);
    expect(labelStep(0.45, 15)).to.equal(50);
    expect(labelStep(0.09, 15)).to.equal(200);
  });

  it('places every k-th label and makes room for the pinned one', () => {
    const labels = placeLabels({ start: 0, end: 100 }, 0, 1.5, 15, 47, 150);
    const indices = labels.map((l) => l.index);
    // Label 0 (centre 0.75 px) would be cut by the view's edge.
    expect(indices).to.deep.equal([10, 20, 30, 47, 60, 70, 80, 90]);
    expect(labels.find((l) => l.pinned)!.index).to.equal(47);
    const centres = labels.map((l) => l.centre);
    for (let i = 1; i < centres.length; i++) expect(centres[i] - centres[i - 1]).to.be.at.least(15);
  });

  it('keeps the pinned label whole inside the view, its neighbours clear of it', () => {
    const labels = placeLabels({ start: 0, end: 100 }, 0, 1.5, 15, 0, 150);
    expect(labels[0]).to.deep.equal({ index: 0, centre: 7.5, pinned: true });
    expect(labels[1].index).to.equal(20);
  });

  it('ignores a pinned entry out of view', () => {
    expect(placeLabels({ start: 0, end: 30 }, 0, 1.5, 15, 200, 45).map((l) => l.index)).to.deep.equal([10, 20]);
  });

  it('keeps each label in its slot while the view pans', () => {
    const at = (first: number) => labelSlots(placeLabels({ start: Math.floor(first), end: Math.floor(first) + 100 }, first, 1.5, 15, -1, 150), 1.5, 15, 150);
    const before = at(0);
    const after = at(23.4);
    expect(before).to.have.length(12);
    // Label 30 is in the same slot in both views, at a new place.
    const slot = before.findIndex((l) => l?.index === 30);
    expect(after[slot]!.index).to.equal(30);
    expect(after[slot]!.centre).to.be.closeTo(before[slot]!.centre - 23.4 * 1.5, 1e-9);
    // Labels that left the view free their slots; no slot holds two.
    const indices = after.filter(Boolean).map((l) => l!.index);
    expect(new Set(indices).size).to.equal(indices.length);
  });

  it('keeps each label in its slot through a zoom step that keeps the step', () => {
    // Cells 1.6 px and then 2.05 px (× 1.28), the view from entry 200: labels every 10 cells in both, at new places.
    const at = (cellPx: number) => labelSlots(placeLabels({ start: 200, end: 1000 }, 200, cellPx, 15, -1, 150), cellPx, 15, 150);
    const before = at(1.6);
    const after = at(1.6 * 1.28);
    expect(before.filter(Boolean).length).to.be.greaterThan(5);
    for (const [slot, label] of after.entries()) {
      if (!label) continue;
      const was = before[slot];
      if (was) expect(was.index, `slot ${slot}`).to.equal(label.index);
      // No other slot held this label before.
      expect(before.filter((l, s) => l?.index === label.index && s !== slot), `label ${label.index}`).to.have.length(0);
    }
  });
});
