// Reading what a caller hands over without letting it throw. A property can hold anything JavaScript
// can make: a revoked Proxy throws on every operation (even Array.isArray and instanceof), a getter or
// an index can throw when read, a Symbol or an object whose toString throws cannot become text. These
// helpers read such a value once, into plain data, and turn a failure into a sentence.

/** Longest error text a message quotes: one line of an alert. */
const ERROR_TEXT_LIMIT = 80;

/** What a thrown value says, as one short line: `TypeError: Cannot perform 'get' on a proxy that has been revoked`. */
export function errorText(error: unknown): string {
  let text: string;
  try {
    if (error instanceof Error) text = `${error.name}: ${error.message}`;
    else if (typeof error === 'string') text = error;
    else text = `a thrown ${error === null ? 'null' : typeof error}`;
  } catch {
    text = 'an error that cannot be read';
  }
  // Defensive: the name or message may themselves be odd (not strings, multi-line, huge).
  text = String(text).replace(/\s+/g, ' ').trim();
  return text.length > ERROR_TEXT_LIMIT ? `${text.slice(0, ERROR_TEXT_LIMIT)}…` : text;
}

/** The sentence for a value that could not be read: `cannot be read (TypeError: …)`. */
export const unreadable = (error: unknown) => `cannot be read (${errorText(error)})`;

/** Whether a value is an array or a typed array (not a DataView); false for what cannot be asked, such as a revoked Proxy. */
export function isList(value: unknown): value is ArrayLike<unknown> {
  try {
    return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
  } catch {
    return false;
  }
}

/** `Array.isArray`, false for a revoked Proxy (which makes Array.isArray throw). */
export function isArray(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/** The error asking whether a value is an array throws (a revoked Proxy's), as text; undefined when asking works. */
export function listError(value: unknown): string | undefined {
  try {
    Array.isArray(value);
    return undefined;
  } catch (error) {
    return errorText(error);
  }
}

/** Whether a value has a length above 0; true when asking throws (there is something there, if unreadable). */
export function isNonEmpty(value: unknown): boolean {
  try {
    return (value as ArrayLike<unknown> | null | undefined)?.length! > 0;
  } catch {
    return true;
  }
}

/** Whether `value instanceof type`, false when the question itself throws (a revoked Proxy). */
export function isInstance<T>(value: unknown, type: abstract new (...args: never[]) => T): value is T {
  try {
    return value instanceof type;
  } catch {
    return false;
  }
}

/** A list read into a plain array: each entry read once; an entry that throws is `undefined` and its index noted. */
export interface ReadList {
  readonly items: unknown[];
  /** Indices whose reading threw, and the first error. */
  readonly failed: readonly number[];
  readonly error?: string;
}

/**
 * Reads an array or typed array entry by entry into a plain array. Returns a sentence instead when
 * the value is not a list, or when even its length cannot be read (a revoked Proxy, a throwing getter).
 */
export function readList(value: unknown): ReadList | { readonly problem: string } {
  let length: number;
  try {
    if (!(Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView)))) return { problem: 'not a list' };
    length = (value as ArrayLike<unknown>).length;
  } catch (error) {
    return { problem: unreadable(error) };
  }
  if (!(length >= 0 && length <= 0xffffffff)) return { problem: `has a length of ${String(length)}` };
  const items = new Array<unknown>(length);
  const failed: number[] = [];
  let firstError: unknown;
  const list = value as ArrayLike<unknown>;
  for (let i = 0; i < length; i++) {
    try {
      items[i] = list[i];
    } catch (error) {
      if (!failed.length) firstError = error;
      failed.push(i);
    }
  }
  return failed.length ? { items, failed, error: errorText(firstError) } : { items, failed };
}

/** Reads `object[key]`, or says why it could not be read. */
export function readKey(object: unknown, key: string): { value: unknown } | { problem: string } {
  try {
    return { value: (object as Record<string, unknown>)[key] };
  } catch (error) {
    return { problem: unreadable(error) };
  }
}
