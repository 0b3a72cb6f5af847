import { html, fixture, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import { interpolateRdYlGn } from 'd3-scale-chromatic';
import '../src/index.js';
import type { TokenHeatmap } from '../src/index.js';
import type { CellHoverEvent, CellSelectEvent, ZoomChangeEvent } from '../src/events.js';
import { parseColor } from '../src/color.js';
import { scalePosition } from '../src/scale.js';
import { painted, positionOf, shadow, text } from './helpers.js';

const labels = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const DOMAIN = { min: -1, max: 1, center: 0 };

async function heatmap(rows: number, columns: number, values: Float32Array | number[][], style = 'width: 700px; height: 420px', extra: Partial<TokenHeatmap> = {}): Promise<TokenHeatmap> {
  const el = await fixture<TokenHeatmap>(html`<token-heatmap
    style=${style}
    min="-1"
    max="1"
    .rows=${labels(rows, 'tok')}
    .columns=${labels(columns, 'out')}
    .values=${values}
  ></token-heatmap>`);
  Object.assign(el, extra);
  await el.updateComplete;
  await painted();
  return el;
}

/** A rows × columns Float32Array of zeros with the given cells set. */
function zeros(rows: number, columns: number, cells: [number, number, number][] = []): Float32Array {
  const data = new Float32Array(rows * columns);
  for (const [r, c, v] of cells) data[r * columns + c] = v;
  return data;
}

const canvasOf = (el: TokenHeatmap) => shadow(el).querySelector<HTMLCanvasElement>('canvas.zoom-cells')!;
const level = (el: TokenHeatmap) => text(shadow(el).querySelector('[part="zoom"] .zoom-level')!);
const button = (el: TokenHeatmap, name: string) =>
  [...shadow(el).querySelectorAll<HTMLButtonElement>('[part="zoom"] button')].find((b) => (b.getAttribute('aria-label') ?? text(b)) === name)!;

/** The canvas pixel (device px) at a point given in CSS px from the canvas's corner. */
function pixelAt(canvas: HTMLCanvasElement, x: number, y: number): number[] {
  const scale = canvas.width / canvas.getBoundingClientRect().width;
  return [...canvas.getContext('2d')!.getImageData(Math.floor(x * scale), Math.floor(y * scale), 1, 1).data];
}

/** A cell's centre in CSS px from the canvas's corner, when the whole matrix is fitted. */
function fittedCentre(el: TokenHeatmap, rows: number, columns: number, r: number, c: number): [number, number] {
  const box = canvasOf(el).getBoundingClientRect();
  return [((c + 0.5) * box.width) / columns, ((r + 0.5) * box.height) / rows];
}

/** The viewport point of a canvas point, for sendMouse. */
function onPage(el: TokenHeatmap, [x, y]: [number, number]): [number, number] {
  const box = canvasOf(el).getBoundingClientRect();
  return [Math.round(box.left + x), Math.round(box.top + y)];
}

function expectColour(actual: number[], expected: string, what: string) {
  const rgb = parseColor(expected)!;
  for (let i = 0; i < 3; i++) expect(Math.abs(actual[i] - rgb[i]), `${what}: ${actual} vs ${expected}`).to.be.at.most(3);
}

const scheme = (v: number) => interpolateRdYlGn(scalePosition(v, DOMAIN));

function overlaps(a: DOMRect, b: DOMRect) {
  return a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
}

function expectNoOverlap(elements: Element[], what: string) {
  const boxes = elements.map((e) => e.getBoundingClientRect());
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j]), `${what}: ${text(elements[i])} overlaps ${text(elements[j])}`).to.equal(false);
}

// The last zoom-change of each element, including the one of its first render.
const lastZoom = new WeakMap<EventTarget, ZoomChangeEvent['detail']>();
document.addEventListener('zoom-change', (e) => lastZoom.set(e.target!, (e as ZoomChangeEvent).detail));
const currentLevel = (el: TokenHeatmap) => lastZoom.get(el)!.level;

const zoomChange = (el: TokenHeatmap) => oneEvent(el, 'zoom-change') as Promise<ZoomChangeEvent>;

async function settle(el: TokenHeatmap) {
  await el.updateComplete;
  await painted();
  await el.updateComplete;
}

afterEach(async () => {
  await resetMouse();
});

