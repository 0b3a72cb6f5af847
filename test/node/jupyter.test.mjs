// The Python helper in Debian's real Jupyter: a notebook that uses it is executed with nbclient, then
// (1) opened UNTRUSTED in a running Notebook 6 server on 127.0.0.1 in headless Chromium: the static
//     figure is drawn, its cells in d3's colours (screenshot pixels), and no script of ours ran;
// (2) trusted with `jupyter trust`: the live <token-heatmap> is drawn (65 cells), and no frame ever
//     shows it together with the static image;
// (3) exported with `jupyter nbconvert --to html` and opened offline from file://: the live element,
//     and with JavaScript off the static figure.
// Skips, saying which Debian packages to install, when they are missing (scripts/browsers.mjs
// --ensure installs them on Debian as root, which .ci/run does).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as d3 from 'd3-scale-chromatic';
import { launch, seed, ROOT } from './browser.mjs';
import { JUPYTER_PACKAGES, missingJupyter } from '../../scripts/browsers.mjs';
import { close, paintedCells, rgbOf } from './static-figure.mjs';

const PYTHON = '/usr/bin/python3';
const missing = missingJupyter();
const skip = (missing.length > 0 || !existsSync(join(ROOT, 'dist/token-heatmap.full.js'))) &&
  (missing.length
    ? `Debian's Jupyter is not installed (missing: ${missing.join(', ')}); apt-get install -y ${JUPYTER_PACKAGES.join(' ')}`
    : 'dist/ is not built: npm run build');

const dir = mkdtempSync(join(tmpdir(), 'token-heatmap-jupyter-'));
// Jupyter's config, data (trust database and secret) and runtime files of this test only.
const env = {
  ...process.env,
  PYTHONDONTWRITEBYTECODE: '1',
  JUPYTER_CONFIG_DIR: join(dir, 'config'),
  JUPYTER_DATA_DIR: join(dir, 'data'),
  JUPYTER_RUNTIME_DIR: join(dir, 'runtime'),
  IPYTHONDIR: join(dir, 'ipython'),
  JUPYTER_PLATFORM_DIRS: '0',
  // Quiets the kernel's debugger warnings about frozen modules.
  PYDEVD_DISABLE_FILE_VALIDATION: '1',
};
const notebooks = join(dir, 'notebooks');
const run = (command, args, options = {}) => execFileSync(command, args, { cwd: notebooks, env, encoding: 'utf8', ...options });

