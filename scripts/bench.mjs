// `npm run bench`: times <token-heatmap> in headless Chromium against a plain innerHTML CSS grid and
// writes BENCHMARKS.md. Uses the production bundle (run `npm run build` first; `npm run bench` does).
// Each timing is a fresh page; RUNS (default 7) runs per case; median and min–max are reported.
// `--only text-view` times only the text view (and writes nothing).
import { createServer } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import os from 'node:os';
import puppeteer from 'puppeteer-core';
import { findBrowser } from './browsers.mjs';
import { overviewBench } from './bench-overview.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const RUNS = Number(process.env.RUNS ?? 7);
// `--only overview` runs only the overview's cases (scripts/bench-overview.mjs) and prints them.
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const BUNDLE = 'dist/token-heatmap.bundle.js';
if (!existsSync(join(ROOT, BUNDLE))) {
  console.error(`${BUNDLE} is missing: run npm run build first.`);
  process.exit(1);
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<style>body{margin:0;font:12px system-ui} .base{display:grid;width:1000px;height:600px;overflow:auto}
.base div{display:grid;place-items:center;width:72px;height:28px;font-variant-numeric:tabular-nums}</style>
<script type="module" src="${BUNDLE}"></script></head><body></body></html>`;

const TYPES = { '.js': 'text/javascript', '.html': 'text/html', '.json': 'application/json' };
// Under /isolated/ the same files with COOP and COEP on every response: a cross-origin isolated page,
// which may put its values on a SharedArrayBuffer (the overview's Worker then reads them in place).
const ISOLATED = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
const server = createServer(async (req, res) => {
  const isolated = req.url.startsWith('/isolated/');
  const url = isolated ? req.url.slice('/isolated'.length) : req.url;
  const headers = isolated ? ISOLATED : {};
  if (url === '/bench.html') return res.writeHead(200, { 'content-type': 'text/html', ...headers }).end(PAGE);
  const path = normalize(join(ROOT, decodeURIComponent(url.split('?')[0])));
  if (!path.startsWith(ROOT)) return res.writeHead(403).end();
  const body = await readFile(path).catch(() => null);
  if (!body) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', ...headers }).end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/bench.html`;

const browser = await puppeteer.launch({
  executablePath: findBrowser('chromium'),
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});
const version = await browser.version();

async function fresh({ isolated = false } = {}) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 800 });
  await page.goto(isolated ? url.replace('/bench.html', '/isolated/bench.html') : url, { waitUntil: 'load' });
  await page.evaluate(() => customElements.whenDefined('token-heatmap'));
  return page;
}

// In-page helpers, installed once per page.
const HELPERS = () => {
  window.frames2 = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  window.makeData = (rows, columns, typed) => {
    const v = (r, c) => Math.sin(r / 37 + c / 11) * Math.cos(c / 23) * 1.8;
    const labels = { rows: Array.from({ length: rows }, (_, i) => `tok${i}`), columns: Array.from({ length: columns }, (_, j) => `out${j}`) };
    if (typed) {
      const data = new Float32Array(rows * columns);
      for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) data[r * columns + c] = v(r, c);
      return { ...labels, values: data };
    }
    return { ...labels, values: Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => v(r, c))) };
  };
  window.mount = () => {
    const el = document.createElement('token-heatmap');
    el.style.cssText = 'height:600px;width:1000px';
    el.label = 'bench';
    // These cases time the DOM grid: readable cells, scrolling (under `auto` a large matrix opens fitted).
    el.zoom = 1;
    document.body.append(el);
    return el;
  };
};

async function timeRender(rows, columns, typed) {
  const page = await fresh();
  await page.evaluate(HELPERS);
  const ms = await page.evaluate(
    async (rows, columns, typed) => {
      const el = mount();
      // Mounted: its first update (and the zoom feature that zoom="1" loads) done before the data comes.
      await el.updateComplete;
      await frames2();
      const data = makeData(rows, columns, typed);
      const t0 = performance.now();
      Object.assign(el, data);
      // Painted: updateComplete (which covers a feature's load and the measurement's redraws), then two frames.
      await el.updateComplete;
      await frames2();
      return performance.now() - t0;
    },
    rows,
    columns,
    typed,
  );
  await page.close();
  return ms;
}

