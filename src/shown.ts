/**
 * A value as a message quotes it: JSON where possible, cut at `limit` characters. Never throws,
 * whatever it is given (BigInt, Symbol, circular objects, revoked Proxies, throwing getters or
 * `toString`s), because a message about bad input must not become a second failure.
 */
export function shown(value: unknown, limit = 40): string {
  let text: string;
  try {
    if (typeof value === 'bigint') text = `${value}n`;
    else if (typeof value === 'symbol') text = value.toString();
    else if (typeof value === 'function') text = 'a function';
    else if (value === undefined) text = 'undefined';
    else if (typeof value === 'number') text = Object.is(value, -0) ? '-0' : String(value);
    else text = JSON.stringify(value) ?? String(value);
  } catch {
    text = describeKind(value);
  }
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

/** What sort of thing a value is, for when it cannot be written out. */
function describeKind(value: unknown): string {
  try {
    if (Array.isArray(value)) return 'an array that cannot be written out';
  } catch {
    // a revoked Proxy throws even from Array.isArray
  }
  return typeof value === 'object' && value !== null ? 'an object that cannot be written out' : `a ${typeof value}`;
}
