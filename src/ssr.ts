/**
 * Server-side rendering of `<token-heatmap>` with Lit SSR, for static sites and pages that must
 * work without JavaScript: the element's HTML with its shadow DOM (and styles) written out as a
 * declarative shadow root. Built for Node as the self-contained `dist/ssr.js` (`token-heatmap/ssr`),
 * which bundles @lit-labs/ssr, so the package's runtime dependencies stay lit and d3-scale-chromatic.
 *
 * @module
 */
import { html, nothing } from 'lit';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import './token-heatmap.js';
import type { CellIndex } from './TokenHeatmap.js';
import { buildMatrix, parseJsonAttribute, stringifyValues, InvalidJson } from './data.js';
import { resolveDomain } from './scale.js';
import { schemeInterpolator } from './schemes.js';
import { hydrateScript } from './hydrate-script.js';

/** One heatmap: the keys of demo/seed-heatmap.json, i.e. the element's properties. */
export interface HeatmapInput {
  /** Row labels (the input tokens). */
  rows?: string[];
  /** Column labels (the outputs). */
  columns?: string[];
  /** Scores, `values[row][column]`; null where missing. `-0` keeps its sign. */
  values: (number | null)[][];
  min?: number;
  max?: number;
  center?: number;
  scheme?: string;
  decimals?: number;
  label?: string;
  caption?: string;
  transpose?: boolean;
  selected?: CellIndex | null;
  theme?: 'light' | 'dark';
  crosshair?: 'labels' | 'band';
  columnLabelOrientation?: 'auto' | 'horizontal' | 'vertical';
}

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

type Check = (value: unknown) => boolean;
const finite: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const text: Check = (v) => typeof v === 'string';
const oneOf =
  (...choices: string[]): Check =>
  (v) =>
    choices.includes(v as string);

/** The options besides rows, columns and values: their check, what it expects, and their attribute. */
const OPTIONS: Record<string, { check: Check; expected: string; attribute?: string }> = {
  min: { check: finite, expected: 'a number' },
  max: { check: finite, expected: 'a number' },
  center: { check: finite, expected: 'a number' },
  decimals: { check: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 20, expected: 'a whole number from 0 to 20' },
  scheme: { check: (v) => typeof v === 'string' && schemeInterpolator(v) !== null, expected: 'a d3-scale-chromatic scheme name such as "RdYlGn" or "RdBu"' },
  label: { check: text, expected: 'text' },
  caption: { check: text, expected: 'text' },
  transpose: { check: (v) => typeof v === 'boolean', expected: 'true or false' },
  selected: {
    check: (v) => typeof v === 'object' && Number.isInteger((v as CellIndex).rowIndex) && Number.isInteger((v as CellIndex).columnIndex),
    expected: '{"rowIndex": …, "columnIndex": …}',
  },
  theme: { check: oneOf('light', 'dark'), expected: '"light" or "dark"' },
  crosshair: { check: oneOf('labels', 'band'), expected: '"labels" or "band"' },
  columnLabelOrientation: { check: oneOf('auto', 'horizontal', 'vertical'), expected: '"auto", "horizontal" or "vertical"', attribute: 'column-label-orientation' },
};
const KEYS = ['rows', 'columns', 'values', ...Object.keys(OPTIONS)];

const shown = (value: unknown) => {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 40 ? `${json.slice(0, 40)}…` : json;
};

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
  for (const [key, option] of Object.entries(OPTIONS)) {
    // null is "not set", as Python's None arrives.
    const value = data[key];
    if (value !== undefined && value !== null && !option.check(value)) fail(`${key}: expected ${option.expected}, got ${shown(value)}`);
  }
  const matrix = buildMatrix(data.rows, data.columns, data.values);
  const domain = resolveDomain(data as { min?: number; max?: number; center?: number }, 0);
  // The element's own messages end with what it does instead ("; shown as missing"): here that clause is moot.
  const problems = [...matrix.problems, ...domain.problems].map((p) => p.replace(/; [^;]*$/, ''));
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

/** The attribute text of each given option, as an HTML author would write it. */
function attributeTexts(input: HeatmapInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, option] of Object.entries(OPTIONS)) {
    const value = (input as unknown as Record<string, unknown>)[key];
    if (value === undefined || value === null || key === 'transpose') continue;
    out[option.attribute ?? key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return out;
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
  const a = attributeTexts(data);
  const template = html`<token-heatmap
    rows=${data.rows ? JSON.stringify(data.rows) : nothing}
    columns=${data.columns ? JSON.stringify(data.columns) : nothing}
    values=${stringifyValues(data.values)}
    min=${a.min ?? nothing}
    max=${a.max ?? nothing}
    center=${a.center ?? nothing}
    scheme=${a.scheme ?? nothing}
    decimals=${a.decimals ?? nothing}
    label=${a.label ?? nothing}
    caption=${a.caption ?? nothing}
    ?transpose=${data.transpose === true}
    selected=${a.selected ?? nothing}
    theme=${a.theme ?? nothing}
    crosshair=${a.crosshair ?? nothing}
    column-label-orientation=${a['column-label-orientation'] ?? nothing}
  ></token-heatmap>`;
  const out = await collectResult(render(template));
  // Only the element: the markers of the throw-away outer template are not needed to hydrate it,
  // nor the template's line breaks where unset attributes would have been.
  const close = '</token-heatmap>';
  const element = out.slice(out.indexOf('<token-heatmap'), out.lastIndexOf(close) + close.length).replace(/^<token-heatmap\s+/, '<token-heatmap ');
  // Past a few thousand cells the element stops mirroring `values` to its attribute, but the client
  // element reads its data from there: put it back.
  if (/^<token-heatmap\b[^>]*\svalues="/.test(element)) return element;
  return element.replace('<token-heatmap ', `<token-heatmap values="${escapeHtml(stringifyValues(data.values))}" `);
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