async function timeBaseline(rows, columns) {
  const page = await fresh();
  await page.evaluate(HELPERS);
  const ms = await page.evaluate(async (rows, columns) => {
    const box = document.createElement('div');
    box.className = 'base';
    box.style.gridTemplateColumns = `repeat(${columns}, 72px)`;
    document.body.append(box);
    await frames2();
    const { values } = makeData(rows, columns, false);
    const t0 = performance.now();
    let out = '';
    for (const row of values)
      for (const v of row) {
        const t = Math.max(0, Math.min(1, (v + 1.8) / 3.6));
        out += `<div style="background:hsl(${t * 120} 70% 60%)">${v.toFixed(4)}</div>`;
      }
    box.innerHTML = out;
    await frames2();
    return performance.now() - t0;
  }, rows, columns);
  await page.close();
  return ms;
}

async function timeScroll() {
  const page = await fresh();
  await page.evaluate(HELPERS);
  const samples = await page.evaluate(async () => {
    const el = mount();
    Object.assign(el, makeData(1000, 1000, false));
    await el.updateComplete;
    await frames2();
    const scroller = el.shadowRoot.querySelector('[part="scroller"]');
    const out = [];
    for (let i = 1; i <= 120; i++) {
      const t0 = performance.now();
      scroller.scrollTop = i * 97;
      scroller.scrollLeft = i * 61;
      scroller.dispatchEvent(new Event('scroll'));
      await el.updateComplete;
      scroller.querySelector('[role="gridcell"]').getBoundingClientRect(); // style + layout
      out.push(performance.now() - t0);
      await frames2();
    }
    return out;
  });
  await page.close();
  return samples;
}

async function timeUpdate() {
  const page = await fresh();
  await page.evaluate(HELPERS);
  const samples = await page.evaluate(async () => {
    const el = mount();
    const data = makeData(100, 100, false);
    Object.assign(el, data);
    await el.updateComplete;
    await frames2();
    const out = [];
    for (let i = 0; i < 30; i++) {
      const next = data.values.slice();
      next[5] = next[5].slice();
      next[5][5] = (i % 7) / 7;
      const t0 = performance.now();
      el.values = next;
      await el.updateComplete;
      el.shadowRoot.querySelector('[role="gridcell"]').getBoundingClientRect();
      out.push(performance.now() - t0);
      await frames2();
    }
    return out;
  });
  await page.close();
  return samples;
}

// Grouping both axes into words and normalising per column, 1000 × 1000 Float32Array: from setting the
// options to the element's update (the reading pipeline plus one render of the window), before paint.
async function timeReading() {
  const page = await fresh();
  await page.evaluate(HELPERS);
  const ms = await page.evaluate(async () => {
    const el = mount();
    const data = makeData(1000, 1000, true);
    // Byte-level pieces for rows, SentencePiece for columns: a word starts every third piece.
    data.rows = data.rows.map((_, i) => (i % 3 ? `p${i}` : `\u0120w${i}`));
    data.columns = data.columns.map((_, j) => (j % 3 ? `q${j}` : `\u2581v${j}`));
    Object.assign(el, data);
    await el.updateComplete;
    await frames2();
    // The pipeline runs in willUpdate: time it apart from the render that follows.
    let pipeline = 0;
    const willUpdate = el.willUpdate;
    el.willUpdate = function (changed) {
      const t = performance.now();
      willUpdate.call(this, changed);
      pipeline += performance.now() - t;
    };
    const t0 = performance.now();
    Object.assign(el, { groupRows: 'words', groupColumns: 'words', normalization: 'column' });
    await el.updateComplete;
    return { pipeline, update: performance.now() - t0 };
  });
  await page.close();
  return ms;
}

// The text view: 10,000 tokens from setting the data to painted, then, at 2,000 tokens × 50 outputs, 30 steps
// to the next output (the button), each timed to the element's update and a forced style and layout.
async function timeTextView() {
  const page = await fresh();
  await page.evaluate(HELPERS);
  const result = await page.evaluate(async () => {
    const tokens = (n) => Array.from({ length: n }, (_, i) => (i % 15 === 14 ? '\u010a' : `\u0120w${i}`));
    const el = mount();
    el.view = 'text';
    // The text view is a feature of its own: loaded (and waited for by updateComplete) before it draws.
    await el.updateComplete;
    await frames2();
    const big = makeData(10000, 2, true);
    big.rows = tokens(10000);
    const t0 = performance.now();
    Object.assign(el, big);
    await el.updateComplete;
    await frames2();
    const render = performance.now() - t0;
    const data = makeData(2000, 50, true);
    data.rows = tokens(2000);
    Object.assign(el, data);
    await el.updateComplete;
    await frames2();
    const next = el.shadowRoot.querySelector('[data-step="1"]');
    const samples = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      next.click();
      await el.updateComplete;
      el.shadowRoot.querySelector('[part~="text-token"]').getBoundingClientRect();
      samples.push(performance.now() - t);
      await frames2();
    }
    return { render, samples };
  });
  await page.close();
  return result;
}

