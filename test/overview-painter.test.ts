import { expect } from '@open-wc/testing';
import { OverviewPainter, type CanvasJob, type OverviewSource } from '../src/overview/painter.js';
import { colorTable, packColor } from '../src/overview/color-table.js';
import { parseColor } from '../src/color.js';
import { schemeInterpolator } from '../src/schemes.js';

const rdbu = schemeInterpolator('RdBu')!;
const table = colorTable(rdbu, parseColor);
const expected = (t: number) => parseColor(rdbu(t))!.map(Math.round);

function canvas(): HTMLCanvasElement {
  const c = document.createElement('canvas');
  document.body.append(c);
  return c;
}

const pixel = (c: HTMLCanvasElement, x: number, y: number) => [...c.getContext('2d')!.getImageData(x, y, 1, 1).data];

/** A rows × columns matrix of zeros with one hot cell, as a Float32Array. */
function zeros(rows: number, columns: number, hot: [number, number, number]): Float32Array {
  const data = new Float32Array(rows * columns);
  data[hot[0] * columns + hot[1]] = hot[2];
  return data;
}

function fitted(source: OverviewSource, width: number, height: number): CanvasJob {
  return {
    width,
    height,
    firstRow: 0,
    firstColumn: 0,
    cellWidth: width / source.columns,
    cellHeight: height / source.rows,
    min: -1,
    center: 0,
    max: 1,
    table,
    missing: packColor([128, 128, 128]),
    outside: 0,
  };
}

function closeTo(actual: number[], rgb: number[]) {
  for (let i = 0; i < 3; i++) expect(Math.abs(actual[i] - rgb[i]), `channel ${i}: ${actual} vs ${rgb}`).to.be.at.most(2);
  expect(actual[3]).to.equal(255);
}

