import { html, fixture, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse, emulateMedia } from '@web/test-runner-commands';
import '../src/index.js';
import type { TokenHeatmap, CellHoverEvent, CellSelectEvent } from '../src/index.js';
import { contrastRatio, parseColor } from '../src/color.js';
import { cellAt, centre, positionOf, columnHeaders, loadSeed, painted, rowHeaders, shadow, text, type Seed } from './helpers.js';

let seed: Seed;
before(async () => {
  seed = await loadSeed();
});
afterEach(async () => {
  await resetMouse();
  await emulate({ colorScheme: 'light', reducedMotion: 'no-preference' });
});

/**
 * Emulates media features; false where the browser cannot (Firefox over
 * WebDriver BiDi has no media emulation), so those tests skip there.
 */
async function emulate(media: Parameters<typeof emulateMedia>[0]): Promise<boolean> {
  if (navigator.userAgent.includes('Firefox')) return false;
  await emulateMedia(media);
  return true;
}

async function reference(extra: Partial<TokenHeatmap> = {}): Promise<TokenHeatmap> {
  const wrapper = await fixture<HTMLElement>(html`<div>
    <button id="before">before</button>
    <token-heatmap
      .rows=${seed.rows}
      .columns=${seed.columns}
      .values=${seed.values}
      min="-1.5"
      max="1.5"
      label="Token Attribution"
    ></token-heatmap>
    <button id="after">after</button>
  </div>`);
  const el = wrapper.querySelector('token-heatmap')!;
  Object.assign(el, extra);
  await el.updateComplete;
  await painted();
  return el;
}

/** The focused element inside the heatmap's shadow root, as its display position. */
function focused(el: TokenHeatmap): [number, number] | null {
  const active = shadow(el).activeElement as HTMLElement | null;
  if (!active || !active.hasAttribute('aria-colindex')) return null;
  return positionOf(active);
}

/** Presses a key, or a chord like `Control+End`. */
async function press(key: string) {
  const [modifier, main] = key.includes('+') ? key.split('+') : [undefined, key];
  if (modifier) await sendKeys({ down: modifier });
  await sendKeys({ press: main });
  if (modifier) await sendKeys({ up: modifier });
}

async function tabInto(el: TokenHeatmap) {
  (el.parentElement!.querySelector('#before') as HTMLElement).focus();
  await press('Tab');
  await el.updateComplete;
}

/** Waits, frame by frame, for a condition a user would see (at most 2 s). */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 120 && !condition(); i++) await painted();
  expect(condition()).to.equal(true);
}

