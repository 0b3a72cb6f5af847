// Server rendering: `token-heatmap render data.json > page.html` and the renderHeatmap()/renderPage()
// API of dist/ssr.js. The page must show the reference figure with JavaScript off (declarative
// shadow DOM) and, with JavaScript on, adopt the server's DOM (hydrate) and respond to the mouse.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { interpolateRdYlGn } from 'd3-scale-chromatic';
import { launch, serve, seed, ROOT } from './browser.mjs';

const CLI = join(ROOT, 'bin/token-heatmap.mjs');
const SEED = join(ROOT, 'demo/seed-heatmap.json');
const run = (args, { input, cli = CLI, cwd = ROOT } = {}) =>
  spawnSync(process.execPath, [cli, ...args], { input, cwd, encoding: 'utf8' });

/** The reference figure's cells as d3 colours them: RdYlGn over [min, max], centre 0 (symmetric). */
async function expectedCells() {
  const { values, min, max } = await seed();
  return values.flat().map((v) => ({
    text: `${v < 0 || Object.is(v, -0) ? '-' : ''}${Math.abs(v).toFixed(4)}`,
    background: interpolateRdYlGn(Math.min(1, Math.max(0, (v - min) / (max - min)))),
  }));
}

/** What a reader sees of each value cell: its text, background colour and size. */
const readCells = (page) =>
  page.$eval('token-heatmap', (el) =>
    [...el.shadowRoot.querySelectorAll('[role="gridcell"]')].map((cell) => {
      const box = cell.getBoundingClientRect();
      return { text: cell.textContent.trim(), background: getComputedStyle(cell).backgroundColor, width: box.width, height: box.height };
    }),
  );

/** Console errors and uncaught exceptions of a page. */
function collectErrors(page) {
  const errors = [];
  // The browser's own request for /favicon.ico is not the page's doing.
  page.on('console', (m) => m.type() === 'error' && !m.location()?.url?.endsWith('/favicon.ico') && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** Keeps the server's value cells as parsed, before any module script runs, to compare after hydration. */
const keepServerCells = () => {
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive') return;
    const el = document.querySelector('token-heatmap');
    window.serverCells = [...(el?.shadowRoot?.querySelectorAll('[role="gridcell"]') ?? [])];
    window.definedAtParse = customElements.get('token-heatmap') !== undefined;
  });
};

