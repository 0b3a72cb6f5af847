// The first-paint and overview cases of `npm run bench` (scripts/bench.mjs runs them; `node
// scripts/bench.mjs --only overview` runs only these): create-with-data → painted as a real page does it,
// from the reference figure's 13 × 5 to a fitted sixteen million cells, beside a plain innerHTML grid, a
// plain canvas fillRect loop and Plotly's heatmap without text; the page's longest task meanwhile, zoom
// and pan frame times at 1000 × 1000, and the heap. Each timing is a fresh page.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const PLOTLY = 'node_modules/plotly.js-dist-min/plotly.min.js';

// In-page helpers: data like the other cases' (a smooth pattern with a diagonal), the element in a
// 1000 × 600 box, painted = updateComplete and two animation frames, and the longest task seen.
const HELPERS = () => {
  window.frames2 = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  window.pattern = (r, c) => Math.sin(r / 37 + c / 11) * Math.cos(c / 23) * 1.8 + (Math.abs(r - c) < 2 ? 0.5 : 0);
  // typed: a Float32Array; 'shared': one on a SharedArrayBuffer (a cross-origin isolated page only).
  window.makeOverviewData = (rows, columns, typed) => {
    const labels = { rows: Array.from({ length: rows }, (_, i) => `tok${i}`), columns: Array.from({ length: columns }, (_, j) => `out${j}`) };
    if (typed) {
      const data = new Float32Array(typed === 'shared' ? new SharedArrayBuffer(rows * columns * 4) : rows * columns);
      for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) data[r * columns + c] = pattern(r, c);
      return { ...labels, values: data };
    }
    return { ...labels, values: Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => pattern(r, c))) };
  };
  window.longTasks = [];
  try {
    new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
  } catch {
    // no Long Tasks API: reported as not measured
  }
};

/** Fresh pages whose zoom and pan frames are pooled. */
const FRAME_PAGES = 3;

/** A longest task as reported: the Long Tasks API reports only tasks of 50 ms or more. */
const taskText = (ms) => (ms > 0 ? `${ms.toFixed(0)} ms` : 'none ≥ 50 ms');

/** Create-with-data → painted for the element, fitted (zoom `auto` opens a large matrix fitted). */
async function timeElement(fresh, rows, columns, typed) {
  const page = await fresh({ isolated: typed === 'shared' });
  await page.evaluate(HELPERS);
  const result = await page.evaluate(
    async (rows, columns, typed) => {
      const data = makeOverviewData(rows, columns, typed);
      await frames2();
      longTasks.length = 0;
      const t0 = performance.now();
      const el = document.createElement('token-heatmap');
      el.style.cssText = 'width:1000px;height:600px';
      Object.assign(el, data);
      document.body.append(el);
      await el.updateComplete;
      await frames2();
      const ms = performance.now() - t0;
      const canvas = el.shadowRoot.querySelector('canvas.zoom-cells');
      const cells = el.shadowRoot.querySelectorAll('[role="gridcell"]').length;
      const shared = typeof SharedArrayBuffer === 'function' && data.values.buffer instanceof SharedArrayBuffer;
      return { ms, longest: longTasks.length ? Math.max(...longTasks) : 0, canvas: !!canvas, cells, shared };
    },
    rows,
    columns,
    typed,
  );
  await page.close();
  // Under `auto`, a matrix whose readable grid fits the box is the DOM grid, a larger one the fitted canvas.
  const fits = rows * 28 + 60 <= 600 && columns * 72 + 80 <= 1000;
  if (fits ? result.cells !== rows * columns : !result.canvas) throw new Error(`${rows} × ${columns}: ${fits ? `${result.cells} cells drawn` : 'no overview canvas'}; the case measures something else`);
  if ((typed === 'shared') !== result.shared) throw new Error(`${rows} × ${columns}: the values are ${result.shared ? '' : 'not '}on a SharedArrayBuffer; the case measures something else`);
  return result;
}

