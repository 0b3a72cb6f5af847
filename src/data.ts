import { errorText, isArray, isInstance, isList, listError, readKey, readList } from './safe-read.js';

/** An attribute whose text is not valid JSON; kept so the element can say so. */
export class InvalidJson {
  constructor(
    readonly text: string,
    readonly reason: string,
  ) {}
}

// Python's json.dumps writes NaN and ±Infinity, which JSON.parse rejects; a
// notebook user should not have to clean them. 1e999 parses as Infinity.
const NON_FINITE = /(^|[[,:]\s*)(-?)(NaN|Infinity)(?=\s*(?:[\],}]|$))/g;

/** Parses a JSON attribute, accepting NaN/Infinity as Python writes them; bad text gives `InvalidJson`. */
export function parseJsonAttribute(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    try {
      return JSON.parse(
        text.replace(NON_FINITE, (_m, lead: string, sign: string, word: string) =>
          lead + (word === 'NaN' ? 'null' : `${sign}1e999`),
        ),
      );
    } catch {
      return new InvalidJson(text, (error as Error).message);
    }
  }
}

// -0 keeps its sign and ±Infinity stays infinite (1e999 parses back as Infinity); NaN is missing.
const numberText = (n: number) =>
  Object.is(n, -0) ? '-0' : Number.isFinite(n) ? String(n) : Number.isNaN(n) ? 'null' : n > 0 ? '1e999' : '-1e999';

/** JSON for a values matrix that keeps negative zero (JSON.stringify drops its sign). */
export function stringifyValues(values: unknown): string {
  if (!Array.isArray(values)) return JSON.stringify(values) ?? '';
  const item = (v: unknown): string =>
    typeof v === 'number' ? numberText(v) : Array.isArray(v) ? `[${v.map(item).join(',')}]` : JSON.stringify(v ?? null);
  return item(values);
}

/** The caller's values: nested rows, or a flat row-major typed array. */
export type ValuesInput = ArrayLike<number | null | undefined>[] | Float32Array | Float64Array | ArrayLike<number>;

/** The data after validation: every cell present (NaN where missing), labels filled. */
export interface Matrix {
  readonly rowCount: number;
  readonly columnCount: number;
  readonly rowLabels: readonly string[];
  readonly columnLabels: readonly string[];
  /** The value at a cell, NaN where it is missing. Reads the caller's arrays: nothing is copied. */
  readonly at: (row: number, column: number) => number;
  /** Row-major values when the input was flat: the caller's typed array itself when it fits exactly. */
  readonly flat?: ArrayLike<number>;
  /** The caller's rows when the input was nested (`number[][]`), read in place by the overview. */
  readonly nested?: readonly unknown[];
  /** Smallest and largest finite values and their flat indices (`row * columnCount + column`; -1 when none). */
  readonly stats: MatrixStats;
  /** One sentence per problem with the input, each naming its attribute. */
  readonly problems: readonly string[];
}

export interface MatrixStats {
  min: number;
  max: number;
  minIndex: number;
  maxIndex: number;
}

interface Labels {
  labels: (string | undefined)[];
  given: boolean;
}

