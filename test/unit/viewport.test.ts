import { expect } from '@open-wc/testing';
import { inRange, visibleRange, windowIndices } from '../../src/viewport.js';

describe('visibleRange', () => {
  it('covers the cells in view at the top', () => {
    // 100 px of 20 px cells: cells 0–4.
    expect(visibleRange(0, 100, 20, 100, 0)).to.deep.equal({ start: 0, end: 5 });
  });

  it('includes partly visible cells at both edges', () => {
    // 10–110 px shows cells 0 (from 10) to 5 (to 110).
    expect(visibleRange(10, 100, 20, 100, 0)).to.deep.equal({ start: 0, end: 6 });
    expect(visibleRange(30, 100, 20, 100, 0)).to.deep.equal({ start: 1, end: 7 });
  });

  it('adds overscan on each side', () => {
    expect(visibleRange(100, 100, 20, 100, 2)).to.deep.equal({ start: 3, end: 12 });
    expect(visibleRange(100, 100, 20, 100, 8)).to.deep.equal({ start: 0, end: 18 });
  });

  it('clamps the overscan to [0, count)', () => {
    expect(visibleRange(0, 100, 20, 100, 3)).to.deep.equal({ start: 0, end: 8 });
    expect(visibleRange(1900, 100, 20, 100, 3)).to.deep.equal({ start: 92, end: 100 });
  });

  it('stops at count when the viewport is larger than the content', () => {
    expect(visibleRange(0, 1000, 20, 13, 2)).to.deep.equal({ start: 0, end: 13 });
  });

  it('gives an empty range at the end when scrolled past the content', () => {
    const range = visibleRange(5000, 100, 20, 100, 2);
    expect(range).to.deep.equal({ start: 100, end: 100 });
  });

  it('treats a negative scroll offset (overscroll) as 0', () => {
    expect(visibleRange(-50, 100, 20, 100, 0)).to.deep.equal({ start: 0, end: 5 });
  });

  it('shows no cells for a zero or negative viewport, apart from overscan', () => {
    expect(visibleRange(100, 0, 20, 100, 0)).to.deep.equal({ start: 5, end: 5 });
    expect(visibleRange(100, -40, 20, 100, 0)).to.deep.equal({ start: 5, end: 5 });
    expect(visibleRange(100, 0, 20, 100, 2)).to.deep.equal({ start: 3, end: 7 });
  });

  it('gives everything when the cell size is zero or negative (not measured yet)', () => {
    expect(visibleRange(0, 100, 0, 42, 2)).to.deep.equal({ start: 0, end: 42 });
    expect(visibleRange(0, 100, -5, 42, 2)).to.deep.equal({ start: 0, end: 42 });
  });

  it('gives an empty range for zero or negative counts', () => {
    expect(visibleRange(0, 100, 20, 0, 2)).to.deep.equal({ start: 0, end: 0 });
    expect(visibleRange(0, 100, 20, -3, 2)).to.deep.equal({ start: 0, end: 0 });
    expect(visibleRange(0, 100, 0, -3, 2)).to.deep.equal({ start: 0, end: 0 });
  });

  it('handles fractional cell sizes and offsets', () => {
    // 24.5 px cells, 50–150 px: cells 2 (49–73.5) to 6 (147–171.5).
    expect(visibleRange(50, 100, 24.5, 100, 0)).to.deep.equal({ start: 2, end: 7 });
  });

  it('always covers exactly the cells that intersect the viewport, give or take one', () => {
    const cell = 17;
    const count = 60;
    for (let scroll = 0; scroll <= cell * count; scroll += 7) {
      for (const size of [1, 16, 17, 50, 333]) {
        const range = visibleRange(scroll, size, cell, count, 0);
        expect(range.start).to.be.within(0, count);
        expect(range.end).to.be.within(range.start, count);
        // And no more than the cells a window of that size can touch.
        expect(range.end - range.start).to.be.at.most(Math.ceil(size / cell) + 1);
        for (let i = 0; i < count; i++) {
          const intersects = i * cell < scroll + size && (i + 1) * cell > scroll;
          if (intersects) expect(inRange(range, i), `cell ${i} at scroll ${scroll}, size ${size}`).to.equal(true);
        }
      }
    }
  });
});

describe('inRange', () => {
  it('includes start and excludes end', () => {
    const range = { start: 3, end: 6 };
    expect(inRange(range, 2)).to.equal(false);
    expect(inRange(range, 3)).to.equal(true);
    expect(inRange(range, 5)).to.equal(true);
    expect(inRange(range, 6)).to.equal(false);
  });

  it('holds nothing for an empty range', () => {
    expect(inRange({ start: 4, end: 4 }, 4)).to.equal(false);
  });
});

describe('windowIndices', () => {
  it('lists the range in order', () => {
    expect(windowIndices({ start: 520, end: 538 }, -1, 1000)).to.deep.equal(Array.from({ length: 18 }, (_, i) => 520 + i));
  });

  it('puts the focused index outside the range where it sits: before or after', () => {
    expect(windowIndices({ start: 10, end: 13 }, 1, 100)).to.deep.equal([1, 10, 11, 12]);
    expect(windowIndices({ start: 10, end: 13 }, 40, 100)).to.deep.equal([10, 11, 12, 40]);
  });

  it('does not repeat a focused index inside the range, nor add one outside the axis', () => {
    expect(windowIndices({ start: 10, end: 13 }, 11, 100)).to.deep.equal([10, 11, 12]);
    expect(windowIndices({ start: 0, end: 2 }, 5, 3)).to.deep.equal([0, 1]);
    expect(windowIndices({ start: 0, end: 2 }, -1, 3)).to.deep.equal([0, 1]);
  });
});