async function heap(typed) {
  const page = await fresh();
  await page.evaluate(HELPERS);
  const result = await page.evaluate(async (typed) => {
    const used = () => (gc(), gc(), performance.memory.usedJSHeapSize);
    const el = mount();
    await frames2();
    const h0 = used();
    const data = makeData(1000, 1000, typed);
    const h1 = used();
    Object.assign(el, data);
    await frames2();
    const h2 = used();
    return { data: h1 - h0, element: h2 - h1 };
  }, typed);
  await page.close();
  return result;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
const f = (ms) => (ms < 10 ? ms.toFixed(1) : ms.toFixed(0));
const stat = (xs) => `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
const MB = (b) => (b / 2 ** 20).toFixed(1);

if (ONLY === 'overview') {
  const { md, targets } = await overviewBench({ fresh, runs: RUNS, root: ROOT, stat, median, p95, f, MB });
  console.log(`${md}\n| what | target | measured | met |\n| --- | --- | --- | --- |\n${targets.map(([a, b, c, ok]) => `| ${a} | ${b} | ${c} | ${ok ? 'yes' : '**no**'} |`).join('\n')}`);
  await browser.close();
  server.close();
  process.exit(0);
}

const SIZES = [
  [13, 5, false],
  [100, 100, false],
  [1000, 100, false],
  [1000, 1000, false],
  [1000, 1000, true],
  [5000, 20, false],
];
const BASELINE_LIMIT = 100_000; // cells; a million innerHTML cells takes minutes and gigabytes

if (process.argv.includes('--only') && process.argv.includes('text-view')) {
  const renders = [];
  const switches = [];
  for (let i = 0; i < RUNS; i++) {
    const { render, samples } = await timeTextView();
    renders.push(render);
    switches.push(...samples);
  }
  console.log(`text view: 10,000 tokens to painted ${stat(renders)} ms; next output at 2,000 tokens median ${f(median(switches))} ms, p95 ${f(p95(switches))} ms (${switches.length} steps, ${version})`);
  await browser.close();
  server.close();
  process.exit(0);
}

// `--only update` times only the one-value update (30 changes at 100 × 100).
if (ONLY === 'update') {
  const samples = await timeUpdate();
  console.log(`one-value update at 100 × 100: median ${f(median(samples))} ms, p95 ${f(p95(samples))} ms`);
  await browser.close();
  server.close();
  process.exit(0);
}
const rows = [];
let worst = 0;
for (const [r, c, typed] of SIZES) {
  const ours = [];
  for (let i = 0; i < RUNS; i++) ours.push(await timeRender(r, c, typed));
  const base = [];
  if (!typed && r * c <= BASELINE_LIMIT) for (let i = 0; i < RUNS; i++) base.push(await timeBaseline(r, c));
  worst = Math.max(worst, median(ours));
  const name = `${r} × ${c}${typed ? ' (Float32Array)' : ''}`;
  rows.push(`| ${name} | ${stat(ours)} | ${base.length ? stat(base) : 'not run (> 100k cells)'} | ${base.length ? (median(base) / median(ours)).toFixed(0) + '×' : ''} |`);
  console.log(rows.at(-1));
}
// `--only grid` times only the readable grid's sizes above.
if (ONLY === 'grid') {
  await browser.close();
  server.close();
  process.exit(0);
}
const readingRuns = [];
for (let i = 0; i < RUNS; i++) readingRuns.push(await timeReading());
const reading = readingRuns.map((r) => r.pipeline);
const readingUpdate = readingRuns.map((r) => r.update);
console.log(`group + normalise 1000 × 1000: pipeline ${stat(reading)}, whole update ${stat(readingUpdate)}`);
const textRuns = [];
for (let i = 0; i < RUNS; i++) textRuns.push(await timeTextView());
const textRender = textRuns.map((r) => r.render);
const textSwitch = textRuns.flatMap((r) => r.samples);
const overview = await overviewBench({ fresh, runs: RUNS, root: ROOT, stat, median, p95, f, MB });
const scroll = await timeScroll();
const update = await timeUpdate();
const heapNested = await heap(false);
const heapTyped = await heap(true);

const targets = [
  ...overview.targets,
  ['readable grid, every size to painted', '≤ 50 ms', `${f(worst)} ms (worst median)`, worst <= 50],
  ['group rows and columns into words + normalise per column, 1000 × 1000 Float32Array', '≤ 30 ms', `median ${f(median(reading))} ms (${f(Math.min(...reading))}–${f(Math.max(...reading))}); whole update with its render ${f(median(readingUpdate))} ms`, median(reading) <= 30],
  ['scroll step at 1000 × 1000 (script + style + layout)', '≤ 16 ms', `median ${f(median(scroll))} ms, p95 ${f(p95(scroll))} ms`, p95(scroll) <= 16],
  ['text view: next output at 2,000 tokens (update + style + layout)', '≤ 16 ms', `median ${f(median(textSwitch))} ms, p95 ${f(p95(textSwitch))} ms; 10,000 tokens to painted ${f(median(textRender))} ms`, p95(textSwitch) <= 16],
  ['one-value update at 100 × 100', '≤ 5 ms', `median ${f(median(update))} ms, p95 ${f(p95(update))} ms`, median(update) <= 5],
  ['heap above the data, 1000 × 1000 nested arrays', '≤ 40 MB', `${MB(heapNested.element)} MB (data itself ${MB(heapNested.data)} MB)`, heapNested.element <= 40 * 2 ** 20],
  ['heap above the data, 1000 × 1000 Float32Array', '≤ 40 MB', `${MB(heapTyped.element)} MB (data itself ${MB(heapTyped.data)} MB)`, heapTyped.element <= 40 * 2 ** 20],
];

const md = `# Benchmarks

Reproduce with \`npm run bench\` (builds, then runs \`node scripts/bench.mjs\`; \`RUNS=n\` sets runs per case).

- Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${MB(os.totalmem() / 1024)} GB RAM, ${os.platform()} ${os.release()}
- Browser: headless ${version}; Node ${process.version}
- Date: ${new Date().toISOString().slice(0, 10)}; ${RUNS} runs per case, each in a fresh page

## Readable grid: set data on a mounted element → painted (\`updateComplete\` and two animation frames), ms: median (min–max)

A mounted element at readable cells (\`zoom="1"\`, the windowed DOM grid) in a 1000 × 600 px box gets
\`rows\`, \`columns\` and \`values\` (nested arrays unless noted).
The baseline builds a plain CSS grid of annotated, coloured cells with one \`innerHTML\` assignment.

| size (rows × columns) | <token-heatmap> | plain innerHTML grid | baseline ÷ ours |
| --- | --- | --- | --- |
${rows.join('\n')}

${overview.md}
## Targets

| what | target | measured | met |
| --- | --- | --- | --- |
${targets.map(([a, b, c, ok]) => `| ${a} | ${b} | ${c} | ${ok ? 'yes' : '**no**'} |`).join('\n')}

Grouping: a 1000 × 1000 Float32Array with byte-level row pieces and SentencePiece column pieces (a word every
third piece) gets \`groupRows\` and \`groupColumns\` = \`words\` and \`normalization\` = \`column\`, timed from setting
them: the pipeline (the element's \`willUpdate\`) and the whole update with the render of the new window.
Scroll: 120 steps of (97 px down, 61 px right) over a 1000 × 1000 matrix, each timed from setting the scroll
position to the element's update and a forced layout. Text view: 10,000 GPT-2-style tokens (a line break every 15) set on a \`view="text"\` element, timed to painted; then
2,000 tokens × 50 outputs, 30 clicks on the next-output button, each timed to the update and a forced layout.
Update: 30 single-value changes at 100 × 100, each
timed to the update and a forced layout. Heap: \`performance.memory.usedJSHeapSize\` after \`gc()\`.
`;
await writeFile(join(ROOT, 'BENCHMARKS.md'), md);
console.log(md);
await browser.close();
server.close();
