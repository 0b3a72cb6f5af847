import { expect } from '@open-wc/testing';
import { interpolateRdYlGn } from 'd3-scale-chromatic';
import { figureFromData, type FigureData } from '../../src/export/figure.js';
import { renderFigureSvg } from '../../src/export/svg.js';
import { loadSeed, type Seed } from '../helpers.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Parses SVG text as XML; fails the test on any parse error. */
function parse(svg: string): SVGSVGElement {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror').length, 'XML parse error').to.equal(0);
  expect(doc.documentElement.namespaceURI).to.equal(SVG_NS);
  expect(doc.documentElement.localName).to.equal('svg');
  return doc.documentElement as unknown as SVGSVGElement;
}

interface Raster {
  width: number;
  height: number;
  /** [r, g, b] of the pixel at CSS px (x, y). */
  at(x: number, y: number): [number, number, number];
}

/** Draws the SVG as an <img> from a blob URL onto a canvas, at one canvas pixel a CSS px. */
async function rasterise(svg: string): Promise<Raster> {
  const root = parse(svg);
  const width = Math.ceil(Number(root.getAttribute('width')));
  const height = Math.ceil(Number(root.getAttribute('height')));
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0, Number(root.getAttribute('width')), Number(root.getAttribute('height')));
    const pixels = context.getImageData(0, 0, width, height).data;
    return {
      width,
      height,
      at: (x, y) => {
        const i = (Math.floor(y) * width + Math.floor(x)) * 4;
        return [pixels[i], pixels[i + 1], pixels[i + 2]];
      },
    };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The same SVG without its <text> elements: cell centres then show the fill alone. */
function withoutText(svg: string): string {
  const root = parse(svg);
  for (const text of [...root.querySelectorAll('text')]) text.remove();
  return new XMLSerializer().serializeToString(root);
}

