/** Whether a number carries a minus sign, including negative zero. */
export function isNegative(value: number): boolean {
  return value < 0 || Object.is(value, -0);
}

/**
 * A cell's printed value: fixed decimals, and a negative value keeps its minus
 * sign even when it rounds to zero (`-0`, `-0.00003` → `-0.0000`), as the
 * reference figure prints it.
 */
export function formatValue(value: number, decimals: number): string {
  if (Number.isNaN(value)) return '';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  const text = Math.abs(value).toFixed(decimals);
  return isNegative(value) ? `-${text}` : text;
}

/** A value at full precision, for the tooltip and screen readers (`-0` stays `-0`). */
export function formatExact(value: number): string {
  if (Number.isNaN(value)) return '';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  return Object.is(value, -0) ? '-0' : String(value);
}

/**
 * A colour-bar tick: the shortest text that shows the value to `decimals`
 * places, with a true minus sign (U+2212) so it never reads as a tick mark.
 */
export function formatTick(value: number, decimals: number): string {
  const rounded = Number(value.toFixed(Math.min(decimals, 20)));
  // A tick that rounds to zero is the centre, printed without a sign.
  if (rounded === 0) return '0';
  return rounded < 0 ? `\u2212${-rounded}` : String(rounded);
}