const intersects = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('<token-heatmap> interaction', () => {
  it('passes axe in the dark and transposed states', async () => {
    const dark = await reference({ theme: 'dark' });
    await expect(dark).to.be.accessible();
    const transposed = await reference({ transpose: true });
    await expect(transposed).to.be.accessible();
  });

  describe('keyboard', () => {
    it('is one tab stop with a roving tabindex, followed by the export menu', async () => {
      const el = await reference();
      const stops = [...shadow(el).querySelectorAll('[role="grid"] [tabindex="0"]')];
      expect(stops).to.have.length(1);
      await tabInto(el);
      expect(focused(el)).to.deep.equal([0, 0]);
      await press('Tab');
      expect(shadow(el).activeElement!.getAttribute('aria-controls')).to.equal('export-formats');
      await press('Tab');
      expect(document.activeElement!.id).to.equal('after');
    });

    it('moves by arrows, Home/End, Ctrl+Home/End and pages, into the headers too', async () => {
      const el = await reference();
      await tabInto(el);
      const steps: [string, [number, number]][] = [
        ['ArrowRight', [0, 1]],
        ['ArrowDown', [1, 1]],
        ['ArrowLeft', [1, 0]],
        ['ArrowLeft', [1, -1]],
        ['ArrowLeft', [1, -1]],
        ['ArrowUp', [0, -1]],
        ['ArrowUp', [-1, -1]],
        ['ArrowRight', [-1, 0]],
        ['End', [-1, 4]],
        ['ArrowDown', [0, 4]],
        ['Home', [0, 0]],
        ['Control+End', [12, 4]],
        ['ArrowDown', [12, 4]],
        ['ArrowRight', [12, 4]],
        ['Control+Home', [0, 0]],
        ['PageDown', [12, 0]],
        ['PageUp', [0, 0]],
      ];
      for (const [key, position] of steps) {
        await press(key);
        await el.updateComplete;
        expect(focused(el), key).to.deep.equal(position);
        expect(shadow(el).querySelectorAll('[tabindex="0"]')).to.have.length(1);
      }
    });

    it('draws a visible focus ring that is not colour alone', async () => {
      const el = await reference();
      await tabInto(el);
      await press('ArrowRight');
      const style = getComputedStyle(cellAt(el, 0, 1));
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
      expect(style.boxShadow).to.not.equal('none');
    });

    it('selects with Enter and Space and clears with Escape', async () => {
      const el = await reference();
      await tabInto(el);
      for (let i = 0; i < 7; i++) await press('ArrowDown');
      await press('ArrowRight');
      await press('ArrowRight');
      let event = oneEvent(el, 'cell-select') as Promise<CellSelectEvent>;
      await press('Enter');
      const { detail } = await event;
      expect(detail).to.deep.equal({ rowIndex: 7, columnIndex: 2, row: '/', column: '4900 / 100 = 49', value: 1.9074 });
      expect(el.selected).to.deep.equal({ rowIndex: 7, columnIndex: 2 });
      await el.updateComplete;
      expect(cellAt(el, 7, 2).getAttribute('aria-selected')).to.equal('true');
      expect(cellAt(el, 7, 2).getAttribute('part')).to.contain('cell-selected');

      event = oneEvent(el, 'cell-select') as Promise<CellSelectEvent>;
      await press(' ');
      expect((await event).detail).to.equal(null);
      expect(el.selected).to.equal(null);

      await press('Enter');
      event = oneEvent(el, 'cell-select') as Promise<CellSelectEvent>;
      await press('Escape');
      expect((await event).detail).to.equal(null);
      await el.updateComplete;
      expect(cellAt(el, 7, 2).getAttribute('aria-selected')).to.equal('false');
    });

    it('keeps focus and selection across a data update when the cell still exists', async () => {
      const el = await reference();
      await tabInto(el);
      await press('ArrowDown');
      await press('ArrowRight');
      await press('Enter');
      el.values = seed.values.map((row) => row.map((v) => v * 0.5));
      await el.updateComplete;
      await painted();
      expect(focused(el)).to.deep.equal([1, 1]);
      expect(el.selected).to.deep.equal({ rowIndex: 1, columnIndex: 1 });
      expect(cellAt(el, 1, 1).getAttribute('aria-selected')).to.equal('true');
      await press('ArrowRight');
      expect(focused(el)).to.deep.equal([1, 2]);
    });
  });

  describe('pointer', () => {
    it('shows a tooltip with token, column, full value and clamping, inside the viewport and off the cell', async () => {
      const el = await reference();
      const cell = cellAt(el, 7, 2);
      const hover = oneEvent(el, 'cell-hover') as Promise<CellHoverEvent>;
      await sendMouse({ type: 'move', position: centre(cell) });
      const { detail } = await hover;
      expect(detail).to.deep.equal({ rowIndex: 7, columnIndex: 2, row: '/', column: '4900 / 100 = 49', value: 1.9074 });
      await el.updateComplete;
      const tip = shadow(el).querySelector<HTMLElement>('[part="tooltip"]')!;
      const tipText = text(tip);
      expect(tipText).to.contain('/').and.contain('4900 / 100 = 49').and.contain('1.9074').and.contain('clamped to 1.5');
      const box = tip.getBoundingClientRect();
      expect(box.width).to.be.greaterThan(0);
      expect(box.left).to.be.at.least(0);
      expect(box.top).to.be.at.least(0);
      expect(box.right).to.be.at.most(window.innerWidth);
      expect(box.bottom).to.be.at.most(window.innerHeight);
      expect(intersects(box, cell.getBoundingClientRect())).to.equal(false);

      // The crosshair: this cell's row and column labels are highlighted.
      expect(rowHeaders(el)[7].classList.contains('hot')).to.equal(true);
      expect(columnHeaders(el)[2].classList.contains('hot')).to.equal(true);
      expect(rowHeaders(el)[6].classList.contains('hot')).to.equal(false);
      // The highlight fades in: its background comes to differ from an unhighlighted label's.
      await waitUntil(
        () => getComputedStyle(rowHeaders(el)[7]).backgroundColor !== getComputedStyle(rowHeaders(el)[6]).backgroundColor,
        'the hovered row label is highlighted',
        { interval: 10, timeout: 2000 },
      );

      const leave = oneEvent(el, 'cell-hover') as Promise<CellHoverEvent>;
      await sendMouse({ type: 'move', position: [window.innerWidth - 2, window.innerHeight - 2] });
      expect((await leave).detail).to.equal(null);
      await el.updateComplete;
      expect(tip.getBoundingClientRect().width).to.equal(0);
    });

    it('keeps the tooltip inside the viewport for a cell at the window edge', async () => {
      const el = await reference();
      el.style.position = 'fixed';
      el.style.left = '0';
      el.style.top = '0';
      await painted();
      const cell = cellAt(el, 0, 0);
      await sendMouse({ type: 'move', position: centre(cell) });
      await el.updateComplete;
      const box = shadow(el).querySelector<HTMLElement>('[part="tooltip"]')!.getBoundingClientRect();
      expect(box.left).to.be.at.least(0);
      expect(box.top).to.be.at.least(0);
      expect(intersects(box, cell.getBoundingClientRect())).to.equal(false);
    });

    it('selects on click and clears on a second click', async () => {
      const el = await reference();
      const cell = cellAt(el, 0, 3);
      let event = oneEvent(el, 'cell-select') as Promise<CellSelectEvent>;
      await sendMouse({ type: 'click', position: centre(cell) });
      expect((await event).detail).to.deep.equal({ rowIndex: 0, columnIndex: 3, row: '_$', column: '9 - 3 = 6', value: 0.1044 });
      await el.updateComplete;
      expect(getComputedStyle(cell).boxShadow).to.not.equal('none');
      event = oneEvent(el, 'cell-select') as Promise<CellSelectEvent>;
      await sendMouse({ type: 'click', position: centre(cell) });
      expect((await event).detail).to.equal(null);
    });

    it('reports the caller\'s indices when transposed', async () => {
      const el = await reference({ transpose: true });
      const cell = cellAt(el, 2, 7);
      const hover = oneEvent(el, 'cell-hover') as Promise<CellHoverEvent>;
      await sendMouse({ type: 'move', position: centre(cell) });
      expect((await hover).detail).to.deep.equal({ rowIndex: 7, columnIndex: 2, row: '/', column: '4900 / 100 = 49', value: 1.9074 });
      const select = oneEvent(el, 'cell-select') as Promise<CellSelectEvent>;
      await sendMouse({ type: 'click', position: centre(cell) });
      expect((await select).detail!.rowIndex).to.equal(7);
      expect(el.selected).to.deep.equal({ rowIndex: 7, columnIndex: 2 });
    });

    it('shades the hovered row and column with crosshair="band"', async () => {
      const el = await reference({ crosshair: 'band' });
      const cell = cellAt(el, 3, 1);
      await sendMouse({ type: 'move', position: centre(cell) });
      await el.updateComplete;
      const bands = [...shadow(el).querySelectorAll<HTMLElement>('[part="band"]')];
      expect(bands).to.have.length(2);
      const c = cell.getBoundingClientRect();
      const [row, column] = bands.map((b) => b.getBoundingClientRect());
      expect(row.top).to.be.closeTo(c.top, 1);
      expect(row.height).to.be.closeTo(c.height, 1);
      expect(column.left).to.be.closeTo(c.left, 1);
      expect(column.width).to.be.closeTo(c.width, 1);
    });
  });

  describe('selection by property', () => {
    it('draws the selected cell from the property and the attribute', async () => {
      const el = await reference({ selected: { rowIndex: 4, columnIndex: 2 } });
      expect(cellAt(el, 4, 2).getAttribute('aria-selected')).to.equal('true');
      expect(JSON.parse(el.getAttribute('selected')!)).to.deep.equal({ rowIndex: 4, columnIndex: 2 });
      el.setAttribute('selected', '{"rowIndex":0,"columnIndex":0}');
      await el.updateComplete;
      expect(cellAt(el, 0, 0).getAttribute('aria-selected')).to.equal('true');
      expect(cellAt(el, 4, 2).getAttribute('aria-selected')).to.equal('false');
      el.transpose = true;
      await el.updateComplete;
      el.selected = { rowIndex: 7, columnIndex: 2 };
      await el.updateComplete;
      expect(cellAt(el, 2, 7).getAttribute('aria-selected')).to.equal('true');
      el.selected = null;
      await el.updateComplete;
      expect(shadow(el).querySelectorAll('[aria-selected="true"]')).to.have.length(0);
    });
  });

  describe('screen readers', () => {
    it('names each cell by its value and clamping; headers and whole-grid indices give row and column', async () => {
      const el = await reference();
      const grid = shadow(el).querySelector('[role="grid"]')!;
      expect(grid.getAttribute('aria-rowcount')).to.equal('14');
      expect(grid.getAttribute('aria-colcount')).to.equal('6');
      const cell = cellAt(el, 7, 2);
      // No positions in the name (they contradicted aria-rowindex) and the value first (issue 9 item 10).
      expect(cell.getAttribute('aria-label')).to.equal('1.9074, clamped');
      expect(cellAt(el, 3, 3).getAttribute('aria-label')).to.equal('-0.0060');
      expect(cell.getAttribute('aria-colindex')).to.equal('4');
      expect(cell.closest('[role="row"]')!.getAttribute('aria-rowindex')).to.equal('9');
      expect(rowHeaders(el)[7].getAttribute('aria-colindex')).to.equal('1');
      expect(columnHeaders(el)[2].getAttribute('aria-colindex')).to.equal('4');
    });

    it('describes the shape and extremes in a visually hidden summary', async () => {
      const el = await reference();
      const grid = shadow(el).querySelector('[role="grid"]')!;
      const summary = shadow(el).getElementById(grid.getAttribute('aria-describedby')!)!;
      expect(text(summary)).to.equal(
        "13 tokens × 5 outputs; largest 1.9074 at '/' × '4900 / 100 = 49'; smallest -0.0987 at '1' × '4900 / 100 = 49'.",
      );
      expect(summary.getBoundingClientRect().width).to.be.at.most(1);
    });
  });

  describe('themes', () => {
    async function labelContrast(el: TokenHeatmap) {
      const background = parseColor(getComputedStyle(el).backgroundColor)!;
      const pieces = [...rowHeaders(el), ...columnHeaders(el), ...shadow(el).querySelectorAll<HTMLElement>('.tick, .colorbar-title')];
      return pieces.map((p) => contrastRatio(parseColor(getComputedStyle(p).color)!, background));
    }

    it('is readable in the dark theme: labels, ticks and glyphs', async () => {
      const el = await reference({ theme: 'dark', rows: [...seed.rows.slice(0, 12), ' the'] });
      const background = parseColor(getComputedStyle(el).backgroundColor)!;
      expect(background.every((c) => c < 60)).to.equal(true);
      for (const ratio of await labelContrast(el)) expect(ratio).to.be.at.least(4.5);
      const glyph = shadow(el).querySelector('.glyph')!;
      expect(contrastRatio(parseColor(getComputedStyle(glyph).color)!, background)).to.be.at.least(4.5);
    });

    it('follows prefers-color-scheme on a page that takes it (color-scheme: light dark) unless theme is set', async function () {
      if (!(await emulate({ colorScheme: 'dark' }))) this.skip();
      // A page that follows the reader's preference: its canvas is dark under a dark preference.
      document.documentElement.style.colorScheme = 'light dark';
      try {
        const el = await reference();
        await until(() => parseColor(getComputedStyle(el).backgroundColor)!.every((c) => c < 60));
        for (const ratio of await labelContrast(el)) expect(ratio).to.be.at.least(4.5);
        el.theme = 'light';
        await el.updateComplete;
        expect(parseColor(getComputedStyle(el).backgroundColor)!.every((c) => c > 200)).to.equal(true);
        for (const ratio of await labelContrast(el)) expect(ratio).to.be.at.least(4.5);
      } finally {
        document.documentElement.style.removeProperty('color-scheme');
      }
    });

    it('has no transitions when reduced motion is preferred', async function () {
      if (!(await emulate({ reducedMotion: 'reduce' }))) this.skip();
      const el = await reference();
      for (const header of rowHeaders(el)) expect(getComputedStyle(header).transitionDuration).to.equal('0s');
    });
  });
});
