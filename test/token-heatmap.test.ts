import { html, fixture, expect, oneEvent } from '@open-wc/testing';
import { interpolateRdYlGn, interpolateRdBu, interpolatePuOr } from 'd3-scale-chromatic';
import '../src/index.js';
import type { TokenHeatmap } from '../src/index.js';
import { contrastRatio, parseColor } from '../src/color.js';
import { sendMouse, resetMouse } from '@web/test-runner-commands';
import { cellAt, centre, columnHeaders, gridCells, loadSeed, rowHeaders, shadow, text, type Seed } from './helpers.js';

let seed: Seed;
before(async () => {
  seed = await loadSeed();
});

async function reference(extra: Partial<TokenHeatmap> = {}): Promise<TokenHeatmap> {
  const el = await fixture<TokenHeatmap>(html`<token-heatmap
    .rows=${seed.rows}
    .columns=${seed.columns}
    .values=${seed.values}
    min="-1.5"
    max="1.5"
    label="Token Attribution"
    caption="Heatmap: Token Attribution"
  ></token-heatmap>`);
  Object.assign(el, extra);
  await el.updateComplete;
  return el;
}

/** RdYlGn position of a value on the symmetric domain [-r, r]. */
const rdylgn = (value: number, r: number) => interpolateRdYlGn(Math.max(0, Math.min(1, (value + r) / (2 * r))));

