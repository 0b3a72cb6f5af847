import { expect } from '@open-wc/testing';
import { buildMatrix } from '../../src/data.js';
import { CLOSED, toggleAt } from '../../src/view/expansion.js';
// The pipeline's grouping, normalising, focus and step-score steps are features: all of them, as full builds have.
import '../../src/features/all.js';
import { ReadingPipeline, type ReadingOptions } from '../../src/view/pipeline.js';
import { PLAIN_OPTIONS } from './reading-options.js';
import { sameEntries } from '../../src/view/display-model.js';

const OPTIONS: ReadingOptions = PLAIN_OPTIONS;

const TOKENS = ['<s>', '▁In', 's', 'eq', '▁is', '▁great', '.'];
const VALUES = [
  [9, 0],
  [1, 2],
  [3, 4],
  [5, 6],
  [-7, 8],
  [0.5, -10],
  [0.25, 1],
];
const matrix = buildMatrix(TOKENS, ['a', 'b'], VALUES);
const read = (options: Partial<ReadingOptions> = {}) => new ReadingPipeline().read(matrix, { ...OPTIONS, ...options });
const labels = (axis: { count: number; label(i: number): string }) => Array.from({ length: axis.count }, (_, i) => axis.label(i));

describe('display model', () => {
  it('maps display positions to the caller\'s indices, also transposed', () => {
    const { model } = read({ transpose: true });
    expect(model.rows.count).to.equal(2);
    expect(model.columns.count).to.equal(7);
    expect(model.rows.tokens).to.equal(false);
    expect(model.cellIndex(1, 4)).to.deep.equal({ rowIndex: 4, columnIndex: 1 });
    expect(model.value(1, 4)).to.equal(8);
    expect(model.positionOf({ rowIndex: 4, columnIndex: 1 })).to.deep.equal({ row: 1, column: 4 });
    expect(model.positionOf({ rowIndex: 7, columnIndex: 0 })).to.equal(null);
    expect(model.detail(1, 4)).to.deep.equal({ rowIndex: 4, columnIndex: 1, row: '▁is', column: 'b', value: 8 });
  });

  it('shows groups with their text, and an opened group\'s pieces after it', () => {
    const closed = read({ groupRows: 'words' }).model;
    expect(labels(closed.rows)).to.deep.equal(['<s>', ' Inseq', ' is', ' great.']);
    expect(closed.rows.expandable(1)).to.equal(true);
    expect(closed.rows.expandable(2)).to.equal(false);
    expect(closed.value(1, 0)).to.equal(9);
    expect(closed.rows.range(3)).to.deep.equal([5, 7]);
    expect(closed.positionOf({ rowIndex: 2, columnIndex: 1 })).to.deep.equal({ row: 1, column: 1 });
    expect(closed.detail(3, 1)).to.deep.equal({ rowIndex: 5, columnIndex: 1, row: ' great.', column: 'b', value: -9, rowIndices: [5, 6] });

    const open = read({ groupRows: 'words', openRows: new Set([1]) }).model;
    expect(labels(open.rows)).to.deep.equal(['<s>', ' Inseq', '▁In', 's', 'eq', ' is', ' great.']);
    expect(open.rows.kind(3)).to.equal('piece');
    expect(open.rows.depth(3)).to.equal(1);
    expect(open.rows.expanded(1)).to.equal(true);
    expect(open.value(3, 1)).to.equal(4);
    expect(open.positionOf({ rowIndex: 2, columnIndex: 1 })).to.deep.equal({ row: 3, column: 1 });
    expect(open.detail(3, 1)).to.deep.equal({ rowIndex: 2, columnIndex: 1, row: 's', column: 'b', value: 4 });
  });

  it('aggregates an opened piece against a grouped column on demand', () => {
    const m = buildMatrix(['▁a', 'b'], ['▁x', 'y'], [[1, 2], [3, 4]]);
    const { model } = new ReadingPipeline().read(m, { ...OPTIONS, groupRows: 'words', groupColumns: 'words', openRows: new Set([0]), openColumns: new Set([0]) });
    expect(labels(model.rows)).to.deep.equal([' ab', '▁a', 'b']);
    expect(labels(model.columns)).to.deep.equal([' xy', '▁x', 'y']);
    expect(model.value(0, 0)).to.equal(10);
    expect(model.value(1, 0)).to.equal(3);
    expect(model.value(0, 2)).to.equal(6);
    expect(model.value(2, 1)).to.equal(3);
  });

  it('folds hidden rows into runs that say how many they hold', () => {
    const { model } = read({ topK: 2 });
    // Largest |value| per row: <s> 9, '▁great' 10.
    expect(labels(model.rows)).to.deep.equal(['<s>', '⋯ 4 tokens', '▁great', '⋯ 1 token']);
    expect(model.rows.kind(1)).to.equal('run');
    expect(model.rows.spoken(1)).to.equal('4 tokens hidden');
    expect(model.rows.groups(1)).to.deep.equal([1, 5]);
    expect(model.value(1, 0)).to.equal(null);
    expect(model.positionOf({ rowIndex: 2, columnIndex: 0 })).to.equal(null);
  });

  it('hides special tokens and leaves them out of normalisation', () => {
    const { model, stats } = read({ hideSpecial: true, normalize: 'column' });
    expect(labels(model.rows)).to.deep.equal(['▁In', 's', 'eq', '▁is', '▁great', '.']);
    // Column a without <s> (9): the largest |value| is 7.
    expect(model.value(3, 0)).to.equal(-1);
    expect(model.rawValue(3, 0)).to.equal(-7);
    expect(model.detail(3, 0)).to.deep.include({ value: -1, rawValue: -7 });
    expect(stats.min).to.equal(-1);
    expect(model.positionOf({ rowIndex: 0, columnIndex: 0 })).to.equal(null);
  });

  it('describes the grid by its groups', () => {
    expect(read().model.summary(2)).to.equal("7 tokens × 2 outputs; largest 9.00 at '<s>' × 'a'; smallest -10.00 at 'space marker ▁ great (\"▁great\")' × 'b'.");
    expect(read({ groupRows: 'words' }).model.summary(1)).to.equal(
      `4 words × 2 outputs; largest 12.0 at 'space Inseq (" Inseq")' × 'b'; smallest -9.0 at 'space great. (" great.")' × 'b'.`,
    );
  });
});

