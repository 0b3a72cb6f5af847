import { expect } from '@open-wc/testing';
import { interpolateRdBu, interpolateRdYlGn, interpolateViridis, interpolateCubehelixDefault } from 'd3-scale-chromatic';
import { DEFAULT_SCHEME, SCHEME_NAMES, schemeInterpolator } from '../../src/schemes.js';

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
