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
