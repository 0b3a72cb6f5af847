// The overview's Worker from the built files, as pages serve them: a matrix over a million cells is
// painted in a Worker (once the values are there: the first picture is painted on the page while
// they are copied over) started from dist/token-heatmap.worker.js, the file beside the bundle, which a
// strict `script-src 'self'` policy allows (with Trusted Types, once the page allows the
// `token-heatmap` policy name). Without that file the element tries a blob: Worker, which such a
// policy blocks, and then paints on the main thread. In every case the picture is the same and
// `updateComplete` waits for it.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { interpolateRdYlGn } from 'd3-scale-chromatic';
import { launch, serve, ROOT } from './browser.mjs';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
const ISOLATED = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
const TRUSTED = `${CSP}; require-trusted-types-for 'script'; trusted-types lit-html token-heatmap`;

// Classic script, run before the bundle: records violations, and each Worker started (its URL's
// scheme), whether it came up (its first message) and the kinds of message the page sent it.
const LISTEN = `window.violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI), true);
window.workers = [];
const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  constructor(url, options) {
    const record = { scheme: String(url).split(':')[0], ready: false, failed: false, sent: [] };
    workers.push(record);
    try {
      super(url, options);
    } catch (error) {
      record.failed = true;
      throw error;
    }
    this.record = record;
    this.addEventListener('message', (e) => { if (e.data && e.data.type === 'ready') record.ready = true; });
    this.addEventListener('error', () => { record.failed = true; });
  }
  postMessage(message, transfer) {
    this.record.sent.push(message && message.type);
    return super.postMessage(message, transfer);
  }
};`;

// 1500 × 1000 = 1.5 million cells, zeros but the first and last cells; set by a same-origin script.
// `shared`: the values on a SharedArrayBuffer (a cross-origin isolated page can make one).
const setData = (shared) => `const rows = 1500, columns = 1000;
const values = new Float32Array(${shared ? 'new SharedArrayBuffer(rows * columns * 4)' : 'rows * columns'});
values[rows * columns - 1] = -1;
values[0] = 1;
const el = document.querySelector('token-heatmap');
el.style.cssText = 'width: 600px; height: 400px';
Object.assign(el, { rows: Array.from({ length: rows }, (_, i) => 'tok' + i), columns: Array.from({ length: columns }, (_, j) => 'out' + j), values });
await el.updateComplete;
const frame = () => new Promise((r) => requestAnimationFrame(r));
// The first picture is painted on the page while the values go to the Worker. Once they are there
// (or no Worker came up), a zoom in and back to fit has the Worker paint the fitted picture again.
while (!workers.every((w) => w.failed || (w.ready && (w.sent.includes('shared') || w.sent.includes('chunk'))))) await frame();
el.zoomTo({ rowIndex: 750, columnIndex: 500 }, 0.25);
await el.updateComplete;
el.fit();
await el.updateComplete;
await frame();
await frame();
window.painted = true;`;

