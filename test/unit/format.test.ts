import { expect } from '@open-wc/testing';
import { formatExact, formatTick, formatValue, isNegative } from '../../src/format.js';

const MINUS = '\u2212';

describe('isNegative', () => {
  it('is true for negative numbers and negative zero', () => {
    expect(isNegative(-1)).to.equal(true);
    expect(isNegative(-0.00003)).to.equal(true);
    expect(isNegative(-0)).to.equal(true);
    expect(isNegative(-Infinity)).to.equal(true);
  });

  it('is false for positive zero, positive numbers and NaN', () => {
    expect(isNegative(0)).to.equal(false);
    expect(isNegative(2.5)).to.equal(false);
    expect(isNegative(Infinity)).to.equal(false);
    expect(isNegative(NaN)).to.equal(false);
  });
});

describe('formatValue', () => {
  it('prints the reference figure values with four fixed decimals', () => {
    expect(formatValue(1.9074, 4)).to.equal('1.9074');
    expect(formatValue(0.382, 4)).to.equal('0.3820');
    expect(formatValue(-0.0756, 4)).to.equal('-0.0756');
    expect(formatValue(0, 4)).to.equal('0.0000');
  });

  it('keeps the minus sign of negative zero', () => {
    expect(formatValue(-0, 4)).to.equal('-0.0000');
    expect(formatValue(-0, 0)).to.equal('-0');
  });

  it('keeps the minus sign of a negative value that rounds to zero', () => {
    expect(formatValue(-0.00003, 4)).to.equal('-0.0000');
    expect(formatValue(-0.004, 2)).to.equal('-0.00');
  });

  it('does not add a sign to a positive value that rounds to zero', () => {
    expect(formatValue(0.00003, 4)).to.equal('0.0000');
  });

  it('honours the number of decimals', () => {
    expect(formatValue(1.23456, 0)).to.equal('1');
    expect(formatValue(1.23456, 2)).to.equal('1.23');
    expect(formatValue(-1.5, 3)).to.equal('-1.500');
    expect(formatValue(12, 1)).to.equal('12.0');
  });

  it('prints infinities as ∞ and -∞', () => {
    expect(formatValue(Infinity, 4)).to.equal('∞');
    expect(formatValue(-Infinity, 4)).to.equal('-∞');
  });
});

describe('formatExact', () => {
  it('prints a value at full precision', () => {
    expect(formatExact(1.9074)).to.equal('1.9074');
    expect(formatExact(-0.0756)).to.equal('-0.0756');
    expect(formatExact(0.1 + 0.2)).to.equal('0.30000000000000004');
  });

  it('keeps negative zero as -0 and positive zero as 0', () => {
    expect(formatExact(-0)).to.equal('-0');
    expect(formatExact(0)).to.equal('0');
  });

  it('prints infinities as ∞ and -∞', () => {
    expect(formatExact(Infinity)).to.equal('∞');
    expect(formatExact(-Infinity)).to.equal('-∞');
  });
});

describe('formatTick', () => {
  it('uses the shortest text for the value', () => {
    expect(formatTick(1.5, 4)).to.equal('1.5');
    expect(formatTick(1, 4)).to.equal('1');
    expect(formatTick(0.5, 2)).to.equal('0.5');
    expect(formatTick(7.3, 4)).to.equal('7.3');
  });

  it('uses a true minus sign (U+2212) for negatives', () => {
    expect(formatTick(-1, 4)).to.equal(`${MINUS}1`);
    expect(formatTick(-1.5, 4)).to.equal(`${MINUS}1.5`);
    expect(formatTick(-1, 4)).not.to.contain('-');
  });

  it('prints zero as 0 without a sign, including negative zero', () => {
    expect(formatTick(0, 4)).to.equal('0');
    expect(formatTick(-0, 4)).to.equal('0');
  });

  it('rounds to the given decimals', () => {
    expect(formatTick(1.9074, 4)).to.equal('1.9074');
    expect(formatTick(1.9074, 2)).to.equal('1.91');
    expect(formatTick(-1.9074, 2)).to.equal(`${MINUS}1.91`);
    expect(formatTick(2.04, 1)).to.equal('2');
  });

  it('prints a tick that rounds to zero as 0', () => {
    expect(formatTick(-0.00003, 4)).to.equal('0');
    expect(formatTick(0.00003, 4)).to.equal('0');
  });

  it('shows a domain end exactly when asked for 20 decimals', () => {
    expect(formatTick(1.9074, 20)).to.equal('1.9074');
    expect(formatTick(-1.5, 20)).to.equal(`${MINUS}1.5`);
  });
});

