import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { FeatureLoader } from '../../src/features/loader.js';
import type { FeatureName } from '../../src/features/registry.js';

/** A host that counts the updates asked for. */
function host() {
  const h = { updates: 0, addController() {}, removeController() {}, requestUpdate() { h.updates++; }, updateComplete: Promise.resolve(true) };
  return h;
}

describe('FeatureLoader', () => {
  it('names a feature that cannot be loaded in one problem line, resolves, and does not try it again', async () => {
    const h = host();
    const tried: FeatureName[] = [];
    let loaded = 0;
    const loader = new FeatureLoader(h as unknown as ReactiveControllerHost, () => ['views'], () => loaded++, async (name) => {
      tried.push(name);
      throw new TypeError('Failed to fetch dynamically imported module: https://cdn.example/token-heatmap.bundle.views.js');
    });
    await loader.beforeUpdate();
    expect(loader.problems).to.deep.equal([
      'could not load the text view and step scores (Failed to fetch dynamically imported module: https://cdn.example/token-heatmap.bundle.views.js); drawn without it',
    ]);
    expect(h.updates).to.equal(1);
    expect(loaded).to.equal(1);
    // Failed once: the next updates draw without it, and do not fetch again.
    expect(loader.beforeUpdate()).to.equal(undefined);
    expect(tried).to.deep.equal(['views']);
  });

  it('needs no load when nothing is needed, and hands over what is there', () => {
    let loaded = 0;
    const loader = new FeatureLoader(host() as unknown as ReactiveControllerHost, () => [], () => loaded++, () => Promise.reject(new Error('not called')));
    expect(loader.beforeUpdate()).to.equal(undefined);
    expect(loaded).to.equal(1);
    expect(loader.problems).to.deep.equal([]);
  });
});
