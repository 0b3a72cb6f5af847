import { expect } from '@open-wc/testing';
import { buildMatrix } from '../../src/data.js';
import { cellsOf, type CellSource } from '../../src/view/aggregate.js';
import { isNormalize, normalisation, normalisationTitle, type Normaliser } from '../../src/view/normalise.js';

/** Every cell after normalisation, as nested rows. */
const normalised = (source: CellSource, normaliser: Normaliser) =>
  Array.from({ length: source.rowCount }, (_, r) =>
    Array.from({ length: source.columnCount }, (_, c) => normaliser.apply(source.at(r, c), r, c)),
  );

// Rows: '<s>', '▁The', '▁cat', '</s>'; columns: three generated tokens. The specials carry large
// scores, as attention sinks do.
const VALUES = [
  [8, -8, 8],
  [0.5, -2, 0],
  [-0.25, 1, 0],
  [4, NaN, 0],
];
const SPECIAL_ROWS = Uint8Array.of(0, 1, 1, 0);

function sources(): [string, CellSource][] {
  const rows = ['<s>', '▁The', '▁cat', '</s>'];
  const columns = ['a', 'b', 'c'];
  return [
    ['nested', buildMatrix(rows, columns, VALUES.map((row) => row.map((v) => (Number.isNaN(v) ? null : v))))],
    ['Float32Array', buildMatrix(rows, columns, Float32Array.from(VALUES.flat()))],
    ['Float64Array', cellsOf(Float64Array.from(VALUES.flat()), 4, 3)],
  ];
}

describe('normalisation', () => {
  for (const [kind, source] of sources()) {
    it(`none leaves every value as it is (${kind})`, () => {
      const normaliser = normalisation(source, 'none');
      expect(normaliser.mode).to.equal('none');
      expect(normalised(source, normaliser)).to.deep.equal(VALUES);
      expect(normaliser.divisor(1, 1)).to.equal(1);
    });

    it(`column divides each column by its largest |value| (${kind})`, () => {
      const normaliser = normalisation(source, 'column');
      expect(normalised(source, normaliser)).to.deep.equal([
        [1, -1, 1],
        [0.5 / 8, -2 / 8, 0],
        [-0.25 / 8, 1 / 8, 0],
        [4 / 8, NaN, 0],
      ]);
    });

    it(`row divides each row by its largest |value| (${kind})`, () => {
      const normaliser = normalisation(source, 'row');
      expect(normalised(source, normaliser)).to.deep.equal([
        [1, -1, 1],
        [0.25, -1, 0],
        [-0.25, 1, 0],
        [1, NaN, 0],
      ]);
    });

    it(`all divides by the matrix's largest |value| (${kind})`, () => {
      const normaliser = normalisation(source, 'all');
      expect(normaliser.divisor(2, 1)).to.equal(8);
      expect(normalised(source, normaliser)[1]).to.deep.equal([0.5 / 8, -2 / 8, 0]);
    });

    it(`hidden special rows are left out of the maxima (${kind})`, () => {
      const include = { rows: SPECIAL_ROWS };
      const column = normalisation(source, 'column', include);
      expect([0, 1, 2].map((c) => column.divisor(1, c))).to.deep.equal([0.5, 2, 1]);
      expect(normalised(source, column).slice(1, 3)).to.deep.equal([
        [1, -1, 0],
        [-0.5, 0.5, 0],
      ]);
      expect(normalisation(source, 'all', include).divisor(0, 0)).to.equal(2);
      // In row mode each row keeps its own divisor, the special rows' too.
      expect(normalisation(source, 'row', include).divisor(0, 0)).to.equal(8);
    });
  }

  it('hidden special columns are left out of the row and overall maxima', () => {
    // Columns: '[CLS]', 'good', 'movie', '[SEP]'.
    const source = cellsOf(Float64Array.of(5, 1, -2, 7, 9, 0.5, 0.25, 9), 2, 4);
    const include = { columns: Uint8Array.of(0, 1, 1, 0) };
    const row = normalisation(source, 'row', include);
    expect([row.divisor(0, 0), row.divisor(1, 0)]).to.deep.equal([2, 0.5]);
    expect(normalisation(source, 'all', include).divisor(0, 0)).to.equal(2);
    // In column mode each column keeps its own divisor.
    expect(normalisation(source, 'column', include).divisor(0, 3)).to.equal(9);
  });

  it('keeps divisor 1 for a column of only zeros or only missing values', () => {
    const source = cellsOf(Float64Array.of(0, NaN, 3, 0, NaN, -6), 2, 3);
    const column = normalisation(source, 'column');
    expect([0, 1, 2].map((c) => column.divisor(0, c))).to.deep.equal([1, 1, 6]);
    expect(normalised(source, column)).to.deep.equal([
      [0, NaN, 0.5],
      [0, NaN, -1],
    ]);
    const empty = cellsOf(Float64Array.of(NaN, 0), 1, 2);
    expect(normalisation(empty, 'all').divisor(0, 0)).to.equal(1);
    expect(normalisation(empty, 'row').divisor(0, 0)).to.equal(1);
  });

  it('keeps divisor 1 when every row is hidden', () => {
    const source = cellsOf(Float64Array.of(3, 4), 2, 1);
    const normaliser = normalisation(source, 'column', { rows: Uint8Array.of(0, 0) });
    expect(normaliser.divisor(0, 0)).to.equal(1);
  });

  it('leaves infinities out of the maxima, so finite values keep their scale', () => {
    const source = cellsOf(Float64Array.of(Infinity, 2, -Infinity, -4), 4, 1);
    const normaliser = normalisation(source, 'column');
    expect(normaliser.divisor(0, 0)).to.equal(4);
    expect(normalised(source, normaliser)).to.deep.equal([[Infinity], [0.5], [-Infinity], [-1]]);
  });

  it('brings every column\u2019s strongest attribution to ±1', () => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 48271) + 11) >>> 0) / 2 ** 32) * 2 - 1;
    const rows = 30;
    const columns = 11;
    const flat = Float32Array.from({ length: rows * columns }, random);
    const source = buildMatrix(Array(rows).fill('▁x'), Array(columns).fill('y'), flat);
    const normaliser = normalisation(source, 'column');
    for (let c = 0; c < columns; c++) {
      let largest = 0;
      for (let r = 0; r < rows; r++) largest = Math.max(largest, Math.abs(normaliser.apply(source.at(r, c), r, c)));
      expect(largest, `column ${c}`).to.equal(1);
    }
  });

  it('titles each mode for the colour bar', () => {
    expect(normalisationTitle('none')).to.equal('');
    expect(normalisationTitle('column')).to.equal('normalised per column');
    expect(normalisationTitle('row')).to.equal('normalised per row');
    expect(normalisationTitle('all')).to.equal('normalised over all cells');
  });

  it('accepts exactly the four mode names', () => {
    expect(['none', 'column', 'row', 'all'].every(isNormalize)).to.equal(true);
    expect(['columns', 'Row', '', null].some(isNormalize)).to.equal(false);
  });
});