/** The colour the element gives a seed value: -1.5 … 1.5 about 0, RdYlGn. */
const seedColour = (v) => d3.interpolateRdYlGn(Math.min(1, Math.max(0, 0.5 + v / 3)));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Counts, from before any script of the page, frames in which an element shows while its static image is still there. */
function watchFrames(page) {
  return page.evaluateOnNewDocument(() => {
    window.__frames = 0;
    window.__both = 0;
    const check = () => {
      window.__frames++;
      for (const el of document.querySelectorAll('token-heatmap')) {
        if (document.getElementById(`${el.id}-static`) && getComputedStyle(el).display !== 'none') window.__both++;
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

const liveCells = (page) =>
  page.waitForFunction(() => document.querySelector('token-heatmap')?.shadowRoot?.querySelectorAll('[role="gridcell"]').length === 65, {
    timeout: 30000,
  });

describe("the helper in Debian's Jupyter Notebook", { skip }, () => {
  let data;
  let server;
  let base;
  let browser;

  before(async () => {
    data = await seed();
    for (const sub of ['config', 'data', 'runtime', 'ipython', 'notebooks']) mkdirSync(join(dir, sub), { recursive: true });
    cpSync(join(ROOT, 'demo/seed-heatmap.json'), join(notebooks, 'seed-heatmap.json'));
    // A notebook as a user writes it, executed by nbclient with Debian's python3 kernel.
    run(PYTHON, ['-c', `
import nbformat, nbclient
nb = nbformat.v4.new_notebook()
nb.cells = [nbformat.v4.new_code_cell(${JSON.stringify(`import json, sys
sys.path.insert(0, ${JSON.stringify(join(ROOT, 'python'))})
from token_heatmap import heatmap
heatmap(**json.load(open("seed-heatmap.json")))`)})]
nbclient.NotebookClient(nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": "."}}).execute()
nbformat.write(nb, "heatmap.ipynb")
`]);
    const port = await freePort();
    server = spawn(
      'jupyter-notebook',
      ['--no-browser', '--allow-root', '--ip=127.0.0.1', `--port=${port}`, '--port-retries=0', '--NotebookApp.token=', '--NotebookApp.password=', `--notebook-dir=${notebooks}`],
      { cwd: notebooks, env, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let log = '';
    server.stderr.on('data', (chunk) => (log += chunk));
    base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60000;
    for (;;) {
      const ok = await fetch(`${base}/api`).then((r) => r.ok, () => false);
      if (ok) break;
      if (server.exitCode !== null || Date.now() > deadline) throw new Error(`the Notebook server did not start:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 200)); // polling for the server, not a wait for a result
    }
    browser = await launch('chromium');
  });

  after(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test('nbclient saved the figure as HTML with the static SVG, and an SVG', () => {
    const nb = JSON.parse(readFileSync(join(notebooks, 'heatmap.ipynb'), 'utf8'));
    const output = nb.cells[0].outputs.find((o) => o.output_type === 'execute_result');
    assert.deepEqual(Object.keys(output.data).sort(), ['image/svg+xml', 'text/html', 'text/plain']);
    const html = [output.data['text/html']].flat().join('');
    assert.match(html, /<img src="data:image\/svg\+xml;base64,/);
    assert.match(html, /<token-heatmap id="token-heatmap-[0-9a-f]{12}" style="display:none"/);
    assert.match([output.data['image/svg+xml']].flat().join(''), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  test('(1) untrusted: the static figure is shown in the right colours, none of our scripts runs', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 1000 });
    await page.goto(`${base}/notebooks/heatmap.ipynb`);
    await page.waitForSelector('.output_html img');
    assert.equal((await page.$eval('#notification_trusted', (el) => el.textContent)).trim(), 'Not Trusted');
    const cells = await paintedCells(page, '.output_html img');
    assert.equal(cells.length, 65);
    data.values.flat().forEach((v, i) => {
      assert.equal(cells[i].fill, seedColour(v));
      assert.ok(close(cells[i].painted, rgbOf(seedColour(v))), `cell ${i}: painted ${cells[i].painted}, expected ${seedColour(v)}`);
    });
    // Jupyter's sanitiser removed the unknown tag and the scripts; the note under the image remains.
    assert.equal(await page.$$eval('token-heatmap', (els) => els.length), 0);
    assert.equal(await page.evaluate(() => customElements.get('token-heatmap')), undefined);
    assert.match(await page.$eval('.output_html', (el) => el.innerText), /static image of an interactive token-heatmap.*python3 -m nbformat\.sign/s);
    await page.close();
  });

  test('(2) trusted with `jupyter trust`: the live element is drawn and no frame shows it with the image', async () => {
    run('jupyter', ['trust', 'heatmap.ipynb']);
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 1000 });
    await watchFrames(page);
    await page.goto(`${base}/notebooks/heatmap.ipynb`);
    await liveCells(page);
    assert.equal((await page.$eval('#notification_trusted', (el) => el.textContent)).trim(), 'Trusted');
    const colours = await page.$eval('token-heatmap', (el) =>
      [...el.shadowRoot.querySelectorAll('[role="gridcell"]')].map((c) => getComputedStyle(c).backgroundColor),
    );
    assert.deepEqual(colours, data.values.flat().map((v) => `rgb(${rgbOf(seedColour(v)).join(', ')})`));
    assert.equal(await page.$$eval('.output_html img', (imgs) => imgs.length), 0);
    await page.waitForFunction(() => window.__frames > 3);
    assert.equal(await page.evaluate(() => window.__both), 0);
    await page.close();
  });

  test('`python3 -m nbformat.sign` trusts a notebook the same way, with no extra package', () => {
    // Another notebook (a signature covers the content): the same one with a changed title.
    run(PYTHON, ['-c', 'import nbformat; nb = nbformat.read("heatmap.ipynb", 4); nb.metadata["title"] = "copy"; nbformat.write(nb, "copy.ipynb")']);
    const check = `import nbformat; from nbformat.sign import NotebookNotary
print(NotebookNotary().check_signature(nbformat.read("copy.ipynb", 4)))`;
    assert.equal(run(PYTHON, ['-c', check]).trim(), 'False');
    run(PYTHON, ['-m', 'nbformat.sign', 'copy.ipynb']);
    assert.equal(run(PYTHON, ['-c', check]).trim(), 'True');
  });

  test('(3) `jupyter nbconvert --to html`, opened offline from file://: live with scripts, static without', async () => {
    run('jupyter', ['nbconvert', '--to', 'html', 'heatmap.ipynb', '--output', 'exported'], { stdio: 'pipe' });
    const url = pathToFileURL(join(notebooks, 'exported.html')).href;
    const offline = async (page) => {
      await page.setRequestInterception(true);
      const blocked = [];
      page.on('request', (request) => {
        if (/^(file|data):/.test(request.url())) return request.continue();
        blocked.push(request.url());
        return request.abort();
      });
      return blocked;
    };
    const live = await browser.newPage();
    await offline(live);
    await watchFrames(live);
    await live.goto(url);
    await liveCells(live);
    const texts = await live.$eval('token-heatmap', (el) => [...el.shadowRoot.querySelectorAll('[role="gridcell"]')].map((c) => c.textContent.trim()));
    assert.equal(texts[7 * 5 + 2], '1.9074');
    await live.waitForFunction(() => window.__frames > 3);
    assert.equal(await live.evaluate(() => window.__both), 0);
    await live.close();

    const still = await browser.newPage();
    await offline(still);
    await still.setJavaScriptEnabled(false);
    await still.goto(url);
    const cells = await paintedCells(still, 'img[id$="-static"]');
    assert.equal(cells.length, 65);
    data.values.flat().forEach((v, i) => assert.ok(close(cells[i].painted, rgbOf(seedColour(v))), `cell ${i}`));
    await still.close();
  });
});
