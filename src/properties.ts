// The one list of the element's public properties: name, attribute, kind, default and a one-line doc.
// The element's Lit property declarations, the server renderer's checks, the anywidget front end's
// traits, the CLI's keys, the JSX types and the Python helper's option table all come from here
// (the element's typed fields and the Python table are checked against it by tests).
import type { PropertyDeclaration } from 'lit';
import { InvalidJson, parseJsonAttribute } from './data.js';
import { schemeInterpolator } from './schemes.js';
import type { CellIndex } from './events.js';
import { isArray, isInstance, readKey, readList } from './safe-read.js';
import { shown } from './shown.js';

/** What a property holds, which decides its attribute converter and its check. */
export type PropertyKind =
  | { readonly type: 'labels' }
  | { readonly type: 'values' }
  | { readonly type: 'number' }
  | { readonly type: 'integer'; readonly min: number; readonly max: number }
  | { readonly type: 'text' }
  | { readonly type: 'scheme' }
  | { readonly type: 'boolean' }
  | { readonly type: 'choice'; readonly choices: readonly string[] }
  | { readonly type: 'cell' }
  | { readonly type: 'groups' }
  | { readonly type: 'scores' }
  | { readonly type: 'function' }
  | { readonly type: 'zoom' };

export interface PropertySpec {
  /** The JavaScript property (camelCase). */
  readonly name: string;
  /** The HTML attribute, or false for a property only. */
  readonly attribute: string | false;
  readonly kind: PropertyKind;
  /** The default value; undefined means "not set" (e.g. `min`, `theme`). */
  readonly default: unknown;
  /** Data the element reads but never writes back to its attribute. */
  readonly data?: boolean;
  /** The TypeScript type as documentation shows it. */
  readonly tsType: string;
  /** One line for the README, the manifest, editors and Python docstrings. */
  readonly doc: string;
}

const labels = { type: 'labels' } as const;

