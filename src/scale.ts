/** The colour domain: values map from `min` through `center` to `max`. */
export interface Domain {
  readonly min: number;
  readonly max: number;
  readonly center: number;
}

/** What the caller asked for; null, undefined and non-finite numbers mean unset. */
export interface DomainRequest {
  min?: number | null;
  max?: number | null;
  center?: number | null;
}

/** A usable domain and the problems met resolving it (one line each). */
export interface DomainResult {
  domain: Domain;
  problems: string[];
}

const isSet = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/** The largest magnitude a domain end may have: any span between two such ends is finite. */
export const DOMAIN_LIMIT = Number.MAX_VALUE / 2;
/** The narrowest span drawn, absolute: below it the tick and gradient maths runs into subnormals. */
export const MIN_SPAN = 1e-300;
/**
 * The narrowest span drawn, relative to the larger end: a span of a few rounding steps (1000 to
 * 1000.0000000000001) has no values between its ends to put ticks or gradient stops on.
 */
export const MIN_RELATIVE_SPAN = 1e-12;

/** The narrowest span a domain with these ends may have. */
const narrowest = (min: number, max: number) => Math.max(MIN_SPAN, MIN_RELATIVE_SPAN * Math.max(Math.abs(min), Math.abs(max)));

/** Whether a domain can be drawn: finite ends within ±DOMAIN_LIMIT, min < max, and a span of at least MIN_SPAN and MIN_RELATIVE_SPAN. */
export function isUsableDomain({ min, max }: { min: number; max: number }): boolean {
  return Math.abs(min) <= DOMAIN_LIMIT && Math.abs(max) <= DOMAIN_LIMIT && max - min >= narrowest(min, max);
}

/**
 * The nearest usable range to [min, max] (finite, min < max): ends moved inside ±DOMAIN_LIMIT,
 * and a span too narrow to draw widened about its middle to twice the narrowest span, so that the
 * result is usable again after rounding.
 */
function fitRange(min: number, max: number): { min: number; max: number } {
  let lo = Math.min(DOMAIN_LIMIT, Math.max(-DOMAIN_LIMIT, min));
  let hi = Math.min(DOMAIN_LIMIT, Math.max(-DOMAIN_LIMIT, max));
  if (isUsableDomain({ min: lo, max: hi })) return { min: lo, max: hi };
  const span = 2 * narrowest(lo, hi);
  const middle = lo / 2 + hi / 2;
  lo = middle - span / 2;
  hi = middle + span / 2;
  if (hi > DOMAIN_LIMIT) [lo, hi] = [DOMAIN_LIMIT - span, DOMAIN_LIMIT];
  if (lo < -DOMAIN_LIMIT) [lo, hi] = [-DOMAIN_LIMIT, -DOMAIN_LIMIT + span];
  return { min: lo, max: hi };
}

/**
 * The colour domain from the caller's `min`/`max`/`center` and the data's
 * largest distance from the centre. Unset ends are symmetric about the centre;
 * a single given end is mirrored about it. Always usable (see isUsableDomain):
 * a range too narrow or too wide to draw is widened or narrowed, with a problem saying so.
 */
export function resolveDomain(request: DomainRequest, largestDeviation: number): DomainResult {
  const problems: string[] = [];
  const center = isSet(request.center) ? request.center : 0;
  let min = isSet(request.min) ? request.min : undefined;
  let max = isSet(request.max) ? request.max : undefined;
  if (min !== undefined && max === undefined) max = 2 * center - min;
  if (max !== undefined && min === undefined) min = 2 * center - max;
  if (min !== undefined && max !== undefined && !(min < max)) {
    problems.push(`min (${min}) must be less than max (${max}); using the data's range`);
    min = max = undefined;
  }
  const given = min !== undefined && max !== undefined;
  if (min === undefined || max === undefined) {
    const radius = largestDeviation > 0 && Number.isFinite(largestDeviation) ? largestDeviation : 1;
    min = center - radius;
    max = center + radius;
  }
  const fitted = fitRange(min, max);
  if (fitted.min !== min || fitted.max !== max) {
    const range = given ? `min (${min}) and max (${max})` : `the colour range from the data (${min} to ${max})`;
    const tooWide = Math.abs(min) > DOMAIN_LIMIT || Math.abs(max) > DOMAIN_LIMIT;
    const why = tooWide ? `reach${given ? '' : 'es'} past ±${DOMAIN_LIMIT}` : `${given ? 'are' : 'is'} too narrow to draw`;
    problems.push(`${range} ${why}; using ${fitted.min} to ${fitted.max}`);
  }
  return { domain: { min: fitted.min, max: fitted.max, center }, problems };
}

