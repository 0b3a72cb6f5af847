import { expect } from '@open-wc/testing';
import { buildMatrix } from '../../src/data.js';
import {
  aggregateRange,
  cellsOf,
  groupValues,
  includedRuns,
  isAggregate,
  type Aggregate,
  type CellSource,
} from '../../src/view/aggregate.js';
import { explicitSegmentation, identitySegmentation, segment, type Segmentation } from '../../src/view/grouping.js';

const seg = (groups: number[]): Segmentation => explicitSegmentation('test', groups, groups.length).segmentation!;
/** The grouped matrix as nested rows, to compare with what the grid shows. */
const nested = (source: CellSource) =>
  Array.from({ length: source.rowCount }, (_, r) => Array.from({ length: source.columnCount }, (_, c) => source.at(r, c)));

// Integrated-gradients-like scores, rows = '▁In','s','eq','▁works' (two words), columns = two outputs.
// NaN marks a missing score.
const ROWS = ['▁In', 's', 'eq', '▁works'];
const VALUES = [
  [0.5, -0.25],
  [NaN, 0.75],
  [-1.5, NaN],
  [NaN, NaN],
];
const flatOfRows = (rows: number[][]) => Float64Array.from(rows.flat());

/** The same cells three ways: nested arrays (read through `at`), Float64Array and Float32Array (read through `flat`). */
function sources(rows: number[][]): [string, CellSource][] {
  const columns = rows[0].length;
  const labels = Array.from({ length: columns }, (_, c) => `out${c}`);
  return [
    ['nested', buildMatrix(ROWS.slice(0, rows.length), labels, rows.map((row) => row.map((v) => (Number.isNaN(v) ? null : v))))],
    ['Float64Array', buildMatrix(ROWS.slice(0, rows.length), labels, flatOfRows(rows))],
    ['Float32Array', buildMatrix(ROWS.slice(0, rows.length), labels, Float32Array.from(rows.flat()))],
  ];
}

describe('groupValues', () => {
  const words = segment(ROWS, 'words');
  const columns = identitySegmentation(2);

  it('reads the caller\u2019s flat typed array in place', () => {
    const matrix = sources(VALUES)[2][1];
    expect(matrix.flat).to.be.instanceOf(Float32Array);
    const flat = matrix.flat as Float32Array;
    const before = groupValues(matrix, words, columns).at(0, 0);
    flat[0] = 10.5;
    expect(groupValues(matrix, words, columns).at(0, 0)).to.equal(before + 10);
  });

  for (const [kind, source] of sources(VALUES)) {
    it(`sum skips missing pieces; a group of only missing pieces is missing (${kind})`, () => {
      expect(nested(groupValues(source, words, columns, 'sum'))).to.deep.equal([
        [0.5 + -1.5, -0.25 + 0.75],
        [NaN, NaN],
      ]);
    });

    it(`mean divides by the pieces present (${kind})`, () => {
      expect(nested(groupValues(source, words, columns, 'mean'))).to.deep.equal([
        [(0.5 + -1.5) / 2, (-0.25 + 0.75) / 2],
        [NaN, NaN],
      ]);
    });

    it(`absmax keeps the piece of largest magnitude with its sign (${kind})`, () => {
      expect(nested(groupValues(source, words, columns, 'absmax'))).to.deep.equal([
        [-1.5, 0.75],
        [NaN, NaN],
      ]);
    });
  }

  it('sum is the default', () => {
    const source = sources(VALUES)[1][1];
    expect(nested(groupValues(source, words, columns))).to.deep.equal(nested(groupValues(source, words, columns, 'sum')));
  });

  it('groups both axes at once', () => {
    // 3 × 4 cells, rows in groups {0,1} {2}, columns in groups {0} {1,2,3}.
    const rows = [
      [1, 2, 3, 4],
      [10, NaN, 30, -40],
      [100, 200, NaN, NaN],
    ];
    for (const [kind, source] of sources(rows)) {
      const rowGroups = seg([0, 0, 1]);
      const columnGroups = seg([0, 1, 1, 1]);
      expect(nested(groupValues(source, rowGroups, columnGroups, 'sum')), kind).to.deep.equal([
        [11, 2 + 3 + 4 + 30 - 40],
        [100, 200],
      ]);
      expect(nested(groupValues(source, rowGroups, columnGroups, 'mean')), kind).to.deep.equal([
        [5.5, (2 + 3 + 4 + 30 - 40) / 5],
        [100, 200],
      ]);
      expect(nested(groupValues(source, rowGroups, columnGroups, 'absmax')), kind).to.deep.equal([
        [10, -40],
        [100, 200],
      ]);
    }
  });

  it('absmax keeps the first of equal magnitudes, in reading order', () => {
    const source = cellsOf(Float64Array.of(-2, 2, 2, -2), 2, 2);
    const all = seg([0, 0]);
    expect(groupValues(source, all, all, 'absmax').at(0, 0)).to.equal(-2);
    expect(groupValues(source, identitySegmentation(2), all, 'absmax').at(1, 0)).to.equal(2);
  });

  it('keeps a lone negative zero and sums infinities', () => {
    const source = cellsOf(Float64Array.of(-0, Infinity, 1, 2), 2, 2);
    const grouped = groupValues(source, identitySegmentation(2), identitySegmentation(2));
    expect(Object.is(grouped.at(0, 0), -0)).to.equal(true);
    expect(grouped.at(0, 1)).to.equal(Infinity);
    expect(groupValues(source, seg([0, 0]), identitySegmentation(2)).at(0, 1)).to.equal(Infinity);
  });

  it('with one group per token gives the source itself, nothing copied', () => {
    for (const [kind, source] of sources(VALUES)) {
      const grouped = groupValues(source, identitySegmentation(4), identitySegmentation(2), 'mean');
      expect(grouped, kind).to.equal(source);
      expect(nested(grouped)).to.deep.equal(VALUES);
    }
  });

  it('with one group per token but a mask, gives the values with the masked pieces missing', () => {
    for (const [kind, source] of sources(VALUES)) {
      const grouped = groupValues(source, identitySegmentation(4), identitySegmentation(2), 'absmax', { rows: Uint8Array.of(1, 0, 1, 1) });
      expect(nested(grouped), kind).to.deep.equal([VALUES[0], [NaN, NaN], VALUES[2], VALUES[3]]);
    }
  });

  it('groups rows over ungrouped columns (the per-column loop)', () => {
    for (const [kind, source] of sources(VALUES)) {
      const all = seg([0, 0, 0, 0]);
      expect(nested(groupValues(source, all, identitySegmentation(2), 'sum')), kind).to.deep.equal([[-1, 0.5]]);
      expect(nested(groupValues(source, all, identitySegmentation(2), 'mean')), kind).to.deep.equal([[-0.5, 0.25]]);
      expect(nested(groupValues(source, all, identitySegmentation(2), 'absmax')), kind).to.deep.equal([[-1.5, 0.75]]);
    }
  });

  it('leaves out pieces whose include entry is 0, as if missing', () => {
    // Rows '[CLS]', 'good', '##s', '[SEP]'; the specials are hidden.
    const source = cellsOf(Float64Array.of(9, 9, 1, 2, 3, 4, 9, 9), 4, 2);
    const rows = seg([0, 1, 1, 1]);
    const include = { rows: Uint8Array.of(0, 1, 1, 0) };
    expect(nested(groupValues(source, rows, identitySegmentation(2), 'sum', include))).to.deep.equal([
      [NaN, NaN],
      [4, 6],
    ]);
    const columns = seg([0, 0]);
    expect(nested(groupValues(source, identitySegmentation(4), columns, 'sum', { columns: Uint8Array.of(1, 0) }))).to.deep.equal([
      [9],
      [1],
      [3],
      [9],
    ]);
  });

  it('gives a grid of the group counts, its own flat array row-major', () => {
    const source = sources(VALUES)[1][1];
    const grouped = groupValues(source, words, identitySegmentation(2));
    expect(grouped.rowCount).to.equal(2);
    expect(grouped.columnCount).to.equal(2);
    expect(grouped.flat).to.be.instanceOf(Float64Array);
    expect(Array.from(grouped.flat!)).to.deep.equal([-1, 0.5, NaN, NaN]);
  });

  it('handles an empty axis', () => {
    const source = cellsOf(new Float64Array(0), 0, 3);
    const grouped = groupValues(source, identitySegmentation(0), seg([0, 0, 1]));
    expect(grouped.rowCount).to.equal(0);
    expect(grouped.columnCount).to.equal(2);
    expect(grouped.flat!.length).to.equal(0);
  });
});

