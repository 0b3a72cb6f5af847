// Svelte 5: a real .svelte component (Heatmap.svelte, compiled by svelte/compiler on request)
// that binds arrays to <token-heatmap> and listens with `oncell-select`.
import { flushSync, mount, unmount } from 'svelte';
import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CellDetail, TokenHeatmap } from '../../src/index.js';
import Heatmap from './Heatmap.svelte';
import { cellAt, centre, expectReferenceCells, loadSeed, text, type Seed } from '../helpers.js';

describe('Svelte 5', () => {
  let seed: Seed;
  let target: HTMLElement;
  let component: ReturnType<typeof mount> & { setDecimals(value: number): void };
  const selected: (CellDetail | null)[] = [];

  before(async () => {
    seed = await loadSeed();
  });

  beforeEach(() => {
    selected.length = 0;
    target = document.body.appendChild(document.createElement('div'));
    component = mount(Heatmap, {
      target,
      props: { rows: seed.rows, columns: seed.columns, values: seed.values, onselect: (cell: CellDetail | null) => selected.push(cell) },
    }) as typeof component;
    flushSync();
  });

  afterEach(async () => {
    unmount(component);
    target.remove();
    await resetMouse();
  });

  const element = async () => {
    const el = target.querySelector<TokenHeatmap>('token-heatmap')!;
    await el.updateComplete;
    return el;
  };

  it('passes the arrays as properties and draws the 65 reference cells', async () => {
    const el = await element();
    expect(el.rows).to.equal(seed.rows);
    expect(el.values).to.equal(seed.values);
    expect(el.min).to.equal(-1.5);
    expectReferenceCells(el);
  });

  it('hands the clicked cell to the component through oncell-select', async () => {
    const el = await element();
    await sendMouse({ type: 'click', position: centre(cellAt(el, 7, 2)) });
    expect(selected).to.deep.equal([{ rowIndex: 7, columnIndex: 2, row: seed.rows[7], column: seed.columns[2], value: seed.values[7][2] }]);
  });

  it('redraws when the component’s state changes', async () => {
    component.setDecimals(2);
    flushSync();
    const el = await element();
    expect(el.decimals).to.equal(2);
    expect(text(cellAt(el, 7, 2))).to.equal('1.91');
  });
});
