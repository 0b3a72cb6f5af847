/**
 * Step scores: one number per output (probability, entropy, …) under the grid, each series on its
 * own sequential scale. Reading and checking the caller's `{name: number[]}`; pure, no DOM.
 */
import { InvalidJson } from '../data.js';
import { isInstance, isList, readList, unreadable } from '../safe-read.js';
import type { Domain } from '../scale.js';
import { schemeInterpolator, type Interpolator } from '../schemes.js';
import { shown } from '../shown.js';

/** One named series of step scores. */
export interface StepSeries {
  readonly name: string;
  /** One value per caller column, NaN where missing. */
  readonly values: Float64Array;
  /** Its own sequential domain: `center` is `min`, so colours run from one end to the other. */
  readonly domain: Domain;
  readonly interpolate: Interpolator;
  /** The scheme's name, for the legend's description. */
  readonly scheme: string;
}

/** The series as read, and one sentence per problem with the input. */
export interface StepScores {
  readonly series: readonly StepSeries[];
  readonly problems: readonly string[];
}

/** Sequential schemes the series take in turn: none is diverging, so they never read as the attribution's scale. */
export const STEP_SCHEMES = ['Blues', 'Purples', 'Oranges', 'Greys', 'Greens', 'Reds'] as const;

const NONE: StepScores = { series: [], problems: [] };
const ATTRIBUTE = 'step-scores';


/**
 * A series' sequential domain from its finite values: from 0 when none is negative, to 1 when
 * they all lie in 0–1 (probabilities read on their own scale), to 0 when none is positive
 * (log-probabilities); a series with one value (or none) spans one unit from it.
 */
export function stepDomain(values: ArrayLike<number>): Domain {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v > -Infinity && v < Infinity)) continue;
    if (v < low) low = v;
    if (v > high) high = v;
  }
  if (low > high) return { min: 0, max: 1, center: 0 };
  if (low >= 0) low = 0;
  if (high <= 0) high = 0;
  if (low >= 0 && high <= 1) high = 1;
  if (!(high > low)) high = low + 1;
  return { min: low, max: high, center: low };
}

/**
 * Reads `stepScores` for `columns` outputs. Never throws: an input that is not `{name: array}` is
 * ignored, a series that is not an array is left out, a short series is padded with missing
 * values and a long one cut, entries that are not numbers are missing, each said in one sentence.
 */
export function readStepScores(input: unknown, columns: number): StepScores {
  if (input === undefined || input === null) return NONE;
  const ignored = (why: string): StepScores => ({ series: [], problems: [`${ATTRIBUTE}: ${why}; ignored`] });
  if (isInstance(input, InvalidJson)) return ignored(`not valid JSON (${input.reason})`);
  let entries: [string, unknown][];
  try {
    // A Proxy, a getter or a revoked object may throw at any of these; each is read once.
    if (typeof input !== 'object' || Array.isArray(input) || ArrayBuffer.isView(input) || input instanceof Map) entries = [];
    else entries = Object.entries(input);
  } catch (error) {
    return ignored(unreadable(error));
  }
  if (!entries.length) return ignored(`expected {"name": [one number per column], …}, got ${shown(input)}`);
  const problems: string[] = [];
  const series: StepSeries[] = [];
  for (const [name, entry] of entries) {
    const quoted = JSON.stringify(name);
    const read = isList(entry) ? readList(entry) : null;
    if (!read || 'problem' in read || read.failed.length) {
      const why = !read ? `is ${shown(entry)}, not one number per column` : 'problem' in read ? read.problem : `[${read.failed[0]}] cannot be read (${read.error})`;
      problems.push(`${ATTRIBUTE}: ${quoted} ${why}; left out`);
      continue;
    }
    const given = read.items;
    const values = new Float64Array(columns).fill(NaN);
    let bad = -1;
    let badCount = 0;
    for (let c = 0; c < Math.min(columns, given.length); c++) {
      const v = given[c];
      if (typeof v === 'number') values[c] = v;
      else if (v !== null && v !== undefined && !badCount++) bad = c;
    }
    if (badCount)
      problems.push(`${ATTRIBUTE}: ${quoted}[${bad}] is ${shown(given[bad])}, not a number${badCount > 1 ? ` (and ${badCount - 1} more)` : ''}; shown as missing`);
    if (given.length !== columns)
      problems.push(
        `${ATTRIBUTE}: ${quoted} has ${given.length} value${given.length === 1 ? '' : 's'} for ${columns} column${columns === 1 ? '' : 's'}; ` +
          (given.length < columns ? 'the missing ones are shown as missing' : 'the extra ones are left out'),
      );
    const scheme = STEP_SCHEMES[series.length % STEP_SCHEMES.length];
    series.push({ name, values, domain: stepDomain(values), interpolate: schemeInterpolator(scheme)!, scheme });
  }
  return { series, problems };
}

/** A series' value for the caller's columns [start, end): the one value, or a group's mean of its present values; null when none. */
export function stepValue(series: StepSeries, [start, end]: readonly [number, number]): number | null {
  // From -0, so that a lone -0 keeps its sign.
  let sum = -0;
  let count = 0;
  for (let c = Math.max(0, start); c < Math.min(end, series.values.length); c++) {
    const v = series.values[c];
    if (v === v) {
      sum += v;
      count++;
    }
  }
  return count ? sum / count : null;
}
