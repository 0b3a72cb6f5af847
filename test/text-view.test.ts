import { html, fixture, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { interpolateRdBu } from 'd3-scale-chromatic';
import '../src/index.js';
import type { CellHoverEvent, CellSelectEvent, TokenHeatmap } from '../src/index.js';
import { parseColor } from '../src/color.js';
import { scalePosition } from '../src/scale.js';
import { cellAt, centre, painted, shadow, text } from './helpers.js';

// "The café serves 😊.\nIt is" as GPT-2 splits it (the emoji is three byte pieces), for outputs " good" and ".".
const GPT2 = ['<|endoftext|>', 'The', 'Ġcaf', 'Ã©', 'Ġserves', 'ĠðŁ', 'ĺ', 'Ĭ', '.', 'Ċ', 'It', 'Ġis'];
// "<s> Researchers explain models.\n" as a Llama-style SentencePiece tokenizer splits it.
const SP = ['<s>', '▁Research', 'ers', '▁explain', '▁models', '.', '<0x0A>', '▁Done', '</s>'];
// "[CLS] the cafe is unbelievable! [SEP]" as BERT's WordPiece splits it.
const BERT = ['[CLS]', 'the', 'cafe', 'is', 'un', '##bel', '##ie', '##va', '##ble', '!', '[SEP]'];

const valuesFor = (rows: string[], columns: number) =>
  rows.map((_, i) => Array.from({ length: columns }, (_, j) => Number((Math.sin(i * 1.3 + j * 2.1) * 0.9).toFixed(4))));

async function heatmap(props: Partial<TokenHeatmap>): Promise<TokenHeatmap> {
  const wrapper = await fixture<HTMLElement>(html`<div>
    <button id="before">before</button>
    <token-heatmap label="Saliency" scheme="RdBu" min="-1" max="1"></token-heatmap>
    <button id="after">after</button>
  </div>`);
  const el = wrapper.querySelector('token-heatmap')!;
  Object.assign(el, { view: 'text', ...props });
  await el.updateComplete;
  await painted();
  return el;
}

const tokens = (el: TokenHeatmap) => [...shadow(el).querySelectorAll<HTMLElement>('[part~="text-token"]')];
const body = (el: TokenHeatmap) => shadow(el).querySelector<HTMLElement>('[part="text-body"]')!;
const heading = (el: TokenHeatmap) => text(shadow(el).querySelector('.text-output')!).replace(/\s+/g, ' ');
const button = (el: TokenHeatmap, step: 1 | -1) => shadow(el).querySelector<HTMLElement>(`[data-step="${step}"]`)!;
/** The focused token's index in the text (its data-k), or what else has focus: compared as text, never as elements. */
const focusedToken = (el: TokenHeatmap) => {
  const active = shadow(el).activeElement as HTMLElement | null;
  return active?.dataset.k ?? active?.outerHTML.slice(0, 60) ?? null;
};
const expectedColor = (value: number) => `rgb(${parseColor(interpolateRdBu(scalePosition(value, { min: -1, max: 1, center: 0 })))!.join(', ')})`;

async function press(key: string) {
  await sendKeys({ press: key });
}

afterEach(() => resetMouse());

describe('<token-heatmap> text view', () => {
  describe('text', () => {
    it('GPT-2: spaces for Ġ, a line break for Ċ, the emoji decoded over its pieces, the special token a chip', async () => {
      const el = await heatmap({ rows: GPT2, columns: ['Ġgood', '.'], values: valuesFor(GPT2, 2) });
      const spans = tokens(el);
      expect(spans.map((t) => t.textContent)).to.deep.equal(['<|endoftext|>', 'The', 'caf', 'é', 'serves', '😊', '', '', '.', '↵', 'It', 'is']);
      // Spaces sit between the tokens, uncoloured; the line feed is a real break.
      expect(body(el).textContent).to.equal('<|endoftext|>The café serves 😊.↵\nIt is');
      // The emoji's later bytes are thin coloured marks of their own.
      expect(spans[6].getBoundingClientRect().width).to.be.above(2);
      const special = spans[0];
      expect(special.getAttribute('part')).to.include('text-token-special');
      expect(parseFloat(getComputedStyle(special).fontSize)).to.be.below(parseFloat(getComputedStyle(spans[1]).fontSize));
      // The piece after the line feed starts a new line.
      expect(spans[10].getBoundingClientRect().top).to.be.above(spans[8].getBoundingClientRect().bottom - 1);
      expect(spans[11].getBoundingClientRect().top).to.be.closeTo(spans[10].getBoundingClientRect().top, 1);
    });

    it('SentencePiece: ▁ as spaces, the byte-fallback newline as a break, specials as chips', async () => {
      const el = await heatmap({ rows: SP, columns: ['▁a'], values: valuesFor(SP, 1) });
      expect(tokens(el).map((t) => t.textContent)).to.deep.equal(['<s>', 'Research', 'ers', 'explain', 'models', '.', '↵', 'Done', '</s>']);
      expect(body(el).textContent).to.equal('<s> Researchers explain models.↵\n Done</s>');
      expect(tokens(el).filter((t) => t.classList.contains('special')).map((t) => t.textContent)).to.deep.equal(['<s>', '</s>']);
    });

    it('WordPiece: ## pieces glued to their word, punctuation closed up', async () => {
      const el = await heatmap({ rows: BERT, columns: ['positive'], values: valuesFor(BERT, 1) });
      expect(body(el).textContent).to.equal('[CLS] the cafe is unbelievable! [SEP]');
      expect(tokens(el).map((t) => t.textContent).slice(4, 9)).to.deep.equal(['un', 'bel', 'ie', 'va', 'ble']);
    });

    it('reads words when rows are grouped, and heads the text with the output', async () => {
      const el = await heatmap({ rows: GPT2, columns: ['Ġgood', '.'], values: valuesFor(GPT2, 2), groupRows: 'words' });
      expect(tokens(el).map((t) => t.textContent)).to.deep.equal(['<|endoftext|>', 'The', 'café', 'serves', '😊.', '↵', 'It', 'is']);
      expect(heading(el)).to.equal('for output “good” 1 of 2');
    });
  });

  describe('colours', () => {
    it("colours each token with the scheme's colour for its value in the current output, the text in the contrast colour", async () => {
      const values = valuesFor(GPT2, 2);
      const el = await heatmap({ rows: GPT2, columns: ['Ġgood', '.'], values, selected: { rowIndex: 0, columnIndex: 1 } });
      tokens(el).forEach((t, i) => {
        expect(getComputedStyle(t).backgroundColor, GPT2[i]).to.equal(expectedColor(values[i][1]));
        expect(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']).to.include(getComputedStyle(t).color);
      });
    });

    it('shares the grid’s colours in `both` and draws missing values with the missing style', async () => {
      const values = valuesFor(SP, 2);
      values[3][0] = null as unknown as number;
      const el = await heatmap({ rows: SP, columns: ['▁a', '▁b'], values, view: 'both' });
      const spans = tokens(el);
      for (let i = 0; i < SP.length; i++) {
        if (i === 3) continue;
        expect(getComputedStyle(spans[i]).backgroundColor).to.equal(getComputedStyle(cellAt(el, i, 0)).backgroundColor);
      }
      expect(spans[3].getAttribute('part')).to.include('text-token-missing');
      expect(getComputedStyle(spans[3]).backgroundImage).to.equal(getComputedStyle(cellAt(el, 3, 0)).backgroundImage);
      // One colour bar for both views.
      expect(shadow(el).querySelectorAll('[part="colorbar"]')).to.have.length(1);
    });
  });

  describe('the current output', () => {
    it('steps by the buttons and by ←/→ on them, and by PageUp/PageDown in the text', async () => {
      const values = valuesFor(BERT, 3);
      const el = await heatmap({ rows: BERT, columns: ['a', 'b', 'c'], values });
      expect(heading(el)).to.equal('for output “a” 1 of 3');
      button(el, 1).click();
      await el.updateComplete;
      expect(heading(el)).to.equal('for output “b” 2 of 3');
      expect(getComputedStyle(tokens(el)[2]).backgroundColor).to.equal(expectedColor(values[2][1]));
      button(el, 1).focus();
      await press('ArrowRight');
      await el.updateComplete;
      expect(heading(el)).to.equal('for output “c” 3 of 3');
      await press('ArrowRight');
      await el.updateComplete;
      expect(heading(el)).to.equal('for output “c” 3 of 3');
      await press('ArrowLeft');
      await el.updateComplete;
      expect(heading(el)).to.equal('for output “b” 2 of 3');
      tokens(el)[1].focus();
      await press('PageUp');
      await el.updateComplete;
      expect(heading(el)).to.equal('for output “a” 1 of 3');
      await press('PageDown');
      await press('PageDown');
      await el.updateComplete;
      expect(heading(el)).to.equal('for output “c” 3 of 3');
      expect(getComputedStyle(tokens(el)[2]).backgroundColor).to.equal(expectedColor(values[2][2]));
      // Focus stays on the token it was on.
      expect(focusedToken(el)).to.equal('1');
    });

    it('follows the selected cell of the grid, and previews the column under the pointer', async () => {
      const el = await heatmap({ rows: BERT, columns: ['a', 'b', 'c'], values: valuesFor(BERT, 3), view: 'both' });
      cellAt(el, 2, 1).click();
      await el.updateComplete;
      expect(heading(el)).to.equal('for output “b” 2 of 3');
      expect(tokens(el)[2].getAttribute('aria-selected')).to.equal('true');
      await sendMouse({ type: 'move', position: centre(cellAt(el, 4, 2)) });
      await el.updateComplete;
      expect(heading(el)).to.equal('for output “c” 3 of 3');
      await sendMouse({ type: 'move', position: [0, 0] });
      await el.updateComplete;
      expect(heading(el)).to.equal('for output “b” 2 of 3');
    });

    it('follows the grid when transposed: outputs are then rows', async () => {
      const el = await heatmap({ rows: BERT, columns: ['a', 'b', 'c'], values: valuesFor(BERT, 3), view: 'both', transpose: true });
      cellAt(el, 2, 5).click();
      await el.updateComplete;
      expect(heading(el)).to.equal('for output “c” 3 of 3');
      expect(tokens(el)[5].getAttribute('aria-selected')).to.equal('true');
    });
  });

  describe('target rows', () => {
    // A prompt of four pieces and a generated answer of three that attributes to itself.
    const rows = ['The', 'Ġtower', 'Ġis', 'Ġin', 'ĠParis', ',', 'ĠFrance'];
    const columns = ['ĠParis', ',', 'ĠFrance'];
    const values = rows.map((_, i) => columns.map((_, j) => (i >= 4 + j ? null : Number((0.1 * i + 0.2 * j).toFixed(2)))));

    it('shows the prompt and the answer up to the current step, its own token outlined, later ones left out', async () => {
      const el = await heatmap({ rows, columns, values, targetRows: 3 });
      expect(body(el).textContent).to.equal('The tower is in Paris');
      const target = tokens(el).at(-1)!;
      expect(target.getAttribute('part')).to.include('text-token-target');
      expect(getComputedStyle(target).outlineStyle).to.equal('solid');
      expect(target.getAttribute('aria-label')).to.equal("'Paris', no value for output 'Paris', its own token");
      button(el, 1).click();
      button(el, 1).click();
      await el.updateComplete;
      expect(body(el).textContent).to.equal('The tower is in Paris, France');
      expect(tokens(el).filter((t) => t.classList.contains('target')).map((t) => t.textContent)).to.deep.equal(['France']);
      expect(getComputedStyle(tokens(el)[4]).backgroundColor).to.equal(expectedColor(values[4][2]));
    });

    it('shows the step scores under the target', async () => {
      const el = await heatmap({ rows, columns, values, targetRows: 3, stepScores: { probability: [0.81, 0.64, 0.93] } });
      const chips = shadow(el).querySelector('.target-stack [part="text-step-scores"]')!;
      expect(text(chips)).to.equal('probability 0.8100');
      const target = tokens(el).at(-1)!.getBoundingClientRect();
      expect(chips.getBoundingClientRect().top).to.be.at.least(target.bottom - 1);
    });
  });

  describe('events and keyboard', () => {
    it('click selects the cell in the caller’s indices; hover reports it; leaving reports null', async () => {
      const el = await heatmap({ rows: BERT, columns: ['a', 'b'], values: valuesFor(BERT, 2), selected: { rowIndex: 0, columnIndex: 1 } });
      const hover = oneEvent(el, 'cell-hover') as Promise<CellHoverEvent>;
      await sendMouse({ type: 'move', position: centre(tokens(el)[5]) });
      expect((await hover).detail).to.include({ rowIndex: 5, columnIndex: 1, row: '##bel', column: 'b' });
      const leave = oneEvent(el, 'cell-hover') as Promise<CellHoverEvent>;
      await sendMouse({ type: 'move', position: [0, 0] });
      expect((await leave).detail).to.equal(null);
      const select = oneEvent(el, 'cell-select') as Promise<CellSelectEvent>;
      await sendMouse({ type: 'click', position: centre(tokens(el)[5]) });
      expect((await select).detail).to.include({ rowIndex: 5, columnIndex: 1, value: valuesFor(BERT, 2)[5][1] });
      expect(el.selected).to.deep.equal({ rowIndex: 5, columnIndex: 1 });
    });

    it('shows the grid’s tooltip for the hovered token', async () => {
      const el = await heatmap({ rows: BERT, columns: ['a', 'b'], values: valuesFor(BERT, 2), stepScores: { probability: [0.25, 0.5] } });
      await sendMouse({ type: 'move', position: centre(tokens(el)[2]) });
      await el.updateComplete;
      const tip = shadow(el).querySelector<HTMLElement>('[part="tooltip"]')!;
      expect(getComputedStyle(tip).display).to.not.equal('none');
      const said = text(tip).replace(/\s+/g, ' ');
      expect(said).to.include('Token cafe "cafe"');
      expect(said).to.include('Output a "a"');
      expect(said).to.include(`Value ${valuesFor(BERT, 2)[2][0]}`);
      expect(said).to.match(/probability\s*0\.25$/);
    });

    it('is one tab stop; arrows move token by token, ↑/↓ by line, Home/End; Enter selects, Escape clears', async () => {
      const rows = Array.from({ length: 60 }, (_, i) => (i % 8 === 0 ? 'Ġparagraph' : `Ġword${i}`));
      const el = await heatmap({ rows, columns: ['a'], values: valuesFor(rows, 1) });
      el.style.setProperty('--token-heatmap-text-width', '20em');
      await el.updateComplete;
      await painted();
      expect(body(el).querySelectorAll('[tabindex="0"]')).to.have.length(1);
      (el.parentElement!.querySelector('#before') as HTMLElement).focus();
      await press('Tab'); // the previous-output button
      await press('Tab'); // the next-output button
      await press('Tab');
      expect(focusedToken(el)).to.equal('0');
      await press('ArrowRight');
      await press('ArrowRight');
      expect(focusedToken(el)).to.equal('2');
      await press('ArrowLeft');
      expect(focusedToken(el)).to.equal('1');
      const before = tokens(el)[1].getBoundingClientRect();
      await press('ArrowDown');
      const below = tokens(el)[Number(focusedToken(el))].getBoundingClientRect();
      expect(below.top).to.be.above(before.bottom - 1);
      expect(Math.abs(below.left - before.left)).to.be.below(before.width + below.width);
      await press('ArrowUp');
      expect(focusedToken(el)).to.equal('1');
      await press('End');
      expect(focusedToken(el)).to.equal('59');
      await press('Home');
      expect(focusedToken(el)).to.equal('0');
      const select = oneEvent(el, 'cell-select') as Promise<CellSelectEvent>;
      await press('Enter');
      expect((await select).detail).to.include({ rowIndex: 0, columnIndex: 0 });
      await el.updateComplete;
      expect(tokens(el)[0].getAttribute('aria-selected')).to.equal('true');
      const clear = oneEvent(el, 'cell-select') as Promise<CellSelectEvent>;
      await press('Escape');
      expect((await clear).detail).to.equal(null);
      // Tab leaves the text (for the export menu, then the page).
      await press('Tab');
      expect(tokens(el).some((t) => t.matches(':focus'))).to.equal(false);
    });

    it("names each token for screen readers: text, value and output", async () => {
      const values = valuesFor(GPT2, 2);
      const el = await heatmap({ rows: GPT2, columns: ['ĠParis', '.'], values });
      expect(tokens(el)[1].getAttribute('aria-label')).to.equal(`'The', ${values[1][0].toFixed(4)} for output 'Paris'`);
      expect(tokens(el)[0].getAttribute('aria-label')).to.equal(`'<|endoftext|>', special token, ${values[0][0].toFixed(4)} for output 'Paris'`);
      expect(body(el).getAttribute('role')).to.equal('listbox');
      expect(tokens(el).every((t) => t.getAttribute('role') === 'option')).to.equal(true);
    });
  });

  describe('accessibility', () => {
    it('passes axe in text and in both, with step scores and a target', async () => {
      const rows = ['The', 'Ġtower', 'Ġis', 'Ġin', 'ĠParis', '.'];
      const values = rows.map((_, i) => [0, 1].map((j) => (i >= 4 + j ? null : 0.1 * i - 0.2 * j)));
      const text = await heatmap({ rows, columns: ['ĠParis', '.'], values, targetRows: 2, stepScores: { probability: [0.8, 0.6] } });
      await expect(text).to.be.accessible();
      const both = await heatmap({ rows, columns: ['ĠParis', '.'], values, view: 'both', stepScores: { probability: [0.8, 0.6] }, theme: 'dark' });
      await expect(both).to.be.accessible();
    });
  });

  describe('large inputs', () => {
    it('draws 10,000 tokens, every one a coloured option', async () => {
      const rows = Array.from({ length: 10_000 }, (_, i) => (i % 12 === 11 ? 'Ċ' : `Ġw${i}`));
      const values = new Float64Array(rows.length * 2).map((_, k) => Math.sin(k / 7));
      const el = await heatmap({ rows, columns: ['a', 'b'], values });
      const spans = tokens(el);
      expect(spans).to.have.length(10_000);
      expect(getComputedStyle(spans[9_998]).backgroundColor).to.equal(expectedColor(values[9_998 * 2]));
      // The text scrolls inside the element.
      expect(body(el).scrollHeight).to.be.above(body(el).clientHeight);
    });

    it('recolours the tokens in view at once and the rest soon after, and a block scrolled into view is current', async () => {
      const rows = Array.from({ length: 3000 }, (_, i) => (i % 10 === 9 ? 'Ċ' : `Ġw${i}`));
      const values = new Float64Array(rows.length * 2).map((_, k) => Math.sin(k / 7));
      const el = await heatmap({ rows, columns: ['a', 'b'], values });
      const colour = (i: number) => getComputedStyle(tokens(el)[i]).backgroundColor;
      button(el, 1).click();
      await el.updateComplete;
      expect(colour(1)).to.equal(expectedColor(values[1 * 2 + 1]));
      // The last block is far out of view: it catches up without being scrolled to.
      await waitUntil(() => colour(2_998) === expectedColor(values[2_998 * 2 + 1]), 'the last block was not recoloured');
      button(el, -1).click();
      await el.updateComplete;
      tokens(el)[2_998].scrollIntoView();
      await waitUntil(() => colour(2_998) === expectedColor(values[2_998 * 2]), 'the block scrolled into view was not recoloured');
      expect(tokens(el)[2_998].getAttribute('aria-label')).to.contain("for output 'a'");
    });
  });
});