describe('<token-heatmap> zoom levels', () => {
  it('draws a matrix whose readable grid fits as today: no canvas, no zoom control', async () => {
    const el = await heatmap(3, 4, [
      [0.1, -0.2, 0.3, 0],
      [1, 0, 0, 0],
      [0, 0, 0, -1],
    ], '');
    expect(canvasOf(el)).to.equal(null);
    expect(shadow(el).querySelector('[part="zoom"]')).to.equal(null);
    expect(shadow(el).querySelectorAll('[role="gridcell"]')).to.have.length(12);
  });

  it('says so in one line when zoom is not a level, and draws auto', async () => {
    const el = await fixture<TokenHeatmap>(html`<token-heatmap zoom="huge" .rows=${['a']} .columns=${['x']} .values=${[[0.5]]}></token-heatmap>`);
    await el.updateComplete;
    expect(text(shadow(el).querySelector('[role="alert"]')!)).to.equal('zoom: "huge" is not "auto", "fit" or a number above 0 (1 = readable cells); using "auto"');
    expect(shadow(el).querySelectorAll('[role="gridcell"]')).to.have.length(1);
  });

  it('opens a larger matrix fitted, on a canvas, with the grid kept as the accessible layer', async () => {
    const changed = new Promise<ZoomChangeEvent>((resolve) => document.addEventListener('zoom-change', (e) => resolve(e as ZoomChangeEvent), { once: true }));
    const el = await heatmap(1000, 1000, zeros(1000, 1000));
    const canvas = canvasOf(el);
    expect(canvas).to.not.equal(null);
    const box = canvas.getBoundingClientRect();
    // The whole matrix in the box: the canvas is drawn at device-pixel resolution.
    expect(canvas.width).to.equal(Math.round(box.width * devicePixelRatio));
    const grid = shadow(el).querySelector('[role="grid"]')!;
    expect(grid.getAttribute('aria-rowcount')).to.equal('1001');
    expect(grid.getAttribute('aria-colcount')).to.equal('1001');
    // Only the cells about the tab stop are in the page.
    expect(shadow(el).querySelectorAll('[role="gridcell"]').length).to.be.within(1, 40);
    expect(level(el)).to.match(/^\d(\.\d+)? %$/);
    const event = await changed;
    expect(event.composed).to.equal(true);
    expect(event.detail.fitted).to.equal(true);
    expect(event.detail.rows).to.deep.equal({ start: 0, end: 1000 });
    expect(event.detail.columns).to.deep.equal({ start: 0, end: 1000 });
  });

  it('colours overview pixels as the scheme colours their cells; missing and clamped cells too', async () => {
    const rows = 60;
    const columns = 80;
    const cells: [number, number, number][] = [
      [5, 7, 0.8],
      [20, 40, -0.6],
      [33, 3, 0.25],
      [50, 70, 5],
      [59, 0, -7],
    ];
    const data = zeros(rows, columns, cells);
    data[10 * columns + 60] = NaN;
    const el = await heatmap(rows, columns, data, 'width: 500px; height: 300px', { zoom: 'fit' });
    const canvas = canvasOf(el);
    for (const [r, c, v] of cells) expectColour(pixelAt(canvas, ...fittedCentre(el, rows, columns, r, c)), scheme(v), `cell ${r}, ${c} = ${v}`);
    expectColour(pixelAt(canvas, ...fittedCentre(el, rows, columns, 1, 1)), scheme(0), 'a zero cell');
    // Missing: the hatching's colour, not any colour of the scale.
    const stripe = getComputedStyle(shadow(el).querySelector('.zoom-swatch.missing')!).color;
    expectColour(pixelAt(canvas, ...fittedCentre(el, rows, columns, 10, 60)), stripe, 'a missing cell');
  });

  it('keeps a lone hot cell in a 1000 × 1000 zero matrix visible when fitted', async () => {
    const el = await heatmap(1000, 1000, zeros(1000, 1000, [[617, 389, 1]]));
    const canvas = canvasOf(el);
    const { width, height } = canvas;
    const image = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
    const neutral = parseColor(scheme(0))!;
    const hot: [number, number][] = [];
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const i = 4 * (y * width + x);
        if (Math.abs(image[i] - neutral[0]) + Math.abs(image[i + 1] - neutral[1]) + Math.abs(image[i + 2] - neutral[2]) > 30) hot.push([x, y]);
      }
    // More cells than pixels: still exactly one pixel shows it, in the end colour, where the cell is.
    expect(hot).to.have.length(1);
    const [cx, cy] = fittedCentre(el, 1000, 1000, 617, 389).map((v) => v * (width / canvas.getBoundingClientRect().width));
    expect(Math.abs(hot[0][0] - cx)).to.be.at.most(1);
    expect(Math.abs(hot[0][1] - cy)).to.be.at.most(1);
    expectColour(pixelAt(canvas, hot[0][0] / (width / canvas.getBoundingClientRect().width), hot[0][1] / (height / canvas.getBoundingClientRect().height)), scheme(1), 'the hot pixel');
  });

  it('paints beyond a million cells in a Worker, and updateComplete waits for it', async () => {
    const rows = 1500;
    const columns = 1000;
    const el = await fixture<TokenHeatmap>(html`<token-heatmap style="width: 600px; height: 400px" min="-1" max="1"></token-heatmap>`);
    el.rows = labels(rows, 'tok');
    el.columns = labels(columns, 'out');
    el.values = zeros(rows, columns, [[1499, 999, -1]]);
    await el.updateComplete;
    const canvas = canvasOf(el);
    const box = canvas.getBoundingClientRect();
    // The last cell's pixel, bottom right, shows it as soon as updateComplete resolves.
    expectColour(pixelAt(canvas, box.width - 0.5, box.height - 0.5), scheme(-1), 'the last cell');
    expectColour(pixelAt(canvas, box.width / 2, box.height / 2), scheme(0), 'the middle');
    // New values of the same shape: painted again before updateComplete resolves.
    el.values = zeros(rows, columns, [[0, 0, 1]]);
    await el.updateComplete;
    expectColour(pixelAt(canvas, 0.5, 0.5), scheme(1), 'the first cell after an update');
    expectColour(pixelAt(canvas, box.width - 0.5, box.height - 0.5), scheme(0), 'the last cell after an update');
  });

  it('starts the Worker for values over a million cells before the update that derives them', async () => {
    const rows = 1500;
    const columns = 1000;
    const order: string[] = [];
    const Native = globalThis.Worker;
    globalThis.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        order.push('Worker');
        super(url, options);
      }
    };
    try {
      const el = await fixture<TokenHeatmap>(html`<token-heatmap style="width: 600px; height: 400px" min="-1" max="1"></token-heatmap>`);
      await el.updateComplete;
      const willUpdate = (el as unknown as { willUpdate(changed: Map<string, unknown>): void }).willUpdate.bind(el);
      (el as unknown as { willUpdate(changed: Map<string, unknown>): void }).willUpdate = (changed) => {
        order.push('willUpdate');
        willUpdate(changed);
      };
      el.rows = labels(rows, 'tok');
      el.columns = labels(columns, 'out');
      el.values = zeros(rows, columns, [[1499, 999, -1]]);
      await el.updateComplete;
      // Started while the values were being scanned, so it loads during the first update's long task, not after it.
      expect(order.slice(0, 2)).to.deep.equal(['Worker', 'willUpdate']);
      const box = canvasOf(el).getBoundingClientRect();
      expectColour(pixelAt(canvasOf(el), box.width - 0.5, box.height - 0.5), scheme(-1), 'the last cell');
      el.remove();
    } finally {
      globalThis.Worker = Native;
    }
  });

  it('reads a transposed typed array in place', async () => {
    const el = await heatmap(40, 30, zeros(40, 30, [[3, 25, 0.9]]), 'width: 500px; height: 300px', { zoom: 'fit', transpose: true });
    // Transposed: 30 rows (outputs) × 40 columns (tokens); the cell is at display (25, 3).
    expectColour(pixelAt(canvasOf(el), ...fittedCentre(el, 30, 40, 25, 3)), scheme(0.9), 'the transposed cell');
  });

  it('paints a normalised view: the values as shown, not as given', async () => {
    const n = 300;
    // The diagonal grows from 0.0003 to 0.1: drawn as given it is nearly neutral; normalised per column, each is 1.
    const data = zeros(n, n, Array.from({ length: n }, (_, i) => [i, i, (0.1 * (i + 1)) / n] as [number, number, number]));
    const el = await heatmap(n, n, data, 'width: 500px; height: 400px', { zoom: 'fit' });
    expectColour(pixelAt(canvasOf(el), ...fittedCentre(el, n, n, 20, 20)), scheme((0.1 * 21) / n), 'as given');
    el.normalization = 'column';
    await el.updateComplete;
    for (const i of [20, 150, 280]) expectColour(pixelAt(canvasOf(el), ...fittedCentre(el, n, n, i, i)), scheme(1), `normalised, cell ${i}`);
  });

  it('draws rows that throw when read again as missing cells, and throws nothing', async () => {
    const n = 60;
    const values = Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => (r === c ? 0.9 : 0)));
    // Read once while the data is checked, then it throws: as a hostile getter may.
    let reads = 0;
    Object.defineProperty(values[17], 5, {
      get() {
        if (++reads > 1) throw new Error('no more reads');
        return -0.9;
      },
    });
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push('reason' in e ? e.reason : e.error);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    try {
      const el = await heatmap(n, n, values, 'width: 500px; height: 400px', { zoom: 'fit' });
      const canvas = canvasOf(el);
      expectColour(pixelAt(canvas, ...fittedCentre(el, n, n, 40, 40)), scheme(0.9), 'a readable cell');
      const stripe = getComputedStyle(shadow(el).querySelector('.zoom-swatch.missing')!).color;
      expectColour(pixelAt(canvas, ...fittedCentre(el, n, n, 17, 5)), stripe, 'the cell that throws');
      // Pointing at it reports a missing cell.
      const hovered = oneEvent(el, 'cell-hover') as Promise<CellHoverEvent>;
      await sendMouse({ type: 'move', position: onPage(el, fittedCentre(el, n, n, 17, 5)) });
      expect((await hovered).detail).to.deep.include({ rowIndex: 17, columnIndex: 5, value: null });
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    }
    expect(errors).to.deep.equal([]);
  });

  it('prints fewer decimals where cells are large enough for text but not for four, never overflowing a cell', async () => {
    const values = Array.from({ length: 200 }, (_, r) => Array.from({ length: 200 }, (_, c) => Math.sin(r / 7) * Math.cos(c / 5) * -0.9));
    const el = await heatmap(200, 200, values, 'width: 700px; height: 420px', { zoom: 0.62 });
    expect(canvasOf(el)).to.equal(null);
    const cells = [...shadow(el).querySelectorAll<HTMLElement>('[role="gridcell"]')].slice(0, 30);
    expect(cells.length).to.be.greaterThan(10);
    for (const cell of cells) {
      expect(text(cell)).to.match(/^-?\d\.\d{1,3}$/);
      // The printed text fits its cell.
      const range = document.createRange();
      range.selectNodeContents(cell);
      expect(range.getBoundingClientRect().width).to.be.at.most(cell.getBoundingClientRect().width + 0.5);
    }
    // The accessible name still carries the value as the grid prints it.
    expect(cells[0].getAttribute('aria-label')).to.contain(text(cells[0]));
  });
});