/** Every public property, in the order documentation lists them. */
export const PROPERTIES = [
  { name: 'rows', attribute: 'rows', kind: labels, default: [], data: true, tsType: 'string[]', doc: 'Row labels: the input tokens, duplicates included. JSON array in the attribute.' },
  { name: 'columns', attribute: 'columns', kind: labels, default: [], data: true, tsType: 'string[]', doc: 'Column labels: the outputs or prompts. JSON array in the attribute.' },
  {
    name: 'values',
    attribute: 'values',
    kind: { type: 'values' },
    default: [],
    data: true,
    tsType: '(number | null)[][] | Float32Array | Float64Array',
    doc: 'Scores, `values[row][column]`; null or NaN where missing. Also a flat row-major Float32Array/Float64Array.',
  },
  { name: 'min', attribute: 'min', kind: { type: 'number' }, default: undefined, tsType: 'number', doc: 'Lower end of the colour domain; by default mirrored from `max`, or from the data, about `center`.' },
  { name: 'max', attribute: 'max', kind: { type: 'number' }, default: undefined, tsType: 'number', doc: 'Upper end of the colour domain; by default mirrored from `min`, or from the data, about `center`.' },
  { name: 'center', attribute: 'center', kind: { type: 'number' }, default: 0, tsType: 'number', doc: 'The neutral value, drawn in the scheme\'s middle colour.' },
  { name: 'scheme', attribute: 'scheme', kind: { type: 'scheme' }, default: 'RdYlGn', tsType: 'string', doc: 'A d3-scale-chromatic scheme name (`RdYlGn`, `RdBu`, `PuOr`, `Viridis`, …), case-insensitive.' },
  { name: 'interpolator', attribute: false, kind: { type: 'function' }, default: undefined, tsType: '(t: number) => string', doc: 'A colour function `(t: number) => cssColour` for t in 0–1; overrides `scheme`.' },
  { name: 'decimals', attribute: 'decimals', kind: { type: 'integer', min: 0, max: 20 }, default: 4, tsType: 'number', doc: 'Decimal places printed in each cell.' },
  { name: 'label', attribute: 'label', kind: { type: 'text' }, default: '', tsType: 'string', doc: "The colour bar's title and name, and the grid's accessible name when there is no caption." },
  { name: 'caption', attribute: 'caption', kind: { type: 'text' }, default: '', tsType: 'string', doc: 'A heading drawn above the grid, which also names the grid; the `caption` slot replaces it.' },
  { name: 'captionLevel', attribute: 'caption-level', kind: { type: 'integer', min: 1, max: 6 }, default: 2, tsType: 'number', doc: "The caption's heading level, 1–6." },
  { name: 'transpose', attribute: 'transpose', kind: { type: 'boolean' }, default: false, tsType: 'boolean', doc: 'Draws tokens as columns and outputs as rows.' },
  {
    name: 'selected',
    attribute: 'selected',
    kind: { type: 'cell' },
    default: null,
    tsType: 'CellIndex | null',
    doc: 'The selected cell in the caller\'s indices, or null. JSON `{"rowIndex":7,"columnIndex":2}` in the attribute.',
  },
  {
    name: 'theme',
    attribute: 'theme',
    kind: { type: 'choice', choices: ['light', 'dark'] },
    default: undefined,
    tsType: "'light' | 'dark'",
    doc: '`light` or `dark`; by default the element follows the page: the background behind it, else its `color-scheme`.',
  },
  {
    name: 'crosshair',
    attribute: 'crosshair',
    kind: { type: 'choice', choices: ['labels', 'band'] },
    default: 'labels',
    tsType: "'labels' | 'band'",
    doc: '`labels` highlights the hovered cell\'s row and column labels; `band` also shades its row and column.',
  },
  {
    name: 'columnLabelOrientation',
    attribute: 'column-label-orientation',
    kind: { type: 'choice', choices: ['auto', 'horizontal', 'vertical'] },
    default: 'auto',
    tsType: "'auto' | 'horizontal' | 'vertical'",
    doc: '`auto` wraps column labels that fit and rotates the rest; or force `horizontal` / `vertical`.',
  },
  {
    name: 'groupRows',
    attribute: 'group-rows',
    kind: { type: 'choice', choices: ['tokens', 'words', 'sentences', 'lines'] },
    default: 'tokens',
    tsType: "'tokens' | 'words' | 'sentences' | 'lines'",
    doc: 'Merges the row tokens into `words`, `sentences` or `lines`; `tokens` shows every piece.',
  },
  {
    name: 'groupColumns',
    attribute: 'group-columns',
    kind: { type: 'choice', choices: ['tokens', 'words', 'sentences', 'lines'] },
    default: 'tokens',
    tsType: "'tokens' | 'words' | 'sentences' | 'lines'",
    doc: 'Merges the column labels into `words`, `sentences` or `lines`, as `groupRows` does for rows.',
  },
  {
    name: 'rowGroups',
    attribute: 'row-groups',
    kind: { type: 'groups' },
    default: null,
    data: true,
    tsType: '(number | null)[] | null',
    doc: 'Your own row segmentation: a group number per row token, non-decreasing (null: a group of its own); overrides `groupRows`.',
  },
  {
    name: 'columnGroups',
    attribute: 'column-groups',
    kind: { type: 'groups' },
    default: null,
    data: true,
    tsType: '(number | null)[] | null',
    doc: 'Your own column segmentation, as `rowGroups`; overrides `groupColumns`.',
  },
  {
    name: 'aggregate',
    attribute: 'aggregate',
    kind: { type: 'choice', choices: ['sum', 'mean', 'absmax'] },
    default: 'sum',
    tsType: "'sum' | 'mean' | 'absmax'",
    doc: "How a group's pieces become one value: `sum`, `mean`, or `absmax` (the piece of largest magnitude, sign kept).",
  },
  {
    // Not `normalize`: an element's `normalize()` is a DOM method.
    name: 'normalization',
    attribute: 'normalize',
    kind: { type: 'choice', choices: ['none', 'column', 'row', 'all'] },
    default: 'none',
    tsType: "'none' | 'column' | 'row' | 'all'",
    doc: 'Divides each `column` (`row`, or `all` the values) by its largest |value|, so its strongest attribution is ±1.',
  },
  {
    name: 'topK',
    attribute: 'top-k',
    kind: { type: 'integer', min: 0, max: 1e9 },
    default: undefined,
    tsType: 'number',
    doc: 'Shows only the k rows of largest |value| (in the selected column, if any); each run of the others folds into one row.',
  },
  {
    name: 'threshold',
    attribute: 'threshold',
    kind: { type: 'number' },
    default: undefined,
    tsType: 'number',
    doc: 'Hides the rows whose largest |value| is below this; each run of them folds into one row.',
  },
  {
    name: 'hideSpecial',
    attribute: 'hide-special',
    kind: { type: 'boolean' },
    default: false,
    tsType: 'boolean',
    doc: 'Hides special tokens (`<s>`, `[CLS]`, `<|endoftext|>`, …) from rows and columns, and leaves them out of normalisation and focus.',
  },
  {
    name: 'view',
    attribute: 'view',
    kind: { type: 'choice', choices: ['grid', 'text', 'both'] },
    default: 'grid',
    tsType: "'grid' | 'text' | 'both'",
    doc: '`grid`; `text`: the row tokens as running text, coloured by their values for one output; `both`: the grid above the text, one colour bar.',
  },
  {
    name: 'targetRows',
    attribute: 'target-rows',
    kind: { type: 'integer', min: 0, max: 1e9 },
    default: 0,
    tsType: 'number',
    doc: 'The last n rows are the generated tokens, output j being row `rows.length - n + j`: the text view shows the text up to the current output and outlines it.',
  },
  {
    name: 'stepScores',
    attribute: 'step-scores',
    kind: { type: 'scores' },
    default: null,
    data: true,
    tsType: 'Record<string, (number | null)[]> | null',
    doc: 'Scores per output, `{name: one number per column}` (probability, entropy, …): extra rows under the grid, each on its own scale. JSON in the attribute.',
  },
  {
    name: 'compare',
    attribute: 'compare',
    kind: { type: 'values' },
    default: null,
    data: true,
    tsType: '(number | null)[][] | Float32Array | Float64Array | null',
    doc: 'A second attribution B of the same shape as `values` (A), to show A − B or either one on the scale of both (see `compareMode`).',
  },
  {
    name: 'compareMode',
    attribute: 'compare-mode',
    kind: { type: 'choice', choices: ['diff', 'a', 'b'] },
    default: 'diff',
    tsType: "'diff' | 'a' | 'b'",
    doc: 'With `compare`: `diff` shows A − B diverging about 0; `a` or `b` shows one of them on the shared scale of both.',
  },
  {
    name: 'noExport',
    attribute: 'no-export',
    kind: { type: 'boolean' },
    default: false,
    tsType: 'boolean',
    doc: 'Hides the export menu (SVG, PNG and CSV downloads); `toSVG()`, `toPNG()` and `toCSV()` still work.',
  },
  {
    name: 'zoom',
    attribute: 'zoom',
    kind: { type: 'zoom' },
    default: 'auto',
    tsType: "'auto' | 'fit' | number",
    doc: '`auto` fits a matrix too large for readable cells in the box; `fit` always; or a level (1 = readable cells, 0.5 = half their size).',
  },
] as const satisfies readonly PropertySpec[];

