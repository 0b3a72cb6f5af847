import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { interpolateRdYlGn, interpolatePuOr } from 'd3-scale-chromatic';
import { gradientStops, renderColorbar, tickCount, tickDecimals } from '../../src/colorbar.js';
import { resolveDomain, type Domain } from '../../src/scale.js';

const domain = { min: -1.5, max: 1.5, center: 0 };

describe('gradientStops', () => {
  it('samples the interpolator from min (0%) to max (100%), centre in the middle', () => {
    const stops = gradientStops(domain, interpolateRdYlGn);
    expect(stops).to.have.length(33);
    expect(stops[0]).to.equal(`${interpolateRdYlGn(0)} 0.00%`);
    expect(stops[16]).to.equal(`${interpolateRdYlGn(0.5)} 50.00%`);
    expect(stops[32]).to.equal(`${interpolateRdYlGn(1)} 100.00%`);
  });

  it('keeps the centre neutral on an asymmetric domain', () => {
    const stops = gradientStops({ min: -1, max: 3, center: 0 }, interpolatePuOr);
    // Value 0 sits a quarter of the way up: the stop at 25% is the scheme's middle colour.
    expect(stops[8]).to.equal(`${interpolatePuOr(0.5)} 25.00%`);
  });
});

describe('renderColorbar', () => {
  const draw = (dataMin: number, dataMax: number, height = 364) => {
    const host = document.createElement('div');
    render(renderColorbar({ domain, interpolate: interpolateRdYlGn, dataMin, dataMax, decimals: 4, label: 'Token Attribution', height }), host);
    return host;
  };

  it('labels round ticks with both ends and the centre, and names itself', () => {
    const bar = draw(-0.1, 1.2);
    expect([...bar.querySelectorAll('.tick')].map((t) => t.textContent)).to.deep.equal(['−1.5', '−1', '−0.5', '0', '0.5', '1', '1.5']);
    expect(bar.querySelector('[role="img"]')!.getAttribute('aria-label')).to.equal('Token Attribution: colour scale from −1.5 to 1.5');
    expect(bar.querySelector('.colorbar-title')!.textContent).to.equal('Token Attribution');
  });

  it('points the end a value goes past, and says so', () => {
    const high = draw(-0.1, 1.9074);
    expect(high.querySelector('[data-extend="high"]')).to.exist;
    expect(high.querySelector('[data-extend="low"]')).to.equal(null);
    expect(high.querySelector('[role="img"]')!.getAttribute('aria-label')).to.contain('values above 1.5 are clamped');
    const low = draw(-2, 0);
    expect(low.querySelector('[data-extend="low"]')).to.exist;
    expect(low.querySelector('[data-extend="high"]')).to.equal(null);
  });

  it('uses fewer ticks on a short bar', () => {
    const short = draw(0, 0, 84);
    expect([...short.querySelectorAll('.tick')].map((t) => t.textContent)).to.deep.equal(['−1.5', '0', '1.5']);
  });
});

describe('tickCount', () => {
  it('gives about one tick per 60 px, 2 to 6, and 2 for a height it cannot read', () => {
    expect(tickCount(364)).to.equal(6);
    expect(tickCount(84)).to.equal(2);
    expect(tickCount(200)).to.equal(3);
    expect(tickCount(NaN)).to.equal(2);
    expect(tickCount(-5)).to.equal(2);
    expect(tickCount(Infinity)).to.equal(6);
  });
});

describe('tickDecimals', () => {
  it('keeps the cells\u2019 decimals where the step needs fewer (the reference figure)', () => {
    expect(tickDecimals(domain, 6, 4)).to.equal(4);
    expect(tickDecimals({ min: 0, max: 700, center: 0 }, 6, 0)).to.equal(0);
  });

  it('gives one place finer than the step where the cells\u2019 decimals are too few', () => {
    expect(tickDecimals({ min: -1e-150, max: 1e-150, center: 0 }, 6, 4)).to.equal(152);
    expect(tickDecimals({ min: -0.3, max: 0.3, center: 0 }, 6, 0)).to.equal(2);
  });

  it('takes any decimals and any domain without throwing', () => {
    expect(tickDecimals(domain, 6, NaN)).to.equal(2);
    expect(tickDecimals({ min: 1, max: 1, center: 1 }, 6, 4)).to.equal(4);
  });
});

