/**
 * Server-side rendering of `<token-heatmap>` with Lit SSR, for static sites and pages that must
 * work without JavaScript: the element's HTML with its shadow DOM (and styles) written out as a
 * declarative shadow root. Built for Node as the self-contained `dist/ssr.js` (`token-heatmap/ssr`),
 * which bundles @lit-labs/ssr, so the package's runtime dependencies stay lit and d3-scale-chromatic.
 *
 * @module
 */
import { nothing, type TemplateResult } from 'lit';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import './features/all.js';
import './token-heatmap.js';
import { JSON_PROPERTIES, PROPERTIES, accepts, expected, readCell, type PropertyName, type PropertySpec } from './properties.js';
import type { TokenHeatmap } from './TokenHeatmap.js';
import { parseJsonAttribute, stringifyValues, InvalidJson } from './data.js';
import { resolveDomain } from './scale.js';
import { hydrateScript } from './hydrate-script.js';
import { isArray, isInstance, readKey, readList, unreadable } from './safe-read.js';
import { shown } from './shown.js';
import { ViewDeriver, type DerivedView } from './view/derive.js';
import { CLOSED } from './view/expansion.js';

export { PROPERTIES, JSON_PROPERTIES, type PropertySpec } from './properties.js';

/** One heatmap: the keys of demo/seed-heatmap.json, i.e. the element's properties (but `interpolator`), with nested `values`. */
export type HeatmapInput = Partial<Pick<TokenHeatmap, Exclude<PropertyName, 'values' | 'interpolator'>>> & {
  /** Scores, `values[row][column]`; null where missing. `-0` keeps its sign. */
  values: (number | null)[][];
};

/** Options of {@link renderPage}. */
export interface PageOptions {
  /** The page's title; by default the caption, else the label, else "Token heatmap". */
  title?: string;
  /**
   * `true` (default): inline the hydration script, so the page is one file that turns
   * interactive when it loads. A URL: load that module script instead (your copy of
   * `token-heatmap/hydrate`, shared by many pages). `false`: no script, a static figure.
   */
  script?: boolean | string;
}

/** The input cannot be drawn as given; `message` is one line that names the key at fault. */
export class HeatmapInputError extends Error {
  override name = 'HeatmapInputError';
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The keys JSON may carry, and those checked here by kind (rows, columns and values are checked as the matrix). */
const KEYS = JSON_PROPERTIES.map((p) => p.name);
const CHECKED = JSON_PROPERTIES.filter((p) => p.kind.type !== 'labels' && p.kind.type !== 'values');


/** An input object read once, key by key, into plain data; what follows never touches the caller's objects again. */
function readInput(input: unknown, fail: (message: string) => never): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || isArray(input)) fail(`expected a JSON object with "rows", "columns" and "values", got ${shown(input)}`);
  let keys: string[] = [];
  try {
    keys = Object.keys(input as object);
  } catch (error) {
    fail(`the input ${unreadable(error)}`);
  }
  const data: Record<string, unknown> = {};
  for (const key of keys) {
    if (!KEYS.includes(key)) fail(`unknown key ${shown(key)}; expected ${KEYS.join(', ')}`);
    const read = readKey(input, key);
    if ('problem' in read) fail(`${key}: ${read.problem}`);
    data[key] = (read as { value: unknown }).value;
  }
  return data;
}

/** A list copied entry by entry, or a failure naming `what`; what is not a list is returned as it is. */
function plainList(value: unknown, what: string, fail: (message: string) => never): unknown {
  if (value === undefined || value === null) return value;
  const read = readList(value);
  if ('problem' in read) return read.problem === 'not a list' ? value : fail(`${what}: ${read.problem}`);
  if (read.failed.length) fail(`${what}[${read.failed[0]}] cannot be read (${read.error})`);
  return read.items;
}

/** What the element derives from a checked input (src/view/derive.ts): the same matrix, model, domain and problems. */
const deriveView = (data: Record<string, unknown>) => new ViewDeriver().derive({ value: (name) => data[name], attribute: () => null }, CLOSED);