/** The name of every public property. */
export type PropertyName = (typeof PROPERTIES)[number]['name'];

/** A property's entry in the schema. */
export const propertySpec = (name: string): PropertySpec | undefined => PROPERTIES.find((p) => p.name === name);

/** The option properties: everything but the data (`rows`, `columns`, `values`, `rowGroups`, `columnGroups`, `stepScores`, `compare`). */
export const OPTIONS: readonly PropertySpec[] = PROPERTIES.filter((p: PropertySpec) => !p.data);

/** The properties a JSON heatmap (the server renderer, the CLI, the Python helper) may carry: every one with an attribute. */
export const JSON_PROPERTIES: readonly PropertySpec[] = PROPERTIES.filter((p: PropertySpec) => p.attribute !== false);

/** Python's and anywidget's name of a property: `columnLabelOrientation` → `column_label_orientation`. */
export const traitName = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** What a kind of property expects, as messages say it. */
export function expected(kind: PropertyKind): string {
  switch (kind.type) {
    case 'labels':
      return 'an array of strings';
    case 'values':
      return 'a 2-D array values[row][column]';
    case 'number':
      return 'a number';
    case 'integer':
      return `a whole number from ${kind.min} to ${kind.max}`;
    case 'text':
      return 'text';
    case 'scheme':
      return 'a d3-scale-chromatic scheme name such as "RdYlGn" or "RdBu"';
    case 'boolean':
      return 'true or false';
    case 'choice':
      return kind.choices.map((c) => JSON.stringify(c)).join(', ').replace(/, ([^,]*)$/, ' or $1');
    case 'cell':
      return '{"rowIndex": …, "columnIndex": …}';
    case 'groups':
      return 'an array of group numbers, one per token';
    case 'scores':
      return '{"name": [one number per column], …}';
    case 'function':
      return 'a function (t) => colour';
    case 'zoom':
      return '"auto", "fit" or a number above 0 (1 = readable cells)';
  }
}

