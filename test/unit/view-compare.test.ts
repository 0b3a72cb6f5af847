import { expect } from '@open-wc/testing';
import { buildMatrix, InvalidJson } from '../../src/data.js';
import { compareStep, compareValuesAt } from '../../src/view/compare.js';
// The pipeline's grouping, normalising, focus and step-score steps are features: all of them, as full builds have.
import '../../src/features/all.js';
import { ReadingPipeline, type ReadingOptions } from '../../src/view/pipeline.js';
import { PLAIN_OPTIONS } from './reading-options.js';

const A = [
  [0.5, -0.25, 0.1],
  [0.2, 0.4, null],
];
const B = [
  [0.1, -0.5, 0.3],
  [0.9, 0.4, 0.2],
];
const a = buildMatrix(['x', 'y'], ['p', 'q', 'r'], A);

const OPTIONS: ReadingOptions = PLAIN_OPTIONS;

describe('compare step', () => {
  it('without compare shows A and compares nothing', () => {
    const c = compareStep(a, null, 'diff');
    expect(c.shown).to.equal(a);
    expect(c.mode).to.equal(null);
    expect(c.problem).to.equal(undefined);
  });

  it('diff: A − B cell by cell, missing where either is missing', () => {
    const c = compareStep(a, B, 'diff');
    expect(c.mode).to.equal('diff');
    expect(c.shown.at(0, 0)).to.be.closeTo(0.4, 1e-12);
    expect(c.shown.at(0, 1)).to.equal(0.25);
    expect(c.shown.at(1, 1)).to.equal(0);
    expect(Number.isNaN(c.shown.at(1, 2))).to.equal(true);
    expect(c.shown.rowLabels).to.equal(a.rowLabels);
    expect(c.shown.stats.min).to.be.closeTo(-0.7, 1e-12);
  });

  it('a and b show one of them and keep the other for the domain', () => {
    const ca = compareStep(a, B, 'a');
    expect(ca.shown).to.equal(a);
    expect(ca.other!.at(1, 0)).to.equal(0.9);
    const cb = compareStep(a, B, 'b');
    expect(cb.shown.at(1, 0)).to.equal(0.9);
    expect(cb.other).to.equal(a);
  });

  it('reads a flat typed array of as many cells, row-major', () => {
    const c = compareStep(a, Float64Array.of(0.1, -0.5, 0.3, 0.9, 0.4, 0.2), 'b');
    expect(c.problem).to.equal(undefined);
    expect(c.shown.at(1, 0)).to.equal(0.9);
  });

  it('ignores a compare of another shape, with one sentence', () => {
    const c = compareStep(a, [[1, 2, 3]], 'diff');
    expect(c.shown).to.equal(a);
    expect(c.mode).to.equal(null);
    expect(c.problem).to.equal('compare: 1 × 3 values for 2 × 3 in values; ignored');
    expect(compareStep(a, Float32Array.of(1, 2), 'diff').problem).to.equal('compare: 2 values for 2 × 3 in values; ignored');
    expect(compareStep(a, { x: 1 }, 'diff').problem).to.equal('compare: expected a 2-D array of the shape of values, got {"x":1}; ignored');
    expect(compareStep(a, new InvalidJson('[1,', 'Unexpected end'), 'diff').problem).to.equal('compare: not valid JSON (Unexpected end); ignored');
  });

  it('names its own bad entries after compare and keeps the rest', () => {
    const c = compareStep(a, [[0.1, 'x', 0.3], [0.9, 0.4, 0.2]], 'diff');
    expect(c.mode).to.equal('diff');
    expect(c.problem).to.equal('compare: compare[0][1] is the text "x", not a number; shown as missing');
    expect(Number.isNaN(c.shown.at(0, 1))).to.equal(true);
    expect(c.shown.at(1, 0)).to.be.closeTo(-0.7, 1e-12);
  });

  it('gives A, B and A − B over a cell range, aggregated like the grid', () => {
    const c = compareStep(a, B, 'a');
    expect(compareValuesAt(c, [0, 1], [0, 1], 'sum')).to.deep.equal({ a: 0.5, b: 0.1, difference: 0.4 });
    const sum = compareValuesAt(c, [0, 2], [0, 1], 'sum')!;
    expect(sum.a).to.be.closeTo(0.7, 1e-12);
    expect(sum.b).to.be.closeTo(1.0, 1e-12);
    expect(compareValuesAt(compareStep(a, null, 'diff'), [0, 1], [0, 1], 'sum')).to.equal(null);
    expect(compareValuesAt(c, [1, 2], [2, 3], 'sum')).to.deep.equal({ a: null, b: 0.2, difference: null });
  });
});

describe('reading pipeline with compare', () => {
  it('shows the difference and its extremes', () => {
    const reading = new ReadingPipeline().read(a, { ...OPTIONS, compare: B, compareMode: 'diff' });
    expect(reading.model.value(0, 0)).to.be.closeTo(0.4, 1e-12);
    expect(reading.stats.max).to.be.closeTo(0.4, 1e-12);
    expect(reading.domainStats).to.deep.equal(reading.stats);
  });

  it('a and b: the domain covers both, so switching keeps the colours', () => {
    const pipeline = new ReadingPipeline();
    const ra = pipeline.read(a, { ...OPTIONS, compare: B, compareMode: 'a' });
    expect(ra.stats.max).to.equal(0.5);
    expect(ra.domainStats.max).to.equal(0.9);
    expect(ra.domainStats.min).to.equal(-0.5);
    const rb = pipeline.read(a, { ...OPTIONS, compare: B, compareMode: 'b' });
    expect(rb.model.value(1, 0)).to.equal(0.9);
    expect([rb.domainStats.min, rb.domainStats.max]).to.deep.equal([ra.domainStats.min, ra.domainStats.max]);
  });

  it('reports a shape mismatch among its problems and shows A', () => {
    const reading = new ReadingPipeline().read(a, { ...OPTIONS, compare: [[1]], compareMode: 'diff' });
    expect(reading.problems).to.include('compare: 1 × 1 values for 2 × 3 in values; ignored');
    expect(reading.model.value(0, 0)).to.equal(0.5);
    expect(reading.comparison.mode).to.equal(null);
  });
});
