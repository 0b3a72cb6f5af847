// Vue 3 with the full build (runtime template compiler): <token-heatmap> marked as a custom element
// with `compilerOptions.isCustomElement` (which an SFC build needs; the in-browser compiler would
// also ask customElements), arrays bound plainly and with `.prop`, and `@cell-select`.
import { createApp, nextTick, shallowReactive, toRefs, type App } from 'vue/dist/vue.esm-browser.js';
import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CellDetail, CellSelectEvent, TokenHeatmap } from '../../src/index.js';
import { cellAt, centre, expectReferenceCells, loadSeed, text, type Seed } from '../helpers.js';

const template = `
  <token-heatmap
    :rows="rows"
    :columns.prop="columns"
    .values="values"
    :min="-1.5"
    :max="1.5"
    :decimals="decimals"
    label="Token Attribution"
    @cell-select="onSelect"
  ></token-heatmap>`;

describe('Vue 3', () => {
  let seed: Seed;
  let host: HTMLElement;
  let app: App;
  let state: { rows: string[]; columns: string[]; values: number[][]; decimals: number };
  const selected: (CellDetail | null)[] = [];
  const warnings: string[] = [];

  before(async () => {
    seed = await loadSeed();
  });

  beforeEach(() => {
    selected.length = 0;
    warnings.length = 0;
    host = document.body.appendChild(document.createElement('div'));
    // Shallow: Vue hands the element the app's own arrays, and does not make each cell reactive.
    state = shallowReactive({ rows: seed.rows, columns: seed.columns, values: seed.values, decimals: 4 });
    app = createApp({
      template,
      setup: () => ({ ...toRefs(state), onSelect: (event: CellSelectEvent) => selected.push(event.detail) }),
    });
    app.config.compilerOptions.isCustomElement = (tag: string) => tag === 'token-heatmap';
    app.config.warnHandler = (message: string) => warnings.push(message);
    app.mount(host);
  });

  afterEach(async () => {
    app.unmount();
    host.remove();
    await resetMouse();
  });

  const element = async () => {
    await nextTick();
    const el = host.querySelector<TokenHeatmap>('token-heatmap')!;
    await el.updateComplete;
    return el;
  };

  it('binds the arrays as properties and draws the 65 reference cells, with no warning', async () => {
    const el = await element();
    // The very arrays, set as properties (an attribute would hold their toString()).
    expect(el.rows).to.equal(seed.rows);
    expect(el.columns).to.equal(seed.columns);
    expect(el.values).to.equal(seed.values);
    expect(el.min).to.equal(-1.5);
    expectReferenceCells(el);
    // Vue warns about unresolved components, bad bindings and the like: there must be none.
    expect(warnings).to.deep.equal([]);
  });

  it('calls the @cell-select handler with the clicked cell', async () => {
    const el = await element();
    await sendMouse({ type: 'click', position: centre(cellAt(el, 7, 2)) });
    expect(selected).to.deep.equal([{ rowIndex: 7, columnIndex: 2, row: seed.rows[7], column: seed.columns[2], value: seed.values[7][2] }]);
  });

  it('redraws when the bound state changes', async () => {
    await element();
    const halved = seed.values.map((row) => row.map((v) => v / 2));
    state.values = halved;
    state.decimals = 2;
    const el = await element();
    expect(el.values).to.equal(halved);
    expect(el.decimals).to.equal(2);
    expect(text(cellAt(el, 7, 2))).to.equal('0.95');
  });
});
