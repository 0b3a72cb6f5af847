import { expect } from '@open-wc/testing';
import { buildMatrix } from '../../src/data.js';
import { outputName, splitShare, targetRange, textPlan } from '../../src/text-view/text-plan.js';
// The pipeline's grouping, normalising, focus and step-score steps are features: all of them, as full builds have.
import '../../src/features/all.js';
import { ReadingPipeline, type ReadingOptions } from '../../src/view/pipeline.js';
import { PLAIN_OPTIONS } from './reading-options.js';

const OPTIONS: ReadingOptions = PLAIN_OPTIONS;

// A prompt of four GPT-2 pieces and an answer of three, the answer attributing to itself.
const rows = ['The', 'ĠEiff', 'el', 'Ġis', 'Ġin', 'ĠParis', '.'];
const columns = ['Ġin', 'ĠParis', '.'];
const values = rows.map((_, i) => columns.map((_, j) => (i >= 4 + j ? null : i + j / 10)));
const model = (options: Partial<ReadingOptions> = {}) => new ReadingPipeline().read(buildMatrix(rows, columns, values), { ...OPTIONS, ...options }).model;

describe('text plan', () => {
  it('shows every token without target rows', () => {
    const plan = textPlan(model().tokens, null);
    expect([...plan.entries]).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
    expect([plan.targetStart, plan.targetEnd]).to.deep.equal([-1, -1]);
  });

  it('with target rows, ends the text at the output’s own token', () => {
    expect(targetRange([0, 1], 3, 7)).to.deep.equal([4, 5]);
    expect(targetRange([2, 3], 3, 7)).to.deep.equal([6, 7]);
    expect(targetRange([0, 1], 0, 7)).to.equal(null);
    // More outputs than generated rows: the later outputs have no token of their own.
    expect(targetRange([3, 4], 3, 7)).to.equal(null);
    const tokens = model().tokens;
    const first = textPlan(tokens, targetRange([0, 1], 3, 7));
    expect([...first.entries]).to.deep.equal([0, 1, 2, 3, 4]);
    expect([first.targetStart, first.targetEnd]).to.deep.equal([4, 5]);
    const last = textPlan(tokens, targetRange([2, 3], 3, 7));
    expect([...last.entries]).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
    expect([last.targetStart, last.targetEnd]).to.deep.equal([6, 7]);
  });

  it('reads groups, and an opened group as its pieces', () => {
    const words = model({ groupRows: 'words' }).tokens;
    expect([...textPlan(words, null).entries].map((e) => words.runningText(e))).to.deep.equal(['The', ' Eiffel', ' is', ' in', ' Paris.']);
    const opened = model({ groupRows: 'words', openRows: new Set([1]) }).tokens;
    expect([...textPlan(opened, null).entries].map((e) => opened.runningText(e))).to.deep.equal(['The', ' Eiff', 'el', ' is', ' in', ' Paris.']);
  });

  it('names an output by its text', () => {
    const { outputs } = model();
    expect(outputName(outputs, 1)).to.equal('Paris');
  });
});

describe('token text split for drawing', () => {
  it('puts leading spaces before the token and line feeds after it', () => {
    expect(splitShare(' the')).to.deep.equal({ before: ' ', text: 'the', after: '', newline: false });
    expect(splitShare('.\n')).to.deep.equal({ before: '', text: '.', after: '\n', newline: false });
    expect(splitShare('\n\n')).to.deep.equal({ before: '', text: '', after: '\n\n', newline: true });
    expect(splitShare(' \n')).to.deep.equal({ before: '', text: '', after: '\n', newline: true });
    expect(splitShare('\r\n')).to.deep.equal({ before: '', text: '', after: '\n', newline: true });
  });

  it('keeps a token of spaces as its own text, so it can be coloured', () => {
    expect(splitShare('  ')).to.deep.equal({ before: '', text: '  ', after: '', newline: false });
    expect(splitShare('')).to.deep.equal({ before: '', text: '', after: '', newline: false });
  });
});
