import { html, fixture, expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { interpolateRdBu } from 'd3-scale-chromatic';
import '../src/index.js';
import type { TokenHeatmap, CellDetail } from '../src/index.js';
import { cellAt, columnHeaders, gridCells, rowHeaders, shadow, text } from './helpers.js';

// "The café serves 😊 coffee.\nIt is good." as GPT-2's byte-level BPE splits it, attributed to two outputs.
const GPT2 = ['The', 'Ġcaf', 'Ã©', 'Ġserves', 'ĠðŁ', 'ĺ', 'Ĭ', 'Ġcoffee', '.', 'Ċ', 'It', 'Ġis', 'Ġgood', '.'];
const GPT2_VALUES = [
  [0.1, -0.2],
  [0.5, 0.1],
  [0.25, -0.05],
  [-0.3, 0.2],
  [0.05, 0.0],
  [0.02, 0.01],
  [0.03, -0.01],
  [0.9, 0.4],
  [0.1, 0.05],
  [0.0, 0.0],
  [-0.1, 0.3],
  [0.05, 0.02],
  [0.6, -0.7],
  [0.01, 0.02],
];
// A SentencePiece (Llama-style) sequence with special tokens.
const SP = ['<s>', '▁In', 's', 'eq', '▁models', '.', '</s>'];
const SP_VALUES = [
  [2.0, 0.1, 0.0],
  [0.2, -0.4, 0.1],
  [0.1, 0.1, -0.2],
  [0.3, 0.0, 0.05],
  [-0.6, 0.8, 0.3],
  [0.05, 0.1, 0.2],
  [1.5, -1.0, 0.5],
];

async function heatmap(props: Partial<TokenHeatmap>): Promise<TokenHeatmap> {
  const el = await fixture<TokenHeatmap>(html`<token-heatmap label="Token Attribution"></token-heatmap>`);
  Object.assign(el, props);
  await el.updateComplete;
  return el;
}

/** Each row's text exactly: the first quoted string of its header's description, or its name when it has none. */
const rowTexts = (el: TokenHeatmap) =>
  rowHeaders(el).map((h) => {
    const quoted = /"(?:[^"\\]|\\.)*"/.exec(h.getAttribute('aria-description') ?? '');
    return quoted ? JSON.parse(quoted[0]) : h.getAttribute('aria-label');
  });
const sum = (column: number, rows: number[]) => rows.reduce((s, r) => s + GPT2_VALUES[r][column], -0);
const alertText = (el: TokenHeatmap) => shadow(el).querySelector('[role="alert"]')?.textContent ?? '';

