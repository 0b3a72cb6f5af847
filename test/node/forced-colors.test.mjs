// Windows High Contrast (forced-colors: active), emulated in Chromium over CDP: Firefox over WebDriver
// BiDi cannot emulate media features. Values, labels, focus and selection must stay visible.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, seed } from './browser.mjs';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="/dist/token-heatmap.bundle.js"></script></head><body>
<token-heatmap label="Token Attribution" min="-1.5" max="1.5"></token-heatmap>
<script type="module">
  const data = await (await fetch('/demo/seed-heatmap.json')).json();
  Object.assign(document.querySelector('token-heatmap'), { rows: data.rows, columns: data.columns, values: data.values });
</script></body></html>`;

const luminance = (rgb) => {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map((c) => {
    const s = Number(c) / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a, b) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

describe('forced colors (Chromium)', () => {
  let browser;
  let server;
  before(async () => {
    await seed();
    browser = await launch('chromium');
    server = await serve({ routes: { '/forced.html': { body: PAGE } } });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('keeps values, labels, focus and selection visible', async () => {
    const page = await browser.newPage();
    // puppeteer's emulateMediaFeatures does not list forced-colors; the CDP command takes it.
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
    await page.goto(`${server.url}/forced.html`);
    await page.waitForFunction(() => document.querySelector('token-heatmap')?.shadowRoot?.querySelectorAll('[role="gridcell"]').length === 65);
    assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
    const cells = await page.$eval('token-heatmap', (el) =>
      [...el.shadowRoot.querySelectorAll('[role="gridcell"]')].map((c) => {
        const s = getComputedStyle(c);
        return { text: c.textContent.trim(), color: s.color, background: s.backgroundColor };
      }),
    );
    for (const cell of cells) assert.ok(contrast(cell.color, cell.background) >= 4.5, `${cell.text}: ${cell.color} on ${cell.background}`);
    // The data colours survive forced colours: the clamped cell is still the scheme's darkest green.
    assert.equal(cells[7 * 5 + 2].background, 'rgb(0, 104, 55)');

    // Focus ring and selection frame use system colours and remain drawn.
    const cell = await page.evaluateHandle(() => document.querySelector('token-heatmap').shadowRoot.querySelector('[role="gridcell"]'));
    await cell.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const state = await page.$eval('token-heatmap', (el) => {
      const focused = el.shadowRoot.activeElement;
      const s = getComputedStyle(focused);
      return { outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow, selected: focused.getAttribute('aria-selected') };
    });
    assert.equal(state.selected, 'true');
    assert.equal(state.outline, 'solid');
    assert.ok(state.width >= 2);
    assert.notEqual(state.shadow, 'none');
    // Row labels, the highlighted one (focus is in row 0) and a plain one, on their own backgrounds.
    // The highlight fades in over 80 ms: read the colours the reader ends up seeing.
    const labels = await page.$eval('token-heatmap', async (el) => {
      const headers = [...el.shadowRoot.querySelectorAll('[role="rowheader"]')].slice(0, 4);
      await Promise.all(headers.flatMap((h) => h.getAnimations().map((a) => a.finished)));
      return headers.map((h) => {
        const s = getComputedStyle(h);
        return { hot: h.classList.contains('hot'), color: s.color, background: s.backgroundColor };
      });
    });
    assert.deepEqual(labels.map((l) => l.hot), [true, false, false, false]);
    for (const label of labels) assert.ok(contrast(label.color, label.background) >= 4.5, JSON.stringify(label));
    assert.notEqual(labels[0].background, labels[1].background);
    await page.close();
  });
});