/** A plain CSS grid of printed, coloured cells built with one innerHTML assignment, created with its data. */
async function timeInnerHtml(fresh, rows, columns) {
  const page = await fresh();
  await page.evaluate(HELPERS);
  const ms = await page.evaluate(
    async (rows, columns) => {
      const { values } = makeOverviewData(rows, columns, false);
      await frames2();
      const t0 = performance.now();
      const box = document.createElement('div');
      box.style.cssText = `display:grid;width:1000px;height:600px;overflow:auto;grid-template-columns:repeat(${columns},72px);grid-auto-rows:28px`;
      let out = '';
      for (const row of values)
        for (const v of row) {
          const t = Math.max(0, Math.min(1, (v + 2.3) / 4.6));
          out += `<div style="display:grid;place-items:center;background:hsl(${t * 240} 70% 60%)">${v.toFixed(4)}</div>`;
        }
      box.innerHTML = out;
      document.body.append(box);
      await frames2();
      return performance.now() - t0;
    },
    rows,
    columns,
  );
  await page.close();
  return ms;
}

/** A plain canvas in the same box, one fillRect per cell from a 256-colour table, created with its data. */
async function timeFillRect(fresh, rows, columns) {
  const page = await fresh();
  await page.evaluate(HELPERS);
  const ms = await page.evaluate(
    async (rows, columns, typed) => {
      const { values } = makeOverviewData(rows, columns, typed);
      await frames2();
      const t0 = performance.now();
      const canvas = document.createElement('canvas');
      canvas.width = 1000 * devicePixelRatio;
      canvas.height = 600 * devicePixelRatio;
      canvas.style.cssText = 'width:1000px;height:600px';
      const ctx = canvas.getContext('2d');
      const table = Array.from({ length: 256 }, (_, i) => `hsl(${(i / 255) * 240} 70% 60%)`);
      const w = canvas.width / columns;
      const h = canvas.height / rows;
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < columns; c++) {
          const v = typed ? values[r * columns + c] : values[r][c];
          ctx.fillStyle = table[Math.max(0, Math.min(255, Math.round(((v + 2.3) / 4.6) * 255)))];
          ctx.fillRect(c * w, r * h, w + 0.5, h + 0.5);
        }
      document.body.append(canvas);
      await frames2();
      return performance.now() - t0;
    },
    rows,
    columns,
    rows * columns > 2e6,
  );
  await page.close();
  return ms;
}

/** Plotly's heatmap of the same values, without text: newPlot → two animation frames. */
async function timePlotly(fresh, rows, columns) {
  const page = await fresh();
  await page.addScriptTag({ path: join(ROOT_DIR, PLOTLY) });
  await page.evaluate(HELPERS);
  const ms = await page.evaluate(
    async (rows, columns) => {
      const { values } = makeOverviewData(rows, columns, false);
      await frames2();
      const t0 = performance.now();
      const div = document.createElement('div');
      document.body.append(div);
      await Plotly.newPlot(div, [{ z: values, type: 'heatmap', colorscale: 'RdBu', showscale: true }], { width: 1000, height: 600, margin: { t: 10, b: 30, l: 40, r: 10 } });
      await frames2();
      return performance.now() - t0;
    },
    rows,
    columns,
  );
  await page.close();
  return ms;
}

/**
 * Zoom and pan frames at 1000 × 1000, as the browser delivers them: each step dispatches one wheel
 * event (Ctrl + wheel zooms about the pointer, a plain wheel pans) and is timed from the start of
 * the frame that applies it to the element's update, canvas painted and layout done.
 */