describe('<token-heatmap>', () => {
  it('passes an axe accessibility check', async () => {
    const el = await reference();
    await expect(el).to.be.accessible();
  });

  describe('the reference figure', () => {
    it('draws 13 token rows × 5 columns in order, duplicates kept', async () => {
      const el = await reference();
      const grid = shadow(el).querySelector('[role="grid"]')!;
      // Named by its visible caption (issue 9 item 17); `label` names the colour bar.
      expect(text(shadow(el).getElementById(grid.getAttribute('aria-labelledby')!)!)).to.equal('Heatmap: Token Attribution');
      expect(gridCells(el)).to.have.length(65);
      // Plain tokens are named by themselves, with no description repeating them (item 20).
      expect(rowHeaders(el).map((h) => h.getAttribute('aria-label'))).to.deep.equal(seed.rows);
      expect(rowHeaders(el).filter((h) => h.hasAttribute('aria-description') || h.title)).to.deep.equal([]);
      expect(rowHeaders(el).map(text)).to.deep.equal(['_$', '1', '6', ',', '0', '0', '0', '/', '-', '0', '.', '8', '=']);
      expect(columnHeaders(el).map(text)).to.deep.equal(seed.columns);
      const rows = [...grid.querySelectorAll('[role="row"]')];
      expect(rows).to.have.length(14);
      // Reading order: each row holds its row header then its five cells.
      const second = rows[8];
      expect(second.querySelector('[role="rowheader"]')!.textContent!.trim()).to.equal('/');
      expect([...second.querySelectorAll('[role="gridcell"]')].map(text)).to.deep.equal([
        '0.3820',
        '0.0909',
        '1.9074',
        '0.6336',
        '0.6902',
      ]);
    });

    it('prints every value with four decimals, minus signs kept on rounded-away negatives', async () => {
      const el = await reference();
      expect(text(cellAt(el, 7, 2))).to.equal('1.9074');
      expect(text(cellAt(el, 0, 0))).to.equal('-0.0756');
      expect(text(cellAt(el, 2, 4))).to.equal('-0.0000');
      expect(text(cellAt(el, 5, 1))).to.equal('-0.0000');
      expect(text(cellAt(el, 5, 0))).to.equal('0.0000');
      expect(text(cellAt(el, 3, 3))).to.equal('-0.0060');
      for (const cell of gridCells(el)) expect(text(cell)).to.match(/^-?\d\.\d{4}$/);
    });

    it('colours every cell with d3 RdYlGn over [-1.5, 1.5]', async () => {
      const el = await reference();
      seed.values.forEach((row, r) =>
        row.forEach((value, c) => {
          expect(getComputedStyle(cellAt(el, r, c)).backgroundColor, `cell ${r},${c}`).to.equal(rdylgn(value, 1.5));
        }),
      );
    });

    it('prints every value with at least 4.5:1 contrast against its cell', async () => {
      const el = await reference();
      for (const cell of gridCells(el)) {
        const style = getComputedStyle(cell);
        const ratio = contrastRatio(parseColor(style.color)!, parseColor(style.backgroundColor)!);
        expect(ratio, cell.getAttribute('aria-label')!).to.be.at.least(4.5);
      }
    });

    it('clamps 1.9074 to the top colour, marks the cell and points the bar end', async () => {
      const el = await reference();
      const cell = cellAt(el, 7, 2);
      expect(getComputedStyle(cell).backgroundColor).to.equal(interpolateRdYlGn(1));
      expect(cell.getAttribute('aria-label')).to.contain('1.9074').and.contain('clamped');
      expect(cell.getAttribute('part')).to.contain('cell-clamped');
      // The marker is a visible triangle drawn in the text colour.
      const marker = getComputedStyle(cell, '::after');
      expect(marker.content).to.not.equal('none');
      expect(marker.borderTopColor).to.equal(getComputedStyle(cell).color);
      const unclamped = gridCells(el).filter((c) => c !== cell);
      for (const c of unclamped) expect(c.getAttribute('aria-label')).to.not.contain('clamped');
      const bar = shadow(el).querySelector('[part="colorbar"]')!;
      expect(bar.querySelector('[data-extend="high"]')).to.exist;
      expect(bar.querySelector('[data-extend="low"]')).to.not.exist;
      expect(bar.getAttribute('aria-label')).to.contain('above 1.5 are clamped');
    });

    it('draws a colour bar from -1.5 to 1.5 with 0 and the label as its title', async () => {
      const el = await reference();
      const bar = shadow(el).querySelector<HTMLElement>('[part="colorbar"]')!;
      const ticks = [...bar.querySelectorAll<HTMLElement>('.tick')].sort(
        (a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
      );
      expect(ticks.map(text)).to.deep.equal(['1.5', '1', '0.5', '0', '−0.5', '−1', '−1.5']);
      expect(text(bar.querySelector('.colorbar-title')!)).to.equal('Token Attribution');
      // The bar sits right of the grid, ticks evenly spaced from the top end to the bottom end.
      const grid = shadow(el).querySelector('[role="grid"]')!.getBoundingClientRect();
      expect(bar.getBoundingClientRect().left).to.be.greaterThan(grid.right - 1);
      const tops = ticks.map((t) => t.getBoundingClientRect().top);
      const steps = tops.slice(1).map((t, i) => t - tops[i]);
      for (const step of steps) expect(step).to.be.closeTo(steps[0], 1);
      const ramp = bar.querySelector('.ramp')!;
      expect(getComputedStyle(ramp).backgroundImage).to.contain(interpolateRdYlGn(1)).and.contain(interpolateRdYlGn(0));
    });

    it('draws the caption above the grid, and the caption slot replaces it', async () => {
      const el = await reference();
      const caption = shadow(el).querySelector<HTMLElement>('[part="caption"]')!;
      expect(text(caption)).to.equal('Heatmap: Token Attribution');
      expect(caption.getBoundingClientRect().bottom).to.be.at.most(
        shadow(el).querySelector('[role="grid"]')!.getBoundingClientRect().top + 1,
      );
      const slotted = await fixture<TokenHeatmap>(html`<token-heatmap caption="built-in" .rows=${['a']} .columns=${['x']} .values=${[[1]]}>
        <h3 slot="caption">Mine</h3>
        <div slot="colorbar" id="my-bar">my legend</div>
      </token-heatmap>`);
      const captionSlot = shadow(slotted).querySelector<HTMLSlotElement>('slot[name="caption"]')!;
      expect(captionSlot.assignedElements().map(text)).to.deep.equal(['Mine']);
      expect(slotted.querySelector('h3')!.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(shadow(slotted).querySelector<HTMLElement>('[part="caption"]')!.getBoundingClientRect().height).to.equal(0);
      expect(shadow(slotted).querySelector<HTMLElement>('[part="colorbar"]')!.getBoundingClientRect().height).to.equal(0);
      expect(slotted.querySelector('#my-bar')!.getBoundingClientRect().height).to.be.greaterThan(0);
    });
  });

  describe('layout', () => {
    it('fits a narrow container: the grid scrolls sideways, row labels stick, the colour bar stays beside', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div style="width: 320px">
        <token-heatmap .rows=${seed.rows} .columns=${seed.columns} .values=${seed.values} min="-1.5" max="1.5" label="Token Attribution"></token-heatmap>
      </div>`);
      const el = wrapper.querySelector('token-heatmap')!;
      await el.updateComplete;
      const host = el.getBoundingClientRect();
      expect(host.width).to.be.at.most(320.5);
      const scroller = shadow(el).querySelector<HTMLElement>('[part="scroller"]')!;
      expect(scroller.scrollWidth).to.be.greaterThan(scroller.clientWidth);
      const bar = shadow(el).querySelector('[part="colorbar"]')!.getBoundingClientRect();
      expect(bar.right).to.be.at.most(host.right + 0.5);
      expect(bar.left).to.be.greaterThan(scroller.getBoundingClientRect().left);
      scroller.scrollLeft = 200;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(rowHeaders(el)[0].getBoundingClientRect().left).to.be.closeTo(scroller.getBoundingClientRect().left, 1);
    });

    it('sizes cells, their gap and their centred values by the cell custom properties', async () => {
      const el = await reference();
      el.style.setProperty('--token-heatmap-cell-width', '60px');
      el.style.setProperty('--token-heatmap-cell-height', '32px');
      el.style.setProperty('--token-heatmap-gap', '4px');
      const [first, second] = gridCells(el);
      const a = first.getBoundingClientRect();
      const b = second.getBoundingClientRect();
      expect([a.width, a.height]).to.deep.equal([60, 32]);
      expect(b.left - a.left, 'one cell to the next').to.equal(60);
      // The gap is a transparent border inside each cell (2 px a side), the colour within it.
      const style = getComputedStyle(first);
      expect([style.borderTopWidth, style.borderLeftWidth]).to.deep.equal(['2px', '2px']);
      expect(style.backgroundClip).to.equal('padding-box');
      // One line the height of the coloured area, so the value sits in its middle.
      expect(style.lineHeight).to.equal('28px');
      const range = document.createRange();
      range.selectNodeContents(first);
      const glyphs = range.getBoundingClientRect();
      expect(glyphs.top + glyphs.height / 2).to.be.closeTo(a.top + a.height / 2, 1.5);
      // Labels keep the element's own line height.
      expect(getComputedStyle(columnHeaders(el)[0]).lineHeight).to.not.equal('28px');
    });
  });

  describe('colour domain and schemes', () => {
    it('defaults to a domain symmetric about 0 from the largest |value|', async () => {
      const el = await fixture<TokenHeatmap>(html`<token-heatmap .rows=${seed.rows} .columns=${seed.columns} .values=${seed.values}></token-heatmap>`);
      expect(getComputedStyle(cellAt(el, 7, 2)).backgroundColor).to.equal(interpolateRdYlGn(1));
      expect(cellAt(el, 7, 2).getAttribute('aria-label')).to.not.contain('clamped');
      expect(getComputedStyle(cellAt(el, 0, 0)).backgroundColor).to.equal(rdylgn(-0.0756, 1.9074));
      expect(shadow(el).querySelector('[data-extend]')).to.not.exist;
    });

    it('gives the colour bar ticks for its full height when data arrives after the first render', async () => {
      const el = await fixture<TokenHeatmap>(html`<token-heatmap label="Token Attribution"></token-heatmap>`);
      Object.assign(el, { rows: seed.rows, columns: seed.columns, values: seed.values });
      await el.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await el.updateComplete;
      const ticks = [...shadow(el).querySelectorAll('.tick')].map(text);
      expect(ticks).to.include.members(['1.9074', '1', '0', '−1', '−1.9074']);
    });

    it('mirrors a single given end about the centre', async () => {
      const el = await reference({ min: undefined, max: 0.5 });
      expect(getComputedStyle(cellAt(el, 0, 0)).backgroundColor).to.equal(rdylgn(-0.0756, 0.5));
      const ticks = [...shadow(el).querySelectorAll('.tick')].map(text);
      expect(ticks).to.include('−0.5').and.include('0.5').and.include('0');
    });

    it('maps the centre to the scheme middle even for an asymmetric domain', async () => {
      const el = await fixture<TokenHeatmap>(html`<token-heatmap min="-1" max="3" .rows=${['a']} .columns=${['x', 'y', 'z']} .values=${[[0, 3, -1]]}></token-heatmap>`);
      expect(getComputedStyle(cellAt(el, 0, 0)).backgroundColor).to.equal(interpolateRdYlGn(0.5));
      expect(getComputedStyle(cellAt(el, 0, 1)).backgroundColor).to.equal(interpolateRdYlGn(1));
      expect(getComputedStyle(cellAt(el, 0, 2)).backgroundColor).to.equal(interpolateRdYlGn(0));
    });

    it('accepts any d3 scheme name, case-insensitive, with or without "interpolate"', async () => {
      const el = await reference({ scheme: 'rdbu' });
      expect(getComputedStyle(cellAt(el, 7, 0)).backgroundColor).to.equal(interpolateRdBu((0.382 + 1.5) / 3));
      el.scheme = 'interpolatePuOr';
      await el.updateComplete;
      expect(getComputedStyle(cellAt(el, 7, 0)).backgroundColor).to.equal(interpolatePuOr((0.382 + 1.5) / 3));
    });

    it('falls back to RdYlGn with a console warning for an unknown scheme', async () => {
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (message: string) => warnings.push(message);
      try {
        const el = await reference({ scheme: 'NoSuchScheme' });
        expect(getComputedStyle(cellAt(el, 7, 0)).backgroundColor).to.equal(rdylgn(0.382, 1.5));
      } finally {
        console.warn = warn;
      }
      expect(warnings.join('\n')).to.contain('NoSuchScheme');
    });

    it('uses an interpolator function, keeping text contrast for any colour it returns', async () => {
      const el = await reference({ interpolator: (t: number) => (t > 0.5 ? 'navy' : `hsl(60 100% ${Math.round(100 - t * 40)}%)`) });
      const cell = cellAt(el, 7, 2);
      expect(getComputedStyle(cell).backgroundColor).to.equal('rgb(0, 0, 128)');
      expect(getComputedStyle(cell).color).to.equal('rgb(255, 255, 255)');
      for (const c of gridCells(el)) {
        const s = getComputedStyle(c);
        expect(contrastRatio(parseColor(s.color)!, parseColor(s.backgroundColor)!)).to.be.at.least(4.5);
      }
    });

    it('prints the number of decimals asked for', async () => {
      const el = await reference({ decimals: 2 });
      expect(text(cellAt(el, 7, 2))).to.equal('1.91');
      expect(text(cellAt(el, 0, 0))).to.equal('-0.08');
      expect(text(cellAt(el, 1, 1))).to.equal('-0.00');
    });
  });

  describe('missing values', () => {
    it('draws null, NaN and non-numbers as hatched cells named "no value"', async () => {
      const el = await fixture<TokenHeatmap>(html`<token-heatmap
        .rows=${['a', 'b']}
        .columns=${['x', 'y']}
        .values=${[
          [null, NaN],
          [0.5, 'x'],
        ]}
      ></token-heatmap>`);
      for (const [r, c] of [
        [0, 0],
        [0, 1],
        [1, 1],
      ]) {
        const cell = cellAt(el, r, c);
        expect(text(cell)).to.equal('');
        expect(cell.getAttribute('aria-label')).to.contain('no value');
        expect(getComputedStyle(cell).backgroundImage).to.contain('repeating-linear-gradient');
      }
      expect(shadow(el).textContent).to.not.match(/NaN|null/);
      expect(text(cellAt(el, 1, 0))).to.equal('0.5000');
    });
  });

  describe('labels', () => {
    it('shows invisible and ambiguous tokens as glyphs, with the exact text on hover and for screen readers', async () => {
      const tokens = [' the', '\n', '\t', '', 'Ġcat', '▁sat', '<b>bold</b>'];
      const el = await fixture<TokenHeatmap>(html`<token-heatmap .rows=${tokens} .columns=${['x']} .values=${tokens.map(() => [0.1])}></token-heatmap>`);
      const headers = rowHeaders(el);
      expect(headers.map(text)).to.deep.equal(['␣the', '↵', '⇥', '∅', '␣cat', '␣sat', '<b>bold</b>']);
      // The exact text is the description (quoted, so "\n" shows); the name reads it aloud.
      expect(headers.map((h) => h.getAttribute('aria-description'))).to.deep.equal([...tokens.slice(0, 6).map((t) => `token ${JSON.stringify(t)}`), null]);
      expect(headers[0].getAttribute('aria-label')).to.equal('space the');
      expect(headers[1].getAttribute('aria-label')).to.equal('newline');
      expect(headers[3].getAttribute('aria-label')).to.equal('empty token');
      expect(headers[6].getAttribute('aria-label')).to.equal('<b>bold</b>');
      // Sighted readers find the exact text in each cell's tooltip.
      await sendMouse({ type: 'move', position: centre(cellAt(el, 1, 0)) });
      await el.updateComplete;
      expect(text(shadow(el).querySelector('[part="tooltip"]')!)).to.contain(JSON.stringify('\n'));
      await resetMouse();
      expect(headers[0].querySelector('.glyph')!.textContent).to.equal('␣');
      // Labels are text, never HTML.
      expect(headers[6].querySelector('b')).to.equal(null);
    });

    it('truncates long labels with an ellipsis and keeps the full text', async () => {
      const long = 'a_very_long_token_name_that_does_not_fit_anywhere_at_all';
      const el = await fixture<TokenHeatmap>(html`<token-heatmap .rows=${[long, 'b']} .columns=${['x']} .values=${[[1], [2]]}></token-heatmap>`);
      const header = rowHeaders(el)[0];
      const inner = header.querySelector<HTMLElement>('.text')!;
      expect(getComputedStyle(inner).textOverflow).to.equal('ellipsis');
      expect(inner.scrollWidth).to.be.greaterThan(inner.clientWidth);
      expect(header.getAttribute('aria-label')).to.equal(long);
      expect(cellAt(el, 0, 0).getAttribute('aria-description')).to.contain(JSON.stringify(long));
    });

    it('rotates column labels that would not fit the cell width, and wraps the ones that do', async () => {
      const el = await reference();
      expect(shadow(el).querySelector('.grid')!.classList.contains('vertical')).to.equal(false);
      const rotated = await fixture<TokenHeatmap>(html`<token-heatmap
        .rows=${['a']}
        .columns=${['The quick brown fox jumps over the lazy dog again and again', 'y']}
        .values=${[[1, 2]]}
      ></token-heatmap>`);
      expect(shadow(rotated).querySelector('.grid')!.classList.contains('vertical')).to.equal(true);
      const [first, second] = columnHeaders(rotated);
      const r1 = first.getBoundingClientRect();
      const r2 = second.getBoundingClientRect();
      expect(r1.right).to.be.at.most(r2.left + 0.5);
      expect(getComputedStyle(first.querySelector('.text')!).writingMode).to.equal('vertical-rl');
    });
  });

  describe('transpose', () => {
    it('draws tokens as columns and outputs as rows', async () => {
      // 13 columns are wider than the test page: readable cells (zoom 1) scroll instead of fitting.
      const el = await reference({ transpose: true, zoom: 1 });
      expect(rowHeaders(el).map(text)).to.deep.equal(seed.columns);
      expect(columnHeaders(el).map((h) => h.getAttribute('aria-label'))).to.deep.equal(seed.rows);
      expect(cellAt(el, 2, 7).getAttribute('aria-description')).to.equal('exact value 1.9074, colour clamped to 1.5; token "/"');
      expect(gridCells(el)).to.have.length(65);
      expect(text(cellAt(el, 2, 7))).to.equal('1.9074');
      expect(text(cellAt(el, 0, 0))).to.equal('-0.0756');
      expect(text(cellAt(el, 4, 2))).to.equal('-0.0000');
      expect(el.hasAttribute('transpose')).to.equal(true);
    });
  });

  describe('attributes and properties', () => {
    it('reads JSON attributes; options are reflected, data is never written back', async () => {
      const el = await fixture<TokenHeatmap>(html`<token-heatmap
        rows='["_$","1"]'
        columns='["a","b"]'
        values='[[0.5,-0],[null,-0.25]]'
        min="-1"
        decimals="3"
        scheme="RdBu"
        label="L"
      ></token-heatmap>`);
      expect(el.rows).to.deep.equal(['_$', '1']);
      expect(el.min).to.equal(-1);
      expect(el.decimals).to.equal(3);
      expect(text(cellAt(el, 0, 1))).to.equal('-0.000');
      expect(Object.is((el.values as number[][])[0][1], -0)).to.equal(true);

      el.rows = ['x', 'y'];
      el.values = [
        [1, -0],
        [2, 3],
      ];
      el.max = 4;
      el.transpose = true;
      await el.updateComplete;
      // Data properties leave their attributes as the author wrote them; options mirror theirs.
      expect(el.getAttribute('rows')).to.equal('["_$","1"]');
      expect(el.getAttribute('values')).to.equal('[[0.5,-0],[null,-0.25]]');
      expect(el.getAttribute('max')).to.equal('4');
      expect(el.hasAttribute('transpose')).to.equal(true);
      expect(columnHeaders(el).map(text)).to.deep.equal(['x', 'y']);

      el.setAttribute('columns', '["p","q"]');
      await el.updateComplete;
      expect(el.columns).to.deep.equal(['p', 'q']);
      expect(rowHeaders(el).map(text)).to.deep.equal(['p', 'q']);
    });

    it('never writes data to attributes, whatever its size or type', async () => {
      const el = await reference();
      for (const values of [seed.values, Array.from({ length: 60 }, () => Array(50).fill(0.25)), new Float32Array([0.5, -0.5]), [[1, 2]]]) {
        el.values = values;
        await el.updateComplete;
        expect(el.hasAttribute('values')).to.equal(false);
        expect(el.hasAttribute('rows')).to.equal(false);
      }
      expect(text(cellAt(el, 0, 0))).to.equal('1.0000');
    });

    it('updates the drawing when data changes', async () => {
      const el = await reference();
      el.values = seed.values.map((row, r) => row.map((v, c) => (r === 0 && c === 0 ? -1.2345 : v)));
      await el.updateComplete;
      expect(text(cellAt(el, 0, 0))).to.equal('-1.2345');
      expect(getComputedStyle(cellAt(el, 0, 0)).backgroundColor).to.equal(rdylgn(-1.2345, 1.5));
      el.rows = [...seed.rows, 'extra'];
      el.values = [...seed.values, [1, 1, 1, 1, 1]];
      await el.updateComplete;
      expect(rowHeaders(el)).to.have.length(14);
      expect(gridCells(el)).to.have.length(70);
    });
  });

  describe('bad input', () => {
    async function withProblem(setup: (el: TokenHeatmap) => void) {
      const el = await reference();
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (message: string) => warnings.push(String(message));
      const bubbled: Event[] = [];
      document.body.addEventListener('error', (e) => bubbled.push(e));
      try {
        const event = oneEvent(el, 'error') as unknown as Promise<Event & { detail: string }>;
        setup(el);
        const { detail } = await event;
        await el.updateComplete;
        const alert = shadow(el).querySelector('[role="alert"]');
        return { el, detail, alert: alert ? text(alert) : '', warnings, bubbled };
      } finally {
        console.warn = warn;
      }
    }

    it('shows malformed JSON in an attribute, keeps the rest and clears the message once fixed', async () => {
      const { el, detail, alert, warnings, bubbled } = await withProblem((el) => el.setAttribute('rows', '["_$", "1",'));
      expect(detail).to.contain('rows').and.contain('JSON');
      expect(alert).to.contain('rows: not valid JSON');
      expect(warnings.join()).to.contain('rows: not valid JSON');
      expect(bubbled).to.have.length(0);
      // Values survive; labels fall back to their index.
      expect(gridCells(el)).to.have.length(65);
      expect(rowHeaders(el).map(text).slice(0, 3)).to.deep.equal(['#0', '#1', '#2']);
      expect(text(cellAt(el, 7, 2))).to.equal('1.9074');
      el.setAttribute('rows', JSON.stringify(seed.rows));
      await el.updateComplete;
      expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
      expect(text(rowHeaders(el)[7])).to.equal('/');
    });

    it('explains values that are not 2-D', async () => {
      const { el, alert } = await withProblem((el) => (el.values = { a: 1 } as never));
      expect(alert).to.contain('values: expected a 2-D array');
      expect(rowHeaders(el).map(text)).to.deep.equal(['_$', '1', '6', ',', '0', '0', '0', '/', '-', '0', '.', '8', '=']);
      expect(gridCells(el).every((c) => c.getAttribute('aria-label')!.includes('no value'))).to.equal(true);
    });

    it('pads ragged rows with missing cells', async () => {
      const ragged = seed.values.map((row, r) => (r === 3 ? row.slice(0, 2) : row));
      const { el, alert } = await withProblem((el) => (el.values = ragged));
      expect(alert).to.contain('row 3').and.contain('padded');
      expect(text(cellAt(el, 3, 1))).to.equal('-0.0041');
      expect(cellAt(el, 3, 2).getAttribute('aria-label')).to.contain('no value');
      expect(text(cellAt(el, 7, 2))).to.equal('1.9074');
    });

    it('labels rows without a label by index and says so', async () => {
      const { el, alert } = await withProblem((el) => (el.rows = seed.rows.slice(0, 12)));
      expect(alert).to.contain('rows: 12 labels for 13 rows');
      expect(text(rowHeaders(el)[12])).to.equal('#12');
      expect(text(cellAt(el, 12, 4))).to.equal('0.0021');
    });

    it('shows extra column labels with empty cells', async () => {
      const { el, alert } = await withProblem((el) => (el.columns = [...seed.columns, 'extra']));
      expect(alert).to.contain('columns: 6 labels for 5 columns');
      expect(columnHeaders(el)).to.have.length(6);
      expect(cellAt(el, 0, 5).getAttribute('aria-label')).to.contain('no value');
    });

    it('names non-numbers in values and shows them as missing', async () => {
      const { el, alert } = await withProblem((el) => el.setAttribute('values', '[[1, "oops"], [2, 3]]'));
      expect(alert).to.contain('values[0][1]').and.contain('oops');
      expect(text(cellAt(el, 1, 1))).to.equal('3.0000');
    });

    it('reports a min that is not a number and min ≥ max', async () => {
      const { el, alert } = await withProblem((el) => el.setAttribute('min', 'abc'));
      expect(alert).to.contain('min').and.contain('abc');
      el.setAttribute('min', '2');
      await el.updateComplete;
      expect(text(shadow(el).querySelector('[role="alert"]')!)).to.contain('min (2) must be less than max (1.5)');
    });
  });
});
