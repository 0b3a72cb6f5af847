import { expect } from '@open-wc/testing';
import widget, { type HeatmapModel } from '../src/anywidget.js';
import type { TokenHeatmap } from '../src/index.js';
import { cellAt, gridCells, loadSeed, painted, shadow, text, type Seed } from './helpers.js';

type Callback = (...args: unknown[]) => void;

/**
 * A stand-in for anywidget's model with exactly its interface: get, set, on, off, save_changes.
 * Like the Backbone model behind it, `set` fires `change:<name>` callbacks synchronously with
 * `(model, value)`, and only when the value really changed.
 */
class FakeModel implements HeatmapModel {
  saves: Record<string, unknown>[] = [];
  private state: Record<string, unknown>;
  private pending: Record<string, unknown> = {};
  private callbacks = new Map<string, Callback[]>();

  constructor(state: Record<string, unknown>) {
    this.state = { ...state };
  }
  get(name: string): unknown {
    return this.state[name];
  }
  set(name: string, value: unknown): void {
    const old = this.state[name];
    const plain = (v: unknown) => typeof v === 'object' && v !== null && !ArrayBuffer.isView(v);
    if (old === value || (plain(old) && plain(value) && JSON.stringify(old) === JSON.stringify(value))) return;
    this.state[name] = value;
    this.pending[name] = value;
    for (const callback of this.callbacks.get(`change:${name}`) ?? []) callback(this, value);
  }
  on(eventName: string, callback: Callback): void {
    this.callbacks.set(eventName, [...(this.callbacks.get(eventName) ?? []), callback]);
  }
  off(eventName?: string | null, callback?: Callback | null): void {
    for (const [name, list] of this.callbacks) {
      if (eventName && name !== eventName) continue;
      this.callbacks.set(name, callback ? list.filter((c) => c !== callback) : []);
    }
  }
  save_changes(): void {
    this.saves.push(this.pending);
    this.pending = {};
  }
  /** How many callbacks are registered, for leak checks. */
  get listenerCount(): number {
    return [...this.callbacks.values()].reduce((n, list) => n + list.length, 0);
  }
}

let seed: Seed;
before(async () => {
  seed = await loadSeed();
});

const views: HTMLElement[] = [];
afterEach(() => {
  for (const el of views.splice(0)) el.remove();
});

/** Runs the widget's render like anywidget does: a fresh container per view. */
async function renderView(model: FakeModel) {
  const el = document.createElement('div');
  document.body.append(el);
  views.push(el);
  const cleanup = widget.render({ model, el });
  const heatmap = el.querySelector('token-heatmap') as TokenHeatmap;
  await heatmap.updateComplete;
  await painted();
  return { el, heatmap, cleanup };
}

const referenceModel = (extra: Record<string, unknown> = {}) =>
  new FakeModel({
    rows: seed.rows,
    columns: seed.columns,
    values: seed.values,
    min: seed.min,
    max: seed.max,
    label: seed.label,
    caption: seed.caption,
    center: null,
    scheme: null,
    decimals: null,
    transpose: false,
    theme: null,
    selected: null,
    ...extra,
  });

