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
import './token-heatmap.js';
import type { CellIndex } from './events.js';
import { JSON_PROPERTIES, PROPERTIES, accepts, expected, type PropertyName, type PropertySpec } from './properties.js';
import type { TokenHeatmap } from './TokenHeatmap.js';
import { buildMatrix, parseJsonAttribute, stringifyValues, InvalidJson } from './data.js';
import { resolveDomain } from './scale.js';
import { hydrateScript } from './hydrate-script.js';
import { shown } from './shown.js';
import { readStepScores } from './step-scores/step-scores.js';
import { compareStep } from './view/compare.js';

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


/**
 * Checks a parsed heatmap object and returns it typed. Throws {@link HeatmapInputError} for
 * anything the element would draw differently from what was asked: a missing or non-2-D
 * `values`, ragged rows, non-numbers, label counts that do not match, an unknown key or an
 * option of the wrong type.
 */
export function checkInput(input: unknown): HeatmapInput {
  const fail = (message: string): never => {
    throw new HeatmapInputError(message);
  };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) fail(`expected a JSON object with "rows", "columns" and "values", got ${shown(input)}`);
  const data = input as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    if (!KEYS.includes(key)) fail(`unknown key "${key}"; expected ${KEYS.join(', ')}`);
  }
  if (data.values === undefined) fail('no "values": expected a 2-D array values[row][column]');
  if (!Array.isArray(data.values) || !data.values.every(Array.isArray)) fail(`values: expected a 2-D array values[row][column], got ${shown(data.values)}`);
  for (const option of CHECKED) {
    // null is "not set", as Python's None arrives.
    const value = data[option.name];
    if (value !== undefined && value !== null && !accepts(option.kind, value)) fail(`${option.name}: expected ${expected(option.kind)}, got ${shown(value)}`);
  }
  const matrix = buildMatrix(data.rows, data.columns, data.values);
  const domain = resolveDomain(data as { min?: number; max?: number; center?: number }, 0);
  // The element's own messages end with what it does instead ("; shown as missing"): here that clause is moot.
  const compared = data.compare === undefined || data.compare === null ? [] : [compareStep(matrix, data.compare, 'diff').problem ?? ''];
  const steps = readStepScores(data.stepScores, matrix.columnCount).problems;
  const problems = [...matrix.problems, ...domain.problems, ...compared.filter(Boolean), ...steps].map((p) => p.replace(/; [^;]*$/, ''));
  const selected = data.selected as CellIndex | null | undefined;
  if (selected && (selected.rowIndex >= matrix.rowCount || selected.columnIndex >= matrix.columnCount || selected.rowIndex < 0 || selected.columnIndex < 0))
    problems.push(`selected: ${shown(selected)} is outside the ${matrix.rowCount} × ${matrix.columnCount} values`);
  if (problems.length) fail(problems[0] + (problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''));
  return data as unknown as HeatmapInput;
}

/**
 * Parses heatmap JSON text (NaN and Infinity as Python's json.dumps writes them are accepted,
 * as in the element's attributes) and checks it with {@link checkInput}.
 */
export function parseHeatmapJson(json: string): HeatmapInput {
  const parsed = parseJsonAttribute(json);
  if (parsed instanceof InvalidJson) throw new HeatmapInputError(`not valid JSON (${parsed.reason})`);
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
  const data = checkInput(input);
  const template = { ['_$litType$']: 1, strings: OPEN_TAG, values: ATTRIBUTES.map((a) => attributeValue(a.spec, data)) } as unknown as TemplateResult;
  const out = await collectResult(render(template));
  // Only the element: the markers of the throw-away outer template are not needed to hydrate it,
  // nor the spaces where unset attributes would have been.
  const close = '</token-heatmap>';
  const element = out.slice(out.indexOf('<token-heatmap'), out.lastIndexOf(close) + close.length);
  const tagEnd = element.indexOf('>');
  return element.slice(0, tagEnd).replace(/\s+/g, ' ').replace(' >', '>') + element.slice(tagEnd);
}

/**
 * A whole HTML page showing one heatmap: readable with JavaScript off (declarative shadow DOM)
 * and, with the default `script: true`, one self-contained file that becomes interactive
 * (tooltip, keyboard, selection) when its inline script runs.
 *
 * @throws {HeatmapInputError} when the input is not a heatmap the element would draw as given.
 */
export async function renderPage(input: HeatmapInput, options: PageOptions = {}): Promise<string> {
  const element = await renderHeatmap(input);
  const { script = true } = options;
  const title = options.title ?? (input.caption || input.label || 'Token heatmap');
  let scriptTag = '';
  if (typeof script === 'string') scriptTag = `<script type="module" src="${escapeHtml(script)}"></script>`;
  // The built script has no "</script" in it (build/ssr.rollup.mjs checks), so it can sit inline as is.
  else if (script) scriptTag = `<script type="module">${await hydrateScript()}</script>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="${input.theme ?? 'light dark'}">
<title>${escapeHtml(title)}</title>
${scriptTag}
</head>
<body>
${element}
</body>
</html>
`;
}