describe('<token-heatmap> moving around', () => {
  it('zooms with + and - about the focused cell, 0 fits, and announces the level politely', async () => {
    const el = await heatmap(1000, 1000, zeros(1000, 1000));
    const status = shadow(el).querySelector('[role="status"]')!;
    // Opening fitted is no change to announce.
    expect(text(status)).to.equal('');
    const cell = shadow(el).querySelector<HTMLElement>('[role="gridcell"][tabindex="0"]')!;
    cell.focus();
    const before = currentLevel(el);
    let changed = zoomChange(el);
    await sendKeys({ press: '+' });
    expect((await changed).detail.level).to.be.closeTo(before * 2, 1e-9);
    changed = zoomChange(el);
    await sendKeys({ press: '+' });
    const zoomed = (await changed).detail;
    expect(zoomed.level).to.be.closeTo(before * 4, 1e-9);
    // About the focused cell (0, 0): it stays at the top-left corner.
    expect(zoomed.rows.start).to.equal(0);
    expect(zoomed.columns.start).to.equal(0);
    const percent = Math.round(zoomed.level * 1000) / 10;
    await waitUntil(() => text(status).startsWith(`zoom ${String(Number(percent.toPrecision(2)))} %`), `announced ${text(status)}`);
    expect(text(status)).to.match(/^zoom [\d.]+ %, rows 1–\d+, columns 1–\d+$/);
    changed = zoomChange(el);
    await sendKeys({ press: '-' });
    expect((await changed).detail.level).to.be.closeTo(before * 2, 1e-9);
    changed = zoomChange(el);
    await sendKeys({ press: '0' });
    expect((await changed).detail.fitted).to.equal(true);
    await waitUntil(() => text(status) === 'zoom ' + level(el) + ', rows 1–1000, columns 1–1000', `announced ${text(status)}`);
  });

  it('zooms with Ctrl + wheel about the pointer', async () => {
    const el = await heatmap(1000, 1000, zeros(1000, 1000, [[700, 300, 1]]));
    const point = fittedCentre(el, 1000, 1000, 700, 300);
    const [x, y] = onPage(el, point);
    const changed = zoomChange(el);
    canvasOf(el).dispatchEvent(new WheelEvent('wheel', { deltaY: -400, ctrlKey: true, clientX: x, clientY: y, bubbles: true, cancelable: true, composed: true }));
    const detail = (await changed).detail;
    expect(detail.level).to.be.greaterThan(0.02);
    expect(detail.fitted).to.equal(false);
    await settle(el);
    // The cell under the pointer is still under it.
    const hovered = oneEvent(el, 'cell-hover') as Promise<CellHoverEvent>;
    await sendMouse({ type: 'move', position: [x, y] });
    const cell = (await hovered).detail!;
    expect(Math.abs(cell.rowIndex - 700)).to.be.at.most(1);
    expect(Math.abs(cell.columnIndex - 300)).to.be.at.most(1);
  });

  it('pans with the wheel and by dragging, and lets the page scroll at the edges', async () => {
    const el = await heatmap(1000, 1000, zeros(1000, 1000));
    el.zoomTo({ rowIndex: 0, columnIndex: 0 }, 0.1);
    await settle(el);
    const canvas = canvasOf(el);
    let changed = zoomChange(el);
    const down = new WheelEvent('wheel', { deltaY: 280, clientX: 300, clientY: 200, bubbles: true, cancelable: true, composed: true });
    canvas.dispatchEvent(down);
    expect(down.defaultPrevented).to.equal(true);
    // 280 px down at 2.8 px a row: 100 rows.
    expect((await changed).detail.rows.start).to.be.within(99, 101);
    const up = new WheelEvent('wheel', { deltaY: -1e6, clientX: 300, clientY: 200, bubbles: true, cancelable: true, composed: true });
    canvas.dispatchEvent(up);
    await settle(el);
    const atTop = new WheelEvent('wheel', { deltaY: -50, clientX: 300, clientY: 200, bubbles: true, cancelable: true, composed: true });
    canvas.dispatchEvent(atTop);
    expect(atTop.defaultPrevented, 'the page scrolls once the view is at its edge').to.equal(false);

    const box = canvas.getBoundingClientRect();
    const start: [number, number] = [Math.round(box.left + 300), Math.round(box.top + 200)];
    changed = zoomChange(el);
    await sendMouse({ type: 'move', position: start });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [start[0] - 72, start[1] - 56] });
    await sendMouse({ type: 'up' });
    const dragged = (await changed).detail;
    // 72 px at 7.2 px a column, 56 px at 2.8 px a row.
    expect(dragged.columns.start).to.be.within(9, 11);
    expect(dragged.rows.start).to.be.within(19, 21);
  });

  it('zooms in about the point on double-click', async () => {
    const el = await heatmap(1000, 1000, zeros(1000, 1000));
    const [x, y] = onPage(el, fittedCentre(el, 1000, 1000, 250, 750));
    const before = currentLevel(el);
    const changed = zoomChange(el);
    // sendMouse clicks one at a time: the browser's dblclick is dispatched as the browser would.
    canvasOf(el).dispatchEvent(new MouseEvent('dblclick', { clientX: x, clientY: y, detail: 2, bubbles: true, cancelable: true, composed: true }));
    const detail = (await changed).detail;
    expect(detail.level).to.be.closeTo(2 * before, 1e-9);
    expect(detail.rows.start).to.be.below(250);
    expect(detail.rows.end).to.be.above(250);
    expect(detail.columns.start).to.be.below(750);
    expect(detail.columns.end).to.be.above(750);
  });

  it('has a zoom control: −, the level, +, fit, keyboard-accessible', async () => {
    const el = await heatmap(1000, 1000, zeros(1000, 1000));
    const control = shadow(el).querySelector('[part="zoom"]')!;
    expect(control.getAttribute('role')).to.equal('group');
    expect(button(el, 'Zoom out').getAttribute('aria-disabled')).to.equal('true');
    const fitted = level(el);
    let changed = zoomChange(el);
    button(el, 'Zoom in').focus();
    await sendKeys({ press: 'Enter' });
    await changed;
    await settle(el);
    expect(level(el)).to.not.equal(fitted);
    expect(button(el, 'Zoom out').getAttribute('aria-disabled')).to.equal('false');
    changed = zoomChange(el);
    const fit = button(el, 'Fit').getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(fit.left + fit.width / 2), Math.round(fit.top + fit.height / 2)] });
    expect((await changed).detail.fitted).to.equal(true);
    await settle(el);
    expect(level(el)).to.equal(fitted);
    expect(button(el, 'Fit').getAttribute('aria-pressed')).to.equal('true');
  });

  it('shows a minimap when not everything is visible, and dragging its rectangle moves the view', async () => {
    const el = await heatmap(1000, 1000, zeros(1000, 1000));
    expect(shadow(el).querySelector('[part="overview"]'), 'fitted: no minimap').to.equal(null);
    el.zoomTo({ rowIndex: 100, columnIndex: 100 }, 0.1);
    await settle(el);
    const minimap = shadow(el).querySelector<HTMLElement>('[part="overview"]')!;
    expect(minimap).to.not.equal(null);
    const view = minimap.querySelector('.minimap-view')!.getBoundingClientRect();
    const map = minimap.getBoundingClientRect();
    const from: [number, number] = [Math.round(view.left + view.width / 2), Math.round(view.top + view.height / 2)];
    const to: [number, number] = [Math.round(map.left + map.width * 0.75), Math.round(map.top + map.height * 0.75)];
    let last: ZoomChangeEvent | undefined;
    el.addEventListener('zoom-change', (e) => (last = e));
    await sendMouse({ type: 'move', position: from });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round((from[0] + to[0]) / 2), Math.round((from[1] + to[1]) / 2)] });
    await sendMouse({ type: 'move', position: to });
    await sendMouse({ type: 'up' });
    await waitUntil(() => last && last.detail.rows.start > 600, 'the view follows the rectangle');
    const { rows, columns } = last!.detail;
    // The rectangle's centre went to three quarters of the matrix.
    expect((rows.start + rows.end) / 2).to.be.closeTo(750, 20);
    expect((columns.start + columns.end) / 2).to.be.closeTo(750, 20);
  });

  it('shows the fitted picture again on a zoom back out, and the new one after new values', async () => {
    const el = await heatmap(1000, 1000, zeros(1000, 1000, [[400, 300, 0.9]]));
    const canvas = canvasOf(el);
    const picture = () => [...canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data];
    const fitted = picture();
    el.zoomTo({ rowIndex: 400, columnIndex: 300 }, 0.3);
    await settle(el);
    expect(picture(), 'zoomed in').to.not.deep.equal(fitted);
    el.fit();
    await settle(el);
    expect(picture(), 'fitted again').to.deep.equal(fitted);
    // New values while fitted: their picture, not the kept one.
    el.values = zeros(1000, 1000, [[400, 300, -0.9]]);
    await settle(el);
    expectColour(pixelAt(canvas, ...fittedCentre(el, 1000, 1000, 400, 300)), scheme(-0.9), 'the new value');
  });

  it('keeps its label elements through zoom steps, empty slots hidden even from ::part() rules', async () => {
    const style = document.createElement('style');
    style.textContent = 'token-heatmap::part(row-label), token-heatmap::part(column-label) { display: block; }';
    document.head.append(style);
    try {
      const el = await heatmap(1000, 1000, zeros(1000, 1000));
      const track = () => [...shadow(el).querySelectorAll<HTMLElement>('.zoom-track > .zoom-label')];
      const before = new Set(track());
      const empty = track().filter((label) => label.hidden);
      expect(empty.length, 'empty slots at fit').to.be.above(0);
      for (const label of empty) expect(label.getBoundingClientRect().width, 'an empty slot takes no room').to.equal(0);
      for (const zoom of [0.05, 0.1, 0.2]) {
        el.zoomTo({ rowIndex: 500, columnIndex: 500 }, zoom);
        await settle(el);
        expect(track().every((label) => before.has(label)), `the same elements at ${zoom}`).to.equal(true);
        for (const label of track()) expect(label.hidden || text(label).length > 0, 'a shown slot has its label').to.equal(true);
        expectNoOverlap(track().filter((label) => !label.hidden), `labels at ${zoom}`);
      }
    } finally {
      style.remove();
    }
  });

  it('shows the minimap in the first zoom-in’s own update when the page had a long idle period before', async () => {
    const el = await heatmap(1000, 1000, zeros(1000, 1000, [[10, 10, 0.9]]));
    const longIdle = () => new Promise<boolean>((resolve) => requestIdleCallback((deadline) => resolve(deadline.timeRemaining() >= 45)));
    // The fitted view prepares the minimap in a long idle period (no frame due). On a loaded machine the
    // page's other tasks can cut the period short before the preparation's turn, and it waits for the
    // next: so the zoom-in is tried again from fit, a few times, each after a long idle period and one more.
    let frames = 0;
    for (let attempt = 0; attempt < 6; attempt++) {
      if (attempt > 0) {
        el.fit();
        await settle(el);
      }
      await waitUntil(longIdle, 'a long idle period', { interval: 0 });
      await new Promise((resolve) => requestIdleCallback(resolve));
      frames = 0;
      const frame = requestAnimationFrame(() => frames++);
      el.zoomTo({ rowIndex: 500, columnIndex: 500 }, 0.2);
      await el.updateComplete;
      cancelAnimationFrame(frame);
      if (frames === 0) break;
    }
    expect(frames, 'no frame waited for').to.equal(0);
    const minimap = shadow(el).querySelector<HTMLCanvasElement>('canvas.minimap-cells')!;
    const { data } = minimap.getContext('2d')!.getImageData(0, 0, minimap.width, minimap.height);
    // Painted: every pixel opaque, the zeros in the scheme's centre colour.
    expect(data[3]).to.equal(255);
    expectColour([...data.slice(-4)], scheme(0), 'a minimap pixel');
  });

  it('reports the right cell to the tooltip, cell-hover and cell-select at fit zoom', async () => {
    const el = await heatmap(1000, 1000, zeros(1000, 1000, [[421, 873, -0.75]]));
    const [x, y] = onPage(el, fittedCentre(el, 1000, 1000, 421, 873));
    const hovered = oneEvent(el, 'cell-hover') as Promise<CellHoverEvent>;
    await sendMouse({ type: 'move', position: [x, y] });
    // Many cells share this pixel: the one whose value the pixel shows.
    expect((await hovered).detail).to.deep.include({ rowIndex: 421, columnIndex: 873, row: 'tok421', column: 'out873' });
    expect((await hovered).detail!.value).to.equal(-0.75);
    await settle(el);
    const tip = shadow(el).querySelector<HTMLElement>('[part="tooltip"]')!;
    expect(tip.matches(':popover-open') || tip.classList.contains('open')).to.equal(true);
    expect(text(tip.querySelector('.value')!)).to.equal('-0.75');
    const box = tip.getBoundingClientRect();
    expect(box.left > x || box.right < x || box.top > y || box.bottom < y, 'the tooltip does not cover the pointer').to.equal(true);
    const selected = oneEvent(el, 'cell-select') as Promise<CellSelectEvent>;
    await sendMouse({ type: 'click', position: [x, y] });
    expect((await selected).detail).to.deep.include({ rowIndex: 421, columnIndex: 873 });
    expect(el.selected).to.deep.equal({ rowIndex: 421, columnIndex: 873 });
    await settle(el);
    // The selection and the tab stop are marked on the canvas.
    expect(shadow(el).querySelector('.zoom-mark.selected')).to.not.equal(null);
    // The grid's tab stop is that cell, named as at readable size.
    const active = shadow(el).querySelector<HTMLElement>('[role="gridcell"][tabindex="0"]')!;
    expect(positionOf(active)).to.deep.equal([421, 873]);
    expect(active.getAttribute('aria-label')).to.equal('-0.7500');
    expect(active.getAttribute('aria-selected')).to.equal('true');
    expect(active.parentElement!.getAttribute('aria-label')).to.equal('tok421');
  });

  it('shows thinned labels that never overlap, the hovered cell’s in full', async () => {
    const long = labels(1000, 'token number ');
    const el = await heatmap(1000, 1000, zeros(1000, 1000), 'width: 700px; height: 420px', { rows: long });
    const rowLabels = () => [...shadow(el).querySelectorAll('.zoom-labels.rows .zoom-label:not([hidden])')];
    const columnLabels = () => [...shadow(el).querySelectorAll('.zoom-labels.columns .zoom-label:not([hidden])')];
    expect(rowLabels().length).to.be.within(5, 60);
    expectNoOverlap(rowLabels(), 'row labels at fit');
    expectNoOverlap(columnLabels(), 'column labels at fit');
    const [x, y] = onPage(el, fittedCentre(el, 1000, 1000, 503, 498));
    let hovered: CellHoverEvent['detail'] = null;
    el.addEventListener('cell-hover', (e) => (hovered = e.detail));
    await sendMouse({ type: 'move', position: [x, y] });
    await waitUntil(() => shadow(el).querySelector('.zoom-label.hot'), 'the hovered labels are shown');
    const hot = [...shadow(el).querySelectorAll<HTMLElement>('.zoom-label.hot')];
    expect(hot.map(text)).to.deep.equal([hovered!.row, hovered!.column]);
    // In full: not cut by the label column's width.
    expect(hot[0].scrollWidth).to.be.at.most(hot[0].clientWidth + 1);
    expectNoOverlap(rowLabels(), 'row labels with the hovered one');
    expectNoOverlap(columnLabels(), 'column labels with the hovered one');
    el.zoomTo({ rowIndex: 500, columnIndex: 500 }, 0.2);
    await settle(el);
    expectNoOverlap(rowLabels(), 'row labels zoomed in');
    expectNoOverlap(columnLabels(), 'column labels zoomed in');
    // At readable size every label of the rendered grid is there.
    el.zoomTo({ rowIndex: 500, columnIndex: 500 }, 1);
    await settle(el);
    const headers = [...shadow(el).querySelectorAll('[role="rowheader"]')].map((h) => Number(h.parentElement!.getAttribute('aria-rowindex')) - 2);
    const first = Math.min(...headers);
    expect(headers.sort((a, b) => a - b)).to.deep.equal(Array.from({ length: headers.length }, (_, i) => first + i));
  });

  it('follows a new box: the whole matrix stays fitted, the canvas takes the new size and each label stays on its row or column', async () => {
    const el = await heatmap(200, 300, zeros(200, 300, [[100, 150, 1]]));
    const before = canvasOf(el).getBoundingClientRect();
    el.style.width = '560px';
    el.style.height = '360px';
    await waitUntil(() => canvasOf(el).getBoundingClientRect().width < before.width - 50, 'the canvas follows the box');
    await el.updateComplete;
    await painted();
    const box = canvasOf(el).getBoundingClientRect();
    const host = el.getBoundingClientRect();
    expect(canvasOf(el).width).to.equal(Math.round(box.width * devicePixelRatio));
    expect(box.right).to.be.at.most(host.right);
    expect(box.bottom).to.be.at.most(host.bottom);
    expect(lastZoom.get(el)!.fitted).to.equal(true);
    const shown = (axis: 'rows' | 'columns') => [...shadow(el).querySelectorAll<HTMLElement>(`.zoom-labels.${axis}:not(.pins) .zoom-label:not([hidden])`)];
    expect(shown('rows').length).to.be.above(3);
    expect(shown('columns').length).to.be.above(3);
    for (const label of shown('rows')) {
      const r = label.getBoundingClientRect();
      const row = Number(text(label).slice('tok'.length));
      expect((r.top + r.bottom) / 2, text(label)).to.be.closeTo(box.top + ((row + 0.5) * box.height) / 200, 1.5);
    }
    for (const label of shown('columns')) {
      const r = label.getBoundingClientRect();
      const column = Number(text(label).slice('out'.length));
      expect((r.left + r.right) / 2, text(label)).to.be.closeTo(box.left + ((column + 0.5) * box.width) / 300, 1.5);
    }
    // The one hot cell is painted where it now is.
    const [x, y] = fittedCentre(el, 200, 300, 100, 150);
    expectColour(pixelAt(canvasOf(el), x, y), scheme(1), 'the hot cell after the resize');
  });
});