describe('formatting any number (issue 9 item 22)', () => {
  it('prints tiny cell values as zeros with their sign, as before', () => {
    expect(formatValue(1e-200, 4)).to.equal('0.0000');
    expect(formatValue(-1e-200, 4)).to.equal('-0.0000');
    expect(formatValue(5e-324, 4)).to.equal('0.0000');
    expect(formatValue(-5e-324, 0)).to.equal('-0');
  });

  it('prints huge cell values in exponent form', () => {
    expect(formatValue(1e300, 4)).to.equal('1e+300');
    expect(formatValue(-Number.MAX_VALUE, 4)).to.equal('-1.7976931348623157e+308');
  });

  it('takes any decimals without throwing: clamped to a whole number from 0 to 100', () => {
    expect(formatValue(1.25, -1)).to.equal('1');
    expect(formatValue(1.25, NaN)).to.equal('1');
    expect(formatValue(1.25, 2.7)).to.equal('1.25');
    expect(formatValue(1.5, 1000)).to.equal(`1.5${'0'.repeat(99)}`);
    expect(formatValue(1.5, Infinity)).to.have.length(102);
  });

  it('reads tick labels of tiny domains like 1e-150', () => {
    expect(formatTick(1e-150, 152)).to.equal('1e-150');
    expect(formatTick(-5e-151, 152)).to.equal(`${MINUS}5e-151`);
    expect(formatTick(-1.23456e-150, 152)).to.equal(`${MINUS}1.23e-150`);
    expect(formatTick(1e-200, 202)).to.equal('1e-200');
    expect(formatTick(5e-324, 400)).to.equal('5e-324');
  });

  it('reads tick labels of huge domains like 1.5e+300', () => {
    expect(formatTick(1.5e300, 4)).to.equal('1.5e+300');
    expect(formatTick(-2e307, 0)).to.equal(`${MINUS}2e+307`);
    expect(formatTick(9007199254740000, 4)).to.equal('9007199254740000');
  });

  it('prints a value exactly with Infinity decimals', () => {
    expect(formatTick(1e-200, Infinity)).to.equal('1e-200');
    expect(formatTick(0.1 + 0.2, Infinity)).to.equal('0.30000000000000004');
    expect(formatTick(-1.9074, Infinity)).to.equal(`${MINUS}1.9074`);
  });

  it('rounds half a unit up and less down where no significant digit is kept', () => {
    expect(formatTick(0.00006, 4)).to.equal('0.0001');
    expect(formatTick(-0.00006, 4)).to.equal(`${MINUS}0.0001`);
    expect(formatTick(0.000049, 4)).to.equal('0');
    expect(formatTick(4e-200, 4)).to.equal('0');
  });

  it('prints infinities as ∞ and NaN as nothing', () => {
    expect(formatTick(Infinity, 4)).to.equal('∞');
    expect(formatTick(-Infinity, 4)).to.equal(`${MINUS}∞`);
    expect(formatTick(NaN, 4)).to.equal('');
  });

  it('gives nothing, rather than throwing, for a value that is not a number', () => {
    const big = 10n as unknown as number;
    expect(formatValue(big, 4)).to.equal('');
    expect(formatExact(big)).to.equal('');
    expect(formatTick(big, 4)).to.equal('');
  });

  it('agrees with toFixed wherever toFixed works, and never throws elsewhere (fixed-seed sweep)', () => {
    let state = 0x9e3779b9;
    const random = () => {
      // mulberry32: the same sequence on every run and in every browser.
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const decimalsList = [-5, 0, 1, 4, 20, 100, 101, 152, 400, 1000, NaN, Infinity, 2.5];
    const specials = [0, -0, 5e-324, -5e-324, 2.2250738585072014e-308, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, -Number.MAX_VALUE];
    let compared = 0;
    for (let i = 0; i < 4000; i++) {
      // Half at everyday magnitudes (1e-12 … 1e6), half anywhere from subnormal to 1e308.
      const exponent = random() < 0.5 ? Math.floor(-12 + 19 * random()) : Math.floor(-324 + 633 * random());
      const value = i < specials.length ? specials[i] : (random() < 0.5 ? -1 : 1) * (1 + 9 * random()) * 10 ** exponent;
      if (!Number.isFinite(value)) continue;
      const decimals = decimalsList[i % decimalsList.length];
      const label = `${value} with ${decimals}`;
      const cell = formatValue(value, decimals);
      const tick = formatTick(value, decimals);
      expect(formatExact(value), label).to.equal(Object.is(value, -0) ? '-0' : String(value));
      expect(cell.startsWith('-'), label).to.equal(value < 0 || Object.is(value, -0));
      expect(tick, label).to.match(/^(0|\u2212?\d+(\.\d+)?(e[+-]\d+)?)$/);
      const back = Number(tick.replace(MINUS, '-'));
      if (decimals >= 0 && decimals <= 100 && Number.isInteger(decimals) && Math.abs(value) < 1e21) {
        // toFixed's own rounding is the reference where it applies.
        expect(back, label).to.equal(Number(value.toFixed(decimals)) || 0);
        compared++;
      } else {
        // Within half a unit of the last place asked for, or the value itself when that is finer than a double.
        const unit = decimals >= 0 ? 10 ** -Math.min(400, Math.floor(decimals)) : 1;
        expect(Math.abs(back - value), label).to.be.at.most(Math.max(unit / 2, Math.abs(value) * 1e-15));
      }
    }
    expect(compared).to.be.greaterThan(1000);
  });
});
