/** Whether a number carries a minus sign, including negative zero. */
export function isNegative(value: number): boolean {
  return value < 0 || Object.is(value, -0);
}

/** A decimals argument as toFixed accepts it: a whole number from 0 to 100 (NaN and negatives give 0). */
const fixedDigits = (decimals: number) => (decimals >= 0 ? Math.min(100, Math.floor(decimals)) : 0);

/** The power of ten of a non-zero finite number's leading digit, exact at every magnitude (Math.log10 can be off by one). */
const decimalExponent = (value: number) => Number(Math.abs(value).toExponential().split('e')[1]);

/**
 * `value` rounded to `places` decimal places at any magnitude: toFixed stops at 100 places (1e-150
 * needs 151) and prints values from 1e21 up in exponent form, toPrecision works on significant digits.
 */
function roundToPlaces(value: number, places: number): number {
  if (value === 0) return 0;
  // Up to 400 places: 5e-324 needs 324; beyond that nothing changes.
  const p = places >= 0 ? Math.min(400, Math.floor(places)) : 0;
  const digits = decimalExponent(value) + p + 1;
  if (digits >= 1) return Number(value.toPrecision(Math.min(100, digits)));
  // No significant digit is kept: the value rounds to 0 or, from half a unit up, to one unit in the last place.
  if (digits === 0 && Math.abs(value) >= Number(`5e${-p - 1}`)) return Math.sign(value) * Number(`1e${-p}`);
  return 0;
}

/**
 * A cell's printed value: fixed decimals, and a negative value keeps its minus
 * sign even when it rounds to zero (`-0`, `-0.00003` → `-0.0000`), as the
 * reference figure prints it. Any number and any `decimals` (clamped to 0–100) print without throwing.
 */
export function formatValue(value: number, decimals: number): string {
  if (typeof value !== 'number' || Number.isNaN(value)) return '';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  const text = Math.abs(value).toFixed(fixedDigits(decimals));
  return isNegative(value) ? `-${text}` : text;
}

/** A value at full precision, for the tooltip and screen readers (`-0` stays `-0`). */
export function formatExact(value: number): string {
  if (typeof value !== 'number' || Number.isNaN(value)) return '';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  return Object.is(value, -0) ? '-0' : String(value);
}

/**
 * A colour-bar tick: the shortest text that shows the value to `decimals`
 * places, with a true minus sign (U+2212) so it never reads as a tick mark.
 * Works at every magnitude (`1e-150`, `1e+300`); `Infinity` decimals print the value exactly.
 */
export function formatTick(value: number, decimals: number): string {
  if (typeof value !== 'number' || Number.isNaN(value)) return '';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '\u2212∞';
  const rounded = roundToPlaces(value, decimals);
  // A tick that rounds to zero is the centre, printed without a sign.
  if (rounded === 0) return '0';
  return rounded < 0 ? `\u2212${-rounded}` : String(rounded);
}
