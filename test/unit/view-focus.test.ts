import { expect } from '@open-wc/testing';
import { buildMatrix } from '../../src/data.js';
import { cellsOf } from '../../src/view/aggregate.js';
import { focusRows, hiddenRuns, rowScores } from '../../src/view/focus.js';
import { normalisation } from '../../src/view/normalise.js';

const visibleRows = (visible: Uint8Array) => Array.from(visible.keys()).filter((r) => visible[r]);

// Rows: '<s>', '▁The', '▁movie', '▁was', '▁great', '.', '</s>'; columns: 'positive', 'negative'.
const VALUES = [
  [0.9, 0.9],
  [0.1, -0.05],
  [0.3, -0.6],
  [NaN, NaN],
  [0.8, 0.2],
  [-0.05, 0.02],
  [0.7, 0.7],
];
const SPECIALS = Uint8Array.of(0, 1, 1, 1, 1, 1, 0);
const matrix = () =>
  buildMatrix(
    ['<s>', '▁The', '▁movie', '▁was', '▁great', '.', '</s>'],
    ['positive', 'negative'],
    Float32Array.from(VALUES.flat()),
  );

describe('rowScores', () => {
  it('scores each row by its largest |value| over every column; all missing gives NaN', () => {
    const scores = Array.from(rowScores(matrix()));
    expect(scores.map((s) => Math.round(s * 100) / 100)).to.deep.equal([0.9, 0.1, 0.6, NaN, 0.8, 0.05, 0.7]);
  });

  it('scores in the selected cell\u2019s column only', () => {
    const scores = Array.from(rowScores(matrix(), { column: 1 }));
    expect(scores.map((s) => Math.round(s * 100) / 100)).to.deep.equal([0.9, 0.05, 0.6, NaN, 0.2, 0.02, 0.7]);
  });

  it('leaves out hidden columns', () => {
    const source = cellsOf(Float64Array.of(9, 1, -2, 9, 0.5, 9), 2, 3);
    expect(Array.from(rowScores(source, { includeColumns: Uint8Array.of(0, 1, 1) }))).to.deep.equal([2, 9]);
    expect(Array.from(rowScores(source, { includeColumns: Uint8Array.of(0, 0, 0) }))).to.deep.equal([NaN, NaN]);
  });

  it('gives NaN for a column outside the grid', () => {
    expect(Array.from(rowScores(cellsOf(Float64Array.of(1, 2), 1, 2), { column: 5 }))).to.deep.equal([NaN]);
  });

  it('scores the normalised values when given a normaliser', () => {
    const source = cellsOf(Float64Array.of(1, -10, 0.5, 5), 2, 2);
    const normaliser = normalisation(source, 'column');
    expect(Array.from(rowScores(source, { normaliser }))).to.deep.equal([1, 0.5]);
    expect(Array.from(rowScores(source))).to.deep.equal([10, 5]);
  });

  it('reads nested values as well as flat ones', () => {
    const nested = buildMatrix(['a', 'b'], ['x', 'y'], [[1, null], [null, -3]]);
    expect(Array.from(rowScores(nested))).to.deep.equal([1, 3]);
  });
});