function readLabels(name: string, input: unknown, problems: string[]): Labels {
  if (input === undefined || input === null) return { labels: [], given: false };
  if (isInstance(input, InvalidJson)) {
    problems.push(`${name}: not valid JSON (${input.reason})`);
    return { labels: [], given: false };
  }
  // Typed arrays hold numbers, never text: only a real array is a list of labels.
  const list = isTypedArray(input) ? ({ problem: 'not a list' } as const) : readList(input);
  if ('problem' in list) {
    problems.push(list.problem === 'not a list' ? `${name}: expected an array of strings, got ${describe(input)}` : `${name}: ${list.problem}; shown by index`);
    return { labels: [], given: false };
  }
  let bad = 0;
  const labels = list.items.map((label, i) => {
    if (typeof label === 'string') return label;
    if (typeof label === 'number' || typeof label === 'boolean') return String(label);
    // An entry that could not be read is reported on its own below.
    if (!list.failed.includes(i)) bad++;
    return undefined;
  });
  if (bad) problems.push(`${name}: ${bad} label${bad > 1 ? 's are' : ' is'} not text; shown by index`);
  if (list.failed.length) problems.push(`${name}: ${named('label', list.failed)} cannot be read (${list.error}); shown by index`);
  // No labels at all is a choice (index labels), not a mismatch worth a message.
  return { labels, given: labels.length > 0 };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (isArray(value)) return 'an array';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 20 ? value.slice(0, 20) + '…' : value)}`;
  if (typeof value === 'function') return 'a function';
  if (value === UNREADABLE) return 'an entry that cannot be read';
  // typeof never throws, and String() of a number, boolean, BigInt or Symbol cannot.
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** A typed array of numbers or BigInts (never a Proxy: ArrayBuffer.isView sees through none). */
const isTypedArray = (v: unknown): v is ArrayLike<unknown> & ArrayBufferView => ArrayBuffer.isView(v) && !(v instanceof DataView);
const isBigIntArray = (v: unknown) => v instanceof BigInt64Array || v instanceof BigUint64Array;

/** An entry read again for a message; what cannot be read is described as such. */
function entryAt(list: ArrayLike<unknown>, index: number): unknown {
  const read = readKey(list, String(index));
  return 'value' in read ? read.value : UNREADABLE;
}
const UNREADABLE = Symbol('an entry that cannot be read');

/** A row's length, or undefined when it cannot be read. */
function lengthOf(row: ArrayLike<unknown>): number | undefined {
  try {
    const n = row.length;
    return n >= 0 && n <= 0xffffffff ? n : undefined;
  } catch {
    return undefined;
  }
}

function checkLabelCount(name: string, labels: Labels, count: number, axis: string, problems: string[]): void {
  const n = labels.labels.length;
  if (!labels.given || n === count) return;
  problems.push(
    n < count
      ? `${name}: ${n} labels for ${count} ${axis} of values; the unlabelled ones are shown as #index`
      : `${name}: ${n} labels for ${count} ${axis} of values; the extra ${axis} have no values`,
  );
}

/**
 * Validates rows, columns and values together and builds the matrix the
 * element draws. Never throws: what is valid is kept, what is not becomes a
 * missing cell or an index label, and each problem is described.
 */