describe('expansion', () => {
  it('toggles a group from its header and reveals a run from any of its cells', () => {
    const grouped = read({ groupRows: 'words' }).model;
    const opened = toggleAt(CLOSED, grouped, { row: 1, column: -1 })!;
    expect([...opened.openRows]).to.deep.equal([1]);
    expect([...toggleAt(opened, grouped, { row: 1, column: -1 })!.openRows]).to.deep.equal([]);
    // Not expandable: a one-piece word, a value cell, the corner.
    expect(toggleAt(CLOSED, grouped, { row: 2, column: -1 })).to.equal(null);
    expect(toggleAt(CLOSED, grouped, { row: 1, column: 0 })).to.equal(null);
    expect(toggleAt(CLOSED, grouped, { row: -1, column: -1 })).to.equal(null);

    const focused = read({ topK: 2 }).model;
    const revealed = toggleAt(CLOSED, focused, { row: 1, column: 1 })!;
    expect([...revealed.revealedRows]).to.deep.equal([1, 2, 3, 4]);
    expect(labels(read({ topK: 2, ...revealed }).model.rows)).to.deep.equal(['<s>', '▁In', 's', 'eq', '▁is', '▁great', '⋯ 1 token']);
  });
});

describe('reading pipeline', () => {
  it('redoes only the steps whose inputs changed', () => {
    const pipeline = new ReadingPipeline();
    const first = pipeline.read(matrix, OPTIONS);
    expect(pipeline.read(matrix, { ...OPTIONS }).model).to.equal(first.model);
    const transposed = pipeline.read(matrix, { ...OPTIONS, transpose: true });
    expect(transposed.model).to.not.equal(first.model);
    expect(transposed.stats).to.equal(first.stats);
  });

  it('reads a flat Float32Array in place when nothing is grouped', () => {
    const flat = new Float32Array([1, -2, 3, 4]);
    const m = buildMatrix(['a', 'b'], ['x', 'y'], flat);
    const { model, stats } = new ReadingPipeline().read(m, OPTIONS);
    expect(model.value(0, 1)).to.equal(-2);
    flat[1] = 5;
    expect(model.value(0, 1)).to.equal(5);
    expect(stats).to.deep.equal({ min: -2, max: 4, minRow: 0, minColumn: 1, maxRow: 1, maxColumn: 1 });
  });

  it('names a bad segmentation of the caller\'s own', () => {
    const { problems, model } = read({ rowGroups: [0, 0, 1] });
    expect(problems[0]).to.match(/^rowGroups: 3 group numbers for 7 tokens/);
    expect(model.rows.count).to.equal(7);
  });
});

describe('sameEntries', () => {
  it('holds for a model rebuilt from new values with the same labels, and not when a label, a grouping or the count changes', () => {
    const { model } = read();
    const revalued = new ReadingPipeline().read(buildMatrix(TOKENS, ['a', 'b'], VALUES.map((row) => row.map((v) => v * 2))), OPTIONS).model;
    expect(revalued).to.not.equal(model);
    expect(sameEntries(model.rows, revalued.rows)).to.equal(true);
    expect(sameEntries(model.columns, revalued.columns)).to.equal(true);
    const relabelled = new ReadingPipeline().read(buildMatrix(TOKENS, ['a', 'c'], VALUES), OPTIONS).model;
    expect(sameEntries(model.columns, relabelled.columns)).to.equal(false);
    const grouped = read({ groupRows: 'words' }).model;
    expect(sameEntries(model.rows, grouped.rows)).to.equal(false);
    const fewer = new ReadingPipeline().read(buildMatrix(TOKENS.slice(1), ['a', 'b'], VALUES.slice(1)), OPTIONS).model;
    expect(sameEntries(model.rows, fewer.rows)).to.equal(false);
  });
});