/** The problems the element notes while still drawing as asked: the data's own range widened (no `min` or `max` given). */
function rangeWarnings(data: Record<string, unknown>, view: DerivedView): string[] {
  if (typeof data.min === 'number' || typeof data.max === 'number') return [];
  // The drawn centre: the given one, or 0 for a difference (compare).
  const { center } = view.domain;
  const { stats } = view;
  const deviation = stats.maxRow < 0 ? 0 : Math.max(Math.abs(stats.max - center), Math.abs(stats.min - center));
  return resolveDomain({ center }, deviation).problems;
}

/**
 * Checks a heatmap object and returns a plain copy of it, typed. Throws {@link HeatmapInputError}
 * (one line) for anything the element would draw differently from what was asked: a missing or
 * non-2-D `values`, ragged rows, non-numbers, label counts that do not match, an unknown key, an
 * option of the wrong type, `rowGroups` the element would ignore, `min`/`max` it would change, and
 * values that cannot be read at all (a getter that throws, a revoked Proxy). The data's own range
 * being too narrow to draw is not an error: see {@link inputWarnings}.
 */
export function checkInput(input: unknown): HeatmapInput {
  const fail = (message: string): never => {
    throw new HeatmapInputError(message);
  };
  const data = readInput(input, fail);
  if (data.values === undefined) fail('no "values": expected a 2-D array values[row][column]');
  const values = plainList(data.values, 'values', fail);
  const rows = isArray(values) ? values.map((row, r) => plainList(row, `values[${r}]`, fail)) : null;
  if (!rows || !rows.every(isArray)) fail(`values: expected a 2-D array values[row][column], got ${shown(data.values)}`);
  data.values = rows;
  for (const key of ['rows', 'columns', 'rowGroups', 'columnGroups']) data[key] = plainList(data[key], key, fail);
  for (const option of CHECKED) {
    // null is "not set", as Python's None arrives.
    const value = data[option.name];
    if (value !== undefined && value !== null && !accepts(option.kind, value)) fail(`${option.name}: expected ${expected(option.kind)}, got ${shown(value)}`);
  }
  if (data.selected !== undefined && data.selected !== null) data.selected = readCell(data.selected);
  // Everything else the element would say, from its own derivation; only a range the data alone makes
  // too narrow (or wide) is drawn anyway, widened, as in the browser (inputWarnings).
  const view = deriveView(data);
  const warnings = rangeWarnings(data, view);
  // The element's own messages end with what it does instead ("; shown as missing"): here that clause is moot.
  const problems = view.problems.filter((p) => !warnings.includes(p)).map((p) => p.replace(/; [^;]*$/, ''));
  if (problems.length) fail(problems[0] + (problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''));
  return data as unknown as HeatmapInput;
}

/**
 * What the element will say about a checked input while drawing it as asked: the data's own range
 * too narrow (or too wide) to draw, which it widens (or narrows) and notes in its alert. Such a
 * figure is drawn, not refused; the CLI prints these lines as warnings.
 */
export function inputWarnings(input: HeatmapInput): string[] {
  const data = input as unknown as Record<string, unknown>;
  return rangeWarnings(data, deriveView(data));
}

/**
 * Parses heatmap JSON text (NaN and Infinity as Python's json.dumps writes them are accepted,
 * as in the element's attributes) and checks it with {@link checkInput}.
 */
export function parseHeatmapJson(json: string): HeatmapInput {
  const parsed = parseJsonAttribute(json);
  if (isInstance(parsed, InvalidJson)) throw new HeatmapInputError(`not valid JSON (${parsed.reason})`);
  return checkInput(parsed);
}

/** The element's attributes, in schema order; a boolean one is written bare (`?name`). */
const ATTRIBUTES = PROPERTIES.flatMap((p: PropertySpec) => (p.attribute === false ? [] : [{ spec: p, name: p.kind.type === 'boolean' ? `?${p.attribute}` : p.attribute }]));

