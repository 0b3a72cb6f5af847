// zoomTo() and fit() on the core entry before the zoom feature is loaded: the call loads it and is
// then applied (a page of its own, so zoom is not loaded yet).
import { html, fixture, expect } from '@open-wc/testing';
import { TokenHeatmap } from '../src/core.js';
import { loadSeed, shadow } from './helpers.js';

// What loads on demand, without the page's idle warm-up (which loads zoom ahead: test/idle-warm-up.test.ts).
TokenHeatmap.warmUp = false;

const level = (el: TokenHeatmap) => shadow(el).querySelector('[part="zoom"] .zoom-level')?.textContent?.trim();

describe('zoom calls before the zoom feature is loaded (core entry)', () => {
  it('zoomTo() loads zoom, then shows the level asked for, and updateComplete waits for it', async () => {
    const seed = await loadSeed();
    const el = await fixture<TokenHeatmap>(html`<token-heatmap .rows=${seed.rows} .columns=${seed.columns} .values=${seed.values}></token-heatmap>`);
    expect(shadow(el).querySelector('[part="zoom"]')).to.equal(null);
    const changes: unknown[] = [];
    el.addEventListener('zoom-change', (e) => changes.push((e as CustomEvent).detail.level));
    el.zoomTo({ rowIndex: 7, columnIndex: 2 }, 2);
    await el.updateComplete;
    expect(level(el)).to.equal('200 %');
    expect(changes).to.deep.include(2);
  });
});
