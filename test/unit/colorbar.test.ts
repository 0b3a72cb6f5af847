import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { interpolateRdYlGn, interpolatePuOr } from 'd3-scale-chromatic';
import { gradientStops, renderColorbar } from '../../src/colorbar.js';

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
