import { expect } from '@open-wc/testing';
import { neededFeatures, type FeatureInputs } from '../../src/features/needs.js';

const SCREEN = { width: 1920, height: 1080 };
const seed: FeatureInputs = {
  view: 'grid',
  stepScores: null,
  zoom: 'auto',
  rows: Array.from({ length: 13 }, (_, i) => `t${i}`),
  columns: ['a', 'b', 'c', 'd', 'e'],
  transpose: false,
  groupRows: 'tokens',
  groupColumns: 'tokens',
  rowGroups: null,
  columnGroups: null,
  normalization: 'none',
  topK: undefined,
  threshold: undefined,
  hideSpecial: false,
  compare: null,
};
const needs = (changes: Partial<Record<keyof FeatureInputs, unknown>>, zoomWanted = false) => neededFeatures({ ...seed, ...changes }, zoomWanted, SCREEN);

describe('neededFeatures', () => {
  it('needs nothing for the reference figure with default options', () => {
    expect(needs({})).to.deep.equal([]);
  });

  it('needs the views for the text view and for step scores', () => {
    expect(needs({ view: 'text' })).to.deep.equal(['views']);
    expect(needs({ view: 'both' })).to.deep.equal(['views']);
    expect(needs({ stepScores: { p: [0.1, 0.2, 0.3, 0.4, 0.5] } })).to.deep.equal(['views']);
  });

  it('needs zoom for a set level or fit, when the gate asked, or for a grid larger than the screen at readable size', () => {
    expect(needs({ zoom: 0.5 })).to.deep.equal(['zoom']);
    expect(needs({ zoom: 'fit' })).to.deep.equal(['zoom']);
    expect(needs({}, true)).to.deep.equal(['zoom']);
    const many = Array.from({ length: 1000 }, (_, i) => `t${i}`);
    expect(needs({ rows: many })).to.deep.equal(['zoom']);
    expect(needs({ columns: many.slice(0, 30) })).to.deep.equal(['zoom']);
    // Transposed, 30 rows (840 px tall) become 30 columns of 72 px: wider than the screen.
    expect(needs({ rows: many.slice(0, 30) })).to.deep.equal([]);
    expect(needs({ rows: many.slice(0, 30), transpose: true })).to.deep.equal(['zoom']);
  });

  it('needs the reading steps for grouping, normalisation, focus, hidden specials and comparison', () => {
    for (const changes of [
      { groupRows: 'words' },
      { groupColumns: 'sentences' },
      { rowGroups: [0, 0, 1] },
      { columnGroups: [0, 1] },
      { normalization: 'column' },
      { topK: 3 },
      { threshold: 0.1 },
      { hideSpecial: true },
      { compare: [[1]] },
    ])
      expect(needs(changes), JSON.stringify(changes)).to.deep.equal(['reading']);
  });

  it("needs the colour checks for an interpolator function only (a built-in scheme, or a non-function the core reports, needs none)", () => {
    expect(needs({ interpolator: (t: number) => `rgb(${t * 255}, 0, 0)` })).to.deep.equal(['colours']);
    for (const interpolator of [undefined, null, 'red', 42]) expect(needs({ interpolator }), String(interpolator)).to.deep.equal([]);
    expect(needs({ view: 'text', interpolator: () => 'red' })).to.deep.equal(['views', 'colours']);
  });

  it('never throws for data that cannot be read', () => {
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    expect(needs({ rows: proxy, columns: proxy })).to.deep.equal([]);
  });
});
