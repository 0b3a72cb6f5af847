import { html, fixture, expect, oneEvent } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../src/index.js';
import type { TokenHeatmap } from '../src/index.js';
import { cellAt, centre, columnHeaders, gridCells, loadSeed, painted, rowHeaders, shadow, text, type Seed } from './helpers.js';

// Accessibility, WCAG 2.2 AA and the APG grid pattern (issue 9 items 10, 12, 17–20): what assistive
// technology is given (attributes, and Chromium's accessibility tree over CDP), real keys, the pointer.

let seed: Seed;
before(async () => {
  seed = await loadSeed();
});
afterEach(async () => {
  await sendMouse({ type: 'move', position: [innerWidth - 1, innerHeight - 1] });
  await resetMouse();
});

async function reference(extra: Partial<TokenHeatmap> = {}, caption = 'Heatmap: Token Attribution'): Promise<TokenHeatmap> {
  const wrapper = await fixture<HTMLElement>(html`<div style="padding: 8px">
    <button id="before">before</button>
    <token-heatmap .rows=${seed.rows} .columns=${seed.columns} .values=${seed.values} min="-1.5" max="1.5" label="Token Attribution" caption=${caption}></token-heatmap>
    <button id="after">after</button>
  </div>`);
  const el = wrapper.querySelector('token-heatmap')!;
  Object.assign(el, extra);
  await el.updateComplete;
  await painted();
  return el;
}

/** Waits, frame by frame, for a condition a user would see (at most 2 s). */
async function until(condition: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 120 && !condition(); i++) await painted();
  expect(condition(), what).to.equal(true);
}

interface AxNode {
  id: string;
  parent: string | null;
  children: string[];
  ignored: boolean;
  role: string;
  name: string;
  description: string;
  properties: Record<string, unknown>;
}

/** Chromium's accessibility tree (CDP); null in Firefox, which has no CDP. */
async function axTree(): Promise<AxNode[] | null> {
  return (await executeServerCommand<AxNode[] | false, undefined>('ax-tree')) || null;
}

/** Waits for the labels' background transitions (80 ms) to end, so axe reads the colours a reader sees. */
async function settled(el: TokenHeatmap): Promise<void> {
  await el.updateComplete;
  await painted();
  await Promise.all(shadow(el).getAnimations().map((a) => a.finished.catch(() => undefined)));
}

const tabInto = async (el: TokenHeatmap) => {
  (el.parentElement!.querySelector('#before') as HTMLElement).focus();
  await sendKeys({ press: 'Tab' });
  await el.updateComplete;
};
const liveRegions = (el: TokenHeatmap) => shadow(el).querySelectorAll('[aria-live], [role="status"], [role="log"]');
const live = (el: TokenHeatmap) => text(shadow(el).querySelector('[role="status"]')!);

