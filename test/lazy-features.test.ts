// The core entry (the CDN bundle's src/core.ts) alone: features load when a property or an action
// needs them, and the render after the load draws them. The tests run in order: each feature is
// still absent when the test that first needs it starts.
import { html, fixture, expect } from '@open-wc/testing';
import { TokenHeatmap } from '../src/core.js';
import { cellAt, gridCells, loadSeed, shadow, type Seed } from './helpers.js';

// What loads on demand, without the page's idle warm-up (which loads zoom ahead: test/idle-warm-up.test.ts).
TokenHeatmap.warmUp = false;

/** The feature modules this page has requested so far (the dev server serves src/features/x.ts). */
const requested = (name: string) => performance.getEntriesByType('resource').some((r) => new URL(r.name).pathname.startsWith(`/src/features/${name}.`));

describe('features loaded on demand (core entry)', () => {
  let seed: Seed;
  before(async () => {
    seed = await loadSeed();
  });

  it('draws the reference figure without loading any feature', async () => {
    const el = await fixture<TokenHeatmap>(html`<token-heatmap .rows=${seed.rows} .columns=${seed.columns} .values=${seed.values} label="Attribution"></token-heatmap>`);
    expect(gridCells(el)).to.have.length(seed.rows.length * seed.columns.length);
    expect(gridCells(el)[0].textContent).to.contain(seed.values[0][0].toFixed(4).slice(0, 4));
    expect(shadow(el).querySelector('[part="zoom"]')).to.equal(null);
    expect(el.toCSV().split('\r\n')[0]).to.equal('row_index,column_index,row,column,value');
    for (const name of ['zoom', 'views', 'figure', 'colours']) expect(requested(name), name).to.equal(false);
  });

  it('view="text" loads the text view, with its styles, before its first paint; an element made before takes it over later', async () => {
    const box = await fixture<HTMLElement>(html`<div>
      <token-heatmap id="text" view="text" .rows=${seed.rows} .columns=${seed.columns} .values=${seed.values}></token-heatmap>
      <token-heatmap id="grid" .rows=${seed.rows} .columns=${seed.columns} .values=${seed.values}></token-heatmap>
    </div>`);
    const [text, grid] = ['text', 'grid'].map((id) => box.querySelector<TokenHeatmap>(`#${id}`)!);
    await text.updateComplete;
    expect(requested('views')).to.equal(true);
    expect(shadow(text).querySelectorAll('[part~="text-token"]').length).to.equal(seed.rows.length);
    // The views' sheet: running text at --token-heatmap-text-font-size (1.25em of the element's 12px).
    expect(getComputedStyle(shadow(text).querySelector('.text-body')!).fontSize).to.equal('15px');
    expect(shadow(grid).querySelector('.text-body')).to.equal(null);
    grid.view = 'both';
    await grid.updateComplete;
    expect(shadow(grid).querySelectorAll('[part~="text-token"]').length).to.equal(seed.rows.length);
    expect(getComputedStyle(shadow(grid).querySelector('.text-body')!).fontSize).to.equal('15px');
    expect(gridCells(grid)).to.have.length(seed.rows.length * seed.columns.length);
  });

  it('toSVG() loads the figure code on first use', async () => {
    const el = await fixture<TokenHeatmap>(html`<token-heatmap .rows=${seed.rows} .columns=${seed.columns} .values=${seed.values}></token-heatmap>`);
    expect(requested('figure')).to.equal(false);
    const svg = new DOMParser().parseFromString(await el.toSVG(), 'image/svg+xml');
    expect(svg.documentElement.localName).to.equal('svg');
    expect(svg.querySelector('parsererror')).to.equal(null);
    expect(requested('figure')).to.equal(true);
  });

  it('a readable grid that overflows a small box loads zoom, which fits it', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `tok${i}`);
    const columns = Array.from({ length: 12 }, (_, i) => `out${i}`);
    const values = rows.map((_, r) => columns.map((_, c) => Math.sin(r + c)));
    expect(requested('zoom')).to.equal(false);
    const el = await fixture<TokenHeatmap>(html`<div style="width: 400px"><token-heatmap style="--token-heatmap-max-height: 300px" .rows=${rows} .columns=${columns} .values=${values}></token-heatmap></div>`).then((d) => d.firstElementChild as TokenHeatmap);
    await el.updateComplete;
    expect(requested('zoom')).to.equal(true);
    const control = shadow(el).querySelector('[part="zoom"]');
    expect(control, 'zoom control').to.not.equal(null);
    // Laid out by zoom's sheet, adopted with the feature (a div would be block).
    expect(getComputedStyle(control!).display).to.equal('flex'); // inline-flex, blockified in the flex bar
    expect(control!.querySelector('[aria-pressed]')!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('a 1000 × 1000 matrix is drawn as the overview once updateComplete resolves', async () => {
    const n = 1000;
    const values = new Float32Array(n * n).map((_, i) => Math.sin(i / 997));
    const labels = Array.from({ length: n }, (_, i) => `t${i}`);
    const el = await fixture<TokenHeatmap>(html`<token-heatmap .rows=${labels} .columns=${labels} .values=${values}></token-heatmap>`);
    await el.updateComplete;
    const canvas = shadow(el).querySelector<HTMLCanvasElement>('canvas.zoom-cells');
    expect(canvas).to.not.equal(null);
    // Painted: some pixel is not transparent.
    const pixels = canvas!.getContext('2d')!.getImageData(0, 0, canvas!.width, canvas!.height).data;
    expect(pixels.some((v, i) => i % 4 === 3 && v > 0)).to.equal(true);
  });
  it('an interpolator function loads its colour checks before the first paint: its colours drawn, a rejected one from the scheme and said', async () => {
    expect(requested('colours')).to.equal(false);
    const payload = 'red;background-image:url(https://example.invalid/x.png)';
    const interpolator = (t: number) => (t < 0.5 ? payload : 'navy');
    const el = await fixture<TokenHeatmap>(html`<token-heatmap .rows=${seed.rows} .columns=${seed.columns} .values=${seed.values} .interpolator=${interpolator}></token-heatmap>`);
    expect(requested('colours')).to.equal(true);
    const high = seed.values.findIndex((r) => r[0] > 0.05);
    const low = seed.values.findIndex((r) => r[0] < -0.05);
    expect(getComputedStyle(cellAt(el, high, 0)).backgroundColor).to.equal('rgb(0, 0, 128)');
    // Drawn as the default scheme draws it.
    const plain = await fixture<TokenHeatmap>(html`<token-heatmap .rows=${seed.rows} .columns=${seed.columns} .values=${seed.values}></token-heatmap>`);
    expect(getComputedStyle(cellAt(el, low, 0)).backgroundColor).to.equal(getComputedStyle(cellAt(plain, low, 0)).backgroundColor);
    const alerts = [...shadow(el).querySelectorAll('[role="alert"] p')].map((p) => p.textContent!.trim());
    expect(alerts).to.have.length(1);
    expect(alerts[0]).to.match(/^interpolator: at t = 0 it returned "red;background-image:url\(.*, not one CSS colour; such colours are drawn from RdYlGn$/);
    for (const node of shadow(el).querySelectorAll<HTMLElement>('[style]')) expect(node.getAttribute('style') ?? '', node.className).to.not.contain('url(');
  });
});