describe('anywidget front end', () => {
  it('draws the reference figure from the model', async () => {
    const { heatmap } = await renderView(referenceModel());
    const cells = gridCells(heatmap);
    expect(cells).to.have.length(65);
    expect(text(cellAt(heatmap, 7, 2))).to.equal('1.9074');
    expect(text(cellAt(heatmap, 0, 0))).to.equal('-0.0756');
    expect(text(cellAt(heatmap, 2, 4))).to.equal('-0.0000');
    expect(text(shadow(heatmap).querySelector('[part="caption"]')!)).to.equal(seed.caption);
    // None options leave the element's defaults: four decimals, the RdYlGn scheme.
    expect(heatmap.scheme).to.equal('RdYlGn');
    expect(heatmap.decimals).to.equal(4);
  });

  it('redraws on change events from the model', async () => {
    const model = referenceModel();
    const { heatmap } = await renderView(model);
    const values = seed.values.map((row) => [...row]);
    values[7][2] = -0.25;
    model.set('values', values);
    model.set('decimals', 2);
    await heatmap.updateComplete;
    expect(text(cellAt(heatmap, 7, 2))).to.equal('-0.25');
    expect(text(cellAt(heatmap, 0, 0))).to.equal('-0.08');

    model.set('transpose', true);
    await heatmap.updateComplete;
    expect(text(cellAt(heatmap, 2, 7))).to.equal('-0.25');

    // Back to None: the element's default again.
    model.set('decimals', null);
    await heatmap.updateComplete;
    expect(text(cellAt(heatmap, 2, 7))).to.equal('-0.2500');
  });

  it('takes the reading options as snake_case traits of the property schema', async () => {
    const model = referenceModel();
    const { heatmap } = await renderView(model);
    model.set('normalization', 'all');
    model.set('top_k', 1);
    await heatmap.updateComplete;
    expect(heatmap.topK).to.equal(1);
    // Normalised over all cells: 1.9074 becomes 1; the other twelve rows fold into two runs.
    expect(text(cellAt(heatmap, 1, 2))).to.equal('1.0000');
    expect(gridCells(heatmap).map(text).filter((t) => t !== '')).to.have.length(5);
    model.set('top_k', null);
    await heatmap.updateComplete;
    expect(gridCells(heatmap)).to.have.length(65);
  });

  it('reads a binary float64 values trait shaped by columns', async () => {
    const flat = new Float64Array(seed.values.flat());
    // anywidget hands binary traits over as a DataView, here one not aligned to 8 bytes.
    const buffer = new ArrayBuffer(flat.byteLength + 3);
    new Uint8Array(buffer, 3).set(new Uint8Array(flat.buffer));
    const { heatmap } = await renderView(referenceModel({ values: new DataView(buffer, 3, flat.byteLength) }));
    expect(gridCells(heatmap)).to.have.length(65);
    expect(text(cellAt(heatmap, 7, 2))).to.equal('1.9074');
    expect(text(cellAt(heatmap, 2, 4))).to.equal('-0.0000');
  });

  it('writes a clicked cell back to the model and saves', async () => {
    const model = referenceModel();
    const { heatmap } = await renderView(model);
    cellAt(heatmap, 7, 2).click();
    await heatmap.updateComplete;
    expect(model.get('selected')).to.deep.equal({ rowIndex: 7, columnIndex: 2 });
    expect(model.get('selected_cell')).to.deep.equal({ rowIndex: 7, columnIndex: 2, row: '/', column: '4900 / 100 = 49', value: 1.9074 });
    expect(model.saves).to.have.length(1);
    expect(model.saves[0]).to.have.keys('selected', 'selected_cell');
    expect(cellAt(heatmap, 7, 2).getAttribute('aria-selected')).to.equal('true');

    // Clicking it again clears the selection, in the model too.
    cellAt(heatmap, 7, 2).click();
    await heatmap.updateComplete;
    expect(model.get('selected')).to.equal(null);
    expect(model.get('selected_cell')).to.equal(null);
    expect(model.saves).to.have.length(2);
  });

  it('shows a selection set from Python in every view of the model', async () => {
    const model = referenceModel();
    const first = await renderView(model);
    const second = await renderView(model);
    model.set('selected', { rowIndex: 0, columnIndex: 1 });
    await first.heatmap.updateComplete;
    await second.heatmap.updateComplete;
    expect(cellAt(first.heatmap, 0, 1).getAttribute('aria-selected')).to.equal('true');
    expect(cellAt(second.heatmap, 0, 1).getAttribute('aria-selected')).to.equal('true');

    // A click in one view reaches the other through the model.
    cellAt(first.heatmap, 3, 3).click();
    await second.heatmap.updateComplete;
    expect(cellAt(second.heatmap, 3, 3).getAttribute('aria-selected')).to.equal('true');
    expect(cellAt(second.heatmap, 0, 1).getAttribute('aria-selected')).to.equal('false');
  });

  it('cleanup removes the element and only its own listeners', async () => {
    const model = referenceModel();
    const other = () => {};
    model.on('change:values', other);
    const { el, heatmap, cleanup } = await renderView(model);
    expect(model.listenerCount).to.be.greaterThan(1);

    cleanup();
    expect(el.querySelector('token-heatmap')).to.equal(null);
    expect(model.listenerCount).to.equal(1);

    // Later changes do not reach the removed element.
    const before = heatmap.values;
    model.set('values', [[1, 2, 3, 4, 5]]);
    model.set('decimals', 1);
    expect(heatmap.values).to.equal(before);
    expect(heatmap.decimals).to.equal(4);

    // Nor does a click on it write to the model.
    el.append(heatmap);
    await heatmap.updateComplete;
    cellAt(heatmap, 0, 0).click();
    expect(model.get('selected')).to.equal(null);
    expect(model.saves).to.have.length(0);
  });
});
