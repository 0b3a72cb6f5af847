// Notebooks: the Python helper's HTML (python/token_heatmap.py) opened from file:// in Chromium,
// as a Jupyter or VS Code output would run it with no network; and dist/anywidget.js loaded from
// a blob URL, as anywidget loads `_esm`, with a model that has anywidget's interface.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, serve, seed, cellTexts, ROOT } from './browser.mjs';

const HELPER = join(ROOT, 'python/token_heatmap.py');
const BUNDLE = join(ROOT, 'dist/token-heatmap.bundle.js');
// No __pycache__ left in the working tree by these runs.
const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
const hasPython = spawnSync('python3', ['--version'], { stdio: 'ignore' }).status === 0;
const skipPython = !hasPython && 'python3 is not installed';
const hasNumpy = hasPython && spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;

/** Runs Python code with python/ on the path; returns what it prints. */
function python(code) {
  const prelude = `import sys; sys.path.insert(0, ${JSON.stringify(join(ROOT, 'python'))})\n`;
  return execFileSync('python3', ['-c', prelude + code], { cwd: ROOT, encoding: 'utf8', env });
}

/** The text the element prints for a value with four decimals: a negative value keeps its sign. */
const printed = (v) => (v === null ? '' : `${v < 0 || Object.is(v, -0) ? '-' : ''}${Math.abs(v).toFixed(4)}`);

const dir = mkdtempSync(join(tmpdir(), 'token-heatmap-notebook-'));
after(() => rmSync(dir, { recursive: true, force: true }));
function writePage(name, html) {
  const file = join(dir, name);
  writeFileSync(file, html);
  return pathToFileURL(file).href;
}

const cellsOf = (page, count, selector = 'token-heatmap') =>
  page.waitForFunction(
    (s, n) => {
      const elements = [...document.querySelectorAll(s)];
      return elements.length > 0 && elements.every((el) => el.shadowRoot?.querySelectorAll('[role="gridcell"]').length === n);
    },
    { timeout: 10000 },
    selector,
    count,
  );

describe('Python helper output opened from file:// in Chromium', { skip: skipPython }, () => {
  let browser;
  let data;
  before(async () => {
    browser = await launch('chromium');
    data = await seed();
  });
  after(() => browser?.close());

  /** Opens a page and records every request the browser makes for it. */
  async function open(url, { javaScript = true } = {}) {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(javaScript);
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(url);
    return { page, requests };
  }

  test('the CLI draws the reference figure with no request but the file itself', async () => {
    const html = execFileSync('python3', [HELPER, 'demo/seed-heatmap.json'], { cwd: ROOT, encoding: 'utf8', env });
    const url = writePage('cli.html', html);
    const { page, requests } = await open(url);
    await cellsOf(page, 65);
    const texts = await cellTexts(page);
    assert.deepEqual(texts, data.values.flat().map(printed));
    assert.equal(texts[7 * 5 + 2], '1.9074');
    assert.equal(texts[0], '-0.0756');
    assert.equal(texts[2 * 5 + 4], '-0.0000');
    assert.equal(await page.title(), data.caption);
    // The no-JavaScript note is light DOM the element never slots, so readers do not see it.
    assert.equal(await page.$eval('token-heatmap p', (p) => p.getClientRects().length), 0);
    assert.deepEqual(requests, [url]);
    await page.close();
  });

  test('two outputs in one page both render, each with its own id', async () => {
    const html = python(`
import json, token_heatmap
data = json.load(open('demo/seed-heatmap.json'))
first = token_heatmap.heatmap(**data)
second = token_heatmap.heatmap([[0.5, -0.25, None]], rows=['x'], columns=['a', 'b', 'c'], transpose=True, decimals=2)
print((first + second))`);
    const url = writePage('two.html', `<!doctype html><meta charset="utf-8"><title>two</title>${html}`);
    const { page, requests } = await open(url);
    await page.waitForFunction(() => [...document.querySelectorAll('token-heatmap')].every((el) => el.shadowRoot?.querySelector('[role="gridcell"]')));
    const ids = await page.$$eval('token-heatmap', (els) => els.map((el) => el.id));
    assert.equal(ids.length, 2);
    assert.notEqual(ids[0], ids[1]);
    assert.equal((await cellTexts(page, `#${ids[0]}`))[7 * 5 + 2], '1.9074');
    // Transposed: one column of three cells; the missing one prints nothing.
    assert.deepEqual(await cellTexts(page, `#${ids[1]}`), ['0.50', '-0.25', '']);
    assert.deepEqual(requests, [url]);
    await page.close();
  });

  test(`reads ${hasNumpy ? 'a float32 NumPy array' : 'an object with .tolist() (NumPy is not installed)'}`, async () => {
    const html = python(`
import json, math, token_heatmap
data = json.load(open('demo/seed-heatmap.json'))
data['values'][0][1] = math.nan
${
  hasNumpy
    ? `import numpy as np
data['values'] = np.array(data['values'], dtype=np.float32)
data['rows'] = np.array(data['rows'])`
    : `class Array:
    def __init__(self, data): self.data = data
    def tolist(self): return self.data
data['values'] = Array(data['values'])`
}
print(token_heatmap.heatmap(**data).document())`);
    const url = writePage('array.html', html);
    const { page } = await open(url);
    await cellsOf(page, 65);
    const expected = data.values.flat().map(printed);
    expected[1] = '';
    assert.deepEqual(await cellTexts(page), expected);
    await page.close();
  });

  test('a bundle containing </script> and <!-- still runs whole', async () => {
    const bundle = join(dir, 'tricky.bundle.js');
    writeFileSync(bundle, `${readFileSync(BUNDLE, 'utf8')}\ndocument.documentElement.dataset.marker = "</script><!--<script>";\n`);
    const html = python(`import token_heatmap; print(token_heatmap.heatmap([[1, -2]], rows=['</script>'], bundle_path=${JSON.stringify(bundle)}).document())`);
    const { page } = await open(writePage('tricky.html', html));
    await cellsOf(page, 2);
    assert.equal(await page.$eval('html', (el) => el.dataset.marker), '</script><!--<script>');
    assert.equal(await page.$eval('token-heatmap', (el) => el.shadowRoot.querySelector('[role="rowheader"]').textContent.trim()), '</script>');
    await page.close();
  });

  test('with JavaScript blocked, readers see how to enable it', async () => {
    const html = execFileSync('python3', [HELPER, 'demo/seed-heatmap.json'], { cwd: ROOT, encoding: 'utf8', env });
    const { page } = await open(writePage('blocked.html', html), { javaScript: false });
    assert.match(await page.$eval('body', (b) => b.innerText), /needs JavaScript\. In Jupyter, trust the notebook/);
    await page.close();
  });
});