/**
 * Where a value falls on the colour scale, 0 to 1, clamped. Diverging: the
 * centre is always 0.5, so zero attribution is always the neutral colour.
 */
export function scalePosition(value: number, { min, max, center }: Domain): number {
  let t: number;
  if (center > min && center < max) {
    t = value < center ? (0.5 * (value - min)) / (center - min) : 0.5 + (0.5 * (value - center)) / (max - center);
  } else {
    t = (value - min) / (max - min);
  }
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/** -1 when a value lies below the domain, 1 above it, 0 inside. */
export function clampSide(value: number, { min, max }: Domain): -1 | 0 | 1 {
  return value < min ? -1 : value > max ? 1 : 0;
}

/** A round step, digit × 10^exponent with digit 1, 2 or 5. */
interface RoundStep {
  readonly digit: 1 | 2 | 5;
  readonly exponent: number;
  readonly value: number;
}

/** The round step nearest above about `raw`, or null when `raw` is not a positive finite number. */
function roundStep(raw: number): RoundStep | null {
  if (!(raw > 0 && raw < Infinity)) return null;
  // toExponential gives the exact decimal exponent at every magnitude, subnormals included; log10 can be off by one.
  const [mantissa, exponent] = raw.toExponential().split('e').map(Number);
  const [digit, shift] = mantissa >= 7.07 ? ([1, 1] as const) : mantissa >= 3.16 ? ([5, 0] as const) : mantissa >= 1.41 ? ([2, 0] as const) : ([1, 0] as const);
  // Parsed from decimal text, so 1e-151 is the double nearest 10^-151, not an accumulated product.
  const value = Number(`${digit}e${exponent + shift}`);
  return value > 0 && value < Infinity ? { digit, exponent: exponent + shift, value } : null;
}

/** A round step (1, 2 or 5 × 10ⁿ) that splits `span` into about `count` parts; NaN when span / count is not a positive finite number. */
export function niceStep(span: number, count: number): number {
  return roundStep(span / count)?.value ?? NaN;
}

/** The number of parts a tick count asks for: a whole number from 1 to 100 (NaN gives 1). */
const tickParts = (count: number) => Math.min(100, Math.max(1, Math.floor(count) || 1));

/** The round step for about `count` parts of a domain, computed without overflow (±1e308), or null when the domain has no span. */
function domainStep({ min, max }: Domain, count: number): RoundStep | null {
  if (!(min < max) || !Number.isFinite(min) || !Number.isFinite(max)) return null;
  const parts = tickParts(count);
  const span = max - min;
  return roundStep(Number.isFinite(span) ? span / parts : max / parts - min / parts);
}

/** The step between the round ticks colorbarTicks gives for a domain and count; NaN when it gives none. */
export function tickStep(domain: Domain, count = 6): number {
  return domainStep(domain, count)?.value ?? NaN;
}

/**
 * Colour-bar ticks: round values inside the domain plus both ends and the
 * centre; round ticks crowding a forced one are dropped. Ends for every
 * input: the round values are counted before the loop, and a domain with too
 * many of them (a span of a few rounding steps) gets its ends and centre only.
 */
export function colorbarTicks(domain: Domain, count = 6): number[] {
  const { min, max, center } = domain;
  const forced = [min, max].filter(Number.isFinite);
  if (min === max) forced.pop();
  if (center > min && center < max) forced.push(center);
  const ticks = [...forced];
  const step = domainStep(domain, count);
  if (step) {
    const first = Math.ceil(min / step.value);
    const last = Math.floor(max / step.value);
    // A round step is at least span / parts / 1.6, so at most 1.6 × parts + 2 round values fit; k × digit stays an exact integer.
    const fits = last - first <= 2 * tickParts(count) + 2;
    const exact = Math.abs(first) <= Number.MAX_SAFE_INTEGER / 10 && Math.abs(last) <= Number.MAX_SAFE_INTEGER / 10;
    for (let i = 0; fits && exact && i <= last - first; i++) {
      // k × digit × 10^exponent parsed from text: exact round values at every magnitude, no floating-point noise.
      const tick = Number(`${(first + i) * step.digit}e${step.exponent}`);
      if (tick >= min && tick <= max && forced.every((f) => Math.abs(f - tick) >= step.value * 0.45)) ticks.push(tick);
    }
  }
  return ticks.sort((a, b) => a - b);
}