describe('accessibility (issue 9)', () => {
  describe('item 10: cells are named by their value; headers give row and column', () => {
    it('names cells "1.9074, clamped", "-0.0060", "no value", without positions', async () => {
      const values = seed.values.map((r) => r.slice() as (number | null)[]);
      values[3][1] = null;
      const el = await reference({ values: values as number[][] });
      expect(cellAt(el, 7, 2).getAttribute('aria-label')).to.equal('1.9074, clamped');
      expect(cellAt(el, 3, 3).getAttribute('aria-label')).to.equal('-0.0060');
      expect(cellAt(el, 3, 1).getAttribute('aria-label')).to.equal('no value');
      for (const cell of gridCells(el)) expect(cell.getAttribute('aria-label')).to.not.match(/ of \d|row|column/);
    });

    it('gives each cell its row and column headers in the accessibility tree (Chromium)', async function () {
      const el = await reference();
      const tree = await axTree();
      if (!tree) this.skip();
      const byId = new Map(tree!.map((n) => [n.id, n]));
      const cells = tree!.filter((n) => n.role === 'gridcell' && !n.ignored);
      const cell = cells.find((n) => n.name === '1.9074, clamped')!;
      expect(cell, 'the clamped cell').to.exist;
      // Its row: named by its header, holding the header '/' then the cells.
      const row = byId.get(cell.parent!)!;
      expect(row.role).to.equal('row');
      expect(row.name).to.equal('/');
      const rowChildren = row.children.map((id) => byId.get(id)!);
      expect(rowChildren[0].role).to.equal('rowheader');
      expect(rowChildren[0].name).to.equal('/');
      expect(rowChildren.slice(1).map((n) => n.name)).to.deep.equal(['0.3820', '0.0909', '1.9074, clamped', '0.6336', '0.6902']);
      // The column header with the same column index.
      const headers = tree!.filter((n) => n.role === 'columnheader').map((n) => n.name);
      expect(headers).to.include('4900 / 100 = 49');
      expect(cellAt(el, 7, 2).getAttribute('aria-colindex')).to.equal(columnHeaders(el)[2].getAttribute('aria-colindex'));
    });
  });

  describe('item 12: the tooltip is hoverable and dismissible (WCAG 1.4.13)', () => {
    const tip = (el: TokenHeatmap) => shadow(el).querySelector<HTMLElement>('[part="tooltip"]')!;
    const open = (el: TokenHeatmap) => tip(el).getBoundingClientRect().width > 0;

    it('keeps the tooltip, and its cell, when the pointer moves onto it', async () => {
      const el = await reference();
      await sendMouse({ type: 'move', position: centre(cellAt(el, 7, 2)) });
      await until(() => open(el) && text(tip(el)).includes('1.9074'), 'the tooltip of 1.9074');
      const before = text(tip(el));
      // Straight onto the tooltip, then across it: it covers other cells, which must not take over.
      const box = tip(el).getBoundingClientRect();
      const events: unknown[] = [];
      el.addEventListener('cell-hover', (e) => events.push((e as CustomEvent).detail));
      const cell = cellAt(el, 7, 2).getBoundingClientRect();
      for (const y of [cell.top - 2, cell.top - 6, box.bottom - 3, (box.top + box.bottom) / 2]) {
        await sendMouse({ type: 'move', position: [Math.round((cell.left + cell.right) / 2), Math.round(y)] });
        await painted();
      }
      await sendMouse({ type: 'move', position: [Math.round(box.left + 4), Math.round((box.top + box.bottom) / 2)] });
      await painted();
      await el.updateComplete;
      expect(open(el)).to.equal(true);
      expect(text(tip(el))).to.equal(before);
      expect(events).to.deep.equal([]);
      expect(rowHeaders(el)[7].classList.contains('hot')).to.equal(true);
      // Off the tooltip, away from the grid: it goes.
      const leave = oneEvent(el, 'cell-hover');
      await sendMouse({ type: 'move', position: [innerWidth - 1, innerHeight - 1] });
      expect((await leave).detail).to.equal(null);
      await until(() => !open(el), 'the tooltip hidden');
    });

    it('keeps its cell while the pointer crosses a neighbour diagonally on its way to the tooltip', async () => {
      const el = await reference();
      const cell = cellAt(el, 7, 2).getBoundingClientRect();
      const from = { x: cell.left + 3, y: cell.bottom - 5 };
      await sendMouse({ type: 'move', position: [Math.round(from.x), Math.round(from.y)] });
      await until(() => open(el) && text(tip(el)).includes('1.9074'));
      const box = tip(el).getBoundingClientRect();
      expect(box.bottom).to.be.at.most(cell.top);
      expect(box.left).to.be.below(cell.left - 30);
      // Out through the cell's left side, over its left neighbour (row 7, column 1), toward the tooltip's
      // far left corner: a path that the bridge under the tooltip does not cover.
      const neighbour = cellAt(el, 7, 1).getBoundingClientRect();
      const target = { x: box.left + 4, y: box.bottom - 2 };
      const steps = 8;
      let crossed = false;
      for (let i = 1; i <= steps; i++) {
        const x = from.x + ((target.x - from.x) * i) / steps;
        const y = from.y + ((target.y - from.y) * i) / steps;
        crossed ||= x >= neighbour.left && x <= neighbour.right && y >= neighbour.top && y <= neighbour.bottom;
        await sendMouse({ type: 'move', position: [Math.round(x), Math.round(y)] });
        await painted();
        expect(text(tip(el)), `step ${i}`).to.contain('1.9074');
      }
      expect(crossed, 'the path crossed the neighbour').to.equal(true);
      expect(rowHeaders(el)[7].classList.contains('hot')).to.equal(true);
    });

    it('follows the pointer to another cell when it does not head for the tooltip', async () => {
      const el = await reference();
      await sendMouse({ type: 'move', position: centre(cellAt(el, 7, 2)) });
      await until(() => text(tip(el)).includes('1.9074'));
      // Down, away from the tooltip above.
      await sendMouse({ type: 'move', position: centre(cellAt(el, 8, 2)) });
      await until(() => text(tip(el)).includes('0.0022'), 'the next cell’s tooltip');
    });

    it('closes with Escape wherever focus is, and comes back for the next cell', async () => {
      const el = await reference();
      const outside = el.parentElement!.querySelector<HTMLElement>('#after')!;
      outside.focus();
      await sendMouse({ type: 'move', position: centre(cellAt(el, 7, 2)) });
      await until(() => open(el));
      await sendKeys({ press: 'Escape' });
      await until(() => !open(el), 'dismissed with focus outside the grid');
      expect(document.activeElement).to.equal(outside);
      // The pointer has not moved: it stays closed through further renders.
      el.decimals = 3;
      await el.updateComplete;
      await painted();
      expect(open(el)).to.equal(false);
      await sendMouse({ type: 'move', position: centre(cellAt(el, 7, 3)) });
      await until(() => open(el) && text(tip(el)).includes('0.6336'), 'the next cell’s tooltip');
      // With focus in the grid too (where Escape also clears the selection).
      await tabInto(el);
      await until(() => open(el));
      await sendKeys({ press: 'Escape' });
      await until(() => !open(el), 'dismissed with focus in the grid');
    });
  });

  describe('item 17: the caption is a heading and names the grid', () => {
    it('is a heading of level 2 by default, caption-level sets it, and the grid is labelled by it', async () => {
      const el = await reference();
      const caption = shadow(el).querySelector<HTMLElement>('[part="caption"]')!;
      expect(caption.getAttribute('role')).to.equal('heading');
      expect(caption.getAttribute('aria-level')).to.equal('2');
      const grid = shadow(el).querySelector('[role="grid"]')!;
      expect(shadow(el).getElementById(grid.getAttribute('aria-labelledby')!)).to.equal(caption);
      expect(grid.hasAttribute('aria-label')).to.equal(false);
      // `label` stays the colour bar's name.
      expect(shadow(el).querySelector('[part="colorbar"]')!.getAttribute('aria-label')).to.match(/^Token Attribution: colour scale/);
      el.setAttribute('caption-level', '3');
      await el.updateComplete;
      expect(el.captionLevel).to.equal(3);
      expect(caption.getAttribute('aria-level')).to.equal('3');
      el.captionLevel = 1;
      await el.updateComplete;
      expect(el.getAttribute('caption-level')).to.equal('1');
      expect(caption.getAttribute('aria-level')).to.equal('1');
    });

    it('rejects a level outside 1–6 with the alert and keeps 2', async () => {
      const el = await reference();
      const event = oneEvent(el, 'error');
      el.setAttribute('caption-level', '7');
      expect(String((await event).detail)).to.contain('caption-level: 7 is not a whole number from 1 to 6; using 2');
      await el.updateComplete;
      expect(shadow(el).querySelector('[part="caption"]')!.getAttribute('aria-level')).to.equal('2');
    });

    it('names the grid by the label when there is no caption', async () => {
      const el = await reference({}, '');
      const grid = shadow(el).querySelector('[role="grid"]')!;
      expect(grid.getAttribute('aria-label')).to.equal('Token Attribution');
      expect(grid.hasAttribute('aria-labelledby')).to.equal(false);
    });

    it('is a heading named by the caption, and the grid bears its name, in the accessibility tree (Chromium)', async function () {
      await reference();
      const tree = await axTree();
      if (!tree) this.skip();
      const heading = tree!.find((n) => n.role === 'heading' && n.name === 'Heatmap: Token Attribution')!;
      expect(heading, 'the heading').to.exist;
      expect(heading.properties.level).to.equal(2);
      const grid = tree!.find((n) => n.role === 'grid')!;
      expect(grid.name).to.equal('Heatmap: Token Attribution');
      expect(grid.properties.readonly).to.equal(true);
    });
  });

  describe('item 18: read-only grid, one polite live region, "selected" said once', () => {
    it('is aria-readonly with one live region, silent on the first render', async () => {
      const el = await reference();
      expect(shadow(el).querySelector('[role="grid"]')!.getAttribute('aria-readonly')).to.equal('true');
      expect(liveRegions(el)).to.have.length(1);
      const region = shadow(el).querySelector('[role="status"]')!;
      expect(region.getAttribute('aria-live')).to.equal('polite');
      expect(live(el)).to.equal('');
    });

    it('announces a selection made with keys, once, and its clearing', async () => {
      const el = await reference();
      await tabInto(el);
      for (let i = 0; i < 7; i++) await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const cell = cellAt(el, 7, 2);
      expect(cell.getAttribute('aria-selected')).to.equal('true');
      expect(live(el)).to.equal("Selected /, 4900 / 100 = 49: 1.9074.");
      // "selected" once: from aria-selected; neither the name nor the description repeats it.
      expect(cell.getAttribute('aria-label')).to.equal('1.9074, clamped');
      expect(`${cell.getAttribute('aria-label')} ${cell.getAttribute('aria-description')}`).to.not.match(/selected/i);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(live(el)).to.equal('Selection cleared.');
      expect(liveRegions(el)).to.have.length(1);
    });

    it('announces new data with its summary, and a selection set by the page', async () => {
      const el = await reference();
      el.values = seed.values.map((row) => row.map((v) => v * 0.5));
      await el.updateComplete;
      expect(live(el)).to.match(/^Data updated: 13 tokens × 5 outputs; largest 0\.9537 at '\/' × '4900 \/ 100 = 49'/);
      el.selected = { rowIndex: 0, columnIndex: 1 };
      await el.updateComplete;
      expect(live(el)).to.match(/^Selected _\$, 7 x 5 = 35: 0\.0108\.\s?$/);
    });

    it('is the one live region, polite, in the accessibility tree (Chromium)', async function () {
      const el = await reference();
      el.selected = { rowIndex: 7, columnIndex: 2 };
      await el.updateComplete;
      const tree = await axTree();
      if (!tree) this.skip();
      const regions = tree!.filter((n) => n.properties.live && n.properties.live !== 'off' && n.role === 'status');
      expect(regions).to.have.length(1);
      expect(regions[0].properties.live).to.equal('polite');
      const selected = tree!.filter((n) => n.role === 'gridcell' && n.properties.selected === true);
      expect(selected.map((n) => n.name)).to.deep.equal(['1.9074, clamped']);
    });
  });

  describe('item 19: the full-precision value and the exact token are the cell’s description', () => {
    it('describes a cell by its exact value, clamping and token; the tooltip stays aria-hidden', async () => {
      const el = await reference({ rows: [' the', ...seed.rows.slice(1)], values: [[0.021637, ...seed.values[0].slice(1)], ...seed.values.slice(1)] });
      expect(cellAt(el, 0, 0).getAttribute('aria-label')).to.equal('0.0216');
      expect(cellAt(el, 0, 0).getAttribute('aria-description')).to.equal('exact value 0.021637; token " the"');
      expect(cellAt(el, 7, 2).getAttribute('aria-description')).to.equal('exact value 1.9074, colour clamped to 1.5; token "/"');
      expect(shadow(el).querySelector('[part="tooltip"]')!.getAttribute('aria-hidden')).to.equal('true');
      // Normalised: the raw value too.
      el.normalization = 'all';
      await el.updateComplete;
      expect(cellAt(el, 7, 2).getAttribute('aria-description')).to.equal('exact value 1; raw value 1.9074; token "/"');
    });

    it('reaches the accessibility tree as the description (Chromium)', async function () {
      await reference({ rows: [' the', ...seed.rows.slice(1)] });
      const tree = await axTree();
      if (!tree) this.skip();
      const cell = tree!.find((n) => n.role === 'gridcell' && n.name === '-0.0756')!;
      expect(cell.description).to.equal('exact value -0.0756; token " the"');
    });
  });

  describe('item 20: concise headers; rows named by their header, not by every cell', () => {
    it('names headers without a JSON title, and rows by their header', async () => {
      const el = await reference({ rows: [' the', ...seed.rows.slice(1)] });
      for (const header of [...rowHeaders(el), ...columnHeaders(el)]) expect(header.hasAttribute('title')).to.equal(false);
      expect(rowHeaders(el)[7].getAttribute('aria-label')).to.equal('/');
      expect(rowHeaders(el)[7].hasAttribute('aria-description')).to.equal(false);
      expect(rowHeaders(el)[0].getAttribute('aria-label')).to.equal('space the');
      expect(rowHeaders(el)[0].getAttribute('aria-description')).to.equal('token " the"');
      const rows = [...shadow(el).querySelectorAll('[role="row"]')].slice(1);
      expect(rows.map((r) => r.getAttribute('aria-label'))).to.deep.equal(['space the', ...seed.rows.slice(1)]);
    });

    it('in the accessibility tree: "/" with no description, rows not named by their cells (Chromium)', async function () {
      await reference();
      const tree = await axTree();
      if (!tree) this.skip();
      const headers = tree!.filter((n) => n.role === 'rowheader');
      expect(headers.map((n) => n.name)).to.deep.equal(seed.rows);
      expect(headers.map((n) => n.description)).to.deep.equal(seed.rows.map(() => ''));
      const rows = tree!.filter((n) => n.role === 'row');
      expect(rows.slice(1).map((n) => n.name)).to.deep.equal(seed.rows);
      for (const row of rows) expect(row.name).to.not.match(/\d\.\d{4}/);
    });
  });

  describe('axe in every state', () => {
    it('passes axe: default, dark, transposed, focused, hovered with the tooltip and band, selected, missing and clamped', async () => {
      const values = seed.values.map((r) => r.slice() as (number | null)[]);
      values[3][1] = null;
      const el = await reference({ values: values as number[][], crosshair: 'band' });
      await expect(el).to.be.accessible();
      el.theme = 'dark';
      await settled(el);
      await expect(el).to.be.accessible();
      await tabInto(el);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await settled(el);
      await expect(el).to.be.accessible();
      await sendMouse({ type: 'move', position: centre(cellAt(el, 7, 2)) });
      await until(() => shadow(el).querySelectorAll('[part="band"]').length === 2);
      await settled(el);
      await expect(el).to.be.accessible();
      el.transpose = true;
      el.captionLevel = 4;
      await settled(el);
      await expect(el).to.be.accessible();
    });

    it('passes axe with groups, an opened group, a run of hidden rows, an alert and no caption', async () => {
      const el = await reference({ groupRows: 'words', topK: 3, decimals: 99 as number }, '');
      rowHeaders(el).find((h) => h.getAttribute('aria-expanded') === 'false')?.click();
      await settled(el);
      expect(shadow(el).querySelector('[role="alert"]')).to.exist;
      await expect(el).to.be.accessible();
    });
  });
});