async function timeFrames(fresh, typed) {
  const page = await fresh();
  await page.evaluate(HELPERS);
  const samples = await page.evaluate(async (typed) => {
    const el = document.createElement('token-heatmap');
    el.style.cssText = 'width:1000px;height:600px';
    Object.assign(el, makeOverviewData(1000, 1000, typed));
    document.body.append(el);
    await el.updateComplete;
    await frames2();
    const canvas = el.shadowRoot.querySelector('canvas.zoom-cells');
    const box = canvas.getBoundingClientRect();
    const at = { clientX: box.left + box.width * 0.4, clientY: box.top + box.height * 0.6, bubbles: true, cancelable: true, composed: true };
    const out = { zoom: [], pan: [] };
    const step = async (kind, init) => {
      let t0 = 0;
      // Registered before the event's own frame callback, so it runs first in that frame.
      requestAnimationFrame(() => (t0 = performance.now()));
      el.shadowRoot.querySelector('.zoom-area').dispatchEvent(new WheelEvent('wheel', { ...at, ...init }));
      await new Promise((r) => requestAnimationFrame(r));
      await el.updateComplete;
      el.shadowRoot.querySelector('.zoom-cells, .scroller')?.getBoundingClientRect();
      out[kind].push(performance.now() - t0);
      await frames2();
    };
    // In to 25 % (canvas all the way: 1.28× a step) and out again, with pans at three levels between.
    for (let i = 0; i < 12; i++) await step('zoom', { deltaY: -100, ctrlKey: true });
    for (let i = 0; i < 30; i++) await step('pan', { deltaX: (i % 3) * 40, deltaY: 90 });
    for (let i = 0; i < 12; i++) await step('zoom', { deltaY: 100, ctrlKey: true });
    return out;
  }, typed);
  await page.close();
  return samples;
}

/** Heap (gc'd, main thread) above the data's own size, for a fitted 1000 × 1000. */
async function heap(fresh, rows, columns, typed) {
  const page = await fresh();
  await page.evaluate(HELPERS);
  const result = await page.evaluate(
    async (rows, columns, typed) => {
      const used = () => (gc(), gc(), performance.memory.usedJSHeapSize);
      await frames2();
      const h0 = used();
      const data = makeOverviewData(rows, columns, typed);
      const h1 = used();
      const el = document.createElement('token-heatmap');
      el.style.cssText = 'width:1000px;height:600px';
      Object.assign(el, data);
      document.body.append(el);
      await el.updateComplete;
      await frames2();
      const h2 = used();
      return { data: h1 - h0, element: h2 - h1 };
    },
    rows,
    columns,
    typed,
  );
  await page.close();
  return result;
}

let ROOT_DIR = '';

const plotlyVersion = (root) => {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules/plotly.js-dist-min/package.json'), 'utf8')).version;
  } catch {
    return '(not installed: run `npm ci`)';
  }
};

/**
 * Runs the overview cases; returns their Markdown section and targets. `fresh()` opens a fresh
 * page with the bundle loaded; `runs` timings per case.
 */