describe('the colour bar of tiny, huge and hair-thin domains (issue 9 items 21, 22)', () => {
  const drawDomain = (d: Domain) => {
    const host = document.createElement('div');
    render(renderColorbar({ domain: d, interpolate: interpolateRdYlGn, dataMin: d.min, dataMax: d.max, decimals: 4, label: '', height: 364 }), host);
    const ticks = [...host.querySelectorAll<HTMLElement>('.tick')];
    return {
      texts: ticks.map((t) => t.textContent),
      bottoms: ticks.map((t) => parseFloat(t.style.bottom)),
      name: host.querySelector('[role="img"]')!.getAttribute('aria-label'),
    };
  };

  it('labels a domain of ±1e-150 like 1e-150', () => {
    const bar = drawDomain({ min: -1e-150, max: 1e-150, center: 0 });
    expect(bar.texts).to.deep.equal(['−1e-150', '−5e-151', '0', '5e-151', '1e-150']);
    expect(bar.bottoms).to.deep.equal([0, 25, 50, 75, 100]);
    expect(bar.name).to.equal('colour scale from −1e-150 to 1e-150');
  });

  it('draws values [[1e-200]] from their resolved domain', () => {
    const bar = drawDomain(resolveDomain({}, 1e-200).domain);
    expect(bar.texts).to.deep.equal(['−1e-200', '−5e-201', '0', '5e-201', '1e-200']);
  });

  it('draws min = 1000, max = 1000.0000000000001 widened, every label different', () => {
    const bar = drawDomain(resolveDomain({ min: 1000, max: 1000.0000000000001 }, 1000).domain);
    expect(new Set(bar.texts).size).to.equal(bar.texts.length);
    expect(bar.texts.length).to.be.at.least(3);
    for (const b of bar.bottoms) expect(b).to.be.within(0, 100);
  });

  it('labels ±1e300 in exponent form', () => {
    const bar = drawDomain({ min: -1e300, max: 1e300, center: 0 });
    expect(bar.texts).to.deep.equal(['−1e+300', '−5e+299', '0', '5e+299', '1e+300']);
  });

  it('samples the gradient of ends whose span overflows without NaN', () => {
    const stops = gradientStops({ min: -Number.MAX_VALUE, max: Number.MAX_VALUE, center: 0 }, interpolateRdYlGn);
    expect(stops[0]).to.equal(`${interpolateRdYlGn(0)} 0.00%`);
    expect(stops[16]).to.equal(`${interpolateRdYlGn(0.5)} 50.00%`);
    expect(stops[32]).to.equal(`${interpolateRdYlGn(1)} 100.00%`);
  });
});

describe('colours from the interpolator in the colour bar (issue 9 item 26)', () => {
  const payload = 'red;background-image:url(https://example.com/x.png)';
  const hostile = (t: number) => (t > 0.4 && t < 0.6 ? payload : interpolateRdYlGn(t));

  it('leaves out gradient stops that are not one CSS colour', () => {
    const stops = gradientStops(domain, hostile);
    expect(stops.length).to.be.lessThan(33);
    expect(stops.length).to.be.greaterThan(20);
    for (const stop of stops) expect(stop).to.match(/^rgb\(\d+, \d+, \d+\) \d+\.\d\d%$/);
  });

  it('adds no declaration and fetches nothing through the ramp or the pointed ends', () => {
    const host = document.createElement('div');
    document.body.append(host);
    render(renderColorbar({ domain, interpolate: () => payload, dataMin: -9, dataMax: 9, decimals: 4, label: '', height: 364 }), host);
    for (const el of host.querySelectorAll<HTMLElement>('.ramp, .extend')) {
      expect(el.style.backgroundImage, el.className).to.equal('');
      expect(el.getAttribute('style') ?? '', el.className).not.to.contain('url(');
    }
    host.remove();
  });

  it('paints the pointed ends with valid colours as before', () => {
    const host = document.createElement('div');
    render(renderColorbar({ domain, interpolate: interpolateRdYlGn, dataMin: -9, dataMax: 9, decimals: 4, label: '', height: 364 }), host);
    // The end's colour fills its inner triangle (the outer one is the outline, issue 9 item 14).
    expect(host.querySelector<HTMLElement>('[data-extend="high"]')!.style.getPropertyValue('--_end-color')).to.equal(interpolateRdYlGn(1));
    expect(host.querySelector<HTMLElement>('[data-extend="low"]')!.style.getPropertyValue('--_end-color')).to.equal(interpolateRdYlGn(0));
  });
});
