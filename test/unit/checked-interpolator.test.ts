import { expect } from '@open-wc/testing';
import { interpolateRdBu, interpolateRdYlGn } from 'd3-scale-chromatic';
import { CheckedInterpolator, InterpolatorChoice, PROBE_POSITIONS } from '../../src/checked-interpolator.js';
import { cssColor } from '../../src/css-color.js';
import { onlyAtHalf, revokedFunction, throwingToString } from '../hostile-values.js';

describe('CheckedInterpolator', () => {
  it("passes the caller's colours through exactly, trimmed", () => {
    const checked = new CheckedInterpolator((t) => (t < 0.5 ? ' navy ' : 'rgb(10 20 30 / 0.5)'), interpolateRdBu, 'RdBu');
    expect(checked.interpolate(0)).to.equal('navy');
    expect(checked.interpolate(1)).to.equal('rgb(10 20 30 / 0.5)');
    expect(checked.problem).to.equal(undefined);
  });

  it('draws the fallback where a colour is rejected, and keeps the first rejection only', () => {
    const payload = 'red;background-image:url(https://example.invalid/x.png)';
    const checked = new CheckedInterpolator((t) => (t > 0.7 ? payload : t > 0.6 ? 42 : 'red'), interpolateRdBu, 'RdBu');
    expect(checked.interpolate(0.1)).to.equal('red');
    expect(checked.interpolate(0.65)).to.equal(interpolateRdBu(0.65));
    expect(checked.interpolate(0.9)).to.equal(interpolateRdBu(0.9));
    expect(checked.problem).to.equal('interpolator: at t = 0.65 it returned 42, not one CSS colour; such colours are drawn from RdBu');
  });

  it('never throws: a throwing function, a revoked Proxy, a toString that throws, one that works only at t = 0.5', () => {
    for (const source of [onlyAtHalf, revokedFunction(), () => throwingToString(), () => Symbol('c'), () => 1n]) {
      const checked = new CheckedInterpolator(source as (t: number) => unknown, interpolateRdYlGn, 'RdYlGn');
      for (const t of [0, 0.25, 0.5, 1]) expect(cssColor(checked.interpolate(t)), String(t)).to.be.a('string');
      expect(checked.problem).to.match(/^interpolator: at t = 0 it (threw|returned) .+; such colours are drawn from RdYlGn$/);
    }
  });

  it('finds a function that fails only somewhere before anything is drawn, with the probe', () => {
    const checked = new CheckedInterpolator((t) => (t === 1 ? 'not a colour' : 'teal'), interpolateRdBu, 'RdBu');
    expect(checked.problem).to.equal(undefined);
    checked.probe();
    expect(PROBE_POSITIONS).to.include(1);
    expect(checked.problem).to.contain('at t = 1 it returned "not a colour"');
  });
});

describe('InterpolatorChoice', () => {
  it('keeps one checked interpolator while the function and scheme stay, a new one when either changes', () => {
    const choice = new InterpolatorChoice();
    const fn = (t: number) => (t === 0 ? 'bad' : 'red');
    const first = choice.pick('RdBu', fn);
    expect(first.problem).to.contain('at t = 0');
    expect(choice.pick('RdBu', fn).interpolate).to.equal(first.interpolate);
    expect(choice.pick('PuOr', fn).interpolate).to.not.equal(first.interpolate);
    expect(choice.pick('PuOr', fn).problem).to.contain('drawn from PuOr');
  });

  it('uses the scheme without a function, and names what is not a function', () => {
    const choice = new InterpolatorChoice();
    expect(choice.pick('RdBu', undefined)).to.deep.equal({ interpolate: interpolateRdBu });
    expect(choice.pick('RdBu', 'red')).to.deep.equal({ interpolate: interpolateRdBu, problem: 'interpolator: "red" is not a (t) => colour function; using RdBu' });
    expect(choice.problem).to.equal(undefined);
  });
});