describe('focusRows', () => {
  const scores = Float64Array.of(0.9, 0.1, 0.6, NaN, 0.8, 0.05, 0.7);

  it('keeps every included row without top-k or threshold', () => {
    expect(visibleRows(focusRows(scores))).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
    expect(visibleRows(focusRows(scores, { include: SPECIALS }))).to.deep.equal([1, 2, 3, 4, 5]);
  });

  it('top-k keeps the k largest, in reading order', () => {
    expect(visibleRows(focusRows(scores, { topK: 3 }))).to.deep.equal([0, 4, 6]);
    expect(visibleRows(focusRows(scores, { topK: 1 }))).to.deep.equal([0]);
  });

  it('top-k leaves hidden special rows out, and does not count them', () => {
    expect(visibleRows(focusRows(scores, { topK: 2, include: SPECIALS }))).to.deep.equal([2, 4]);
  });

  it('breaks ties by reading order', () => {
    const tied = Float64Array.of(0.5, 0.9, 0.5, 0.5, 0.9, 0.5);
    expect(visibleRows(focusRows(tied, { topK: 3 }))).to.deep.equal([0, 1, 4]);
    expect(visibleRows(focusRows(tied, { topK: 4 }))).to.deep.equal([0, 1, 2, 4]);
    expect(visibleRows(focusRows(new Float64Array(5), { topK: 2 }))).to.deep.equal([0, 1]);
  });

  it('k ≥ n keeps every row, missing ones included; k = 0 none', () => {
    expect(visibleRows(focusRows(scores, { topK: 7 }))).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
    expect(visibleRows(focusRows(scores, { topK: 100 }))).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
    expect(visibleRows(focusRows(scores, { topK: Infinity }))).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
    expect(visibleRows(focusRows(scores, { topK: 0 }))).to.deep.equal([]);
    expect(visibleRows(focusRows(scores, { topK: -2 }))).to.deep.equal([]);
  });

  it('rounds k down and ignores a NaN k', () => {
    expect(visibleRows(focusRows(scores, { topK: 2.9 }))).to.deep.equal([0, 4]);
    expect(visibleRows(focusRows(scores, { topK: NaN }))).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
  });

  it('ranks rows without a score below every scored row', () => {
    expect(visibleRows(focusRows(scores, { topK: 6 }))).to.deep.equal([0, 1, 2, 4, 5, 6]);
    expect(visibleRows(focusRows(Float64Array.of(NaN, 0, NaN), { topK: 2 }))).to.deep.equal([0, 1]);
  });

  it('threshold hides rows below it and rows without a score', () => {
    expect(visibleRows(focusRows(scores, { threshold: 0.6 }))).to.deep.equal([0, 2, 4, 6]);
    expect(visibleRows(focusRows(scores, { threshold: 0 }))).to.deep.equal([0, 1, 2, 4, 5, 6]);
    expect(visibleRows(focusRows(scores, { threshold: 2 }))).to.deep.equal([]);
  });

  it('top-k and threshold together keep rows that pass both', () => {
    expect(visibleRows(focusRows(scores, { topK: 3, threshold: 0.75 }))).to.deep.equal([0, 4]);
    expect(visibleRows(focusRows(scores, { topK: 2, threshold: 0.5, include: SPECIALS }))).to.deep.equal([2, 4]);
  });

  it('selects the same rows as sorting does, on large inputs with many ties', () => {
    let seed = 99;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (const k of [1, 17, 500, 999]) {
      const many = Float64Array.from({ length: 1000 }, () => Math.round(random() * 20) / 20);
      const order = Array.from(many.keys()).sort((a, b) => many[b] - many[a] || a - b);
      const expected = order.slice(0, k).sort((a, b) => a - b);
      expect(visibleRows(focusRows(many, { topK: k })), `k = ${k}`).to.deep.equal(expected);
    }
  });

  it('uses the selected column\u2019s scores for top-k', () => {
    const byColumn = rowScores(matrix(), { column: 1 });
    expect(visibleRows(focusRows(byColumn, { topK: 2, include: SPECIALS }))).to.deep.equal([2, 4]);
    const byAny = rowScores(matrix());
    expect(visibleRows(focusRows(byAny, { topK: 2, include: SPECIALS }))).to.deep.equal([2, 4]);
    expect(visibleRows(focusRows(byColumn, { topK: 1, include: SPECIALS }))).to.deep.equal([2]);
    expect(visibleRows(focusRows(byAny, { topK: 1, include: SPECIALS }))).to.deep.equal([4]);
  });
});

describe('hiddenRuns', () => {
  it('gives each run of consecutive hidden rows', () => {
    const visible = Uint8Array.of(1, 0, 0, 1, 0, 1, 0, 0, 0);
    expect(hiddenRuns(visible)).to.deep.equal([
      { start: 1, end: 3, count: 2 },
      { start: 4, end: 5, count: 1 },
      { start: 6, end: 9, count: 3 },
    ]);
  });

  it('gives none when every row is visible, one when none is', () => {
    expect(hiddenRuns(Uint8Array.of(1, 1))).to.deep.equal([]);
    expect(hiddenRuns(Uint8Array.of(0, 0, 0))).to.deep.equal([{ start: 0, end: 3, count: 3 }]);
    expect(hiddenRuns(new Uint8Array(0))).to.deep.equal([]);
  });

  it('skips over hidden special rows: they neither join nor break a run', () => {
    // Rows: '<s>' hidden special, 3 hidden, '▁great' visible, 1 hidden, '</s>' hidden special, 1 hidden.
    const include = Uint8Array.of(0, 1, 1, 1, 1, 1, 0, 1);
    const visible = Uint8Array.of(0, 0, 0, 0, 1, 0, 0, 0);
    expect(hiddenRuns(visible, include)).to.deep.equal([
      { start: 1, end: 4, count: 3 },
      { start: 5, end: 8, count: 2 },
    ]);
    expect(hiddenRuns(Uint8Array.of(0, 0), Uint8Array.of(0, 0))).to.deep.equal([]);
  });

  it('follows from top-k: the runs and the visible rows cover every included row', () => {
    const scores = rowScores(matrix());
    const visible = focusRows(scores, { topK: 2, include: SPECIALS });
    const runs = hiddenRuns(visible, SPECIALS);
    expect(runs).to.deep.equal([
      { start: 1, end: 2, count: 1 },
      { start: 3, end: 4, count: 1 },
      { start: 5, end: 6, count: 1 },
    ]);
    const threshold = focusRows(scores, { threshold: 0.65 });
    expect(hiddenRuns(threshold)).to.deep.equal([{ start: 1, end: 4, count: 3 }, { start: 5, end: 6, count: 1 }]);
  });
});
