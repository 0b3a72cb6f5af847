import { expect } from '@open-wc/testing';
import { clampSide, colorbarTicks, niceStep, resolveDomain, scalePosition, type Domain } from '../../src/scale.js';

describe('resolveDomain', () => {
  it('defaults to a domain symmetric about 0 from the largest deviation', () => {
    const { domain, problems } = resolveDomain({}, 1.9074);
    expect(domain).to.deep.equal({ min: -1.9074, max: 1.9074, center: 0 });
    expect(problems).to.deep.equal([]);
  });

  it('centres the default domain on a given center', () => {
    expect(resolveDomain({ center: 2 }, 3).domain).to.deep.equal({ min: -1, max: 5, center: 2 });
  });

  it('treats null and non-finite settings as unset', () => {
    expect(resolveDomain({ min: null, max: null, center: null }, 2).domain).to.deep.equal({ min: -2, max: 2, center: 0 });
    expect(resolveDomain({ min: NaN, max: Infinity, center: NaN }, 2).domain).to.deep.equal({ min: -2, max: 2, center: 0 });
  });

  it('uses both given ends as they are', () => {
    const { domain, problems } = resolveDomain({ min: -1.5, max: 1.5 }, 1.9074);
    expect(domain).to.deep.equal({ min: -1.5, max: 1.5, center: 0 });
    expect(problems).to.deep.equal([]);
    expect(resolveDomain({ min: -1, max: 3 }, 10).domain).to.deep.equal({ min: -1, max: 3, center: 0 });
  });

  it('mirrors a lone min about the center', () => {
    expect(resolveDomain({ min: -1 }, 5).domain).to.deep.equal({ min: -1, max: 1, center: 0 });
    expect(resolveDomain({ min: 0, center: 2 }, 5).domain).to.deep.equal({ min: 0, max: 4, center: 2 });
  });

  it('mirrors a lone max about the center', () => {
    expect(resolveDomain({ max: 3 }, 5).domain).to.deep.equal({ min: -3, max: 3, center: 0 });
    expect(resolveDomain({ max: 5, center: 2 }, 5).domain).to.deep.equal({ min: -1, max: 5, center: 2 });
  });

  it('reports min >= max and falls back to the data range', () => {
    for (const request of [{ min: 2, max: 1 }, { min: 1, max: 1 }]) {
      const { domain, problems } = resolveDomain(request, 0.5);
      expect(domain).to.deep.equal({ min: -0.5, max: 0.5, center: 0 });
      expect(problems).to.have.length(1);
      expect(problems[0]).to.contain('min').and.to.contain('max');
    }
  });

  it('reports a lone min on the wrong side of the center', () => {
    const { domain, problems } = resolveDomain({ min: 3 }, 2);
    expect(problems).to.have.length(1);
    expect(domain).to.deep.equal({ min: -2, max: 2, center: 0 });
  });

  it('uses a radius of 1 when the data has no deviation', () => {
    expect(resolveDomain({}, 0).domain).to.deep.equal({ min: -1, max: 1, center: 0 });
    expect(resolveDomain({ center: 5 }, 0).domain).to.deep.equal({ min: 4, max: 6, center: 5 });
  });

  it('uses a radius of 1 when the deviation is unusable', () => {
    for (const deviation of [NaN, Infinity, -3]) {
      expect(resolveDomain({}, deviation).domain, String(deviation)).to.deep.equal({ min: -1, max: 1, center: 0 });
    }
  });
});

describe('scalePosition', () => {
  const symmetric: Domain = { min: -1.5, max: 1.5, center: 0 };
  const asymmetric: Domain = { min: -1, max: 3, center: 0 };

  it('maps the center to 0.5 and the ends to 0 and 1', () => {
    expect(scalePosition(0, symmetric)).to.equal(0.5);
    expect(scalePosition(-1.5, symmetric)).to.equal(0);
    expect(scalePosition(1.5, symmetric)).to.equal(1);
  });

  it('maps negative zero to the neutral 0.5', () => {
    expect(scalePosition(-0, symmetric)).to.equal(0.5);
  });

  it('keeps the center at 0.5 for an asymmetric domain, each half linear', () => {
    expect(scalePosition(0, asymmetric)).to.equal(0.5);
    expect(scalePosition(-1, asymmetric)).to.equal(0);
    expect(scalePosition(3, asymmetric)).to.equal(1);
    expect(scalePosition(-0.5, asymmetric)).to.equal(0.25);
    expect(scalePosition(1.5, asymmetric)).to.equal(0.75);
  });

  it('keeps a non-zero center at 0.5', () => {
    expect(scalePosition(2, { min: 0, max: 10, center: 2 })).to.equal(0.5);
    expect(scalePosition(1, { min: 0, max: 10, center: 2 })).to.equal(0.25);
  });

  it('clamps values outside the domain to 0 and 1', () => {
    expect(scalePosition(-100, symmetric)).to.equal(0);
    expect(scalePosition(1.9074, symmetric)).to.equal(1);
    expect(scalePosition(-Infinity, asymmetric)).to.equal(0);
    expect(scalePosition(Infinity, asymmetric)).to.equal(1);
  });

  it('is linear from min to max when the center is not inside the domain', () => {
    const sequential: Domain = { min: 0, max: 4, center: 0 };
    expect(scalePosition(0, sequential)).to.equal(0);
    expect(scalePosition(1, sequential)).to.equal(0.25);
    expect(scalePosition(4, sequential)).to.equal(1);
    expect(scalePosition(2, { min: 1, max: 3, center: 10 })).to.equal(0.5);
  });

  it('never decreases as the value grows', () => {
    for (const domain of [symmetric, asymmetric, { min: 0, max: 7.3, center: 0 }]) {
      let previous = -Infinity;
      for (let v = domain.min - 1; v <= domain.max + 1; v += 0.01) {
        const t = scalePosition(v, domain);
        expect(t).to.be.within(0, 1);
        expect(t).to.be.at.least(previous);
        previous = t;
      }
    }
  });
});

