import { expect } from '@open-wc/testing';
import { InvalidJson } from '../../src/data.js';
import { readStepScores, STEP_SCHEMES, stepDomain, stepValue } from '../../src/step-scores/step-scores.js';

describe('step scores', () => {
  it('reads one series per name, each with its own sequential scheme', () => {
    const { series, problems } = readStepScores({ probability: [0.9, 0.5, null], entropy: [1.2, 0.4, 2.5] }, 3);
    expect(problems).to.deep.equal([]);
    expect(series.map((s) => s.name)).to.deep.equal(['probability', 'entropy']);
    expect([...series[0].values].map((v) => (Number.isNaN(v) ? null : v))).to.deep.equal([0.9, 0.5, null]);
    expect(series.map((s) => s.scheme)).to.deep.equal([STEP_SCHEMES[0], STEP_SCHEMES[1]]);
    expect(series[0].interpolate(0)).to.not.equal(series[1].interpolate(0));
  });

  it('puts probabilities on 0–1, non-negative scores from 0, negative ones up to 0', () => {
    expect(stepDomain([0.2, 0.7])).to.deep.equal({ min: 0, max: 1, center: 0 });
    expect(stepDomain([0.4, 2.5])).to.deep.equal({ min: 0, max: 2.5, center: 0 });
    expect(stepDomain([-3.2, -0.1])).to.deep.equal({ min: -3.2, max: 0, center: -3.2 });
    expect(stepDomain([-1, 2])).to.deep.equal({ min: -1, max: 2, center: -1 });
    expect(stepDomain([NaN, Infinity])).to.deep.equal({ min: 0, max: 1, center: 0 });
    expect(stepDomain([5, 5])).to.deep.equal({ min: 0, max: 5, center: 0 });
  });

  it('keeps the valid part of bad input and says what it did, one sentence each', () => {
    const { series, problems } = readStepScores({ p: [0.5, 'x', 0.2, 0.1], q: 'high', r: [0.3] }, 3);
    expect(series.map((s) => s.name)).to.deep.equal(['p', 'r']);
    expect(problems).to.deep.equal([
      'step-scores: "p"[1] is "x", not a number; shown as missing',
      'step-scores: "p" has 4 values for 3 columns; the extra ones are left out',
      'step-scores: "q" is "high", not one number per column; left out',
      'step-scores: "r" has 1 value for 3 columns; the missing ones are shown as missing',
    ]);
    expect(Number.isNaN(series[1].values[2])).to.equal(true);
  });

  it('ignores what is not {name: numbers}', () => {
    expect(readStepScores(null, 3)).to.deep.equal({ series: [], problems: [] });
    expect(readStepScores([0.1, 0.2], 2).problems).to.deep.equal(['step-scores: expected {"name": [one number per column], …}, got [0.1,0.2]; ignored']);
    expect(readStepScores(new InvalidJson('{', 'Unexpected end'), 2).problems).to.deep.equal(['step-scores: not valid JSON (Unexpected end); ignored']);
  });

  it('gives a group of columns the mean of its present values', () => {
    const [series] = readStepScores({ p: [0.2, 0.4, null, 0.9] }, 4).series;
    expect(stepValue(series, [1, 2])).to.equal(0.4);
    expect(stepValue(series, [0, 3])).to.be.closeTo(0.3, 1e-12);
    expect(stepValue(series, [2, 3])).to.equal(null);
  });
});