describe('OverviewPainter', () => {
  it('paints a small matrix on the main thread at once', async () => {
    const painter = new OverviewPainter();
    const c = canvas();
    const data = zeros(100, 100, [42, 17, -1]);
    const source = { rows: 100, columns: 100, data, key: data };
    painter.paint(c, source, fitted(source, 50, 50));
    // Synchronous: the pixels are there before any await.
    closeTo(pixel(c, 8, 21), expected(0));
    closeTo(pixel(c, 0, 0), expected(0.5));
    await painter.settled();
    painter.disconnect();
    c.remove();
  });

  it('paints a large one here in slices first, then in the Worker once it holds the values; settled() waits for both', async () => {
    const painter = new OverviewPainter(() => true);
    const c = canvas();
    const data = zeros(1000, 1000, [999, 0, 0.8]);
    const source = { rows: 1000, columns: 1000, data, key: data };
    // Counts the tasks the first picture took: painted in slices, each in a task of its own.
    let tasks = 0;
    let counting = true;
    const count = () => {
      tasks++;
      if (counting) setTimeout(count, 0);
    };
    setTimeout(count, 0);
    painter.paint(c, source, fitted(source, 200, 100));
    expect(pixel(c, 0, 99), 'nothing is drawn before the first slice is done').to.deep.equal([0, 0, 0, 0]);
    await painter.settled();
    counting = false;
    expect(painter.lastPaintedIn).to.equal('here');
    expect(tasks, 'other tasks ran between the slices').to.be.above(0);
    // A lone strong cell in a million, at the bottom-left, still shows in its pixel.
    closeTo(pixel(c, 0, 99), expected(0.9));
    closeTo(pixel(c, 100, 50), expected(0.5));
    // The values went to the Worker after that picture: the next one is painted there.
    expect(await painter.valuesHandedOver()).to.equal(true);
    const lower = { ...fitted(source, 200, 100), firstRow: 500, cellHeight: 100 / 500 };
    painter.paint(c, source, lower);
    await painter.settled();
    expect(painter.workerOrigin).to.not.equal('none');
    expect(painter.lastPaintedIn).to.equal('worker');
    closeTo(pixel(c, 0, 99), expected(0.9));
    // A transposed view of the same array reads it in place: display (r, c) = source (c, r). Painted
    // on its side, it cannot be sliced: the Worker paints it.
    const transposed = { rows: 1000, columns: 1000, data, rowStride: 1, columnStride: 1000, key: 'transposed' };
    painter.paint(c, transposed, fitted(transposed, 200, 100));
    await painter.settled();
    expect(painter.lastPaintedIn).to.equal('worker');
    closeTo(pixel(c, 199, 0), expected(0.9));
    painter.disconnect();
    c.remove();
  });

  it('keeps only the newest job while a picture is being painted', async () => {
    const painter = new OverviewPainter(() => true);
    const c = canvas();
    const a = zeros(500, 500, [0, 0, 1]);
    const b = zeros(500, 500, [0, 0, -1]);
    for (const data of [a, a, a, b]) {
      const source = { rows: 500, columns: 500, data, key: data };
      painter.paint(c, source, fitted(source, 50, 50));
    }
    await painter.settled();
    closeTo(pixel(c, 0, 0), expected(0));
    painter.disconnect();
    c.remove();
  });

  it('paints on the main thread where no Worker can start', async () => {
    const original = globalThis.Worker;
    // A Worker that fails to load, as a blocked or missing script does.
    globalThis.Worker = class extends EventTarget {
      onerror: ((e: Event) => void) | null = null;
      constructor() {
        super();
        queueMicrotask(() => this.onerror?.(new Event('error')));
      }
      postMessage() {}
      terminate() {}
    } as unknown as typeof Worker;
    try {
      const painter = new OverviewPainter(() => true);
      const c = canvas();
      const data = zeros(300, 300, [150, 150, 1]);
      const source = { rows: 300, columns: 300, data, key: data };
      painter.paint(c, source, fitted(source, 30, 30));
      await painter.settled();
      expect(painter.workerOrigin).to.equal('none');
      expect(painter.lastPaintedIn).to.equal('here');
      closeTo(pixel(c, 15, 15), expected(1));
      painter.disconnect();
      c.remove();
    } finally {
      globalThis.Worker = original;
    }
  });

  it('flattens values read through a function in slices, a task each, to paint them here and send them to the Worker', async () => {
    // Counts the tasks the values were read in: a microtask runs at the end of each.
    let tasks = 0;
    let inTask = false;
    const at = (r: number, c: number) => {
      if (!inTask) {
        inTask = true;
        tasks++;
        queueMicrotask(() => (inTask = false));
      }
      return r === 599 && c === 0 ? 0.8 : 0;
    };
    const painter = new OverviewPainter(() => true);
    const c = canvas();
    const source = { rows: 600, columns: 600, at, key: at };
    painter.paint(c, source, fitted(source, 60, 60));
    await painter.settled();
    expect(painter.lastPaintedIn).to.equal('here');
    expect(tasks, 'the values were read in several tasks').to.be.above(1);
    closeTo(pixel(c, 0, 59), expected(0.9));
    closeTo(pixel(c, 30, 30), expected(0.5));
    expect(await painter.valuesHandedOver()).to.equal(true);
    const read = tasks;
    painter.paint(c, source, fitted(source, 60, 30));
    await painter.settled();
    expect(painter.lastPaintedIn).to.equal('worker');
    expect(tasks, 'the values were read once').to.equal(read);
    closeTo(pixel(c, 0, 29), expected(0.9));
    painter.disconnect();
    c.remove();
  });

  it('reads values through a function when there is no array, also for the Worker', async () => {
    const values = (r: number, c: number) => (r === 7 && c === 3 ? -0.5 : r === 0 && c === 0 ? NaN : 0);
    for (const worker of [false, true]) {
      const painter = new OverviewPainter(() => worker);
      const c = canvas();
      const source = { rows: 10, columns: 10, at: values, key: values };
      // Twice for the Worker: the first picture is painted here while the values are on their way.
      for (const pass of worker ? ['here', 'worker'] : ['here']) {
        if (pass === 'worker') expect(await painter.valuesHandedOver()).to.equal(true);
        // A picture of another size, so it is not skipped as the same job.
        painter.paint(c, source, fitted(source, 10, pass === 'worker' ? 20 : 10));
        await painter.settled();
        expect(painter.lastPaintedIn).to.equal(pass);
        closeTo(pixel(c, 3, pass === 'worker' ? 14 : 7), expected(0.25));
        closeTo(pixel(c, 0, 0), [128, 128, 128]);
      }
      painter.disconnect();
      c.remove();
    }
  });
});
