// The CLI's static figures and inseq input: `token-heatmap render data.json --format svg|png --out file`,
// `token-heatmap render out.json` for inseq save files. Runs the built bin/token-heatmap.mjs (npm run build).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { interpolateRdYlGn } from 'd3-scale-chromatic';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { launch, ROOT } from './browser.mjs';

const CLI = join(ROOT, 'bin/token-heatmap.mjs');
const SEED = join(ROOT, 'demo/seed-heatmap.json');
const INSEQ = join(ROOT, 'test/fixtures/inseq');
const run = (args, { input, cli = CLI, cwd = ROOT, encoding = 'utf8' } = {}) => spawnSync(process.execPath, [cli, ...args], { input, cwd, encoding });
const scratch = () => mkdtempSync(join(tmpdir(), 'token-heatmap-export-'));

/** Exit 1 and exactly one line on stderr, nothing on stdout. */
function assertOneLineError(result, pattern) {
  assert.equal(result.status, 1, result.stderr);
  assert.equal(result.stdout, '');
  assert.equal(result.stderr.split('\n').length, 2, result.stderr);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
  assert.match(result.stderr.trim(), pattern);
}

describe('token-heatmap render --format svg', () => {
  let browser;
  let page;
  before(async () => {
    browser = await launch('chromium');
    page = await browser.newPage();
  });
  after(async () => browser?.close());

  /** What a browser's XML parser makes of the SVG text. */
  const parseInBrowser = (svg) =>
    page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        errors: doc.getElementsByTagName('parsererror').length,
        root: root.localName,
        namespace: root.namespaceURI,
        title: root.querySelector('title')?.textContent,
        cells: root.querySelectorAll('rect[fill^="rgb"]').length,
        texts: [...root.querySelectorAll('text')].map((t) => t.textContent),
      };
    }, svg);

  test('writes a standalone SVG that parses as XML, with the 65 coloured cells and their values', async () => {
    const result = run(['render', SEED, '--format', 'svg']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="489\.76" height="448" viewBox="0 0 489\.76 448"/);
    const parsed = await parseInBrowser(result.stdout);
    assert.equal(parsed.errors, 0);
    assert.equal(parsed.root, 'svg');
    assert.equal(parsed.namespace, 'http://www.w3.org/2000/svg');
    assert.equal(parsed.title, 'Heatmap: Token Attribution');
    assert.equal(parsed.cells, 65);
    for (const value of ['1.9074', '-0.0756', '-0.0000', '4900 / 100', 'Token Attribution']) assert.ok(parsed.texts.includes(value), value);
  });

  test('--out writes the file instead of stdout, for every format; html stays the default', () => {
    const dir = scratch();
    for (const [args, file] of [[[], 'page.html'], [['--format', 'svg'], 'figure.svg'], [['--format=svg'], 'eq.svg']]) {
      const out = join(dir, file);
      const result = run(['render', SEED, ...args, '--out', out]);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, '');
      assert.equal(readFileSync(out, 'utf8'), run(['render', SEED, ...args]).stdout);
    }
    assert.match(readFileSync(join(dir, 'page.html'), 'utf8'), /^<!doctype html>/);
    assert.match(readFileSync(join(dir, 'figure.svg'), 'utf8'), /^<svg /);
  });

  test('reads an inseq save file, plain or gzipped, by itself; --index picks the sequence', async () => {
    const svg = run(['render', join(INSEQ, 'encoder-decoder-ig-v0.6.json'), '--format', 'svg']);
    assert.equal(svg.status, 0, svg.stderr);
    const parsed = await parseInBrowser(svg.stdout);
    assert.equal(parsed.errors, 0);
    // 9 rows (5 source + 4 target tokens) × 3 generated tokens, NaN future positions missing.
    assert.equal(parsed.cells, 9 * 3 - 6);
    // The colour-bar title says how the embedding dimension was reduced; longer than the 252 px bar, it is cut.
    const label = 'integrated_gradients (L2 norm over 4 embedding dimensions)';
    assert.ok(parsed.texts.includes(`${label.slice(0, Math.floor(252 / 6.6) - 1)}…`), parsed.texts.join(' | '));
    assert.match(run(['render', join(INSEQ, 'encoder-decoder-ig-v0.6.json')]).stdout, new RegExp(`label="${label.replace(/[()]/g, '\\$&')}"`));
    assert.ok(parsed.texts.some((t) => t.endsWith('Hello')));
    const second = run(['render', join(INSEQ, 'encoder-decoder-ig-v0.6.json'), '--index', '1', '--format', 'svg']);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /sviluppatore/);
    const html = run(['render', join(INSEQ, 'encoder-decoder-occlusion-v0.7.json.gz')]);
    assert.equal(html.status, 0, html.stderr);
    assert.match(html.stdout, /<token-heatmap rows="\[&quot;▁Das&quot;/);
    assert.match(html.stdout, /label="occlusion"/);
  });

  test('past 100,000 cells the cells are one compressed PNG at one pixel a cell, in the scheme colours', async () => {
    const rows = 400;
    const columns = 300;
    const value = (r, c) => Math.sin(r / 17) * Math.cos(c / 23) * 1.4;
    const data = { values: Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => value(r, c))), min: -1.5, max: 1.5 };
    const result = run(['render', '-', '--format', 'svg'], { input: JSON.stringify(data) });
    assert.equal(result.status, 0, result.stderr);
    assert.equal((await parseInBrowser(result.stdout)).errors, 0);
    const href = /<image [^>]*href="data:image\/png;base64,([^"]+)"/.exec(result.stdout);
    assert.ok(href, 'one embedded PNG');
    const png = Buffer.from(href[1], 'base64');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]], [columns, rows, 8, 2]);
    // Compressed by zlib: well under the 360 kB of raw pixels.
    const idat = png.indexOf('IDAT');
    const raw = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
    assert.ok(png.length < (rows * columns * 3) / 2, `${png.length} bytes`);
    assert.equal(raw.length, rows * (1 + columns * 3));
    for (const [r, c] of [[0, 0], [123, 77], [399, 299]]) {
      const i = r * (1 + columns * 3) + 1 + c * 3;
      const want = /rgb\((\d+), (\d+), (\d+)\)/.exec(interpolateRdYlGn((value(r, c) + 1.5) / 3)).slice(1).map(Number);
      assert.deepEqual([...raw.subarray(i, i + 3)], want, `${r}, ${c}`);
    }
  });

  test('hostile inseq tokens stay text in the SVG and the page', async () => {
    const svg = run(['render', join(INSEQ, 'primitives-hostile-v0.6.json'), '--format', 'svg']);
    assert.equal(svg.status, 0, svg.stderr);
    assert.doesNotMatch(svg.stdout, /<script/);
    const parsed = await parseInBrowser(svg.stdout);
    assert.equal(parsed.errors, 0);
    assert.ok(parsed.texts.some((t) => t.startsWith('</svg><script>')));
    const html = run(['render', join(INSEQ, 'primitives-hostile-v0.6.json'), '--no-script']);
    assert.equal(html.status, 0, html.stderr);
    assert.doesNotMatch(html.stdout, /<script/);
  });
});

