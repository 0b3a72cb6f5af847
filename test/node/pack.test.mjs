// The published shape: `npm pack`, install the tarball in a scratch project the way a user would, and
// use every entry point from there — types through a bundler-style resolution, the module build through a
// real bundler, the CDN bundle and the anywidget module in a browser, the React entry's types, the CLI.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { ROOT, launch, serve } from './browser.mjs';

const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' } });
const version = (name) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;

describe('the packed package, installed in a scratch project', () => {
  let dir;
  let installed;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'token-heatmap-pack-'));
    // The build is already done by `npm test`; --ignore-scripts skips prepack's second build.
    const tarball = join(dir, npm(['pack', '--ignore-scripts', '--pack-destination', dir, '--silent'], ROOT).trim().split('\n').pop());
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name: 'scratch',
        private: true,
        type: 'module',
        dependencies: {
          'token-heatmap': `file:${tarball}`,
          react: version('react'),
          'react-dom': version('react-dom'),
          '@types/react': version('@types/react'),
        },
      }),
    );
    npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
    installed = join(dir, 'node_modules', 'token-heatmap');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('ships the builds, types, manifest and Python helper, and nothing from the source tree', () => {
    for (const file of [
      'dist/token-heatmap.js',
      'dist/token-heatmap.bundle.js',
      'dist/token-heatmap.bundle.zoom.js',
      'dist/token-heatmap.bundle.views.js',
      'dist/token-heatmap.bundle.figure.js',
      'dist/token-heatmap.bundle.reading.js',
      'dist/token-heatmap.full.js',
      'dist/react.js',
      'dist/anywidget.js',
      'dist/types/index.d.ts',
      'dist/types/react.d.ts',
      'dist/ssr.js',
      'dist/cli.js',
      'dist/token-heatmap.hydrate.js',
      'dist/vscode.html-custom-data.json',
      'bin/token-heatmap.mjs',
      'custom-elements.json',
      'python/token_heatmap/__init__.py',
      'python/token_heatmap/__main__.py',
      'python/token_heatmap/_schemes.py',
    ]) {
      assert.ok(existsSync(join(installed, file)), `${file} is in the package`);
    }
    for (const file of ['src', 'test', 'demo', 'node_modules', '.ci', 'python/test_token_heatmap.py', 'python/token_heatmap/__pycache__'])
      assert.ok(!existsSync(join(installed, file)), `${file} is not`);
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    assert.deepEqual(Object.keys(pkg.dependencies).sort(), ['d3-scale-chromatic', 'lit']);
  });

  test('resolves every entry point through the exports map', () => {
    const script = `for (const id of ['token-heatmap', 'token-heatmap/bundle', 'token-heatmap/react', 'token-heatmap/anywidget', 'token-heatmap/ssr', 'token-heatmap/inseq', 'token-heatmap/custom-elements.json']) console.log(import.meta.resolve(id));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
    assert.deepEqual(
      out.map((url) => url.slice(url.indexOf('node_modules/'))),
      [
        'node_modules/token-heatmap/dist/token-heatmap.js',
        'node_modules/token-heatmap/dist/token-heatmap.bundle.js',
        'node_modules/token-heatmap/dist/react.js',
        'node_modules/token-heatmap/dist/anywidget.js',
        'node_modules/token-heatmap/dist/ssr.js',
        'node_modules/token-heatmap/dist/inseq.js',
        'node_modules/token-heatmap/custom-elements.json',
      ],
    );
  });

  test('reads an inseq save file through token-heatmap/inseq in Node', () => {
    const fixture = join(ROOT, 'test/fixtures/inseq/encoder-decoder-occlusion-v0.7.json.gz');
    const script = `import { readFileSync } from 'node:fs'; import { fromInseqJson } from 'token-heatmap/inseq';
const data = await fromInseqJson(readFileSync(${JSON.stringify(fixture)}));
console.log(JSON.stringify([data.rows.length, data.columns.length, data.label]));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
    const [rows, columns, label] = JSON.parse(out);
    assert.ok(rows > 0 && columns > 0);
    assert.equal(label, 'occlusion');
  });

  test('type-checks a user file against the published types (element, events, React wrapper)', () => {
    writeFileSync(
      join(dir, 'check.tsx'),
      `import { TokenHeatmap, CellSelectEvent, SCHEME_NAMES } from 'token-heatmap';
import { TokenHeatmap as ReactHeatmap } from 'token-heatmap/react';

const el = document.createElement('token-heatmap');
const typed: TokenHeatmap = el;
typed.rows = ['_$', '1'];
typed.values = [[0.5, -0.25]];
typed.selected = { rowIndex: 0, columnIndex: 1 };
el.addEventListener('cell-select', (event: CellSelectEvent) => event.detail?.rowIndex.toFixed());
const names: readonly string[] = SCHEME_NAMES;
// @ts-expect-error rows are strings
typed.rows = [1, 2];
export const view = <ReactHeatmap rows={['a']} values={[[1]]} onCellSelect={(e) => e.detail?.columnIndex} />;
export { names };
`,
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2021',
          module: 'ESNext',
          moduleResolution: 'bundler',
          lib: ['ES2022', 'DOM'],
          jsx: 'react-jsx',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['check.tsx'],
      }),
    );
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  });

  test('bundles with a real bundler and draws in the browser; the CDN bundle and anywidget module load too', async () => {
    writeFileSync(
      join(dir, 'entry.js'),
      `import { TokenHeatmap } from 'token-heatmap';
const el = document.createElement('token-heatmap');
Object.assign(el, { rows: ['a', 'b'], columns: ['x', 'y'], values: [[0.5, -0.5], [null, 1.25]], min: -1, max: 1 });
document.body.append(el);
window.defined = customElements.get('token-heatmap') === TokenHeatmap;`,
    );
    const build = await rollup({ input: join(dir, 'entry.js'), plugins: [nodeResolve({ rootDir: dir, browser: true })], onwarn() {} });
    await build.write({ file: join(dir, 'out/app.js'), format: 'es' });
    const server = await serve({
      routes: {
        '/app.html': { body: `<!doctype html><body><script type="module" src="/scratch/out/app.js"></script></body>` },
        '/cdn.html': {
          body: `<!doctype html><body><script type="module" src="/scratch/node_modules/token-heatmap/dist/token-heatmap.bundle.js"></script>
<token-heatmap rows='["a"]' columns='["x","y"]' values='[[1,-0]]'></token-heatmap></body>`,
        },
      },
    });
    // The scratch project is outside the served repository: requests under /scratch/ are answered from it.
    const browser = await launch('chromium');
    try {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (!url.pathname.startsWith('/scratch/')) return request.continue();
        const file = join(dir, decodeURIComponent(url.pathname.slice('/scratch/'.length)));
        if (!existsSync(file)) return request.respond({ status: 404 });
        request.respond({ status: 200, contentType: 'text/javascript', body: readFileSync(file) });
      });
      await page.goto(`${server.url}/app.html`);
      await page.waitForFunction(() => document.querySelector('token-heatmap')?.shadowRoot?.querySelectorAll('[role="gridcell"]').length === 4);
      assert.equal(await page.evaluate(() => window.defined), true);
      const texts = await page.$eval('token-heatmap', (el) => [...el.shadowRoot.querySelectorAll('[role="gridcell"]')].map((c) => c.textContent.trim()));
      assert.deepEqual(texts, ['0.5000', '-0.5000', '', '1.2500']);

      await page.goto(`${server.url}/cdn.html`);
      await page.waitForFunction(() => document.querySelector('token-heatmap')?.shadowRoot?.querySelectorAll('[role="gridcell"]').length === 2);
      assert.deepEqual(
        await page.$eval('token-heatmap', (el) => [...el.shadowRoot.querySelectorAll('[role="gridcell"]')].map((c) => c.textContent.trim())),
        ['1.0000', '-0.0000'],
      );
      const widget = await page.evaluate(async () => {
        const module = await import('/scratch/node_modules/token-heatmap/dist/anywidget.js');
        return typeof module.default?.render;
      });
      assert.equal(widget, 'function');
    } finally {
      await browser.close();
      await server.close();
    }
  });

  test('runs the CLI from the installed bin: a page for good input, a clear error for bad', () => {
    writeFileSync(join(dir, 'data.json'), readFileSync(join(ROOT, 'demo/seed-heatmap.json')));
    const bin = join(dir, 'node_modules/.bin/token-heatmap');
    const page = spawnSync(bin, ['render', 'data.json'], { cwd: dir, encoding: 'utf8' });
    assert.equal(page.status, 0, page.stderr);
    assert.match(page.stdout, /^<!doctype html>/i);
    assert.match(page.stdout, /<template [^>]*shadowrootmode="open"/);
    // The page also inlines the hydration script, whose templates mention gridcell: count in the fragment.
    const fragment = spawnSync(bin, ['render', '--fragment', 'data.json'], { cwd: dir, encoding: 'utf8' });
    assert.equal(fragment.status, 0, fragment.stderr);
    assert.equal(fragment.stdout.match(/role="gridcell"/g)?.length, 65);
    assert.match(fragment.stdout, />1\.9074</);
    writeFileSync(join(dir, 'bad.json'), '{"rows": ["a"], "values": ');
    const bad = spawnSync(bin, ['render', 'bad.json'], { cwd: dir, encoding: 'utf8' });
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /bad\.json/);
  });

  test('runs the installed Python helper, which finds the installed bundle', { skip: spawnSync('python3', ['--version']).status !== 0 && 'python3 is not installed' }, () => {
    writeFileSync(join(dir, 'data.json'), readFileSync(join(ROOT, 'demo/seed-heatmap.json')));
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
    const run = spawnSync('python3', [join(installed, 'python/token_heatmap'), 'data.json'], { cwd: dir, encoding: 'utf8', env });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stdout.includes(readFileSync(join(installed, 'dist/token-heatmap.full.js'), 'utf8').slice(0, 200)));
    assert.match(run.stdout, /<img src="data:image\/svg\+xml;base64,/);
  });
});
