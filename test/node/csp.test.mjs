// A strict Content-Security-Policy with Trusted Types, as a locked-down site serves it: the bundle
// from 'self', data set as properties by a same-origin script, or written as JSON attributes.
// The figure must look exactly as without the policy, and the policy must never fire.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { interpolateRdYlGn } from 'd3-scale-chromatic';
import { launch, serve, seed, ROOT } from './browser.mjs';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

// Classic script, so it listens before the bundle (a module, deferred) runs.
const LISTEN = `window.violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample), true);`;

const SET_PROPERTIES = `const data = await (await fetch('/demo/seed-heatmap.json')).json();
Object.assign(document.querySelector('token-heatmap'), data);`;

const attr = (value) => JSON.stringify(value).replaceAll('&', '&amp;').replaceAll("'", '&#39;');
const negativeZero = (values) => JSON.stringify(values, (_k, v) => (Object.is(v, -0) ? '__neg0__' : v)).replaceAll('"__neg0__"', '-0');

const page = (element) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CSP</title>
<script src="/csp/listen.js"></script>
<script type="module" src="/dist/token-heatmap.bundle.js"></script>
${element.includes('values=') ? '' : '<script type="module" src="/csp/set-properties.js"></script>'}
</head><body>${element}</body></html>`;

/** The reference figure's cells as d3 colours them: RdYlGn over [min, max], centre 0 (symmetric). */
async function expectedCells() {
  const { values, min, max } = await seed();
  return values.flat().map((v) => ({
    text: `${v < 0 || Object.is(v, -0) ? '-' : ''}${Math.abs(v).toFixed(4)}`,
    background: interpolateRdYlGn(Math.min(1, Math.max(0, (v - min) / (max - min)))),
  }));
}

const readCells = (p) =>
  p.$eval('token-heatmap', (el) =>
    [...el.shadowRoot.querySelectorAll('[role="gridcell"]')].map((cell) => ({ text: cell.textContent.trim(), background: getComputedStyle(cell).backgroundColor })),
  );

for (const name of ['chromium', 'firefox']) {
  describe(`strict CSP and Trusted Types in ${name}`, () => {
    let browser;
    let server;
    let expected;
    before(async () => {
      const data = await seed();
      const attributes = `<token-heatmap crosshair="band" caption="${data.caption}" label="${data.label}" min="${data.min}" max="${data.max}"
  rows='${attr(data.rows)}' columns='${attr(data.columns)}' values='${negativeZero(data.values)}'></token-heatmap>`;
      const routes = {};
      for (const dir of ['csp', 'open']) {
        routes[`/${dir}/properties.html`] = { body: page('<token-heatmap></token-heatmap>') };
        routes[`/${dir}/attributes.html`] = { body: page(attributes) };
      }
      // Server-rendered HTML carries its styles inline: the shadow root's <style> (allowed by its hash)
      // and each cell's colour in a style attribute (style-src-attr); scripts stay strict.
      const { renderHeatmap } = await import(join(ROOT, 'dist/ssr.js'));
      const fragment = await renderHeatmap({ ...data, crosshair: 'band' });
      const styleHash = `'sha256-${createHash('sha256').update(fragment.match(/<style>([^]*?)<\/style>/)[1]).digest('base64')}'`;
      routes['/csp/server-rendered.html'] = {
        body: page(fragment).replace('/dist/token-heatmap.bundle.js', '/dist/token-heatmap.hydrate.js'),
        headers: { 'content-security-policy': CSP.replace("style-src 'self'", `style-src 'self' ${styleHash}; style-src-attr 'unsafe-inline'`) },
      };
      routes['/csp/listen.js'] = { body: LISTEN };
      routes['/csp/set-properties.js'] = { body: SET_PROPERTIES };
      // The same pages under /open/ have no policy: the baseline the protected pages must equal.
      server = await serve({ routes, headers: (path) => (path.startsWith('/csp/') && path.endsWith('.html') ? { 'content-security-policy': CSP } : {}) });
      browser = await launch(name);
      expected = await expectedCells();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    /** Opens a page, waits for the 65 cells, returns the page and its console errors. */
    async function open(path) {
      const p = await browser.newPage();
      const errors = [];
      p.on('console', (m) => m.type() === 'error' && !m.location()?.url?.endsWith('/favicon.ico') && errors.push(m.text()));
      p.on('pageerror', (e) => errors.push(String(e)));
      await p.goto(`${server.url}${path}`);
      try {
        await p.waitForFunction(() => document.querySelector('token-heatmap')?.shadowRoot?.querySelectorAll('[role="gridcell"]').length === 65, { timeout: 10000 });
      } catch (error) {
        // Say what the policy blocked rather than only that the cells never came.
        const violations = await p.evaluate(() => window.violations).catch(() => []);
        throw new Error(`${path}: no 65 cells (${error.message}); violations: ${JSON.stringify(violations)}; errors: ${JSON.stringify(errors)}`);
      }
      await p.$eval('token-heatmap', (el) => el.updateComplete);
      return { p, errors };
    }

    const USAGES = {
      properties: 'data as properties',
      attributes: 'data as JSON attributes',
      'server-rendered': "server-rendered (policy plus the <style> hash and style-src-attr 'unsafe-inline')",
    };
    for (const [usage, title] of Object.entries(USAGES)) {
      test(`${title}: the 65 cells have d3's colours, as without the policy; no violation, no console error`, async () => {
        const baseline = await open(`/open/${usage === 'server-rendered' ? 'attributes' : usage}.html`);
        const baselineCells = await readCells(baseline.p);
        await baseline.p.close();

        const { p, errors } = await open(`/csp/${usage}.html`);
        const cells = await readCells(p);
        assert.deepEqual(cells, expected);
        assert.deepEqual(cells, baselineCells);
        assert.equal(cells[7 * 5 + 2].text, '1.9074');
        assert.equal(cells[2 * 5 + 4].text, '-0.0000');

        // Hovering moves the tooltip (CSSOM) and, with crosshair="band", draws bands placed by style bindings.
        const cell = await p.evaluateHandle(() => document.querySelector('token-heatmap').shadowRoot.querySelectorAll('[role="gridcell"]')[7 * 5 + 2]);
        await cell.hover();
        await p.waitForFunction(() => document.querySelector('token-heatmap').shadowRoot.querySelector('[part="tooltip"]').checkVisibility());
        const shown = await p.$eval('token-heatmap', (el) => ({
          tooltip: /1\.9074/.test(el.shadowRoot.querySelector('[part="tooltip"]').textContent),
          bands: [...el.shadowRoot.querySelectorAll('[part="band"]')].map((b) => getComputedStyle(b).gridArea),
        }));
        assert.equal(shown.tooltip, true);
        if (usage !== 'properties') assert.deepEqual(shown.bands, ['9 / 2 / 10 / -1', '2 / 4 / -1 / 5']);

        // Give a late report time to arrive: violation events are queued as tasks.
        await new Promise((resolve) => setTimeout(resolve, 200));
        assert.deepEqual(await p.evaluate(() => window.violations), []);
        assert.deepEqual(errors, []);
        await p.close();
      });
    }

    if (name === 'chromium') {
      test('server-rendered under the policy with JavaScript disabled (Chromium: setJavaScriptEnabled): coloured cells, no violation', async () => {
        const p = await browser.newPage();
        await p.setJavaScriptEnabled(false);
        const blocked = [];
        // With page scripts off the listener script cannot run: the browser's console reports violations.
        p.on('console', (m) => m.type() === 'error' && !m.location()?.url?.endsWith('/favicon.ico') && blocked.push(m.text()));
        await p.goto(`${server.url}/csp/server-rendered.html`);
        assert.deepEqual(await readCells(p), expected);
        assert.deepEqual(blocked, []);
        await p.close();
      });
    }

    test('the policy is enforced: a style attribute and (where Trusted Types exist) a string innerHTML are refused', async (t) => {
      const { p } = await open('/csp/properties.html');
      const result = await p.evaluate(async () => {
        const div = document.createElement('div');
        div.setAttribute('style', 'color: rgb(1, 2, 3)');
        document.body.append(div);
        const styleApplied = getComputedStyle(div).color === 'rgb(1, 2, 3)';
        const trustedTypes = typeof window.trustedTypes !== 'undefined';
        let innerHtmlRefused = false;
        try {
          div.innerHTML = '<b>x</b>';
        } catch (error) {
          innerHtmlRefused = error instanceof TypeError;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
        return { styleApplied, trustedTypes, innerHtmlRefused, directives: window.violations.map((v) => v.split(' ')[0]).sort() };
      });
      t.diagnostic(`${name}: Trusted Types ${result.trustedTypes ? 'supported and enforced' : 'not supported (require-trusted-types-for is ignored)'}`);
      assert.equal(result.styleApplied, false);
      // Chromium has had Trusted Types since 83; Firefox only in recent releases.
      if (name === 'chromium') assert.equal(result.trustedTypes, true);
      assert.equal(result.innerHtmlRefused, result.trustedTypes);
      assert.deepEqual(result.directives, result.trustedTypes ? ['require-trusted-types-for', 'style-src-attr'] : ['style-src-attr']);
      await p.close();
    });
  });
}