describe('<token-heatmap>', () => {
  describe('word grouping', () => {
    it('passes an axe accessibility check with groups, an opened group and a run of hidden rows', async () => {
      const el = await heatmap({ rows: SP, columns: ['a', 'b', 'c'], values: SP_VALUES, groupRows: 'words', topK: 2 });
      rowHeaders(el).find((h) => h.getAttribute('aria-expanded') === 'false' && text(h).includes('Inseq'))?.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('merges GPT-2 pieces into decoded words, summing their values', async () => {
      const el = await heatmap({ rows: GPT2, columns: ['out A', 'out B'], values: GPT2_VALUES, groupRows: 'words' });
      expect(rowTexts(el)).to.deep.equal(['The', ' café', ' serves', ' 😊', ' coffee.', '\n', 'It', ' is', ' good.']);
      expect(rowHeaders(el).map(text)).to.deep.equal(['The', '▸␣café', '␣serves', '▸␣😊', '▸␣coffee.', '↵', 'It', '␣is', '▸␣good.']);
      expect(gridCells(el)).to.have.length(18);
      expect(text(cellAt(el, 1, 0))).to.equal(sum(0, [1, 2]).toFixed(4));
      expect(text(cellAt(el, 3, 1))).to.equal(sum(1, [4, 5, 6]).toFixed(4));
      expect(text(cellAt(el, 4, 0))).to.equal(sum(0, [7, 8]).toFixed(4));
    });

    it('reports a group with its decoded text, its pieces and the aggregated value', async () => {
      const el = await heatmap({ rows: GPT2, columns: ['out A', 'out B'], values: GPT2_VALUES, groupRows: 'words' });
      const event = oneEvent(el, 'cell-select');
      cellAt(el, 1, 0).click();
      const { detail } = (await event) as unknown as { detail: CellDetail };
      expect(detail).to.deep.equal({ rowIndex: 1, columnIndex: 0, row: ' café', column: 'out A', value: 0.75, rowIndices: [1, 2] });
      expect(el.selected).to.deep.equal({ rowIndex: 1, columnIndex: 0 });
      expect(cellAt(el, 1, 0).getAttribute('aria-selected')).to.equal('true');
    });

    it('names a group by its text and lists its raw pieces', async () => {
      const el = await heatmap({ rows: SP, columns: ['a', 'b', 'c'], values: SP_VALUES, groupRows: 'words' });
      const inseq = rowHeaders(el).find((h) => text(h).includes('Inseq'))!;
      // A concise name; the exact text and pieces are the description (issue 9 item 20).
      expect(inseq.getAttribute('aria-label')).to.equal(`word 'space Inseq', 3 tokens`);
      expect(inseq.getAttribute('aria-description')).to.equal(`word " Inseq", 3 tokens: "▁In" "s" "eq"`);
      expect(inseq.getAttribute('aria-expanded')).to.equal('false');
      // Special tokens stand alone; punctuation stays with its word.
      expect(rowTexts(el)).to.deep.equal(['<s>', ' Inseq', ' models.', '</s>']);
    });

    it('shows the pieces of a byte-level character as bytes until the group completes it', async () => {
      const el = await heatmap({ rows: GPT2, columns: ['out A', 'out B'], values: GPT2_VALUES });
      expect(rowHeaders(el).map(text).slice(1, 7)).to.deep.equal(['␣caf', 'é', '␣serves', '␣<F0 9F>', '<98>', '<8A>']);
      // Events keep the caller's token exactly as given.
      const event = oneEvent(el, 'cell-hover');
      cellAt(el, 2, 0).dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
      expect(((await event) as unknown as { detail: CellDetail }).detail.row).to.equal('Ã©');
    });

    it('opens a group by click, Enter or Space, its pieces indented after it with their own values', async () => {
      const el = await heatmap({ rows: GPT2, columns: ['out A', 'out B'], values: GPT2_VALUES, groupRows: 'words' });
      const cafe = () => rowHeaders(el)[1];
      cafe().click();
      await el.updateComplete;
      expect(cafe().getAttribute('aria-expanded')).to.equal('true');
      expect(rowHeaders(el).map(text).slice(0, 5)).to.deep.equal(['The', '▾␣café', '␣caf', 'é', '␣serves']);
      expect(rowHeaders(el)[2].getAttribute('part')).to.equal('row-label row-label-piece');
      expect(text(cellAt(el, 2, 0))).to.equal('0.5000');
      expect(text(cellAt(el, 3, 1))).to.equal('-0.0500');
      // A piece reports its own token and index.
      const event = oneEvent(el, 'cell-select');
      cellAt(el, 3, 1).click();
      expect(((await event) as unknown as { detail: CellDetail }).detail).to.deep.equal({ rowIndex: 2, columnIndex: 1, row: 'Ã©', column: 'out B', value: -0.05 });

      // Keyboard: focus the header, close it with Enter, open with Space.
      cafe().focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(cafe().getAttribute('aria-expanded')).to.equal('false');
      expect(rowHeaders(el)).to.have.length(9);
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(rowHeaders(el)).to.have.length(11);
      expect(shadow(el).activeElement).to.equal(cafe());
      // Arrow keys walk into the pieces.
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowRight' });
      expect(shadow(el).activeElement).to.equal(cellAt(el, 2, 0));
    });

    it('groups columns too, and keeps the caller indices when transposed', async () => {
      const el = await heatmap({ rows: ['a', 'b'], columns: ['▁Paris', '▁is', '▁beau', 'tiful'], values: [[1, 2, 3, 4], [5, 6, 7, 8]], groupColumns: 'words', transpose: true });
      // Transposed: the outputs (columns of values) are rows.
      expect(rowTexts(el)).to.deep.equal([' Paris', ' is', ' beautiful']);
      expect(text(cellAt(el, 2, 1))).to.equal('15.0000');
      const event = oneEvent(el, 'cell-select');
      cellAt(el, 2, 1).click();
      expect(((await event) as unknown as { detail: CellDetail }).detail).to.deep.equal({
        rowIndex: 1,
        columnIndex: 2,
        row: 'b',
        column: ' beautiful',
        value: 15,
        columnIndices: [2, 3],
      });
    });

    it('takes the caller\'s own segmentation and names a bad one in the alert', async () => {
      const el = await heatmap({ rows: ['a', 'b', 'c', 'd'], columns: ['x'], values: [[1], [2], [3], [4]], rowGroups: [0, 0, 1, 1] });
      expect(gridCells(el).map(text)).to.deep.equal(['3.0000', '7.0000']);
      el.rowGroups = [0, 1, 0, 1];
      await el.updateComplete;
      expect(alertText(el)).to.contain('rowGroups');
      expect(gridCells(el)).to.have.length(4);
    });

    it('aggregates by mean and absmax, skipping missing pieces', async () => {
      const el = await heatmap({ rows: ['▁a', 'b', 'c'], columns: ['x'], values: [[1], [null as unknown as number], [-3]], groupRows: 'words', aggregate: 'mean' });
      expect(text(gridCells(el)[0])).to.equal('-1.0000');
      el.aggregate = 'absmax';
      await el.updateComplete;
      expect(text(gridCells(el)[0])).to.equal('-3.0000');
    });

    it('reads the options from attributes', async () => {
      const el = await fixture<TokenHeatmap>(html`<token-heatmap
        rows=${JSON.stringify(SP)}
        columns='["a","b","c"]'
        values=${JSON.stringify(SP_VALUES)}
        group-rows="words"
        normalize="all"
        hide-special
        top-k="1"
      ></token-heatmap>`);
      expect(el.groupRows).to.equal('words');
      expect(el.normalization).to.equal('all');
      expect(el.hideSpecial).to.equal(true);
      expect(el.topK).to.equal(1);
      // ' models.' holds the largest |value| (0.9 in b, normalised to 1); '<s>' and '</s>' are hidden.
      expect(rowHeaders(el).map(text)).to.deep.equal(['⋯ 1 word', '▸␣models.']);
      expect(text(cellAt(el, 1, 1))).to.equal('1.0000');
    });

    it('rejects invalid options with the alert and uses the defaults', async () => {
      const el = await heatmap({ rows: SP, columns: ['a', 'b', 'c'], values: SP_VALUES, groupRows: 'morphemes' as 'words', normalization: 'z-score' as 'row', topK: -2 });
      const alert = alertText(el);
      expect(alert).to.contain('group-rows: "morphemes" is not "tokens", "words", "sentences" or "lines"; using "tokens"');
      expect(alert).to.contain('normalize: "z-score"');
      expect(alert).to.contain('top-k: -2');
      expect(rowHeaders(el)).to.have.length(7);
    });
  });

  describe('normalisation', () => {
    it('divides each column by its largest |value| and says so in the colour bar', async () => {
      const el = await heatmap({ rows: SP, columns: ['a', 'b', 'c'], values: SP_VALUES, normalization: 'column', scheme: 'RdBu' });
      expect(text(cellAt(el, 0, 0))).to.equal('1.0000');
      expect(text(cellAt(el, 4, 1))).to.equal('0.8000');
      expect(text(cellAt(el, 6, 1))).to.equal('-1.0000');
      expect(getComputedStyle(cellAt(el, 6, 1)).backgroundColor).to.equal(interpolateRdBu(0));
      const bar = shadow(el).querySelector('[part="colorbar"]')!;
      expect(bar.textContent).to.contain('Token Attribution, normalised per column');
      const event = oneEvent(el, 'cell-select');
      cellAt(el, 4, 1).click();
      expect(((await event) as unknown as { detail: CellDetail }).detail).to.include({ value: 0.8, rawValue: 0.8 });
    });

    it('shows the normalised and the raw value in the tooltip', async () => {
      const el = await heatmap({ rows: SP, columns: ['a', 'b', 'c'], values: SP_VALUES, normalization: 'all' });
      cellAt(el, 4, 1).dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
      await el.updateComplete;
      const tip = shadow(el).querySelector('[part="tooltip"]')!;
      expect(tip.textContent).to.contain('Normalised').and.contain('0.4').and.contain('Raw value').and.contain('0.8');
    });

    it('leaves hidden special tokens out of normalisation, rows and columns', async () => {
      const el = await heatmap({ rows: SP, columns: ['a', '</s>', 'c'], values: SP_VALUES, normalization: 'row', hideSpecial: true });
      expect(rowTexts(el)).to.deep.equal(['▁In', 's', 'eq', '▁models', '.']);
      expect(columnHeaders(el).map(text)).to.deep.equal(['a', 'c']);
      // Row '▁models': -0.6 and 0.3 without the hidden column, so -0.6 becomes -1.
      expect(text(cellAt(el, 3, 0))).to.equal('-1.0000');
      expect(text(cellAt(el, 3, 1))).to.equal('0.5000');
    });
  });

  describe('focus', () => {
    it('keeps the top k rows in reading order and folds the rest into runs', async () => {
      const el = await heatmap({ rows: GPT2, columns: ['out A', 'out B'], values: GPT2_VALUES, topK: 3 });
      // Largest |value| per row: 'Ġcoffee' 0.9, 'Ġgood' 0.7, 'Ġcaf' 0.5.
      expect(rowHeaders(el).map(text)).to.deep.equal(['⋯ 1 token', '␣caf', '⋯ 5 tokens', '␣coffee', '⋯ 4 tokens', '␣good', '⋯ 1 token']);
      const run = rowHeaders(el)[2];
      expect(run.getAttribute('aria-label')).to.equal('5 tokens hidden');
      expect(run.getAttribute('aria-expanded')).to.equal('false');
      run.click();
      await el.updateComplete;
      expect(rowHeaders(el).map(text).slice(0, 8)).to.deep.equal(['⋯ 1 token', '␣caf', 'é', '␣serves', '␣<F0 9F>', '<98>', '<8A>', '␣coffee']);
    });

    it('opens a run from one of its cells with Enter', async () => {
      const el = await heatmap({ rows: GPT2, columns: ['out A', 'out B'], values: GPT2_VALUES, topK: 3 });
      cellAt(el, 0, 0).focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(text(rowHeaders(el)[0])).to.equal('The');
      expect(el.selected).to.equal(null);
    });

    it('ranks rows in the selected column, keeping the selected row', async () => {
      const el = await heatmap({ rows: GPT2, columns: ['out A', 'out B'], values: GPT2_VALUES, topK: 2, selected: { rowIndex: 0, columnIndex: 1 } });
      // Column B: 'Ġgood' -0.7, 'Ġcoffee' 0.4; the selected row 'The' stays.
      expect(rowHeaders(el).map(text)).to.deep.equal(['The', '⋯ 6 tokens', '␣coffee', '⋯ 4 tokens', '␣good', '⋯ 1 token']);
      expect(cellAt(el, 0, 1).getAttribute('aria-selected')).to.equal('true');
    });

    it('hides rows below a threshold, reported with the caller indices', async () => {
      const el = await heatmap({ rows: GPT2, columns: ['out A', 'out B'], values: GPT2_VALUES, groupRows: 'words', threshold: 0.5 });
      expect(rowHeaders(el).map(text)).to.deep.equal(['⋯ 1 word', '▸␣café', '⋯ 2 words', '▸␣coffee.', '⋯ 3 words', '▸␣good.']);
      const event = oneEvent(el, 'cell-select');
      cellAt(el, 5, 1).click();
      const { detail } = (await event) as unknown as { detail: CellDetail };
      expect(detail).to.deep.include({ rowIndex: 12, columnIndex: 1, row: ' good.', column: 'out B', rowIndices: [12, 13] });
      expect(detail.value).to.be.closeTo(-0.68, 1e-12);
    });

    it('works transposed: runs become columns', async () => {
      const el = await heatmap({ rows: GPT2, columns: ['out A', 'out B'], values: GPT2_VALUES, topK: 1, transpose: true });
      expect(columnHeaders(el).map(text)).to.deep.equal(['⋯ 7 tokens', '␣coffee', '⋯ 6 tokens']);
      columnHeaders(el)[0].click();
      await el.updateComplete;
      expect(columnHeaders(el)).to.have.length(9);
    });
  });
});
