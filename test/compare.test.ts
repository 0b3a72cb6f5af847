import { html, fixture, expect, oneEvent } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { interpolateRdBu } from 'd3-scale-chromatic';
import '../src/index.js';
import { parseColor } from '../src/color.js';
import type { TokenHeatmap } from '../src/index.js';
import { cellAt, centre, gridCells, painted, shadow, text } from './helpers.js';

const rows = ['▁Where', '▁is', '▁the', '▁tower'];
const columns = ['▁Paris', '▁France'];
const A = [
  [0.3, 0.1],
  [0.05, 0.0],
  [0.02, 0.04],
  [0.9, 0.35],
];
const B = [
  [0.35, 0.12],
  [0.04, 0.01],
  [0.02, 0.03],
  [0.2, 0.3],
];

async function heatmap(props: Partial<TokenHeatmap>): Promise<TokenHeatmap> {
  const el = await fixture<TokenHeatmap>(html`<token-heatmap label="Saliency" scheme="RdBu"></token-heatmap>`);
  Object.assign(el, { rows, columns, values: A, compare: B, ...props });
  await el.updateComplete;
  await painted();
  return el;
}

const cellTexts = (el: TokenHeatmap) => gridCells(el).map(text);
const title = (el: TokenHeatmap) => text(shadow(el).querySelector('.colorbar-title')!);
const ticks = (el: TokenHeatmap) => [...shadow(el).querySelectorAll('.tick')].map(text);
const background = (el: TokenHeatmap, r: number, c: number) => getComputedStyle(cellAt(el, r, c)).backgroundColor;

afterEach(() => resetMouse());

describe('<token-heatmap> compare', () => {
  it('diff (the default): A − B, diverging about 0, the colour bar titled "A − B"', async () => {
    const el = await heatmap({ center: 0.5 });
    expect(cellTexts(el)).to.deep.equal(['-0.0500', '-0.0200', '0.0100', '-0.0100', '0.0000', '0.0100', '0.7000', '0.0500']);
    expect(title(el)).to.equal('Saliency, A − B');
    // The largest difference sets ends about 0, whatever `center` says of the attributions.
    expect(ticks(el)).to.include.members(['−0.7', '0', '0.7']);
    const zero = cellAt(el, 2, 0);
    expect(getComputedStyle(zero).backgroundColor).to.equal(`rgb(${parseColor(interpolateRdBu(0.5))!.join(', ')})`);
  });

  it('a and b: either attribution on the scale of both, so the same value keeps its colour', async () => {
    const el = await heatmap({ compareMode: 'a' });
    expect(cellTexts(el)).to.deep.equal(['0.3000', '0.1000', '0.0500', '0.0000', '0.0200', '0.0400', '0.9000', '0.3500']);
    expect(title(el)).to.equal('Saliency, A (scale of A and B)');
    const aTicks = ticks(el);
    const aColour = background(el, 2, 0); // 0.02 in A
    el.compareMode = 'b';
    await el.updateComplete;
    await painted();
    expect(cellTexts(el)).to.deep.equal(['0.3500', '0.1200', '0.0400', '0.0100', '0.0200', '0.0300', '0.2000', '0.3000']);
    expect(title(el)).to.equal('Saliency, B (scale of A and B)');
    expect(ticks(el)).to.deep.equal(aTicks);
    expect(background(el, 2, 0)).to.equal(aColour); // 0.02 in B
    // B alone would reach only 0.35: the domain is still A's 0.9.
    expect(ticks(el)).to.include('0.9');
  });

  it('shows A, B and A − B in the tooltip', async () => {
    const el = await heatmap({});
    await sendMouse({ type: 'move', position: centre(cellAt(el, 3, 0)) });
    await el.updateComplete;
    const tip = shadow(el).querySelector('[part="tooltip"]')!;
    const said = text(tip).replace(/\s+/g, ' ');
    expect(said).to.match(/A\s*0\.9\s*B\s*0\.2\s*A − B\s*0\.7/);
    expect(tip.querySelector('.compare-diff')!.classList.contains('shown')).to.equal(true);
    await resetMouse();
  });

  it('reports a shape mismatch as an input problem and shows A', async () => {
    const el = await fixture<TokenHeatmap>(html`<token-heatmap label="Saliency"></token-heatmap>`);
    const error = oneEvent(el, 'error');
    Object.assign(el, { rows, columns, values: A, compare: [[0.1, 0.2, 0.3]] });
    await error;
    await el.updateComplete;
    expect(text(shadow(el).querySelector('[role="alert"]')!)).to.equal('compare: 1 × 3 values for 4 × 2 in values; ignored');
    expect(cellTexts(el)[0]).to.equal('0.3000');
    expect(title(el)).to.equal('Saliency');
  });

  it('reads compare and compare-mode from attributes, typed arrays too', async () => {
    const el = await fixture<TokenHeatmap>(
      html`<token-heatmap rows='["a","b"]' columns='["x"]' values="[[0.5],[0.25]]" compare="[[0.25],[0.5]]" compare-mode="b"></token-heatmap>`,
    );
    await el.updateComplete;
    expect(cellTexts(el)).to.deep.equal(['0.2500', '0.5000']);
    el.compare = Float64Array.of(0.1, 0.2);
    el.compareMode = 'diff';
    await el.updateComplete;
    expect(cellTexts(el)).to.deep.equal(['0.4000', '0.0500']);
  });

  it('colours the text view with the difference', async () => {
    const el = await heatmap({ view: 'both' });
    const tokens = [...shadow(el).querySelectorAll<HTMLElement>('[part~="text-token"]')];
    expect(tokens[3].getAttribute('aria-label')).to.equal("'tower', 0.7000 for output 'Paris'");
    expect(getComputedStyle(tokens[3]).backgroundColor).to.equal(background(el, 3, 0));
    await expect(el).to.be.accessible();
  });
});
