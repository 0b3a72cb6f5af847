import { html, fixture, expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { interpolateBlues, interpolatePurples } from 'd3-scale-chromatic';
import '../src/index.js';
import type { TokenHeatmap } from '../src/index.js';
import { parseColor } from '../src/color.js';
import { cellAt, centre, gridCells, painted, shadow, text } from './helpers.js';

const rgb = (css: string) => `rgb(${parseColor(css)!.join(', ')})`;

async function heatmap(props: Partial<TokenHeatmap>, style = ''): Promise<TokenHeatmap> {
  const el = await fixture<TokenHeatmap>(html`<token-heatmap label="Saliency" style=${style}></token-heatmap>`);
  Object.assign(el, props);
  await el.updateComplete;
  await painted();
  return el;
}

const stepRows = (el: TokenHeatmap) => [...shadow(el).querySelectorAll<HTMLElement>('[part="step-scores"]')];
const stepCells = (el: TokenHeatmap) => [...shadow(el).querySelectorAll<HTMLElement>('[part~="step-score"]')];
const stepLabels = (el: TokenHeatmap) => [...shadow(el).querySelectorAll<HTMLElement>('[part="step-score-label"]')];

const rows = ['▁The', '▁tower', '▁is', '▁in'];
const columns = ['▁Paris', ',', '▁France'];
const values = rows.map((_, i) => columns.map((_, j) => Number((0.3 * i - 0.2 * j).toFixed(2))));
const stepScores = { probability: [0.81, 0.64, 0.93], entropy: [1.2, 2.5, 0.4] };

afterEach(() => resetMouse());

describe('<token-heatmap> step scores', () => {
  it('draws one row per name under the grid, printed like cells, each on its own sequential scale', async () => {
    const el = await heatmap({ rows, columns, values, stepScores });
    expect(stepRows(el)).to.have.length(2);
    expect(stepLabels(el).map(text)).to.deep.equal(['probability', 'entropy']);
    const [probability, entropy] = stepRows(el).map((row) => [...row.querySelectorAll<HTMLElement>('[role="gridcell"]')]);
    expect(probability.map(text)).to.deep.equal(['0.8100', '0.6400', '0.9300']);
    expect(entropy.map(text)).to.deep.equal(['1.2000', '2.5000', '0.4000']);
    // Probabilities on 0–1 in Blues; entropy from 0 to its largest value in Purples.
    probability.forEach((cell, j) => expect(getComputedStyle(cell).backgroundColor).to.equal(rgb(interpolateBlues(stepScores.probability[j]))));
    entropy.forEach((cell, j) => expect(getComputedStyle(cell).backgroundColor).to.equal(rgb(interpolatePurples(stepScores.entropy[j] / 2.5))));
    // Under the grid, each under its column.
    const last = cellAt(el, 3, 1).getBoundingClientRect();
    const box = probability[1].getBoundingClientRect();
    expect(box.top).to.be.closeTo(last.bottom, 1);
    expect(box.left).to.be.closeTo(last.left, 1);
    expect(entropy[1].getBoundingClientRect().top).to.be.closeTo(box.bottom, 1);
    expect(probability[0].getAttribute('aria-label')).to.equal("probability 0.8100 for output 'Paris'");
  });

  it('has a small legend per scale, with its ends', async () => {
    const el = await heatmap({ rows, columns, values, stepScores });
    const legends = [...shadow(el).querySelectorAll<HTMLElement>('[part="step-scores-legend"] [role="img"]')];
    expect(legends.map((l) => l.getAttribute('aria-label'))).to.deep.equal([
      'probability: colour scale (Blues) from 0 to 1',
      'entropy: colour scale (Purples) from 0 to 2.5',
    ]);
    expect(text(legends[1]).replace(/\s+/g, ' ')).to.equal('entropy 0 2.5');
    const ramp = legends[0].querySelector<HTMLElement>('.step-legend-ramp')!;
    expect(getComputedStyle(ramp).backgroundImage).to.contain(parseColor(interpolateBlues(1))!.join(', '));
  });

  it('moves with transpose: one column per name after the outputs', async () => {
    const el = await heatmap({ rows, columns, values, stepScores, transpose: true });
    expect(stepLabels(el).map(text)).to.deep.equal(['probability', 'entropy']);
    const cells = stepCells(el);
    expect(cells.map(text)).to.deep.equal(['0.8100', '1.2000', '0.6400', '2.5000', '0.9300', '0.4000']);
    // Output j is row j: its scores sit at the end of that row, right of its cells.
    const lastCell = cellAt(el, 1, 3).getBoundingClientRect();
    const probability = cells[2].getBoundingClientRect();
    expect(probability.top).to.be.closeTo(lastCell.top, 1);
    expect(probability.left).to.be.closeTo(lastCell.right, 1);
    await expect(el).to.be.accessible();
  });

  it('moves with windowing: only the rendered columns have scores, and they stay in view at the bottom', async () => {
    const n = 300;
    const wide = Array.from({ length: 60 }, (_, i) => Array.from({ length: n }, (_, j) => Math.sin(i / 5 + j / 7)));
    const probability = Array.from({ length: n }, (_, j) => (j % 10) / 10);
    const el = await heatmap(
      // Readable cells (zoom 1): 300 columns in 640 px would otherwise open fitted, without a scrolling grid.
      { rows: wide.map((_, i) => `t${i}`), columns: Array.from({ length: n }, (_, j) => `o${j}`), values: wide, stepScores: { probability }, zoom: 1 },
      'height: 360px; width: 640px',
    );
    const scroller = shadow(el).querySelector<HTMLElement>('[part="scroller"]')!;
    const rendered = new Set(gridCells(el).filter((c) => !c.closest('[part="step-scores"]')).map((c) => c.getAttribute('aria-colindex')));
    const scores = stepCells(el);
    expect(scores.length).to.be.below(n);
    expect([...new Set(scores.map((c) => c.getAttribute('aria-colindex')))].sort()).to.deep.equal([...rendered].sort());
    // Held at the scroller's bottom edge while the rows scroll under it.
    const bottom = scroller.getBoundingClientRect().bottom - (scroller.offsetHeight - scroller.clientHeight);
    expect(scores[0].getBoundingClientRect().bottom).to.be.closeTo(bottom, 1);
    scroller.scrollLeft = 250 * 72;
    scroller.dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    await painted();
    const far = shadow(el).querySelector<HTMLElement>('[part~="step-score"][aria-colindex="253"]')!;
    expect(text(far)).to.equal((probability[251]).toFixed(4));
    expect(far.getBoundingClientRect().left).to.be.closeTo(cellAt(el, 0, 251).getBoundingClientRect().left, 1);
  });

  it('shows the hovered column’s scores in the tooltip', async () => {
    const el = await heatmap({ rows, columns, values, stepScores });
    await sendMouse({ type: 'move', position: centre(cellAt(el, 2, 2)) });
    await el.updateComplete;
    const said = text(shadow(el).querySelector('[part="tooltip"]')!).replace(/\s+/g, ' ');
    expect(said).to.match(/probability\s*0\.93/).and.match(/entropy\s*0\.4$/);
  });

  it('gives a group of columns the mean of its pieces', async () => {
    const el = await heatmap({ rows, columns: ['▁Par', 'is', '▁France'], values, stepScores: { probability: [0.2, 0.6, 0.9] }, groupColumns: 'words' });
    expect(stepCells(el).map(text)).to.deep.equal(['0.4000', '0.9000']);
  });

  it('keeps the valid scores of bad input and says what it did', async () => {
    const el = await heatmap({ rows, columns, values, stepScores: { probability: [0.5, 'x', 0.25], entropy: 'high' } as never });
    expect(text(shadow(el).querySelector('[role="alert"]')!)).to.contain('step-scores: "probability"[1] is "x", not a number; shown as missing').and.contain(
      'step-scores: "entropy" is "high", not one number per column; left out',
    );
    expect(stepRows(el)).to.have.length(1);
    expect(stepCells(el).map(text)).to.deep.equal(['0.5000', '', '0.2500']);
    expect(stepCells(el)[1].getAttribute('part')).to.contain('step-score-missing');
  });

  it('reads the step-scores attribute as JSON', async () => {
    const el = await fixture<TokenHeatmap>(
      html`<token-heatmap rows='["a","b"]' columns='["x","y"]' values="[[0.1,0.2],[0.3,0.4]]" step-scores='{"probability":[0.9,0.1]}'></token-heatmap>`,
    );
    await el.updateComplete;
    expect(stepCells(el).map(text)).to.deep.equal(['0.9000', '0.1000']);
  });
});