/** Whether a value is what a property of this kind accepts (null and undefined are "not set"). */
export function accepts(kind: PropertyKind, value: unknown): boolean {
  switch (kind.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= kind.min && value <= kind.max;
    case 'text':
      return typeof value === 'string';
    case 'scheme':
      return typeof value === 'string' && schemeInterpolator(value) !== null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'choice':
      return typeof value === 'string' && kind.choices.includes(value);
    case 'cell':
      return readCell(value) !== null;
    case 'function':
      return typeof value === 'function';
    case 'groups': {
      const list = readList(value);
      return isArray(value) && !('problem' in list) && !list.failed.length && list.items.every((g) => g === null || (typeof g === 'number' && Number.isInteger(g)));
    }
    case 'scores':
      return isScores(value);
    case 'zoom':
      return value === 'auto' || value === 'fit' || (typeof value === 'number' && Number.isFinite(value) && value > 0);
    default:
      return true;
  }
}

/** `{name: number[]}`: an object of one entry or more, each an array (or typed array) of numbers and nulls; false for what cannot be read. */
function isScores(value: unknown): boolean {
  try {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || ArrayBuffer.isView(value)) return false;
    const entries = Object.values(value);
    return entries.length > 0 && entries.every(
      (series) => (Array.isArray(series) && series.every((v) => v === null || typeof v === 'number')) || series instanceof Float32Array || series instanceof Float64Array,
    );
  } catch {
    return false;
  }
}

const isIndex = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** A cell index read once into a plain object, or null when it is not one (or cannot be read). */
export function readCell(value: unknown): CellIndex | null {
  if (typeof value !== 'object' || value === null) return null;
  const row = readKey(value, 'rowIndex');
  const column = 'value' in row ? readKey(value, 'columnIndex') : row;
  if (!('value' in row) || !('value' in column) || !isIndex(row.value) || !isIndex(column.value)) return null;
  return { rowIndex: row.value as number, columnIndex: column.value as number };
}

/** Why a cell-like value could not be read, or undefined when it can be (for the message). */
function cellFailure(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const key of ['rowIndex', 'columnIndex']) {
    const read = readKey(value, key);
    if ('problem' in read) return read.problem;
  }
  return undefined;
}