describe('clampSide', () => {
  const domain: Domain = { min: -1.5, max: 1.5, center: 0 };

  it('is 0 inside the domain, ends included', () => {
    expect(clampSide(0, domain)).to.equal(0);
    expect(clampSide(-1.5, domain)).to.equal(0);
    expect(clampSide(1.5, domain)).to.equal(0);
  });

  it('is -1 below and 1 above the domain', () => {
    expect(clampSide(-1.5001, domain)).to.equal(-1);
    expect(clampSide(-Infinity, domain)).to.equal(-1);
    expect(clampSide(1.9074, domain)).to.equal(1);
    expect(clampSide(Infinity, domain)).to.equal(1);
  });
});

describe('niceStep', () => {
  it('returns 1, 2 or 5 times a power of ten near span / count', () => {
    expect(niceStep(3, 6)).to.equal(0.5);
    expect(niceStep(10, 5)).to.equal(2);
    expect(niceStep(7.3, 6)).to.equal(1);
    expect(niceStep(100, 10)).to.equal(10);
    expect(niceStep(0.03, 6)).to.be.closeTo(0.005, 1e-15);
  });
});

/** Whether the ticks are sorted, include ends and center, and no round tick crowds another tick. */
function checkTicks(domain: Domain, count = 6): number[] {
  const ticks = colorbarTicks(domain, count);
  const label = JSON.stringify(domain);
  expect(ticks[0], label).to.equal(domain.min);
  expect(ticks[ticks.length - 1], label).to.equal(domain.max);
  if (domain.center > domain.min && domain.center < domain.max) expect(ticks, label).to.include(domain.center);
  const forced = (t: number) => t === domain.min || t === domain.max || t === domain.center;
  const span = domain.max - domain.min;
  for (let i = 1; i < ticks.length; i++) {
    expect(ticks[i], label).to.be.greaterThan(ticks[i - 1]);
    if (!forced(ticks[i]) || !forced(ticks[i - 1])) {
      // At least a quarter of an average gap, so labels never overlap.
      expect(ticks[i] - ticks[i - 1], `${label}: ${ticks[i - 1]} → ${ticks[i]}`).to.be.at.least(span / count / 4);
    }
  }
  for (const t of ticks) expect(t, label).to.be.within(domain.min, domain.max);
  return ticks;
}

describe('colorbarTicks', () => {
  it('gives exactly the half steps for the reference domain ±1.5', () => {
    expect(colorbarTicks({ min: -1.5, max: 1.5, center: 0 })).to.deep.equal([-1.5, -1, -0.5, 0, 0.5, 1, 1.5]);
  });

  it('keeps the exact data ends and drops no round tick that has room (±1.9074)', () => {
    const ticks = checkTicks({ min: -1.9074, max: 1.9074, center: 0 });
    expect(ticks).to.deep.equal([-1.9074, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 1.9074]);
  });

  it('drops a round tick that would crowd an end (0 to 7.3)', () => {
    const ticks = checkTicks({ min: 0, max: 7.3, center: 0 });
    expect(ticks).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7.3]);
    expect(ticks).not.to.include(7);
  });

  it('includes a center that is not a round value', () => {
    const ticks = checkTicks({ min: -1, max: 3, center: 0.37 });
    expect(ticks).to.include(0.37);
  });

  it('gives round values free of floating-point noise', () => {
    const ticks = colorbarTicks({ min: -0.3, max: 0.3, center: 0 });
    for (const t of ticks) expect(String(t).length, String(t)).to.be.at.most(5);
    expect(ticks).to.include(0.1).and.to.include(-0.2);
  });

  it('holds its guarantees over many domains', () => {
    const domains: Domain[] = [];
    for (const radius of [0.0003, 0.01, 0.07, 0.5, 1, 1.3, 1.9074, 2.5, 9.99, 42, 1234.5]) {
      domains.push({ min: -radius, max: radius, center: 0 });
      domains.push({ min: -radius / 3, max: radius, center: 0 });
      domains.push({ min: 0, max: radius, center: 0 });
      domains.push({ min: radius, max: radius * 2.7, center: 0 });
    }
    for (const domain of domains) checkTicks(domain);
  });

  it('honours the requested count roughly', () => {
    const few = colorbarTicks({ min: 0, max: 10, center: 0 }, 2);
    const many = colorbarTicks({ min: 0, max: 10, center: 0 }, 10);
    expect(few.length).to.be.lessThan(many.length);
    expect(many).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