describe('<token-heatmap> accessibility at every zoom', () => {
  it('moves one cell a key at fit zoom, with a focus rectangle, and the view pans to the focused cell', async () => {
    const el = await heatmap(1000, 1000, zeros(1000, 1000));
    el.zoomTo({ rowIndex: 0, columnIndex: 0 }, 0.1);
    await settle(el);
    const focusBox = () => shadow(el).querySelector('.zoom-mark.focus');
    expect(focusBox()).to.equal(null);
    shadow(el).querySelector<HTMLElement>('[role="gridcell"][tabindex="0"]')!.focus();
    await settle(el);
    expect(focusBox()).to.not.equal(null);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    const active = () => shadow(el).activeElement as HTMLElement;
    // One cell a key, named as at readable size.
    expect(positionOf(active())).to.deep.equal([1, 1]);
    expect(active().getAttribute('aria-label')).to.equal('0.0000');
    expect(active().parentElement!.getAttribute('aria-label')).to.equal('tok1');
    // The rectangle is on that cell: 7.2 × 2.8 px cells at 10 %, drawn at least 7 px each way.
    const canvas = canvasOf(el).getBoundingClientRect();
    const mark = focusBox()!.getBoundingClientRect();
    expect(mark.left + mark.width / 2 - canvas.left).to.be.closeTo(1.5 * 7.2, 1);
    expect(mark.top + mark.height / 2 - canvas.top).to.be.closeTo(1.5 * 2.8, 1);
    // End goes to the last column: the view pans there.
    const changed = zoomChange(el);
    await sendKeys({ press: 'End' });
    expect((await changed).detail.columns.end).to.equal(1000);
    await settle(el);
    expect(positionOf(active())).to.deep.equal([1, 999]);
    const moved = focusBox()!.getBoundingClientRect();
    expect(moved.left).to.be.at.least(canvas.left - 1);
    expect(moved.right).to.be.at.most(canvas.right + 4);
    // Home, then left: the row header. Its label carries the ring, and its name is unchanged.
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowLeft' });
    await settle(el);
    expect(active().getAttribute('role')).to.equal('rowheader');
    expect(active().getAttribute('aria-label')).to.equal('tok1');
    expect(text(shadow(el).querySelector('.zoom-label.focused')!)).to.equal('tok1');
    expect(focusBox()).to.equal(null);
  });
});
