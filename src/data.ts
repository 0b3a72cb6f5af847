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
  if (input instanceof InvalidJson) {
    problems.push(`${name}: not valid JSON (${input.reason})`);
    return { labels: [], given: false };
  }
  if (!Array.isArray(input)) {
    problems.push(`${name}: expected an array of strings, got ${describe(input)}`);
    return { labels: [], given: false };
  }
  let bad = 0;
  const labels = input.map((label) => {
    if (typeof label === 'string') return label;
    if (typeof label === 'number' || typeof label === 'boolean') return String(label);
    bad++;
    return undefined;
  });
  if (bad) problems.push(`${name}: ${bad} label${bad > 1 ? 's are' : ' is'} not text; shown by index`);
  // No labels at all is a choice (index labels), not a mismatch worth a message.
  return { labels, given: labels.length > 0 };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 20 ? value.slice(0, 20) + '…' : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

const isArrayLike = (v: unknown): v is ArrayLike<unknown> =>
  Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));

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

  if (valuesInput instanceof InvalidJson) {
    problems.push(`values: not valid JSON (${valuesInput.reason})`);
  } else if (valuesInput !== undefined && valuesInput !== null && !isArrayLike(valuesInput)) {
    problems.push(`values: expected a 2-D array values[row][column], got ${describe(valuesInput)}`);
  } else if (valuesInput) {
    const nested = Array.isArray(valuesInput) && valuesInput.some(isArrayLike);
    if (nested) {
      const input = (nestedRows = valuesInput as unknown[]);
      dataRows = input.length;
      for (const row of input) if (isArrayLike(row)) dataColumns = Math.max(dataColumns, row.length);
      rowCount = Math.max(rowCount, dataRows);
      columnCount = Math.max(columnCount, dataColumns);
      const notRows: number[] = [];
      const short: number[] = [];
      let badValue = '';
      // One pass validates every entry and finds the extremes; the values are read in place, not copied.
      const scan = emptyScan();
      for (let r = 0; r < dataRows; r++) {
        const row = input[r];
        if (!isArrayLike(row)) {
          notRows.push(r);
          continue;
        }
        if (row.length < dataColumns) short.push(r);
        const before = scan.badCount;
        scanRow(row, r * columnCount, scan);
        if (!before && scan.badCount) badValue = `values[${r}][${scan.badAt}] is ${describe(row[scan.badAt])}`;
      }
      const badCount = scan.badCount;
      if (notRows.length) problems.push(`values: ${listed('row', notRows)} not an array; shown as missing cells`);
      if (short.length) problems.push(`values: ${listed('row', short)} shorter than ${dataColumns}; padded with missing cells`);
      if (badCount)
        problems.push(`values: ${badValue}, not a number${badCount > 1 ? ` (and ${badCount - 1} more)` : ''}; shown as missing`);
      stats = { min: scan.min, max: scan.max, minIndex: scan.minIndex, maxIndex: scan.maxIndex };
      at = (r, c) => {
        const row = input[r];
        const v = isArrayLike(row) ? row[c] : undefined;
        return typeof v === 'number' ? v : NaN;
      };
    } else {
      const source = valuesInput as ArrayLike<unknown>;
      if (!ArrayBuffer.isView(source) && source.length)
        problems.push('values: expected a 2-D array values[row][column], got a 1-D array; read as row-major');
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
  if (valuesInput !== undefined && valuesInput !== null && !(valuesInput instanceof InvalidJson) && isArrayLike(valuesInput)) {
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

function listed(noun: string, indices: number[]): string {
  const shown = indices.slice(0, 5).join(', ') + (indices.length > 5 ? ` and ${indices.length - 5} more` : '');
  return indices.length > 1 ? `${noun}s ${shown} are` : `${noun} ${shown} is`;
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

/** Extremes of the finite values, one pass (the row scan over the whole flat array). */
export function statistics(cells: ArrayLike<number>): MatrixStats {
  const scan = emptyScan();
  scanRow(cells, 0, scan);
  return { min: scan.min, max: scan.max, minIndex: scan.minIndex, maxIndex: scan.maxIndex };
}