const rgb = (css: string): [number, number, number] => {
  const m = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(css);
  if (!m) throw new Error(`not rgb(): ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
};
const hex = (css: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(css.slice(i, i + 2), 16)) as [number, number, number];

/** The reference figure's expected colour: d3 RdYlGn over [min, max] (centre 0 is the middle). */
const expectedColor = (v: number, seed: Seed) => rgb(interpolateRdYlGn(Math.min(1, Math.max(0, (v - seed.min) / (seed.max - seed.min)))));

// The reference figure's layout by FIGURE.md: P 8, caption 19 + 6, row labels ceil(2 × 7.2) + 12 = 27 px,
// two header lines 2 × 15 + 6 = 36 px, cells 72 × 28.
const REF = { left: 8 + 27, top: 8 + 25 + 36, cellWidth: 72, cellHeight: 28 };
const cellBox = (r: number, c: number) => ({ x: REF.left + c * REF.cellWidth, y: REF.top + r * REF.cellHeight, w: REF.cellWidth, h: REF.cellHeight });

describe('renderFigureSvg: the reference figure', () => {
  let seed: Seed;
  let svg: string;
  before(async () => {
    seed = await loadSeed();
    svg = renderFigureSvg(figureFromData(seed as FigureData));
  });

  it('is valid XML, sized in px with a viewBox, titled by the caption and described by its extremes', () => {
    const root = parse(svg);
    // 8 + 27 + 5 × 72 + 9 + 16 + 8 + 4 × 7.44 ("−1.5") + 9 + 15 + 8 wide; 8 + 25 + 36 + 13 × 28 + 7 + 8 high.
    expect(root.getAttribute('width')).to.equal('489.76');
    expect(root.getAttribute('height')).to.equal('448');
    expect(root.getAttribute('viewBox')).to.equal('0 0 489.76 448');
    expect(root.getAttribute('role')).to.equal('img');
    expect(root.querySelector('title')!.textContent).to.equal('Heatmap: Token Attribution');
    expect(root.querySelector('desc')!.textContent).to.equal(
      "13 tokens × 5 outputs; largest 1.9074 at '/' × '4900 / 100 = 49'; smallest -0.0987 at '1' × '4900 / 100 = 49'.",
    );
    expect(root.querySelectorAll('script, foreignObject, style').length).to.equal(0);
    // No external references: every href or url() points inside the document.
    expect(svg).not.to.match(/href="(?!#|data:)/);
    expect([...svg.matchAll(/url\(([^)]*)\)/g)].every((m) => m[1].startsWith('#'))).to.equal(true);
    expect([...root.querySelectorAll('[font-family]')].map((e) => e.getAttribute('font-family')).every((f) => f === 'sans-serif' || f === 'monospace')).to.equal(true);
  });

  it('rasterised, shows the d3 RdYlGn colour of each value at each of the 65 cell centres', async () => {
    const raster = await rasterise(withoutText(svg));
    const mismatches: string[] = [];
    seed.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const { x, y, w, h } = cellBox(r, c);
        const got = raster.at(x + w / 2, y + h / 2);
        const want = expectedColor(v, seed);
        if (got.some((channel, i) => Math.abs(channel - want[i]) > 1)) mismatches.push(`(${r}, ${c}) ${v}: ${got} ≠ ${want}`);
      }),
    );
    expect(mismatches).to.deep.equal([]);
    // Outside the grid: the white background.
    expect(raster.at(3, 3)).to.deep.equal([255, 255, 255]);
  });

  it('prints every value, label and tick as text, values in their contrast colour', () => {
    const root = parse(svg);
    const texts = [...root.querySelectorAll('text')].map((t) => t.textContent);
    const printed = seed.values.flat().map((v) => `${v < 0 || Object.is(v, -0) ? '-' : ''}${Math.abs(v).toFixed(4)}`);
    for (const value of printed) expect(texts).to.include(value);
    expect(texts.filter((t) => t === '-0.0000')).to.have.length(2);
    for (const token of ['_$', '1', '6', ',', '/', '-', '.', '8', '=']) expect(texts).to.include(token);
    // "4900 / 100 = 49" wraps at ten characters a line, as in docs/reference-figure.png.
    expect(texts).to.include.members(['9 + 3 = 12', '7 x 5 = 35', '4900 / 100', '= 49', '9 - 3 = 6', '6 - 6 = 0']);
    expect(texts).to.include.members(['−1.5', '−1', '−0.5', '0', '0.5', '1', '1.5', 'Token Attribution']);
    const hot = [...root.querySelectorAll('text')].find((t) => t.textContent === '1.9074')!;
    expect(hot.getAttribute('fill')).to.equal('#ffffff');
    expect([...root.querySelectorAll('text')].find((t) => t.textContent === '0.0216')!.getAttribute('fill')).to.equal('#000000');
    // Row labels are tokens: the monospace font.
    expect(root.querySelector('g[font-family="monospace"]')!.textContent).to.equal('_$16,000/-0.8=');
  });

  it('marks the clamped 1.9074 with a triangle in its top-right corner, in its text colour', async () => {
    const root = parse(svg);
    const polygons = [...root.querySelectorAll('polygon')].filter((p) => p.getAttribute('fill') === '#ffffff');
    const { x, y, w } = cellBox(7, 2);
    expect(polygons.map((p) => p.getAttribute('points'))).to.deep.equal([`${x + w - 12},${y + 2} ${x + w - 2},${y + 2} ${x + w - 2},${y + 12}`]);
    const raster = await rasterise(svg);
    expect(raster.at(x + w - 4, y + 4)).to.deep.equal([255, 255, 255]);
    // Below the triangle's diagonal the cell's own green shows.
    expect(raster.at(x + w - 10, y + 10)).to.deep.equal(expectedColor(1.9074, seed));
    // The colour bar's high end is pointed with the scheme's top colour.
    expect(root.querySelector(`polygon[fill="${interpolateRdYlGn(1)}"]`)).to.exist;
  });
});

describe('renderFigureSvg: missing values, hostile text, themes', () => {
  it('hatches missing cells with 1 px stripes and prints nothing there', async () => {
    const svg = renderFigureSvg(figureFromData({ rows: ['a', 'b'], columns: ['x', 'y'], values: [[0.5, null], [-0.5, NaN]] }));
    const root = parse(svg);
    expect(root.querySelectorAll('pattern').length).to.equal(1);
    expect([...root.querySelectorAll('text')].map((t) => t.textContent)).to.include.members(['0.5000', '-0.5000']);
    const raster = await rasterise(withoutText(svg));
    // Missing cell (0, 1): row labels 'a'/'b' are one monospace character, 24 px wide; no caption.
    const x0 = 8 + 24 + 72;
    const y0 = 8 + 21;
    const seen = new Set<string>();
    for (let dy = 4; dy < 24; dy++) for (let dx = 4; dx < 68; dx++) seen.add(String(raster.at(x0 + dx, y0 + dy)));
    // Both the light-theme missing colour and the stripe colour, with antialiased shades between.
    expect(seen.has(String([0xf6, 0xf8, 0xfa]))).to.equal(true);
    expect([...seen].some((s) => s.split(',').every((v, i) => Math.abs(Number(v) - [0xaf, 0xb8, 0xc1][i]) <= 24))).to.equal(true);
  });

  it('keeps hostile tokens as text: markup, quotes, controls and lone surrogates never break the XML', () => {
    const tokens = ['</svg><script>alert(1)</script>', '&amp; "\'', '\u0001x', 'a\ud800b', 'ok\ufffe'];
    const svg = renderFigureSvg(figureFromData({ rows: tokens, columns: ['<b>out</b>'], values: tokens.map(() => [0.1]), caption: '<title>&</title>', label: ']]>' }));
    const root = parse(svg);
    expect(root.querySelectorAll('script').length).to.equal(0);
    expect(root.querySelector('title')!.textContent).to.equal('<title>&</title>');
    const labels = [...root.querySelectorAll('g[font-family="monospace"] text')].map((t) => t.textContent);
    // Cut at 18 characters (132 px of monospace) with an ellipsis; glyphs for the control character.
    expect(labels).to.deep.equal(['</svg><script>ale…', '&amp; "\'', '␁x', 'a\ufffdb', 'ok\ufffd']);
    expect([...root.querySelectorAll('text')].map((t) => t.textContent)).to.include.members(['<b>out</b>', ']]>']);
  });

  it('draws glyph runs in the muted colour', () => {
    const root = parse(renderFigureSvg(figureFromData({ rows: [' the', '\n'], columns: ['x'], values: [[1], [2]] })));
    const tspans = [...root.querySelectorAll('tspan')];
    expect(tspans.map((t) => [t.textContent, t.getAttribute('fill')])).to.deep.equal([
      ['␣', '#59636e'],
      ['↵', '#59636e'],
    ]);
  });

  it('draws the dark theme on its own background and text colours', async () => {
    const seed = await loadSeed();
    const svg = renderFigureSvg(figureFromData({ ...(seed as FigureData), theme: 'dark' }));
    const root = parse(svg);
    expect(root.querySelector('rect')!.getAttribute('fill')).to.equal('#0d1117');
    expect(root.querySelector('g[font-family="monospace"]')!.getAttribute('fill')).to.equal('#e6edf3');
    const raster = await rasterise(withoutText(svg));
    expect(raster.at(3, 3)).to.deep.equal(hex('#0d1117'));
    const { x, y, w, h } = cellBox(0, 0);
    expect(raster.at(x + w / 2, y + h / 2)).to.deep.equal(expectedColor(seed.values[0][0], seed));
  });

  it('rotates column labels that do not fit three wrapped lines, and cuts them at 120 px', () => {
    const long = 'an output label much longer than three lines of ten characters';
    const root = parse(renderFigureSvg(figureFromData({ rows: ['a'], columns: [long, 'b'], values: [[1, 2]] })));
    const rotated = [...root.querySelectorAll('text[transform]')].filter((t) => t.getAttribute('transform')!.includes('rotate(-90)'));
    // Both column labels and none of the others (no label on this figure).
    expect(rotated.map((t) => t.textContent)).to.deep.equal([`${long.slice(0, 17)}…`, 'b']);
    // Header: min(120, 63 × 6.6) + 6 = 126 px; the grid starts below it.
    expect(rotated[0].getAttribute('transform')).to.equal(`translate(${8 + 24 + 36 + 4} ${8 + 126 - 3}) rotate(-90)`);
  });

  it('lays out with the sizes the element measured, and the token font on columns when transposed', () => {
    const input = figureFromData({ rows: ['tok', 'en'], columns: ['first output', 'second'], values: [[1, 2], [3, 4]], transpose: true });
    input.sizes = { rowLabelWidth: 50, headerHeight: 40, cellWidth: 60, cellHeight: 20, columnLabelOrientation: 'vertical' };
    const root = parse(renderFigureSvg(input));
    // Transposed: 2 rows (the outputs) × 2 columns (the tokens), values[c][r].
    const rects = [...root.querySelectorAll('rect[fill^="rgb"]')].map((r) => ['x', 'y', 'width', 'height'].map((a) => Number(r.getAttribute(a))));
    expect(rects).to.deep.equal([
      [58, 48, 60, 20],
      [118, 48, 60, 20],
      [58, 68, 60, 20],
      [118, 68, 60, 20],
    ]);
    expect([...root.querySelectorAll('rect[fill^="rgb"] + text')].map((t) => t.textContent)).to.deep.equal(['1.0000', '3.0000', '2.0000', '4.0000']);
    const mono = root.querySelector('g[font-family="monospace"]')!;
    expect([...mono.querySelectorAll('text')].map((t) => [t.textContent, t.getAttribute('transform')])).to.deep.equal([
      ['tok', 'translate(92 45) rotate(-90)'],
      ['en', 'translate(152 45) rotate(-90)'],
    ]);
    expect([...root.querySelectorAll('g[font-family="sans-serif"][text-anchor="end"] text')].map((t) => t.textContent)).to.deep.equal(['first output', 'second']);
  });

  it('cuts a colour-bar title longer than the bar with an ellipsis', () => {
    const label = 'a colour bar title far longer than two rows of cells';
    const root = parse(renderFigureSvg(figureFromData({ rows: ['a', 'b'], columns: ['x'], values: [[1], [2]], label })));
    // 2 × 28 px of bar holds floor(56 / 6.6) = 8 characters of 12 px sans-serif.
    expect([...root.querySelectorAll('text')].map((t) => t.textContent)).to.include('a colou…');
  });

  it('indents the rows of an opened group by 1em a level from the label edge', () => {
    const input = figureFromData({ rows: ['word', 'wo', 'rd'], columns: ['x'], values: [[1], [0.5], [0.5]] });
    input.rowDepth = (r) => (r === 0 ? 0 : 1);
    const root = parse(renderFigureSvg(input));
    const xs = [...root.querySelectorAll('g[font-family="monospace"] text')].map((t) => Number(t.getAttribute('x')));
    // The label column fits the widest need: 'word' ceil(4 × 7.2) + 12 = 41 against 'wo' indented, 2 × 7.2 + 12 + 12.
    const right = 8 + 41 - 6;
    expect(xs).to.deep.equal([right, right - 12, right - 12]);
  });
});

describe('renderFigureSvg: overview image for a matrix too large to read', () => {
  const size = 300;
  const value = (r: number, c: number) => Math.sin(r / 17) * Math.cos(c / 23) * 1.4;
  const data: FigureData = {
    rows: Array.from({ length: size }, (_, i) => `t${i}`),
    columns: Array.from({ length: size }, (_, i) => `o${i}`),
    values: Array.from({ length: size }, (_, r) => Array.from({ length: size }, (_, c) => value(r, c))),
    min: -1.5,
    max: 1.5,
    label: 'Score',
  };

  it('holds the cells as one embedded PNG at one pixel a cell, drawn in the scheme colours', async () => {
    const input = figureFromData(data, { overview: true });
    const svg = renderFigureSvg(input);
    const root = parse(svg);
    const images = root.querySelectorAll('image');
    expect(images.length).to.equal(1);
    expect(images[0].getAttribute('href')!.startsWith('data:image/png;base64,')).to.equal(true);
    expect(root.querySelectorAll('rect[fill^="rgb"]').length).to.equal(0);
    const png = await new Promise<HTMLImageElement>((resolve, reject) => {
      const img = new Image();
      img.onload = () => resolve(img);
      img.onerror = reject;
      img.src = images[0].getAttribute('href')!;
    });
    expect([png.naturalWidth, png.naturalHeight]).to.deep.equal([size, size]);

    // 3 px a cell (1024 / 300), labels every 5th (15 px apart); sample cell centres through the whole SVG.
    const x = Number(images[0].getAttribute('x'));
    const y = Number(images[0].getAttribute('y'));
    expect(Number(images[0].getAttribute('width'))).to.equal(size * 3);
    const raster = await rasterise(svg);
    const mismatches: string[] = [];
    for (const [r, c] of [[0, 0], [10, 250], [150, 150], [299, 0], [0, 299], [299, 299], [77, 123]]) {
      const got = raster.at(x + c * 3 + 1.5, y + r * 3 + 1.5);
      const want = rgb(interpolateRdYlGn((value(r, c) + 1.5) / 3));
      if (got.some((channel, i) => Math.abs(channel - want[i]) > 1)) mismatches.push(`(${r}, ${c}): ${got} ≠ ${want}`);
    }
    expect(mismatches).to.deep.equal([]);
  });

  it('keeps vector labels, thinned so they never overlap, and the vector colour bar', () => {
    const root = parse(renderFigureSvg(figureFromData(data, { overview: true })));
    const rowLabels = [...root.querySelectorAll('g[font-family="monospace"] text')];
    expect(rowLabels.map((t) => t.textContent).slice(0, 3)).to.deep.equal(['t0', 't5', 't10']);
    expect(rowLabels).to.have.length(60);
    const ys = rowLabels.map((t) => Number(t.getAttribute('y')));
    expect(ys.every((y, i) => i === 0 || Math.round((y - ys[i - 1]) * 100) >= 1500)).to.equal(true);
    const columnLabels = [...root.querySelectorAll('g[font-family="sans-serif"] text[transform]')].filter((t) => t.textContent!.startsWith('o'));
    expect(columnLabels).to.have.length(60);
    expect(root.querySelector('linearGradient')!.querySelectorAll('stop').length).to.equal(33);
    expect([...root.querySelectorAll('text')].map((t) => t.textContent)).to.include.members(['−1.5', '1.5', 'Score']);
  });

  it('is chosen by itself past 100,000 cells', () => {
    const many = figureFromData({ values: Array.from({ length: 400 }, () => new Array(300).fill(0.1)) });
    expect(many.overview).to.exist;
    expect(figureFromData(data).overview).to.equal(undefined);
  });
});