export function buildMatrix(rowsInput: unknown, columnsInput: unknown, valuesInput: unknown): Matrix {
  const problems: string[] = [];
  const rows = readLabels('rows', rowsInput, problems);
  const columns = readLabels('columns', columnsInput, problems);
  let rowCount = rows.labels.length;
  let columnCount = columns.labels.length;
  let at: Matrix['at'] = () => NaN;
  let flat: ArrayLike<number> | undefined;
  let nestedRows: unknown[] | undefined;
  let stats = statistics([]);
  let dataRows = 0;
  let dataColumns = 0;

  // Each reading step is guarded where the caller's objects are touched: a row that cannot be read
  // is a row of missing cells, the rest is drawn.
  const given = valuesInput !== undefined && valuesInput !== null;
  const typed = given && isTypedArray(valuesInput);
  const outer = !given || typed || isInstance(valuesInput, InvalidJson) ? null : readList(valuesInput);
  let readable = given;
  if (isInstance(valuesInput, InvalidJson)) {
    problems.push(`values: not valid JSON (${valuesInput.reason})`);
    readable = false;
  } else if (outer && 'problem' in outer) {
    problems.push(
      outer.problem === 'not a list'
        ? `values: expected a 2-D array values[row][column], got ${describe(valuesInput)}`
        : `values: ${outer.problem}; shown as missing cells`,
    );
    readable = false;
  } else if (given) {
    // The outer list as read (null for a typed array, which is read in place).
    const list = outer && !('problem' in outer) ? outer : null;
    const items = list ? list.items : null;
    const nested = items !== null && items.some(isList);
    if (nested) {
      // The caller's rows, read once; a row that cannot be read becomes null (missing cells).
      const input: (ArrayLike<unknown> | null)[] = items.map((row) => (isList(row) ? row : null));
      const lengths = input.map((row) => (row ? lengthOf(row) : undefined));
      nestedRows = input;
      dataRows = input.length;
      for (const n of lengths) if (n !== undefined) dataColumns = Math.max(dataColumns, n);
      rowCount = Math.max(rowCount, dataRows);
      columnCount = Math.max(columnCount, dataColumns);
      const notRows: number[] = [];
      const unreadRows: number[] = [...list!.failed];
      const failedRows = new Set(unreadRows);
      let unreadError = list!.error;
      const short: number[] = [];
      let badValue = '';
      // One pass validates every entry and finds the extremes; the values are read in place, not copied.
      const scan = emptyScan();
      for (let r = 0; r < dataRows; r++) {
        const row = input[r];
        const length = lengths[r];
        if (!row || length === undefined) {
          if (failedRows.has(r)) continue;
          // A revoked Proxy cannot even say whether it is an array: it cannot be read.
          const why = row ? 'its length cannot be read' : listError(items[r]);
          if (why) {
            unreadRows.push(r);
            unreadError ??= why;
            input[r] = null;
          } else notRows.push(r);
          continue;
        }
        if (length < dataColumns) short.push(r);
        const before = { ...scan };
        try {
          scanRow(row, r * columnCount, scan);
        } catch (error) {
          // Undo what the row's readable part added: the whole row is shown as missing.
          Object.assign(scan, before);
          unreadRows.push(r);
          unreadError ??= errorText(error);
          input[r] = null;
          continue;
        }
        if (!before.badCount && scan.badCount) badValue = `values[${r}][${scan.badAt}] is ${describe(entryAt(row, scan.badAt))}`;
      }
      const badCount = scan.badCount;
      if (notRows.length) problems.push(`values: ${listed('row', notRows)} not an array; shown as missing cells`);
      if (unreadRows.length) problems.push(`values: ${named('row', unreadRows.sort((x, y) => x - y))} cannot be read (${unreadError}); shown as missing cells`);
      if (short.length) problems.push(`values: ${listed('row', short)} shorter than ${dataColumns}; padded with missing cells`);
      if (badCount)
        problems.push(`values: ${badValue}, not a number${badCount > 1 ? ` (and ${badCount - 1} more)` : ''}; shown as missing`);
      stats = { min: scan.min, max: scan.max, minIndex: scan.minIndex, maxIndex: scan.maxIndex };
      at = (r, c) => {
        const row = input[r];
        if (!row) return NaN;
        let v: unknown;
        try {
          v = row[c];
        } catch {
          // A getter that worked while validating and throws now: still only a missing cell.
          return NaN;
        }
        return typeof v === 'number' ? v : NaN;
      };
    } else {
      // Flat, row-major: the caller's typed array, or a plain array read entry by entry.
      const source: ArrayLike<unknown> = items ?? (valuesInput as ArrayLike<unknown>);
      if (!typed && source.length)
        problems.push('values: expected a 2-D array values[row][column], got a 1-D array; read as row-major');
      if (isBigIntArray(valuesInput)) problems.push(`values: a ${(valuesInput as object).constructor.name} holds BigInts, not numbers; shown as missing`);
      else if (list) {
        if (list.failed.length) problems.push(`values: ${named('value', list.failed)} cannot be read (${list.error}); shown as missing`);
        const bad = source.length ? countNonNumbers(source) : { count: 0, at: -1 };
        if (bad.count)
          problems.push(`values: values[${bad.at}] is ${describe(entryAt(source, bad.at))}, not a number${bad.count > 1 ? ` (and ${bad.count - 1} more)` : ''}; shown as missing`);
      }
      const length = source.length;
      if (columnCount && length % columnCount === 0) rowCount = length / columnCount;
      else if (rowCount && length % rowCount === 0) columnCount = length / rowCount;
      else if (length) {
        if (rowCount || columnCount)
          problems.push(`values: ${length} values do not fill ${rowCount || '?'} rows × ${columnCount || '?'} columns; the rest are missing`);
        if (!columnCount) columnCount = Math.ceil(length / Math.max(rowCount, 1));
        rowCount = Math.max(rowCount, Math.ceil(length / columnCount));
      }
      dataRows = rowCount;
      dataColumns = columnCount;
      // Extra labels keep their rows and columns, drawn as missing cells, as with nested input.
      rowCount = Math.max(rowCount, rows.labels.length);
      columnCount = Math.max(columnCount, columns.labels.length);
      const exact = rowCount === dataRows && columnCount === dataColumns && length === rowCount * columnCount;
      const grid =
        exact && (source instanceof Float64Array || source instanceof Float32Array)
          ? source
          : reshaped(source, dataColumns, rowCount, columnCount);
      const width = columnCount;
      flat = grid;
      stats = statistics(grid);
      at = (r, c) => grid[r * width + c];
    }
  }
  if (readable) {
    checkLabelCount('rows', rows, dataRows, 'rows', problems);
    checkLabelCount('columns', columns, dataColumns, 'columns', problems);
  }
  return {
    rowCount,
    columnCount,
    rowLabels: fillLabels(rows.labels, rowCount),
    columnLabels: fillLabels(columns.labels, columnCount),
    at,
    flat,
    nested: nestedRows,
    stats,
    problems,
  };
}

interface RowScan extends MatrixStats {
  badCount: number;
  /** Column of the first entry that is neither a number nor null. */
  badAt: number;
}

const emptyScan = (): RowScan => ({ min: Infinity, max: -Infinity, minIndex: -1, maxIndex: -1, badCount: 0, badAt: -1 });

