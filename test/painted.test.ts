import { html, fixture, expect } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../src/index.js';
import type { TokenHeatmap } from '../src/index.js';
import { contrastRatio, parseColor, type Rgb } from '../src/color.js';
import { SCHEME_NAMES, schemeInterpolator } from '../src/schemes.js';
import { cellAt, centre, loadSeed, painted, rowHeaders, shadow, type Seed } from './helpers.js';
import { dominant, paintedContrast, screenshot, type Pixels } from './pixels.js';

// Contrast as painted (issue 9 items 11, 13–16): screenshots of the element, read pixel by pixel,
// in both themes. Every measured number is printed with its test, for the report.

let seed: Seed;
before(async () => {
  seed = await loadSeed();
});
// The pointer is moved off the figures (a pointer left resting over the next test's figure would hover it).
afterEach(async () => {
  await sendMouse({ type: 'move', position: [innerWidth - 1, innerHeight - 1] });
  await resetMouse();
});

/** Waits, frame by frame, for a condition a user would see (at most 2 s). */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 120 && !condition(); i++) await painted();
  expect(condition()).to.equal(true);
}

const THEMES = ['light', 'dark'] as const;
const PAGE = { light: '#ffffff', dark: '#0d1117' };

async function heatmap(theme: 'light' | 'dark', extra: Partial<TokenHeatmap> = {}, style = ''): Promise<TokenHeatmap> {
  const frame = await fixture<HTMLElement>(html`<div style="padding: 12px; background: ${PAGE[theme]}">
    <button id="before">before</button>
    <token-heatmap
      theme=${theme}
      style=${style}
      .rows=${seed.rows}
      .columns=${seed.columns}
      .values=${seed.values}
      min="-1.5"
      max="1.5"
      label=${seed.label}
    ></token-heatmap>
  </div>`);
  const el = frame.querySelector<TokenHeatmap>('token-heatmap')!;
  Object.assign(el, extra);
  await el.updateComplete;
  await settle(el);
  return el;
}

/** Waits until the element has stopped updating and its highlight transitions have ended. */
async function settle(el: TokenHeatmap): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await el.updateComplete;
    await painted();
    const running = shadow(el).getAnimations?.() ?? [];
    if (!el.isUpdatePending && running.length === 0) return;
    await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
  }
}

const box = (el: Element) => el.getBoundingClientRect();
/** A box shrunk by `by` px on every side. */
const inset = (r: DOMRect, by: number) => ({ left: r.left + by, top: r.top + by, width: r.width - 2 * by, height: r.height - 2 * by });

/** The painted contrast of a cell's text on its cell, inside the band, ring and frame lines at its edges. */
async function cellTextContrast(cell: HTMLElement) {
  return paintedContrast(await screenshot(inset(box(cell), 5)));
}

const fmt = (r: number) => r.toFixed(2);