const page = (bundle, data = '/w/set-data.js') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>overview worker</title>
<script src="/w/listen.js"></script>
<script type="module" src="${bundle}"></script>
<script type="module" src="${data}"></script>
</head><body><token-heatmap min="-1" max="1"></token-heatmap></body></html>`;

// Served alone, the element needs every feature in its one file (the CDN bundle's are files beside it).
const BUNDLE = readFileSync(join(ROOT, 'dist/token-heatmap.full.js'), 'utf8');

for (const name of ['chromium', 'firefox']) {
  describe(`the overview Worker from the built files in ${name}`, () => {
    let browser;
    let server;
    before(async () => {
      const routes = {
        '/w/listen.js': { body: LISTEN },
        '/w/set-data.js': { body: setData(false) },
        '/w/set-shared-data.js': { body: setData(true) },
        // Cross-origin isolated (COOP and COEP): the page may share memory with its Worker. A site
        // sends both on every response, the Worker file's included; the second page's Worker file lacks them.
        '/isolated/shared.html': { body: page('/isolated/dist/token-heatmap.bundle.js', '/w/set-shared-data.js'), headers: ISOLATED },
        '/isolated/worker-file-without-coep.html': { body: page('/dist/token-heatmap.bundle.js', '/w/set-shared-data.js'), headers: ISOLATED },
        // The bundle alone, in a folder without the Worker file beside it.
        '/alone/token-heatmap.full.js': { body: BUNDLE },
      };
      for (const file of readdirSync(join(ROOT, 'dist')).filter((f) => /^token-heatmap\.(bundle|worker)\b.*\.js$/.test(f))) {
        routes[`/isolated/dist/${file}`] = { body: readFileSync(join(ROOT, 'dist', file)), headers: ISOLATED };
      }
      for (const [dir, policy] of [
        ['csp', CSP],
        ['trusted', TRUSTED],
        ['open', ''],
      ]) {
        routes[`/${dir}/with-file.html`] = { body: page('/dist/token-heatmap.bundle.js'), headers: policy ? { 'content-security-policy': policy } : {} };
        routes[`/${dir}/without-file.html`] = { body: page('/alone/token-heatmap.full.js'), headers: policy ? { 'content-security-policy': policy } : {} };
      }
      server = await serve({ routes });
      browser = await launch(name);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    /** Opens a page, waits until the element has painted, and reads what the test checks. */
    async function open(path, { missingFile = false } = {}) {
      const p = await browser.newPage();
      const errors = [];
      // Without the file, the browser reports its 404 (Firefox: an empty 404 is no script) and, under
      // the policy, the blocked blob: Worker (asserted as a violation below). Anything else is an error.
      const expected = (text) => /favicon\.ico/.test(text) || (missingFile && /404|token-heatmap\.worker\.js|blob:.*(script-src|worker-src)/.test(text));
      p.on('console', (m) => m.type() === 'error' && !expected(m.text() + ' ' + (m.location()?.url ?? '')) && errors.push(m.text()));
      p.on('pageerror', (e) => !expected(String(e)) && errors.push(String(e)));
      await p.goto(`${server.url}${path}`);
      await p.waitForFunction(() => window.painted === true, { timeout: 30000 });
      const seen = await p.evaluate(() => {
        const canvas = document.querySelector('token-heatmap').shadowRoot.querySelector('canvas.zoom-cells');
        const context = canvas.getContext('2d');
        const pixel = (x, y) => [...context.getImageData(x, y, 1, 1).data];
        return {
          first: pixel(0, 0),
          last: pixel(canvas.width - 1, canvas.height - 1),
          middle: pixel(canvas.width >> 1, canvas.height >> 1),
          workerFile: performance.getEntriesByType('resource').some((e) => e.name.endsWith('/token-heatmap.worker.js')),
          violations: window.violations,
          ready: window.workers.filter((w) => w.ready).map((w) => w.scheme),
          sent: window.workers.flatMap((w) => w.sent),
          isolated: window.crossOriginIsolated === true,
          trustedTypes: typeof window.trustedTypes === 'object',
        };
      });
      await p.close();
      return { ...seen, errors };
    }

    const rgb = (css) => css.match(/\d+/g).map(Number);
    function expectPicture(seen, what) {
      for (const [pixel, colour] of [
        [seen.first, interpolateRdYlGn(1)],
        [seen.last, interpolateRdYlGn(0)],
        [seen.middle, interpolateRdYlGn(0.5)],
      ]) {
        for (let i = 0; i < 3; i++) assert.ok(Math.abs(pixel[i] - rgb(colour)[i]) <= 3, `${what}: pixel ${pixel} is not ${colour}`);
      }
    }

    test("strict script-src 'self': the Worker starts from the file beside the bundle; no violation", async () => {
      const seen = await open('/csp/with-file.html');
      expectPicture(seen, 'with the Worker file');
      assert.equal(seen.workerFile, true);
      assert.deepEqual(seen.ready, ['http']);
      assert.deepEqual(seen.violations, []);
      assert.deepEqual(seen.errors, []);
    });

    test('a cross-origin isolated page with values on a SharedArrayBuffer: the Worker reads them in place, nothing is copied', async () => {
      const seen = await open('/isolated/shared.html');
      assert.equal(seen.isolated, true, 'the page is cross-origin isolated');
      expectPicture(seen, 'from shared memory');
      assert.deepEqual(seen.ready, ['http']);
      assert.ok(seen.sent.includes('shared') && seen.sent.includes('paint'), `sent ${seen.sent}`);
      assert.ok(!seen.sent.includes('data') && !seen.sent.includes('chunk'), `no copy: sent ${seen.sent}`);
      assert.deepEqual(seen.errors, []);
    });

    test('an isolated page whose Worker file lacks COEP: that Worker cannot load, the blob: one shares the memory instead', async () => {
      const seen = await open('/isolated/worker-file-without-coep.html', { missingFile: true });
      assert.equal(seen.isolated, true, 'the page is cross-origin isolated');
      expectPicture(seen, 'from shared memory, blob: Worker');
      assert.deepEqual(seen.ready, ['blob']);
      assert.ok(seen.sent.includes('shared') && !seen.sent.includes('chunk'), `no copy: sent ${seen.sent}`);
      assert.deepEqual(seen.errors, []);
    });

    test('the values copied to the Worker where memory is not shared: sent in slices', async () => {
      const seen = await open('/open/with-file.html');
      expectPicture(seen, 'copied');
      assert.equal(seen.isolated, false);
      assert.ok(seen.sent.includes('data') && seen.sent.includes('chunk') && !seen.sent.includes('shared'), `sent ${seen.sent}`);
      assert.ok(seen.sent.includes('paint'), `the Worker painted once it had them: sent ${seen.sent}`);
    });

    test('Trusted Types with the token-heatmap policy allowed: the Worker file is used; no violation', async (t) => {
      const seen = await open('/trusted/with-file.html');
      if (!seen.trustedTypes) return t.skip(`${name} has no Trusted Types`);
      expectPicture(seen, 'under Trusted Types');
      assert.equal(seen.workerFile, true);
      assert.deepEqual(seen.ready, ['http']);
      assert.deepEqual(seen.violations, []);
      assert.deepEqual(seen.errors, []);
    });

    test('the bundle alone under the strict policy: the blob: Worker is blocked, the main thread paints the same picture', async () => {
      const seen = await open('/csp/without-file.html', { missingFile: true });
      expectPicture(seen, 'painted on the main thread');
      assert.deepEqual(seen.ready, [], 'no Worker came up');
      // The one report is the blocked blob: Worker; nothing is thrown into the page.
      assert.ok(seen.violations.length >= 1, 'the blob: Worker was blocked');
      assert.ok(seen.violations.every((v) => /^(worker-src|script-src)\b/.test(v) && /blob/.test(v)), JSON.stringify(seen.violations));
      assert.deepEqual(seen.errors, []);
    });

    test('the bundle alone without a policy: a blob: Worker paints it; no violation', async () => {
      const seen = await open('/open/without-file.html', { missingFile: true });
      expectPicture(seen, 'painted by the blob: Worker');
      assert.deepEqual(seen.ready, ['blob']);
      assert.deepEqual(seen.violations, []);
      assert.deepEqual(seen.errors, []);
    });
  });
}