describe('Python helper without a browser', { skip: skipPython }, () => {
  test('unit tests (python3 -m unittest discover -s python)', () => {
    const run = spawnSync('python3', ['-m', 'unittest', 'discover', '-s', 'python'], { cwd: ROOT, encoding: 'utf8', env });
    assert.equal(run.status, 0, run.stderr);
  });

  test('the CLI names where it looked when the bundle is missing', () => {
    const run = spawnSync('python3', [HELPER, join(ROOT, 'demo/seed-heatmap.json')], {
      cwd: tmpdir(),
      encoding: 'utf8',
      env: { ...env, TOKEN_HEATMAP_BUNDLE: join(dir, 'missing.js') },
    });
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /\$TOKEN_HEATMAP_BUNDLE is '.*missing\.js', which is not a file/);
  });
});

for (const name of ['chromium', 'firefox']) {
  describe(`dist/anywidget.js in ${name}`, () => {
    let browser;
    let server;
    before(async () => {
      browser = await launch(name);
      server = await serve({ routes: { '/blank.html': { body: '<!doctype html><meta charset="utf-8"><title>anywidget</title>' } } });
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test('loads alone from a blob URL and renders, updates and cleans up through the model', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/blank.html`);
      const code = readFileSync(join(ROOT, 'dist/anywidget.js'), 'utf8');
      const result = await page.evaluate(
        async (code, json) => {
          // As JSON text: Chromium's protocol would turn the -0 entries into 0 on the way in.
          const data = JSON.parse(json);
          // As anywidget does: a bare import (`lit`) would fail to resolve from a blob URL.
          const module = await import(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
          const state = { ...data, center: null, scheme: null, decimals: null, theme: null, selected: null };
          const callbacks = new Map();
          let saves = 0;
          const model = {
            get: (name) => state[name],
            set(name, value) {
              state[name] = value;
              for (const cb of callbacks.get(`change:${name}`) ?? []) cb(model, value);
            },
            on: (name, cb) => callbacks.set(name, [...(callbacks.get(name) ?? []), cb]),
            off: (name, cb) => callbacks.set(name, (callbacks.get(name) ?? []).filter((c) => c !== cb)),
            save_changes: () => saves++,
          };
          const el = document.createElement('div');
          document.body.append(el);
          const cleanup = await module.default.render({ model, el });
          const heatmap = el.querySelector('token-heatmap');
          const texts = () => [...heatmap.shadowRoot.querySelectorAll('[role="gridcell"]')].map((c) => c.textContent.trim());
          await heatmap.updateComplete;
          const first = texts();
          model.set('decimals', 1);
          await heatmap.updateComplete;
          const updated = texts()[7 * 5 + 2];
          heatmap.shadowRoot.querySelectorAll('[role="gridcell"]')[7 * 5 + 2].click();
          const selected = state.selected_cell;
          cleanup();
          const listeners = [...callbacks.values()].flat().length;
          return { exports: Object.keys(module), first, updated, selected, saves, listeners, left: el.children.length };
        },
        code,
        readFileSync(join(ROOT, 'demo/seed-heatmap.json'), 'utf8'),
      );
      assert.deepEqual(result.exports, ['default']);
      assert.equal(result.first.length, 65);
      assert.equal(result.first[2 * 5 + 4], '-0.0000');
      assert.equal(result.updated, '1.9');
      assert.deepEqual(result.selected, { rowIndex: 7, columnIndex: 2, row: '/', column: '4900 / 100 = 49', value: 1.9074 });
      assert.equal(result.saves, 1);
      assert.equal(result.listeners, 0);
      assert.equal(result.left, 0);
      await page.close();
    });
  });
}
