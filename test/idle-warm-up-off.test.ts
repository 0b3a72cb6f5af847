// The core entry in a page of its own that turns the warm-up off right after loading the element:
// idle time passes and nothing is drawn or loaded.
import { expect } from '@open-wc/testing';
import { TokenHeatmap } from '../src/core.js';
import { features } from '../src/features/registry.js';

TokenHeatmap.warmUp = false;
const added: Node[] = [];
new MutationObserver((records) => records.forEach((record) => added.push(...record.addedNodes))).observe(document.body, { childList: true });
const idle = () => new Promise((resolve) => requestIdleCallback(resolve));

describe('<token-heatmap> warm-up turned off (core entry)', () => {
  it('draws nothing and loads no feature in the page’s idle time when TokenHeatmap.warmUp is false', async () => {
    for (let i = 0; i < 3; i++) await idle();
    expect(added).to.deep.equal([]);
    expect(features.zoom).to.equal(undefined);
    const requested = performance.getEntriesByType('resource').some((r) => new URL(r.name).pathname.startsWith('/src/features/zoom.'));
    expect(requested).to.equal(false);
  });
});
