// The core entry in a page of its own that creates no element at first: in its idle time the page
// draws a hidden element, loads zoom, and leaves nothing behind.
import { expect, waitUntil } from '@open-wc/testing';
import '../src/core.js';
import type { TokenHeatmap } from '../src/core.js';
import { features } from '../src/features/registry.js';
import { gridCells } from './helpers.js';

// Watched from the first task: what the warm-up adds to the page, and any event that reaches it.
const added: HTMLElement[] = [];
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) if (node instanceof HTMLElement) added.push(node);
}).observe(document.body, { childList: true });
const escaped: string[] = [];
for (const type of ['zoom-change', 'cell-hover', 'cell-select']) document.addEventListener(type, () => escaped.push(type));

describe('<token-heatmap> warm-up in the page’s idle time (core entry)', () => {
  it('draws a hidden element and loads zoom while no element exists, then leaves the page as it was', async () => {
    await waitUntil(() => features.zoom && added.length && added.every((node) => !node.isConnected), 'the warm-up ran and removed its box', { timeout: 5000 });
    expect(added).to.have.length(1);
    const [box] = added;
    expect(box.inert, 'inert: no focus, pointer or assistive technology').to.equal(true);
    expect(box.style.visibility, 'laid out, not painted').to.equal('hidden');
    expect(box.shadowRoot, 'a closed shadow root').to.equal(null);
    expect(document.querySelectorAll('token-heatmap')).to.have.length(0);
    expect(escaped, 'no event of the hidden element reached the page').to.deep.equal([]);
  });

  it('draws an element created afterwards as usual', async () => {
    const el = document.createElement('token-heatmap') as TokenHeatmap;
    Object.assign(el, { rows: ['▁the', 'Ġquick'], columns: ['out'], values: [[0.25], [-0.5]] });
    document.body.append(el);
    await el.updateComplete;
    expect(gridCells(el).map((cell) => cell.textContent?.trim())).to.deep.equal(['0.2500', '-0.5000']);
    el.remove();
  });
});
