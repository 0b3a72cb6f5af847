// Plain HTML: one <script type="module"> with the self-contained bundle and the tag with JSON
// attributes, from a web server, from a file:// page with no server, and imported by URL (ESM notebooks).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serve, seed, cellTexts, ROOT } from './browser.mjs';

const attr = (value) => JSON.stringify(value).replaceAll('&', '&amp;').replaceAll("'", '&#39;');
const negativeZero = (values) => JSON.stringify(values, (_k, v) => (Object.is(v, -0) ? '__neg0__' : v)).replaceAll('"__neg0__"', '-0');

async function referencePage(src, type = 'module') {
  const data = await seed();
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>plain</title>
<script ${type === 'module' ? 'type="module" ' : 'defer '}src="${src}"></script></head><body>
<token-heatmap caption="${data.caption}" label="${data.label}" min="${data.min}" max="${data.max}"
  rows='${attr(data.rows)}' columns='${attr(data.columns)}' values='${negativeZero(data.values)}'></token-heatmap>
</body></html>`;
}

for (const name of ['chromium', 'firefox']) {
  describe(`plain HTML in ${name}`, () => {
    let browser;
    let server;
    before(async () => {
      browser = await launch(name);
      server = await serve({ routes: { '/plain.html': { body: await referencePage('/dist/token-heatmap.bundle.js') } } });
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test('draws the reference figure from JSON attributes with one script tag', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/plain.html`);
      await page.waitForFunction(() => document.querySelector('token-heatmap')?.shadowRoot?.querySelectorAll('[role="gridcell"]').length === 65);
      const texts = await cellTexts(page);
      assert.equal(texts[7 * 5 + 2], '1.9074');
      assert.equal(texts[0], '-0.0756');
      assert.equal(texts[2 * 5 + 4], '-0.0000');
      await page.close();
    });

    test('imports cleanly by URL, as an ESM notebook (Observable) does', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/plain.html`);
      const exported = await page.evaluate(async (url) => {
        const module = await import(url);
        return { keys: Object.keys(module).sort(), same: module.TokenHeatmap === customElements.get('token-heatmap') };
      }, `${server.url}/dist/token-heatmap.bundle.js`);
      assert.ok(exported.keys.includes('TokenHeatmap'));
      assert.ok(exported.keys.includes('SCHEME_NAMES'));
      assert.equal(exported.same, true);
      await page.close();
    });
  });
}

// Browsers refuse module scripts on file:// pages (their origin is "null"); the classic build is for them.
describe('plain HTML from a file:// page with no server, with the classic script', () => {
  for (const name of ['chromium', 'firefox']) {
    test(`renders the reference figure in ${name}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'token-heatmap-file-'));
      copyFileSync(join(ROOT, 'dist/token-heatmap.classic.js'), join(dir, 'token-heatmap.classic.js'));
      writeFileSync(join(dir, 'index.html'), await referencePage('./token-heatmap.classic.js', 'classic'));
      const browser = await launch(name);
      try {
        const page = await browser.newPage();
        await page.goto(`file://${join(dir, 'index.html')}`);
        await page.waitForFunction(() => document.querySelector('token-heatmap')?.shadowRoot?.querySelectorAll('[role="gridcell"]').length === 65, { timeout: 10000 });
        assert.equal((await cellTexts(page))[7 * 5 + 2], '1.9074');
      } finally {
        await browser.close();
      }
    });
  }
});