// A function of its own so the engine optimises this hot loop at once (about twice as fast on first use).
function scanRow(row: ArrayLike<unknown>, base: number, scan: RowScan): void {
  for (let c = 0, length = row.length; c < length; c++) {
    const v = row[c];
    if (typeof v === 'number') {
      if (v < scan.min && v !== -Infinity) {
        scan.min = v;
        scan.minIndex = base + c;
      }
      if (v > scan.max && v !== Infinity) {
        scan.max = v;
        scan.maxIndex = base + c;
      }
    } else if (v !== null && v !== undefined && !scan.badCount++) {
      scan.badAt = c;
    }
  }
}

/** "row 3" or "rows 1, 2, 5 and 4 more". */
function named(noun: string, indices: readonly number[]): string {
  const shown = indices.slice(0, 5).join(', ') + (indices.length > 5 ? ` and ${indices.length - 5} more` : '');
  return indices.length > 1 ? `${noun}s ${shown}` : `${noun} ${shown}`;
}

/** "row 3 is" or "rows 1, 2 are". */
const listed = (noun: string, indices: readonly number[]) => `${named(noun, indices)} ${indices.length > 1 ? 'are' : 'is'}`;

/** How many entries of a flat list are neither numbers nor missing (null, undefined), and the first one's index. */
function countNonNumbers(source: ArrayLike<unknown>): { count: number; at: number } {
  let count = 0;
  let at = -1;
  for (let i = 0; i < source.length; i++) {
    const v = source[i];
    if (typeof v !== 'number' && v !== null && v !== undefined && !count++) at = i;
  }
  return { count, at };
}

/** Row-major `source` with `stride` values a row, copied into a rows × columns matrix padded with NaN. */
function reshaped(source: ArrayLike<unknown>, stride: number, rows: number, columns: number): Float64Array {
  const out = new Float64Array(rows * columns).fill(NaN);
  const width = Math.min(stride, columns);
  for (let r = 0; r * stride < source.length && r < rows; r++) {
    for (let c = 0; c < width; c++) {
      const v = source[r * stride + c];
      if (typeof v === 'number') out[r * columns + c] = v;
    }
  }
  return out;
}


function fillLabels(labels: (string | undefined)[], count: number): string[] {
  const out = new Array<string>(count);
  for (let i = 0; i < count; i++) out[i] = labels[i] ?? `#${i}`;
  return out;
}

/** Values above which a typed array's extremes are found ahead of the update, in slices (see prescan). */
export const PRESCAN_THRESHOLD = 1 << 22;
const PRESCAN_SLICE = 1 << 21;
const prescanned = new WeakMap<Float32Array | Float64Array, MatrixStats | Promise<void>>();

/**
 * For a typed array of more than PRESCAN_THRESHOLD values (not already being scanned): finds its extremes in
 * slices of about 5 ms with `pause` between them, for the next `statistics()` of that array (once),
 * so setting sixteen million values never blocks the page for the 40 ms of one pass. Else undefined.
 */
export function prescan(values: unknown, pause: () => Promise<void>): Promise<void> | undefined {
  // isView first: it reads no trap, so a revoked Proxy (which throws on instanceof) is just not one.
  if (!ArrayBuffer.isView(values) || !(values instanceof Float32Array || values instanceof Float64Array) || values.length <= PRESCAN_THRESHOLD) return undefined;
  const known = prescanned.get(values);
  if (known instanceof Promise) return known;
  const scanning = (async () => {
    const scan = emptyScan();
    for (let start = 0; start < values.length; start += PRESCAN_SLICE) {
      if (start) await pause();
      scanRow(values.subarray(start, Math.min(values.length, start + PRESCAN_SLICE)), start, scan);
    }
    prescanned.set(values, { min: scan.min, max: scan.max, minIndex: scan.minIndex, maxIndex: scan.maxIndex });
  })();
  prescanned.set(values, scanning);
  return scanning;
}

/** Extremes of the finite values, one pass (the row scan over the whole flat array), or the prescan's. */
export function statistics(cells: ArrayLike<number>): MatrixStats {
  const ahead = (cells instanceof Float32Array || cells instanceof Float64Array) && prescanned.get(cells);
  if (ahead && !(ahead instanceof Promise)) {
    // Used once: values changed in place and set again are scanned again.
    prescanned.delete(cells as Float32Array | Float64Array);
    return ahead;
  }
  const scan = emptyScan();
  scanRow(cells, 0, scan);
  return { min: scan.min, max: scan.max, minIndex: scan.minIndex, maxIndex: scan.maxIndex };
}