describe('aggregateRange', () => {
  const source = sources(VALUES)[0][1];

  it('aggregates one rectangle, skipping missing cells', () => {
    expect(aggregateRange(source, 0, 3, 0, 2, 'sum')).to.equal(0.5 - 0.25 + 0.75 - 1.5);
    expect(aggregateRange(source, 0, 3, 0, 2, 'mean')).to.equal((0.5 - 0.25 + 0.75 - 1.5) / 4);
    expect(aggregateRange(source, 0, 3, 0, 2, 'absmax')).to.equal(-1.5);
    expect(aggregateRange(source, 1, 2, 0, 2)).to.equal(0.75);
  });

  it('agrees with groupValues on every group rectangle', () => {
    const rows = seg([0, 0, 0, 1]);
    const columns = seg([0, 1]);
    for (const aggregate of ['sum', 'mean', 'absmax'] as Aggregate[]) {
      const grouped = groupValues(source, rows, columns, aggregate);
      for (let g = 0; g < rows.count; g++) {
        for (let h = 0; h < columns.count; h++) {
          const range = aggregateRange(source, rows.starts[g], rows.starts[g + 1], columns.starts[h], columns.starts[h + 1], aggregate);
          expect(range, `${aggregate} ${g},${h}`).to.deep.equal(grouped.at(g, h));
        }
      }
    }
  });

  it('is missing when every cell is, or the rectangle is empty or outside', () => {
    expect(aggregateRange(source, 3, 4, 0, 2)).to.be.NaN;
    expect(aggregateRange(source, 2, 2, 0, 2)).to.be.NaN;
    expect(aggregateRange(source, 9, 12, 0, 2)).to.be.NaN;
    expect(aggregateRange(source, -5, 1, -5, 1)).to.equal(0.5);
  });
});

describe('includedRuns and isAggregate', () => {
  it('lists the runs of included indices', () => {
    expect(Array.from(includedRuns(4))).to.deep.equal([0, 4]);
    expect(Array.from(includedRuns(6, Uint8Array.of(0, 1, 1, 0, 0, 1)))).to.deep.equal([1, 3, 5, 6]);
    expect(Array.from(includedRuns(3, Uint8Array.of(0, 0, 0)))).to.deep.equal([]);
  });

  it('accepts exactly the three aggregate names', () => {
    expect(['sum', 'mean', 'absmax'].every(isAggregate)).to.equal(true);
    expect(['max', 'Sum', '', undefined].some(isAggregate)).to.equal(false);
  });
});
