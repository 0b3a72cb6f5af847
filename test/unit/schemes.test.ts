import { expect } from '@open-wc/testing';
import { interpolateRdBu, interpolateRdYlGn, interpolateViridis, interpolateCubehelixDefault } from 'd3-scale-chromatic';
import { DEFAULT_SCHEME, SCHEME_NAMES, drawnScheme, schemeInterpolator } from '../../src/schemes.js';

describe('schemeInterpolator', () => {
  it('returns the d3 interpolator itself', () => {
    expect(schemeInterpolator('RdBu')).to.equal(interpolateRdBu);
    expect(schemeInterpolator('Viridis')).to.equal(interpolateViridis);
    expect(schemeInterpolator('CubehelixDefault')).to.equal(interpolateCubehelixDefault);
  });

  it('is case-insensitive', () => {
    expect(schemeInterpolator('rdbu')).to.equal(interpolateRdBu);
    expect(schemeInterpolator('RDBU')).to.equal(interpolateRdBu);
    expect(schemeInterpolator('rDbU')).to.equal(interpolateRdBu);
  });

  it('accepts the interpolate prefix, in any case', () => {
    expect(schemeInterpolator('interpolateRdBu')).to.equal(interpolateRdBu);
    expect(schemeInterpolator('InterpolateRdBu')).to.equal(interpolateRdBu);
    expect(schemeInterpolator('interpolaterdylgn')).to.equal(interpolateRdYlGn);
  });

  it('ignores surrounding whitespace', () => {
    expect(schemeInterpolator('  RdBu \n')).to.equal(interpolateRdBu);
  });

  it('gives null for unknown names', () => {
    expect(schemeInterpolator('nope')).to.equal(null);
    expect(schemeInterpolator('')).to.equal(null);
    expect(schemeInterpolator('interpolate')).to.equal(null);
    expect(schemeInterpolator('Rd Bu')).to.equal(null);
    expect(schemeInterpolator('schemeRdBu')).to.equal(null);
  });

  it('gives null for names of Object.prototype members', () => {
    expect(schemeInterpolator('toString')).to.equal(null);
    expect(schemeInterpolator('constructor')).to.equal(null);
    expect(schemeInterpolator('__proto__')).to.equal(null);
    expect(schemeInterpolator('hasOwnProperty')).to.equal(null);
  });
});

describe('SCHEME_NAMES', () => {
  it('lists unique names', () => {
    expect(new Set(SCHEME_NAMES.map((n) => n.toLowerCase())).size).to.equal(SCHEME_NAMES.length);
  });

  it('resolves every name, with and without the prefix, to a colour-producing interpolator', () => {
    for (const name of SCHEME_NAMES) {
      const interpolate = schemeInterpolator(name);
      expect(interpolate, name).to.be.a('function');
      expect(schemeInterpolator(`interpolate${name}`), name).to.equal(interpolate);
      expect(interpolate!(0.5), name).to.match(/^(#[0-9a-f]{6}|rgb\(\d+, \d+, \d+\))$/);
    }
  });

  it('maps each name to a different interpolator', () => {
    const fns = new Set(SCHEME_NAMES.map((n) => schemeInterpolator(n)));
    expect(fns.size).to.equal(SCHEME_NAMES.length);
  });

  it('includes the default scheme, which is the reference RdYlGn', () => {
    expect(SCHEME_NAMES).to.include(DEFAULT_SCHEME);
    expect(schemeInterpolator(DEFAULT_SCHEME)).to.equal(interpolateRdYlGn);
  });
});

// The self-contained bundle rewrites d3's colour code (scripts/trim-schemes.mjs): every scheme it
// ships must still return exactly what the real d3-scale-chromatic returns (issue 9 item 33).
// `npm test` builds the bundle first (pretest); alone, run `npm run build` before this file.
describe('the bundle\u2019s trimmed schemes', () => {
  /** Interpolators made from a formula rather than a table of colours: sampled ten times as densely. */
  const FORMULAS = ['Turbo', 'Cividis', 'Warm', 'Cool', 'CubehelixDefault', 'Rainbow', 'Sinebow'];
  const grid = (n: number) => Array.from({ length: n + 1 }, (_, i) => i / n);
  const edges = [-0.5, -0.001, -0, 1e-300, 0.5 - 2 ** -53, 0.5 + 2 ** -52, 1 - 2 ** -53, 1.001, 1.5];
  let bundle: { SCHEME_NAMES: readonly string[]; schemeInterpolator: (name: string) => ((t: number) => string) | null };
  let d3: Record<string, unknown>;

  before(async () => {
    const url = '/dist/token-heatmap.bundle.js';
    const response = await fetch(url, { method: 'HEAD' });
    if (!response.ok) throw new Error(`${url}: ${response.status}; run npm run build first`);
    bundle = await import(/* @vite-ignore */ url);
    d3 = (await import('d3-scale-chromatic')) as Record<string, unknown>;
  });

  it('ships every scheme the source lists', () => {
    expect([...bundle.SCHEME_NAMES]).to.deep.equal([...SCHEME_NAMES]);
  });

  it('gives exactly d3\u2019s colour for every scheme at 1,001 points and past both ends, formulas at 10,001', () => {
    let compared = 0;
    for (const name of SCHEME_NAMES) {
      const trimmed = bundle.schemeInterpolator(name)!;
      const real = d3[`interpolate${name}`] as (t: number) => string;
      expect(real, name).to.be.a('function');
      const points = [...grid(FORMULAS.includes(name) ? 10000 : 1000), ...edges];
      for (const t of points) {
        const got = trimmed(t);
        if (got !== real(t)) expect(got, `${name}(${t})`).to.equal(real(t));
        compared++;
      }
    }
    expect(compared).to.equal(31 * 1010 + 7 * 10010);
  });
});

describe('drawnScheme', () => {
  it('draws a known name with its scheme, and anything else with the default one', () => {
    expect(drawnScheme(' rdbu ')).to.equal(interpolateRdBu);
    expect(DEFAULT_SCHEME).to.equal('RdYlGn');
    for (const other of ['nope', '', 42, null, undefined, Symbol('s'), {}]) expect(drawnScheme(other), String(typeof other)).to.equal(interpolateRdYlGn);
  });
});