describe('painted contrast (issue 9)', () => {
  describe('item 11: cell text stays ≥ 4.5:1 under every overlay', () => {
    for (const theme of THEMES) {
      it(`${theme}: hover, crosshair band, focus and selection`, async () => {
        // Greys about the luminance where black and white text contrast alike (4.58:1): the cells
        // whose text has the least contrast to spare, as any scheme has somewhere.
        const grey = (t: number) => {
          const v = Math.round(104 + 28 * t);
          return `rgb(${v}, ${v}, ${v})`;
        };
        const el = await heatmap(theme, { crosshair: 'band', interpolator: grey });
        const measured: string[] = [];
        const check = async (state: string, cells: HTMLElement[]) => {
          for (const cell of cells) {
            const { ratio, ink, background } = await cellTextContrast(cell);
            measured.push(`${state} ${fmt(ratio)}`);
            expect(ratio, `${state}, cell ${cell.textContent}: ${ink} on ${background}`).to.be.at.least(4.5);
          }
        };
        // Hover with the band over row 7 and column 2: every cell of both.
        await sendMouse({ type: 'move', position: centre(cellAt(el, 7, 2)) });
        await until(() => shadow(el).querySelectorAll('[part="band"]').length === 2);
        await settle(el);
        // The cells the tooltip covers are not seen: they are left out.
        const tip = box(shadow(el).querySelector('[part="tooltip"]')!);
        const seen = (cell: HTMLElement) => {
          const c = box(cell);
          return c.right <= tip.left || c.left >= tip.right || c.bottom <= tip.top || c.top >= tip.bottom;
        };
        const row = seed.columns.map((_, c) => cellAt(el, 7, c));
        const column = seed.rows.map((_, r) => cellAt(el, r, 2));
        const cells = [...row, ...column].filter(seen);
        expect(cells.length).to.be.at.least(12);
        await check('band', cells);
        // Keyboard focus (the two-colour ring) and selection on the focused cell.
        (el.parentElement!.querySelector('#before') as HTMLElement).focus();
        await sendKeys({ press: 'Tab' });
        for (let i = 0; i < 7; i++) await sendKeys({ press: 'ArrowDown' });
        await sendKeys({ press: 'ArrowRight' });
        await settle(el);
        await check('focus', [cellAt(el, 7, 1), cellAt(el, 7, 2)]);
        await sendKeys({ press: 'Enter' });
        await settle(el);
        expect(cellAt(el, 7, 1).getAttribute('aria-selected')).to.equal('true');
        await check('focus+selection', [cellAt(el, 7, 1)]);
        await sendKeys({ press: 'ArrowRight' });
        await settle(el);
        await check('selection', [cellAt(el, 7, 1)]);
        console.log(`item 11 ${theme}: min ${fmt(Math.min(...measured.map((m) => Number(m.split(' ').pop()))))} over ${measured.length} cells`);
      });
    }
  });

  describe('item 14: the colour bar and its pointed ends have a ≥ 3:1 outline against the page', () => {
    /** The most contrasting pixel against the page on the way in from the page, along a row of pixels. */
    function edgeContrast(pixels: Pixels, y: number, fromX: number, toX: number, page: Rgb): number {
      let best = 1;
      for (let x = fromX; x !== toX; x += Math.sign(toX - fromX)) best = Math.max(best, contrastRatio(pixels.at(x, y), page));
      return best;
    }

    for (const theme of THEMES) {
      it(`${theme}: every scheme`, async function () {
        // A screenshot for each of the schemes: on a loaded machine that takes more than mocha's 10 s.
        this.timeout(SCHEME_NAMES.length * 1500);
        const started = performance.now();
        // Values past both ends, so both pointed ends are drawn.
        const el = await heatmap(theme, { values: seed.values.map((r, i) => (i === 0 ? r.map((v) => v - 3) : r)) });
        const page = parseColor(getComputedStyle(el).backgroundColor)!;
        let worst = Infinity;
        for (const scheme of SCHEME_NAMES) {
          el.scheme = scheme;
          await settle(el);
          const ramp = shadow(el).querySelector<HTMLElement>('.ramp')!;
          const high = shadow(el).querySelector<HTMLElement>('[data-extend="high"]')!;
          const low = shadow(el).querySelector<HTMLElement>('[data-extend="low"]')!;
          const area = { left: box(ramp).left - 4, top: box(high).top - 4, width: box(ramp).width + 8, height: box(low).bottom - box(high).top + 8 };
          const pixels = await screenshot(area);
          const origin = { x: Math.floor(area.left), y: Math.floor(area.top) };
          const local = (r: DOMRect) => ({ left: r.left - origin.x, top: r.top - origin.y, right: r.right - origin.x, bottom: r.bottom - origin.y });
          const r = local(box(ramp));
          const mid = Math.round((r.left + r.right) / 2);
          const ratios: number[] = [];
          // The ramp's sides at five heights, its top and bottom ends at the centre line.
          for (const f of [0.05, 0.25, 0.5, 0.75, 0.95]) {
            const y = Math.round(r.top + f * (r.bottom - r.top));
            ratios.push(edgeContrast(pixels, y, 0, mid, page), edgeContrast(pixels, y, pixels.width - 1, mid, page));
          }
          // The pointed ends: rows through their slanted sides, from the page inwards on both sides.
          for (const end of [local(box(high)), local(box(low))]) {
            for (const f of [0.3, 0.5, 0.7]) {
              const y = Math.round(end.top + f * (end.bottom - end.top));
              ratios.push(edgeContrast(pixels, y, 0, mid, page), edgeContrast(pixels, y, pixels.width - 1, mid, page));
            }
          }
          // The apexes, from the page straight down (up) the centre line.
          const h = local(box(high));
          const l = local(box(low));
          let apex = 1;
          for (let y = 0; y < h.top + 4; y++) apex = Math.max(apex, contrastRatio(pixels.at(mid, y), page));
          ratios.push(apex);
          apex = 1;
          for (let y = pixels.height - 1; y > l.bottom - 4; y--) apex = Math.max(apex, contrastRatio(pixels.at(mid, y), page));
          ratios.push(apex);
          const min = Math.min(...ratios);
          worst = Math.min(worst, min);
          expect(min, `${theme} ${scheme}: ${ratios.map(fmt).join(' ')}`).to.be.at.least(3);
        }
        console.log(`item 14 ${theme}: weakest outline against the page over ${SCHEME_NAMES.length} schemes ${fmt(worst)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      });
    }
  });

  describe('item 15: missing-cell hatching ≥ 3:1; glyphs in a highlighted header ≥ 4.5:1', () => {
    for (const theme of THEMES) {
      it(`${theme}: hatching`, async () => {
        const values = seed.values.map((r) => r.slice() as (number | null)[]);
        values[3][1] = null;
        const el = await heatmap(theme, { values: values as number[][] });
        const { ratio, ink, background } = paintedContrast(await screenshot(inset(box(cellAt(el, 3, 1)), 2)));
        console.log(`item 15 ${theme}: hatching ${fmt(ratio)} (${ink} on ${background})`);
        expect(ratio).to.be.at.least(3);
      });

      it(`${theme}: glyphs in a highlighted row header`, async () => {
        // Large type, so the glyph's strokes have fully covered pixels to read its colour from; readable
        // cells (zoom 1), since at this size the grid is taller than the test page and would open fitted.
        const el = await heatmap(theme, { rows: [' the', ...seed.rows.slice(1)], zoom: 1 }, '--token-heatmap-font-size: 24px');
        await sendMouse({ type: 'move', position: centre(cellAt(el, 0, 1)) });
        const header = rowHeaders(el)[0];
        await until(() => header.classList.contains('hot'));
        await settle(el);
        const glyph = header.querySelector('.glyph')!;
        const pixels = await screenshot(box(glyph));
        const background = parseColor(getComputedStyle(header).backgroundColor)!;
        expect(dominant(pixels).join()).to.equal(background.join());
        const { ratio } = paintedContrast(pixels);
        console.log(`item 15 ${theme}: glyph on the highlight ${fmt(ratio)}`);
        expect(ratio).to.be.at.least(4.5);
      });
    }
  });

  describe('item 16: the focus ring is ≥ 3:1 against any cell colour of any scheme', () => {
    for (const theme of THEMES) {
      it(`${theme}: two ring colours ≥ 9:1 apart, one of them ≥ 3:1 against every colour`, async () => {
        const el = await heatmap(theme);
        (el.parentElement!.querySelector('#before') as HTMLElement).focus();
        await sendKeys({ press: 'Tab' });
        await sendKeys({ press: 'ArrowDown' });
        await settle(el);
        const cell = cellAt(el, 1, 0);
        expect(shadow(el).activeElement).to.equal(cell);
        const r = box(cell);
        const pixels = await screenshot(r);
        // The outer ring along the cell's edges (0–2 px in), the inner ring inside it (2–4 px in), mid-edge.
        const y = (r.top + r.bottom) / 2;
        const x = (r.left + r.right) / 2;
        const at = (px: number, py: number) => pixels.atViewport(px, py);
        const outer = [at(r.left + 1, y), at(r.right - 1, y), at(x, r.top + 1), at(x, r.bottom - 1)];
        const inner = [at(r.left + 3, y), at(r.right - 3, y), at(x, r.top + 3), at(x, r.bottom - 3)];
        // On each side (a fractional edge blends its outermost pixel a little, so each side is read on its own).
        const apart = outer.map((o, i) => contrastRatio(o, inner[i]));
        console.log(`item 16 ${theme}: ring ${outer[0]} / ${inner[0]}, ${apart.map(fmt).join(' ')} apart`);
        for (const ratio of apart) expect(ratio).to.be.at.least(9);
        // Every colour of every scheme, 101 points each: on every side one ring colour stands out ≥ 3:1.
        let worst = Infinity;
        for (const name of SCHEME_NAMES) {
          const interpolate = schemeInterpolator(name)!;
          for (let i = 0; i <= 100; i++) {
            const c = parseColor(interpolate(i / 100))!;
            for (let side = 0; side < 4; side++) worst = Math.min(worst, Math.max(contrastRatio(outer[side], c), contrastRatio(inner[side], c)));
          }
        }
        console.log(`item 16 ${theme}: weakest ring against a scheme colour ${fmt(worst)}`);
        expect(worst).to.be.at.least(3);
      });
    }
  });

  describe('item 13: forced colours keep the colour bar as the cells keep their colours', () => {
    afterEach(() => executeServerCommand('forced-colors', false));

    it('paints the gradient and the pointed end in forced colours (Chromium)', async function () {
      if (!(await executeServerCommand('forced-colors', true))) this.skip();
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const el = await heatmap('light');
      const ramp = shadow(el).querySelector<HTMLElement>('.ramp')!;
      const high = shadow(el).querySelector<HTMLElement>('[data-extend="high"]')!;
      const pixels = await screenshot(inset(box(ramp), 2));
      const x = Math.floor(pixels.width / 2);
      const top = pixels.at(x, 0);
      const bottom = pixels.at(x, pixels.height - 1);
      const near = (a: Rgb, css: string) => {
        const b = parseColor(css)!;
        return a.every((v, i) => Math.abs(v - b[i]) <= 12);
      };
      const rdylgn = schemeInterpolator('RdYlGn')!;
      expect(near(top, rdylgn(1)), `top ${top}`).to.equal(true);
      expect(near(bottom, rdylgn(0)), `bottom ${bottom}`).to.equal(true);
      expect(near(pixels.at(x, Math.floor(pixels.height / 2)), rdylgn(0.5)), 'middle').to.equal(true);
      // The pointed end's centre has the top colour; the cells keep theirs too.
      const end = await screenshot(inset(box(high), 4));
      expect(near(end.at(Math.floor(end.width / 2), Math.floor(end.height * 0.7)), rdylgn(1))).to.equal(true);
      expect(getComputedStyle(cellAt(el, 7, 2)).backgroundColor).to.equal(rdylgn(1));
    });
  });
});