export async function overviewBench({ fresh, runs, root, stat, median, p95, f, MB, log = console.log }) {
  ROOT_DIR = root;
  const plotly = existsSync(join(root, PLOTLY));
  const rows = [];
  const targets = [];
  for (const [r, c, typed] of [
    [13, 5, false],
    [100, 100, false],
    [1000, 1000, false],
    [1000, 1000, true],
    [4000, 4000, true],
    [4000, 4000, 'shared'],
  ]) {
    const big = r * c > 2e6;
    const shared = typed === 'shared';
    const ours = [];
    const longest = [];
    for (let i = 0; i < runs; i++) {
      const result = await timeElement(fresh, r, c, typed);
      ours.push(result.ms);
      longest.push(result.longest);
    }
    const html = [];
    if (r * c <= 10_000) for (let i = 0; i < runs; i++) html.push(await timeInnerHtml(fresh, r, c));
    // The baselines do not depend on where the values live: the row above has them.
    const fill = [];
    if (!shared) for (let i = 0; i < (big ? 2 : runs); i++) fill.push(await timeFillRect(fresh, r, c));
    const theirs = [];
    if (plotly && !shared) for (let i = 0; i < (big ? 2 : runs); i++) theirs.push(await timePlotly(fresh, r, c));
    const name = `${r} × ${c}${shared ? ' (Float32Array on a SharedArrayBuffer, cross-origin isolated page)' : typed ? ' (Float32Array)' : ''}`;
    const ratio = theirs.length ? `${(median(theirs) / median(ours)).toFixed(0)}×` : '';
    rows.push(
      `| ${name} | ${stat(ours)} | ${taskText(median(longest))} | ${html.length ? stat(html) : 'not run (> 10k cells)'} | ${shared ? 'as above' : stat(fill)} | ${shared ? 'as above' : theirs.length ? stat(theirs) : 'not installed'} | ${ratio} |`,
    );
    log(rows.at(-1));
    if (r * c < 100) {
      const x = median(ours) / median(html);
      targets.push([`${name} (the reference figure's shape), create-with-data → painted`, '≤ 1.5× the plain innerHTML grid', `${f(median(ours))} ms, ${x.toFixed(2)}× (${f(median(html))} ms)`, x <= 1.5]);
      continue;
    }
    const limit = big ? 250 : 50;
    targets.push([`${name}${r * c >= 1e6 ? ' fitted' : ' (opens fitted)'}, create-with-data → painted`, `≤ ${limit} ms`, `${f(median(ours))} ms`, median(ours) <= limit]);
    if (theirs.length) targets.push([`${name}: faster than Plotly's heatmap without text`, '≥ 10×', ratio, median(theirs) / median(ours) >= 10]);
    if (big) targets.push([`${name}: the page stays responsive (longest task while it paints)`, '≤ 50 ms', taskText(median(longest)), median(longest) <= 50]);
  }
  // Three fresh pages, their frames pooled: one page's p95 of 24 zoom frames is its second-worst frame alone.
  const frames = { zoom: [], pan: [] };
  for (let i = 0; i < FRAME_PAGES; i++) {
    const page = await timeFrames(fresh, false);
    frames.zoom.push(...page.zoom);
    frames.pan.push(...page.pan);
  }
  const all = [...frames.zoom, ...frames.pan];
  targets.push(['zoom and pan frames at 1000 × 1000 (wheel, canvas)', 'p95 ≤ 16 ms', `zoom p95 ${f(p95(frames.zoom))} ms, pan p95 ${f(p95(frames.pan))} ms (median ${f(median(all))} ms)`, p95(frames.zoom) <= 16 && p95(frames.pan) <= 16]);
  const nested = await heap(fresh, 1000, 1000, false);
  const typedHeap = await heap(fresh, 1000, 1000, true);
  targets.push(['heap above the data, 1000 × 1000 nested, fitted', '≤ 2× the data', `${MB(nested.element)} MB (data ${MB(nested.data)} MB)`, nested.element <= 2 * nested.data]);
  targets.push(['heap above the data, 1000 × 1000 Float32Array, fitted', '≤ 2× the data', `${MB(typedHeap.element)} MB (data ${MB(typedHeap.data)} MB)`, typedHeap.element <= 2 * typedHeap.data]);

  const md = `## First paint: create-with-data → painted, ms: median (min–max)

What a real page does: a fresh page creates the element, gives it its data, appends it in a 1000 × 600 px
box (\`zoom\` left at \`auto\`: the 13 × 5 reference shape is the DOM grid, every larger one opens fitted);
painted is \`updateComplete\` (which waits for the canvas, also when a Worker paints it) and two animation
frames. Beyond a million cells the overview is painted in a Worker, which gets a copy of the values in
slices; in the last row the page is cross-origin isolated (COOP and COEP on every response) and the values
are on a \`SharedArrayBuffer\`, which the Worker reads in place. The plain innerHTML grid and the plain
canvas are built the same way, from creating them with their data to two frames: one innerHTML assignment of
printed, coloured cells; one \`fillRect\` per cell from a 256-colour table. "Longest task" is the longest main-thread
task (Long Tasks API) from creating the element to painted. Plotly: \`plotly.js-dist-min\` ${plotlyVersion(root)} (a dev dependency, for this bench only), \`newPlot\`
of a \`heatmap\` trace without text, same box, to two animation frames.

| size (rows × columns) | <token-heatmap> | longest task | plain innerHTML grid | plain canvas fillRect | Plotly heatmap | Plotly ÷ ours |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

Zoom and pan frames: on each of ${FRAME_PAGES} fresh pages, from the fitted view, 12 Ctrl + wheel steps in (×1.28 each, about the pointer),
30 wheel pans, 12 steps out, one wheel event a frame, each timed from the start of its frame to the
element's update with the canvas painted and layout done (${frames.zoom.length + frames.pan.length} frames; zoom median ${f(median(frames.zoom))} ms,
pan median ${f(median(frames.pan))} ms). Heap: main thread, after \`gc()\`; the Worker's copy of a large matrix is in its own heap.
`;
  return { md, targets };
}
