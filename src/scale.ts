/** The colour domain: values map from `min` through `center` to `max`. */
export interface Domain {
  readonly min: number;
  readonly max: number;
  readonly center: number;
}

export interface DomainRequest {
  min?: number | null;
  max?: number | null;
  center?: number | null;
}

export interface DomainResult {
  domain: Domain;
  problems: string[];
}

const isSet = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/**
 * The colour domain from the caller's `min`/`max`/`center` and the data's
 * largest distance from the centre. Unset ends are symmetric about the centre;
 * a single given end is mirrored about it.
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
  if (min === undefined || max === undefined) {
    const radius = largestDeviation > 0 && Number.isFinite(largestDeviation) ? largestDeviation : 1;
    min = center - radius;
    max = center + radius;
  }
  return { domain: { min, max, center }, problems };
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

/** A round step (1, 2 or 5 × 10ⁿ) that splits `span` into about `count` parts. */
export function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  const factor = error >= 7.07 ? 10 : error >= 3.16 ? 5 : error >= 1.41 ? 2 : 1;
  return factor * power;
}

/**
 * Colour-bar ticks: round values inside the domain plus both ends and the
 * centre; round ticks crowding a forced one are dropped.
 */
export function colorbarTicks({ min, max, center }: Domain, count = 6): number[] {
  const step = niceStep(max - min, count);
  const decimals = Math.max(0, -Math.floor(Math.log10(step))) + 1;
  const forced = [min, max];
  if (center > min && center < max) forced.push(center);
  const ticks = [...forced];
  for (let k = Math.ceil(min / step); k * step <= max; k++) {
    const tick = Number((k * step).toFixed(decimals));
    if (forced.every((f) => Math.abs(f - tick) >= step * 0.45)) ticks.push(tick);
  }
  return ticks.sort((a, b) => a - b);
}
