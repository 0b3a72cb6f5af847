// Notebooks: the Python helper's HTML (python/token_heatmap/) opened from file:// in Chromium, as a
// Jupyter or VS Code output would run it with no network, with scripts and without (the static
// figure); the helper's colours, numbers and tokens against d3 and the element's own modules; and
// dist/anywidget.js loaded from a blob URL, as anywidget loads `_esm`, with a model that has
// anywidget's interface. The real Jupyter Notebook is in jupyter.test.mjs.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as d3 from 'd3-scale-chromatic';
import { build } from 'esbuild';
import { launch, serve, seed, cellTexts, ROOT } from './browser.mjs';
import { close, paintedCells, rgbOf } from './static-figure.mjs';

const HELPER = join(ROOT, 'python/token_heatmap');
const BUNDLE = join(ROOT, 'dist/token-heatmap.full.js');
// No __pycache__ left in the working tree by these runs.
const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
const hasPython = spawnSync('python3', ['--version'], { stdio: 'ignore' }).status === 0;
const skipPython = !hasPython && 'python3 is not installed';
const hasNumpy = hasPython && spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;
// Debian's Python (with python3-numpy), when it is another interpreter than python3 on the PATH.
const debianPython = '/usr/bin/python3';
const hasDebianNumpy =
  spawnSync(debianPython, ['-c', 'import numpy, sys; print(sys.executable)'], { encoding: 'utf8' }).status === 0 &&
  execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim() !== debianPython;

/** Runs Python code with python/ on the path; returns what it prints. */
function python(code, input) {
  const prelude = `import sys; sys.path.insert(0, ${JSON.stringify(join(ROOT, 'python'))})\n`;
  return execFileSync('python3', ['-c', prelude + code], { cwd: ROOT, encoding: 'utf8', env, input, maxBuffer: 1 << 28 });
}

const seedData = JSON.parse(readFileSync(join(ROOT, 'demo/seed-heatmap.json'), 'utf8'));