describe('CLI output in a browser', () => {
  let pageHtml;
  let browser;
  let server;
  let expected;
  before(async () => {
    const result = run(['render', SEED]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    pageHtml = result.stdout;
    // At readable size whatever the window (under the default zoom, a short one opens the figure fitted).
    const readable = run(['render', '-'], { input: JSON.stringify({ ...JSON.parse(readFileSync(SEED, 'utf8')), zoom: 1 }) });
    assert.equal(readable.status, 0, readable.stderr);
    expected = await expectedCells();
    browser = await launch('chromium');
    server = await serve({ routes: { '/ssr.html': { body: pageHtml }, '/ssr-readable.html': { body: readable.stdout } } });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('is one self-contained page: the script is inline, nothing else is loaded', () => {
    assert.match(pageHtml, /^<!doctype html>/);
    assert.match(pageHtml, /<title>Heatmap: Token Attribution<\/title>/);
    assert.match(pageHtml, /<script type="module">/);
    assert.doesNotMatch(pageHtml, /<script[^>]*\ssrc=|<link\b/);
  });

  test('shows the 65 coloured cells with JavaScript disabled (Chromium: setJavaScriptEnabled)', async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    await page.setJavaScriptEnabled(false);
    await page.goto(`${server.url}/ssr.html`);
    // The inline script did not run: what shows is the declarative shadow DOM alone.
    assert.equal(await page.evaluate(() => customElements.get('token-heatmap') === undefined && !document.querySelector('token-heatmap:defined')), true);
    const cells = await readCells(page);
    assert.equal(cells.length, 65);
    assert.deepEqual(
      cells.map(({ text, background }) => ({ text, background })),
      expected,
    );
    assert.equal(cells[7 * 5 + 2].text, '1.9074');
    assert.equal(cells[2 * 5 + 4].text, '-0.0000');
    assert.equal(cells[5 * 5 + 1].text, '-0.0000');
    for (const cell of cells) {
      assert.notEqual(cell.background, 'rgba(0, 0, 0, 0)');
      // Laid out as a grid of 72 × 28 px cells: the styles came with the shadow root.
      assert.equal(Math.round(cell.width), 72);
      assert.equal(Math.round(cell.height), 28);
    }
    const shown = await page.$eval('token-heatmap', (el) => ({
      caption: el.shadowRoot.querySelector('[part="caption"]').textContent.trim(),
      colorbar: el.shadowRoot.querySelector('[part="colorbar"]').checkVisibility(),
      tooltip: el.shadowRoot.querySelector('[part="tooltip"]').checkVisibility(),
    }));
    assert.deepEqual(shown, { caption: 'Heatmap: Token Attribution', colorbar: true, tooltip: false });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('with JavaScript the script adopts the server DOM: hover shows the tooltip and fires cell-hover, no console error', async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    await page.evaluateOnNewDocument(keepServerCells);
    await page.goto(`${server.url}/ssr.html`);
    await page.waitForFunction(() => document.querySelector('token-heatmap')?.hasUpdated === true, { timeout: 10000 });
    const hydration = await page.$eval('token-heatmap', async (el) => {
      await el.updateComplete;
      const cells = [...el.shadowRoot.querySelectorAll('[role="gridcell"]')];
      return { definedAtParse: window.definedAtParse, server: window.serverCells.length, count: cells.length, same: cells.every((c, i) => c === window.serverCells[i]) };
    });
    // 65 and the very same nodes: hydrated, not drawn a second time beside the server's copy.
    assert.deepEqual(hydration, { definedAtParse: false, server: 65, count: 65, same: true });
    assert.deepEqual(
      (await readCells(page)).map(({ text, background }) => ({ text, background })),
      expected,
    );

    await page.evaluate(() => {
      window.hovers = [];
      document.querySelector('token-heatmap').addEventListener('cell-hover', (e) => window.hovers.push(e.detail));
    });
    const cell = await page.evaluateHandle(() => document.querySelector('token-heatmap').shadowRoot.querySelectorAll('[role="gridcell"]')[7 * 5 + 2]);
    await cell.hover();
    await page.waitForFunction(() => document.querySelector('token-heatmap').shadowRoot.querySelector('[part="tooltip"]').checkVisibility());
    const tooltip = await page.$eval('token-heatmap', (el) =>
      Object.fromEntries([...el.shadowRoot.querySelectorAll('[part="tooltip"] dt')].map((dt) => [dt.textContent, dt.nextElementSibling.textContent.trim()])),
    );
    assert.equal(tooltip.Value, '1.9074');
    assert.match(tooltip.Output, /^4900 \/ 100 = 49/);
    assert.deepEqual(await page.evaluate(() => window.hovers), [{ rowIndex: 7, columnIndex: 2, row: '/', column: '4900 / 100 = 49', value: 1.9074 }]);
    assert.deepEqual(errors, []);
    await page.close();
  });

  // A short window makes the client's colour bar shorter than the server can know (300 px: 80vh = 240 px).
  for (const height of [800, 300]) test(`a hydrated element draws exactly what a fresh client render of the same attributes draws (window ${height} px high)`, async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1000, height });
    const errors = collectErrors(page);
    await page.goto(`${server.url}/ssr-readable.html`);
    await page.waitForFunction(() => document.querySelector('token-heatmap')?.hasUpdated === true, { timeout: 10000 });
    const [hydrated, fresh] = await page.evaluate(async () => {
      const server = document.querySelector('token-heatmap');
      await server.updateComplete;
      const client = document.createElement('token-heatmap');
      for (const { name, value } of server.attributes) client.setAttribute(name, value);
      document.body.append(client);
      // Both settle: after layout each may redraw once (the colour bar's ticks follow its measured height).
      const settled = async () => {
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        await Promise.all([server.updateComplete, client.updateComplete]);
      };
      await settled();
      await settled();
      // Elements with their attributes in name order (the client sets bound attributes last),
      // and text; Lit's marker comments and the server's <style> (the client adopts its sheet) are not content.
      const content = (node) =>
        [...node.childNodes]
          .map((n) => {
            if (n.nodeType === Node.TEXT_NODE) return n.data;
            if (n.nodeType !== Node.ELEMENT_NODE || n.localName === 'style') return '';
            // A style's declarations in name order too: which controller set its property first draws nothing different.
            const value = (a) => (a.name === 'style' ? a.value.split(/;\s*/).filter(Boolean).sort().join('; ') : a.value);
            const attributes = [...n.attributes].map((a) => ` ${a.name}=${JSON.stringify(value(a))}`).sort().join('');
            return `<${n.localName}${attributes}>${content(n)}</${n.localName}>`;
          })
          .join('');
      return [content(server.shadowRoot), content(client.shadowRoot)];
    });
    assert.ok(fresh.length > 10000);
    assert.equal(hydrated, fresh);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('renderHeatmap() fragments in your own page, with the hydrate script by URL', () => {
  for (const name of ['chromium', 'firefox']) {
    test(`two heatmaps hydrate and answer the mouse in ${name}`, async () => {
      const { renderHeatmap } = await import(join(ROOT, 'dist/ssr.js'));
      const data = await seed();
      const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>docs</title>
<script type="module" src="/dist/token-heatmap.hydrate.js"></script></head><body>
<h1>Attribution</h1>${await renderHeatmap(data)}<p>Transposed:</p>${await renderHeatmap({ ...data, transpose: true, theme: 'dark' })}
</body></html>`;
      const browser = await launch(name);
      const server = await serve({ routes: { '/docs.html': { body } } });
      try {
        const page = await browser.newPage();
        const errors = collectErrors(page);
        await page.goto(`${server.url}/docs.html`);
        await page.waitForFunction(() => [...document.querySelectorAll('token-heatmap')].every((el) => el.hasUpdated));
        const counts = await page.$$eval('token-heatmap', (els) => els.map((el) => el.shadowRoot.querySelectorAll('[role="gridcell"]').length));
        assert.deepEqual(counts, [65, 65]);
        const second = await page.evaluateHandle(() => document.querySelectorAll('token-heatmap')[1]);
        await page.evaluate((el) => {
          window.hovers = [];
          el.addEventListener('cell-hover', (e) => window.hovers.push(e.detail));
        }, second);
        // Transposed: display row 2, column 7 is values[7][2].
        const cell = await page.evaluateHandle((el) => el.shadowRoot.querySelectorAll('[role="gridcell"]')[2 * 13 + 7], second);
        await cell.hover();
        await page.waitForFunction((el) => el.shadowRoot.querySelector('[part="tooltip"]').checkVisibility(), {}, second);
        assert.deepEqual(await page.evaluate(() => window.hovers.map((d) => [d.rowIndex, d.columnIndex, d.value])), [[7, 2, 1.9074]]);
        assert.deepEqual(errors, []);
      } finally {
        await browser.close();
        await server.close();
      }
    });
  }
});

describe('a large server-rendered heatmap (drawn in a window of cells) hydrates', () => {
  test('120 × 120 values in Chromium: hydrates without error and scrolls to the last cell', async () => {
    const { renderHeatmap } = await import(join(ROOT, 'dist/ssr.js'));
    const n = 120;
    const values = Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => (r - c) / n));
    const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>large</title>
<script type="module" src="/dist/token-heatmap.hydrate.js"></script></head><body>${await renderHeatmap({ values })}</body></html>`;
    const browser = await launch('chromium');
    const server = await serve({ routes: { '/large.html': { body } } });
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 1000, height: 600 });
      const errors = collectErrors(page);
      await page.goto(`${server.url}/large.html`);
      await page.waitForFunction(() => document.querySelector('token-heatmap')?.hasUpdated === true, { timeout: 10000 });
      const last = `[aria-rowindex="${n + 1}"] > [aria-colindex="${n + 1}"]`;
      await page.$eval('token-heatmap', (el) => {
        const scroller = el.shadowRoot.querySelector('[part="scroller"]');
        scroller.scrollTo(scroller.scrollWidth, scroller.scrollHeight);
      });
      await page.waitForFunction((selector) => document.querySelector('token-heatmap').shadowRoot.querySelector(selector), {}, last);
      assert.equal(await page.$eval('token-heatmap', (el, selector) => el.shadowRoot.querySelector(selector).textContent.trim(), last), '0.0000');
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe('token-heatmap CLI', () => {
  const seedText = readFileSync(SEED, 'utf8');
  let fromFile;
  before(() => {
    fromFile = run(['render', SEED]).stdout;
  });

  test('reads stdin for "-"', () => {
    const result = run(['render', '-'], { input: seedText });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, fromFile);
  });

  test('--fragment writes only the element; --no-script a page without script; --title sets the title', () => {
    const fragment = run(['render', SEED, '--fragment']).stdout;
    assert.match(fragment, /^<token-heatmap [^>]*><template shadowrootmode="open"|^<token-heatmap [^>]*><template shadowroot="open" shadowrootmode="open"/);
    assert.match(fragment, /<\/token-heatmap>\n$/);
    // One line: Markdown ends a raw-HTML block at a blank line and would turn the rest into text.
    assert.equal(fragment.trimEnd().includes('\n'), false);
    const page = run(['render', SEED, '--no-script', '--title', 'A & B']).stdout;
    assert.doesNotMatch(page, /<script/);
    assert.match(page, /<title>A &amp; B<\/title>/);
  });

  test('null options count as not set (Python writes None as null); NaN as Python writes it is a missing cell', () => {
    const result = run(['render', '-', '--fragment'], { input: '{"values": [[1, NaN]], "min": null, "label": null, "selected": null}' });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^<token-heatmap values="\[\[1,null\]\]"/);
    assert.match(result.stdout, /part="cell cell-missing"/);
  });

  test('--help prints the usage and exits 0', () => {
    const result = run(['--help']);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^Usage: token-heatmap render <data\.json \| -> \[options\]/);
  });

  const bad = [
    ['a missing file', ['render', 'nope.json'], null, /^token-heatmap: cannot read nope\.json: no such file$/],
    ['a directory', ['render', 'demo'], null, /^token-heatmap: cannot read demo: is a directory$/],
    ['invalid JSON', ['render', '-'], '{"values": [[1, 2]', /^token-heatmap: stdin: not valid JSON \(.+\)$/],
    ['no values', ['render', '-'], '{"rows": ["a"], "columns": ["b"]}', /^token-heatmap: stdin: no "values": expected a 2-D array values\[row\]\[column\]$/],
    ['1-D values', ['render', '-'], '{"values": [1, 2, 3]}', /^token-heatmap: stdin: values: expected a 2-D array values\[row\]\[column\], got \[1,2,3\]$/],
    ['not an object', ['render', '-'], '[[1, 2]]', /^token-heatmap: stdin: expected a JSON object with "rows", "columns" and "values", got \[\[1,2\]\]$/],
    ['text for a number', ['render', '-'], '{"values": [[1]], "min": "low"}', /^token-heatmap: stdin: min: expected a number, got "low"$/],
    ['text for a boolean', ['render', '-'], '{"values": [[1]], "transpose": "yes"}', /^token-heatmap: stdin: transpose: expected true or false, got "yes"$/],
    ['an unknown scheme', ['render', '-'], '{"values": [[1]], "scheme": "Jet"}', /^token-heatmap: stdin: scheme: expected a d3-scale-chromatic scheme name/],
    ['an unknown key', ['render', '-'], '{"values": [[1]], "colour": "red"}', /^token-heatmap: stdin: unknown key "colour"; expected rows, columns, values, min/],
    ['a ragged row', ['render', '-'], '{"values": [[1, 2], [3]]}', /^token-heatmap: stdin: values: row 1 is shorter than 2$/],
    ['a value that is not a number', ['render', '-'], '{"values": [[1, "x"]]}', /^token-heatmap: stdin: values: values\[0\]\[1\] is the text "x", not a number$/],
    ['too few labels', ['render', '-'], '{"rows": ["a"], "values": [[1], [2]]}', /^token-heatmap: stdin: rows: 1 labels for 2 rows of values$/],
    ['min above max', ['render', '-'], '{"values": [[1]], "min": 2, "max": 1}', /^token-heatmap: stdin: min \(2\) must be less than max \(1\)$/],
  ];
  for (const [what, args, input, message] of bad) {
    test(`exits 1 with one line on stderr for ${what}`, () => {
      const result = run(args, { input: input ?? '' });
      assert.equal(result.status, 1);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr.split('\n').length, 2, result.stderr); // one line and its newline
      assert.match(result.stderr.trim(), message);
    });
  }

  test('exits 2 on bad usage', () => {
    for (const args of [[], ['draw', SEED], ['render'], ['render', SEED, '--colour']]) {
      const result = run(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /^token-heatmap: .+\nRun "token-heatmap --help" for usage\.\n$/);
    }
  });

  test('runs from a directory with no node_modules: dist/ssr.js and dist/cli.js import only Node built-ins', () => {
    for (const file of ['dist/ssr.js', 'dist/cli.js']) {
      const specifiers = [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^import\s(?:[^'"]*?\sfrom\s)?['"]([^'"]+)['"]/gm)].map((m) => m[1]);
      assert.deepEqual(specifiers.filter((s) => !isBuiltin(s) && s !== './ssr.js'), [], file);
    }
    const dir = mkdtempSync(join(tmpdir(), 'token-heatmap-cli-'));
    for (const file of ['bin/token-heatmap.mjs', 'dist/cli.js', 'dist/ssr.js']) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      copyFileSync(join(ROOT, file), join(dir, file));
    }
    for (let d = dir; d !== dirname(d); d = dirname(d)) assert.equal(existsSync(join(d, 'node_modules')), false, d);
    copyFileSync(SEED, join(dir, 'data.json'));
    const result = run(['render', 'data.json'], { cli: join(dir, 'bin/token-heatmap.mjs'), cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, fromFile);
  });
});

describe('renderHeatmap() and renderPage() from Node', () => {
  let api;
  let data;
  before(async () => {
    api = await import(join(ROOT, 'dist/ssr.js'));
    data = await seed();
  });

  test('renderHeatmap() returns the element with its declarative shadow root and data attributes', async () => {
    const html = await api.renderHeatmap(data);
    assert.match(html, /^<token-heatmap [^>]*><template [^>]*shadowrootmode="open"[^>]*><style>/);
    assert.match(html, /<\/template><\/token-heatmap>$/);
    assert.equal(html.match(/<div[^>]*role="gridcell"/g).length, 65);
    // -0 keeps its sign in the cells and in the values attribute the client reads back.
    assert.equal(html.match(/>-0\.0000</g).length, 2);
    assert.match(html, /values="\[\[-0\.0756,[^"]*,-0\],/);
    assert.match(html, / min="-1\.5" max="1\.5"/);
  });

  test('the values attribute is written once, also past the size the element mirrors itself', async () => {
    const openingTag = (html) => html.slice(0, html.indexOf('>') + 1);
    const small = openingTag(await api.renderHeatmap({ values: [[1, -0]] }));
    assert.equal(small.match(/\svalues="/g).length, 1);
    assert.match(small, /\svalues="\[\[1,-0\]\]"/);
    const large = openingTag(await api.renderHeatmap({ values: Array.from({ length: 101 }, () => Array(100).fill(0.5)) }));
    assert.equal(large.match(/\svalues="/g).length, 1);
    assert.equal(JSON.parse(large.match(/\svalues="([^"]*)"/)[1]).flat().length, 10100);
  });

  test('options reach the element: transpose, scheme, decimals, theme', async () => {
    const html = await api.renderHeatmap({ ...data, transpose: true, scheme: 'RdBu', decimals: 2, theme: 'dark' });
    assert.match(html, /^<token-heatmap [^>]*\btranspose\b[^>]*>/);
    assert.match(html, /^<token-heatmap [^>]*\btheme="dark"[^>]*>/);
    // The transposed clamped cell: named by its value, described by its exact value and token (issue 9 items 10, 19).
    assert.match(html, /aria-label="1\.91, clamped" aria-description="exact value 1\.9074, colour clamped to 1\.5; token &quot;\/&quot;"/);
  });

  test('the reading options render on the server: words, normalisation, top-k', async () => {
    const input = { rows: ['<s>', '▁In', 's', 'eq', '▁is', '▁good', '.'], columns: ['a'], values: [[5], [1], [2], [3], [-4], [0.5], [0.25]] };
    const html = await api.renderHeatmap({ ...input, groupRows: 'words', normalization: 'all', topK: 2, hideSpecial: true });
    assert.match(html, /^<token-heatmap [^>]*\bgroup-rows="words"[^>]*\bnormalize="all"[^>]*\btop-k="2"[^>]*\bhide-special\b/);
    // ' Inseq' 6 and ' is' -4 stay; ' good.' folds into a run; '<s>' is hidden.
    assert.deepEqual([...html.matchAll(/role="gridcell"[^>]*>(?:<!--[^>]*-->)*([^<]*)</g)].map((m) => m[1]), ['1.0000', '-0.6667', '']);
    assert.match(html, /⋯ 1 word/);
    assert.match(html, /Attribution|normalised over all cells/);
    await assert.rejects(api.renderHeatmap({ ...input, groupRows: 'morphemes' }), /^HeatmapInputError: groupRows: expected "tokens", "words", "sentences" or "lines", got "morphemes"$/);
  });

  test('renderPage() takes a title and a script URL, or no script', async () => {
    const linked = await api.renderPage(data, { title: '<Figure 1>', script: '/assets/token-heatmap.hydrate.js' });
    assert.match(linked, /<title>&lt;Figure 1&gt;<\/title>/);
    assert.match(linked, /<script type="module" src="\/assets\/token-heatmap\.hydrate\.js"><\/script>/);
    const still = await api.renderPage(data, { script: false });
    assert.doesNotMatch(still, /<script/);
    assert.equal(still.match(/<div[^>]*role="gridcell"/g).length, 65);
  });

  test('bad input rejects with HeatmapInputError naming the key', async () => {
    await assert.rejects(api.renderHeatmap({ rows: ['a'], values: 'x' }), (e) => e instanceof api.HeatmapInputError && /^values: expected a 2-D array/.test(e.message));
    await assert.rejects(api.renderPage({ values: [[1]], decimals: 2.5 }), /^HeatmapInputError: decimals: expected a whole number from 0 to 20, got 2\.5$/);
  });
});
