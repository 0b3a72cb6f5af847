// Data that opens fitted, on the core entry, in a page of its own (so the zoom feature is not loaded
// yet): the element builds the data's matrix while zoom loads, and data set again meanwhile is what
// it draws.
import { expect } from '@open-wc/testing';
import { TokenHeatmap } from '../src/core.js';
import { shadow } from './helpers.js';

// What loads on demand, without the page's idle warm-up (which loads zoom ahead: test/idle-warm-up.test.ts).
TokenHeatmap.warmUp = false;

describe('<token-heatmap> data set while the zoom feature loads (core entry)', () => {
  it('describes the values as changed in place during the load, not as they were when it began', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => `tok${i}`);
    const columns = Array.from({ length: 100 }, (_, j) => `out${j}`);
    const values = rows.map((_, r) => columns.map((_, c) => Math.sin(r / 7 + c / 5) * 0.9));
    const el = document.createElement('token-heatmap') as TokenHeatmap;
    el.style.cssText = 'display: block; width: 800px; height: 500px';
    Object.assign(el, { rows, columns, values, label: 'Attribution' });
    // Resolves once the first update is scheduled, which is when the element starts loading zoom.
    const scheduled = new Promise<void>((resolve) => {
      const host = el as unknown as { scheduleUpdate(): unknown };
      const own = host.scheduleUpdate;
      host.scheduleUpdate = function (this: unknown) {
        const result = own.call(this);
        resolve();
        return result;
      };
    });
    document.body.append(el);
    await scheduled;
    expect(el.hasUpdated, 'still waiting for zoom').to.equal(false);
    values[42][17] = 9;
    el.requestUpdate('values');
    await el.updateComplete;
    expect(shadow(el).querySelector('canvas'), 'opened fitted').to.not.equal(null);
    expect(shadow(el).textContent).to.contain(`largest 9.0000 at 'tok42' × 'out17'`);
    el.remove();
  });
});