// One template for every heatmap, its attribute names taken from the schema: written out as
// template strings once (Lit caches templates by their strings), with the values bound to them.
const openTag = [`<token-heatmap ${ATTRIBUTES[0].name}=`, ...ATTRIBUTES.slice(1).map((a) => ` ${a.name}=`), '></token-heatmap>'];
const OPEN_TAG = Object.freeze(Object.assign(openTag, { raw: Object.freeze([...openTag]) })) as unknown as TemplateStringsArray;

/** An attribute's text as an HTML author would write it, or `nothing` when the option is not set. */
function attributeValue(spec: PropertySpec, input: HeatmapInput): unknown {
  const value = (input as unknown as Record<string, unknown>)[spec.name];
  if (spec.name === 'values') return stringifyValues(value);
  if (value === undefined || value === null) return nothing;
  if (spec.kind.type === 'values') return stringifyValues(value);
  if (spec.kind.type === 'boolean') return value === true;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Renders one `<token-heatmap>` to HTML: the element with its data as attributes (so the
 * client element gets the same data) and its shadow DOM as a declarative shadow root, styles
 * included. Browsers draw it without JavaScript; with `token-heatmap/hydrate` loaded, the
 * element takes over the server's DOM and becomes interactive.
 *
 * @throws {HeatmapInputError} when the input is not a heatmap the element would draw as given.
 */
export async function renderHeatmap(input: HeatmapInput): Promise<string> {
  return renderChecked(checkInput(input));
}

/** The element's HTML for an input checkInput has already copied and checked. */
async function renderChecked(data: HeatmapInput): Promise<string> {
  const template = { ['_$litType$']: 1, strings: OPEN_TAG, values: ATTRIBUTES.map((a) => attributeValue(a.spec, data)) } as unknown as TemplateResult;
  const out = await collectResult(render(template));
  // Only the element: the markers of the throw-away outer template are not needed to hydrate it,
  // nor the spaces where unset attributes would have been.
  const close = '</token-heatmap>';
  const element = out.slice(out.indexOf('<token-heatmap'), out.lastIndexOf(close) + close.length);
  const tagEnd = element.indexOf('>');
  return element.slice(0, tagEnd).replace(/\s+/g, ' ').replace(' >', '>') + element.slice(tagEnd);
}

/** renderPage's options read once and checked: `title` text, `script` true, false or a URL. */
function readPageOptions(options: unknown): PageOptions {
  if (options === undefined || options === null) return {};
  const fail = (message: string): never => {
    throw new HeatmapInputError(`renderPage options: ${message}`);
  };
  if (typeof options !== 'object') fail(`expected an object, got ${shown(options)}`);
  const read = (key: string) => {
    const value = readKey(options, key);
    return 'problem' in value ? fail(`${key} ${value.problem}`) : value.value;
  };
  const title = read('title');
  const script = read('script');
  if (title !== undefined && typeof title !== 'string') fail(`title: expected text, got ${shown(title)}`);
  if (script !== undefined && typeof script !== 'boolean' && typeof script !== 'string') fail(`script: expected true, false or a URL, got ${shown(script)}`);
  return { title: title as string | undefined, script: script as boolean | string | undefined };
}

/**
 * A whole HTML page showing one heatmap: readable with JavaScript off (declarative shadow DOM)
 * and, with the default `script: true`, one self-contained file that becomes interactive
 * (tooltip, keyboard, selection) when its inline script runs.
 *
 * @throws {HeatmapInputError} when the input is not a heatmap the element would draw as given.
 */
export async function renderPage(input: HeatmapInput, options: PageOptions = {}): Promise<string> {
  const data = checkInput(input);
  const { title: givenTitle, script = true } = readPageOptions(options);
  const element = await renderChecked(data);
  const title = givenTitle ?? (data.caption || data.label || 'Token heatmap');
  let scriptTag = '';
  if (typeof script === 'string') scriptTag = `<script type="module" src="${escapeHtml(script)}"></script>`;
  // The built script has no "</script" in it (build/ssr.rollup.mjs checks), so it can sit inline as is.
  else if (script) scriptTag = `<script type="module">${await hydrateScript()}</script>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="${data.theme ?? 'light dark'}">
<title>${escapeHtml(title)}</title>
${scriptTag}
</head>
<body>
${element}
</body>
</html>
`;
}