/**
 * The element's value for an option: the given one when acceptable, else the default and a problem
 * sentence. Never throws, whatever the value; a cell comes back as a plain copy, read once.
 */
export function resolveOption(spec: PropertySpec, value: unknown, written?: string | null): { value: unknown; problem?: string } {
  if (value === undefined || value === null) return { value: spec.default };
  if (spec.kind.type === 'cell') {
    const cell = readCell(value);
    if (cell) return { value: cell };
  } else if (accepts(spec.kind, value)) return { value };
  // Attributes and frameworks hand over numbers as text and text as numbers: take what is meant.
  if (spec.kind.type === 'text' && (typeof value === 'number' || typeof value === 'boolean')) return { value: String(value) };
  if (spec.kind.type === 'zoom' && typeof value === 'string' && value.trim() !== '' && accepts(spec.kind, Number(value))) return { value: Number(value) };
  const instead = spec.default === undefined || spec.default === null ? 'ignored' : `using ${shown(spec.default)}`;
  const name = spec.attribute || spec.name;
  const failure = spec.kind.type === 'cell' ? cellFailure(value) : undefined;
  let why: string;
  if (isInstance(value, InvalidJson)) why = `not valid JSON (${value.reason})`;
  else if (failure) why = failure;
  else why = `${written !== undefined && written !== null ? shown(written) : shown(value)} is not ${expected(spec.kind)}`;
  return { value: spec.default, problem: `${name}: ${why}; ${instead}` };
}

// ---- Lit declarations ---------------------------------------------------------------------------

// Reflection writes an option back to its attribute during the update: a value with no text (a
// Symbol, a circular object, a revoked Proxy, a throwing toString) must not throw there, or the
// whole update is lost. Such a value removes the attribute; the alert already names it.

/** JSON of a value, or null when it has none (circular, BigInt inside, unreadable). */
function jsonText(value: unknown): string | null {
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null;
  }
}

const jsonConverter = {
  fromAttribute: parseJsonAttribute,
  toAttribute: (value: unknown) =>
    value === null || value === undefined ? null : isInstance(value, InvalidJson) ? value.text : jsonText(value),
};

const numberConverter = {
  fromAttribute: (text: string | null) => (text === null || text.trim() === '' ? undefined : Number(text)),
  toAttribute: (value: unknown) => (typeof value === 'number' || typeof value === 'string' ? String(value) : null),
};

/** Text options: strings as they are, numbers and booleans as text, anything else not written. */
const textConverter = {
  toAttribute: (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : null),
};

// `zoom="0.5"` is a level, `zoom="fit"` a word.
const zoomConverter = {
  fromAttribute: (text: string | null) => {
    if (text === null) return undefined;
    const t = text.trim();
    return t !== '' && Number.isFinite(Number(t)) ? Number(t) : t;
  },
  // Only values that have text: anything else (a revoked Proxy) removes the attribute.
  toAttribute: (value: unknown) => (typeof value === 'number' || typeof value === 'string' ? String(value) : null),
};

/** Lit's `static properties` for the schema: data read from attributes, options also reflected. */
export function litProperties(): Record<string, PropertyDeclaration> {
  const out: Record<string, PropertyDeclaration> = {};
  for (const spec of PROPERTIES as readonly PropertySpec[]) {
    const t = spec.kind.type;
    out[spec.name] = {
      attribute: spec.attribute,
      reflect: spec.attribute !== false && !spec.data,
      ...(t === 'labels' || t === 'values' || t === 'cell' || t === 'groups' || t === 'scores' ? { converter: jsonConverter } : {}),
      ...(t === 'number' || t === 'integer' ? { converter: numberConverter } : {}),
      ...(t === 'zoom' ? { converter: zoomConverter } : {}),
      ...(t === 'boolean' ? { type: Boolean } : {}),
      ...(t === 'text' || t === 'scheme' || t === 'choice' ? { converter: textConverter } : {}),
    };
  }
  return out;
}