/** The colour the element gives a seed value: the domain is -1.5 … 1.5 about 0, RdYlGn. */
const seedColour = (v) => d3.interpolateRdYlGn(Math.min(1, Math.max(0, 0.5 + v / 3)));

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
    assert.deepEqual(requests.filter((u) => !u.startsWith('data:')), [url]); // the static image is a data: URI
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
    assert.deepEqual(requests.filter((u) => !u.startsWith('data:')), [url]); // the static image is a data: URI
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

  test('with JavaScript blocked, readers see the static figure in the right colours', async () => {
    const html = execFileSync('python3', [HELPER, 'demo/seed-heatmap.json'], { cwd: ROOT, encoding: 'utf8', env });
    const { page, requests } = await open(writePage('blocked.html', html), { javaScript: false });
    const cells = await paintedCells(page, 'img[id$="-static"]');
    assert.equal(cells.length, 65);
    data.values.flat().forEach((v, i) => {
      assert.equal(cells[i].fill, seedColour(v), `cell ${i} asks for d3's colour`);
      assert.ok(close(cells[i].painted, rgbOf(seedColour(v))), `cell ${i}: painted ${cells[i].painted}, expected ${seedColour(v)}`);
    });
    assert.equal(await page.$eval('token-heatmap', (el) => getComputedStyle(el).display), 'none');
    assert.match(await page.$eval('img', (img) => img.alt), /^Heatmap: Token Attribution\. 13 tokens × 5 outputs; largest 1\.9074/);
    assert.deepEqual(requests.filter((u) => !u.startsWith('data:')).length, 1); // the page only
    await page.close();
  });

  test('the same object shown twice: two working figures, and no frame ever shows an image and its element', async () => {
    const html = python(`
import json, token_heatmap
data = json.load(open('demo/seed-heatmap.json'))
figure = token_heatmap.heatmap(**data)
print(figure + figure)`);
    const page = await browser.newPage();
    // Before any script of the page: every frame, is an element shown while its image is still there?
    await page.evaluateOnNewDocument(() => {
      window.__frames = 0;
      window.__both = 0;
      const check = () => {
        window.__frames++;
        for (const el of document.querySelectorAll('token-heatmap')) {
          const img = document.getElementById(`${el.id}-static`);
          if (img && getComputedStyle(el).display !== 'none') window.__both++;
        }
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    await page.goto(writePage('twice.html', `<!doctype html><meta charset="utf-8"><title>twice</title>${html}`));
    await cellsOf(page, 65);
    const ids = await page.$$eval('token-heatmap', (els) => els.map((el) => el.id));
    assert.equal(new Set(ids).size, 2);
    for (const id of ids) assert.equal((await cellTexts(page, `#${id}`))[7 * 5 + 2], '1.9074');
    assert.equal(await page.$$eval('img', (imgs) => imgs.length), 0);
    await page.waitForFunction(() => window.__frames > 3);
    assert.equal(await page.evaluate(() => window.__both), 0);
    await page.close();

    // The very same HTML twice (a second view of one output): both copies swap.
    const same = python(`
import json, token_heatmap
html = token_heatmap.heatmap(**json.load(open('demo/seed-heatmap.json'))).html()
print(html + html)`);
    const copies = await browser.newPage();
    await copies.goto(writePage('copies.html', `<!doctype html><meta charset="utf-8"><title>copies</title>${same}`));
    await cellsOf(copies, 65);
    assert.deepEqual(await copies.$$eval('token-heatmap', (els) => els.map((el) => getComputedStyle(el).display !== 'none')), [true, true]);
    assert.equal(await copies.$$eval('img', (imgs) => imgs.length), 0);
    await copies.close();
  });
});

for (const name of ['chromium', 'firefox']) {
  describe(`the static figure, as a sanitiser leaves the output (scripts removed), in ${name}`, { skip: skipPython }, () => {
    let browser;
    before(async () => {
      browser = await launch(name);
    });
    after(() => browser?.close());

    test("is drawn with d3's colours at every cell", async () => {
      const html = execFileSync('python3', [HELPER, 'demo/seed-heatmap.json'], { cwd: ROOT, encoding: 'utf8', env });
      const sanitised = html.replace(/<script\b[\s\S]*?<\/script>/gi, '');
      assert.ok(!/<script/i.test(sanitised));
      const page = await browser.newPage();
      await page.setViewport({ width: 800, height: 700 });
      await page.goto(writePage(`sanitised-${name}.html`, sanitised));
      const cells = await paintedCells(page, 'img[id$="-static"]');
      assert.equal(cells.length, 65);
      seedData.values.flat().forEach((v, i) => {
        assert.ok(close(cells[i].painted, rgbOf(seedColour(v))), `cell ${i}: painted ${cells[i].painted}, expected ${seedColour(v)}`);
      });
      await page.close();
    });
  });
}

describe('Python helper against the JavaScript it stands in for', { skip: skipPython }, () => {
  test('the colour data module is current for the installed d3-scale-chromatic', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/python-schemes.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });

  test("every scheme gives d3's exact colour strings at 1,600 points", () => {
    let state = 20251201;
    const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const T = [...Array.from({ length: 1001 }, (_, i) => i / 1000), ...Array.from({ length: 600 }, random), 1e-12, 1 - 1e-12, -0.25, 1.25];
    const names = JSON.parse(python('from token_heatmap.colors import SCHEME_NAMES; import json; print(json.dumps(SCHEME_NAMES))'));
    assert.equal(names.length, 38);
    const colours = JSON.parse(
      python(
        `import json
from token_heatmap.colors import SCHEME_NAMES, scheme_interpolator
T = json.loads(sys.stdin.read())
print(json.dumps({n: [scheme_interpolator(n)(t) for t in T] for n in SCHEME_NAMES}))`,
        JSON.stringify(T),
      ),
    );
    for (const name of names) {
      const interpolate = d3[`interpolate${name}`];
      const wrong = T.filter((t, i) => interpolate(t) !== colours[name][i]);
      assert.deepEqual(wrong, [], `${name}: ${wrong.slice(0, 3).map((t) => `${t} → ${interpolate(t)}, Python ${colours[name][T.indexOf(t)]}`)}`);
    }
  });

  test("numbers, ticks, domains and tokens are printed as the element's modules print them", async () => {
    const { outputFiles } = await build({
      stdin: {
        contents: `export * from './src/format.ts'; export * from './src/scale.ts'; export * from './src/tokens.ts';
          export { bestTextColor, parseColor } from './src/color.ts'; export { gradientStops, tickCount } from './src/colorbar.ts';
          export { interpolateRdYlGn } from 'd3-scale-chromatic';`,
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'node',
      write: false,
      logLevel: 'silent',
    });
    const js = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
    let state = 7;
    const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const numbers = [0, -0, 0.5, 1.005, 3.125, 2.5, -2.5, 1e21, 1e-7, 123456789.125, 5e-324, 1.7976931348623157e308];
    for (let i = 0; i < 3000; i++) {
      const magnitude = 10 ** Math.floor(random() * 60 - 30);
      numbers.push((random() - 0.5) * magnitude, Math.round(random() * 4096) / 64 - 32);
    }
    const digits = numbers.map((_, i) => i % 21);
    const domains = [];
    for (let i = 0; i < 400; i++) {
      const center = random() < 0.5 ? 0 : (random() - 0.5) * 10 ** Math.floor(random() * 8 - 3);
      const low = center - random() * 10 ** Math.floor(random() * 12 - 5);
      const high = random() < 0.3 ? center + (center - low) : center + random() * 10 ** Math.floor(random() * 12 - 5);
      if (high > low) domains.push({ min: low, max: high, center, count: 2 + (i % 5) });
    }
    const tokens = ['', ' ', '  a b ', 'Ġthe', '▁the', '\n', 'Ċ', '\t<tab>\r', '\u0000\u0007\u007f', '\u200b\ufeff', 'é😀', '"quoted"\\'];
    const requests = [{ min: 1, max: 0 }, { min: 2 }, { max: -1, center: 1 }, { center: 3 }, { min: -1, max: 1 }, {}];
    // As text where JSON would lose it: -0 (JSON writes 0).
    const input = JSON.stringify({ numbers: numbers.map((x) => (Object.is(x, -0) ? '-0' : x)), digits, domains, tokens, requests });
    const py = JSON.parse(
      python(
        `import json
from token_heatmap.text import format_tick, format_value, js_string, spoken_token, to_fixed, token_parts
from token_heatmap.scale import Domain, colorbar_ticks, gradient_stops, resolve_domain, scale_position, tick_count
from token_heatmap.colors import best_text_color, parse_color, scheme_interpolator
d = json.loads(sys.stdin.read())
n, k = [float(x) for x in d["numbers"]], d["digits"]  # JSON writes 1e20 as an integer
out = {
  "fixed": [to_fixed(x, i) for x, i in zip(n, k)],
  "string": [js_string(x) for x in n],
  "value": [format_value(x, i) for x, i in zip(n, k)],
  "tick": [format_tick(x, i) for x, i in zip(n, k)],
  "ticks": [colorbar_ticks(Domain(float(m["min"]), float(m["max"]), float(m["center"])), m["count"]) for m in d["domains"]],
  "position": [[scale_position(m["min"] + (m["max"] - m["min"]) * f, Domain(float(m["min"]), float(m["max"]), float(m["center"]))) for f in (-0.5, 0, 0.3, 0.5, 0.9, 1, 2)] for m in d["domains"]],
  "stops": [f"{c} {to_fixed(p, 2)}%" for c, p in gradient_stops(Domain(-1.5, 1.5, 0.0), scheme_interpolator("RdYlGn"))],
  "counts": [tick_count(h) for h in range(0, 500, 7)],
  "parts": [[[t, g] for t, g in token_parts(x)] for x in d["tokens"]],
  "spoken": [spoken_token(x) for x in d["tokens"]],
  "domain": [[list(resolve_domain(*(None if r.get(k) is None else float(r[k]) for k in ("min", "max", "center")), 2.5)[0]), resolve_domain(*(None if r.get(k) is None else float(r[k]) for k in ("min", "max", "center")), 2.5)[1]] for r in d["requests"]],
  "ink": [best_text_color(parse_color(scheme_interpolator("RdYlGn")(i / 100))) for i in range(101)],
}
print(json.dumps(out))`,
        input,
      ),
    );
    const same = (name, expected) => {
      const wrong = expected.map((e, i) => [i, e, py[name][i]]).filter(([, e, p]) => JSON.stringify(e) !== JSON.stringify(p));
      assert.deepEqual(wrong.slice(0, 5), [], `${name}: ${wrong.length} differ`);
    };
    same('fixed', numbers.map((x, i) => x.toFixed(digits[i])));
    same('string', numbers.map((x) => String(x)));
    same('value', numbers.map((x, i) => js.formatValue(x, digits[i])));
    same('tick', numbers.map((x, i) => js.formatTick(x, digits[i])));
    same('ticks', domains.map((m) => js.colorbarTicks(m, m.count)));
    same('position', domains.map((m) => [-0.5, 0, 0.3, 0.5, 0.9, 1, 2].map((f) => js.scalePosition(m.min + (m.max - m.min) * f, m))));
    same('stops', js.gradientStops({ min: -1.5, max: 1.5, center: 0 }, js.interpolateRdYlGn));
    same('counts', Array.from({ length: 72 }, (_, i) => js.tickCount(i * 7)));
    same('parts', tokens.map((t) => js.tokenParts(t).map((p) => [p.text, p.glyph])));
    same('spoken', tokens.map((t) => js.spokenToken(t)));
    same('domain', requests.map((r) => { const { domain, problems } = js.resolveDomain(r, 2.5); return [[domain.min, domain.max, domain.center], problems]; }));
    same('ink', Array.from({ length: 101 }, (_, i) => (js.bestTextColor(js.parseColor(js.interpolateRdYlGn(i / 100))) === '#000' ? '#000000' : '#ffffff')));
  });
});

describe('Python helper without a browser', { skip: skipPython }, () => {
  test('unit tests (python3 -m unittest discover -s python)', () => {
    const run = spawnSync('python3', ['-m', 'unittest', 'discover', '-s', 'python'], { cwd: ROOT, encoding: 'utf8', env });
    assert.equal(run.status, 0, run.stderr);
  });

  test('unit tests with Debian\'s Python and NumPy (float16 and float32 arrays)', { skip: !hasDebianNumpy && `${debianPython} with NumPy is not installed (apt-get install python3-numpy), or it is python3` }, () => {
    const run = spawnSync(debianPython, ['-m', 'unittest', 'discover', '-s', 'python'], { cwd: ROOT, encoding: 'utf8', env });
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /skipped 'NumPy is not installed'/);
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