describe('token-heatmap render --format png', () => {
  const hasResvg = (() => {
    try {
      createRequire(CLI).resolve('@resvg/resvg-js');
      return true;
    } catch {
      return false;
    }
  })();

  test('rasterises the SVG at twice its size with the optional @resvg/resvg-js', { skip: !hasResvg && 'the optional @resvg/resvg-js is not installed' }, () => {
    const out = join(scratch(), 'figure.png');
    const result = run(['render', SEED, '--format', 'png', '--out', out]);
    assert.equal(result.status, 0, result.stderr);
    const png = readFileSync(out);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
    // 489.76 × 448 CSS px at scale 2.
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [980, 896]);
    // To stdout as bytes, the same image.
    const piped = run(['render', SEED, '--format', 'png'], { encoding: 'buffer' });
    assert.equal(piped.status, 0, String(piped.stderr));
    assert.ok(Buffer.compare(piped.stdout, png) === 0);
  });

  test('without @resvg/resvg-js, says how to get a PNG in one line', () => {
    const dir = scratch();
    for (const file of ['bin/token-heatmap.mjs', 'dist/cli.js', 'dist/ssr.js']) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      copyFileSync(join(ROOT, file), join(dir, file));
    }
    for (let d = dir; d !== dirname(d); d = dirname(d)) assert.equal(existsSync(join(d, 'node_modules')), false, d);
    copyFileSync(SEED, join(dir, 'data.json'));
    const result = run(['render', 'data.json', '--format', 'png'], { cli: join(dir, 'bin/token-heatmap.mjs'), cwd: dir });
    assertOneLineError(result, /^token-heatmap: --format png needs the optional package @resvg\/resvg-js \(npm install @resvg\/resvg-js\); or write --format svg and convert it/);
  });
});

describe('token-heatmap render: bad input and output', () => {
  const dir = scratch();
  const damaged = join(dir, 'damaged.json');
  writeFileSync(damaged, readFileSync(join(INSEQ, 'encoder-decoder-ig-v0.6.json'), 'utf8').replace(/"b64:[A-Za-z0-9+/]{8}/, '"b64:@@@@@@@@'));
  const notGzip = join(dir, 'broken.json.gz');
  writeFileSync(notGzip, Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4]));

  const cases = [
    ['an inseq index past the end', ['render', join(INSEQ, 'encoder-decoder-ig-v0.6.json'), '--index', '2'], /^token-heatmap: .*encoder-decoder-ig-v0\.6\.json: index 2: the file holds 2 sequences \(0–1\)$/],
    ['damaged base64 in an inseq file', ['render', damaged, '--format', 'svg'], /^token-heatmap: .*damaged\.json: sequence_attributions\[0\]\.source_attributions: not valid base64$/],
    ['a damaged gzip file', ['render', notGzip], /^token-heatmap: .*broken\.json\.gz: not valid gzip \(.+\)$/],
    ['an --out in a missing directory', ['render', SEED, '--format', 'svg', '--out', join(dir, 'no/such/dir/x.svg')], /^token-heatmap: cannot write .*x\.svg: no such file$/],
    ['an --out that is a directory', ['render', SEED, '--out', dir], /^token-heatmap: cannot write .*: is a directory$/],
    ['bad JSON with --format svg', ['render', '-', '--format', 'svg'], /^token-heatmap: stdin: not valid JSON \(.+\)$/, '{"values": [[1,'],
  ];
  for (const [what, args, pattern, input] of cases) {
    test(`exits 1 with one line for ${what}`, () => assertOneLineError(run(args, { input: input ?? '' }), pattern));
  }

  test('exits 2 for a bad --format, --index or an HTML-only option with svg', () => {
    for (const args of [
      ['render', SEED, '--format', 'pdf'],
      ['render', SEED, '--format'],
      ['render', SEED, '--index', '-1'],
      ['render', SEED, '--format', 'svg', '--fragment'],
      ['render', SEED, '--format', 'svg', '--no-script'],
      ['render', SEED, '--out'],
    ]) {
      const result = run(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /^token-heatmap: .+\nRun "token-heatmap --help" for usage\.\n$/);
    }
  });
});
